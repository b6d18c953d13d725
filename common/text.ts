/**
 * Text normalisation for search, used on stored text and on queries alike
 * (SQLite's LIKE/FTS and PostgreSQL do not fold Arabic variants).
 * Folds case, Arabic diacritics (tashkeel) and tatweel, alef/hamza forms
 * (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ/ئ → ء, and Arabic-Indic/Persian digits → Latin.
 */
export function normalizeForSearch(input: string): string {
  return input
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/[ؤئ]/g, "ء")
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\s\u200c\u200d\u200e\u200f]+/g, " ")
    .trim();
}

/** Words of a normalised query, without empty ones. */
export function searchTerms(query: string): string[] {
  return normalizeForSearch(query)
    .split(" ")
    .map((w) => w.replace(/^[^\p{L}\p{N}@]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}
