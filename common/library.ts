/** What a library entry is. */
export const LIBRARY_KINDS = ["practice", "lesson", "experience"] as const;
export type LibraryKind = (typeof LIBRARY_KINDS)[number];

/** The field of work an entry is about (the library's main facet). */
export const LIBRARY_CATEGORIES = [
  "transport",
  "housing",
  "health",
  "crowd_management",
  "training",
  "communication",
  "catering",
  "technology",
  "other",
] as const;
export type LibraryCategory = (typeof LIBRARY_CATEGORIES)[number];

/** What the one search box finds. */
export const SEARCH_TYPES = ["library", "event", "organisation", "person", "recommendation"] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

export const LIBRARY_LANGUAGES = ["ar", "en"] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];
