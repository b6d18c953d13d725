import { useTranslation } from "react-i18next";
import { SURVEY_ITEM_KINDS, type SurveyItem, type SurveyItemKind } from "../../../../common/training.js";
import { SelectField, TextField } from "../../components/Field.js";
import { useFormatNumber } from "../../components/format.js";
import { ListEditor } from "../../components/ListEditor.js";

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
  return (
    <ListEditor
      className="form-section"
      legend={t("training.programme.form.survey")}
      hint={t("training.programme.form.survey_hint", { max: n(SURVEY_MAX) })}
      hintId="programme-survey-hint"
      error={error}
      empty={t("training.programme.form.survey_empty")}
      value={value}
      onChange={onChange}
      itemLabel={(i) => t("training.programme.form.survey_item", { n: n(i + 1) })}
      renderFields={(s, i, change) => (
        <>
          <SelectField
            id={`survey-${s.key}-kind`}
            label={t("training.programme.form.survey_kind")}
            value={s.kind}
            onChange={(kind) => change({ kind: kind as SurveyItemKind })}
            options={SURVEY_ITEM_KINDS.map((k) => ({ value: k, label: t(`training.programme.form.survey_kinds.${k}`) }))}
            error={fieldError(i, "kind")}
            required
          />
          <TextField id={`survey-${s.key}-textAr`} label={t("training.programme.form.text_ar")} dir="rtl" lang="ar" maxLength={500} value={s.textAr} onChange={(textAr) => change({ textAr })} error={fieldError(i, "textAr") ?? fieldError(i, "id")} required />
          <TextField id={`survey-${s.key}-textEn`} label={t("training.programme.form.text_en")} dir="ltr" lang="en" maxLength={500} value={s.textEn} onChange={(textEn) => change({ textEn })} error={fieldError(i, "textEn")} required />
        </>
      )}
      moveLabels={{ up: t("training.programme.move_up"), down: t("training.programme.move_down") }}
      removeLabel={(i) => t("training.programme.form.survey_remove", { n: n(i + 1) })}
      addLabel={t("training.programme.form.survey_add")}
      newItem={(): DraftSurveyItem => ({ key: nextKey++, id: newItemId(value), kind: "scale", textAr: "", textEn: "" })}
      canAdd={value.length < SURVEY_MAX}
    />
  );
}
