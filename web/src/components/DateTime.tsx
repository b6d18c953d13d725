import type { ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useDisplaySettings } from "../app/useDisplaySettings.js";
import {
  formatDate,
  formatTime,
  formatTimeZoneName,
  instantToCivil,
  civilToIso,
  isoToCivil,
  type FormatDateOptions,
} from "../../../common/dates.js";

export interface DateTimeProps {
  /** A Date or an ISO instant string ("2025-06-02T16:00:00Z"). */
  value: Date | string;
  /** "date" (default) shows the day; "datetime" adds the local time. */
  mode?: "date" | "datetime";
  /** Zone of the event; defaults to the user's zone (Asia/Riyadh). */
  timeZone?: string;
}

interface TwinParts {
  hijri: string;
  gregorian: string;
  time: string | null;
  machine: string;
  title: string;
}

/**
 * Render a date in Hijri and Gregorian side by side, Hijri first:
 * "٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)" / "6 Dhu al-Hijjah 1446 AH (2 June 2025)".
 * The Gregorian part and the time sit in `<bdi>` so Latin digits keep their
 * order inside Arabic text.
 */
function TwinDate({ parts }: { parts: TwinParts }): ReactElement {
  const { t } = useTranslation();
  return (
    <time className="date-time" dateTime={parts.machine} title={parts.title}>
      {parts.hijri} (<bdi>{parts.gregorian}</bdi>)
      {parts.time !== null && (
        <>
          {t("dates.list_separator")}
          <bdi>{parts.time}</bdi>
        </>
      )}
    </time>
  );
}

/**
 * An instant shown in both calendars, in the event's zone, with the user's
 * language and digits; the full form (weekdays, time and zone) is in `title`.
 * Values that cannot be read are shown as given.
 */
export function DateTime({ value, mode = "date", timeZone }: DateTimeProps): ReactElement {
  const settings = useDisplaySettings();
  const { t } = useTranslation();
  // A bare "YYYY-MM-DD" is a calendar date, not an instant: never shift it by a zone.
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <CivilDateText value={value} />;
  const zone = timeZone ?? settings.timeZone;
  const base = { locale: settings.locale, digits: settings.digits, timeZone: zone } as const;
  const format = (extra: Omit<FormatDateOptions, keyof typeof base>) => formatDate(value, { ...base, ...extra });

  let parts: TwinParts;
  try {
    const isDateTime = mode === "datetime";
    const instant = typeof value === "string" ? new Date(value) : value;
    parts = {
      hijri: format({ calendar: "hijri" }),
      gregorian: format({ calendar: "gregorian" }),
      time: isDateTime ? formatTime(instant, base) : null,
      machine: isDateTime ? instant.toISOString() : civilToIso(instantToCivil(instant, zone, "gregorian")),
      title: t("dates.datetime_title", {
        hijri: format({ calendar: "hijri", weekday: true }),
        gregorian: format({ calendar: "gregorian", weekday: true, withTime: isDateTime }),
        zone: formatTimeZoneName(zone, instant, settings.locale),
      }),
    };
  } catch {
    return <span className="date-time date-time--invalid">{String(value)}</span>;
  }
  return <TwinDate parts={parts} />;
}

export interface CivilDateTextProps {
  /** A Gregorian calendar date "YYYY-MM-DD" (no time, no zone). */
  value: string;
}

/**
 * A date-only value (deadlines, birth dates) in both calendars, e.g.
 * "٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)". It is never shifted by a time zone.
 */
export function CivilDateText({ value }: CivilDateTextProps): ReactElement {
  const { locale, digits } = useDisplaySettings();
  const { t } = useTranslation();
  let parts: TwinParts;
  try {
    const date = isoToCivil(value);
    const base = { locale, digits } as const;
    parts = {
      hijri: formatDate(date, { ...base, calendar: "hijri" }),
      gregorian: formatDate(date, { ...base, calendar: "gregorian" }),
      time: null,
      machine: civilToIso(date),
      title: t("dates.date_title", {
        hijri: formatDate(date, { ...base, calendar: "hijri", weekday: true }),
        gregorian: formatDate(date, { ...base, calendar: "gregorian", weekday: true }),
      }),
    };
  } catch {
    return <span className="date-time date-time--invalid">{value}</span>;
  }
  return <TwinDate parts={parts} />;
}
