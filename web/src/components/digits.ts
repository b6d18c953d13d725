import { formatNumber, toLatinDigits, type DateDigits } from "../../../common/dates.js";

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
