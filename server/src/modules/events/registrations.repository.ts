import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

/** Registrations for open events (Kysely only). */
export function registrationsRepository(db: Kysely<DB>) {
  return {
    find(tx: Executor, eventId: string, userId: string) {
      return tx.selectFrom("registrations").selectAll().where("eventId", "=", eventId).where("userId", "=", userId).executeTakeFirst();
    },
    async counts(tx: Executor, eventId: string, organisationId: string) {
      const row = await tx
        .selectFrom("registrations")
        .select((eb) => [
          eb.fn.countAll<number>().filterWhere("status", "=", "confirmed").as("confirmed"),
          eb.fn.countAll<number>().filterWhere((f) => f.and([f("status", "=", "confirmed"), f("organisationId", "=", organisationId)])).as("confirmedOfOrg"),
          eb.fn.max("sequence").as("lastSequence"),
        ])
        .where("eventId", "=", eventId)
        .executeTakeFirstOrThrow();
      return { confirmed: Number(row.confirmed), confirmedOfOrg: Number(row.confirmedOfOrg), lastSequence: Number(row.lastSequence ?? 0) };
    },
    quotas(tx: Executor, eventId: string) {
      return tx.selectFrom("eventInvitations").select(["organisationId", "quota"]).where("eventId", "=", eventId).where("quota", "is not", null).execute();
    },
    confirmedByOrg(tx: Executor, eventId: string) {
      return tx
        .selectFrom("registrations")
        .select(["organisationId", (eb) => eb.fn.countAll<number>().as("n")])
        .where("eventId", "=", eventId)
        .where("status", "=", "confirmed")
        .groupBy("organisationId")
        .execute();
    },
    waitlist(tx: Executor, eventId: string) {
      return tx.selectFrom("registrations").selectAll().where("eventId", "=", eventId).where("status", "=", "waitlisted").orderBy("sequence").execute();
    },
    insert(tx: Executor, row: DB["registrations"]) {
      return tx.insertInto("registrations").values(row).execute();
    },
    update(tx: Executor, id: string, values: Partial<DB["registrations"]>) {
      return tx.updateTable("registrations").set(values).where("id", "=", id).execute();
    },
    list(eventId: string) {
      return db
        .selectFrom("registrations")
        .innerJoin("users", "users.id", "registrations.userId")
        .innerJoin("organisations", "organisations.id", "registrations.organisationId")
        .leftJoin("people", "people.id", "users.personId")
        .select([
          "people.nameAr as personNameAr",
          "people.nameEn as personNameEn",
          "registrations.id",
          "registrations.status",
          "registrations.sequence",
          "registrations.createdAt",
          "users.id as userId",
          "users.name",
          "users.email",
          "organisations.id as orgId",
          "organisations.code as orgCode",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.kind as orgKind",
          "organisations.country",
        ])
        .where("registrations.eventId", "=", eventId)
        .orderBy("registrations.sequence")
        .execute();
    },
    userEmail(tx: Executor, userId: string) {
      return tx.selectFrom("users").select(["email", "name", "locale"]).where("id", "=", userId).executeTakeFirstOrThrow();
    },
  };
}
