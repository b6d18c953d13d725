import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { CheckboxField, FieldError, TextField } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { Badge, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import type { EventRecord, ImportResult, ImportRow, ImportRowStatus } from "./types.js";

const STATUSES: ImportRowStatus[] = ["new", "already", "unmatched", "invalid", "repeat", "too_short"];
const TONE = { new: "success", already: "neutral", unmatched: "danger", invalid: "danger", repeat: "neutral", too_short: "warning" } as const;
const PROBLEMS = new Set<ImportRowStatus>(["unmatched", "invalid"]);

/**
 * A report's text, whatever its encoding: Teams writes UTF-16 with a byte-order mark,
 * Zoom UTF-8 (with or without one), and Excel in Arabic Windows saves "CSV" as Windows-1256.
 */
export async function readReportText(file: Blob): Promise<string> {
  const buffer =
    typeof file.arrayBuffer === "function"
      ? await file.arrayBuffer()
      : await new Promise<ArrayBuffer>((resolve, reject) => {
          const reader = new FileReader();
          reader.onload = () => resolve(reader.result as ArrayBuffer);
          reader.onerror = () => reject(reader.error);
          reader.readAsArrayBuffer(file);
        });
  const bytes = new Uint8Array(buffer);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1256").decode(bytes);
  }
}

function RowDetails({ row }: { row: ImportRow }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  if (row.message) {
    // The server names an i18n key (e.g. validation.invalid_email) about the email column.
    const key = row.message as "validation.invalid_email";
    return <span>{t(key, { field: t("fields.email") })}</span>;
  }
  if (row.attendee) return <span>{pick(row.attendee.nameAr, row.attendee.nameEn)}</span>;
  if (row.status === "unmatched") return <span>{t("events.import.unmatched_hint")}</span>;
  return null;
}

/**
 * Import a virtual platform's attendance report: choose the file, optionally a minimum
 * time connected, preview (nothing is written), then confirm to record the new attendees.
 */
