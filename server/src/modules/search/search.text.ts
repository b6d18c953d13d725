import { wordMatches } from "./analyzer.js";

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/** The readable text of (sanitised) rich text: tags become spaces or line breaks, entities are decoded. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return "";
  return html
    .replace(/<(br|\/p|\/li|\/h[1-6]|\/tr|\/blockquote)\b[^>]*>/gi, "\n")
    // Inline formatting may cut through a word ("<b>ال</b>حج"): it leaves no gap.
    .replace(/<\/?(b|strong|em|i|u|s|a|bdi|span|mark|sub|sup)\b[^>]*>/gi, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
      if (lower.startsWith("#") && lower !== "#39") return String.fromCodePoint(parseInt(lower.slice(1), 10));
      return ENTITIES[lower] ?? m;
    })
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const WORD = /[\p{L}\p{N}\p{M}\u0640]+/gu;

/**
 * A passage of `text` around the query's matches, as HTML: everything escaped, each
 * matching word in `<mark>`, "…" where the text was cut. The window of `maxWords`
 * words with the most matches wins (the opening words when nothing matches).
 */
export function snippetHtml(text: string, terms: ReadonlySet<string>, maxWords = 32): string {
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, hit: wordMatches(m[0], terms) }));
  if (words.length === 0) return "";
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.hit) hits++;
    if (i >= maxWords && words[i - maxWords]!.hit) hits--;
    const start = Math.max(0, i - maxWords + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // Open a little before the first match, so it is read in context.
  const firstHit = words.findIndex((w, i) => i >= best && w.hit);
  const from = firstHit > best + 4 ? Math.max(best, Math.min(firstHit - 4, words.length - maxWords)) : best;
  const to = Math.min(words.length, from + maxWords) - 1;
  let out = from > 0 ? "… " : "";
  // From the very start of the text when the window opens there, so leading marks (« or a quote) stay.
  let cursor = from > 0 ? words[from]!.start : 0;
  for (let i = from; i <= to; i++) {
    const w = words[i]!;
    out += escapeHtml(text.slice(cursor, w.start));
    const word = escapeHtml(text.slice(w.start, w.end));
    out += w.hit ? `<mark>${word}</mark>` : word;
    cursor = w.end;
  }
  if (to < words.length - 1) out += " …";
  else out += escapeHtml(text.slice(cursor));
  return out.replace(/\s*\n\s*/g, " ");
}
