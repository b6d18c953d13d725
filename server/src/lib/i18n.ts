import { IntlMessageFormat } from "intl-messageformat";
import en from "../../../common/i18n/en.json" with { type: "json" };
import ar from "../../../common/i18n/ar.json" with { type: "json" };
import type { Locale } from "../../../common/roles.js";

type Catalog = Record<string, unknown>;
const CATALOGS: Record<Locale, Catalog> = { en, ar };
const cache = new Map<string, IntlMessageFormat>();

function lookup(catalog: Catalog, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Whether a catalog key exists (in English, which defines the keys). */
export function hasMessage(key: string): boolean {
  return lookup(CATALOGS.en, key) !== undefined;
}

/**
 * Translate an ICU message of the shared catalogs on the server (error and
 * validation messages, emails). Falls back to English, then to the key.
 */
export function translate(locale: Locale, key: string, values?: Record<string, unknown>): string {
  const source = lookup(CATALOGS[locale], key) ?? lookup(CATALOGS.en, key);
  if (source === undefined) return key;
  const cacheKey = `${locale}\u0000${key}`;
  let format = cache.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locale);
    cache.set(cacheKey, format);
  }
  return String(format.format(values as Record<string, string | number>));
}

/** API domains (first path segment) whose fields share one set of labels. */
const LABEL_DOMAINS: Record<string, string> = {
  programmes: "followup",
  recommendations: "followup",
  actions: "followup",
  proposals: "followup",
  accountability: "followup",
  // /api/training/… and /api/verify/…: programme, question, test and certificate fields (fields.training).
  verify: "training",
};

/**
 * The label of a request field, in the given language (its name if unknown). A domain
 * (the API path's first segment, e.g. "events") may name a field differently:
 * `fields.events.titleAr` is an event's title, `fields.titleAr` a person's position title.
 */
export function fieldLabel(locale: Locale, field: string, apiDomain?: string): string {
  const domain = apiDomain ? (LABEL_DOMAINS[apiDomain] ?? apiDomain) : undefined;
  const specific = domain ? `fields.${domain}.${field}` : null;
  if (specific && hasMessage(specific)) return translate(locale, specific);
  const key = `fields.${field}`;
  if (hasMessage(key)) return translate(locale, key);
  // "decisions.2.textAr": the item's own field, numbered as the user sees it ("Decision 3 — text (Arabic)").
  const nested = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
  if (nested) {
    const [, list, index, leaf] = nested;
    const item = `fields.${domain ?? ""}.${list}_item`;
    const prefix = hasMessage(item) ? translate(locale, item, { n: Number(index) + 1 }) : `${list} ${Number(index) + 1}`;
    return `${prefix} — ${fieldLabel(locale, leaf, domain)}`;
  }
  return field;
}
