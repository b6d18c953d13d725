import type { Locale } from "../../../../common/roles.js";
import type { EnrolmentStatus } from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import { hashSecret, isoIn, newId, newSecret, nowIso } from "../../lib/tokens.js";
import { can, type Actor } from "../../policies/index.js";
import { isTrainee, mayEnrolFor, mayManageProgramme, type ProgrammeAccess } from "../../policies/training.js";
import { adminRepository } from "../admin/admin.repository.js";
import { insertAudit, type Executor } from "../admin/audit.repository.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import { buildSearchText } from "../directory/search.js";
import { indexRecords } from "../search/search.indexer.js";
import {
  cleanText,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ImportFileError,
  isArabic,
  languageOf,
  mapColumns,
  normaliseEmail,
  normalisePhone,
  readSheet,
  rowFields,
  templateCsv,
  templateXlsx,
  type Sheet,
} from "./enrolment-import.js";
import { enrolmentsRepository } from "./enrolments.repository.js";
import type { EnrolmentQuery, ImportResult } from "./enrolments.schema.js";
import { ProgrammeFieldErrors } from "./programmes.fields.js";
import { enrolmentOfActor, loadProgramme, programmeForRead, withGroups, type LoadedProgramme } from "./training-access.js";

/** Days an account invitation sent with an enrolment stays valid (as the admin's invitations). */
const INVITATION_DAYS = 7;
const NAME_MAX = 200;
/** At most this many row errors go into a refused commit's answer (the preview shows them all). */
const MAX_ERROR_FIELDS = 500;

type Source = "self" | "admin" | "import";
type Org = { id: string; code: string; nameAr: string; nameEn: string; kind: string; country: string | null };

/** A number in the caller's digits, as text for a message: Arabic takes his setting, English always Latin digits (as the web does). */
function digits(actor: Actor, n: number): string {
  return new Intl.NumberFormat(actor.locale === "ar" && actor.digits === "arab" ? "ar-u-nu-arab" : "en-u-nu-latn", { useGrouping: false }).format(n);
}

/** A duplicate key, from either dialect (the unique index of programme and person). */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === "23505" || e?.code === "SQLITE_CONSTRAINT_UNIQUE" || /UNIQUE constraint failed/.test(e?.message ?? "");
}

/**
 * Enrolment of trainees (people of the directory) in a programme: by themselves (open programmes),
 * one by one by their organisation's admin or the programme's managers, or from a CSV or XLSX file
 * (previewed first; nothing is written until it is valid or only the valid rows are asked for).
 * Withdrawing keeps the row; enrolling again reactivates it.
 */
