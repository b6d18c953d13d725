/**
 * Calendar layer: Umm al-Qura Hijri ↔ Gregorian conversion, zoned instants and
 * display formatting. Pure `Intl` (ICU's `islamic-umalqura` calendar), so it runs
 * unchanged on the server and in the browser; no Node or DOM APIs.
 *
 * Conventions:
 * - A `CivilDate` is a calendar date without time or zone. Which calendar it is
 *   in is always stated by the function or by an accompanying `Calendar`.
 * - Stored dates are Gregorian "YYYY-MM-DD"; stored instants are UTC ISO strings
 *   together with the event's IANA time zone (default Asia/Riyadh).
 */

/** A calendar date: `month` is 1–12, `day` is 1–31. */
export type CivilDate = { year: number; month: number; day: number };

/** The two calendars users can read and enter dates in. */
export type Calendar = "hijri" | "gregorian";

/** Interface language of a formatted date. */
export type DateLocale = "ar" | "en";

/** Digit shapes: Arabic-Indic (٠١٢…) or Latin (012…). */
export type DateDigits = "arab" | "latn";

/** The event zone used when none is given. */
export const DEFAULT_TIME_ZONE = "Asia/Riyadh";

/**
 * Hijri years inside ICU's Umm al-Qura table (1300–1600 AH). Outside it ICU falls
 * back to the arithmetic (civil) calendar, which is not Umm al-Qura, so inputs
 * are limited to this range.
 */
export const HIJRI_YEAR_RANGE = { min: 1300, max: 1600 } as const;

/** Gregorian years fully covered by `HIJRI_YEAR_RANGE` (1 Muharram 1300 = 12 Nov 1882). */
export const GREGORIAN_YEAR_RANGE = { min: 1883, max: 2173 } as const;

/** Arabic Hijri month names, as ICU's `ar-SA-u-ca-islamic-umalqura` writes them. */
export const HIJRI_MONTHS_AR = [
  "محرم",
  "صفر",
  "ربيع الأول",
  "ربيع الآخر",
  "جمادى الأولى",
  "جمادى الآخرة",
  "رجب",
  "شعبان",
  "رمضان",
  "شوال",
  "ذو القعدة",
  "ذو الحجة",
] as const;

/**
 * English Hijri month names in the common spellings (ICU's English names are
 * transliterations such as "Dhuʻl-Hijjah" and "Rabiʻ I" that users do not write).
 */
export const HIJRI_MONTHS_EN = [
  "Muharram",
  "Safar",
  "Rabi al-Awwal",
  "Rabi al-Thani",
  "Jumada al-Ula",
  "Jumada al-Akhirah",
  "Rajab",
  "Shaban",
  "Ramadan",
  "Shawwal",
  "Dhu al-Qadah",
  "Dhu al-Hijjah",
] as const;

const DAY_MS = 86_400_000;

// Formatters are costly to build; conversions run in loops (month lengths, the
// date input's live twin), so each distinct one is built once.
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatterCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatterCache.set(key, f);
  }
  return f;
}

const numberFormatterCache = new Map<DateDigits, Intl.NumberFormat>();

/**
 * Write a whole number with the chosen digit shapes, without grouping.
 * @param n the number
 * @param digits "arab" for Arabic-Indic digits, "latn" for Latin digits
 * @returns e.g. "١٤٤٦" or "1446"
 */
export function formatNumber(n: number, digits: DateDigits): string {
  let f = numberFormatterCache.get(digits);
  if (!f) {
    f = new Intl.NumberFormat(`ar-u-nu-${digits}`, { useGrouping: false, maximumFractionDigits: 0 });
    numberFormatterCache.set(digits, f);
  }
  return f.format(n);
}

/**
 * Replace Arabic-Indic (٠–٩) and Persian (۰–۹) digits by Latin ones and drop
 * bidi control marks, so user text can be parsed.
 * @param text any user input
 * @returns the same text with Latin digits
 */
export function toLatinDigits(text: string): string {
  return text
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, "");
}

function isInteger(n: unknown): n is number {
  return typeof n === "number" && Number.isInteger(n);
}

/**
 * Number of days in a Gregorian month.
 * @param year Gregorian year
 * @param month 1–12
 * @returns 28–31
 */
