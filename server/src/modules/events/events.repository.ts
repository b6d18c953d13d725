import { sql, type ExpressionBuilder, type Kysely, type SqlBool, type Expression } from "kysely";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { matchesAllTerms } from "../directory/search.js";
import type { EventQuery } from "./events.schema.js";

/** Events an organisation is invited to count as shared with it. */
export function invitedCondition(organisationId: string): Expression<SqlBool> {
  return sql<SqlBool>`events.id in (select event_id from event_invitations where organisation_id = ${organisationId})`;
}

const columns = [
  "events.id",
  "events.seasonId",
  "events.kind",
  "events.mode",
  "events.status",
  "events.titleAr",
  "events.titleEn",
  "events.descriptionAr",
  "events.descriptionEn",
  "events.hostOrganisationId",
  "events.chairPersonId",
  "events.venueAr",
  "events.venueEn",
  "events.joinUrl",
  "events.timeZone",
  "events.startsAt",
  "events.endsAt",
  "events.registration",
  "events.capacity",
  "events.previousEventId",
  "events.visibility",
  "events.shareGroupId",
  "events.archivedAt",
  "events.createdAt",
  "events.updatedAt",
  "seasons.code as seasonCode",
  "seasons.nameAr as seasonNameAr",
  "seasons.nameEn as seasonNameEn",
  "host.code as hostCode",
  "host.nameAr as hostNameAr",
  "host.nameEn as hostNameEn",
  "host.kind as hostKind",
  "chair.nameAr as chairNameAr",
  "chair.nameEn as chairNameEn",
  "chair.titleAr as chairTitleAr",
  "chair.titleEn as chairTitleEn",
] as const;

