import { parse } from "csv-parse/sync";

/** One participant line of a virtual platform's attendance report. */
export interface ReportRow {
  /** 1-based line in the file, for the preview. */
  line: number;
  name: string;
  email: string;
  /** Minutes connected, when the report says (null: not given or unreadable). */
  minutes: number | null;
}

export interface ParsedReport {
  rows: ReportRow[];
  /** The header line's columns as found; empty when no header was recognised. */
  columns: { name: string | null; email: string | null; minutes: string | null };
}

// Header names used by Zoom, Microsoft Teams, Webex and Google Meet exports, in English and Arabic.
const EMAIL_HEADERS = ["email", "e-mail", "user email", "email address", "attendee email", "participant email", "البريد الإلكتروني", "البريد الالكتروني", "البريد"];
const NAME_HEADERS = ["name", "full name", "name (original name)", "participant", "participant name", "display name", "attendee name", "الاسم", "اسم المشارك", "الاسم الكامل"];
const MINUTES_HEADERS = ["duration (minutes)", "duration", "in-meeting duration", "attendance duration", "time in session", "total duration (minutes)", "المدة", "المدة (دقائق)", "مدة الحضور"];

const clean = (s: string) => s.replace(/^\uFEFF/, "").trim().toLowerCase().replace(/\s+/g, " ");

function findColumn(header: string[], names: string[]): number {
  const cells = header.map(clean);
  for (const name of names) {
    const i = cells.indexOf(name);
    if (i >= 0) return i;
  }
  return -1;
}

/**
 * Minutes from the forms platforms write: "75", "75.5", "1h 15m 3s", "1:15:03", "45 min".
 * @returns whole minutes (rounded), or null when the text is not a duration
 */
export function parseMinutes(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === "") return null;
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s));
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(s);
  if (clock) {
    const [h, m, sec] = clock[3] === undefined ? [0, Number(clock[1]), Number(clock[2])] : [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    return Math.round(h * 60 + m + sec / 60);
  }
  const parts = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(s);
  if (parts && (parts[1] || parts[2] || parts[3])) return Math.round(Number(parts[1] ?? 0) * 60 + Number(parts[2] ?? 0) + Number(parts[3] ?? 0) / 60);
  return null;
}

/** The separator of the line naming the email column (else of the first line): tab, semicolon or comma. */
function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/, 200);
  const header = lines.find((l) => EMAIL_HEADERS.some((h) => clean(l).includes(h))) ?? lines[0] ?? "";
  const count = (c: string) => header.split(c).length - 1;
  return ["\t", ";", ","].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
}

/**
 * Read an attendance report (CSV or tab-separated, any of the usual header names).
 * Lines before the participants' header (Zoom and Teams put a meeting summary there)
 * are skipped.
 * @throws Error "no_header" when no line has an email column
 */
export function parseAttendanceReport(text: string): ParsedReport {
  const body = text.replace(/^\uFEFF/, "");
  const records: string[][] = parse(body, {
    // One separator for the whole file, the one its header uses: Teams writes tabs and
    // dates such as "5/26/24, 11:00:00 AM", so also splitting on commas would shift columns.
    delimiter: detectDelimiter(body),
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: true,
  });
  const headerIndex = records.findIndex((r) => findColumn(r, EMAIL_HEADERS) >= 0);
  if (headerIndex < 0) throw new Error("no_header");
  const header = records[headerIndex];
  const emailCol = findColumn(header, EMAIL_HEADERS);
  const nameCol = findColumn(header, NAME_HEADERS);
  const minutesCol = findColumn(header, MINUTES_HEADERS);
  const rows: ReportRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i];
    if (r.every((c) => c.trim() === "")) {
      // Teams starts a new section after a blank line ("3. In-Meeting Activities").
      if (rows.length > 0) break;
      continue;
    }
    rows.push({
      line: i + 1,
      name: nameCol >= 0 ? (r[nameCol] ?? "").trim() : "",
      email: (r[emailCol] ?? "").trim(),
      minutes: minutesCol >= 0 ? parseMinutes(r[minutesCol] ?? "") : null,
    });
  }
  return { rows, columns: { name: nameCol >= 0 ? header[nameCol] : null, email: header[emailCol], minutes: minutesCol >= 0 ? header[minutesCol] : null } };
}
