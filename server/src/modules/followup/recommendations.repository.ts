import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { Dialect } from "../../db/database.js";
import { lockRow } from "../../db/dialect.js";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { escapeLike } from "../directory/search.js";

/** Statuses whose due date still matters (an overdue recommendation is one of these). */
export const OPEN_STATUSES = ["approved", "in_progress"] as const;

/**
 * Recommendations shared with an organisation besides their owner and visibility: those it is
 * responsible for, those with an action assigned to it, and those of meetings it was invited to.
 * `idColumn` holds a recommendation id (search_documents.record_id: a table without the
 * recommendation's source meeting). UNION ALL (IN does not mind duplicates) lets SQLite read each
 * arm by its index instead of scanning every recommendation to merge sorted arms.
 */
export function recommendationSharedWith(idColumn: string) {
  return (organisationId: string): Expression<SqlBool> => sql<SqlBool>`${sql.ref(idColumn)} in (
    select recommendation_id from recommendation_responsibles where organisation_id = ${organisationId}
    union all select recommendation_id from actions where organisation_id = ${organisationId}
    union all select id from recommendations where source_event_id in (select event_id from event_invitations where organisation_id = ${organisationId}))`;
}

/**
 * The same, on the recommendations table itself: the meeting arm tests the row's own
 * `source_event_id` against the meetings the organisation was invited to (a semi-join on
 * event_invitations_org_idx) instead of listing every recommendation of those meetings — at 100k
 * recommendations some 18,000 ids, rebuilt by each statement of the caller's request, even for a
 * meeting of 60. The same rows: a recommendation's id is in the old list exactly when its
 * source_event_id is one of those meetings (a null source_event_id matches neither way).
 */
export function recommendationRowSharedWith(organisationId: string): Expression<SqlBool> {
  return sql<SqlBool>`(recommendations.id in (
    select recommendation_id from recommendation_responsibles where organisation_id = ${organisationId}
    union all select recommendation_id from actions where organisation_id = ${organisationId})
    or recommendations.source_event_id in (select event_id from event_invitations where organisation_id = ${organisationId}))`;
}

/** The recommendation's columns as the policies read them. */
export const SCOPE_COLUMNS = {
  organisation: "recommendations.organisation_id",
  visibility: "recommendations.visibility",
  shareGroup: "recommendations.share_group_id",
  sharedWithActor: recommendationRowSharedWith,
};

/** The recommendations `actor` may read. */
export function readableRecommendations(eb: ExpressionBuilder<DB, "recommendations">, actor: Actor | null): Expression<SqlBool> {
  return scopeCondition(eb, actor, "recommendation.read", SCOPE_COLUMNS);
}

/** What lists, the accountability view and its export filter on (ids resolved beforehand). */
export interface RecommendationFilter {
  /** undefined: no season filter; null: a season that does not exist (nothing matches). */
  seasonId?: string | null;
  programme?: string;
  area?: string;
  event?: string;
  organisation?: string;
  status?: string;
  overdue?: boolean;
  mine?: boolean;
  q?: string;
  from?: string;
  to?: string;
}