export function AttendanceImport({ event, onImported }: { event: EventRecord; onImported(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const preview = useAction();
  const commit = useAction();
  const fileId = `report-${useId().replace(/:/g, "")}`;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [minMinutes, setMinMinutes] = useState("");
  const [result, setResult] = useState<ImportResult | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [local, setLocal] = useState<{ file?: string; minMinutes?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const path = `/api/events/${encodeURIComponent(event.id)}/attendance/import`;

  function reset() {
    // A new file or threshold needs a new preview: what is imported is always what was shown.
    setResult(null);
    setDone(null);
    preview.clear();
    commit.clear();
  }

  async function onPreview(e: FormEvent) {
    e.preventDefault();
    const problems: typeof local = {};
    if (!file) problems.file = t("validation.required", { field: t("fields.csv") });
    const min = minMinutes.trim();
    if (min && !/^\d+$/.test(min)) problems.minMinutes = t("validation.invalid_number", { field: t("fields.minMinutes") });
    else if (min && Number(min) > 1440) problems.minMinutes = t("validation.too_large", { field: t("fields.minMinutes"), limit: n(1440) });
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !file) return;
    reset();
    let text = csv;
    if (text === null) {
      try {
        text = await readReportText(file);
        setCsv(text);
      } catch {
        setLocal({ file: t("validation.report_unreadable", { field: t("fields.csv") }) });
        return;
      }
    }
    const body = { csv: text, commit: false, ...(min ? { minMinutes: Number(min) } : {}) };
    const answer = await preview.run(() => api.post<ImportResult>(path, body));
    if (answer.ok) setResult(answer.value);
  }

  async function onCommit() {
    if (!result || csv === null) return;
    const min = minMinutes.trim();
    const answer = await commit.run(() => api.post<ImportResult>(path, { csv, commit: true, ...(min ? { minMinutes: Number(min) } : {}) }));
    if (answer.ok) {
      setDone(t("events.import.done", { count: answer.value.written, n: n(answer.value.written) }));
      setResult(null);
      setFile(null);
      setCsv(null);
      if (input.current) input.current.value = "";
      onImported();
    }
  }

  const fileError = local.file ?? preview.fieldError("csv");
  const rows = result ? (onlyProblems ? result.rows.filter((r) => r.status !== "new" && r.status !== "already") : result.rows) : [];
  const toImport = result?.summary.new ?? 0;

  return (
    <section className="card" aria-labelledby="attendance-import-title">
      <h2 id="attendance-import-title" className="card-title">
        {t("events.import.title")}
      </h2>
      <p className="card-text">{t("events.import.intro")}</p>
      <StatusMessage>{done}</StatusMessage>
      <form onSubmit={onPreview} noValidate className="form">
        <FormErrors error={preview.error} shownFields={["csv", "minMinutes"]} localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
        <div className={["field", fileError ? "field--invalid" : ""].join(" ").trim()}>
          <label htmlFor={fileId} className="field-label">
            {t("events.import.file")}
          </label>
          <FilePicker
            ref={input}
            id={fileId}
            file={file}
            accept=".csv,.txt,.tsv,text/csv,text/plain"
            invalid={!!fileError}
            describedBy={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(" ")}
            onChange={(chosen) => {
              setFile(chosen);
              setCsv(null);
              setLocal((l) => ({ ...l, file: undefined }));
              reset();
            }}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {t("events.import.file_hint")}
          </p>
          <FieldError id={fileId} error={fileError} />
        </div>
        <TextField
          id="import-min-minutes"
          label={t("events.import.min_minutes")}
          hint={t("events.import.min_minutes_hint")}
          inputMode="numeric"
          dir="ltr"
          className="field--narrow"
          value={minMinutes}
          onChange={(value) => {
            setMinMinutes(value);
            setLocal((l) => ({ ...l, minMinutes: undefined }));
            reset();
          }}
          error={local.minMinutes ?? preview.fieldError("minMinutes")}
        />
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={preview.pending} aria-busy={preview.pending || undefined}>
            {preview.pending ? t("common.working") : t("events.import.preview")}
          </button>
        </div>
      </form>

      {result && (
        <div className="import-preview" aria-labelledby="import-preview-title">
          <h3 id="import-preview-title" className="section-title">
            {t("events.import.preview_title")}
          </h3>
          <p className="alert alert--info">{t("events.import.nothing_yet")}</p>
          {(result.columns.name || result.columns.email || result.columns.minutes) && (
            <p className="card-meta">
              {t("events.import.columns")}{" "}
              {[result.columns.name, result.columns.email, result.columns.minutes]
                .filter((c): c is string => Boolean(c))
                .map((c, i) => (
                  <span key={i}>
                    {i > 0 && t("common.list_separator")}«<bdi>{c}</bdi>»
                  </span>
                ))}
            </p>
          )}
          <ul className="chip-list import-summary">
            {STATUSES.filter((s) => s === "new" || result.summary[s] > 0).map((s) => (
              <li key={s} className={`chip chip--${TONE[s]}`}>
                {t(`events.import.statuses.${s}`)}: {n(result.summary[s])}
              </li>
            ))}
          </ul>
          <CheckboxField id="import-only-problems" label={t("events.import.only_problems")} checked={onlyProblems} onChange={setOnlyProblems} />
          <div className="table-wrap">
            <table className="table table--cards import-table">
              <caption className="visually-hidden">{t("events.import.preview_title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.import.line")}</th>
                  <th scope="col">{t("fields.name")}</th>
                  <th scope="col">{t("fields.email")}</th>
                  <th scope="col">{t("events.import.minutes")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("events.import.details")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.line} className={PROBLEMS.has(row.status) ? "import-row--problem" : undefined}>
                    <td data-label={t("events.import.line")}>{n(row.line)}</td>
                    <th scope="row" data-label={t("fields.name")}>
                      <bdi>{row.name || "—"}</bdi>
                    </th>
                    <td data-label={t("fields.email")}>
                      <span dir="ltr">{row.email || "—"}</span>
                    </td>
                    <td data-label={t("events.import.minutes")}>{row.minutes === null ? "—" : n(row.minutes)}</td>
                    <td data-label={t("common.status")}>
                      <Badge tone={TONE[row.status]}>{t(`events.import.statuses.${row.status}`)}</Badge>
                    </td>
                    <td data-label={t("events.import.details")}>
                      <RowDetails row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <FormErrors error={commit.error} />
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={toImport === 0 || commit.pending} aria-busy={commit.pending || undefined} onClick={() => void onCommit()}>
              {commit.pending ? t("common.working") : t("events.import.confirm", { count: toImport, n: n(toImport) })}
            </button>
            <button type="button" className="button button--ghost" onClick={reset}>
              {t("common.cancel")}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
