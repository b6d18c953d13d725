import type { Insertable } from "kysely";
import type { Readable } from "node:stream";
import type { FieldError } from "../../../../common/errors.js";
import type { LibraryCategory, LibraryKind, LibraryLanguage } from "../../../../common/library.js";
import type { Locale, Visibility } from "../../../../common/roles.js";
import { normalizeForSearch } from "../../../../common/text.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { createFileStore } from "../../lib/file-store.js";
import { richTextFromInput } from "../../lib/rich-text.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor, type Owned } from "../../policies/index.js";
import { mayDeleteComment } from "../../policies/library.js";
import { insertAudit } from "../admin/audit.repository.js";
import { isGroupMember, loadActorGroups } from "../directory/groups-of.repository.js";
import type { EventsService } from "../events/events.service.js";
import { indexRecord } from "../search/search.indexer.js";
import { htmlToText } from "../search/search.text.js";
import { libraryRepository, type EntryRow } from "./library.repository.js";
import type { CommentSchema, CreateComment, CreateEntry, EntryQuery, UpdateEntry } from "./library.schema.js";
import type { Static } from "typebox";

const notFound = () => new AppError("LIBRARY_ENTRY_NOT_FOUND");
const EXCERPT_LENGTH = 200;
const TAG_LIST_LIMIT = 20;

type Texts = { titleAr: string | null; titleEn: string | null; bodyAr: string | null; bodyEn: string | null };
type TextInput = Partial<Record<"title" | "body" | "titleAr" | "titleEn" | "bodyAr" | "bodyEn", string | null>>;
type Comment = Static<typeof CommentSchema>;

function ownership(row: { organisationId: string; visibility: string; shareGroupId: string | null }): Owned {
  return { organisationId: row.organisationId, visibility: row.visibility, shareGroupId: row.shareGroupId };
}

/** Tags as kept: trimmed, inner spaces collapsed, the first of those equal once normalised (case, Arabic letter forms). */
export function normaliseTags(tags: readonly string[] | undefined): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags ?? []) {
    const tag = raw.trim().replace(/\s+/g, " ");
    const key = normalizeForSearch(tag);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}

