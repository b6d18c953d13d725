import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { touchEventFacts } from "../training/facts-version.js";

/** One person expected at an event: a delegate (person), a confirmed registrant (user) or a trainee of a programme the workshop delivers (person). */
export interface ExpectedRow {
  personId: string | null;
  userId: string | null;
  nameAr: string;
  nameEn: string;
  email: string | null;
  organisationId: string;
  role: "leader" | "delegate" | "registrant" | "trainee";
}

/** Who is expected at an event and who attended (Kysely only). */
export function attendanceRepository(db: Kysely<DB>) {
  return {
    async expected(eventId: string, tx: Executor = db): Promise<ExpectedRow[]> {
      const delegates = await tx
        .selectFrom("delegationMembers")
        .innerJoin("people", "people.id", "delegationMembers.personId")
        .leftJoin("users", "users.personId", "people.id")
        .select(["people.id as personId", "users.id as userId", "people.nameAr", "people.nameEn", "people.email", "users.email as userEmail", "delegationMembers.organisationId", "delegationMembers.isLeader"])
        .where("delegationMembers.eventId", "=", eventId)
        .execute();
      const registrants = await tx
        .selectFrom("registrations")
        .innerJoin("users", "users.id", "registrations.userId")
        .leftJoin("people", "people.id", "users.personId")
        .select(["users.id as userId", "users.personId", "users.name", "users.email", "people.nameAr", "people.nameEn", "registrations.organisationId"])
        .where("registrations.eventId", "=", eventId)
        .where("registrations.status", "=", "confirmed")
        .orderBy("registrations.sequence")
        .execute();
      const rows: ExpectedRow[] = delegates.map((d) => ({
        personId: d.personId,
        userId: d.userId,
        nameAr: d.nameAr,
        nameEn: d.nameEn,
        email: d.userEmail ?? d.email,
        organisationId: d.organisationId,
        role: Number(d.isLeader) === 1 ? "leader" : "delegate",
      }));
      const delegated = new Set(rows.map((r) => r.personId));
      for (const r of registrants) {
        if (r.personId && delegated.has(r.personId)) continue;
        rows.push({ personId: r.personId, userId: r.userId, nameAr: r.nameAr ?? r.name, nameEn: r.nameEn ?? r.name, email: r.email, organisationId: r.organisationId, role: "registrant" });
      }
      // Trainees enrolled in a training programme this workshop delivers are expected too (their
      // attendance counts towards completion), unless already listed as delegates or registrants.
      const trainees = await tx
        .selectFrom("trainingProgrammeEvents as pe")
        .innerJoin("trainingEnrolments as e", "e.programmeId", "pe.programmeId")
        .innerJoin("people", "people.id", "e.personId")
        .leftJoin("users", "users.id", "e.userId")
        .select(["people.id as personId", "e.userId", "people.nameAr", "people.nameEn", "people.email", "users.email as userEmail", "e.organisationId"])
        .where("pe.eventId", "=", eventId)
        .where("e.status", "=", "enrolled")
        .orderBy("people.nameEn")
        .execute();
      const listed = new Set(rows.flatMap((r) => [r.personId, r.userId]).filter(Boolean));
      for (const r of trainees) {
        if (listed.has(r.personId) || (r.userId && listed.has(r.userId))) continue;
        listed.add(r.personId);
        rows.push({ personId: r.personId, userId: r.userId, nameAr: r.nameAr, nameEn: r.nameEn, email: r.userEmail ?? r.email, organisationId: r.organisationId, role: "trainee" });
      }
      return rows;
    },
    attended(eventId: string, tx: Executor = db) {
      return tx
        .selectFrom("attendance")
        .leftJoin("people", "people.id", "attendance.personId")
        .leftJoin("users", "users.id", "attendance.userId")
        .select([
          "attendance.attendeeKey",
          "attendance.personId",
          "attendance.userId",
          "attendance.organisationId",
          "attendance.source",
          "attendance.minutes",
          "attendance.checkedInAt",
          "people.nameAr",
          "people.nameEn",
          "people.email as personEmail",
          "users.name as userName",
          "users.email as userEmail",
        ])
        .where("attendance.eventId", "=", eventId)
        .execute();
    },
    /** Kept out of the event rows the rest of the code passes around. */
    async checkInSecret(eventId: string) {
      return (await db.selectFrom("events").select("checkInSecret").where("id", "=", eventId).executeTakeFirstOrThrow()).checkInSecret;
    },
    organisations(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "kind", "country"]).where("id", "in", ids).execute();
    },
    countries(codes: string[]) {
      if (codes.length === 0) return Promise.resolve([]);
      return db.selectFrom("countries").select(["code", "nameAr", "nameEn"]).where("code", "in", codes).execute();
    },
    /** Insert attendance rows, keeping an earlier check-in (the first arrival counts). */
    async insertMissing(tx: Executor, rows: DB["attendance"][]) {
      let added = 0;
      for (const row of rows) {
        const result = await tx.insertInto("attendance").values(row).onConflict((oc) => oc.columns(["eventId", "attendeeKey"]).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      if (added > 0) await touchEventFacts(tx, rows.map((r) => r.eventId));
      return added;
    },
    /** Imported minutes replace earlier imported minutes (a corrected report), never a check-in. */
    async updateImportedMinutes(tx: Executor, eventId: string, attendeeKey: string, minutes: number | null) {
      const result = await tx.updateTable("attendance").set({ minutes }).where("eventId", "=", eventId).where("attendeeKey", "=", attendeeKey).where("source", "=", "import").executeTakeFirst();
      // A training programme's completion counts these minutes.
      if (Number(result.numUpdatedRows) > 0) await touchEventFacts(tx, [eventId]);
      return result;
    },
    async remove(tx: Executor, eventId: string, attendeeKey: string) {
      const result = await tx.deleteFrom("attendance").where("eventId", "=", eventId).where("attendeeKey", "=", attendeeKey).executeTakeFirst();
      if (Number(result.numDeletedRows) > 0) await touchEventFacts(tx, [eventId]);
      return result;
    },
  };
}
