import type { SearchType } from "../../../../common/library.js";
import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import type { Actor } from "../../policies/index.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { queryGroups } from "./analyzer.js";
import { createSearchRepository, type FacetCombination, type SearchFilters } from "./search.repository.js";
import { snippetHtml } from "./search.text.js";

export interface SearchQuery extends SearchFilters {
  q: string;
  limit?: number;
  offset?: number;
}

type FacetName = "type" | "category" | "organisation" | "country" | "season" | "language";
const FACETS: FacetName[] = ["type", "category", "organisation", "country", "season", "language"];

/** The values a combination contributes to a facet (a bilingual record counts for both languages). */
function valuesOf(c: FacetCombination, facet: FacetName): Array<string | null> {
  switch (facet) {
    case "type":
      return [c.docType];
    case "category":
      return [c.category];
    case "organisation":
      return [c.organisationId];
    case "country":
      return [c.country];
    case "season":
      return [c.seasonId];
    case "language":
      return c.languages.split(" ");
  }
}

function passes(c: FacetCombination, filters: SearchFilters, except?: FacetName): boolean {
  return FACETS.every((facet) => {
    if (facet === except) return true;
    const wanted = filters[facet];
    return wanted === undefined || valuesOf(c, facet).includes(wanted);
  });
}

/**
 * Facet counts over the readable matches: each facet applies the other facets' filters
 * but not its own (so the alternatives stay visible), and the total applies them all.
 */
export function countFacets(combinations: FacetCombination[], filters: SearchFilters) {
  const facets = {} as Record<FacetName, Map<string, number>>;
  for (const facet of FACETS) {
    const counts = new Map<string, number>();
    for (const c of combinations) {
      if (!passes(c, filters, facet)) continue;
      for (const value of valuesOf(c, facet)) if (value) counts.set(value, (counts.get(value) ?? 0) + c.n);
    }
    facets[facet] = counts;
  }
  const total = combinations.filter((c) => passes(c, filters)).reduce((sum, c) => sum + c.n, 0);
  return { total, facets };
}

const named = (locale: Locale, row: { nameAr: string; nameEn: string } | undefined) => (row ? (locale === "en" ? row.nameEn : row.nameAr) : undefined);

/** The one search box: the library, events, organisations and people the caller may read. */
export function createSearchService(deps: Deps) {
  const repository = createSearchRepository(deps.db);

  return {
    /** @throws AppError VALIDATION_FAILED naming `q` when the query has no word to look for */
    async search(actor: Actor | null, locale: Locale, query: SearchQuery) {
      const groups = queryGroups(query.q);
      if (groups.length === 0) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "q", message: "validation.search_words" }] });
      await loadActorGroups(deps.db, actor);
      const filters: SearchFilters = {
        type: query.type,
        category: query.category,
        organisation: query.organisation,
        country: query.country,
        season: query.season,
        language: query.language,
      };
      const limit = query.limit ?? 20;
      const [hits, combinations] = await Promise.all([
        repository.findHits(actor, groups, filters, limit, query.offset ?? 0),
        repository.findFacetCombinations(actor, groups),
      ]);
      const { total, facets } = countFacets(combinations, filters);

      const ids = (facet: FacetName, extra: Array<string | null>) => [...new Set([...facets[facet].keys(), ...extra.filter((v): v is string => Boolean(v))])];
      const labels = await repository.labels(
        ids("organisation", hits.map((h) => h.organisationId)),
        ids("country", hits.map((h) => h.country)),
        ids("season", hits.map((h) => h.seasonId)),
      );
      const terms = new Set(groups.flat());
      const list = (facet: FacetName, label?: (value: string) => string | undefined) =>
        [...facets[facet].entries()]
          .map(([value, count]) => ({ value, count, ...(label ? { label: label(value) ?? value } : {}) }))
          .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));

      return {
        total,
        items: hits.map((h) => {
          const titleLanguage: "ar" | "en" = locale === "en" ? (h.titleEn ? "en" : "ar") : h.titleAr ? "ar" : "en";
          const organisation = h.organisationId ? labels.organisations.get(h.organisationId) : undefined;
          const season = h.seasonId ? labels.seasons.get(h.seasonId) : undefined;
          return {
            id: h.recordId,
            type: h.docType as SearchType,
            title: (titleLanguage === "en" ? h.titleEn : h.titleAr) ?? "",
            snippet: snippetHtml(h.body, terms),
            score: Math.round(h.score * 10_000) / 10_000,
            language: titleLanguage,
            category: h.category,
            organisation: organisation && h.organisationId ? { id: h.organisationId, name: named(locale, organisation)! } : null,
            country: h.country,
            season: season && h.seasonId ? { id: h.seasonId, name: named(locale, season)! } : null,
            updatedAt: h.updatedAt,
          };
        }),
        facets: {
          type: list("type"),
          category: list("category"),
          organisation: list("organisation", (v) => named(locale, labels.organisations.get(v))),
          country: list("country", (v) => named(locale, labels.countries.get(v))),
          season: list("season", (v) => named(locale, labels.seasons.get(v))),
          language: list("language"),
        },
      };
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