export function gregorianMonthLength(year: number, month: number): number {
  if (month === 2) {
    const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return isLeap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Whether `d` is a real Gregorian date (integers, month 1–12, day within the month).
 * @param d the date to check
 * @returns true when valid
 */
export function isValidGregorian(d: CivilDate): boolean {
  return (
    isInteger(d.year) &&
    isInteger(d.month) &&
    isInteger(d.day) &&
    d.year >= 1 &&
    d.year <= 9999 &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= gregorianMonthLength(d.year, d.month)
  );
}

function assertGregorian(d: CivilDate): void {
  if (!isValidGregorian(d)) {
    throw new RangeError(`invalid Gregorian date ${d.year}-${d.month}-${d.day}`);
  }
}

/** Days since 1970-01-01 of a Gregorian date (works for years below 100 too). */
function gregorianToEpochDay(d: CivilDate): number {
  const date = new Date(0);
  date.setUTCFullYear(d.year, d.month - 1, d.day);
  return Math.round(date.getTime() / DAY_MS);
}

function epochDayToGregorian(epochDay: number): CivilDate {
  const date = new Date(epochDay * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Noon UTC of an epoch day: safely inside the same day whatever ICU does at midnight. */
function epochDayToNoon(epochDay: number): Date {
  return new Date(epochDay * DAY_MS + DAY_MS / 2);
}

function partsToCivil(parts: Intl.DateTimeFormatPart[]): CivilDate {
  let year = NaN;
  let month = NaN;
  let day = NaN;
  for (const part of parts) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  return { year, month, day };
}

function hijriOfEpochDay(epochDay: number): CivilDate {
  const f = formatter("en-u-ca-islamic-umalqura-nu-latn", {
    timeZone: "UTC",
    year: "numeric",
    month: "numeric",
    day: "numeric",
  });
  return partsToCivil(f.formatToParts(epochDayToNoon(epochDay)));
}

/**
 * Convert a Gregorian date to its Umm al-Qura Hijri date.
 * @param d a Gregorian civil date
 * @returns the Hijri civil date
 * @throws RangeError when `d` is not a valid Gregorian date
 */
export function gregorianToHijri(d: CivilDate): CivilDate {
  assertGregorian(d);
  return hijriOfEpochDay(gregorianToEpochDay(d));
}

function compareCivil(a: CivilDate, b: CivilDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// 1 Muharram 1 AH in the arithmetic calendar: 16 July 622 (Julian) = 19 July 622
// (proleptic Gregorian).
const HIJRI_EPOCH_DAY = gregorianToEpochDay({ year: 622, month: 7, day: 19 });

/**
 * Epoch day of a Hijri date in the arithmetic (civil) Islamic calendar: odd
 * months 30 days, even 29, 11 leap years in 30. Umm al-Qura stays within a
 * couple of days of it, so it is a good first guess.
 */
function estimateEpochDay(h: CivilDate): number {
  return (
    HIJRI_EPOCH_DAY +
    (h.year - 1) * 354 +
    Math.floor((3 + 11 * h.year) / 30) +
    Math.ceil(29.5 * (h.month - 1)) +
    (h.day - 1)
  );
}

const monthStartCache = new Map<string, number>();

/** Epoch day of 1 <month> <year> in Umm al-Qura (day 1 always exists). */
function hijriMonthStart(year: number, month: number): number {
  const key = `${year}-${month}`;
  const cached = monthStartCache.get(key);
  if (cached !== undefined) return cached;
  const target = { year, month, day: 1 };
  let epochDay = estimateEpochDay(target);
  // Jump by the arithmetic distance while it is non-zero, then step a day at a
  // time; the arithmetic error is a few days at most, so this ends quickly.
  for (let i = 0; i < 60; i++) {
    const found = hijriOfEpochDay(epochDay);
    const order = compareCivil(target, found);
    if (order === 0) {
      monthStartCache.set(key, epochDay);
      return epochDay;
    }
    const jump = estimateEpochDay(target) - estimateEpochDay(found);
    epochDay += i < 4 && jump !== 0 && Math.sign(jump) === Math.sign(order) ? jump : Math.sign(order);
  }
  throw new RangeError(`Hijri month ${year}-${month} could not be located`);
}

function assertHijriFields(h: CivilDate): void {
  if (
    !isInteger(h.year) ||
    !isInteger(h.month) ||
    !isInteger(h.day) ||
    h.year < 1 ||
    h.year > 9999 ||
    h.month < 1 ||
    h.month > 12 ||
    h.day < 1 ||
    h.day > 30
  ) {
    throw new RangeError(`invalid Hijri date ${h.year}-${h.month}-${h.day}`);
  }
}

/**
 * Number of days in an Umm al-Qura month.
 * @param year Hijri year
 * @param month Hijri month, 1–12
 * @returns 29 or 30
 * @throws RangeError when year or month is out of range
 */
export function hijriMonthLength(year: number, month: number): number {
  assertHijriFields({ year, month, day: 1 });
  const start = hijriMonthStart(year, month);
  return hijriOfEpochDay(start + 29).month === month ? 30 : 29;
}

/**
 * Whether `h` is a real Umm al-Qura date (e.g. false for day 30 of a 29-day month).
 * @param h the Hijri date to check
 * @returns true when valid
 */
export function isValidHijri(h: CivilDate): boolean {
  try {
    hijriToGregorian(h);
    return true;
  } catch {
    return false;
  }
}

/**
 * Convert an Umm al-Qura Hijri date to the Gregorian date of the same day.
 * Finds day 1 of the month by an arithmetic estimate, corrected by stepping with
 * `Intl` until ICU agrees, then adds the day.
 * @param h a Hijri civil date
 * @returns the Gregorian civil date
 * @throws RangeError for an invalid Hijri date, such as day 30 of a 29-day month
 */
export function hijriToGregorian(h: CivilDate): CivilDate {
  assertHijriFields(h);
  const epochDay = hijriMonthStart(h.year, h.month) + (h.day - 1);
  if (h.day === 30 && hijriOfEpochDay(epochDay).month !== h.month) {
    throw new RangeError(`invalid Hijri date ${h.year}-${h.month}-30: the month has 29 days`);
  }
  return epochDayToGregorian(epochDay);
}

function toInstant(instant: Date | string): Date {
  const date = typeof instant === "string" ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid instant ${String(instant)}`);
  return date;
}

/**
 * The calendar date of an instant in a time zone.
 * @param instant a Date or an ISO instant string ("2025-06-02T16:00:00Z")
 * @param timeZone IANA zone, e.g. "Asia/Riyadh"
 * @param calendar calendar of the result
 * @returns the local date in that calendar
 * @throws RangeError for an invalid instant or time zone
 */
export function instantToCivil(instant: Date | string, timeZone: string, calendar: Calendar): CivilDate {
  const locale = calendar === "hijri" ? "en-u-ca-islamic-umalqura-nu-latn" : "en-u-ca-gregory-nu-latn";
  const f = formatter(locale, { timeZone, year: "numeric", month: "numeric", day: "numeric" });
  return partsToCivil(f.formatToParts(toInstant(instant)));
}

/**
 * Write a Gregorian date as "YYYY-MM-DD".
 * @param d a Gregorian civil date
 * @returns the ISO date string
 * @throws RangeError when `d` is not a valid Gregorian date
 */
export function civilToIso(d: CivilDate): string {
  assertGregorian(d);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(d.year, 4)}-${pad(d.month, 2)}-${pad(d.day, 2)}`;
}

/**
 * Read a "YYYY-MM-DD" Gregorian date.
 * @param s the ISO date string
 * @returns the civil date
 * @throws RangeError when `s` is not in that form or not a real date (e.g. "2025-02-30")
 */
export function isoToCivil(s: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) throw new RangeError(`invalid ISO date ${JSON.stringify(s)}`);
  const d = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  assertGregorian(d);
  return d;
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (east positive). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const f = formatter("en-u-ca-gregory-nu-latn", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(instant)) p[part.type] = Number(part.value);
  const wall = new Date(0);
  wall.setUTCFullYear(p.year, p.month - 1, p.day);
  wall.setUTCHours(p.hour, p.minute, p.second, 0);
  const whole = instant.getTime() - instant.getUTCMilliseconds();
  return wall.getTime() - whole;
}

/**
 * The UTC instant of a wall-clock time in a time zone, using the zone's real
 * offset at that moment (so it works for zones with daylight saving too).
 * In a spring-forward gap the time is read with the offset before the change;
 * for a repeated autumn hour the first occurrence is chosen.
 * @param date Gregorian civil date
 * @param time hour 0–23 and minute 0–59
 * @param timeZone IANA zone, e.g. "Asia/Riyadh"
 * @returns the instant
 * @throws RangeError for an invalid date, time or zone
 */
export function zonedTimeToUtc(date: CivilDate, time: { hour: number; minute: number }, timeZone: string): Date {
  assertGregorian(date);
  if (!isInteger(time.hour) || !isInteger(time.minute) || time.hour < 0 || time.hour > 23 || time.minute < 0 || time.minute > 59) {
    throw new RangeError(`invalid time ${time.hour}:${time.minute}`);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(date.year, date.month - 1, date.day);
  wall.setUTCHours(time.hour, time.minute, 0, 0);
  const wallMs = wall.getTime();
  // Try the offsets in force a day either side; keep the first candidate whose
  // own offset agrees (the earlier instant for a repeated hour).
  const offsets = new Set([
    zoneOffsetMs(new Date(wallMs - DAY_MS), timeZone),
    zoneOffsetMs(new Date(wallMs), timeZone),
    zoneOffsetMs(new Date(wallMs + DAY_MS), timeZone),
  ]);
  const candidates = [...offsets].map((o) => wallMs - o).sort((a, b) => a - b);
  for (const utc of candidates) {
    if (wallMs - zoneOffsetMs(new Date(utc), timeZone) === utc) return new Date(utc);
  }
  // A skipped wall time (spring forward): use the offset from before the change.
  return new Date(wallMs - zoneOffsetMs(new Date(wallMs - DAY_MS), timeZone));
}

/**
 * Month names of a calendar in a language, January/Muharram first.
 * @param calendar "hijri" or "gregorian"
 * @param locale "ar" or "en"
 * @returns 12 names
 */
export function monthNames(calendar: Calendar, locale: DateLocale): string[] {
  if (calendar === "hijri") return [...(locale === "ar" ? HIJRI_MONTHS_AR : HIJRI_MONTHS_EN)];
  const f = formatter(locale === "ar" ? "ar-u-ca-gregory-nu-latn" : "en-GB-u-ca-gregory-nu-latn", {
    timeZone: "UTC",
    month: "long",
  });
  return Array.from({ length: 12 }, (_, i) => f.format(new Date(Date.UTC(2001, i, 15))));
}

/** Options of `formatDate`. */
export interface FormatDateOptions {
  locale: DateLocale;
  /** Digit shapes for Arabic; English always uses Latin digits. */
  digits: DateDigits;
  calendar: Calendar;
  /** Zone of an instant; default Asia/Riyadh. Ignored for civil dates. */
  timeZone?: string;
  /** Append the local time (instants only). */
  withTime?: boolean;
  /** Prefix the weekday. */
  weekday?: boolean;
  /** "long" (default): "6 Dhu al-Hijjah 1446 AH"; "short": "6/12/1446 AH". */
  style?: "long" | "short";
}

function isCivilDate(value: unknown): value is CivilDate {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "year" in value;
}

const ISO_DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Format a date or instant for display.
 *
 * - Hijri: "٦ ذو الحجة ١٤٤٦ هـ" / "6 Dhu al-Hijjah 1446 AH"; with `weekday`:
 *   "الاثنين ٦ ذو الحجة ١٤٤٦ هـ" / "Monday, 6 Dhu al-Hijjah 1446 AH".
 * - Gregorian: "٢ يونيو ٢٠٢٥" / "2 June 2025".
 * - `style: "short"`: numeric day/month/year, day first: "6/12/1446 AH", "2/6/2025".
 * - `withTime`: "…، ٧:٠٠ م" / "…, 7:00 PM" in the given zone.
 * English always uses Latin digits.
 * @param value a Date, an ISO instant string, a "YYYY-MM-DD" string or a
 *   Gregorian `CivilDate` (the last two are calendar dates: no zone, no time)
 * @param opts language, digits, calendar and parts to show
 * @returns the formatted text
 * @throws RangeError for an invalid value
 */
export function formatDate(value: Date | string | CivilDate, opts: FormatDateOptions): string {
  const { locale, calendar } = opts;
  const digits: DateDigits = locale === "en" ? "latn" : opts.digits;
  const timeZone = opts.timeZone ?? DEFAULT_TIME_ZONE;
  const style = opts.style ?? "long";

  let gregorian: CivilDate;
  let instant: Date | null = null;
  if (isCivilDate(value)) {
    assertGregorian(value);
    gregorian = value;
  } else if (typeof value === "string" && ISO_DATE_ONLY.test(value)) {
    gregorian = isoToCivil(value);
  } else {
    instant = toInstant(value);
    gregorian = instantToCivil(instant, timeZone, "gregorian");
  }
  const shown = calendar === "hijri" ? gregorianToHijri(gregorian) : gregorian;
  const n = (x: number) => formatNumber(x, digits);

  let text: string;
  if (style === "short") {
    text = `${n(shown.day)}/${n(shown.month)}/${n(shown.year)}`;
  } else {
    const month = monthNames(calendar, locale)[shown.month - 1];
    text = `${n(shown.day)} ${month} ${n(shown.year)}`;
  }
  if (calendar === "hijri") text += locale === "ar" ? " هـ" : " AH";

  if (opts.weekday) {
    const f = formatter(locale === "ar" ? "ar" : "en-GB", {
      timeZone: "UTC",
      weekday: style === "short" && locale === "en" ? "short" : "long",
    });
    const weekday = f.format(epochDayToNoon(gregorianToEpochDay(gregorian)));
    // Arabic writes the weekday straight before the date, English with a comma.
    text = locale === "ar" ? `${weekday} ${text}` : `${weekday}, ${text}`;
  }

  if (opts.withTime && instant) {
    text += `${locale === "ar" ? "، " : ", "}${formatTime(instant, { locale, digits, timeZone })}`;
  }
  return text;
}

/**
 * The local time of an instant: "٧:٠٠ م" / "7:00 PM".
 * @param instant a Date or an ISO instant string
 * @param opts language, digits (English always Latin) and zone (default Asia/Riyadh)
 * @returns the formatted time
 * @throws RangeError for an invalid instant or zone
 */
export function formatTime(
  instant: Date | string,
  opts: { locale: DateLocale; digits: DateDigits; timeZone?: string },
): string {
  const digits: DateDigits = opts.locale === "en" ? "latn" : opts.digits;
  const f = formatter(opts.locale === "ar" ? `ar-u-nu-${digits}` : "en-US-u-nu-latn", {
    timeZone: opts.timeZone ?? DEFAULT_TIME_ZONE,
    hour: "numeric",
    minute: "2-digit",
  });
  return f.format(toInstant(instant));
}

/**
 * Format the month and year of a calendar, e.g. "ذو الحجة ١٤٤٦ هـ" or
 * "Dhu al-Hijjah 1446 AH" (for messages such as "… has 29 days").
 * @param year year in `calendar`
 * @param month 1–12
 * @param opts language, digits and calendar
 * @returns the formatted text
 */
export function formatMonthYear(
  year: number,
  month: number,
  opts: { locale: DateLocale; digits: DateDigits; calendar: Calendar },
): string {
  const digits: DateDigits = opts.locale === "en" ? "latn" : opts.digits;
  const era = opts.calendar === "hijri" ? (opts.locale === "ar" ? " هـ" : " AH") : "";
  return `${monthNames(opts.calendar, opts.locale)[month - 1]} ${formatNumber(year, digits)}${era}`;
}

/**
 * Read a date typed by a user in a given calendar. Accepts day-first
 * "6/12/1446", "06-12-1446", "6.12.1446", year-first "1446-12-06" or
 * "1446/12/6", Arabic-Indic or Persian digits, and an optional trailing era
 * ("هـ", "AH", "م", "AD", "CE"). Years must have four digits.
 * @param text the user's text
 * @param calendar the calendar the text is written in
 * @returns the date in that calendar, or null when it is not a valid date
 */
export function parseDateText(text: string, calendar: Calendar): CivilDate | null {
  const cleaned = toLatinDigits(text)
    .trim()
    .replace(/\s*(هـ|ه|AH|A\.H\.|م|AD|CE)$/iu, "")
    .trim();
  const sep = "\\s*[/\\-.\u060d\u2044]\\s*";
  const dayFirst = new RegExp(`^(\\d{1,2})${sep}(\\d{1,2})${sep}(\\d{4})$`).exec(cleaned);
  const yearFirst = new RegExp(`^(\\d{4})${sep}(\\d{1,2})${sep}(\\d{1,2})$`).exec(cleaned);
  let d: CivilDate;
  if (dayFirst) {
    d = { day: Number(dayFirst[1]), month: Number(dayFirst[2]), year: Number(dayFirst[3]) };
  } else if (yearFirst) {
    d = { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  } else {
    return null;
  }
  const range = calendar === "hijri" ? HIJRI_YEAR_RANGE : GREGORIAN_YEAR_RANGE;
  if (d.year < range.min || d.year > range.max) return null;
  const isValid = calendar === "hijri" ? isValidHijri(d) : isValidGregorian(d);
  return isValid ? d : null;
}

/**
 * Name of a time zone in a language, e.g. "Arabian Standard Time" /
 * "التوقيت العربي الرسمي" for Asia/Riyadh.
 * @param timeZone IANA zone
 * @param instant the moment (names differ in summer and winter)
 * @param locale "ar" or "en"
 * @returns the long zone name, or the IANA id when Intl has none
 */
export function formatTimeZoneName(timeZone: string, instant: Date | string, locale: DateLocale): string {
  const f = formatter(locale === "ar" ? "ar" : "en-GB", { timeZone, timeZoneName: "long" });
  return f.formatToParts(toInstant(instant)).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}
