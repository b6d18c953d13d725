import { useTranslation } from "react-i18next";
import { SCALE_MAX, SCALE_MIN } from "../../../../common/training.js";
import { useApi } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { formatNumber, useFormatNumber, usePickLocal } from "../../components/format.js";
import { testsApi, type SurveySummary as Summary } from "./TestTypes.js";
import "./SurveyForm.css";

/**
 * The satisfaction survey's results for the programme's managers: per scale item the average and
 * the spread of answers 1–5, and the free texts without names, newest first.
 */
export function SurveySummary({ programmeId }: { programmeId: string }) {
  const { t, i18n } = useTranslation();
  const n = useFormatNumber();
  const { digits } = useDisplaySettings();
  const pick = usePickLocal();
  const summary = useApi<Summary>(testsApi.surveySummary(programmeId));
  const one = (value: number) => new Intl.NumberFormat(`${i18n.language}-u-nu-${digits}`, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  const data = summary.data;
  return (
    <section className="survey-summary" aria-labelledby="survey-summary-title">
      <h2 id="survey-summary-title" className="section-title">
        {t("training.assessment.summary_title")}
      </h2>
      {!data ? (
        summary.error ? <ErrorState error={summary.error} onRetry={summary.reload} /> : <Loading />
      ) : data.responses === 0 ? (
        <EmptyState>{t("training.assessment.summary_none")}</EmptyState>
      ) : (
        <>
          <p>{t("training.assessment.summary_responses", { responses: n(data.responses), count: data.enrolled, n: n(data.enrolled) })}</p>
          <ul className="survey-summary-items" role="list">
            {data.items
              .filter((item) => item.kind === "scale")
              .map((item) => {
                const most = Math.max(1, ...item.distribution);
                return (
                  <li key={item.id} className="survey-summary-item card">
                    <h3 className="card-title" dir="auto">
                      {pick(item.textAr, item.textEn)}
                    </h3>
                    <p className="survey-summary-average">
                      {item.average === null ? "—" : t("training.assessment.summary_average", { value: one(item.average), max: n(SCALE_MAX) })}
                      {" · "}
                      {t("training.assessment.summary_count", { count: item.count, n: n(item.count) })}
                    </p>
                    <table className="survey-distribution">
                      <caption className="visually-hidden">{t("training.assessment.summary_distribution", { min: n(SCALE_MIN), max: n(SCALE_MAX) })}</caption>
                      <tbody>
                        {item.distribution.map((count, i) => (
                          <tr key={i}>
                            <th scope="row">{formatNumber(SCALE_MIN + i, i18n.language, digits)}</th>
                            <td>
                              <span className="survey-bar" style={{ inlineSize: `${(count / most) * 100}%` }} aria-hidden="true" />
                            </td>
                            <td className="survey-bar-count">{n(count)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </li>
                );
              })}
          </ul>
          <h3 className="section-subtitle">{t("training.assessment.summary_texts")}</h3>
          {data.texts.length === 0 ? (
            <p className="row-secondary">{t("training.assessment.summary_no_texts")}</p>
          ) : (
            <>
              <ul className="survey-texts">
                {data.texts.map((x, i) => (
                  <li key={i} dir="auto" className="preserve-lines">
                    {x.text}
                  </li>
                ))}
              </ul>
              {data.textsTotal > data.texts.length && <p className="row-secondary">{t("training.assessment.summary_more_texts", { shown: n(data.texts.length), count: data.textsTotal, n: n(data.textsTotal) })}</p>}
            </>
          )}
        </>
      )}
    </section>
  );
}
