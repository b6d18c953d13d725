import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { SCALE_MAX, SCALE_MIN, type SurveyItem } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { describedBy, FieldError, TextAreaField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import { testsApi, type Survey } from "./TestTypes.js";
import "./SurveyForm.css";

/** The longest free-text answer (the server's limit). */
const TEXT_MAX = 2000;
const SCALE = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => SCALE_MIN + i);

/** A 1–5 scale as radio buttons: each named "3 of 5", the two ends labelled so the direction is clear in both languages. */
function ScaleField({ item, value, onChange, error }: { item: SurveyItem; value: number | undefined; onChange(v: number): void; error?: string }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const id = `survey-${item.id}`;
  const hint = t("training.assessment.scale_hint", { min: n(SCALE_MIN), max: n(SCALE_MAX) });
  return (
    <fieldset className={["fieldset", "survey-scale", error ? "field--invalid" : ""].join(" ").trim()} aria-describedby={describedBy(id, hint, error)} aria-required="true">
      <legend className="field-label" dir="auto">
        {pick(item.textAr, item.textEn)}
      </legend>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="survey-scale-row">
        <span className="survey-scale-end" aria-hidden="true">
          {t("training.assessment.scale_low", { n: n(SCALE_MIN) })}
        </span>
        <ul className="survey-scale-options" role="list">
          {SCALE.map((v) => (
            <li key={v} className="survey-scale-option">
              <input id={`${id}-${v}`} type="radio" name={id} value={v} checked={value === v} onChange={() => onChange(v)} aria-label={t("training.assessment.scale_value", { value: n(v), max: n(SCALE_MAX) })} />
              <label htmlFor={`${id}-${v}`} aria-hidden="true">
                {n(v)}
              </label>
            </li>
          ))}
        </ul>
        <span className="survey-scale-end" aria-hidden="true">
          {t("training.assessment.scale_high", { n: n(SCALE_MAX) })}
        </span>
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}

/**
 * The satisfaction survey for an enrolled trainee (rendered by the programme page's progress panel):
 * 1–5 scales and free text, sent once; afterwards a thank-you. Before it opens (after the post-test,
 * or the last workshop's start) it says when it will. Renders nothing for others.
 */
export function SurveyForm({ programmeId, onSent }: { programmeId: string; onSent?: () => void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const survey = useApi<Survey>(testsApi.survey(programmeId));
  const [answers, setAnswers] = useState<Record<string, number | string>>({});
  const action = useAction();

  if (!survey.data) return survey.error ? <ErrorState error={survey.error} onRetry={survey.reload} /> : <Loading />;
  const data = survey.data;
  if (!data.enrolled) return null;

  if (data.response) {
    return (
      <section className="survey-done" aria-labelledby="survey-title">
        <h2 id="survey-title" className="section-title">
          {t("training.assessment.survey_title")}
        </h2>
        <p className="survey-thanks" role="status">
          {t("training.assessment.survey_thanks")} <span className="row-secondary-inline">{t("training.assessment.survey_sent_on")}: <DateTime value={data.response.submittedAt} /></span>
        </p>
      </section>
    );
  }

  if (data.opensAfter) {
    return (
      <section className="survey-done" aria-labelledby="survey-title">
        <h2 id="survey-title" className="section-title">
          {t("training.assessment.survey_title")}
        </h2>
        <p role="status">{t(`training.results.progress.survey_opens_${data.opensAfter}`)}</p>
      </section>
    );
  }

  async function send(e: FormEvent) {
    e.preventDefault();
    const result = await action.run(() => api.post<Survey["response"]>(testsApi.survey(programmeId), { answers }));
    if (result.ok && result.value) {
      survey.setData({ ...data, response: result.value, canRespond: false });
      onSent?.();
    } else if (!result.ok && (result.error.code === "TRAINING_SURVEY_DONE" || result.error.code === "TRAINING_SURVEY_NOT_OPEN")) survey.reload();
  }

  return (
    <form className="card survey-form" noValidate onSubmit={(e) => void send(e)} aria-labelledby="survey-title">
      <h2 id="survey-title" className="section-title">
        {t("training.assessment.survey_title")}
      </h2>
      <p className="section-intro">{t("training.assessment.survey_intro")}</p>
      <FormErrors error={action.error} shownFields={data.items.map((item) => `answers.${item.id}`)} />
      {data.items.map((item) => {
        const field = `answers.${item.id}`;
        if (item.kind === "scale") {
          return <ScaleField key={item.id} item={item} value={answers[item.id] as number | undefined} onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))} error={action.fieldError(field)} />;
        }
        const text = String(answers[item.id] ?? "");
        return (
          <TextAreaField
            key={item.id}
            id={`survey-${item.id}`}
            label={<span dir="auto">{pick(item.textAr, item.textEn)}</span>}
            value={text}
            onChange={(v) => setAnswers((a) => ({ ...a, [item.id]: v }))}
            maxLength={TEXT_MAX}
            rows={4}
            dir="auto"
            hint={`${t("training.assessment.text_hint", { n: n(TEXT_MAX) })} ${t("training.assessment.chars_left", { count: TEXT_MAX - text.length, n: n(TEXT_MAX - text.length) })}`}
            error={action.fieldError(field)}
          />
        );
      })}
      <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
        {action.pending ? t("common.working") : t("training.assessment.send_survey")}
      </button>
    </form>
  );
}
