import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { Type } from "typebox";
import { LIBRARY_CATEGORIES, LIBRARY_LANGUAGES, SEARCH_TYPES } from "../../../../common/library.js";
import { errorResponses, Nullable, StringEnum } from "../../lib/schemas.js";
import type { SearchService } from "./search.service.js";

export const SearchQuerySchema = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 200, description: "What to look for; every word must match" }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000, default: 0 })),
  type: Type.Optional(StringEnum(SEARCH_TYPES)),
  category: Type.Optional(StringEnum(LIBRARY_CATEGORIES)),
  organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Organisation id" })),
  country: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$", description: "ISO 3166 alpha-2" })),
  season: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Season id" })),
  language: Type.Optional(StringEnum(LIBRARY_LANGUAGES)),
});

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const FacetValue = Type.Object({ value: Type.String(), count: Type.Integer(), label: Type.Optional(Type.String()) });

export const SearchResultSchema = Type.Object({
  total: Type.Integer({ description: "Readable matches with the filters applied" }),
  items: Type.Array(
    Type.Object({
      id: Type.String({ description: "The record's id (its type says where it lives)" }),
      type: StringEnum(SEARCH_TYPES),
      title: Type.String({ description: "In the caller's language when the record has it" }),
      snippet: Type.String({ description: "HTML: escaped text with the matching words in <mark>" }),
      score: Type.Number({ description: "Relevance; higher is better (comparable within one answer only)" }),
      language: StringEnum(LIBRARY_LANGUAGES, { description: "The language of `title`" }),
      category: Nullable(Type.String()),
      organisation: Nullable(Ref),
      country: Nullable(Type.String()),
      season: Nullable(Ref),
      updatedAt: Type.String(),
    }),
  ),
  facets: Type.Object({
    type: Type.Array(FacetValue),
    category: Type.Array(FacetValue),
    organisation: Type.Array(FacetValue),
    country: Type.Array(FacetValue),
    season: Type.Array(FacetValue),
    language: Type.Array(FacetValue),
  }),
});

export const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get("/api/search", {
    config: { auth: "public" },
    schema: {
      tags: ["search"],
      summary: "Search the library, events, organisations and people the caller may read",
      description:
        "Ranked by relevance (BM25 on SQLite FTS5, ts_rank on PostgreSQL). Arabic is matched regardless of diacritics, " +
        "tatweel, hamza forms, ى/ي, ة/ه, the article and the prefixes و ف ب ك ل; English words are stemmed. " +
        "Records the caller may not read are neither returned nor counted.",
      querystring: SearchQuerySchema,
      response: { 200: SearchResultSchema, ...errorResponses },
    },
  }, async (request) => search.search(request.actor, request.locale, request.query));
};
