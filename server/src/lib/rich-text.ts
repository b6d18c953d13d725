import sanitizeHtml from "sanitize-html";

/**
 * Rich text written in the app (minutes, library entries): structure and emphasis, links,
 * tables; no scripts, styles, images or forms.
 */
const TAGS = ["p", "br", "strong", "b", "em", "i", "u", "s", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "bdi"];
const DIRECTIONS = ["ltr", "rtl", "auto"];
const EXTRA: Record<string, string[]> = { a: ["href", "rel", "target"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan"] };

/** Keep `dir` only when it is a real direction (sanitize-html would keep a bare `dir` otherwise). */
function keepDirection(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const { dir, ...rest } = attribs;
  return { tagName, attribs: dir && DIRECTIONS.includes(dir) ? { ...rest, dir } : rest };
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: TAGS,
  allowedAttributes: Object.fromEntries(TAGS.map((tag) => [tag, ["dir", ...(EXTRA[tag] ?? [])]])),
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  transformTags: {
    ...Object.fromEntries(TAGS.map((tag) => [tag, keepDirection])),
    // rel and target come from here, never from the input.
    a: (tagName, attribs) => ({ tagName, attribs: { ...(attribs.href ? { href: attribs.href } : {}), rel: "noopener noreferrer", target: "_blank" } }),
    div: (_tagName, attribs) => keepDirection("p", attribs),
    h1: (_tagName, attribs) => keepDirection("h2", attribs),
  },
  allowedClasses: {},
  disallowedTagsMode: "discard",
};

/**
 * Rich text reduced to safe HTML; `dir` survives only as ltr, rtl or auto.
 * @returns sanitised HTML ("" when nothing readable is left)
 */
export function sanitizeRichText(html: string): string {
  const clean = sanitizeHtml(html, OPTIONS).trim();
  return sanitizeHtml(clean, { allowedTags: [], allowedAttributes: {} }).trim() === "" ? "" : clean;
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Whether the text contains markup (an HTML tag), rather than being plain text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}

/**
 * Plain text as HTML: paragraphs (separated by blank lines) become `<p>`, line breaks `<br>`,
 * everything escaped.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== "")
    .map((paragraph) => `<p>${paragraph.split("\n").map((line) => escapeText(line.trim())).join("<br>")}</p>`)
    .join("");
}

/**
 * What a user sent as a rich-text field (HTML from the editor, or plain text from a script)
 * as safe HTML.
 * @returns sanitised HTML ("" when nothing readable is left)
 */
export function richTextFromInput(input: string): string {
  return sanitizeRichText(looksLikeHtml(input) ? input : plainTextToHtml(input));
}
