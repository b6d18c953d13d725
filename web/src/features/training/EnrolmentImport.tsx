import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { CheckboxField, FieldError } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { Badge, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import type { ProgrammeDetail } from "./types.js";
import { programmeApi, type ImportResult, type ImportRow, type ImportRowStatus, type InvitationStatus } from "./useTraining.js";
import "../events/events.css";

const TONE: Record<ImportRowStatus, "success" | "info" | "neutral" | "danger"> = { new: "success", existing: "info", already: "neutral", error: "danger" };
const STATUSES: ImportRowStatus[] = ["new", "existing", "already", "error"];
/** The largest file the server reads (2 MB). */
const MAX_BYTES = 2 * 1024 * 1024;

/** The row's problems (in the user's language, from the server), or what will happen to it. */
function RowDetails({ row, invite }: { row: ImportRow; invite: boolean }) {
  const { t } = useTranslation();
  if (row.errors.length > 0) {
    return (
      <ul className="import-errors">
        {row.errors.map((e) => (
          <li key={e.field}>{e.message}</li>
        ))}
      </ul>
    );
  }
  return (
    <span>
      {row.status !== "error" && t(`training.programme.import.row_notes.${row.status}`)}
      {invite && row.invitation && (
        <span className="row-secondary">{t(`training.programme.import.invitations.${row.invitation}` as `training.programme.import.invitations.${InvitationStatus}`)}</span>
      )}
    </span>
  );
}

/**
 * Enrol people from a CSV or Excel file, in three steps: choose the file and preview it (nothing is
 * written: each row says whether its person is new, found by email, already enrolled, or what is
 * wrong with it); decide whether to import only the valid rows and to send account invitations;
 * import, and read the report.
 */
export function EnrolmentImport({ programme, onImported }: { programme: ProgrammeDetail; onImported(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const preview = useAction();
  const commit = useAction();
  const fileId = `enrolment-file-${useId().replace(/:/g, "")}`;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [invite, setInvite] = useState(false);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [report, setReport] = useState<ImportResult | null>(null);
  const path = `${programmeApi(programme.id)}/enrolments/import`;

  function reset() {
    // A new file needs a new preview: what is imported is always what was shown.
    setResult(null);
    setReport(null);
    setValidOnly(false);
    setInvite(false);
    preview.clear();
    commit.clear();
  }

  const form = (mode: "preview" | "commit") => {
    const data = new FormData();
    data.append("mode", mode);
    data.append("validOnly", String(validOnly));
    // The preview always says who would be invited; the commit invites only if asked to.
    data.append("invite", mode === "preview" ? "true" : String(invite));
    data.append("file", file!, file!.name);
    return data;
  };

  async function onPreview(event: FormEvent) {
    event.preventDefault();
    if (!file) return setLocalError(t("validation.required", { field: t("training.programme.import.file") }));
    if (file.size > MAX_BYTES) return setLocalError(t("training.programme.import.too_large", { field: t("training.programme.import.file"), mb: n(2) }));
    setLocalError(null);
    reset();
    const answer = await preview.run(() => api.form<ImportResult>(path, form("preview")));
    if (answer.ok) setResult(answer.value);
  }

  async function onCommit() {
    if (!result || !file) return;
    const answer = await commit.run(() => api.form<ImportResult>(path, form("commit")));
    if (answer.ok) {
      setReport(answer.value);
      setResult(null);
      setFile(null);
      if (input.current) input.current.value = "";
      onImported();
    }
  }

  const fileError = localError ?? preview.fieldError("file");
  const rows = result ? (onlyProblems ? result.rows.filter((r) => r.status === "error") : result.rows) : [];
  const errors = result?.counts.errors ?? 0;
  const canImport = !!result && result.counts.enrolled > 0 && (errors === 0 || validOnly);
  const template = (format: "csv" | "xlsx") => `${programmeApi(programme.id)}/enrolments/template.${format}`;

  return (
    <section className="card enrolment-import" aria-labelledby="enrolment-import-title">
      <h2 id="enrolment-import-title" className="card-title">
        {t("training.programme.import.title")}
      </h2>
      <p className="card-text">{t("training.programme.import.intro")}</p>
      <p className="card-meta">
        {t("training.programme.import.template")}{" "}
        <a href={template("xlsx")} download>
          {t("training.programme.import.template_xlsx")}
        </a>
        {t("common.list_separator")}
        <a href={template("csv")} download>
          {t("training.programme.import.template_csv")}
        </a>
      </p>
      <StatusMessage>
        {report && (
          <>
            <strong>{t("training.programme.import.done_title")}</strong>
            <ul className="import-report">
              <li>{t("training.programme.import.report.enrolled", { count: report.counts.enrolled, n: n(report.counts.enrolled) })}</li>
              <li>{t("training.programme.import.report.new_people", { count: report.counts.newPeople, n: n(report.counts.newPeople) })}</li>
              <li>{t("training.programme.import.report.existing_people", { count: report.counts.existingPeople, n: n(report.counts.existingPeople) })}</li>
              <li>{t("training.programme.import.report.skipped", { count: report.counts.skipped, n: n(report.counts.skipped) })}</li>
              <li>{t("training.programme.import.report.invited", { count: report.counts.invited, n: n(report.counts.invited) })}</li>
              <li>{t("training.programme.import.report.errors", { count: report.counts.errors, n: n(report.counts.errors) })}</li>
            </ul>
          </>
        )}
      </StatusMessage>

      <form onSubmit={onPreview} noValidate className="form">
        <FormErrors error={preview.error} shownFields={["file"]} localMessage={localError ? t("errors.VALIDATION_FAILED") : null} />
        <div className={["field", fileError ? "field--invalid" : ""].join(" ").trim()}>
          <label htmlFor={fileId} className="field-label">
            {t("training.programme.import.file")}
          </label>
          <FilePicker
            ref={input}
            id={fileId}
            file={file}
            accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            invalid={!!fileError}
            describedBy={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(" ")}
            onChange={(chosen) => {
              setFile(chosen);
              setLocalError(null);
              reset();
            }}
          />
          <p id={`${fileId}-hint`} className="field-hint">
            {t("training.programme.import.file_hint", { mb: n(2), rows: n(5000) })}
          </p>
          <FieldError id={fileId} error={fileError} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--secondary" disabled={preview.pending} aria-busy={preview.pending || undefined}>
            {preview.pending ? t("common.working") : t("training.programme.import.preview")}
          </button>
        </div>
      </form>

      {result && (
        <div className="import-preview" aria-labelledby="enrolment-preview-title">
          <h3 id="enrolment-preview-title" className="section-title">
            {t("training.programme.import.preview_title")}
          </h3>
          <p className="alert alert--info">{t("training.programme.import.nothing_yet")}</p>
          <ul className="chip-list import-summary">
            {STATUSES.map((s) => {
              const count = { new: result.counts.newPeople, existing: result.counts.existingPeople, already: result.counts.skipped, error: result.counts.errors }[s];
              return (
                <li key={s} className={`chip chip--${TONE[s] === "info" ? "neutral" : TONE[s]}`}>
                  {t(`training.programme.import.statuses.${s}`)}: {n(count)}
                </li>
              );
            })}
          </ul>
          {errors > 0 && <CheckboxField id="enrolment-import-only-problems" label={t("training.programme.import.only_problems")} checked={onlyProblems} onChange={setOnlyProblems} />}
          <div className="table-wrap">
            <table className="table table--cards import-table">
              <caption className="visually-hidden">{t("training.programme.import.preview_title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("training.programme.import.row_header")}</th>
                  <th scope="col">{t("training.programme.import.name")}</th>
                  <th scope="col">{t("training.programme.import.email")}</th>
                  <th scope="col">{t("training.programme.import.organisation")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("training.programme.import.details")}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.row} className={row.status === "error" ? "import-row--problem" : undefined}>
                    <td data-label={t("training.programme.import.row_header")}>{n(row.row)}</td>
                    <th scope="row" data-label={t("training.programme.import.name")}>
                      <bdi lang="ar">{row.nameAr || "—"}</bdi>
                      <span className="row-secondary" lang="en" dir="ltr">
                        {row.nameEn || "—"}
                      </span>
                    </th>
                    <td data-label={t("training.programme.import.email")}>
                      <span dir="ltr">{row.email || "—"}</span>
                    </td>
                    <td data-label={t("training.programme.import.organisation")}>{row.organisation ? localName(row.organisation) : <bdi dir="ltr">{row.organisationCode || "—"}</bdi>}</td>
                    <td data-label={t("common.status")}>
                      <Badge tone={TONE[row.status]}>{t(`training.programme.import.statuses.${row.status}`)}</Badge>
                    </td>
                    <td data-label={t("training.programme.import.details")}>
                      <RowDetails row={row} invite={invite} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <fieldset className="form-section">
            <legend>{t("training.programme.import.options")}</legend>
            {errors > 0 && (
              <CheckboxField
                id="enrolment-import-valid-only"
                label={t("training.programme.import.valid_only", { count: result.counts.enrolled, n: n(result.counts.enrolled) })}
                hint={t("training.programme.import.valid_only_hint", { count: errors, n: n(errors) })}
                checked={validOnly}
                onChange={setValidOnly}
              />
            )}
            <CheckboxField
              id="enrolment-import-invite"
              label={t("training.programme.import.invite")}
              hint={t("training.programme.import.will_invite", { count: result.counts.invited, n: n(result.counts.invited) })}
              checked={invite}
              onChange={setInvite}
            />
          </fieldset>
          <FormErrors error={commit.error} />
          <div className="form-actions">
            <button type="button" className="button button--primary" disabled={!canImport || commit.pending} aria-busy={commit.pending || undefined} onClick={() => void onCommit()}>
              {commit.pending ? t("common.working") : t("training.programme.import.confirm", { count: result.counts.enrolled, n: n(result.counts.enrolled) })}
            </button>
            <button type="button" className="button button--ghost" onClick={reset}>
              {t("common.cancel")}
            </button>
          </div>
          {errors > 0 && !validOnly && <p className="field-hint">{t("training.programme.import.fix_or_valid_only")}</p>}
        </div>
      )}
    </section>
  );
}
