import i18next from "i18next";
import ICU from "i18next-icu";
import { initReactI18next } from "react-i18next";
import en from "../../common/i18n/en.json" with { type: "json" };
import ar from "../../common/i18n/ar.json" with { type: "json" };
import type { Locale } from "../../common/roles.js";

export const i18n = i18next.createInstance();

void i18n
  .use(ICU)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng: "ar",
    fallbackLng: "en",
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });

/**
 * The one place that changes the interface language: i18next, and
 * `<html lang dir>` so the whole layout flips through logical CSS properties.
 */
export function setLanguage(locale: Locale): void {
  void i18n.changeLanguage(locale);
  if (typeof document !== "undefined") {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === "ar" ? "rtl" : "ltr";
  }
}
