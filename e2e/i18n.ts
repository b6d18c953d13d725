import en from "../common/i18n/en.json" with { type: "json" };
import ar from "../common/i18n/ar.json" with { type: "json" };

export type Lang = "ar" | "en";
const CATALOGS: Record<Lang, unknown> = { ar, en };

/** A plain (argument-free) catalog string, so tests find elements by what users read. */
export function text(lang: Lang, key: string): string {
  let node: unknown = CATALOGS[lang];
  for (const part of key.split(".")) node = (node as Record<string, unknown>)?.[part];
  if (typeof node !== "string") throw new Error(`no message ${key} in ${lang}`);
  return node;
}