export function eventsRepository(db: Kysely<DB>) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("events")
      .innerJoin("seasons", "seasons.id", "events.seasonId")
      .innerJoin("organisations as host", "host.id", "events.hostOrganisationId")
      .leftJoin("people as chair", "chair.id", "events.chairPersonId")
      .select(columns)
      .select((eb) => [
        eb.selectFrom("registrations").select(eb.fn.countAll<number>().as("n")).whereRef("registrations.eventId", "=", "events.id").where("registrations.status", "=", "confirmed").as("confirmedCount"),
        eb.selectFrom("registrations").select(eb.fn.countAll<number>().as("n")).whereRef("registrations.eventId", "=", "events.id").where("registrations.status", "=", "waitlisted").as("waitlistCount"),
      ]);
  }

  /** `seasonId`: the season filter's id, looked up first (an equality lets the planners use events_season_idx). */
  function conditions(actor: Actor | null, filter: EventQuery & { seasonId?: string | null }, now: string) {
    return (eb: ExpressionBuilder<DB, "events">) => {
      const columns = { organisation: "events.host_organisation_id", visibility: "events.visibility", shareGroup: "events.share_group_id", sharedWithActor: invitedCondition };
      const parts: Expression<SqlBool>[] = [
        scopeCondition(eb, actor, "event.read", columns),
        // A draft is seen only by those who may edit it.
        eb.or([eb("events.status", "!=", "draft"), scopeCondition(eb, actor, "event.update", columns)]),
        eb("events.archivedAt", "is", null),
      ];
      const text = matchesAllTerms("events.search_text", filter.q);
      if (text) parts.push(text);
      if (filter.season) parts.push(filter.seasonId ? eb("events.seasonId", "=", filter.seasonId) : sql<SqlBool>`1 = 0`);
      if (filter.kind) parts.push(eb("events.kind", "=", filter.kind));
      if (filter.host) parts.push(eb("events.hostOrganisationId", "in", eb.selectFrom("organisations").select("id").where("code", "=", filter.host)));
      if (filter.when === "upcoming") parts.push(eb("events.endsAt", ">=", now));
      if (filter.when === "past") parts.push(eb("events.endsAt", "<", now));
      if (filter.mine && actor) {
        parts.push(
          eb.or([
            eb("events.hostOrganisationId", "=", actor.organisationId),
            eb("events.id", "in", eb.selectFrom("eventInvitations").select("eventId").where("organisationId", "=", actor.organisationId)),
            eb("events.id", "in", eb.selectFrom("registrations").select("eventId").where("userId", "=", actor.userId).where("status", "!=", "cancelled")),
          ]),
        );
      }
      return eb.and(parts);
    };
  }

  return {
    async search(actor: Actor | null, filter: EventQuery & { page: number; pageSize: number }, now: string) {
      const seasonId = filter.season ? ((await db.selectFrom("seasons").select("id").where("code", "=", filter.season).executeTakeFirst())?.id ?? null) : null;
      const where = conditions(actor, { ...filter, seasonId }, now);
      const descending = filter.when === "past";
      const [items, count] = await Promise.all([
        base()
          .where(where as never)
          .orderBy("events.startsAt", descending ? "desc" : "asc")
          .orderBy("events.id")
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        db.selectFrom("events").where(where).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
    findById(id: string, tx: Executor = db) {
      return base(tx).where("events.id", "=", id).executeTakeFirst();
    },
    isInvited(eventId: string, organisationId: string) {
      return db.selectFrom("eventInvitations").select("id").where("eventId", "=", eventId).where("organisationId", "=", organisationId).executeTakeFirst();
    },
    /** Of `eventIds`, those the organisation is invited to. */
    invitedAmong(eventIds: string[], organisationId: string) {
      return db.selectFrom("eventInvitations").select("eventId").where("eventId", "in", eventIds).where("organisationId", "=", organisationId).execute();
    },
    /** The user's registrations for any of `eventIds`. */
    registrationsAmong(eventIds: string[], userId: string) {
      return db.selectFrom("registrations").select(["id", "eventId", "status", "sequence"]).where("eventId", "in", eventIds).where("userId", "=", userId).execute();
    },
    /** Of `eventIds`, those the person is a delegate to. */
    delegateAmong(eventIds: string[], personId: string) {
      return db.selectFrom("delegationMembers").select("eventId").where("eventId", "in", eventIds).where("personId", "=", personId).execute();
    },
    waitlistPosition(eventId: string, sequence: number) {
      return db
        .selectFrom("registrations")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .where("eventId", "=", eventId)
        .where("status", "=", "waitlisted")
        .where("sequence", "<=", sequence)
        .executeTakeFirstOrThrow();
    },
    create(tx: Executor, row: DB["events"]) {
      return tx.insertInto("events").values(row).execute();
    },
    update(tx: Executor, id: string, values: Partial<DB["events"]>) {
      return tx.updateTable("events").set(values).where("id", "=", id).execute();
    },
    season(id: string) {
      return db.selectFrom("seasons").select(["id", "code"]).where("id", "=", id).executeTakeFirst();
    },
    organisation(id: string) {
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "archivedAt"]).where("id", "=", id).executeTakeFirst();
    },
    person(id: string) {
      return db.selectFrom("people").select(["id", "organisationId", "visibility", "shareGroupId"]).where("id", "=", id).executeTakeFirst();
    },
    agenda(eventId: string) {
      return db.selectFrom("agendaItems").selectAll().where("eventId", "=", eventId).orderBy("position").execute();
    },
    speakers(itemIds: string[]) {
      if (itemIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("agendaSpeakers")
        .leftJoin("people", "people.id", "agendaSpeakers.personId")
        .leftJoin("organisations", "organisations.id", "people.organisationId")
        .select([
          "agendaSpeakers.agendaItemId",
          "agendaSpeakers.position",
          "agendaSpeakers.role",
          "agendaSpeakers.personId",
          "agendaSpeakers.guestNameAr",
          "agendaSpeakers.guestNameEn",
          "agendaSpeakers.guestTitleAr",
          "agendaSpeakers.guestTitleEn",
          "people.nameAr as personNameAr",
          "people.nameEn as personNameEn",
          "people.titleAr as personTitleAr",
          "people.titleEn as personTitleEn",
          "organisations.id as orgId",
          "organisations.code as orgCode",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.kind as orgKind",
        ])
        .where("agendaSpeakers.agendaItemId", "in", itemIds)
        .orderBy("agendaSpeakers.position")
        .execute();
    },
    /** Items keep their ids (files attached to them stay attached); the rest are removed, new ones added. */
    async replaceAgenda(tx: Executor, eventId: string, items: DB["agendaItems"][], speakers: DB["agendaSpeakers"][]) {
      const existing = new Set((await tx.selectFrom("agendaItems").select("id").where("eventId", "=", eventId).execute()).map((r) => r.id));
      const kept = items.filter((i) => existing.has(i.id));
      let remove = tx.deleteFrom("agendaItems").where("eventId", "=", eventId);
      if (kept.length) remove = remove.where("id", "not in", kept.map((i) => i.id));
      await remove.execute();
      if (kept.length) await tx.deleteFrom("agendaSpeakers").where("agendaItemId", "in", kept.map((i) => i.id)).execute();
      for (const item of kept) {
        const { id, eventId: _event, createdAt: _created, ...values } = item;
        await tx.updateTable("agendaItems").set(values).where("id", "=", id).execute();
      }
      const added = items.filter((i) => !existing.has(i.id));
      if (added.length) await tx.insertInto("agendaItems").values(added).execute();
      if (speakers.length) await tx.insertInto("agendaSpeakers").values(speakers).execute();
    },
  };
}

export type EventRow = NonNullable<Awaited<ReturnType<ReturnType<typeof eventsRepository>["findById"]>>>;
