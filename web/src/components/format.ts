import { useCallback } from "react";
import { useTranslation } from "react-i18next";
import { useDisplaySettings } from "../app/useDisplaySettings.js";

/** Format a number in the interface language with the user's digits (Arabic-Indic or Latin). */
export function formatNumber(value: number, locale: string, digits: string): string {
  return new Intl.NumberFormat(`${locale}-u-nu-${digits}`).format(value);
}

export function useFormatNumber(): (value: number) => string {
  const { i18n } = useTranslation();
  const { digits } = useDisplaySettings();
  const locale = i18n.language;
  return useCallback((value: number) => formatNumber(value, locale, digits), [locale, digits]);
}

interface PercentOptions {
  /** The value is a 0–1 rate rather than a 0–100 percentage. */
  fraction?: boolean;
  /** Decimals shown at most (0 by default; averages show one). */
  decimals?: number;
}

/**
 * A percentage (0–100, or a 0–1 rate with `fraction`) in the interface language and the user's
 * digits, as Intl writes it: "67%" / "٦٧٪"; "—" for none. Every percentage shown goes through here.
 */
export function formatPercent(value: number | null | undefined, locale: string, digits: string, { fraction = false, decimals = 0 }: PercentOptions = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return "—";
  return new Intl.NumberFormat(`${locale}-u-nu-${digits}`, { style: "percent", maximumFractionDigits: decimals }).format(fraction ? value : value / 100);
}

export function useFormatPercent(): (value: number | null | undefined, options?: PercentOptions) => string {
  const { i18n } = useTranslation();
  const { digits } = useDisplaySettings();
  const locale = i18n.language;
  return useCallback((value: number | null | undefined, options?: PercentOptions) => formatPercent(value, locale, digits, options), [locale, digits]);
}

interface Bilingual {
  nameAr?: string | null;
  nameEn?: string | null;
}

/** Pick the Arabic or English text of a record for the interface language (the other one if empty). */
export function pickLocal(ar: string | null | undefined, en: string | null | undefined, language: string): string {
  const first = language === "ar" ? ar : en;
  const second = language === "ar" ? en : ar;
  return (first && first.trim()) || second || "";
}

/** The record's name in the interface language, and the other one. */
export function useLocalName() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback(
    (record: Bilingual | null | undefined, which: "local" | "other" = "local") => {
      if (!record) return "";
      if (which === "other") return (language === "ar" ? record.nameEn : record.nameAr) ?? "";
      return pickLocal(record.nameAr, record.nameEn, language);
    },
    [language],
  );
}

export function usePickLocal() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useCallback((ar: string | null | undefined, en: string | null | undefined) => pickLocal(ar, en, language), [language]);
}

/** The language of the "other" name shown under the local one, for its `lang` attribute. */
export function useOtherLanguage(): "ar" | "en" {
  const { i18n } = useTranslation();
  return i18n.language === "ar" ? "en" : "ar";
}

/** "1.5 MB" / "١٫٥ ميغابايت": a file size in the interface language and digits (1 KB = 1024 bytes). */
export function formatFileSize(bytes: number, locale: string, digits: string): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "megabyte"] : bytes >= 1024 ? [bytes / 1024, "kilobyte"] : [bytes, "byte"];
  // Arabic abbreviations (م.ب) are little known: Arabic spells the unit out; English says "MB" but "12 bytes".
  const unitDisplay = locale === "ar" || unit === "byte" ? "long" : "short";
  return new Intl.NumberFormat(`${locale}-u-nu-${digits}`, { style: "unit", unit, unitDisplay, maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

export function useFormatFileSize(): (bytes: number) => string {
  const { i18n } = useTranslation();
  const { digits } = useDisplaySettings();
  const locale = i18n.language;
  return useCallback((bytes: number) => formatFileSize(bytes, locale, digits), [locale, digits]);
}
