import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { escapeLike } from "../directory/search.js";
import { touchEnrolmentFacts, touchProgrammeFacts } from "./facts-version.js";

export interface EnrolmentFilter {
  /** Only trainees of this organisation (admins see their own staff only). */
  organisationId?: string;
  q?: string;
  status?: "enrolled" | "withdrawn" | "all";
  /** Sort by the Arabic or the English name. */
  sort: "name_ar" | "name_en";
}

/** Enrolments, and the people and accounts they refer to (Kysely only). */
export function enrolmentsRepository(db: Kysely<DB>) {
  function listBase(programmeId: string, filter: EnrolmentFilter) {
    const parts: Expression<SqlBool>[] = [sql<SqlBool>`e.programme_id = ${programmeId}`];
    if (filter.organisationId) parts.push(sql<SqlBool>`e.organisation_id = ${filter.organisationId}`);
    if (filter.status !== "all") parts.push(sql<SqlBool>`e.status = ${filter.status ?? "enrolled"}`);
    for (const term of (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${escapeLike(term)}%`;
      parts.push(sql<SqlBool>`(lower(p.name_en) like ${like} escape '\\' or p.name_ar like ${like} escape '\\' or lower(p.email) like ${like} escape '\\')`);
    }
    return db
      .selectFrom("trainingEnrolments as e")
      .innerJoin("people as p", "p.id", "e.personId")
      .innerJoin("organisations as o", "o.id", "e.organisationId")
      .where(sql<SqlBool>`${sql.join(parts, sql` and `)}`);
  }

  return {
    async list(programmeId: string, filter: EnrolmentFilter, page: number, pageSize: number) {
      const [items, count] = await Promise.all([
        listBase(programmeId, filter)
          .select([
            "e.id",
            "e.personId",
            "e.userId",
            "e.status",
            "e.source",
            "e.createdAt",
            "e.updatedAt",
            "e.withdrawnAt",
            "p.nameAr",
            "p.nameEn",
            "p.email",
            "o.id as orgId",
            "o.code as orgCode",
            "o.nameAr as orgNameAr",
            "o.nameEn as orgNameEn",
            "o.kind as orgKind",
            "o.country as orgCountry",
            sql<number>`case when e.user_id is not null or exists (select 1 from users u where u.person_id = e.person_id or (p.email is not null and u.email = lower(p.email))) then 1 else 0 end`.as("hasAccount"),
          ])
          .orderBy(filter.sort === "name_ar" ? "p.nameAr" : "p.nameEn")
          .orderBy("e.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        listBase(programmeId, filter).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Organisations with trainees in the programme (the list's filter). */
    organisationsOf(programmeId: string, organisationId?: string) {
      let q = db
        .selectFrom("trainingEnrolments as e")
        .innerJoin("organisations as o", "o.id", "e.organisationId")
        .select(["o.id", "o.code", "o.nameAr", "o.nameEn", "o.kind", "o.country"])
        .where("e.programmeId", "=", programmeId)
        .distinct();
      if (organisationId) q = q.where("e.organisationId", "=", organisationId);
      return q.orderBy("o.code").execute();
    },

    findById(id: string) {
      return db.selectFrom("trainingEnrolments").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findByPerson(programmeId: string, personIds: string[], tx: Executor = db) {
      if (personIds.length === 0) return Promise.resolve([]);
      return tx.selectFrom("trainingEnrolments").selectAll().where("programmeId", "=", programmeId).where("personId", "in", personIds).execute();
    },

    async insert(tx: Executor, rows: Insertable<DB["trainingEnrolments"]>[]) {
      if (rows.length === 0) return;
      await tx.insertInto("trainingEnrolments").values(rows).execute();
      for (const programmeId of new Set(rows.map((r) => r.programmeId))) await touchProgrammeFacts(tx, programmeId);
    },

    async update(tx: Executor, id: string, values: Updateable<DB["trainingEnrolments"]>) {
      await tx.updateTable("trainingEnrolments").set(values).where("id", "=", id).execute();
      await touchEnrolmentFacts(tx, id);
    },

    person(id: string) {
      return db.selectFrom("people").select(["id", "organisationId", "nameAr", "nameEn", "email", "archivedAt"]).where("id", "=", id).executeTakeFirst();
    },

    /** Current people with these emails (lower case), the oldest first. */
    peopleByEmail(emails: string[]) {
      if (emails.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("people")
        .select(["id", "organisationId", "nameAr", "nameEn", "email", "preferredLanguage"])
        .where(sql<string>`lower(email)`, "in", emails)
        .where("archivedAt", "is", null)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },

    /** The user account of a person (linked to it), if any. */
    userOfPerson(personId: string, tx: Executor = db) {
      return tx.selectFrom("users").select(["id"]).where("personId", "=", personId).orderBy("createdAt").executeTakeFirst();
    },

    usersOfPeople(personIds: string[]) {
      if (personIds.length === 0) return Promise.resolve([]);
      return db.selectFrom("users").select(["id", "personId"]).where("personId", "in", personIds).execute();
    },

    linkUser(tx: Executor, userId: string, personId: string, at: string) {
      return tx.updateTable("users").set({ personId, updatedAt: at }).where("id", "=", userId).where("personId", "is", null).execute();
    },

    /** Emails (lower case) among these that have an account. */
    async emailsWithAccount(emails: string[]) {
      if (emails.length === 0) return new Set<string>();
      const rows = await db.selectFrom("users").select(sql<string>`lower(email)`.as("email")).where(sql<string>`lower(email)`, "in", emails).execute();
      return new Set(rows.map((r) => r.email));
    },

    /** Emails (lower case) among these with an invitation still open. */
    async emailsInvited(emails: string[], now: string) {
      if (emails.length === 0) return new Set<string>();
      const rows = await db
        .selectFrom("invitations")
        .select(sql<string>`lower(email)`.as("email"))
        .where(sql<string>`lower(email)`, "in", emails)
        .where("acceptedAt", "is", null)
        .where("revokedAt", "is", null)
        .where("expiresAt", ">", now)
        .execute();
      return new Set(rows.map((r) => r.email));
    },

    /** Current organisations by code (case-insensitive). */
    organisationsByCode(codes: string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("organisations")
        .select(["id", "code", "nameAr", "nameEn", "kind", "country"])
        .where(sql<string>`lower(code)`, "in", codes.map((c) => c.toLowerCase()))
        .where("archivedAt", "is", null)
        .execute();
    },

    organisation(idOrCode: string) {
      return db
        .selectFrom("organisations")
        .select(["id", "code", "nameAr", "nameEn", "kind", "country"])
        .where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)]))
        .executeTakeFirst();
    },

    currentOrganisations() {
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn"]).where("archivedAt", "is", null).orderBy("code").execute();
    },

    insertPeople(tx: Executor, rows: Insertable<DB["people"]>[]) {
      return rows.length ? tx.insertInto("people").values(rows).execute() : Promise.resolve([]);
    },
  };
}

export type EnrolmentsRepository = ReturnType<typeof enrolmentsRepository>;
