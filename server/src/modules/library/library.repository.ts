import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { Dialect } from "../../db/database.js";
import { lockRow } from "../../db/dialect.js";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import type { EntryQuery } from "./library.schema.js";

const columns = [
  "libraryEntries.id",
  "libraryEntries.organisationId",
  "libraryEntries.authorId",
  "libraryEntries.kind",
  "libraryEntries.language",
  "libraryEntries.titleAr",
  "libraryEntries.titleEn",
  "libraryEntries.bodyAr",
  "libraryEntries.bodyEn",
  "libraryEntries.category",
  "libraryEntries.seasonId",
  "libraryEntries.eventId",
  "libraryEntries.visibility",
  "libraryEntries.shareGroupId",
  "libraryEntries.version",
  "libraryEntries.usefulCount",
  "libraryEntries.commentCount",
  "libraryEntries.updatedBy",
  "libraryEntries.archivedAt",
  "libraryEntries.createdAt",
  "libraryEntries.updatedAt",
  "organisations.code as orgCode",
  "organisations.nameAr as orgNameAr",
  "organisations.nameEn as orgNameEn",
  "organisations.country as orgCountry",
  "seasons.code as seasonCode",
  "seasons.nameAr as seasonNameAr",
  "seasons.nameEn as seasonNameEn",
  "shareGroups.code as groupCode",
  "shareGroups.nameAr as groupNameAr",
  "shareGroups.nameEn as groupNameEn",
  "authors.name as authorName",
  "editors.name as updatedByName",
] as const;

/** The entry's columns as the policies read them. */
const SCOPE_COLUMNS = { organisation: "library_entries.organisation_id", visibility: "library_entries.visibility", shareGroup: "library_entries.share_group_id" };

