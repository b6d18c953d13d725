import { expressionBuilder, sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { SearchType } from "../../../../common/library.js";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import { recommendationSharedWith } from "../followup/recommendations.repository.js";
import { isPostgres } from "./search.indexer.js";

/** Facet filters (all optional). */
export interface SearchFilters {
  type?: SearchType;
  category?: string;
  organisation?: string;
  country?: string;
  season?: string;
  language?: "ar" | "en";
}

export interface SearchHit {
  seq: number;
  docType: SearchType;
  recordId: string;
  organisationId: string | null;
  category: string | null;
  country: string | null;
  seasonId: string | null;
  languages: string;
  titleAr: string | null;
  titleEn: string | null;
  body: string;
  updatedAt: string;
  score: number;
}

/** One combination of facet values among the matches, with how many matches have it. */
export interface FacetCombination {
  docType: SearchType;
  category: string | null;
  organisationId: string | null;
  country: string | null;
  seasonId: string | null;
  languages: string;
  n: number;
}

const COLUMNS = { organisation: "search_documents.organisation_id", visibility: "search_documents.visibility", shareGroup: "search_documents.share_group_id" };

/**
 * The documents `actor` may read: per type, the same grants (and, for events, the same
 * invitations) as the type's own list. Drafts are indexed as private to their host.
 */
export function readableCondition(actor: Actor | null): Expression<SqlBool> {
  const eb = expressionBuilder<DB, "searchDocuments">();
  const ofType = (type: SearchType, condition: Expression<SqlBool>) => sql<SqlBool>`(search_documents.doc_type = ${type} and ${condition})`;
  return eb.or([
    ofType("library", scopeCondition(eb, actor, "library.read", COLUMNS)),
    ofType(
      "event",
      scopeCondition(eb, actor, "event.read", {
        ...COLUMNS,
        sharedWithActor: (organisationId) => sql<SqlBool>`search_documents.record_id in (select event_id from event_invitations where organisation_id = ${organisationId})`,
      }),
    ),
    ofType("organisation", scopeCondition(eb, actor, "organisation.read", COLUMNS)),
    ofType("person", scopeCondition(eb, actor, "person.read", COLUMNS)),
    // Also shared with its responsible organisations, those invited to its meeting and those assigned an action.
    ofType("recommendation", scopeCondition(eb, actor, "recommendation.read", { ...COLUMNS, sharedWithActor: recommendationSharedWith("search_documents.record_id") })),
  ]);
}

function filterCondition(filters: SearchFilters): Expression<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`1 = 1`];
  if (filters.type) parts.push(sql<SqlBool>`search_documents.doc_type = ${filters.type}`);
  if (filters.category) parts.push(sql<SqlBool>`search_documents.category = ${filters.category}`);
  if (filters.organisation) parts.push(sql<SqlBool>`search_documents.organisation_id = ${filters.organisation}`);
  if (filters.country) parts.push(sql<SqlBool>`search_documents.country = ${filters.country}`);
  if (filters.season) parts.push(sql<SqlBool>`search_documents.season_id = ${filters.season}`);
  if (filters.language) parts.push(sql<SqlBool>`search_documents.languages in (${filters.language}, 'ar en')`);
  return sql<SqlBool>`${sql.join(parts, sql` and `)}`;
}

/** FTS5 query: every group must match, any term of a group will do. Terms are letters and digits only. */
function fts5Query(groups: string[][]): string {
  return groups.map((g) => `(${g.map((t) => `"${t}"`).join(" OR ")})`).join(" AND ");
}

/** to_tsquery text with the same meaning. */
function tsQuery(groups: string[][]): string {
  return groups.map((g) => `(${g.map((t) => `'${t}'`).join(" | ")})`).join(" & ");
}

/** FROM … WHERE of a match, with the dialect's relevance as `score` (higher is better; a title match weighs more than a match in the text). */
function matchParts(db: Kysely<DB>, groups: string[][]) {
  if (isPostgres(db)) {
    return {
      from: sql`search_documents, to_tsquery('simple', ${tsQuery(groups)}) as query`,
      match: sql<SqlBool>`search_documents.tsv @@ query`,
      // Cover density divided by length ranks closest to FTS5's BM25 on the quality test set (63 of 64 first results alike, against 61 for ts_rank).
      score: sql<number>`ts_rank_cd(search_documents.tsv, query, 2)`,
    };
  }
  return {
    from: sql`search_fts join search_documents on search_documents.seq = search_fts.rowid`,
    match: sql<SqlBool>`search_fts match ${fts5Query(groups)}`,
    score: sql<number>`-bm25(search_fts, 2.5, 1.0)`,
  };
}

export function createSearchRepository(db: Kysely<DB>) {
  return {
    /** A page of the readable matches that pass the filters, best first. */
    async findHits(actor: Actor | null, groups: string[][], filters: SearchFilters, limit: number, offset: number): Promise<SearchHit[]> {
      const { from, match, score } = matchParts(db, groups);
      const result = await sql<SearchHit>`
        select search_documents.seq, search_documents.doc_type, search_documents.record_id, search_documents.organisation_id,
          search_documents.category, search_documents.country, search_documents.season_id, search_documents.languages,
          search_documents.title_ar, search_documents.title_en, search_documents.body, search_documents.updated_at, ${score} as score
        from ${from}
        where ${match} and ${readableCondition(actor)} and ${filterCondition(filters)}
        order by score desc, search_documents.updated_at desc, search_documents.record_id
        limit ${limit} offset ${offset}`.execute(db);
      return result.rows.map((r) => ({ ...r, score: Number(r.score) }));
    },

    /** Every combination of facet values among the readable matches (no facet filter applied), with counts. */
    async findFacetCombinations(actor: Actor | null, groups: string[][]): Promise<FacetCombination[]> {
      const { from, match } = matchParts(db, groups);
      const result = await sql<FacetCombination>`
        select search_documents.doc_type, search_documents.category, search_documents.organisation_id, search_documents.country,
          search_documents.season_id, search_documents.languages, count(*) as n
        from ${from}
        where ${match} and ${readableCondition(actor)}
        group by search_documents.doc_type, search_documents.category, search_documents.organisation_id, search_documents.country,
          search_documents.season_id, search_documents.languages`.execute(db);
      return result.rows.map((r) => ({ ...r, n: Number(r.n) }));
    },

    async labels(organisationIds: string[], countryCodes: string[], seasonIds: string[]) {
      const [organisations, countries, seasons] = await Promise.all([
        organisationIds.length ? db.selectFrom("organisations").select(["id", "nameAr", "nameEn"]).where("id", "in", organisationIds).execute() : [],
        countryCodes.length ? db.selectFrom("countries").select(["code", "nameAr", "nameEn"]).where("code", "in", countryCodes).execute() : [],
        seasonIds.length ? db.selectFrom("seasons").select(["id", "nameAr", "nameEn"]).where("id", "in", seasonIds).execute() : [],
      ]);
      return {
        organisations: new Map(organisations.map((o) => [o.id, o])),
        countries: new Map(countries.map((c) => [c.code, c])),
        seasons: new Map(seasons.map((s) => [s.id, s])),
      };
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
