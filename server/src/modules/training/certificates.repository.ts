import { sql, type Insertable, type Kysely, type SqlBool } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { escapeLike } from "../directory/search.js";

export type CertificateRow = DB["trainingCertificates"];

/** Which certificates of which programme a ZIP of a workshop covers: all, or one organisation's. */
export interface ProgrammeScope {
  programmeId: string;
  organisationId: string | null;
}

export function certificatesRepository(db: Kysely<DB>) {
  return {
    findById(id: string, tx: Executor = db) {
      return tx.selectFrom("trainingCertificates").selectAll().where("id", "=", id).executeTakeFirst();
    },

    findByCode(code: string) {
      return db.selectFrom("trainingCertificates").selectAll().where("code", "=", code).executeTakeFirst();
    },

    validForEnrolment(enrolmentId: string, tx: Executor = db) {
      return tx.selectFrom("trainingCertificates").selectAll().where("enrolmentId", "=", enrolmentId).where("status", "=", "valid").executeTakeFirst();
    },

    /** Enrolments of a programme that hold a valid certificate. */
    async validEnrolmentIds(programmeId: string): Promise<Set<string>> {
      const rows = await db.selectFrom("trainingCertificates").select("enrolmentId").where("programmeId", "=", programmeId).where("status", "=", "valid").execute();
      return new Set(rows.map((r) => r.enrolmentId));
    },

    /** Which of these codes are taken already. */
    async takenCodes(codes: readonly string[], tx: Executor = db): Promise<Set<string>> {
      if (codes.length === 0) return new Set();
      const rows = await tx.selectFrom("trainingCertificates").select("code").where("code", "in", [...codes]).execute();
      return new Set(rows.map((r) => r.code));
    },

    /**
     * Insert certificates; a row whose enrolment already holds a valid certificate (or whose code is
     * taken) is skipped, not an error: concurrent issuers cannot create two valid certificates.
     * @returns the ids inserted
     */
    async insertMany(tx: Executor, rows: Array<Insertable<DB["trainingCertificates"]>>): Promise<string[]> {
      const inserted: string[] = [];
      for (const row of rows) {
        const result = await tx.insertInto("trainingCertificates").values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) inserted.push(row.id as string);
      }
      return inserted;
    },

    /** Revoke a valid certificate; false when it was not valid any more. */
    async revoke(tx: Executor, id: string, values: { revokedAt: string; revokedBy: string; revokeReason: string }): Promise<boolean> {
      const result = await tx.updateTable("trainingCertificates").set({ status: "revoked", ...values }).where("id", "=", id).where("status", "=", "valid").executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    /** The programme's owning organisations, lead first (the certificate's issuers). */
    issuers(programmeId: string) {
      return db
        .selectFrom("trainingProgrammeOwners as po")
        .innerJoin("organisations as o", "o.id", "po.organisationId")
        .select(["o.id", "o.nameAr", "o.nameEn"])
        .where("po.programmeId", "=", programmeId)
        .orderBy("po.position")
        .execute();
    },

    /** A page of a programme's certificates, newest first, with the trainee's organisation. */
    async list(programmeId: string, filter: { organisationId?: string; status?: string; q?: string }, page: number, pageSize: number) {
      const base = () => {
        let q = db.selectFrom("trainingCertificates as c").innerJoin("organisations as o", "o.id", "c.organisationId").where("c.programmeId", "=", programmeId);
        if (filter.organisationId) q = q.where("c.organisationId", "=", filter.organisationId);
        if (filter.status) q = q.where("c.status", "=", filter.status);
        for (const term of (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
          const like = `%${escapeLike(term)}%`;
          q = q.where(sql<SqlBool>`(lower(c.name_en) like ${like} escape '\\' or c.name_ar like ${like} escape '\\' or lower(c.code) like ${like} escape '\\')`);
        }
        return q;
      };
      const [items, count] = await Promise.all([
        base()
          .select(["c.id", "c.code", "c.status", "c.enrolmentId", "c.nameAr", "c.nameEn", "c.completedOn", "c.issuedAt", "c.revokedAt", "c.revokeReason", "c.attendancePct", "c.postScorePct", "o.id as orgId", "o.code as orgCode", "o.nameAr as orgNameAr", "o.nameEn as orgNameEn"])
          .orderBy("c.issuedAt", "desc")
          .orderBy("c.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base().select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    /** Where to tell a trainee about his certificate: his account if linked, else his directory entry. */
    async recipientOf(enrolmentId: string, tx: Executor = db) {
      return tx
        .selectFrom("trainingEnrolments as e")
        .innerJoin("people as p", "p.id", "e.personId")
        .leftJoin("users as u", "u.id", "e.userId")
        .select(["u.email as userEmail", "u.locale as userLocale", "u.digits as userDigits", "u.disabledAt", "p.email as personEmail", "p.preferredLanguage"])
        .where("e.id", "=", enrolmentId)
        .executeTakeFirst();
    },

    /** The enrolment behind a certificate, as the policies see it. */
    enrolment(enrolmentId: string) {
      return db.selectFrom("trainingEnrolments").select(["id", "personId", "userId", "organisationId"]).where("id", "=", enrolmentId).executeTakeFirst();
    },

    /** Programmes a workshop delivers. */
    async programmesOfEvent(eventId: string): Promise<string[]> {
      const rows = await db.selectFrom("trainingProgrammeEvents").select("programmeId").where("eventId", "=", eventId).execute();
      return rows.map((r) => r.programmeId);
    },

    /** Valid certificates, within `scopes`, of trainees who attended the event (by person or user). */
    validForAttendees(eventId: string, scopes: readonly ProgrammeScope[]) {
      if (scopes.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("trainingCertificates as c")
        .innerJoin("trainingEnrolments as e", "e.id", "c.enrolmentId")
        .selectAll("c")
        .where("c.status", "=", "valid")
        .where((eb) =>
          eb.or(scopes.map((s) => (s.organisationId ? eb.and([eb("c.programmeId", "=", s.programmeId), eb("c.organisationId", "=", s.organisationId)]) : eb("c.programmeId", "=", s.programmeId)))),
        )
        .where((eb) =>
          eb.or([
            eb.exists(eb.selectFrom("attendance as a").select("a.id").where("a.eventId", "=", eventId).whereRef("a.personId", "=", "e.personId")),
            eb.exists(eb.selectFrom("attendance as a").select("a.id").where("a.eventId", "=", eventId).whereRef("a.userId", "=", "e.userId")),
          ]),
        )
        .orderBy("c.code")
        .execute();
    },
  };
}

export type CertificatesRepository = ReturnType<typeof certificatesRepository>;
