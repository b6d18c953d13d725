import { useState, type ChangeEvent, type FocusEvent, type ReactElement } from "react";
import { useTranslation } from "react-i18next";
import { useDisplaySettings } from "../app/useDisplaySettings.js";
import {
  GREGORIAN_YEAR_RANGE,
  HIJRI_YEAR_RANGE,
  civilToIso,
  formatDate,
  formatMonthYear,
  formatNumber,
  gregorianMonthLength,
  gregorianToHijri,
  hijriMonthLength,
  hijriToGregorian,
  isoToCivil,
  monthNames,
  parseDateText,
  toLatinDigits,
  type Calendar,
  type CivilDate,
  type DateDigits,
} from "../../../common/dates.js";
import "./DateInput.css";

export interface DateInputProps {
  /** Id of the day field (the first control), so labels and error links can target it. */
  id: string;
  /** Visible name of the whole date, shown as the group's legend. */
  label: string;
  /** Gregorian "YYYY-MM-DD", or null when empty. */
  value: string | null;
  /** Receives "YYYY-MM-DD", or null while the fields are empty, incomplete or invalid. */
  onChange(value: string | null): void;
  required?: boolean;
  /** An error from outside (e.g. the server), shown with the field's own errors. */
  error?: string;
  /** Earliest allowed Gregorian "YYYY-MM-DD". */
  min?: string;
  /** Latest allowed Gregorian "YYYY-MM-DD". */
  max?: string;
}

type FieldName = "day" | "month" | "year";

interface Fields {
  calendar: Calendar;
  day: string;
  /** "" or "1"…"12". */
  month: string;
  year: string;
}

interface Problem {
  field: FieldName;
  /** Shown only once the user has left the field (or the group, for missing fields). */
  when: "now" | "field_left" | "group_left";
  message: string;
}

const EXAMPLE: Record<Calendar, CivilDate> = {
  hijri: { year: 1446, month: 12, day: 6 },
  gregorian: { year: 2025, month: 6, day: 2 },
};

function emptyFields(calendar: Calendar): Fields {
  return { calendar, day: "", month: "", year: "" };
}

/** Fill the fields from a Gregorian date, in the chosen calendar. */
function fieldsFromGregorian(g: CivilDate, calendar: Calendar, digits: DateDigits): Fields {
  const d = calendar === "hijri" ? gregorianToHijri(g) : g;
  return { calendar, day: formatNumber(d.day, digits), month: String(d.month), year: formatNumber(d.year, digits) };
}

function fieldsFromValue(value: string | null, calendar: Calendar, digits: DateDigits): Fields {
  if (!value) return emptyFields(calendar);
  try {
    return fieldsFromGregorian(isoToCivil(value), calendar, digits);
  } catch {
    return emptyFields(calendar);
  }
}

/**
 * An accessible date field that accepts Hijri (Umm al-Qura) or Gregorian dates.
 *
 * Design: a fieldset whose legend is `label`, a Hijri/Gregorian radio switch,
 * then three labelled fields — day (text, Arabic-Indic or Latin digits), month
 * (a select with the calendar's month names) and year. A full date such as
 * "6/12/1446" typed or pasted into the day field fills all three. The same day
 * in the other calendar is shown live below, and each problem is reported with
 * the field it concerns (`aria-invalid` + `aria-describedby`). Switching the
 * calendar converts a valid date, so the chosen day stays the same.
 * The value is always Gregorian "YYYY-MM-DD".
 */
