import { useMemo, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RECOMMENDATION_STATUSES } from "../../../../common/followup.js";
import { buildUrl } from "../../api/client.js";
import type { Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { DataTable } from "../../components/DataTable.js";
import { CivilDateText, DateTime } from "../../components/DateTime.js";
import { SelectField } from "../../components/Field.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useListQuery } from "../../components/useListQuery.js";
import { useAllOrganisations, useCountries } from "../directory/useDirectoryData.js";
import type { EventRecord } from "../events/types.js";
import { useSeasons } from "../events/useEventsData.js";
import { DueDate, ProgressBar, RecommendationLink, StatusBadge, useFormatPercent, useTitle } from "./FollowupBits.js";
import type { Accountability } from "./types.js";
import { useProgramme, useProgrammeOptions } from "./useFollowupData.js";
import { useSeasonName } from "./digits.js";

/** The filters of the view, its export and its print, in the order of the address. */
export const ACCOUNTABILITY_FILTERS = ["season", "programme", "event", "area", "organisation", "status", "from", "to"] as const;

/** The export's address for a format, carrying the same filters as the page. */
export function exportUrl(format: "csv" | "xlsx", filters: Record<string, string>): string {
  return buildUrl("/api/accountability/export", { format, ...filters });
}

/** A rate (0–1) as a bar with its percentage, or "—" when there is nothing to measure. */
function RateCell({ rate, label }: { rate: number | null; label: string }) {
  if (rate === null) return <span className="row-secondary-inline">—</span>;
  return <ProgressBar value={Math.round(rate * 100)} label={label} />;
}

/**
 * /accountability — who committed to what and how far it got: the implementation rate,
 * progress by area and by organisation, what is overdue, and the latest changes; with
 * CSV and XLSX exports of the same selection, and a print stylesheet for an A4 report.
 */
export function AccountabilityPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const percent = useFormatPercent();
  const localName = useLocalName();
  const seasonName = useSeasonName();
  const pick = usePickLocal();
  const title = useTitle();
  const list = useListQuery();
  const seasons = useSeasons();
  const countries = useCountries();
  const organisations = useAllOrganisations();
  const filters = useMemo(() => {
    const out: Record<string, string> = {};
    for (const key of ACCOUNTABILITY_FILTERS) {
      const v = list.params.get(key);
      if (v) out[key] = v;
    }
    return out;
  }, [list.params]);
  const programmes = useProgrammeOptions(filters.season, { archived: true });
  const programme = useProgramme(filters.programme ?? null);
  const meetings = useApi<Page<EventRecord>>("/api/events", { kind: "meeting", when: "all", season: filters.season || undefined, pageSize: 100 });
  const result = useApi<Accountability>("/api/accountability", filters);
  const data = result.data;
  usePageTitle(t("followup.accountability.title"));

  const chosenSeason = seasons.items.find((s) => s.code === filters.season);
  const chosenProgramme = programme.data ?? programmes.items.find((p) => p.id === filters.programme);
  const chosenArea = programme.data?.areas.find((a) => a.id === filters.area);
  const chosenMeeting = meetings.data?.items.find((e) => e.id === filters.event);
  const chosenOrganisation = organisations.items.find((o) => o.id === filters.organisation);

  // What the printed page says it covers (the filters, named).
  const summary: { label: string; value: ReactNode }[] = [];
  if (filters.season) summary.push({ label: t("followup.fields.season"), value: seasonName(chosenSeason, filters.season) });
  if (filters.programme) summary.push({ label: t("followup.fields.programme"), value: chosenProgramme ? title(chosenProgramme) : filters.programme });
  if (filters.area) summary.push({ label: t("followup.fields.area"), value: chosenArea ? title(chosenArea) : filters.area });
  if (filters.event) summary.push({ label: t("followup.accountability.meeting"), value: chosenMeeting ? pick(chosenMeeting.titleAr, chosenMeeting.titleEn) : filters.event });
  if (filters.organisation) summary.push({ label: t("followup.fields.responsible"), value: chosenOrganisation ? localName(chosenOrganisation) : filters.organisation });
  if (filters.status && (RECOMMENDATION_STATUSES as readonly string[]).includes(filters.status))
    summary.push({ label: t("followup.fields.status"), value: t(`followup.status.${filters.status as (typeof RECOMMENDATION_STATUSES)[number]}`) });
  if (filters.from) summary.push({ label: t("followup.accountability.due_from"), value: <CivilDateText value={filters.from} /> });
  if (filters.to) summary.push({ label: t("followup.accountability.due_to"), value: <CivilDateText value={filters.to} /> });

  const totals = data?.totals;
  const measured = totals ? totals.approved + totals.inProgress + totals.done : 0;
  const countryName = (code: string | null) => {
    if (!code) return "—";
    const c = countries.byCode.get(code);
    return c ? localName(c) : code;
  };

  return (
    <article className="accountability">
      <p className="print-only print-title">{t("followup.accountability.print_title")}</p>
      <PageHeader
        title={t("followup.accountability.title")}
        subtitle={t("followup.accountability.intro")}
        actions={
          <>
            <a href={exportUrl("csv", filters)} className="button button--secondary" download>
              {t("followup.accountability.export_csv")}
            </a>
            <a href={exportUrl("xlsx", filters)} className="button button--secondary" download>
              {t("followup.accountability.export_xlsx")}
            </a>
            <button type="button" className="button button--primary" onClick={() => window.print()}>
              {t("followup.accountability.print")}
            </button>
          </>
        }
      />

      <form role="search" className="filters no-print" aria-label={t("followup.accountability.filters")} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="acc-season"
          label={t("followup.fields.season")}
          value={filters.season ?? ""}
          onChange={(v) => list.update({ season: v, programme: null, area: null, event: null })}
          placeholder={t("followup.filters.all_seasons")}
          options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
        />
        <SelectField
          id="acc-programme"
          label={t("followup.fields.programme")}
          value={filters.programme ?? ""}
          onChange={(v) => list.update({ programme: v, area: null })}
          placeholder={t("followup.filters.all_programmes")}
          options={programmes.items.map((p) => ({ value: p.id, label: title(p) }))}
        />
        <SelectField
          id="acc-area"
          label={t("followup.fields.area")}
          value={filters.area ?? ""}
          onChange={(v) => list.update({ area: v })}
          disabled={!filters.programme}
          placeholder={filters.programme ? t("followup.filters.all_areas") : t("followup.filters.choose_programme_first")}
          options={(programme.data?.areas ?? []).map((a) => ({ value: a.id, label: title(a) }))}
        />
        <SelectField
          id="acc-event"
          label={t("followup.accountability.meeting")}
          value={filters.event ?? ""}
          onChange={(v) => list.update({ event: v })}
          placeholder={t("followup.filters.all_meetings")}
          options={(meetings.data?.items ?? []).map((e) => ({ value: e.id, label: `${pick(e.titleAr, e.titleEn)} (${seasonName(e.season)})` }))}
        />
        <SelectField
          id="acc-organisation"
          label={t("followup.fields.responsible")}
          value={filters.organisation ?? ""}
          onChange={(v) => list.update({ organisation: v })}
          placeholder={organisations.loading ? t("common.loading") : t("followup.filters.all_organisations")}
          options={organisations.items.map((o) => ({ value: o.id, label: localName(o) }))}
        />
        <SelectField
          id="acc-status"
          label={t("followup.fields.status")}
          value={filters.status ?? ""}
          onChange={(v) => list.update({ status: v })}
          placeholder={t("followup.filters.all_statuses")}
          options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`followup.status.${s}`) }))}
        />
        {list.hasFilters && (
          <div className="filters-clear">
            <button type="button" className="button button--link" onClick={list.clear}>
              {t("common.clear_filters")}
            </button>
          </div>
        )}
      </form>

      <section className="print-summary" aria-label={t("followup.accountability.selection")}>
        <p className="print-summary-line">
          <span className="print-summary-label">{t("followup.accountability.selection")}:</span>{" "}
          {summary.length === 0
            ? t("followup.accountability.selection_all")
            : summary.map((s, i) => (
                <span key={s.label}>
                  {i > 0 && t("common.list_separator")}
                  {s.label}: <strong>{s.value}</strong>
                </span>
              ))}
        </p>
        <p className="print-only print-date">
          {t("followup.accountability.printed_on")} <DateTime value={new Date()} mode="datetime" />
        </p>
      </section>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && totals && (
        <div className={result.loading ? "accountability-body is-stale" : "accountability-body"} aria-busy={result.loading || undefined}>
          <section className="card rate-card" aria-labelledby="acc-rate-title">
            <div className="rate-figure">
              <h2 id="acc-rate-title" className="rate-label">
                {t("followup.accountability.rate")}
              </h2>
              <p className="rate-value" data-testid="implementation-rate">
                {percent(totals.implementationRate, { fraction: true })}
              </p>
              <p className="rate-explain">
                {totals.implementationRate === null
                  ? t("followup.accountability.rate_none")
                  : t("followup.accountability.rate_explain", { done: n(totals.done), measured: n(measured), count: measured })}
              </p>
            </div>
            <dl className="stat-row totals">
              {(
                [
                  ["total", totals.total],
                  ["proposed", totals.proposed],
                  ["approved", totals.approved],
                  ["in_progress", totals.inProgress],
                  ["done", totals.done],
                  ["dropped", totals.dropped],
                  ["overdue", totals.overdue],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className={key === "overdue" && value > 0 ? "stat stat--late" : "stat"}>
                  <dt>{t(`followup.accountability.totals.${key}`)}</dt>
                  <dd>{n(value)}</dd>
                </div>
              ))}
            </dl>
          </section>

          {totals.total === 0 ? (
            <EmptyState>{t("followup.accountability.nothing")}</EmptyState>
          ) : (
            <>
              <section className="card" aria-labelledby="acc-area-title">
                <h2 id="acc-area-title" className="card-title">
                  {t("followup.accountability.by_area")}
                </h2>
                <DataTable
                  className="table acc-table"
                  columns={[
                    t("followup.fields.area"),
                    { label: t("followup.accountability.col_total"), numeric: true },
                    { label: t("followup.accountability.col_done"), numeric: true },
                    t("followup.accountability.col_rate"),
                    t("followup.accountability.col_progress"),
                  ]}
                >
                  {data.byArea.map((a) => {
                    const name = a.areaId ? pick(a.titleAr, a.titleEn) || a.code || "" : t("followup.accountability.no_area");
                    return (
                      <tr key={a.areaId ?? "none"}>
                        <th scope="row">
                          {a.areaId && filters.programme ? <Link to={`/recommendations?programme=${encodeURIComponent(filters.programme)}&area=${encodeURIComponent(a.areaId)}`}>{name}</Link> : name}
                          {a.code && (
                            <span className="row-secondary">
                              <bdi dir="ltr">{a.code}</bdi>
                            </span>
                          )}
                        </th>
                        <td className="num">{n(a.total)}</td>
                        <td className="num">{n(a.done)}</td>
                        <td className="bar-cell">
                          <RateCell rate={a.rate} label={t("followup.accountability.rate_of", { name })} />
                        </td>
                        <td className="bar-cell">
                          {a.averageProgress === null ? "—" : <ProgressBar value={Math.round(a.averageProgress)} label={t("followup.accountability.progress_of", { name })} />}
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              </section>

              <section className="card" aria-labelledby="acc-org-title">
                <h2 id="acc-org-title" className="card-title">
                  {t("followup.accountability.by_organisation")}
                </h2>
                <DataTable
                  className="table acc-table"
                  columns={[
                    t("followup.fields.responsible"),
                    t("followup.accountability.col_country"),
                    { label: t("followup.accountability.col_total"), numeric: true },
                    { label: t("followup.accountability.col_done"), numeric: true },
                    { label: t("followup.accountability.col_overdue"), numeric: true },
                    t("followup.accountability.col_rate"),
                    t("followup.accountability.col_progress"),
                  ]}
                >
                  {data.byOrganisation.map((o) => {
                    const name = localName(o);
                    return (
                      <tr key={o.organisationId}>
                        <th scope="row">
                          <Link to={{ search: new URLSearchParams({ ...filters, organisation: o.organisationId }).toString() }}>{name}</Link>
                        </th>
                        <td>{countryName(o.country)}</td>
                        <td className="num">{n(o.total)}</td>
                        <td className="num">{n(o.done)}</td>
                        <td className={o.overdue > 0 ? "num cell-late" : "num"}>{n(o.overdue)}</td>
                        <td className="bar-cell">
                          <RateCell rate={o.rate} label={t("followup.accountability.rate_of", { name })} />
                        </td>
                        <td className="bar-cell">
                          {o.averageProgress === null ? "—" : <ProgressBar value={Math.round(o.averageProgress)} label={t("followup.accountability.progress_of", { name })} />}
                        </td>
                      </tr>
                    );
                  })}
                </DataTable>
              </section>

              <section className="card" aria-labelledby="acc-overdue-title">
                <h2 id="acc-overdue-title" className="card-title">
                  {t("followup.accountability.overdue_title", { count: totals.overdue, n: n(totals.overdue) })}
                </h2>
                {data.overdue.length === 0 ? (
                  <EmptyState>{t("followup.accountability.overdue_none")}</EmptyState>
                ) : (
                  <DataTable
                    className="table acc-table"
                    columns={[
                      t("followup.fields.recommendation"),
                      t("followup.fields.responsibles"),
                      t("followup.fields.due_on"),
                      { label: t("followup.accountability.col_days_overdue"), numeric: true },
                      t("followup.fields.progress"),
                    ]}
                  >
                    {data.overdue.map((r) => (
                      <tr key={r.id}>
                        <th scope="row">
                          <RecommendationLink rec={r} />
                          <span className="row-secondary">
                            <StatusBadge status={r.status} />
                          </span>
                        </th>
                        <td>{r.responsibles.map((o) => localName(o)).join(t("common.list_separator")) || "—"}</td>
                        <td>
                          <DueDate value={r.dueOn} />
                        </td>
                        <td className="num cell-late">{n(r.daysOverdue)}</td>
                        <td className="bar-cell">
                          <ProgressBar value={r.progress} label={t("followup.fields.progress")} tone="late" />
                        </td>
                      </tr>
                    ))}
                  </DataTable>
                )}
              </section>

              <section className="card acc-timeline" aria-labelledby="acc-timeline-title">
                <h2 id="acc-timeline-title" className="card-title">
                  {t("followup.accountability.timeline")}
                </h2>
                {data.timeline.length === 0 ? (
                  <EmptyState>{t("followup.timeline.none")}</EmptyState>
                ) : (
                  <ol className="timeline timeline--compact">
                    {data.timeline.map((e) => (
                      <li key={e.id} className={`timeline-item timeline-item--${e.kind}`}>
                        <p className="timeline-head">
                          <span className="timeline-what">
                            {e.statusTo
                              ? e.statusFrom
                                ? t("followup.timeline.status_change", { from: t(`followup.status.${e.statusFrom}`), to: t(`followup.status.${e.statusTo}`) })
                                : t("followup.timeline.status_set", { to: t(`followup.status.${e.statusTo}`) })
                              : e.progressTo !== null && e.kind === "progress"
                                ? t("followup.timeline.progress_set", { to: percent(e.progressTo) })
                                : t(`followup.timeline.kind.${e.kind}`)}
                          </span>
                          <span className="row-secondary-inline">
                            <DateTime value={e.date} />
                          </span>
                        </p>
                        <p className="timeline-rec">
                          <RecommendationLink rec={{ id: e.recommendationId, reference: e.reference, textAr: e.textAr, textEn: e.textEn }} />
                        </p>
                        {e.organisation && <p className="card-meta">{localName(e.organisation)}</p>}
                      </li>
                    ))}
                  </ol>
                )}
              </section>
            </>
          )}
        </div>
      )}
    </article>
  );
}