export function createEnrolmentsService(deps: Deps) {
  const { db, config } = deps;
  const repo = enrolmentsRepository(db);
  const admin = adminRepository(db);

  /** The scope of what the actor sees and does with the programme's trainees: all, his organisation's, or nothing. */
  function scopeOf(actor: Actor, p: ProgrammeAccess): "all" | "own" | null {
    if (mayManageProgramme(actor, p)) return "all";
    if (can(actor, "training.enrol", { organisationId: actor.organisationId })) return "own";
    return null;
  }

  function audit(tx: Executor, actor: Actor, p: LoadedProgramme, action: string, summary: string, changes: Record<string, unknown>, now: string) {
    return insertAudit(tx, { actorId: actor.userId, organisationId: p.organisationId, action, entityType: "training_programme", entityId: p.id, summary, changes }, now);
  }

  /**
   * Enrol a person (or reactivate his withdrawn enrolment) inside `tx`.
   * @throws AppError TRAINING_ALREADY_ENROLLED
   */
  async function enrol(tx: Executor, actor: Actor, p: LoadedProgramme, person: { id: string; organisationId: string }, source: Source, userId: string | null, now: string, options: { skipEnrolled?: boolean } = {}) {
    const [existing] = await repo.findByPerson(p.id, [person.id], tx);
    if (existing?.status === "enrolled") {
      if (options.skipEnrolled) return null;
      throw new AppError("TRAINING_ALREADY_ENROLLED");
    }
    if (existing) {
      await repo.update(tx, existing.id, { status: "enrolled", source, enrolledBy: actor.userId, userId: existing.userId ?? userId, withdrawnAt: null, updatedAt: now });
      return { id: existing.id, createdAt: existing.createdAt, reactivated: true };
    }
    const id = newId();
    await repo.insert(tx, [{ id, programmeId: p.id, personId: person.id, userId, organisationId: person.organisationId, status: "enrolled", source, enrolledBy: actor.userId, createdAt: now, updatedAt: now, withdrawnAt: null }]);
    return { id, createdAt: now, reactivated: false };
  }

  async function inTransaction<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    try {
      return await db.transaction().execute(work);
    } catch (err) {
      // Two requests enrolling the same person at once: the second finds the first's row.
      if (isUniqueViolation(err)) throw new AppError("TRAINING_ALREADY_ENROLLED");
      throw err;
    }
  }

  function personRow(org: Org, values: { nameAr: string; nameEn: string; email: string | null; phone: string | null; title: string | null; preferredLanguage: Locale }, now: string): DB["people"] {
    const titleAr = values.title && isArabic(values.title) ? values.title : null;
    const titleEn = values.title && !isArabic(values.title) ? values.title : null;
    return {
      id: newId(),
      organisationId: org.id,
      nameAr: values.nameAr,
      nameEn: values.nameEn,
      position: "staff",
      titleAr,
      titleEn,
      email: values.email,
      phone: values.phone,
      preferredLanguage: values.preferredLanguage,
      visibility: "private",
      shareGroupId: null,
      searchText: buildSearchText(values.nameAr, values.nameEn, titleAr, titleEn, values.email, org.code, org.nameAr, org.nameEn),
      archivedAt: null,
      createdAt: now,
      updatedAt: now,
    };
  }

  /** Read the file; whole-file problems name the field `file`. */
  async function sheetOf(actor: Actor, file: { fileName: string; data: Buffer }): Promise<Sheet> {
    const errors = new ProgrammeFieldErrors(actor.locale);
    try {
      const sheet = await readSheet(file);
      const { missing } = mapColumns(sheet.header);
      if (missing.length) {
        const columns = missing.map((c) => errors.label(c)).join(actor.locale === "ar" ? "، " : ", ");
        errors.add("file", "training.programme.import.missing_columns", { columns }).throwIfAny();
      }
      return sheet;
    } catch (err) {
      if (!(err instanceof ImportFileError)) throw err;
      errors.add("file", `training.programme.import.${err.problem}`, { mb: digits(actor, IMPORT_MAX_BYTES / 1024 / 1024), limit: digits(actor, IMPORT_MAX_ROWS) }).throwIfAny();
      throw err;
    }
  }

  return {
    /**
     * The programme's trainees: all of them for its managers, his own organisation's for an admin.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async listEnrolments(actor: Actor, programmeId: string, query: EnrolmentQuery) {
      const p = await programmeForRead(db, actor, programmeId);
      const scope = scopeOf(actor, p);
      if (!scope) throw new AppError("FORBIDDEN");
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      let organisationId = scope === "own" ? actor.organisationId : undefined;
      if (query.organisation) {
        const org = await repo.organisation(query.organisation);
        if (!org || (organisationId && org.id !== organisationId)) return { items: [], total: 0, page, pageSize, scope, organisations: [] };
        organisationId = org.id;
      }
      const [{ items, total }, organisations] = await Promise.all([
        repo.list(p.id, { organisationId, q: query.q, status: query.status, sort: actor.locale === "ar" ? "name_ar" : "name_en" }, page, pageSize),
        repo.organisationsOf(p.id, scope === "own" ? actor.organisationId : undefined),
      ]);
      return {
        items: items.map((r) => ({
          id: r.id,
          status: r.status as EnrolmentStatus,
          source: r.source as Source,
          person: { id: r.personId, nameAr: r.nameAr, nameEn: r.nameEn, email: r.email },
          organisation: { id: r.orgId, code: r.orgCode, nameAr: r.orgNameAr, nameEn: r.orgNameEn, kind: r.orgKind, country: r.orgCountry },
          hasAccount: Number(r.hasAccount) === 1,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          withdrawnAt: r.withdrawnAt,
          abilities: { withdraw: r.status === "enrolled" },
        })),
        total,
        page,
        pageSize,
        scope,
        organisations,
      };
    },

    /**
     * Enrol oneself in a published, open programme. Someone not yet in the directory gives his name
     * in Arabic and in English (the certificate shows them): a private person of his organisation is
     * created and linked to his account.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, TRAINING_ENROLMENT_CLOSED, TRAINING_ALREADY_ENROLLED, VALIDATION_FAILED (nameAr, nameEn)
     */
    async selfEnrol(actor: Actor, programmeId: string, input: { nameAr?: string; nameEn?: string }) {
      const p = await programmeForRead(db, actor, programmeId);
      if (p.status !== "published" || p.archivedAt || p.enrolment !== "open") throw new AppError("TRAINING_ENROLMENT_CLOSED");
      if (await enrolmentOfActor(db, p.id, actor)) throw new AppError("TRAINING_ALREADY_ENROLLED");
      let person = actor.personId ? await repo.person(actor.personId) : undefined;
      if (person?.archivedAt) person = undefined;
      if (!person) {
        // Someone his admin already put in the directory under his email.
        person = (await repo.peopleByEmail([actor.email.toLowerCase()])).map((r) => ({ ...r, archivedAt: null })).find((r) => r.organisationId === actor.organisationId);
      }
      let created: DB["people"] | null = null;
      if (!person) {
        const errors = new ProgrammeFieldErrors(actor.locale);
        const nameAr = cleanText(input.nameAr ?? "");
        const nameEn = cleanText(input.nameEn ?? "");
        if (!nameAr) errors.add("nameAr", "validation.required");
        if (!nameEn) errors.add("nameEn", "validation.required");
        errors.throwIfAny();
        const org = (await repo.organisation(actor.organisationId))!;
        created = personRow(org, { nameAr, nameEn, email: actor.email.toLowerCase(), phone: null, title: null, preferredLanguage: actor.locale }, nowIso());
      }
      const target = person ?? { id: created!.id, organisationId: created!.organisationId };
      const now = nowIso();
      const result = await inTransaction(async (tx) => {
        if (created) {
          await repo.insertPeople(tx, [created]);
          await insertAudit(tx, { actorId: actor.userId, organisationId: created.organisationId, action: "person.created", entityType: "person", entityId: created.id, summary: `${created.nameEn} (self-enrolment)` }, now);
          await indexRecords(tx, "person", [created.id]);
        }
        if (actor.personId !== target.id) await repo.linkUser(tx, actor.userId, target.id, now);
        const r = (await enrol(tx, actor, p, target, "self", actor.userId, now))!;
        await audit(tx, actor, p, "training.enrolled", p.titleEn, { enrolment: r.id, person: target.id, source: "self", reactivated: r.reactivated }, now);
        return r;
      });
      return { id: result.id, status: "enrolled" as const, createdAt: result.createdAt };
    },

    /**
     * Enrol one person of the directory: the programme's managers anyone, an admin his own organisation's people.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (personId), TRAINING_ENROLMENT_CLOSED, TRAINING_ALREADY_ENROLLED
     */
    async enrolPerson(actor: Actor, programmeId: string, personId: string) {
      const p = await programmeForRead(db, actor, programmeId);
      const a = (await withGroups(db, actor))!;
      if (!scopeOf(a, p)) throw new AppError("FORBIDDEN");
      const person = await repo.person(personId);
      if (!person || person.archivedAt) new ProgrammeFieldErrors(actor.locale).add("personId", "validation.invalid_choice").throwIfAny();
      if (!mayEnrolFor(a, p, person!.organisationId)) throw new AppError("FORBIDDEN");
      if (p.archivedAt) throw new AppError("TRAINING_ENROLMENT_CLOSED");
      const user = await repo.userOfPerson(person!.id);
      const now = nowIso();
      const result = await inTransaction(async (tx) => {
        const r = (await enrol(tx, actor, p, person!, "admin", user?.id ?? null, now))!;
        await audit(tx, actor, p, "training.enrolled", `${person!.nameEn} — ${p.titleEn}`, { enrolment: r.id, person: person!.id, source: "admin", reactivated: r.reactivated }, now);
        return r;
      });
      return this.enrolmentById(result.id);
    },

    /** One enrolment as the list shows it (the caller was checked). */
    async enrolmentById(id: string) {
      const row = await repo.findById(id);
      if (!row) throw new AppError("TRAINING_ENROLMENT_NOT_FOUND");
      const person = (await repo.person(row.personId))!;
      const org = (await repo.organisation(row.organisationId))!;
      return {
        id: row.id,
        status: row.status as EnrolmentStatus,
        source: row.source as Source,
        person: { id: person.id, nameAr: person.nameAr, nameEn: person.nameEn, email: person.email },
        organisation: org,
        hasAccount: row.userId !== null || Boolean(await repo.userOfPerson(person.id)),
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        withdrawnAt: row.withdrawnAt,
        abilities: { withdraw: row.status === "enrolled" },
      };
    },

    /**
     * Withdraw an enrolment (the row is kept as withdrawn): the trainee himself, his organisation's
     * admin, or the programme's managers. Withdrawing again changes nothing.
     * @throws AppError TRAINING_ENROLMENT_NOT_FOUND (also when the caller may not see it)
     */
    async withdraw(actor: Actor, id: string) {
      const row = await repo.findById(id);
      const p = row ? await loadProgramme(db, row.programmeId) : null;
      const a = (await withGroups(db, actor))!;
      if (!row || !p || !(isTrainee(a, row) || mayEnrolFor(a, p, row.organisationId))) throw new AppError("TRAINING_ENROLMENT_NOT_FOUND");
      if (row.status === "withdrawn") return;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, { status: "withdrawn", withdrawnAt: now, updatedAt: now });
        await audit(tx, actor, p, "training.enrolment_withdrawn", p.titleEn, { enrolment: row.id, person: row.personId, by: isTrainee(a, row) ? "trainee" : "admin" }, now);
      });
    },

    /**
     * Enrol people from a CSV or XLSX file. A preview writes nothing and says, row by row, who is
     * new to the directory, who is matched by email, who is already enrolled and what is wrong. A
     * commit writes everything in one transaction — people created, enrolled, invited — and is refused
     * (TRAINING_IMPORT_INVALID, nothing written) while rows have errors, unless only the valid rows are asked for.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, TRAINING_ENROLMENT_CLOSED, VALIDATION_FAILED (file), TRAINING_IMPORT_INVALID
     */
    async importEnrolments(actor: Actor, programmeId: string, input: { file: { fileName: string; data: Buffer }; mode: "preview" | "commit"; validOnly: boolean; invite: boolean }): Promise<ImportResult> {
      const p = await programmeForRead(db, actor, programmeId);
      const a = (await withGroups(db, actor))!;
      if (!scopeOf(a, p)) throw new AppError("FORBIDDEN");
      if (p.archivedAt) throw new AppError("TRAINING_ENROLMENT_CLOSED");
      const sheet = await sheetOf(actor, input.file);
      const { index } = mapColumns(sheet.header);
      const parsed = sheet.rows.map((r) => ({ row: r.row, f: rowFields(r, index) }));
      const now = nowIso();

      const orgs = new Map((await repo.organisationsByCode([...new Set(parsed.map((r) => r.f.organisation.toLowerCase()).filter(Boolean))])).map((o) => [o.code.toLowerCase(), o]));
      const emails = [...new Set(parsed.map((r) => normaliseEmail(r.f.email)).filter((e): e is string => e !== null))];
      const people = await repo.peopleByEmail(emails);
      const enrolled = new Map((await repo.findByPerson(p.id, people.map((x) => x.id))).map((e) => [e.personId, e]));
      const accounts = input.invite ? await repo.emailsWithAccount(emails) : new Set<string>();
      const userOf = new Map((await repo.usersOfPeople(people.map((x) => x.id))).map((u) => [u.personId!, u.id]));
      const pending = input.invite ? await repo.emailsInvited(emails, now) : new Set<string>();
      const firstRow = new Map<string, number>();

      const rows = parsed.map(({ row, f }) => {
        const errors = new ProgrammeFieldErrors(actor.locale);
        for (const field of ["nameAr", "nameEn"] as const) {
          if (!f[field]) errors.add(field, "validation.required");
          else if (f[field].length > NAME_MAX) errors.add(field, "validation.too_long", { limit: NAME_MAX });
        }
        const email = normaliseEmail(f.email);
        if (!f.email) errors.add("email", "validation.required");
        else if (!email) errors.add("email", "validation.invalid_email");
        else if (firstRow.has(email)) errors.add("email", "training.programme.import.duplicate", { row: digits(actor, firstRow.get(email)!) });
        else firstRow.set(email, row);
        const org = orgs.get(f.organisation.toLowerCase()) ?? null;
        if (!f.organisation) errors.add("organisation", "validation.required");
        else if (!org) errors.add("organisation", "training.programme.import.unknown_organisation", { code: f.organisation });
        else if (!mayEnrolFor(a, p, org.id)) errors.add("organisation", "training.programme.import.organisation_not_allowed", { name: actor.locale === "ar" ? org.nameAr : org.nameEn });
        const phone = f.phone ? normalisePhone(f.phone) : null;
        if (f.phone && !phone) errors.add("phone", "validation.invalid_format");
        const language = f.language ? languageOf(f.language) : null;
        if (f.language && !language) errors.add("language", "validation.invalid_choice");
        const matches = email ? people.filter((x) => x.email?.toLowerCase() === email) : [];
        const person = org ? (matches.find((x) => x.organisationId === org.id) ?? null) : null;
        // One email, one person: the same address in another organisation is someone else's record.
        if (org && !person && matches.length > 0) errors.add("email", "training.programme.import.email_other_organisation");
        const status = errors.any ? "error" : person && enrolled.get(person.id)?.status === "enrolled" ? "already" : person ? "existing" : "new";
        let invitation: ImportResult["rows"][number]["invitation"] = null;
        if (input.invite && (status === "new" || status === "existing")) {
          if (accounts.has(email!) || (person && userOf.has(person.id))) invitation = "has_account";
          else if (pending.has(email!)) invitation = "pending";
          else if (!can(actor, "user.invite", { organisationId: org!.id })) invitation = "not_allowed";
          else invitation = "send";
        }
        return {
          row,
          nameAr: f.nameAr,
          nameEn: f.nameEn,
          email: email ?? f.email,
          organisationCode: f.organisation,
          organisation: org ? { id: org.id, code: org.code, nameAr: org.nameAr, nameEn: org.nameEn } : null,
          title: f.title,
          phone: phone ?? f.phone,
          status,
          errors: errors.list,
          invitation,
          // Kept for the commit, not sent.
          person,
          org,
          language: language ?? person?.preferredLanguage ?? actor.locale,
        } as const;
      });

      const columns = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, index[c] === undefined ? null : sheet.header[index[c]!]!])) as ImportResult["columns"];
      const toEnrol = rows.filter((r) => r.status === "new" || r.status === "existing");
      const counts = {
        rows: rows.length,
        newPeople: rows.filter((r) => r.status === "new").length,
        existingPeople: rows.filter((r) => r.status === "existing").length,
        skipped: rows.filter((r) => r.status === "already").length,
        errors: rows.filter((r) => r.status === "error").length,
        enrolled: toEnrol.length,
        invited: toEnrol.filter((r) => r.invitation === "send").length,
      };
      const result = (committed: boolean): ImportResult => ({
        mode: input.mode,
        committed,
        columns,
        rows: rows.map(({ person: _p, org: _o, language: _l, ...r }) => r),
        counts,
      });
      if (input.mode === "preview") return result(false);

      if (counts.errors > 0 && !input.validOnly) {
        const fields = rows.flatMap((r) =>
          r.errors.map((e) => ({ field: `rows.${r.row}.${e.field}`, message: `${translate(actor.locale, "training.programme.import.row", { row: digits(actor, r.row) })}: ${e.message}` })),
        );
        throw new AppError("TRAINING_IMPORT_INVALID", { fields: fields.slice(0, MAX_ERROR_FIELDS) });
      }

      await inTransaction(async (tx) => {
        const created = new Map(
          toEnrol
            .filter((r) => !r.person)
            .map((r) => [r.row, personRow(r.org!, { nameAr: r.nameAr, nameEn: r.nameEn, email: r.email, phone: r.phone || null, title: r.title || null, preferredLanguage: r.language as Locale }, now)] as const),
        );
        const newPeople = [...created.values()];
        for (let i = 0; i < newPeople.length; i += 200) await repo.insertPeople(tx, newPeople.slice(i, i + 200));
        for (const person of newPeople) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: person.organisationId, action: "person.created", entityType: "person", entityId: person.id, summary: `${person.nameEn} (import, ${p.code})` }, now);
        }
        await indexRecords(tx, "person", newPeople.map((x) => x.id));
        let enrolledNow = 0;
        for (const r of toEnrol) {
          const person = r.person ?? created.get(r.row)!;
          if (await enrol(tx, actor, p, person, "import", r.person ? (userOf.get(r.person.id) ?? null) : null, now, { skipEnrolled: true })) enrolledNow += 1;
        }
        let invited = 0;
        for (const r of toEnrol) {
          if (r.invitation !== "send") continue;
          await invite(tx, actor, p, r.org!, r.email, r.nameEn || r.nameAr, r.language as Locale, now);
          invited += 1;
        }
        counts.enrolled = enrolledNow;
        counts.skipped += toEnrol.length - enrolledNow;
        counts.invited = invited;
        await audit(tx, actor, p, "training.enrolments_imported", input.file.fileName, { ...counts, validOnly: input.validOnly, invite: input.invite }, now);
      });
      return result(true);
    },

    /**
     * The import template: CSV (UTF-8 with BOM) or XLSX with bilingual headers (the XLSX also lists
     * the organisations the caller may enrol).
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async template(actor: Actor, programmeId: string, format: "csv" | "xlsx") {
      const p = await programmeForRead(db, actor, programmeId);
      const a = (await withGroups(db, actor))!;
      const scope = scopeOf(a, p);
      if (!scope) throw new AppError("FORBIDDEN");
      const base = `${p.code}-enrolments`;
      if (format === "csv") return { fileName: `${base}.csv`, contentType: "text/csv; charset=utf-8", data: templateCsv() };
      const organisations = scope === "all" ? await repo.currentOrganisations() : [(await repo.organisation(actor.organisationId))!];
      const data = await templateXlsx({
        rtl: actor.locale === "ar",
        organisations,
        sheetNames: { people: translate(actor.locale, "training.programme.import.sheet_people"), organisations: translate(actor.locale, "training.programme.import.sheet_organisations") },
      });
      return { fileName: `${base}.xlsx`, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data };
    },
  };

  /**
   * An account invitation (role participant) for a trainee, through the admin's invitation records
   * and the outbox, in the trainee's language; the message says which programme he was enrolled in.
   */
  async function invite(tx: Executor, actor: Actor, p: LoadedProgramme, org: Org, email: string, name: string, locale: Locale, now: string) {
    const token = newSecret();
    const id = newId();
    const link = `${config.publicUrl}/invite/${token}`;
    await admin.insertInvitation(tx, { id, tokenHash: hashSecret(token), email, name, role: "participant", organisationId: org.id, invitedBy: actor.userId, createdAt: now, expiresAt: isoIn(INVITATION_DAYS * 24 * 60), acceptedAt: null, revokedAt: null });
    await insertOutbox(tx, {
      organisationId: org.id,
      toEmail: email,
      kind: "invitation",
      locale,
      subject: translate(locale, "emails.training_invitation_subject", { programme: locale === "ar" ? p.titleAr : p.titleEn }),
      body: translate(locale, "emails.training_invitation_body", {
        inviter: actor.name,
        programme: locale === "ar" ? p.titleAr : p.titleEn,
        organisation: locale === "ar" ? org.nameAr : org.nameEn,
        link,
        days: INVITATION_DAYS,
      }),
    });
    await insertAudit(tx, { actorId: actor.userId, organisationId: org.id, action: "invitation.created", entityType: "invitation", entityId: id, summary: `${email} (participant, ${p.code})` }, now);
  }
}

export type EnrolmentsService = ReturnType<typeof createEnrolmentsService>;