/** Entries, their versions, tags, comments, "useful" marks and files (Kysely only). */
export function libraryRepository(db: Kysely<DB>, dialect: Dialect) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("libraryEntries")
      .innerJoin("organisations", "organisations.id", "libraryEntries.organisationId")
      .leftJoin("seasons", "seasons.id", "libraryEntries.seasonId")
      .leftJoin("groups as shareGroups", "shareGroups.id", "libraryEntries.shareGroupId")
      .leftJoin("users as authors", "authors.id", "libraryEntries.authorId")
      .leftJoin("users as editors", "editors.id", "libraryEntries.updatedBy")
      .select(columns);
  }

  /** Live entries the actor may read, narrowed by the list's filters (columns of library_entries only). */
  function conditions(actor: Actor | null, filter: EntryQuery) {
    return (eb: ExpressionBuilder<DB, "libraryEntries">) => {
      const parts: Expression<SqlBool>[] = [scopeCondition(eb, actor, "library.read", SCOPE_COLUMNS), eb("libraryEntries.archivedAt", "is", null)];
      if (filter.kind) parts.push(eb("libraryEntries.kind", "=", filter.kind));
      if (filter.category) parts.push(eb("libraryEntries.category", "=", filter.category));
      if (filter.scope) parts.push(eb("libraryEntries.visibility", "=", filter.scope));
      if (filter.organisation) parts.push(eb("libraryEntries.organisationId", "in", eb.selectFrom("organisations").select("id").where("code", "=", filter.organisation)));
      if (filter.season) parts.push(eb("libraryEntries.seasonId", "in", eb.selectFrom("seasons").select("id").where("code", "=", filter.season)));
      if (filter.tag) {
        parts.push(eb("libraryEntries.id", "in", eb.selectFrom("libraryEntryTags").select("entryId").where(sql<string>`lower(tag)`, "=", filter.tag.trim().replace(/\s+/g, " ").toLowerCase())));
      }
      if (filter.mine) parts.push(actor ? eb("libraryEntries.organisationId", "=", actor.organisationId) : sql<SqlBool>`1 = 0`);
      return eb.and(parts);
    };
  }

  return {
    async search(actor: Actor | null, filter: EntryQuery & { page: number; pageSize: number }) {
      const where = conditions(actor, filter);
      let items = base().where(where as never);
      if (filter.sort === "useful") items = items.orderBy("libraryEntries.usefulCount", "desc");
      const [rows, count] = await Promise.all([
        items
          .orderBy("libraryEntries.updatedAt", "desc")
          .orderBy("libraryEntries.id")
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        db.selectFrom("libraryEntries").where(where).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items: rows, total: Number(count.n) };
    },

    findById(id: string, tx: Executor = db) {
      return base(tx).where("libraryEntries.id", "=", id).executeTakeFirst();
    },

    /** Serialise writers of one entry inside a transaction (SQLite already holds the write lock). */
    async lock(tx: Executor, id: string) {
      await lockRow(tx, dialect, "library_entries", id);
      return tx.selectFrom("libraryEntries").select(["version", "archivedAt"]).where("id", "=", id).executeTakeFirst();
    },

    async tagsOf(entryIds: string[], tx: Executor = db) {
      if (entryIds.length === 0) return [];
      return tx.selectFrom("libraryEntryTags").select(["entryId", "tag"]).where("entryId", "in", entryIds).orderBy("tag").execute();
    },

    create(tx: Executor, row: Insertable<DB["libraryEntries"]>) {
      return tx.insertInto("libraryEntries").values(row).execute();
    },

    update(tx: Executor, id: string, values: Updateable<DB["libraryEntries"]>) {
      return tx.updateTable("libraryEntries").set(values).where("id", "=", id).execute();
    },

    async replaceTags(tx: Executor, entryId: string, tags: string[]) {
      await tx.deleteFrom("libraryEntryTags").where("entryId", "=", entryId).execute();
      if (tags.length) await tx.insertInto("libraryEntryTags").values(tags.map((tag) => ({ entryId, tag }))).execute();
    },

    insertVersion(tx: Executor, row: Insertable<DB["libraryEntryVersions"]>) {
      return tx.insertInto("libraryEntryVersions").values(row).execute();
    },

    versions(entryId: string) {
      return db
        .selectFrom("libraryEntryVersions")
        .leftJoin("users", "users.id", "libraryEntryVersions.editedBy")
        .select(["libraryEntryVersions.version", "libraryEntryVersions.editedAt", "libraryEntryVersions.editedBy", "users.name as editedByName", "libraryEntryVersions.titleAr", "libraryEntryVersions.titleEn"])
        .where("libraryEntryVersions.entryId", "=", entryId)
        .orderBy("libraryEntryVersions.version", "desc")
        .execute();
    },

    version(entryId: string, version: number) {
      return db
        .selectFrom("libraryEntryVersions")
        .leftJoin("users", "users.id", "libraryEntryVersions.editedBy")
        .selectAll("libraryEntryVersions")
        .select("users.name as editedByName")
        .where("libraryEntryVersions.entryId", "=", entryId)
        .where("libraryEntryVersions.version", "=", version)
        .executeTakeFirst();
    },

    /** Tags of the entries the actor may read, with how many entries carry each. */
    tagCounts(actor: Actor | null) {
      return db
        .selectFrom("libraryEntryTags")
        .innerJoin("libraryEntries", "libraryEntries.id", "libraryEntryTags.entryId")
        .select(["libraryEntryTags.tag", (eb) => eb.fn.countAll<number>().as("n")])
        .where((eb) => eb.and([scopeCondition(eb, actor, "library.read", SCOPE_COLUMNS), eb("libraryEntries.archivedAt", "is", null)]))
        .groupBy("libraryEntryTags.tag")
        .execute();
    },

    season(code: string) {
      return db.selectFrom("seasons").select(["id", "code"]).where("code", "=", code).executeTakeFirst();
    },

    group(code: string) {
      return db.selectFrom("groups").select(["id", "code", "archivedAt"]).where("code", "=", code).executeTakeFirst();
    },

    comments(entryId: string) {
      return db
        .selectFrom("libraryComments")
        .innerJoin("organisations", "organisations.id", "libraryComments.organisationId")
        .leftJoin("users", "users.id", "libraryComments.userId")
        .select([
          "libraryComments.id",
          "libraryComments.entryId",
          "libraryComments.parentId",
          "libraryComments.userId",
          "libraryComments.kind",
          "libraryComments.body",
          "libraryComments.deletedAt",
          "libraryComments.createdAt",
          "libraryComments.organisationId",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.country as orgCountry",
          "users.name as userName",
        ])
        .where("libraryComments.entryId", "=", entryId)
        .orderBy("libraryComments.createdAt")
        .orderBy("libraryComments.id")
        .execute();
    },

    findComment(entryId: string, id: string) {
      return db.selectFrom("libraryComments").selectAll().where("entryId", "=", entryId).where("id", "=", id).executeTakeFirst();
    },

    insertComment(tx: Executor, row: Insertable<DB["libraryComments"]>) {
      return tx.insertInto("libraryComments").values(row).execute();
    },

    /** Mark a comment deleted; returns whether it was live until now. */
    async softDeleteComment(tx: Executor, id: string, now: string) {
      const result = await tx.updateTable("libraryComments").set({ deletedAt: now, updatedAt: now }).where("id", "=", id).where("deletedAt", "is", null).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** Add `delta` to a counter in the same statement (exact under concurrent writers: the row is locked by the update). */
    adjustCount(tx: Executor, entryId: string, counter: "commentCount" | "usefulCount", delta: number) {
      return tx
        .updateTable("libraryEntries")
        .set((eb) => ({ [counter]: eb(counter, "+", delta) }))
        .where("id", "=", entryId)
        .execute();
    },

    /** Record a user's "useful" mark; returns whether it is new. */
    async markUseful(tx: Executor, entryId: string, userId: string, now: string) {
      const result = await tx
        .insertInto("libraryUseful")
        .values({ entryId, userId, createdAt: now })
        .onConflict((oc) => oc.columns(["entryId", "userId"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Remove a user's "useful" mark; returns whether there was one. */
    async unmarkUseful(tx: Executor, entryId: string, userId: string) {
      const result = await tx.deleteFrom("libraryUseful").where("entryId", "=", entryId).where("userId", "=", userId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    usefulCount(tx: Executor, entryId: string) {
      return tx.selectFrom("libraryEntries").select("usefulCount").where("id", "=", entryId).executeTakeFirstOrThrow();
    },

    /** Of `entryIds`, those the user marked useful. */
    async markedAmong(entryIds: string[], userId: string) {
      if (entryIds.length === 0) return new Set<string>();
      const rows = await db.selectFrom("libraryUseful").select("entryId").where("entryId", "in", entryIds).where("userId", "=", userId).execute();
      return new Set(rows.map((r) => r.entryId));
    },

    attachments(entryId: string) {
      return db
        .selectFrom("libraryAttachments")
        .leftJoin("users", "users.id", "libraryAttachments.uploadedBy")
        .select(["libraryAttachments.id", "libraryAttachments.fileName", "libraryAttachments.contentType", "libraryAttachments.size", "libraryAttachments.createdAt", "users.name as uploadedBy"])
        .where("libraryAttachments.entryId", "=", entryId)
        .orderBy("libraryAttachments.createdAt")
        .orderBy("libraryAttachments.id")
        .execute();
    },

    findAttachment(entryId: string, id: string) {
      return db.selectFrom("libraryAttachments").selectAll().where("entryId", "=", entryId).where("id", "=", id).executeTakeFirst();
    },

    insertAttachment(tx: Executor, row: Insertable<DB["libraryAttachments"]>) {
      return tx.insertInto("libraryAttachments").values(row).execute();
    },

    deleteAttachment(tx: Executor, id: string) {
      return tx.deleteFrom("libraryAttachments").where("id", "=", id).execute();
    },
  };
}

export type LibraryRepository = ReturnType<typeof libraryRepository>;
export type EntryRow = NonNullable<Awaited<ReturnType<LibraryRepository["findById"]>>>;
