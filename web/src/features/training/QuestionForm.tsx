import { useState } from "react";
import { useTranslation } from "react-i18next";
import { MAX_OPTIONS, MAX_POINTS, MIN_OPTIONS, MIN_POINTS, QUESTION_KINDS, type QuestionKind } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { FieldError, RadioGroupField, SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { FormDialog } from "../../components/FormDialog.js";
import { displayDecimal, testsApi, type BankQuestion } from "./TestTypes.js";

interface OptionDraft {
  id: string;
  textAr: string;
  textEn: string;
  correct: boolean;
}

interface Draft {
  kind: QuestionKind;
  textAr: string;
  textEn: string;
  points: string;
  options: OptionDraft[];
  trueFalse: "" | "true" | "false";
  value: string;
  tolerance: string;
}

/** Fields whose messages appear next to them (the summary lists only the others). */
const SHOWN_FIELDS = /^(kind|points|textAr|textEn|options|answerKey|answerKey\.value|answerKey\.tolerance|options\.\d+\.(textAr|textEn|id))$/;

const OPTION_IDS = "abcdefghijklmnopqrstuvwxyz".split("");

function nextOptionId(options: OptionDraft[]): string {
  return OPTION_IDS.find((id) => !options.some((o) => o.id === id)) ?? `o${options.length + 1}`;
}

function draftOf(q: BankQuestion | null, digits: string): Draft {
  if (!q) {
    return { kind: "single", textAr: "", textEn: "", points: "1", options: [{ id: "a", textAr: "", textEn: "", correct: false }, { id: "b", textAr: "", textEn: "", correct: false }], trueFalse: "", value: "", tolerance: "" };
  }
  const keyIds = q.answerKey.optionIds ?? [];
  return {
    kind: q.kind,
    textAr: q.textAr,
    textEn: q.textEn,
    points: String(q.points),
    options: q.options.map((o) => ({ ...o, correct: keyIds.includes(o.id) })),
    trueFalse: q.kind === "true_false" ? ((keyIds[0] as "true" | "false" | undefined) ?? "") : "",
    value: displayDecimal(q.answerKey.value ?? "", digits === "arab" ? "arab" : "latn"),
    tolerance: q.answerKey.tolerance && q.answerKey.tolerance !== "0" ? displayDecimal(q.answerKey.tolerance, digits === "arab" ? "arab" : "latn") : "",
  };
}

/** The request body for the draft (texts only for a question in use). */
function bodyOf(draft: Draft, existing: BankQuestion | null): Record<string, unknown> {
  const options = draft.options.map(({ id, textAr, textEn }) => ({ id, textAr, textEn }));
  const choice = draft.kind === "single" || draft.kind === "multiple";
  if (existing?.inUse) return { version: existing.version, textAr: draft.textAr, textEn: draft.textEn, ...(choice ? { options } : {}) };
  const answerKey =
    choice ? { optionIds: draft.options.filter((o) => o.correct).map((o) => o.id) }
    : draft.kind === "true_false" ? { optionIds: draft.trueFalse ? [draft.trueFalse] : [] }
    : { value: draft.value, tolerance: draft.tolerance };
  return {
    ...(existing ? { version: existing.version } : {}),
    kind: draft.kind,
    textAr: draft.textAr,
    textEn: draft.textEn,
    points: Number(draft.points),
    ...(choice ? { options } : {}),
    answerKey,
  };
}

/**
 * Add or edit a question of the bank, in a dialog: its type, texts in both languages, points and a
 * type-specific editor (options with their correct ones; true or false; a number with a tolerance).
 * A question trainees have answered only lets its wording change. Errors are the server's, per field.
 */
export function QuestionFormDialog({ programmeId, question, number, onSaved, onCancel }: { programmeId: string; question: BankQuestion | null; number?: number; onSaved(q: BankQuestion): void; onCancel(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const { digits } = useDisplaySettings();
  const [draft, setDraft] = useState<Draft>(() => draftOf(question, digits));
  const action = useAction();
  const locked = question?.inUse === true;
  const err = (field: string) => action.fieldError(field);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setOption = (i: number, patch: Partial<OptionDraft>) =>
    setDraft((d) => ({
      ...d,
      options: d.options.map((o, j) => {
        if (j === i) return { ...o, ...patch };
        // A single-choice question has one correct option.
        return patch.correct && d.kind === "single" ? { ...o, correct: false } : o;
      }),
    }));

  async function save() {
    const body = bodyOf(draft, question);
    const result = await action.run(() => (question ? api.patch<BankQuestion>(testsApi.question(question.id), body) : api.post<BankQuestion>(testsApi.questions(programmeId), body)));
    if (result.ok) onSaved(result.value);
  }

  const choice = draft.kind === "single" || draft.kind === "multiple";
  const kindLabel = (k: QuestionKind) => t(`training.assessment.kind_${k}`);
  return (
    <FormDialog
      open
      wide
      title={question ? t("training.assessment.edit_question", { n: n(number ?? question.position) }) : t("training.assessment.new_question")}
      submitLabel={t("training.assessment.save_question")}
      pending={action.pending}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <FormErrors error={action.error} shownFields={action.error?.fields.map((f) => f.field).filter((f) => SHOWN_FIELDS.test(f))} />
      {locked && <p className="question-locked-note">{t("training.assessment.in_use_note")}</p>}
      <div className="question-form">
        <SelectField
          id="question-kind"
          label={t("training.assessment.fields.kind")}
          value={draft.kind}
          onChange={(v) => set("kind")(v as QuestionKind)}
          options={QUESTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))}
          disabled={locked}
          error={err("kind")}
        />
        <SelectField
          id="question-points"
          label={t("training.assessment.fields.points")}
          value={draft.points}
          onChange={set("points")}
          options={Array.from({ length: MAX_POINTS - MIN_POINTS + 1 }, (_, i) => ({ value: String(MIN_POINTS + i), label: n(MIN_POINTS + i) }))}
          disabled={locked}
          error={err("points")}
        />
      </div>
      <TextAreaField id="question-textAr" label={t("training.assessment.fields.textAr")} value={draft.textAr} onChange={set("textAr")} lang="ar" dir="rtl" required error={err("textAr")} />
      <TextAreaField id="question-textEn" label={t("training.assessment.fields.textEn")} value={draft.textEn} onChange={set("textEn")} lang="en" dir="ltr" required error={err("textEn")} />

      {choice && (
        <fieldset className="field fieldset question-options" aria-describedby="question-options-hint">
          <legend className="field-label">{t("training.assessment.options_legend")}</legend>
          <p id="question-options-hint" className="field-hint">
            {t(draft.kind === "single" ? "training.assessment.options_hint_single" : "training.assessment.options_hint_multiple")}
          </p>
          <FieldError id="question-options" error={err("options")} />
          <FieldError id="question-answerKey" error={err("answerKey")} />
          <ol className="question-option-list">
            {draft.options.map((o, i) => {
              const label = t("training.assessment.option_n", { n: n(i + 1) });
              return (
                <li key={o.id} className="question-option-row">
                  <p className="question-option-title">{label}</p>
                  <TextField id={`option-${o.id}-textAr`} label={t("training.assessment.option_text_ar")} value={o.textAr} onChange={(v) => setOption(i, { textAr: v })} lang="ar" dir="rtl" required error={err(`options.${i}.textAr`)} aria-label={`${label} — ${t("training.assessment.option_text_ar")}`} />
                  <TextField id={`option-${o.id}-textEn`} label={t("training.assessment.option_text_en")} value={o.textEn} onChange={(v) => setOption(i, { textEn: v })} lang="en" dir="ltr" required error={err(`options.${i}.textEn`)} aria-label={`${label} — ${t("training.assessment.option_text_en")}`} />
                  <div className="question-option-correct">
                    <input
                      id={`option-${o.id}-correct`}
                      type={draft.kind === "single" ? "radio" : "checkbox"}
                      name="question-correct"
                      checked={o.correct}
                      disabled={locked}
                      onChange={(e) => setOption(i, { correct: e.target.checked })}
                      aria-label={`${t("training.assessment.option_correct")} — ${label}`}
                    />
                    <label htmlFor={`option-${o.id}-correct`}>{t("training.assessment.option_correct")}</label>
                  </div>
                  {!locked && draft.options.length > MIN_OPTIONS && (
                    <button type="button" className="button button--link" onClick={() => setDraft((d) => ({ ...d, options: d.options.filter((_, j) => j !== i) }))}>
                      {t("training.assessment.remove_option", { n: n(i + 1) })}
                    </button>
                  )}
                  <FieldError id={`option-${o.id}-id`} error={err(`options.${i}.id`)} />
                </li>
              );
            })}
          </ol>
          {!locked && draft.options.length < MAX_OPTIONS && (
            <button type="button" className="button button--secondary button--small" onClick={() => setDraft((d) => ({ ...d, options: [...d.options, { id: nextOptionId(d.options), textAr: "", textEn: "", correct: false }] }))}>
              {t("training.assessment.add_option")}
            </button>
          )}
        </fieldset>
      )}

      {draft.kind === "true_false" && (
        <RadioGroupField
          id="question-true-false"
          legend={t("training.assessment.correct_answer")}
          value={draft.trueFalse}
          onChange={(v) => !locked && set("trueFalse")(v as Draft["trueFalse"])}
          options={[
            { value: "true", label: t("training.assessment.true"), disabled: locked },
            { value: "false", label: t("training.assessment.false"), disabled: locked },
          ]}
          required
          error={err("answerKey")}
        />
      )}

      {draft.kind === "numeric" && (
        <div className="question-form">
          <TextField id="question-value" label={t("training.assessment.numeric_value")} value={draft.value} onChange={set("value")} inputMode="decimal" dir="ltr" required disabled={locked} error={err("answerKey.value")} />
          <TextField
            id="question-tolerance"
            label={t("training.assessment.numeric_tolerance")}
            value={draft.tolerance}
            onChange={set("tolerance")}
            inputMode="decimal"
            dir="ltr"
            disabled={locked}
            error={err("answerKey.tolerance")}
            hint={t("training.assessment.numeric_hint", { half: displayDecimal("0.5", digits), zero: displayDecimal("0", digits) })}
          />
        </div>
      )}
    </FormDialog>
  );
}
