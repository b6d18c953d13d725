import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { RECOMMENDATION_STATUSES } from "../../../../common/followup.js";
import { useApi } from "../../api/useApi.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "../../components/ListFilters.js";
import { useDebouncedSearch, useListQuery } from "../../components/useListQuery.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "./digits.js";
import { DueDate, OrgNames, OverdueMark, ProgressBar, RecommendationLink, StatusBadge, useTitle } from "./FollowupBits.js";
import type { RecommendationList } from "./types.js";
import { useProgramme, useProgrammeOptions } from "./useFollowupData.js";

export const PAGE_SIZE = 20;

/**
 * /recommendations — what the user may read, filtered in the address (season, programme,
 * area, status, overdue, mine, words): status, progress, due date and who is responsible.
 */
export function RecommendationsPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const seasonName = useSeasonName();
  const title = useTitle();
  const seasons = useSeasons();
  const list = useListQuery();
  const q = list.get("q");
  const season = list.get("season");
  const programme = list.get("programme");
  const area = list.get("area");
  const status = list.get("status");
  const overdue = list.get("overdue") === "true";
  const mine = list.get("mine") === "true";
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  const programmes = useProgrammeOptions(season, { archived: true });
  const chosenProgramme = useProgramme(programme || null);
  usePageTitle(t("followup.recommendations.title"));

  const result = useApi<RecommendationList>("/api/recommendations", {
    q: q || undefined,
    season: season || undefined,
    programme: programme || undefined,
    area: area || undefined,
    status: status || undefined,
    overdue: overdue || undefined,
    mine: mine || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;

  return (
    <>
      <PageHeader
        title={t("followup.recommendations.title")}
        subtitle={t("followup.recommendations.intro")}
        actions={
          <>
            <Link to="/actions" className="button button--secondary">
              {t("followup.actions.my_actions")}
            </Link>
            {data?.abilities.create && (
              <Link to="/recommendations/new" className="button button--primary">
                {t("followup.recommendations.new")}
              </Link>
            )}
          </>
        }
      />
      <ListFilters
        idPrefix="recommendations"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("followup.recommendations.search_label")}
        searchPlaceholder={t("followup.recommendations.search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        <SelectField
          id="recommendations-season"
          label={t("followup.fields.season")}
          value={season}
          onChange={(value) => list.update({ season: value, programme: null, area: null })}
          placeholder={t("followup.filters.all_seasons")}
          options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
        />
        <SelectField
          id="recommendations-programme"
          label={t("followup.fields.programme")}
          value={programme}
          onChange={(value) => list.update({ programme: value, area: null })}
          placeholder={t("followup.filters.all_programmes")}
          options={programmes.items.map((p) => ({ value: p.id, label: title(p) }))}
        />
        <SelectField
          id="recommendations-area"
          label={t("followup.fields.area")}
          value={area}
          onChange={(value) => list.update({ area: value })}
          placeholder={programme ? t("followup.filters.all_areas") : t("followup.filters.choose_programme_first")}
          disabled={!programme}
          options={(chosenProgramme.data?.areas ?? []).map((a) => ({ value: a.id, label: title(a) }))}
        />
        <SelectField
          id="recommendations-status"
          label={t("followup.fields.status")}
          value={status}
          onChange={(value) => list.update({ status: value })}
          placeholder={t("followup.filters.all_statuses")}
          options={RECOMMENDATION_STATUSES.map((s) => ({ value: s, label: t(`followup.status.${s}`) }))}
        />
        <div className="filters-checks">
          <CheckboxField id="recommendations-overdue" label={t("followup.filters.overdue_only")} checked={overdue} onChange={(v) => list.update({ overdue: v ? "true" : null })} />
          <CheckboxField id="recommendations-mine" label={t("followup.filters.mine")} checked={mine} onChange={(v) => list.update({ mine: v ? "true" : null })} />
        </div>
      </ListFilters>

      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("followup.recommendations.count", { count: data.total, n: n(data.total) })}</p>}
      </div>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{list.hasFilters ? t("followup.recommendations.none_filtered") : t("followup.recommendations.none")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className={result.loading ? "table-wrap is-stale" : "table-wrap"} aria-busy={result.loading || undefined}>
          <table className="table table--cards rec-table">
            <caption className="visually-hidden">{t("followup.recommendations.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followup.fields.recommendation")}</th>
                <th scope="col">{t("followup.fields.status")}</th>
                <th scope="col">{t("followup.fields.progress")}</th>
                <th scope="col">{t("followup.fields.due_on")}</th>
                <th scope="col">{t("followup.fields.responsibles")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((rec) => (
                <tr key={rec.id} className={rec.overdue ? "row--overdue" : undefined}>
                  <th scope="row" data-label={t("followup.fields.recommendation")}>
                    <RecommendationLink rec={rec} />
                    {(rec.programme || rec.area) && (
                      <span className="row-secondary">{[title(rec.programme), title(rec.area)].filter(Boolean).join(t("common.list_separator"))}</span>
                    )}
                  </th>
                  <td data-label={t("followup.fields.status")}>
                    <span className="badge-stack">
                      <StatusBadge status={rec.status} />
                      <OverdueMark overdue={rec.overdue} days={rec.daysOverdue} />
                    </span>
                  </td>
                  <td data-label={t("followup.fields.progress")}>
                    <ProgressBar value={rec.progress} label={t("followup.fields.progress")} tone={rec.status === "done" ? "done" : rec.overdue ? "late" : undefined} />
                  </td>
                  <td data-label={t("followup.fields.due_on")}>
                    <DueDate value={rec.dueOn} />
                  </td>
                  <td data-label={t("followup.fields.responsibles")}>
                    <OrgNames orgs={rec.responsibles} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}
    </>
  );
}
