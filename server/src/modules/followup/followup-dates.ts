import { civilToIso, DEFAULT_TIME_ZONE, formatDate, instantToCivil, type DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";

/** Today's date where the secretariat works (Asia/Riyadh): what "overdue" is measured against. */
export function todayIso(now: Date = new Date()): string {
  return civilToIso(instantToCivil(now, DEFAULT_TIME_ZONE, "gregorian"));
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `days` after (or before, when negative) a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whether a string is a real Gregorian YYYY-MM-DD date. */
export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
}

/** How many days an open item is overdue at `today` (0 when not). */
export function overdueDays(dueOn: string | null, open: boolean, today: string): number {
  if (!dueOn || !open) return 0;
  return Math.max(0, daysBetween(dueOn, today));
}

/** "6 Dhu al-Hijjah 1446 AH (2 June 2025)": a date in Hijri with the Gregorian beside it. */
export function bothCalendars(date: string, locale: Locale, digits: DateDigits): string {
  return `${formatDate(date, { locale, digits, calendar: "hijri" })} (${formatDate(date, { locale, digits, calendar: "gregorian" })})`;
}
