import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerResponse } from "../../../../common/training.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useFormatNumber, useOtherLanguage, usePickLocal } from "../../components/format.js";
import type { AnswerState } from "./AttemptAnswers.js";
import { displayDecimal, readDecimal, type AttemptQuestion as Question } from "./TestTypes.js";

/** How long typing must pause before a number is saved. */
export const NUMBER_SAVE_DELAY_MS = 700;

/** A text in the interface language, with the other language under it when asked for. */
export function BothTexts({ ar, en, both, className }: { ar: string; en: string; both: boolean; className?: string }) {
  const { i18n } = useTranslation();
  const pick = usePickLocal();
  const other = useOtherLanguage();
  const otherText = other === "ar" ? ar : en;
  return (
    <>
      <span className={className} lang={i18n.language} dir="auto">
        {pick(ar, en)}
      </span>
      {both && otherText && (
        <span className="attempt-other-language" lang={other} dir={other === "ar" ? "rtl" : "ltr"}>
          {otherText}
        </span>
      )}
    </>
  );
}

function SaveStatus({ id, answer }: { id: string; answer: AnswerState | undefined }) {
  const { t } = useTranslation();
  const state = answer?.state ?? "idle";
  const text =
    state === "saving" ? t("training.assessment.save_saving")
    : state === "saved" ? t("training.assessment.save_saved")
    : state === "retrying" ? t("training.assessment.save_retrying")
    : state === "closed" ? t("training.assessment.save_closed")
    : state === "invalid" ? (answer?.error ?? "")
    : "";
  return (
    <p id={id} className={`attempt-save attempt-save--${state}`} role="status">
      {text}
    </p>
  );
}

function NumberAnswer({ question, answer, disabled, onChange }: { question: Question; answer: AnswerState | undefined; disabled: boolean; onChange(response: AnswerResponse, delay: number): void }) {
  const { t } = useTranslation();
  const { digits } = useDisplaySettings();
  const current = answer?.response && "value" in answer.response ? answer.response.value : "";
  const [typed, setTyped] = useState(() => displayDecimal(current, digits));
  const [invalid, setInvalid] = useState(false);
  const id = `q-${question.id}-value`;
  // An answer set from outside (put back from this device after a reload), not while typing.
  const [shown, setShown] = useState(current);
  if (shown !== current) {
    setShown(current);
    if (readDecimal(typed) !== current) setTyped(displayDecimal(current, digits));
  }
  const example = displayDecimal("12.5", digits);
  return (
    <div className="attempt-number">
      <label htmlFor={id} className="field-label">
        {t("training.assessment.numeric_answer")}
      </label>
      <input
        id={id}
        className="input attempt-number-input"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        dir="ltr"
        value={typed}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ""}`}
        onChange={(e) => {
          setTyped(e.target.value);
          const value = readDecimal(e.target.value);
          setInvalid(value === null);
          if (value !== null) onChange({ value }, NUMBER_SAVE_DELAY_MS);
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t("training.assessment.numeric_answer_hint", { example })}
      </p>
      {invalid && (
        <p id={`${id}-error`} className="field-error">
          {t("training.assessment.numeric_invalid", { example })}
        </p>
      )}
    </div>
  );
}

/**
 * One question of an attempt: its number and text (the other language on demand), radio buttons,
 * checkboxes or a number field, and where its answer stands (saved, saving, retrying).
 */
export function AttemptQuestionField({
  question,
  total,
  answer,
  both,
  disabled,
  onChange,
}: {
  question: Question;
  total: number;
  answer: AnswerState | undefined;
  both: boolean;
  disabled: boolean;
  onChange(response: AnswerResponse, delay: number): void;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const stateId = `q-${question.id}-state`;
  const chosen = answer?.response && "optionIds" in answer.response ? answer.response.optionIds : [];
  const multiple = question.kind === "multiple";

  return (
    <fieldset className="attempt-question" aria-describedby={stateId}>
      <legend className="attempt-question-legend">
        <span className="attempt-question-number">{t("training.assessment.question_of", { n: n(question.number), total: n(total) })}</span>
        <BothTexts ar={question.textAr} en={question.textEn} both={both} className="attempt-question-text" />
      </legend>
      <p className="attempt-question-points">{t("training.assessment.points_value", { count: question.points, n: n(question.points) })}</p>
      {question.kind === "numeric" ? (
        <NumberAnswer question={question} answer={answer} disabled={disabled} onChange={onChange} />
      ) : (
        <ul className="attempt-options" role="list">
          {question.options.map((o) => {
            const id = `q-${question.id}-${o.id}`;
            const checked = chosen.includes(o.id);
            return (
              <li key={o.id} className={["attempt-option", checked ? "attempt-option--chosen" : ""].join(" ").trim()}>
                <input
                  id={id}
                  type={multiple ? "checkbox" : "radio"}
                  name={`q-${question.id}`}
                  value={o.id}
                  checked={checked}
                  disabled={disabled}
                  onChange={(e) => {
                    if (!multiple) return onChange({ optionIds: [o.id] }, 0);
                    const next = e.target.checked ? [...chosen, o.id] : chosen.filter((x) => x !== o.id);
                    onChange({ optionIds: question.options.map((x) => x.id).filter((x) => next.includes(x)) }, 0);
                  }}
                />
                <label htmlFor={id}>
                  <BothTexts ar={o.textAr} en={o.textEn} both={both} />
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <SaveStatus id={stateId} answer={answer} />
    </fieldset>
  );
}
