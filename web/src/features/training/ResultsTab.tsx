import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/useApi.js";
import { ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatPercent } from "../../components/format.js";
import { ResultsAggregates, ResultsTotals } from "./ResultsAggregates.js";
import { ResultsTrainees, type ResultFilters } from "./ResultsTrainees.js";
import { resultsApi, type ResultsData } from "./ResultsTypes.js";
import { SurveySummary } from "./SurveySummary.js";
import type { ProgrammeTabProps } from "./types.js";
import "./ProgressPanel.css";

/**
 * The results tab (managers: all trainees; an organisation admin: his own): the programme's
 * figures, averages by organisation and by country (pre, post, paired gain, completion), the
 * trainees and what each is missing, CSV and Excel exports of the same selection, and (managers)
 * the satisfaction survey's summary.
 */
export function ResultsTab({ programme }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const percent = useFormatPercent();
  // Kept in the tab (the programme page's tabs stay mounted and share the address).
  const [filters, setFilters] = useState<ResultFilters>({});
  const [page, setPage] = useState(1);
  const result = useApi<ResultsData>(resultsApi.results(programme.id), { ...filters, page: page > 1 ? page : undefined });
  const data = result.data;
  const exportFilters = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== "sort" && k !== "order")) as Record<string, string>;

  return (
    <div className={result.loading && data ? "results-tab is-stale" : "results-tab"} aria-busy={result.loading || undefined}>
      <div className="results-head">
        <div>
          {data && (
            <p>
              {t("training.results.tab.rule", { attendance: percent(data.rule.minAttendancePct), post: percent(data.rule.minPostScorePct) })}
              {data.rule.requireSurvey && <>{t("common.list_separator")}{t("training.results.tab.rule_survey")}</>}
            </p>
          )}
          {data?.scope === "own" && <p className="row-secondary">{t("training.results.tab.scope_own")}</p>}
        </div>
        <div className="results-actions">
          <a href={resultsApi.export(programme.id, "csv", exportFilters)} className="button button--secondary" download>
            {t("training.results.tab.export_csv")}
          </a>
          <a href={resultsApi.export(programme.id, "xlsx", exportFilters)} className="button button--secondary" download>
            {t("training.results.tab.export_xlsx")}
          </a>
        </div>
      </div>
      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && !result.error && <Loading />}
      {data && (
        <>
          <ResultsTotals data={data} />
          <ResultsAggregates data={data} />
          <ResultsTrainees
            data={data}
            filters={filters}
            page={page}
            onFilter={(changes) => {
              setFilters((previous) => Object.fromEntries(Object.entries({ ...previous, ...changes }).filter(([, v]) => v)));
              setPage(1);
            }}
            onPage={setPage}
          />
          {programme.can.manage && (
            <section className="card" aria-label={t("training.results.tab.survey_title")}>
              <SurveySummary programmeId={programme.id} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
