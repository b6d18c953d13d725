import { useCallback } from "react";
import { formatNumber, toLatinDigits, type DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useLocalName } from "../../components/format.js";

/**
 * Text with its digits written as `digits` says: Latin and Arabic-Indic (or Persian) digits in,
 * one shape out, one digit at a time (leading zeros stay); everything else is left as it is.
 */
export function shapeDigits(text: string, digits: DateDigits): string {
  const latin = toLatinDigits(text);
  return digits === "latn" ? latin : latin.replace(/[0-9]/g, (d) => formatNumber(Number(d), digits));
}

/** A whole number typed in either digit shape ("٤٠", "40", " 40 "), or null when it is not one. */
export function parseWholeNumber(text: string): number | null {
  const latin = toLatinDigits(text).trim();
  return /^\d{1,9}$/.test(latin) ? Number(latin) : null;
}

/**
 * Names that carry a year, like a season's ("موسم حج 1446 هـ"), in the reader's digits: like
 * dates (common/dates.ts), Arabic follows the user's setting and English keeps Latin digits.
 */
export function nameDigits(locale: Locale, digits: DateDigits): DateDigits {
  return locale === "en" ? "latn" : digits;
}

/** A season's name in the interface language and the user's digits (its code when the season is unknown). */
export function useSeasonName() {
  const { locale, digits } = useDisplaySettings();
  const localName = useLocalName();
  return useCallback(
    (season: { nameAr?: string | null; nameEn?: string | null } | null | undefined, code = "") => shapeDigits(season ? localName(season) || code : code, nameDigits(locale, digits)),
    [locale, digits, localName],
  );
}
