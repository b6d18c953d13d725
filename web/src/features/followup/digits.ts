import { useCallback } from "react";
import type { DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { shapeDigits } from "../../components/digits.js";
import { useLocalName } from "../../components/format.js";

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
