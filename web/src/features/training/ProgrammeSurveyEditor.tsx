import { useTranslation } from "react-i18next";
import { SURVEY_ITEM_KINDS, type SurveyItem, type SurveyItemKind } from "../../../../common/training.js";
import { SelectField, TextField } from "../../components/Field.js";
import { EmptyState } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";

/** At most this many survey questions (the server refuses more). */
export const SURVEY_MAX = 20;

let nextKey = 1;

/** A survey question being edited; `id` is kept for saved ones (answers are filed under it). */
export interface DraftSurveyItem extends SurveyItem {
  key: number;
}

export function draftSurvey(items: readonly SurveyItem[]): DraftSurveyItem[] {
  return items.map((s) => ({ ...s, key: nextKey++ }));
}

/** A new question's id: short, unique in the survey, letters and digits only. */
function newItemId(existing: DraftSurveyItem[]): string {
  let id = "";
  do id = `q${Math.random().toString(36).slice(2, 8)}`;
  while (existing.some((s) => s.id === id));
  return id;
}

export function surveyBody(items: DraftSurveyItem[]): SurveyItem[] {
  return items.map((s) => ({ id: s.id, kind: s.kind, textAr: s.textAr.trim(), textEn: s.textEn.trim() }));
}

/** The satisfaction survey's questions: a 1–5 scale or free text, in both languages; add, remove, reorder. */
export function ProgrammeSurveyEditor({
  value,
  onChange,
  fieldError,
  error,
}: {
  value: DraftSurveyItem[];
  onChange(next: DraftSurveyItem[]): void;
  fieldError(index: number, field: string): string | undefined;
  error?: string;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const change = (index: number, patch: Partial<DraftSurveyItem>) => onChange(value.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  return (
    <fieldset className={["form-section", error ? "field--invalid" : ""].join(" ").trim()} aria-describedby="programme-survey-hint">
      <legend>{t("training.programme.form.survey")}</legend>
      <p id="programme-survey-hint" className="field-hint">
        {t("training.programme.form.survey_hint", { max: n(SURVEY_MAX) })}
      </p>
      {error && (
        <p className="field-error">
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{" "}
          {error}
        </p>
      )}
      {value.length === 0 && <EmptyState>{t("training.programme.form.survey_empty")}</EmptyState>}
      {value.map((s, i) => {
        const label = t("training.programme.form.survey_item", { n: n(i + 1) });
        return (
          <fieldset key={s.key} className="editor-item" aria-label={label}>
            <legend>{label}</legend>
            <div className="form-grid form-grid--three">
              <SelectField
                id={`survey-${s.key}-kind`}
                label={t("training.programme.form.survey_kind")}
                value={s.kind}
                onChange={(kind) => change(i, { kind: kind as SurveyItemKind })}
                options={SURVEY_ITEM_KINDS.map((k) => ({ value: k, label: t(`training.programme.form.survey_kinds.${k}`) }))}
                error={fieldError(i, "kind")}
                required
              />
              <TextField id={`survey-${s.key}-textAr`} label={t("training.programme.form.text_ar")} dir="rtl" lang="ar" maxLength={500} value={s.textAr} onChange={(textAr) => change(i, { textAr })} error={fieldError(i, "textAr") ?? fieldError(i, "id")} required />
              <TextField id={`survey-${s.key}-textEn`} label={t("training.programme.form.text_en")} dir="ltr" lang="en" maxLength={500} value={s.textEn} onChange={(textEn) => change(i, { textEn })} error={fieldError(i, "textEn")} required />
            </div>
            <div className="button-row">
              <button type="button" className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t("training.programme.move_up")}: ${label}`}>
                {t("training.programme.move_up")}
              </button>
              <button type="button" className="button button--ghost button--small" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`${t("training.programme.move_down")}: ${label}`}>
                {t("training.programme.move_down")}
              </button>
              <button type="button" className="button button--danger-outline button--small" onClick={() => onChange(value.filter((_, k) => k !== i))}>
                {t("training.programme.form.survey_remove", { n: n(i + 1) })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        disabled={value.length >= SURVEY_MAX}
        onClick={() => onChange([...value, { key: nextKey++, id: newItemId(value), kind: "scale", textAr: "", textEn: "" }])}
      >
        {t("training.programme.form.survey_add")}
      </button>
    </fieldset>
  );
}
