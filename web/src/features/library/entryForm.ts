import type { LibraryLanguage } from "../../../../common/library.js";
import type { Entry, LibraryScope } from "./types.js";

/** What the entry form holds: both languages' text side by side, and the sharing. */
export interface EntryFormState {
  kind: string;
  category: string;
  titleAr: string;
  bodyAr: string;
  titleEn: string;
  bodyEn: string;
  /** The main language chosen when both are written (otherwise the written one is). */
  language: LibraryLanguage;
  tags: string[];
  seasonCode: string;
  eventId: string;
  scope: LibraryScope;
  groupCode: string;
}

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/** The form's values for a new entry, or for editing `entry`. */
export function initialEntryState(entry: Entry | undefined, uiLanguage: LibraryLanguage): EntryFormState {
  return {
    kind: entry?.kind ?? "practice",
    category: entry?.category ?? "other",
    titleAr: entry?.titleAr ?? "",
    bodyAr: entry?.bodyAr ?? "",
    titleEn: entry?.titleEn ?? "",
    bodyEn: entry?.bodyEn ?? "",
    language: entry?.language ?? uiLanguage,
    tags: entry?.tags ?? [],
    seasonCode: entry?.season?.code ?? "",
    eventId: entry?.event?.id ?? "",
    scope: entry?.scope ?? "members",
    groupCode: entry?.group?.code ?? "",
  };
}

/** True for rich text without any visible text ("", "<p></p>", "<p dir=auto><br></p>"). */
export function isBlankHtml(html: string): boolean {
  return html.replace(/<[^>]*>/g, "").replace(/&nbsp;|\u00a0/g, " ").trim() === "";
}

/** Whether anything is written in the language. */
export function hasLanguage(state: EntryFormState, lang: LibraryLanguage): boolean {
  const [title, body] = lang === "ar" ? [state.titleAr, state.bodyAr] : [state.titleEn, state.bodyEn];
  return title.trim() !== "" || !isBlankHtml(body);
}

/** The entry's main language: the only one written, or the one chosen when both are. */
export function primaryLanguage(state: EntryFormState): LibraryLanguage {
  const ar = hasLanguage(state, "ar");
  const en = hasLanguage(state, "en");
  if (ar && !en) return "ar";
  if (en && !ar) return "en";
  return state.language;
}

export type LocalProblem = "need_language" | "need_title" | "need_body" | "required";

/** Problems found before sending, keyed by the form's field names. */
export function checkEntry(state: EntryFormState): Record<string, LocalProblem> {
  const problems: Record<string, LocalProblem> = {};
  const ar = hasLanguage(state, "ar");
  const en = hasLanguage(state, "en");
  if (!ar && !en) problems.titleAr = "need_language";
  for (const lang of ["ar", "en"] as const) {
    if (!(lang === "ar" ? ar : en)) continue;
    const [titleKey, bodyKey] = lang === "ar" ? (["titleAr", "bodyAr"] as const) : (["titleEn", "bodyEn"] as const);
    // A translation needs its title and its text together (docs/api.md).
    if (!state[titleKey].trim()) problems[titleKey] = "need_title";
    if (isBlankHtml(state[bodyKey])) problems[bodyKey] = "need_body";
  }
  if (state.scope === "group" && !state.groupCode) problems.groupCode = "required";
  return problems;
}

type Body = Record<string, string | string[] | number | null>;

/**
 * The POST body: `language`, `title` and `body` in the main language, and each written
 * language's text as titleAr/bodyAr and titleEn/bodyEn.
 */
export function toCreateBody(state: EntryFormState): Body {
  const language = primaryLanguage(state);
  const body: Body = {
    language,
    title: (language === "ar" ? state.titleAr : state.titleEn).trim(),
    body: language === "ar" ? state.bodyAr : state.bodyEn,
    kind: state.kind,
    category: state.category,
    tags: state.tags,
    scope: state.scope,
  };
  if (hasLanguage(state, "ar")) Object.assign(body, { titleAr: state.titleAr.trim(), bodyAr: state.bodyAr });
  if (hasLanguage(state, "en")) Object.assign(body, { titleEn: state.titleEn.trim(), bodyEn: state.bodyEn });
  if (state.scope === "group") body.groupCode = state.groupCode;
  if (state.seasonCode) body.seasonCode = state.seasonCode;
  if (state.eventId) body.eventId = state.eventId;
  return body;
}

/**
 * The PATCH body: everything the form holds, with the `version` the edit started from.
 * A language that was removed, a season or meeting that was cleared, are sent as null.
 */
export function toUpdateBody(state: EntryFormState, version: number): Body {
  const body = toCreateBody(state);
  if (!hasLanguage(state, "ar")) Object.assign(body, { titleAr: null, bodyAr: null });
  if (!hasLanguage(state, "en")) Object.assign(body, { titleEn: null, bodyEn: null });
  if (!state.seasonCode) body.seasonCode = null;
  if (!state.eventId) body.eventId = null;
  body.version = version;
  return body;
}
