import { useTranslation } from "react-i18next";
import type { AnswerKey, AnswerResponse } from "../../../../common/training.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, useFormatPercent, usePickLocal } from "../../components/format.js";
import { BothTexts } from "./AttemptQuestion.js";
import { displayDecimal, type Attempt, type AttemptQuestion } from "./TestTypes.js";

/** An answer or a correct answer in words: the chosen options' texts, or the number (± tolerance). */
function useAnswerText() {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const { digits } = useDisplaySettings();
  return (q: AttemptQuestion, value: AnswerResponse | AnswerKey | null | undefined): string => {
    if (!value) return t("training.assessment.no_answer");
    if ("value" in value) {
      if (value.value === "") return t("training.assessment.no_answer");
      const shown = displayDecimal(value.value, digits);
      return "tolerance" in value && value.tolerance !== "0" ? t("training.assessment.numeric_key", { value: shown, tolerance: displayDecimal(value.tolerance, digits) }) : shown;
    }
    if (value.optionIds.length === 0) return t("training.assessment.no_answer");
    return q.options
      .filter((o) => value.optionIds.includes(o.id))
      .map((o) => pick(o.textAr, o.textEn))
      .join(t("common.list_separator"));
  };
}

/**
 * A submitted attempt: the score and, per question, the answer given, whether it was right and the
 * points it earned; the post-test also shows the correct answers.
 */
export function AttemptResult({ attempt, both }: { attempt: Attempt; both: boolean }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const percent = useFormatPercent();
  const answerText = useAnswerText();
  const percentText = percent(attempt.percent ?? 0);
  const total = attempt.questions.length;
  return (
    <>
      <section className="attempt-result card" aria-labelledby="attempt-result-title">
        <h2 id="attempt-result-title" className="section-title">
          {t("training.assessment.result_title")}
        </h2>
        <p className="attempt-score">
          {t("training.assessment.result_score", { score: n(attempt.score ?? 0), count: attempt.maxScore, max: n(attempt.maxScore), percent: percentText })}
        </p>
        {attempt.submittedAt && (
          <p className="row-secondary">
            {t("training.assessment.submitted_on")}: <DateTime value={attempt.submittedAt} mode="datetime" />
          </p>
        )}
        {attempt.autoSubmitted && <p className="attempt-note">{t("training.assessment.result_auto")}</p>}
        {attempt.kind === "pre" && <p className="attempt-note">{t("training.assessment.keys_hidden")}</p>}
      </section>
      <ol className="attempt-questions attempt-questions--result" role="list">
        {attempt.questions.map((q) => (
          <li key={q.id} className={["attempt-question", q.correct ? "attempt-question--correct" : "attempt-question--wrong"].join(" ")}>
            <p className="attempt-question-legend">
              <span className="attempt-question-number">{t("training.assessment.question_of", { n: n(q.number), total: n(total) })}</span>
              <BothTexts ar={q.textAr} en={q.textEn} both={both} className="attempt-question-text" />
            </p>
            <p className="attempt-result-line">
              <Badge tone={q.correct ? "success" : "danger"}>
                <span aria-hidden="true" className="attempt-mark">
                  {q.correct ? "✓" : "✗"}
                </span>
                {q.correct ? t("training.assessment.result_correct") : t("training.assessment.result_incorrect")}
              </Badge>{" "}
              <span className="row-secondary-inline">
                {t("training.assessment.points_earned", { earned: n(q.pointsEarned ?? 0), points: n(q.points) })}
              </span>
            </p>
            <p>
              <span className="attempt-result-label">{attempt.mine ? t("training.assessment.your_answer") : t("training.assessment.trainee_answer")}:</span>{" "}
              <span dir="auto">{answerText(q, q.response)}</span>
            </p>
            {q.answerKey && (
              <p>
                <span className="attempt-result-label">{t("training.assessment.correct_answer")}:</span> <span dir="auto">{answerText(q, q.answerKey)}</span>
              </p>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
