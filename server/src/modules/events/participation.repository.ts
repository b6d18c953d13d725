import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

/** Invited organisations and their delegations (Kysely only). */
export function participationRepository(db: Kysely<DB>) {
  return {
    groupMembers(codes: string[]) {
      return db
        .selectFrom("groupMembers")
        .innerJoin("groups", "groups.id", "groupMembers.groupId")
        .innerJoin("organisations", "organisations.id", "groupMembers.organisationId")
        .select(["groups.id as groupId", "groups.code", "groupMembers.organisationId"])
        .where("groups.code", "in", codes)
        .where("groups.archivedAt", "is", null)
        .where("organisations.archivedAt", "is", null)
        .execute();
    },
    existingOrganisations(ids: string[]) {
      return db.selectFrom("organisations").select("id").where("id", "in", ids).where("archivedAt", "is", null).execute();
    },
    invitations(eventId: string, onlyOrganisationId?: string) {
      let q = db
        .selectFrom("eventInvitations")
        .innerJoin("organisations", "organisations.id", "eventInvitations.organisationId")
        .leftJoin("groups", "groups.id", "eventInvitations.viaGroupId")
        .select([
          "eventInvitations.id",
          "eventInvitations.status",
          "eventInvitations.quota",
          "eventInvitations.respondedAt",
          "eventInvitations.createdAt",
          "organisations.id as orgId",
          "organisations.code as orgCode",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.kind as orgKind",
          "organisations.country",
          "groups.code as viaGroupCode",
        ])
        .where("eventInvitations.eventId", "=", eventId);
      if (onlyOrganisationId) q = q.where("eventInvitations.organisationId", "=", onlyOrganisationId);
      return q.orderBy("organisations.nameEn").execute();
    },
    invitation(eventId: string, organisationId: string, tx: Executor = db) {
      return tx.selectFrom("eventInvitations").selectAll().where("eventId", "=", eventId).where("organisationId", "=", organisationId).executeTakeFirst();
    },
    insertInvitations(tx: Executor, rows: DB["eventInvitations"][]) {
      return rows.length ? tx.insertInto("eventInvitations").values(rows).execute() : Promise.resolve([]);
    },
    updateInvitation(tx: Executor, id: string, values: Partial<DB["eventInvitations"]>) {
      return tx.updateTable("eventInvitations").set(values).where("id", "=", id).execute();
    },
    deleteInvitation(tx: Executor, eventId: string, organisationId: string) {
      return tx.deleteFrom("eventInvitations").where("eventId", "=", eventId).where("organisationId", "=", organisationId).execute();
    },
    delegates(eventId: string) {
      return db
        .selectFrom("delegationMembers")
        .innerJoin("people", "people.id", "delegationMembers.personId")
        .select([
          "delegationMembers.organisationId",
          "delegationMembers.isLeader",
          "people.id",
          "people.nameAr",
          "people.nameEn",
          "people.titleAr",
          "people.titleEn",
          "people.position",
        ])
        .where("delegationMembers.eventId", "=", eventId)
        .orderBy("delegationMembers.isLeader", "desc")
        .orderBy("people.nameEn")
        .execute();
    },
    peopleOf(organisationId: string, ids: string[]) {
      return db.selectFrom("people").select("id").where("organisationId", "=", organisationId).where("id", "in", ids).where("archivedAt", "is", null).execute();
    },
    async replaceDelegation(tx: Executor, eventId: string, organisationId: string, rows: DB["delegationMembers"][]) {
      await tx.deleteFrom("delegationMembers").where("eventId", "=", eventId).where("organisationId", "=", organisationId).execute();
      if (rows.length) await tx.insertInto("delegationMembers").values(rows).execute();
    },
    adminsOf(tx: Executor, organisationIds: string[]) {
      if (organisationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom("users")
        .select(["email", "name", "locale", "organisationId"])
        .where("organisationId", "in", organisationIds)
        .where("role", "=", "org_admin")
        .where("disabledAt", "is", null)
        .execute();
    },
  };
}
