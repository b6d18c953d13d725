import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { ProgressBar } from "../followup/FollowupBits.js";
import { useResultsFormat } from "./ResultsFormat.js";
import type { Aggregate, ResultsData } from "./ResultsTypes.js";

/** The programme's figures: trainees, who took which test, average pre, post and (paired) gain, completion. */
export function ResultsTotals({ data }: { data: ResultsData }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const { pct, points } = useResultsFormat();
  const totals = data.totals;
  const stats: Array<[string, ReactNode]> = [
    ["trainees", n(totals.trainees)],
    ["workshops_held", n(data.workshopsHeld)],
    ["with_pre", n(totals.withPre)],
    ["with_post", n(totals.withPost)],
    ["avg_pre", pct(totals.avgPre)],
    ["avg_post", pct(totals.avgPost)],
    ["avg_gain", points(totals.avgGain)],
  ];
  return (
    <section className="card results-totals" aria-labelledby="results-totals-title">
      <h2 id="results-totals-title" className="card-title">
        {t("training.results.tab.totals_title")}
      </h2>
      <dl className="results-stats">
        {stats.map(([key, value]) => (
          <div key={key} className={key === "avg_gain" ? "results-stat results-stat--gain" : "results-stat"}>
            <dt>{t(`training.results.tab.${key}` as "training.results.tab.trainees")}</dt>
            <dd data-testid={`total-${key}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="results-rate">
        <span className="results-rate-label">{t("training.results.tab.completion_rate")}</span>
        {totals.completionRate === null ? "—" : <ProgressBar value={Math.round(totals.completionRate * 100)} label={t("training.results.tab.completion_rate")} />}
        <span className="row-secondary-inline" data-testid="total-completed">
          {t("training.results.tab.completed_of", { completed: n(totals.completed), trainees: n(totals.trainees) })}
        </span>
      </div>
      <p className="row-secondary">
        {t("training.results.tab.avg_gain_note")} ({t("training.results.tab.paired")}: {n(totals.paired)})
      </p>
    </section>
  );
}

type Row = Aggregate & { key: string; name: ReactNode; extra?: ReactNode };

/** How many trainees an average is over, beside it. */
function Count({ n: count }: { n: number }) {
  const n = useFormatNumber();
  return count > 0 ? <span className="row-secondary-inline">({n(count)})</span> : null;
}

/** Averages by a grouping (organisation, country), one row per group; each average with how many it is over. */
function AggregateTable({ id, title, firstColumn, extraColumn, rows }: { id: string; title: string; firstColumn: string; extraColumn?: string; rows: Row[] }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const { pct, points, rate } = useResultsFormat();
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      <div className="table-wrap">
        <table className="table results-table">
          <thead>
            <tr>
              <th scope="col">{firstColumn}</th>
              {extraColumn && <th scope="col">{extraColumn}</th>}
              <th scope="col" className="num">
                {t("training.results.tab.trainees")}
              </th>
              <th scope="col" className="num">
                {t("training.results.tab.avg_pre")}
              </th>
              <th scope="col" className="num">
                {t("training.results.tab.avg_post")}
              </th>
              <th scope="col" className="num">
                {t("training.results.tab.avg_gain")}
              </th>
              <th scope="col" className="num">
                {t("training.results.tab.completed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.name}</th>
                {extraColumn && <td className="results-country">{r.extra}</td>}
                <td className="num">{n(r.trainees)}</td>
                <td className="num">
                  {pct(r.avgPre)} <Count n={r.withPre} />
                </td>
                <td className="num">
                  {pct(r.avgPost)} <Count n={r.withPost} />
                </td>
                <td className="num">
                  {points(r.avgGain)} <Count n={r.paired} />
                </td>
                <td className="num">
                  {n(r.completed)} <span className="row-secondary-inline">({rate(r.completionRate)})</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="row-secondary">{t("training.results.tab.count_note")}</p>
    </section>
  );
}

/** Results by organisation and by country, as the secretariat reports them. */
export function ResultsAggregates({ data }: { data: ResultsData }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const countryName = (code: string | null) => {
    if (!code) return t("training.results.tab.no_country");
    const c = data.byCountry.find((x) => x.country?.code === code)?.country;
    return c ? localName(c) : code;
  };
  return (
    <>
      <AggregateTable
        id="results-by-organisation"
        title={t("training.results.tab.by_organisation")}
        firstColumn={t("training.results.tab.col_organisation")}
        extraColumn={t("training.results.tab.col_country")}
        rows={data.byOrganisation.map((o) => ({ ...o, key: o.organisation.id, name: localName(o.organisation), extra: countryName(o.country) }))}
      />
      <AggregateTable
        id="results-by-country"
        title={t("training.results.tab.by_country")}
        firstColumn={t("training.results.tab.col_country")}
        rows={data.byCountry.map((c) => ({ ...c, key: c.country?.code ?? "none", name: c.country ? localName(c.country) : t("training.results.tab.no_country") }))}
      />
    </>
  );
}
