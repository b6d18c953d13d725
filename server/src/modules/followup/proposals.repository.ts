import type { Insertable, Kysely, Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

const columns = [
  "proposals.id",
  "proposals.eventId",
  "proposals.organisationId",
  "proposals.language",
  "proposals.title",
  "proposals.problem",
  "proposals.proposal",
  "proposals.benefit",
  "proposals.status",
  "proposals.decisionReference",
  "proposals.decisionNote",
  "proposals.decidedAt",
  "proposals.decidedBy",
  "proposals.recommendationId",
  "proposals.carriedFromProposalId",
  "proposals.createdBy",
  "proposals.createdAt",
  "proposals.updatedAt",
  "events.titleAr as eventTitleAr",
  "events.titleEn as eventTitleEn",
  "events.startsAt as eventStartsAt",
  "events.hostOrganisationId as eventHostId",
  "organisations.code as orgCode",
  "organisations.nameAr as orgNameAr",
  "organisations.nameEn as orgNameEn",
  "organisations.kind as orgKind",
  "organisations.country as orgCountry",
  "authors.name as authorName",
  "deciders.name as deciderName",
] as const;

/** Proposals to meetings, their co-sponsors and comments (Kysely only). */
export function proposalsRepository(db: Kysely<DB>) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("proposals")
      .innerJoin("events", "events.id", "proposals.eventId")
      .innerJoin("organisations", "organisations.id", "proposals.organisationId")
      .leftJoin("users as authors", "authors.id", "proposals.createdBy")
      .leftJoin("users as deciders", "deciders.id", "proposals.decidedBy")
      .select(columns)
      .select((eb) => [
        eb.selectFrom("proposalComments").select(eb.fn.countAll<number>().as("n")).whereRef("proposalComments.proposalId", "=", "proposals.id").where("proposalComments.deletedAt", "is", null).as("commentCount"),
      ]);
  }

  return {
    findById(id: string, tx: Executor = db) {
      return base(tx).where("proposals.id", "=", id).executeTakeFirst();
    },

    ofEvents(eventIds: string[]) {
      if (eventIds.length === 0) return Promise.resolve([]);
      return base().where("proposals.eventId", "in", eventIds).orderBy("proposals.createdAt").orderBy("proposals.id").execute();
    },

    sponsorsOf(proposalIds: string[], tx: Executor = db) {
      if (proposalIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom("proposalSponsors")
        .innerJoin("organisations", "organisations.id", "proposalSponsors.organisationId")
        .select(["proposalSponsors.proposalId", "proposalSponsors.createdAt", "proposalSponsors.userId", "organisations.id", "organisations.code", "organisations.nameAr", "organisations.nameEn", "organisations.kind", "organisations.country"])
        .where("proposalSponsors.proposalId", "in", proposalIds)
        .orderBy("proposalSponsors.createdAt")
        .execute();
    },

    /** Proposals carried from any of `proposalIds`: original id → [{ id, eventId }]. */
    async carriedFrom(proposalIds: string[]) {
      if (proposalIds.length === 0) return [];
      return db.selectFrom("proposals").select(["id", "eventId", "carriedFromProposalId"]).where("carriedFromProposalId", "in", proposalIds).execute();
    },

    carriedInto(proposalId: string, eventId: string, tx: Executor = db) {
      return tx.selectFrom("proposals").select("id").where("carriedFromProposalId", "=", proposalId).where("eventId", "=", eventId).executeTakeFirst();
    },

    create(tx: Executor, row: Insertable<DB["proposals"]>) {
      return tx.insertInto("proposals").values(row).execute();
    },

    update(tx: Executor, id: string, values: Updateable<DB["proposals"]>) {
      return tx.updateTable("proposals").set(values).where("id", "=", id).execute();
    },

    /** Change a proposal only while it has one of `statuses` (a concurrent decision wins once). */
    async updateIfStatus(tx: Executor, id: string, statuses: string[], values: Updateable<DB["proposals"]>) {
      const result = await tx.updateTable("proposals").set(values).where("id", "=", id).where("status", "in", statuses).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Add a co-sponsor; returns whether it is new. */
    async addSponsor(tx: Executor, row: Insertable<DB["proposalSponsors"]>) {
      const result = await tx
        .insertInto("proposalSponsors")
        .values(row)
        .onConflict((oc) => oc.columns(["proposalId", "organisationId"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async removeSponsor(tx: Executor, proposalId: string, organisationId: string) {
      const result = await tx.deleteFrom("proposalSponsors").where("proposalId", "=", proposalId).where("organisationId", "=", organisationId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    comments(proposalId: string) {
      return db
        .selectFrom("proposalComments")
        .innerJoin("organisations", "organisations.id", "proposalComments.organisationId")
        .leftJoin("users", "users.id", "proposalComments.userId")
        .select([
          "proposalComments.id",
          "proposalComments.body",
          "proposalComments.userId",
          "proposalComments.createdAt",
          "users.name as userName",
          "organisations.id as orgId",
          "organisations.code",
          "organisations.nameAr",
          "organisations.nameEn",
          "organisations.kind",
          "organisations.country",
        ])
        .where("proposalComments.proposalId", "=", proposalId)
        .where("proposalComments.deletedAt", "is", null)
        .orderBy("proposalComments.createdAt")
        .orderBy("proposalComments.id")
        .execute();
    },

    insertComment(tx: Executor, row: Insertable<DB["proposalComments"]>) {
      return tx.insertInto("proposalComments").values(row).execute();
    },

    /** A comment of the proposal, removed or not. */
    findComment(proposalId: string, commentId: string) {
      return db.selectFrom("proposalComments").select(["id", "userId", "organisationId", "deletedAt"]).where("proposalId", "=", proposalId).where("id", "=", commentId).executeTakeFirst();
    },

    /** Remove a comment (kept, marked deleted); false when it already was. */
    async softDeleteComment(tx: Executor, commentId: string, now: string) {
      const result = await tx.updateTable("proposalComments").set({ deletedAt: now }).where("id", "=", commentId).where("deletedAt", "is", null).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** An event with what the chain of editions needs. */
    event(id: string) {
      return db
        .selectFrom("events")
        .innerJoin("seasons", "seasons.id", "events.seasonId")
        .select(["events.id", "events.previousEventId", "events.titleAr", "events.titleEn", "events.startsAt", "events.hostOrganisationId", "events.seasonId", "seasons.code as seasonCode"])
        .where("events.id", "=", id)
        .executeTakeFirst();
    },
  };
}

export type ProposalsRepository = ReturnType<typeof proposalsRepository>;
export type ProposalRow = NonNullable<Awaited<ReturnType<ProposalsRepository["findById"]>>>;