/** Readable recommendations passing `filter`; `today` (YYYY-MM-DD) decides what is overdue. */
export function recommendationConditions(actor: Actor | null, filter: RecommendationFilter, today: string) {
  return (eb: ExpressionBuilder<DB, "recommendations">) => {
    const parts: Expression<SqlBool>[] = [readableRecommendations(eb, actor)];
    if (filter.seasonId !== undefined) parts.push(filter.seasonId ? eb("recommendations.seasonId", "=", filter.seasonId) : sql<SqlBool>`1 = 0`);
    if (filter.programme) parts.push(eb("recommendations.programmeId", "=", filter.programme));
    if (filter.area) parts.push(eb("recommendations.areaId", "=", filter.area));
    if (filter.event) parts.push(eb("recommendations.sourceEventId", "=", filter.event));
    if (filter.status) parts.push(eb("recommendations.status", "=", filter.status));
    if (filter.organisation) {
      parts.push(eb("recommendations.id", "in", eb.selectFrom("recommendationResponsibles").select("recommendationId").where("organisationId", "=", filter.organisation)));
    }
    if (filter.mine) {
      parts.push(actor ? eb("recommendations.id", "in", eb.selectFrom("recommendationResponsibles").select("recommendationId").where("organisationId", "=", actor.organisationId)) : sql<SqlBool>`1 = 0`);
    }
    if (filter.overdue) parts.push(eb.and([eb("recommendations.status", "in", [...OPEN_STATUSES]), eb("recommendations.dueOn", "<", today)]));
    if (filter.from) parts.push(eb("recommendations.dueOn", ">=", filter.from));
    if (filter.to) parts.push(eb("recommendations.dueOn", "<=", filter.to));
    for (const term of (filter.q ?? "").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${escapeLike(term)}%`;
      parts.push(sql<SqlBool>`(lower(coalesce(recommendations.reference, '')) like ${like} escape '\\' or lower(recommendations.text_en) like ${like} escape '\\' or recommendations.text_ar like ${like} escape '\\')`);
    }
    return eb.and(parts);
  };
}

const summaryColumns = [
  "recommendations.id",
  "recommendations.programmeId",
  "recommendations.areaId",
  "recommendations.seasonId",
  "recommendations.sourceEventId",
  "recommendations.sourceDecisionId",
  "recommendations.sourceProposalId",
  "recommendations.reference",
  "recommendations.textAr",
  "recommendations.textEn",
  "recommendations.status",
  "recommendations.statusReason",
  "recommendations.progress",
  "recommendations.dueOn",
  "recommendations.organisationId",
  "recommendations.visibility",
  "recommendations.shareGroupId",
  "recommendations.createdBy",
  "recommendations.createdAt",
  "recommendations.updatedAt",
  "recommendations.approvedAt",
  "recommendations.closedAt",
  "seasons.code as seasonCode",
  "owner.code as ownerCode",
  "owner.nameAr as ownerNameAr",
  "owner.nameEn as ownerNameEn",
  "owner.kind as ownerKind",
  "owner.country as ownerCountry",
  "programme.code as programmeCode",
  "programme.titleAr as programmeTitleAr",
  "programme.titleEn as programmeTitleEn",
  "area.code as areaCode",
  "area.titleAr as areaTitleAr",
  "area.titleEn as areaTitleEn",
  "sourceEvent.titleAr as sourceEventTitleAr",
  "sourceEvent.titleEn as sourceEventTitleEn",
  "sourceEvent.startsAt as sourceEventStartsAt",
] as const;

/** Recommendations, their responsibles, timeline, files and links (Kysely only). */
export function recommendationsRepository(db: Kysely<DB>, dialect: Dialect) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("recommendations")
      .innerJoin("seasons", "seasons.id", "recommendations.seasonId")
      .innerJoin("organisations as owner", "owner.id", "recommendations.organisationId")
      .leftJoin("cooperationProgrammes as programme", "programme.id", "recommendations.programmeId")
      .leftJoin("cooperationAreas as area", "area.id", "recommendations.areaId")
      .leftJoin("events as sourceEvent", "sourceEvent.id", "recommendations.sourceEventId")
      .select(summaryColumns);
  }

  return {
    base,

    async search(actor: Actor | null, filter: RecommendationFilter, today: string, page: number, pageSize: number) {
      const where = recommendationConditions(actor, filter, today);
      const [items, count] = await Promise.all([
        base()
          .where(where as never)
          .orderBy("recommendations.createdAt", "desc")
          .orderBy("recommendations.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db.selectFrom("recommendations").where(where).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findById(id: string, tx: Executor = db) {
      return base(tx).where("recommendations.id", "=", id).executeTakeFirst();
    },

    findByIds(ids: string[], tx: Executor = db) {
      if (ids.length === 0) return Promise.resolve([]);
      return base(tx).where("recommendations.id", "in", ids).orderBy("recommendations.createdAt").orderBy("recommendations.id").execute();
    },

    /** Readable recommendations among those matching `where` (no paging: the few of one event). */
    findReadable(actor: Actor | null, where: (eb: ExpressionBuilder<DB, "recommendations">) => Expression<SqlBool>) {
      return base()
        .where((eb) => eb.and([readableRecommendations(eb as never, actor), where(eb as never)]) as never)
        .orderBy("recommendations.createdAt")
        .orderBy("recommendations.reference")
        .orderBy("recommendations.id")
        .execute();
    },

    /** Serialise writers of one recommendation inside a transaction; returns what a write checks. */
    async lock(tx: Executor, id: string) {
      await lockRow(tx, dialect, "recommendations", id);
      return tx.selectFrom("recommendations").select(["status", "progress", "updatedAt"]).where("id", "=", id).executeTakeFirst();
    },

    async responsiblesOf(ids: string[], tx: Executor = db) {
      if (ids.length === 0) return [];
      return tx
        .selectFrom("recommendationResponsibles")
        .innerJoin("organisations", "organisations.id", "recommendationResponsibles.organisationId")
        .select([
          "recommendationResponsibles.recommendationId",
          "organisations.id",
          "organisations.code",
          "organisations.nameAr",
          "organisations.nameEn",
          "organisations.kind",
          "organisations.country",
        ])
        .where("recommendationResponsibles.recommendationId", "in", ids)
        .orderBy("organisations.nameEn")
        .execute();
    },

    /** Whether the organisation was invited to the event or is assigned one of the recommendation's actions. */
    async isSharedWith(recommendationId: string, sourceEventId: string | null, organisationId: string) {
      const action = await db.selectFrom("actions").select("id").where("recommendationId", "=", recommendationId).where("organisationId", "=", organisationId).executeTakeFirst();
      if (action) return true;
      if (!sourceEventId) return false;
      return Boolean(await db.selectFrom("eventInvitations").select("id").where("eventId", "=", sourceEventId).where("organisationId", "=", organisationId).executeTakeFirst());
    },

    create(tx: Executor, row: Insertable<DB["recommendations"]>) {
      return tx.insertInto("recommendations").values(row).execute();
    },

    /** Insert unless its decision is tracked already; returns whether it was inserted. */
    async createForDecision(tx: Executor, row: Insertable<DB["recommendations"]>) {
      const result = await tx
        .insertInto("recommendations")
        .values(row)
        .onConflict((oc) => oc.column("sourceDecisionId").doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    update(tx: Executor, id: string, values: Updateable<DB["recommendations"]>) {
      return tx.updateTable("recommendations").set(values).where("id", "=", id).execute();
    },

    async replaceResponsibles(tx: Executor, recommendationId: string, organisationIds: string[]) {
      await tx.deleteFrom("recommendationResponsibles").where("recommendationId", "=", recommendationId).execute();
      if (organisationIds.length) await tx.insertInto("recommendationResponsibles").values(organisationIds.map((organisationId) => ({ recommendationId, organisationId }))).execute();
    },

    insertUpdate(tx: Executor, row: Insertable<DB["recommendationUpdates"]>) {
      return tx.insertInto("recommendationUpdates").values(row).execute();
    },

    async updates(recommendationId: string, page: number, pageSize: number) {
      const [items, count] = await Promise.all([
        db
          .selectFrom("recommendationUpdates")
          .innerJoin("organisations", "organisations.id", "recommendationUpdates.organisationId")
          .leftJoin("users", "users.id", "recommendationUpdates.userId")
          .selectAll("recommendationUpdates")
          .select(["organisations.code as orgCode", "organisations.nameAr as orgNameAr", "organisations.nameEn as orgNameEn", "users.name as userName"])
          .where("recommendationUpdates.recommendationId", "=", recommendationId)
          .orderBy("recommendationUpdates.createdAt", "desc")
          .orderBy("recommendationUpdates.id", "desc")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db.selectFrom("recommendationUpdates").where("recommendationId", "=", recommendationId).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    findUpdate(recommendationId: string, updateId: string) {
      return db.selectFrom("recommendationUpdates").selectAll().where("recommendationId", "=", recommendationId).where("id", "=", updateId).executeTakeFirst();
    },

    filesOf(updateIds: string[]) {
      if (updateIds.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("recommendationFiles")
        .select(["id", "updateId", "recommendationId", "fileName", "contentType", "size", "createdAt"])
        .where("updateId", "in", updateIds)
        .orderBy("createdAt")
        .orderBy("id")
        .execute();
    },

    findFile(recommendationId: string, updateId: string, fileId: string) {
      return db.selectFrom("recommendationFiles").selectAll().where("recommendationId", "=", recommendationId).where("updateId", "=", updateId).where("id", "=", fileId).executeTakeFirst();
    },

    insertFile(tx: Executor, row: Insertable<DB["recommendationFiles"]>) {
      return tx.insertInto("recommendationFiles").values(row).execute();
    },

    /**
     * The recommendation's links with their target's titles (null when the target is gone): workshops
     * first, by date, then training programmes, in the order they were linked.
     */
    links(recommendationId: string) {
      return db
        .selectFrom("recommendationLinks")
        .leftJoin("events", (join) => join.onRef("events.id", "=", "recommendationLinks.targetId").on("recommendationLinks.targetType", "=", "event"))
        .leftJoin("trainingProgrammes as tp", (join) => join.onRef("tp.id", "=", "recommendationLinks.targetId").on("recommendationLinks.targetType", "=", "training_programme"))
        .select((eb) => [
          "recommendationLinks.targetType",
          "recommendationLinks.targetId",
          "recommendationLinks.createdAt",
          eb.fn.coalesce("events.titleAr", "tp.titleAr").as("titleAr"),
          eb.fn.coalesce("events.titleEn", "tp.titleEn").as("titleEn"),
          "events.startsAt",
          "events.endsAt",
          "events.status",
        ])
        .where("recommendationLinks.recommendationId", "=", recommendationId)
        .orderBy("recommendationLinks.targetType")
        .orderBy("events.startsAt")
        .orderBy("recommendationLinks.createdAt")
        .orderBy("recommendationLinks.targetId")
        .execute();
    },

    /** Ids of the training programmes some workshops deliver. */
    async programmesDeliveredBy(eventIds: string[]) {
      if (eventIds.length === 0) return [];
      return (await db.selectFrom("trainingProgrammeEvents").select("programmeId").distinct().where("eventId", "in", eventIds).execute()).map((r) => r.programmeId);
    },

    /** Add a link; returns whether it is new. */
    async insertLink(tx: Executor, row: Insertable<DB["recommendationLinks"]>) {
      const result = await tx
        .insertInto("recommendationLinks")
        .values(row)
        .onConflict((oc) => oc.columns(["recommendationId", "targetType", "targetId"]).doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    /** Remove a link; returns whether there was one. */
    async deleteLink(tx: Executor, recommendationId: string, targetType: string, targetId: string) {
      const result = await tx.deleteFrom("recommendationLinks").where("recommendationId", "=", recommendationId).where("targetType", "=", targetType).where("targetId", "=", targetId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    /** Ids of the recommendations linked to a target (e.g. the workshops an event serves). */
    async linkedTo(targetType: string, targetId: string) {
      return (await db.selectFrom("recommendationLinks").select("recommendationId").where("targetType", "=", targetType).where("targetId", "=", targetId).execute()).map((r) => r.recommendationId);
    },

    /** Attendance figures of events: per event, and distinct attendees and countries over them all. */
    async attendanceOf(eventIds: string[]) {
      if (eventIds.length === 0) return { perEvent: new Map<string, { participants: number; countries: number }>(), participants: 0, countries: 0 };
      const per = await db
        .selectFrom("attendance")
        .innerJoin("organisations", "organisations.id", "attendance.organisationId")
        .select((eb) => ["attendance.eventId", eb.fn.countAll<number>().as("participants"), eb.fn.count<number>("organisations.country").distinct().as("countries")])
        .where("attendance.eventId", "in", eventIds)
        .groupBy("attendance.eventId")
        .execute();
      const total = await db
        .selectFrom("attendance")
        .innerJoin("organisations", "organisations.id", "attendance.organisationId")
        .select((eb) => [eb.fn.count<number>("attendance.attendeeKey").distinct().as("participants"), eb.fn.count<number>("organisations.country").distinct().as("countries")])
        .where("attendance.eventId", "in", eventIds)
        .executeTakeFirstOrThrow();
      return {
        perEvent: new Map(per.map((r) => [r.eventId, { participants: Number(r.participants), countries: Number(r.countries) }])),
        participants: Number(total.participants),
        countries: Number(total.countries),
      };
    },

    /** Tracked decisions among `decisionIds`: decision id → recommendation id. */
    async trackedDecisions(decisionIds: string[], tx: Executor = db) {
      if (decisionIds.length === 0) return new Map<string, string>();
      const rows = await tx.selectFrom("recommendations").select(["id", "sourceDecisionId"]).where("sourceDecisionId", "in", decisionIds).execute();
      return new Map(rows.map((r) => [r.sourceDecisionId!, r.id]));
    },

    /** Admins of organisations (active accounts), for mail in their language. */
    adminsOf(tx: Executor, organisationIds: string[]) {
      if (organisationIds.length === 0) return Promise.resolve([]);
      return tx
        .selectFrom("users")
        .select(["id", "email", "name", "locale", "digits", "organisationId"])
        .where("organisationId", "in", organisationIds)
        .where("role", "=", "org_admin")
        .where("disabledAt", "is", null)
        .orderBy("email")
        .execute();
    },

    existingOrganisations(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom("organisations").select(["id", "nameAr", "nameEn"]).where("id", "in", ids).where("archivedAt", "is", null).execute();
    },

    season(codeOrId: string) {
      return db.selectFrom("seasons").select(["id", "code"]).where((eb) => eb.or([eb("code", "=", codeOrId), eb("id", "=", codeOrId)])).executeTakeFirst();
    },

    area(id: string) {
      return db.selectFrom("cooperationAreas").select(["id", "programmeId", "code", "titleAr", "titleEn"]).where("id", "=", id).executeTakeFirst();
    },

    proposalTitle(id: string) {
      return db.selectFrom("proposals").select(["id", "title"]).where("id", "=", id).executeTakeFirst();
    },

    userName(id: string) {
      return db.selectFrom("users").select(["id", "name"]).where("id", "=", id).executeTakeFirst();
    },
  };
}

export type RecommendationsRepository = ReturnType<typeof recommendationsRepository>;
export type RecommendationRow = NonNullable<Awaited<ReturnType<RecommendationsRepository["findById"]>>>;
