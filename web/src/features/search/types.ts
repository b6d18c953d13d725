import type { SearchType } from "../../../../common/library.js";

/** Shapes of GET /api/search (docs/api.md, "Search"). */

/** A record named in both languages, or already named for the caller. */
export interface Named {
  id?: string;
  code?: string;
  nameAr?: string | null;
  nameEn?: string | null;
  name?: string | null;
}

export type Labelled = string | Named | { ar?: string | null; en?: string | null } | null | undefined;

export interface SearchHit {
  id: string;
  type: SearchType;
  title: string;
  /** HTML: the text escaped by the server, the matching words in <mark>. */
  snippet: string;
  score: number;
  language: "ar" | "en" | null;
  category: string | null;
  organisation: Labelled;
  country: Labelled;
  season: Labelled;
  updatedAt: string | null;
}

export const FACETS = ["type", "category", "organisation", "country", "season", "language"] as const;
export type FacetName = (typeof FACETS)[number];

export interface FacetValue {
  value: string;
  label?: Labelled;
  count: number;
}

export interface SearchAnswer {
  total: number;
  items: SearchHit[];
  facets: Partial<Record<FacetName, FacetValue[]>>;
}
