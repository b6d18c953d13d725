import { stemmer } from "stemmer";
import { normalizeForSearch } from "../../../../common/text.js";

/**
 * How text becomes index terms, for stored text and queries alike, in application code
 * so SQLite FTS5 and PostgreSQL index exactly the same terms. Bump ANALYZER_VERSION
 * whenever the output changes: the index is rebuilt at the next start.
 *
 * - Every word is folded by `normalizeForSearch` (case, diacritics, tatweel,
 *   أ إ آ → ا, ى → ي, ة → ه, ؤ ئ → ء, Arabic-Indic digits).
 * - Arabic: the article and its combinations with و ف ب ك ل are removed (ال، وال،
 *   بال، وبال، لل …), then common suffixes (pronouns هما كما هم هن كم نا ها, then
 *   ان ات ون ين يه ه ي) while at least three letters remain (after Larkey's "light10"
 *   stemmer). A word that starts with a one-letter prefix (و ف ب ك ل, or two of them
 *   as in وب) also yields the stem without it, so "بمكة" is found by "مكة" and the
 *   other way round. Words whose own letters look like the article (إلكتروني, آلية
 *   after folding) also yield the stem with it removed once more, so "الإلكتروني"
 *   meets "إلكتروني"; a ت left before a removed suffix (خيمته, حافلتان) also yields
 *   the stem without it (خيمة, حافلة); the accusative ending ًا is dropped
 *   (مسؤولًا → مسؤول) and a final ىء is read as ئ (الطوارىء → الطوارئ).
 * - Latin script: Porter stemming ("trainings" → "train"); a word ending in -ses also
 *   yields the stem without -es ("buses" meets "bus", which Porter alone misses).
 * - Digits stay as they are.
 */
// 3: not an analyzer change — recommendations became searchable, and existing databases must
// rebuild their index once to include them (the version is what triggers the rebuild).
export const ANALYZER_VERSION = 3;

const WORD = /[\p{L}\p{N}]+/gu;
const ARABIC = /[\u0621-\u064A]/;
const LATIN = /[a-z]/;

const ARTICLES = ["وبال", "وكال", "وفال", "فبال", "فكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"];
const SUFFIXES = ["هما", "كما", "هم", "هن", "كم", "نا", "ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];
const LETTER_PREFIXES = new Set(["و", "ف", "ب", "ك", "ل"]);
const MIN_STEM = 3;

/** Words that only carry grammar; dropped from queries (not from the index) unless nothing else is left. */
const STOP_WORDS = new Set(
  [
    ...["a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "is", "are", "was", "were", "be", "as", "it", "its", "this", "that", "these", "those", "how", "what", "which", "who", "do", "does", "we", "our"],
    ...["في", "من", "على", "الى", "إلى", "عن", "مع", "او", "أو", "ان", "أن", "إن", "هذا", "هذه", "ذلك", "تلك", "التي", "الذي", "الذين", "ثم", "قد", "كل", "ما", "لا", "هو", "هي", "و", "عند", "بين", "كيف", "ماذا", "هل"],
  ].map((w) => normalizeForSearch(w)),
);

function stripSuffixes(word: string): { stem: string; stripped: boolean } {
  let w = word;
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= MIN_STEM) w = w.slice(0, -suffix.length);
  }
  return { stem: w, stripped: w !== word };
}

/** The stems of one word without prefixes (see the module comment). */
function arabicStems(word: string): string[] {
  let w = word.endsWith("يء") ? `${word.slice(0, -2)}ء` : word;
  const bases: string[] = [];
  for (const article of ARTICLES) {
    if (w.startsWith(article) && w.length - article.length >= 2) {
      // Two letters left may be a word of its own that merely starts like the article (آلاف → الاف).
      if (w.length - article.length === 2) bases.push(w);
      w = w.slice(article.length);
      break;
    }
  }
  bases.push(w);
  // "الالكتروني": the article, then a word that itself starts with ال (إلكتروني).
  if (w.startsWith("ال") && w.length >= 5) bases.push(w.slice(2));
  const stems: string[] = [];
  for (const base of bases) {
    const { stem, stripped } = stripSuffixes(base);
    stems.push(stem);
    if (stripped && stem.endsWith("ت") && stem.length - 1 >= MIN_STEM) stems.push(stem.slice(0, -1));
  }
  return stems;
}

/** The terms one normalised Arabic word stands for: its stems, and its stems without a one- or two-letter prefix. */
function arabicTerms(word: string): string[] {
  const terms = new Set(arabicStems(word));
  if (LETTER_PREFIXES.has(word[0]!) && word.length >= 4) {
    for (const t of arabicStems(word.slice(1))) terms.add(t);
    if (LETTER_PREFIXES.has(word[1]!) && word.length >= 5) for (const t of arabicStems(word.slice(2))) terms.add(t);
  }
  return [...terms];
}

/** Porter stemming; a word ending in -ses also yields the stem without -es ("buses" meets "bus", "houses" still meets "house"). */
function englishTerms(word: string): string[] {
  const stem = stemmer(word);
  if (!word.endsWith("ses") || word.endsWith("sses") || word.length < 5) return [stem];
  const other = stemmer(word.slice(0, -2));
  return other === stem ? [stem] : [stem, other];
}

/** The alternative terms of one normalised word (any of them matches). */
function termsOfWord(word: string): string[] {
  if (ARABIC.test(word)) return arabicTerms(word);
  if (LATIN.test(word) && !/\d/.test(word)) return englishTerms(word);
  return [word];
}

/** The normalised words of `text`, in order. */
export function wordsOf(text: string): string[] {
  // The accusative ending ًا (either order of the marks) carries no meaning for search.
  return normalizeForSearch(text.replace(/\u064Bا|ا\u064B/g, "")).match(WORD) ?? [];
}

/** Index terms of `text`, space-separated, in order (a word with several terms gives each). */
export function indexTerms(text: string | null | undefined): string {
  if (!text) return "";
  const out: string[] = [];
  for (const word of wordsOf(text)) out.push(...termsOfWord(word));
  return out.join(" ");
}

/**
 * A query as groups of alternative terms: a record matches when it has some term of
 * every group. Grammar words are dropped unless the query is nothing but them; at
 * most 12 groups are kept.
 */
export function queryGroups(query: string): string[][] {
  const words = wordsOf(query);
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const kept = content.length > 0 ? content : words;
  const seen = new Set<string>();
  const groups: string[][] = [];
  for (const word of kept) {
    const terms = termsOfWord(word);
    const key = terms.join(" ");
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(terms);
  }
  return groups.slice(0, 12);
}

/** Terms of words as written (snippets look up every word of a text; words repeat a lot). */
const TERMS_OF_WRITTEN = new Map<string, string[]>();
const TERMS_CACHE_SIZE = 50_000;

function termsOfWrittenWord(word: string): string[] {
  let terms = TERMS_OF_WRITTEN.get(word);
  if (!terms) {
    const normalised = normalizeForSearch(word.replace(/\u064Bا|ا\u064B/g, "")).match(WORD)?.[0];
    terms = normalised ? termsOfWord(normalised) : [];
    if (TERMS_OF_WRITTEN.size >= TERMS_CACHE_SIZE) TERMS_OF_WRITTEN.clear();
    TERMS_OF_WRITTEN.set(word, terms);
  }
  return terms;
}

/** Whether a word of the original text matches one of the query's terms (for highlighting). */
export function wordMatches(word: string, terms: ReadonlySet<string>): boolean {
  return termsOfWrittenWord(word).some((t) => terms.has(t));
}
