import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/useApi.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "../../components/ListFilters.js";
import { useDebouncedSearch, useListQuery } from "../../components/useListQuery.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "./digits.js";
import { DueDate, OrgNames, useTitle } from "./FollowupBits.js";
import type { ProgrammeList } from "./types.js";

const PAGE_SIZE = 20;

/** /programmes — cooperation programmes by season: parties, period, and how much sits under each (archived ones on request). */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const seasonName = useSeasonName();
  const title = useTitle();
  const seasons = useSeasons();
  const list = useListQuery();
  const q = list.get("q");
  const season = list.get("season");
  const includeArchived = list.get("archived") === "include";
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  usePageTitle(t("followup.programmes.title"));
  const result = useApi<ProgrammeList>("/api/programmes", { q: q || undefined, season: season || undefined, archived: includeArchived ? "include" : undefined, page: list.page, pageSize: PAGE_SIZE });
  const data = result.data;

  return (
    <>
      <PageHeader
        title={t("followup.programmes.title")}
        subtitle={t("followup.programmes.intro")}
        actions={
          data?.abilities.create ? (
            <Link to="/programmes/new" className="button button--primary">
              {t("followup.programmes.new")}
            </Link>
          ) : undefined
        }
      />
      <ListFilters
        idPrefix="programmes"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("followup.programmes.search_label")}
        searchPlaceholder={t("followup.programmes.search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        <SelectField
          id="programmes-season"
          label={t("followup.fields.season")}
          value={season}
          onChange={(value) => list.update({ season: value })}
          placeholder={t("followup.filters.all_seasons")}
          options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
        />
        <CheckboxField
          id="programmes-archived"
          label={t("followup.programmes.include_archived")}
          checked={includeArchived}
          onChange={(checked) => list.update({ archived: checked ? "include" : null })}
        />
      </ListFilters>
      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("followup.programmes.count", { count: data.total, n: n(data.total) })}</p>}
      </div>
      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("followup.programmes.none")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className={result.loading ? "table-wrap is-stale" : "table-wrap"} aria-busy={result.loading || undefined}>
          <table className="table table--cards">
            <caption className="visually-hidden">{t("followup.programmes.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("followup.programmes.programme")}</th>
                <th scope="col">{t("followup.fields.season")}</th>
                <th scope="col">{t("followup.programmes.parties")}</th>
                <th scope="col">{t("followup.programmes.period")}</th>
                <th scope="col">{t("followup.programmes.contents")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" data-label={t("followup.programmes.programme")}>
                    <Link to={`/programmes/${encodeURIComponent(p.id)}`} className="row-link">
                      {title(p)}
                    </Link>
                    <span className="row-secondary">
                      <bdi dir="ltr">{p.code}</bdi>
                    </span>
                    {p.archivedAt && <Badge tone="warning">{t("followup.programmes.archived")}</Badge>}
                  </th>
                  <td data-label={t("followup.fields.season")}>{seasonName(p.season, p.season.code)}</td>
                  <td data-label={t("followup.programmes.parties")}>
                    <OrgNames orgs={p.parties.map((x) => x.organisation)} />
                  </td>
                  <td data-label={t("followup.programmes.period")}>
                    {p.startsOn || p.endsOn ? (
                      <span className="date-range">
                        {p.startsOn ? <DueDate value={p.startsOn} /> : "…"}
                        <span aria-hidden="true"> – </span>
                        <span className="visually-hidden">{t("followup.programmes.to")}</span>
                        {p.endsOn ? <DueDate value={p.endsOn} /> : "…"}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td data-label={t("followup.programmes.contents")}>
                    <span className="row-secondary-inline">
                      {[
                        t("followup.programmes.areas_count", { count: p.counts.areas, n: n(p.counts.areas) }),
                        t("followup.programmes.events_count", { count: p.counts.events, n: n(p.counts.events) }),
                        t("followup.programmes.recommendations_count", { count: p.counts.recommendations, n: n(p.counts.recommendations) }),
                      ].join(t("common.list_separator"))}
                    </span>
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