export function DateInput({ id, label, value, onChange, required, error, min, max }: DateInputProps): ReactElement {
  const { t } = useTranslation();
  const { locale, digits: userDigits } = useDisplaySettings();
  const digits: DateDigits = locale === "en" ? "latn" : userDigits;
  const n = (x: number) => formatNumber(x, digits);

  const [fields, setFields] = useState<Fields>(() =>
    fieldsFromValue(value, locale === "ar" ? "hijri" : "gregorian", digits),
  );
  // The value last reported to (or received from) the parent.
  const [emitted, setEmitted] = useState<string | null>(value);
  const [prevValue, setPrevValue] = useState<string | null>(value);
  const [leftFields, setLeftFields] = useState<ReadonlySet<FieldName>>(new Set());
  const [hasLeftGroup, setHasLeftGroup] = useState(false);

  // The parent changed the value itself (reset, loaded record): show it.
  if (value !== prevValue) {
    setPrevValue(value);
    if (value !== emitted) {
      setFields(fieldsFromValue(value, fields.calendar, digits));
      setEmitted(value);
      setLeftFields(new Set());
      setHasLeftGroup(false);
    }
  }

  const { calendar } = fields;
  const names = monthNames(calendar, locale);
  const sample = EXAMPLE[calendar];
  const example = `${n(sample.day)}/${n(sample.month)}/${n(sample.year)}`;

  /** Read the fields: the date they name (if any), the accepted value and the problems. */
  function analyse(f: Fields): { gregorian: CivilDate | null; iso: string | null; problems: Problem[] } {
    const problems: Problem[] = [];
    const dayText = toLatinDigits(f.day).trim();
    const yearText = toLatinDigits(f.year).trim();
    const maxDay = f.calendar === "hijri" ? 30 : 31;
    const range = f.calendar === "hijri" ? HIJRI_YEAR_RANGE : GREGORIAN_YEAR_RANGE;

    let day: number | null = null;
    if (dayText === "") {
      problems.push({ field: "day", when: "group_left", message: t("dates.error_missing_day") });
    } else if (/[/\-.\u060d]/.test(dayText)) {
      problems.push({ field: "day", when: "now", message: t("dates.error_date_text", { example }) });
    } else if (!/^\d+$/.test(dayText)) {
      problems.push({ field: "day", when: "now", message: t("dates.error_day_number") });
    } else if (Number(dayText) < 1 || Number(dayText) > maxDay) {
      problems.push({
        field: "day",
        when: dayText.length >= 2 ? "now" : "field_left",
        message: t("dates.error_day_range", { min: n(1), max: n(maxDay) }),
      });
    } else {
      day = Number(dayText);
    }

    const month = f.month === "" ? null : Number(f.month);
    if (month === null) {
      problems.push({ field: "month", when: "group_left", message: t("dates.error_missing_month") });
    }

    let year: number | null = null;
    if (yearText === "") {
      problems.push({ field: "year", when: "group_left", message: t("dates.error_missing_year") });
    } else if (!/^\d{4}$/.test(yearText) || Number(yearText) < range.min || Number(yearText) > range.max) {
      problems.push({
        field: "year",
        when: /^\d+$/.test(yearText) && yearText.length < 4 ? "field_left" : "now",
        message: t("dates.error_year_range", { min: n(range.min), max: n(range.max) }),
      });
    } else {
      year = Number(yearText);
    }

    if (day === null || month === null || year === null) return { gregorian: null, iso: null, problems };

    const length = f.calendar === "hijri" ? hijriMonthLength(year, month) : gregorianMonthLength(year, month);
    if (day > length) {
      problems.push({
        field: "day",
        when: "now",
        message: t("dates.error_day_not_in_month", {
          day: n(day),
          month: formatMonthYear(year, month, { locale, digits, calendar: f.calendar }),
          count: length,
          countText: n(length),
        }),
      });
      return { gregorian: null, iso: null, problems };
    }

    const civil = { year, month, day };
    const gregorian = f.calendar === "hijri" ? hijriToGregorian(civil) : civil;
    const iso = civilToIso(gregorian);
    const shown = (limit: string) => formatDate(limit, { locale, digits, calendar: f.calendar });
    if (min && iso < min) {
      problems.push({ field: "day", when: "now", message: t("dates.error_before_min", { date: shown(min) }) });
      return { gregorian, iso: null, problems };
    }
    if (max && iso > max) {
      problems.push({ field: "day", when: "now", message: t("dates.error_after_max", { date: shown(max) }) });
      return { gregorian, iso: null, problems };
    }
    return { gregorian, iso, problems };
  }

  function update(next: Fields): void {
    setFields(next);
    const { iso } = analyse(next);
    if (iso !== emitted) {
      setEmitted(iso);
      onChange(iso);
    }
  }

  function handleDay(event: ChangeEvent<HTMLInputElement>): void {
    const text = event.target.value;
    // A whole date typed or pasted into the day field fills the three fields.
    if (/[/\-.\u060d]/.test(toLatinDigits(text))) {
      const parsed = parseDateText(text, calendar);
      if (parsed) {
        update({ calendar, day: n(parsed.day), month: String(parsed.month), year: n(parsed.year) });
        return;
      }
    }
    update({ ...fields, day: text });
  }

  function switchCalendar(next: Calendar): void {
    if (next === calendar) return;
    const { gregorian } = analyse(fields);
    // A real date is converted so the same day stays chosen; anything else is
    // kept as typed (it may have been typed in the wrong calendar).
    update(gregorian ? fieldsFromGregorian(gregorian, next, digits) : { ...fields, calendar: next });
  }

  function leaveField(field: FieldName): void {
    if (!leftFields.has(field)) setLeftFields(new Set([...leftFields, field]));
  }

  function leaveGroup(event: FocusEvent<HTMLFieldSetElement>): void {
    const next = event.relatedTarget;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) setHasLeftGroup(true);
  }

  const analysis = analyse(fields);
  const isEmpty = fields.day.trim() === "" && fields.month === "" && fields.year.trim() === "";
  const visible = analysis.problems.filter((p) => {
    if (p.when === "now") return true;
    if (p.when === "field_left") return leftFields.has(p.field) || hasLeftGroup;
    // Missing parts: only once the user has left the group, and for an empty
    // optional date not at all.
    return hasLeftGroup && !isEmpty;
  });
  const messages = visible.map((p) => p.message);
  if (required && isEmpty && hasLeftGroup) messages.push(t("dates.error_required", { field: label }));
  if (error) messages.push(error);
  const invalidFields = new Set(visible.map((p) => p.field));
  const isGroupInvalid = messages.length > 0 && invalidFields.size === 0;

  const twin = analysis.gregorian
    ? formatDate(civilToIso(analysis.gregorian), {
        locale,
        digits,
        calendar: calendar === "hijri" ? "gregorian" : "hijri",
      })
    : null;

  const helpId = `${id}-help`;
  const twinId = `${id}-twin`;
  const errorId = `${id}-error`;
  const describedBy = (field: FieldName) =>
    [helpId, twinId, invalidFields.has(field) || isGroupInvalid ? errorId : null].filter(Boolean).join(" ");
  const invalid = (field: FieldName) => (invalidFields.has(field) || isGroupInvalid ? true : undefined);

  return (
    <fieldset className="date-input" onBlur={leaveGroup}>
      <legend className="date-input__legend">
        {label}
        {required && (
          <span className="date-input__required" aria-hidden="true">
            *
          </span>
        )}
      </legend>

      <fieldset className="date-input__calendar">
        <legend className="date-input__calendar-legend">{t("dates.calendar")}</legend>
        <div className="date-input__segments">
          {(["hijri", "gregorian"] as const).map((option) => (
            <label key={option} className="date-input__segment">
              <input
                type="radio"
                name={`${id}-calendar`}
                value={option}
                checked={calendar === option}
                onChange={() => switchCalendar(option)}
              />
              <span>{t(`dates.${option}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="date-input__fields">
        <div className="date-input__field">
          <label htmlFor={id}>{t("dates.day")}</label>
          <input
            id={id}
            className="date-input__day"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={fields.day}
            onChange={handleDay}
            onBlur={() => leaveField("day")}
            aria-required={required || undefined}
            aria-invalid={invalid("day")}
            aria-describedby={describedBy("day")}
          />
        </div>
        <div className="date-input__field">
          <label htmlFor={`${id}-month`}>{t("dates.month")}</label>
          <select
            id={`${id}-month`}
            className="date-input__month"
            value={fields.month}
            onChange={(event) => update({ ...fields, month: event.target.value })}
            onBlur={() => leaveField("month")}
            aria-required={required || undefined}
            aria-invalid={invalid("month")}
            aria-describedby={describedBy("month")}
          >
            <option value="">{t("dates.choose_month")}</option>
            {names.map((name, index) => (
              <option key={name} value={String(index + 1)}>
                {`${name} (${n(index + 1)})`}
              </option>
            ))}
          </select>
        </div>
        <div className="date-input__field">
          <label htmlFor={`${id}-year`}>{t("dates.year")}</label>
          <input
            id={`${id}-year`}
            className="date-input__year"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={fields.year}
            onChange={(event) => update({ ...fields, year: event.target.value })}
            onBlur={() => leaveField("year")}
            aria-required={required || undefined}
            aria-invalid={invalid("year")}
            aria-describedby={describedBy("year")}
          />
        </div>
      </div>

      <p id={helpId} className="date-input__help">
        {t("dates.help", { example })}
      </p>
      <p id={twinId} className="date-input__twin" aria-live="polite">
        {twin && (
          <>
            {t("dates.twin_prefix")} <bdi>{twin}</bdi>
          </>
        )}
      </p>
      <div id={errorId} className="date-input__error" role="alert">
        {messages.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </fieldset>
  );
}
