import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../policies/index.js";
import { OPEN_STATUSES, recommendationConditions, type RecommendationFilter } from "./recommendations.repository.js";

/** Most overdue recommendations listed (totals.overdue counts all). */
export const OVERDUE_LIST_LIMIT = 500;
/** Timeline entries shown. */
export const TIMELINE_LIMIT = 100;
/** Up to this many matching recommendations, the timeline is read recommendation by recommendation. */
const FEW_RECOMMENDATIONS = 2000;
/**
 * Timeline entries the walk may pass per matching recommendation: walking one entry (an index entry,
 * its row and its recommendation's) costs about what reading one recommendation's ~10 entries from
 * the recommendation_id index does (SQLite at 100k: ~16 µs against ~15 µs).
 */
const WALK_PER_RECOMMENDATION = 1;
/** Rows read per round trip by the export. */
const EXPORT_BATCH = 1000;

const open = sql.join(OPEN_STATUSES.map((s) => sql.lit(s)));

/**
 * Aggregates over the recommendations the caller may read, in SQL (GROUP BY), so the view
 * scales to 100k recommendations and a million timeline entries.
 */
export function accountabilityRepository(db: Kysely<DB>) {
  // Committed = approved, in progress or done: the denominator of the implementation rate.
  const committed = sql<number>`sum(case when recommendations.status in ('approved', 'in_progress', 'done') then 1 else 0 end)`;
  const done = sql<number>`sum(case when recommendations.status = 'done' then 1 else 0 end)`;
  const progressSum = sql<number>`sum(case when recommendations.status in ('approved', 'in_progress', 'done') then recommendations.progress else 0 end)`;
  const overdue = (today: string) => sql<number>`sum(case when recommendations.status in (${open}) and recommendations.due_on < ${today} then 1 else 0 end)`;

  return {
    async totals(actor: Actor | null, filter: RecommendationFilter, today: string) {
      const where = recommendationConditions(actor, filter, today);
      return db
        .selectFrom("recommendations")
        .where(where)
        .select((eb) => [
          eb.fn.countAll<number>().as("total"),
          sql<number>`sum(case when recommendations.status = 'proposed' then 1 else 0 end)`.as("proposed"),
          sql<number>`sum(case when recommendations.status = 'approved' then 1 else 0 end)`.as("approved"),
          sql<number>`sum(case when recommendations.status = 'in_progress' then 1 else 0 end)`.as("inProgress"),
          done.as("done"),
          sql<number>`sum(case when recommendations.status = 'dropped' then 1 else 0 end)`.as("dropped"),
          overdue(today).as("overdue"),
        ])
        .executeTakeFirstOrThrow();
    },

    byArea(actor: Actor | null, filter: RecommendationFilter, today: string) {
      return db
        .selectFrom("recommendations")
        .leftJoin("cooperationAreas", "cooperationAreas.id", "recommendations.areaId")
        .where(recommendationConditions(actor, filter, today) as never)
        .select((eb) => [
          "recommendations.areaId",
          "cooperationAreas.code",
          "cooperationAreas.titleAr",
          "cooperationAreas.titleEn",
          eb.fn.countAll<number>().as("total"),
          done.as("done"),
          committed.as("committed"),
          progressSum.as("progressSum"),
        ])
        .groupBy(["recommendations.areaId", "cooperationAreas.code", "cooperationAreas.titleAr", "cooperationAreas.titleEn"])
        .orderBy("cooperationAreas.code")
        .execute();
    },

    byOrganisation(actor: Actor | null, filter: RecommendationFilter, today: string) {
      return db
        .selectFrom("recommendations")
        .innerJoin("recommendationResponsibles", "recommendationResponsibles.recommendationId", "recommendations.id")
        .innerJoin("organisations", "organisations.id", "recommendationResponsibles.organisationId")
        .where(recommendationConditions(actor, filter, today) as never)
        .select((eb) => [
          "organisations.id as organisationId",
          "organisations.nameAr",
          "organisations.nameEn",
          "organisations.country",
          eb.fn.countAll<number>().as("total"),
          done.as("done"),
          committed.as("committed"),
          progressSum.as("progressSum"),
          overdue(today).as("overdue"),
        ])
        .groupBy(["organisations.id", "organisations.nameAr", "organisations.nameEn", "organisations.country"])
        .orderBy("organisations.nameEn")
        .execute();
    },

    overdue(actor: Actor | null, filter: RecommendationFilter, today: string) {
      return db
        .selectFrom("recommendations")
        .where(recommendationConditions(actor, { ...filter, overdue: true }, today))
        .select(["recommendations.id", "recommendations.reference", "recommendations.textAr", "recommendations.textEn", "recommendations.status", "recommendations.progress", "recommendations.dueOn"])
        .orderBy("recommendations.dueOn")
        .orderBy("recommendations.id")
        .limit(OVERDUE_LIST_LIMIT)
        .execute();
    },

    responsibles(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .selectFrom("recommendationResponsibles")
        .innerJoin("organisations", "organisations.id", "recommendationResponsibles.organisationId")
        .select(["recommendationResponsibles.recommendationId", "organisations.id", "organisations.nameAr", "organisations.nameEn"])
        .where("recommendationResponsibles.recommendationId", "in", ids)
        .orderBy("organisations.nameEn")
        .execute();
    },

    /**
     * The last entries of the matching recommendations' timelines, read one of two ways (both exact):
     * - by recommendation: the matching recommendations' own entries from the recommendation_id
     *   index alone (about ten each), the newest 100 kept, then only their details read;
     * - by walking the whole timeline newest first (the created_at index) through a window, joining
     *   each entry to its recommendation: once the window holds 100 matching entries, no older entry
     *   can be among the last ones. Cheap while the matching recommendations are busy (no filter,
     *   the current season), ruinous when they are not: the last 100 entries of a season settled
     *   years ago lie tens of thousands of entries back (1441 at 100k: 62,000; 1.2–1.9 s).
     * Walking one entry costs about as much as reading one matching recommendation's entries by its
     * index (bench/README.md, follow-up part), so the walk gets a budget of one entry per matching
     * recommendation: a window sized from the share of recommendations that match, then the whole
     * budget, then the read by recommendation — at worst about twice the cheaper of the two. SQLite
     * stops a walk at the 100th match; CROSS JOIN fixes the join order there (PostgreSQL plans it
     * as an inner join).
     */
    async timeline(actor: Actor | null, filter: RecommendationFilter, today: string, matching: number) {
      if (matching === 0) return [];
      const where = recommendationConditions(actor, filter, today);
      const columns = [
        "recommendationUpdates.id",
        "recommendationUpdates.createdAt",
        "recommendationUpdates.kind",
        "recommendationUpdates.recommendationId",
        "recommendationUpdates.statusFrom",
        "recommendationUpdates.statusTo",
        "recommendationUpdates.progressTo",
        "recommendations.reference",
        "recommendations.textAr",
        "recommendations.textEn",
        "organisations.id as orgId",
        "organisations.nameAr as orgNameAr",
        "organisations.nameEn as orgNameEn",
      ] as const;
      const byRecommendation = () => {
        const last = db
          .selectFrom("recommendations")
          .crossJoin("recommendationUpdates")
          .whereRef("recommendations.id", "=", "recommendationUpdates.recommendationId")
          .where(where as never)
          .select(["recommendationUpdates.id", "recommendationUpdates.createdAt"])
          .orderBy("recommendationUpdates.createdAt", "desc")
          .orderBy("recommendationUpdates.id", "desc")
          .limit(TIMELINE_LIMIT);
        return db
          .selectFrom(last.as("last"))
          .innerJoin("recommendationUpdates", "recommendationUpdates.id", "last.id")
          .innerJoin("recommendations", "recommendations.id", "recommendationUpdates.recommendationId")
          .innerJoin("organisations", "organisations.id", "recommendationUpdates.organisationId")
          .select(columns)
          .orderBy("recommendationUpdates.createdAt", "desc")
          .orderBy("recommendationUpdates.id", "desc")
          .execute();
      };
      const walk = (window: number) =>
        db
          .selectFrom(db.selectFrom("recommendationUpdates").selectAll().orderBy("createdAt", "desc").orderBy("id", "desc").limit(window).as("recommendationUpdates"))
          .crossJoin("recommendations")
          .innerJoin("organisations", "organisations.id", "recommendationUpdates.organisationId")
          .whereRef("recommendations.id", "=", "recommendationUpdates.recommendationId")
          .where(where as never)
          .select(columns)
          .orderBy("recommendationUpdates.createdAt", "desc")
          .orderBy("recommendationUpdates.id", "desc")
          .limit(TIMELINE_LIMIT)
          .execute();
      if (matching <= FEW_RECOMMENDATIONS) return byRecommendation();
      const all = Number((await db.selectFrom("recommendations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      const budget = matching * WALK_PER_RECOMMENDATION;
      for (const window of new Set([Math.min(Math.ceil(((TIMELINE_LIMIT * Math.max(all, 1)) / matching) * 4), budget), budget])) {
        const rows = await walk(window);
        if (rows.length === TIMELINE_LIMIT) return rows;
      }
      return byRecommendation();
    },

    /**
     * Every matching recommendation for the export, in batches: the matching ids are resolved once
     * (scope and filters in one statement), then read 1,000 at a time by key. Paging the filtered
     * query itself (keyset on id) made SQLite read and sort the whole season again for each batch.
     */
    async *exportRows(actor: Actor | null, filter: RecommendationFilter, today: string) {
      const ids = (await db.selectFrom("recommendations").where(recommendationConditions(actor, filter, today)).select("recommendations.id").orderBy("recommendations.id").execute()).map((r) => r.id);
      for (let start = 0; start < ids.length; start += EXPORT_BATCH) {
        const rows = await db
          .selectFrom("recommendations")
          .innerJoin("seasons", "seasons.id", "recommendations.seasonId")
          .leftJoin("cooperationAreas as area", "area.id", "recommendations.areaId")
          .leftJoin("cooperationProgrammes as programme", "programme.id", "recommendations.programmeId")
          .leftJoin("events as sourceEvent", "sourceEvent.id", "recommendations.sourceEventId")
          .where("recommendations.id", "in", ids.slice(start, start + EXPORT_BATCH))
          .select((eb) => [
            "recommendations.id",
            "recommendations.reference",
            "recommendations.textAr",
            "recommendations.textEn",
            "recommendations.status",
            "recommendations.progress",
            "recommendations.dueOn",
            "seasons.code as seasonCode",
            "area.titleAr as areaTitleAr",
            "area.titleEn as areaTitleEn",
            "programme.titleAr as programmeTitleAr",
            "programme.titleEn as programmeTitleEn",
            "sourceEvent.titleAr as eventTitleAr",
            "sourceEvent.titleEn as eventTitleEn",
            eb.selectFrom("recommendationUpdates").select((u) => u.fn.max("recommendationUpdates.createdAt").as("m")).whereRef("recommendationUpdates.recommendationId", "=", "recommendations.id").as("lastUpdateAt"),
          ])
          .orderBy("recommendations.id")
          .execute();
        if (rows.length === 0) continue;
        const responsibles = await this.responsibles(rows.map((r) => r.id));
        const byRecommendation = new Map<string, typeof responsibles>();
        for (const x of responsibles) {
          const list = byRecommendation.get(x.recommendationId);
          if (list) list.push(x);
          else byRecommendation.set(x.recommendationId, [x]);
        }
        yield rows.map((r) => ({ ...r, responsibles: byRecommendation.get(r.id) ?? [] }));
      }
    },
  };
}

export type AccountabilityRepository = ReturnType<typeof accountabilityRepository>;