/** About `max` characters of the text's opening, cut at a word, as plain text. */
function excerptOf(html: string | null, max = EXCERPT_LENGTH): string {
  const text = htmlToText(html).replace(/\s+/g, " ").trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The language to show an entry in: the caller's when the entry has it, else the other. */
function shownLanguage(locale: Locale, row: Texts): LibraryLanguage {
  if (locale === "ar") return row.titleAr ? "ar" : "en";
  return row.titleEn ? "en" : "ar";
}

/**
 * Title and body in both languages after a create or an edit. `title`/`body` are the text in
 * `language` (and win over `titleAr`/`titleEn` or `bodyAr`/`bodyEn` for it); the explicit fields
 * give the other language. The entry's language needs both; the other has both or neither.
 */
function mergeTexts(language: LibraryLanguage, base: Texts, input: TextInput, errors: FieldError[]): Texts {
  const texts = { ...base };
  const suffix = language === "ar" ? "Ar" : "En";
  for (const lang of ["Ar", "En"] as const) {
    const titleKey = `title${lang}` as const;
    const bodyKey = `body${lang}` as const;
    const own = lang === suffix;
    // In the entry's language, `title` and `body` name the text; else the explicit fields do.
    const titleField = own && (input.title !== undefined || input[titleKey] === undefined) ? "title" : titleKey;
    const bodyField = own && (input.body !== undefined || input[bodyKey] === undefined) ? "body" : bodyKey;
    const title = titleField === "title" ? input.title : input[titleKey];
    const body = bodyField === "body" ? input.body : input[bodyKey];
    if (title !== undefined) texts[titleKey] = title?.trim() || null;
    if (body !== undefined) {
      const html = body?.trim() ? richTextFromInput(body) : "";
      // Markup with nothing readable in it (e.g. "<p><br></p>") is no text.
      if (body?.trim() && !html) errors.push({ field: bodyField, message: "validation.required" });
      texts[bodyKey] = html || null;
    }
    const reported = (field: string) => errors.some((e) => e.field === field);
    if (own) {
      if (!texts[titleKey] && !reported(titleField)) errors.push({ field: titleField, message: "validation.required" });
      if (!texts[bodyKey] && !reported(bodyField)) errors.push({ field: bodyField, message: "validation.required" });
    } else if (Boolean(texts[titleKey]) !== Boolean(texts[bodyKey]) && !reported(titleKey) && !reported(bodyKey)) {
      // A translation needs its title and its text together.
      errors.push({ field: texts[titleKey] ? bodyKey : titleKey, message: "validation.required" });
    }
  }
  return texts;
}


/**
 * The best-practice library: entries (practices, lessons learned, experiences) written by an
 * organisation and shared privately, with a group, with all members or publicly; their versions,
 * tags, comments and questions, "useful" marks and files. Every write that changes what is
 * searchable re-indexes the entry in the same transaction.
 */
export function createLibraryService(deps: Deps, events: EventsService) {
  const { db, dialect, config } = deps;
  const repo = libraryRepository(db, dialect);
  const store = createFileStore({ dataDir: config.dataDir, maxBytes: config.attachmentMaxBytes });

  /** A live entry the actor may read (404 otherwise, also for anonymous callers: ids are not confirmed). */
  async function load(actor: Actor | null, id: string): Promise<EntryRow> {
    const row = await repo.findById(id);
    if (!row || row.archivedAt) throw notFound();
    await loadActorGroups(db, actor);
    if (!can(actor, "library.read", ownership(row))) throw notFound();
    return row;
  }

  function presentSummary(row: EntryRow, tags: string[], locale: Locale) {
    const shown = shownLanguage(locale, row);
    return {
      id: row.id,
      kind: row.kind as LibraryKind,
      language: row.language as LibraryLanguage,
      title: (shown === "ar" ? row.titleAr : row.titleEn) ?? row.titleAr ?? row.titleEn ?? "",
      titleAr: row.titleAr,
      titleEn: row.titleEn,
      excerpt: excerptOf(shown === "ar" ? row.bodyAr : row.bodyEn),
      category: row.category as LibraryCategory,
      tags,
      organisation: { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, country: row.orgCountry },
      season: row.seasonId ? { id: row.seasonId, code: row.seasonCode ?? "", nameAr: row.seasonNameAr ?? "", nameEn: row.seasonNameEn ?? "" } : null,
      scope: row.visibility as Visibility,
      group: row.shareGroupId ? { id: row.shareGroupId, code: row.groupCode ?? "", nameAr: row.groupNameAr ?? "", nameEn: row.groupNameEn ?? "" } : null,
      usefulCount: Number(row.usefulCount),
      commentCount: Number(row.commentCount),
      version: Number(row.version),
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
  }

  async function listAttachmentsOf(entryId: string) {
    return (await repo.attachments(entryId)).map((a) => ({ ...a, size: Number(a.size) }));
  }

  /** The linked event, when the actor may read it. */
  async function eventRef(actor: Actor | null, eventId: string | null) {
    if (!eventId) return null;
    try {
      const event = await events.load(actor, eventId);
      return { id: event.id, titleAr: event.titleAr, titleEn: event.titleEn, startsAt: event.startsAt };
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
  }

  async function present(actor: Actor | null, row: EntryRow, locale: Locale) {
    const tags = (await repo.tagsOf([row.id])).map((t) => t.tag);
    const owned = ownership(row);
    return {
      ...presentSummary(row, tags, locale),
      bodyAr: row.bodyAr,
      bodyEn: row.bodyEn,
      event: await eventRef(actor, row.eventId),
      author: row.authorId ? { id: row.authorId, name: row.authorName ?? "" } : null,
      updatedBy: row.updatedBy ? { id: row.updatedBy, name: row.updatedByName ?? "" } : null,
      markedUseful: actor ? (await repo.markedAmong([row.id], actor.userId)).has(row.id) : false,
      attachments: await listAttachmentsOf(row.id),
      abilities: { update: can(actor, "library.update", owned), comment: can(actor, "library.comment", owned) },
    };
  }

  /**
   * The group an entry is shared with: required with scope "group", given by code, and a
   * group the entry's organisation belongs to; cleared for every other scope. In an edit,
   * an absent `groupCode` keeps the current group.
   */
  async function resolveGroup(organisationId: string, scope: string, groupCode: string | null | undefined, current: string | null, errors: FieldError[]) {
    if (scope !== "group") return null;
    if (groupCode === undefined && current) return current;
    if (!groupCode) {
      errors.push({ field: "groupCode", message: "validation.required" });
      return null;
    }
    const group = await repo.group(groupCode);
    if (!group || group.archivedAt || !(await isGroupMember(db, group.id, organisationId))) {
      errors.push({ field: "groupCode", message: "validation.invalid_choice" });
      return null;
    }
    return group.id;
  }

  async function resolveSeason(seasonCode: string | null | undefined, current: string | null, errors: FieldError[]) {
    if (seasonCode === undefined) return current;
    if (!seasonCode) return null;
    const season = await repo.season(seasonCode);
    if (!season) errors.push({ field: "seasonCode", message: "validation.invalid_choice" });
    return season?.id ?? null;
  }

  async function resolveEvent(actor: Actor, eventId: string | null | undefined, current: string | null, errors: FieldError[]) {
    if (eventId === undefined) return current;
    if (!eventId) return null;
    if (eventId === current) return current;
    const event = await eventRef(actor, eventId);
    if (!event) errors.push({ field: "eventId", message: "validation.invalid_choice" });
    return event?.id ?? null;
  }

  function versionRow(entryId: string, version: number, values: Texts & { kind: string; language: string; category: string }, tags: string[], actor: Actor, now: string): Insertable<DB["libraryEntryVersions"]> {
    return {
      id: newId(),
      entryId,
      version,
      kind: values.kind,
      language: values.language,
      titleAr: values.titleAr,
      titleEn: values.titleEn,
      bodyAr: values.bodyAr,
      bodyEn: values.bodyEn,
      category: values.category,
      tags: JSON.stringify(tags),
      editedBy: actor.userId,
      editedAt: now,
    };
  }

  function presentComment(actor: Actor | null, entry: EntryRow, c: Awaited<ReturnType<typeof repo.comments>>[number]): Comment {
    const deleted = c.deletedAt !== null;
    return {
      id: c.id,
      parentId: c.parentId,
      kind: c.kind as Comment["kind"],
      body: deleted ? "" : c.body,
      author: c.userId ? { id: c.userId, name: c.userName ?? "" } : null,
      organisation: { id: c.organisationId, nameAr: c.orgNameAr, nameEn: c.orgNameEn, country: c.orgCountry },
      createdAt: c.createdAt,
      deleted,
      abilities: { delete: !deleted && mayDeleteComment(actor, entry, c) },
    };
  }

  const summaryOf = (row: { titleAr: string | null; titleEn: string | null }) => row.titleEn ?? row.titleAr ?? "";

  return {
    /** Entries the caller may read, filtered and paged; titles and excerpts in `locale` where the entry has it. */
    async findEntries(actor: Actor | null, query: EntryQuery, locale: Locale) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const { items, total } = await repo.search(actor, { ...query, page, pageSize });
      const tags = await repo.tagsOf(items.map((r) => r.id));
      return {
        items: items.map((row) => presentSummary(row, tags.filter((t) => t.entryId === row.id).map((t) => t.tag), locale)),
        total,
        page,
        pageSize,
      };
    },

    /** @throws AppError LIBRARY_ENTRY_NOT_FOUND (also when withdrawn or not readable) */
    async getEntry(actor: Actor | null, id: string, locale: Locale) {
      return present(actor, await load(actor, id), locale);
    },

    /**
     * Write an entry for the actor's organisation; version 1 is kept in its history.
     * @throws AppError FORBIDDEN, VALIDATION_FAILED naming each bad field
     */
    async createEntry(actor: Actor, input: CreateEntry, locale: Locale) {
      authorize(actor, "library.create", { organisationId: actor.organisationId });
      const errors: FieldError[] = [];
      const texts = mergeTexts(input.language, { titleAr: null, titleEn: null, bodyAr: null, bodyEn: null }, input, errors);
      const shareGroupId = await resolveGroup(actor.organisationId, input.scope, input.groupCode, null, errors);
      const seasonId = await resolveSeason(input.seasonCode, null, errors);
      const eventId = await resolveEvent(actor, input.eventId, null, errors);
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const tags = normaliseTags(input.tags);
      const now = nowIso();
      const row: Insertable<DB["libraryEntries"]> = {
        id: newId(),
        organisationId: actor.organisationId,
        authorId: actor.userId,
        kind: input.kind ?? "practice",
        language: input.language,
        ...texts,
        category: input.category ?? "other",
        seasonId,
        eventId,
        visibility: input.scope,
        shareGroupId,
        version: 1,
        usefulCount: 0,
        commentCount: 0,
        updatedBy: actor.userId,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await repo.replaceTags(tx, row.id, tags);
        await repo.insertVersion(tx, versionRow(row.id, 1, { ...texts, kind: row.kind, language: row.language, category: row.category }, tags, actor, now));
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "library.created", entityType: "library_entry", entityId: row.id, summary: summaryOf(texts), changes: { scope: row.visibility, kind: row.kind, category: row.category } }, now);
        await indexRecord(tx, "library", row.id);
      });
      return present(actor, (await repo.findById(row.id))!, locale);
    },

    /**
     * Edit an entry. Every save makes a new version (kept in the history); `version` must be
     * the one the edit started from.
     * @throws AppError LIBRARY_ENTRY_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, LIBRARY_ENTRY_CONFLICT
     */
    async updateEntry(actor: Actor, id: string, input: UpdateEntry, locale: Locale) {
      const row = await load(actor, id);
      authorize(actor, "library.update", ownership(row));
      if (Number(row.version) !== input.version) throw new AppError("LIBRARY_ENTRY_CONFLICT");
      const errors: FieldError[] = [];
      const language = input.language ?? (row.language as LibraryLanguage);
      const texts = mergeTexts(language, { titleAr: row.titleAr, titleEn: row.titleEn, bodyAr: row.bodyAr, bodyEn: row.bodyEn }, input, errors);
      const scope = input.scope ?? row.visibility;
      const shareGroupId = await resolveGroup(row.organisationId, scope, input.groupCode, row.shareGroupId, errors);
      const seasonId = await resolveSeason(input.seasonCode, row.seasonId, errors);
      const eventId = await resolveEvent(actor, input.eventId, row.eventId, errors);
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const currentTags = (await repo.tagsOf([row.id])).map((t) => t.tag);
      const tags = input.tags !== undefined ? normaliseTags(input.tags) : currentTags;
      const tagsChanged = JSON.stringify([...tags].sort()) !== JSON.stringify([...currentTags].sort());
      const values = { kind: input.kind ?? row.kind, language, ...texts, category: input.category ?? row.category, seasonId, eventId, visibility: scope, shareGroupId };
      const changes: Record<string, unknown> = diffChanges(row, values);
      // Long texts are in the versions; the audit says which changed.
      for (const key of ["bodyAr", "bodyEn"] as const) if (changes[key]) changes[key] = "changed";
      if (tagsChanged) changes.tags = [currentTags, tags];
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const current = await repo.lock(tx, row.id);
        if (!current || current.archivedAt) throw notFound();
        if (Number(current.version) !== input.version) throw new AppError("LIBRARY_ENTRY_CONFLICT");
        const version = input.version + 1;
        await repo.update(tx, row.id, { ...values, version, updatedBy: actor.userId, updatedAt: now });
        if (tagsChanged) await repo.replaceTags(tx, row.id, tags);
        await repo.insertVersion(tx, versionRow(row.id, version, values, tags, actor, now));
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.updated", entityType: "library_entry", entityId: row.id, summary: summaryOf(texts), changes: { version, ...changes } }, now);
        await indexRecord(tx, "library", row.id);
      });
      return present(actor, (await repo.findById(row.id))!, locale);
    },

    /**
     * Withdraw an entry: kept with its history, gone from lists, reads and search.
     * @throws AppError LIBRARY_ENTRY_NOT_FOUND, FORBIDDEN
     */
    async withdrawEntry(actor: Actor, id: string) {
      const row = await load(actor, id);
      authorize(actor, "library.update", ownership(row));
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, { archivedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.withdrawn", entityType: "library_entry", entityId: row.id, summary: summaryOf(row) }, now);
        await indexRecord(tx, "library", row.id);
      });
    },

    /** The entry's saved versions, newest first. */
    async listVersions(actor: Actor | null, id: string) {
      const row = await load(actor, id);
      const items = await repo.versions(row.id);
      return {
        items: items.map((v) => ({
          version: Number(v.version),
          editedAt: v.editedAt,
          editedBy: v.editedBy ? { id: v.editedBy, name: v.editedByName ?? "" } : null,
          titleAr: v.titleAr,
          titleEn: v.titleEn,
        })),
      };
    },

    /** @throws AppError LIBRARY_ENTRY_NOT_FOUND, NOT_FOUND (no such version) */
    async getVersion(actor: Actor | null, id: string, version: number) {
      const row = await load(actor, id);
      const v = await repo.version(row.id, version);
      if (!v) throw new AppError("NOT_FOUND");
      return {
        version: Number(v.version),
        kind: v.kind as LibraryKind,
        language: v.language as LibraryLanguage,
        titleAr: v.titleAr,
        titleEn: v.titleEn,
        bodyAr: v.bodyAr,
        bodyEn: v.bodyEn,
        category: v.category as LibraryCategory,
        tags: JSON.parse(v.tags) as string[],
        editedAt: v.editedAt,
        editedBy: v.editedBy ? { id: v.editedBy, name: v.editedByName ?? "" } : null,
      };
    },

    /** Comments and questions, oldest first (removed ones stay, without their text). */
    async listComments(actor: Actor | null, id: string) {
      const row = await load(actor, id);
      return { items: (await repo.comments(row.id)).map((c) => presentComment(actor, row, c)) };
    },

    /**
     * Comment on an entry or ask its authors a question; a reply names a top-level comment.
     * @throws AppError LIBRARY_ENTRY_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (parentId)
     */
    async addComment(actor: Actor, id: string, input: CreateComment) {
      const row = await load(actor, id);
      authorize(actor, "library.comment", ownership(row));
      if (input.parentId) {
        const parent = await repo.findComment(row.id, input.parentId);
        if (!parent || parent.parentId !== null) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "parentId", message: "validation.invalid_choice" }] });
      }
      const now = nowIso();
      const comment: Insertable<DB["libraryComments"]> = {
        id: newId(),
        entryId: row.id,
        parentId: input.parentId || null,
        userId: actor.userId,
        organisationId: actor.organisationId,
        kind: input.kind ?? "comment",
        body: input.body.trim(),
        deletedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.insertComment(tx, comment);
        await repo.adjustCount(tx, row.id, "commentCount", 1);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.comment_added", entityType: "library_entry", entityId: row.id, summary: summaryOf(row), changes: { comment: comment.id, kind: comment.kind } }, now);
      });
      const created = (await repo.comments(row.id)).find((c) => c.id === comment.id)!;
      return presentComment(actor, row, created);
    },

    /**
     * Remove a comment (it stays in the thread as removed).
     * @throws AppError LIBRARY_ENTRY_NOT_FOUND, LIBRARY_COMMENT_NOT_FOUND, FORBIDDEN
     */
    async deleteComment(actor: Actor, id: string, commentId: string) {
      const row = await load(actor, id);
      const comment = await repo.findComment(row.id, commentId);
      if (!comment) throw new AppError("LIBRARY_COMMENT_NOT_FOUND");
      if (!mayDeleteComment(actor, row, comment)) throw new AppError("FORBIDDEN");
      if (comment.deletedAt) return;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.softDeleteComment(tx, comment.id, now))) return;
        await repo.adjustCount(tx, row.id, "commentCount", -1);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.comment_deleted", entityType: "library_entry", entityId: row.id, summary: summaryOf(row), changes: { comment: comment.id, by: comment.userId === actor.userId ? "writer" : "moderator" } }, now);
      });
    },

    /**
     * Mark (or unmark) an entry as useful, once per user; repeating is harmless.
     * @returns the entry's count and the caller's mark
     */
    async setUseful(actor: Actor, id: string, useful: boolean) {
      const row = await load(actor, id);
      authorize(actor, "library.comment", ownership(row));
      const now = nowIso();
      return db.transaction().execute(async (tx) => {
        const changed = useful ? await repo.markUseful(tx, row.id, actor.userId, now) : await repo.unmarkUseful(tx, row.id, actor.userId);
        if (changed) {
          await repo.adjustCount(tx, row.id, "usefulCount", useful ? 1 : -1);
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: useful ? "library.marked_useful" : "library.unmarked_useful", entityType: "library_entry", entityId: row.id, summary: summaryOf(row) }, now);
        }
        const { usefulCount } = await repo.usefulCount(tx, row.id);
        return { usefulCount: Number(usefulCount), markedUseful: useful };
      });
    },

    async listAttachments(actor: Actor | null, id: string) {
      const row = await load(actor, id);
      return { items: await listAttachmentsOf(row.id) };
    },

    /**
     * Attach a file (streamed to disk, checked by extension and content, at most ATTACHMENT_MAX_MB).
     * @throws AppError LIBRARY_ENTRY_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (fileName, file), PAYLOAD_TOO_LARGE
     */
    async uploadAttachment(actor: Actor, id: string, input: { fileName: string; declaredSize: number | null; body: Readable }) {
      const row = await load(actor, id);
      authorize(actor, "library.update", ownership(row));
      const file = store.accept(input.fileName);
      const stored = await store.save(file, input.body, input.declaredSize);
      const now = nowIso();
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertAttachment(tx, { id: stored.id, entryId: row.id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.storageKey, uploadedBy: actor.userId, createdAt: now });
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.file_added", entityType: "library_entry", entityId: row.id, summary: stored.fileName, changes: { attachment: stored.id, size: stored.size } }, now);
        });
      } catch (err) {
        await store.remove(stored.storageKey);
        throw err;
      }
      return (await listAttachmentsOf(row.id)).find((a) => a.id === stored.id)!;
    },

    /** A stored file for download, if the caller may read the entry. */
    async openAttachment(actor: Actor | null, id: string, attachmentId: string) {
      const row = await load(actor, id);
      const file = await repo.findAttachment(row.id, attachmentId);
      if (!file) throw new AppError("NOT_FOUND");
      const stored = await store.open(file.storageKey);
      if (!stored) throw new AppError("NOT_FOUND");
      return { fileName: file.fileName, contentType: file.contentType, size: stored.size, stream: stored.stream };
    },

    async removeAttachment(actor: Actor, id: string, attachmentId: string) {
      const row = await load(actor, id);
      authorize(actor, "library.update", ownership(row));
      const file = await repo.findAttachment(row.id, attachmentId);
      if (!file) throw new AppError("NOT_FOUND");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.deleteAttachment(tx, file.id);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "library.file_removed", entityType: "library_entry", entityId: row.id, summary: file.fileName, changes: { attachment: file.id, sha256: file.sha256 } }, now);
      });
      await store.remove(file.storageKey);
    },

    /**
     * Tags of the entries the caller may read with how many carry each, most used first;
     * `q` keeps those starting with it (compared as search compares: case, Arabic letter forms).
     */
    async listTags(actor: Actor | null, q: string | undefined) {
      const prefix = q ? normalizeForSearch(q) : "";
      const merged = new Map<string, { tag: string; count: number; best: number }>();
      for (const row of await repo.tagCounts(actor)) {
        const key = normalizeForSearch(row.tag);
        if (prefix && !key.startsWith(prefix)) continue;
        const n = Number(row.n);
        const entry = merged.get(key);
        if (!entry) merged.set(key, { tag: row.tag, count: n, best: n });
        else {
          entry.count += n;
          // Shown as its most used spelling.
          if (n > entry.best) Object.assign(entry, { tag: row.tag, best: n });
        }
      }
      const items = [...merged.values()]
        .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
        .slice(0, TAG_LIST_LIMIT)
        .map(({ tag, count }) => ({ tag, count }));
      return { items };
    },
  };
}

export type LibraryService = ReturnType<typeof createLibraryService>;
