import { isoToCivil, zonedTimeToUtc } from "../../../../common/dates.js";
import { AppError } from "../../lib/errors.js";

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone` → the UTC instant (ISO).
 * @throws AppError VALIDATION_FAILED naming `field`
 */
export function localToUtc(local: string, timeZone: string, field: string): string {
  try {
    const [date, time] = local.split("T");
    const [hour, minute] = time.split(":").map(Number);
    return zonedTimeToUtc(isoToCivil(date), { hour, minute }, timeZone).toISOString();
  } catch {
    throw new AppError("VALIDATION_FAILED", { fields: [{ field, message: "validation.invalid_format" }] });
  }
}

// Building an Intl.DateTimeFormat costs about 0.2 ms: keep one per zone (a page formats 50 times).
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** A UTC instant → "YYYY-MM-DDTHH:MM" on the wall clock of `timeZone`. */
export function utcToLocal(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    wallClock(timeZone)
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
