import { LOCALES, type Locale } from "../../../common/roles.js";

const KEY = "rifada_lang";

function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The visitor's remembered language: localStorage first, then the `rifada_lang` cookie. */
export function readStoredLanguage(): Locale | null {
  try {
    const stored = globalThis.localStorage?.getItem(KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage can be blocked (private mode, policies); the cookie still works.
  }
  if (typeof document !== "undefined") {
    const match = document.cookie.match(/(?:^|;\s*)rifada_lang=([^;]+)/);
    if (match && isLocale(decodeURIComponent(match[1]))) return decodeURIComponent(match[1]) as Locale;
  }
  return null;
}

/** Remember the language in localStorage and in the cookie the server reads for error messages. */
export function rememberLanguage(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(KEY, locale);
  } catch {
    // See readStoredLanguage.
  }
  if (typeof document !== "undefined") {
    document.cookie = `${KEY}=${locale}; path=/; max-age=31536000; samesite=lax`;
  }
}
