import { useTranslation } from "react-i18next";
import { DateInput } from "../../components/DateInput.js";
import { TextAreaField, TextField } from "../../components/Field.js";
import { EmptyState } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { OrganisationPicker } from "./OrganisationPicker.js";
import type { Decision, DecisionInput } from "./types.js";

export interface DraftDecision {
  key: number;
  /** Kept for decisions already saved, so the follow-up of each stays attached to it. */
  id?: string;
  reference: string;
  textAr: string;
  textEn: string;
  responsibleId: string;
  responsibleLabel: string;
  /** Gregorian "YYYY-MM-DD" or null. */
  dueOn: string | null;
}

let nextKey = 1;

export function newDecision(): DraftDecision {
  return { key: nextKey++, reference: "", textAr: "", textEn: "", responsibleId: "", responsibleLabel: "", dueOn: null };
}

/** Rows from elsewhere (a stored draft) with keys unique in this page. */
export function rekeyDecisions(rows: DraftDecision[]): DraftDecision[] {
  return rows.map((row) => ({ ...row, key: nextKey++ }));
}

/** The saved decisions as editable rows. */
export function draftDecisions(decisions: Decision[], localName: (o: Decision["responsible"]) => string): DraftDecision[] {
  return decisions.map((d) => ({
    key: nextKey++,
    id: d.id,
    reference: d.reference ?? "",
    textAr: d.textAr,
    textEn: d.textEn,
    responsibleId: d.responsible?.id ?? "",
    responsibleLabel: d.responsible ? localName(d.responsible) : "",
    dueOn: d.dueOn,
  }));
}

/**
 * Rows as PUT /api/events/:id/minutes wants them, in their order. Empty optional fields
 * are left out rather than sent as null: the server's validator turns a null into ""
 * (ajv coerceTypes), which it would then store as an unknown organisation.
 */
export function decisionsBody(drafts: DraftDecision[]): DecisionInput[] {
  return drafts.map((d) => ({
    ...(d.id ? { id: d.id } : {}),
    ...(d.reference.trim() ? { reference: d.reference.trim() } : {}),
    textAr: d.textAr.trim(),
    textEn: d.textEn.trim(),
    ...(d.responsibleId ? { responsibleOrganisationId: d.responsibleId } : {}),
    ...(d.dueOn ? { dueOn: d.dueOn } : {}),
  }));
}

/** Comparable content of the rows (to know whether anything changed). */
export function decisionsSignature(drafts: DraftDecision[]): string {
  return JSON.stringify(decisionsBody(drafts));
}

/** Add, remove, reorder and edit the decisions of the minutes (text in both languages, reference, responsible, due date). */
export function DecisionsEditor({
  value,
  onChange,
  fieldError,
}: {
  value: DraftDecision[];
  onChange(next: DraftDecision[]): void;
  /** Message for one field of row `index` (the server's or one found before sending). */
  fieldError(index: number, field: string): string | undefined;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const change = (index: number, patch: Partial<DraftDecision>) => onChange(value.map((d, i) => (i === index ? { ...d, ...patch } : d)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };

  return (
    <fieldset className="form-section decisions-editor">
      <legend>{t("events.decisions.title")}</legend>
      {value.length === 0 && <EmptyState>{t("events.decisions.none_yet")}</EmptyState>}
      {value.map((d, i) => {
        const number = t("events.decisions.number", { n: n(i + 1) });
        return (
          <fieldset key={d.key} className="agenda-editor-item decision-editor-item" aria-label={number}>
            <legend>{number}</legend>
            <div className="form-grid">
              <TextAreaField
                id={`decision-${d.key}-textAr`}
                label={t("events.decisions.text_ar")}
                dir="rtl"
                lang="ar"
                value={d.textAr}
                onChange={(textAr) => change(i, { textAr })}
                error={fieldError(i, "textAr")}
              />
              <TextAreaField
                id={`decision-${d.key}-textEn`}
                label={t("events.decisions.text_en")}
                dir="ltr"
                lang="en"
                value={d.textEn}
                onChange={(textEn) => change(i, { textEn })}
                error={fieldError(i, "textEn")}
              />
              <TextField
                id={`decision-${d.key}-reference`}
                label={t("events.decisions.reference")}
                hint={t("events.decisions.reference_hint")}
                dir="auto"
                value={d.reference}
                maxLength={40}
                onChange={(reference) => change(i, { reference })}
                error={fieldError(i, "reference")}
              />
              <OrganisationPicker
                id={`decision-${d.key}-responsible`}
                label={t("events.decisions.responsible")}
                value={d.responsibleId}
                chosenLabel={d.responsibleLabel}
                onChange={(responsibleId, responsibleLabel) => change(i, { responsibleId, responsibleLabel })}
                error={fieldError(i, "responsibleOrganisationId")}
              />
              <div className="form-grid-full">
                <DateInput id={`decision-${d.key}-dueOn`} label={t("events.decisions.due_on")} value={d.dueOn} onChange={(dueOn) => change(i, { dueOn })} error={fieldError(i, "dueOn")} />
              </div>
            </div>
            <div className="button-row">
              <button type="button" className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t("events.move_up")}: ${number}`}>
                {t("events.move_up")}
              </button>
              <button
                type="button"
                className="button button--ghost button--small"
                disabled={i === value.length - 1}
                onClick={() => move(i, 1)}
                aria-label={`${t("events.move_down")}: ${number}`}
              >
                {t("events.move_down")}
              </button>
              <button type="button" className="button button--danger-outline button--small" onClick={() => onChange(value.filter((_, k) => k !== i))}>
                {t("events.decisions.remove", { n: n(i + 1) })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <div className="button-row">
        <button type="button" className="button button--secondary" onClick={() => onChange([...value, newDecision()])}>
          {t("events.decisions.add")}
        </button>
      </div>
    </fieldset>
  );
}
