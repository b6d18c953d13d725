import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EVENT_KINDS } from "../../../../common/events.js";
import type { Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { SelectField } from "../../components/Field.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "../../components/ListFilters.js";
import { useDebouncedSearch, useListQuery } from "../../components/useListQuery.js";
import { EventBadges, RegistrationState, useVenue } from "./EventBits.js";
import type { EventRecord } from "./types.js";
import { useSeasons } from "./useEventsData.js";
import "./events.css";

export const PAGE_SIZE = 20;
const WHENS = ["upcoming", "past", "all"] as const;
type When = (typeof WHENS)[number];

/** /events — the meetings and workshops the user may read; the address holds the filters. */
export function EventsPage() {
  const { t } = useTranslation();
  const formatNumber = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const venue = useVenue();
  const seasons = useSeasons();
  const list = useListQuery();
  const q = list.get("q");
  const season = list.get("season");
  const kind = list.get("kind");
  const when: When = (WHENS as readonly string[]).includes(list.get("when")) ? (list.get("when") as When) : "upcoming";
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  usePageTitle(t("events.title"));

  const result = useApi<Page<EventRecord> & { abilities?: { create?: boolean } }>("/api/events", {
    q: q || undefined,
    season: season || undefined,
    kind: kind || undefined,
    when,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;

  const tabSearch = (w: When) => {
    const next = new URLSearchParams(list.params);
    next.delete("page");
    if (w === "upcoming") next.delete("when");
    else next.set("when", w);
    const s = next.toString();
    return s ? `?${s}` : "";
  };

  return (
    <>
      <PageHeader
        title={t("events.title")}
        subtitle={t("events.intro")}
        actions={
          <>
            <Link to="/seasons" className="button button--secondary">
              {t("nav.seasons")}
            </Link>
            {data?.abilities?.create && (
              <Link to="/events/new" className="button button--primary">
                {t("events.new_event")}
              </Link>
            )}
          </>
        }
      />
      <nav aria-label={t("events.when_label")} className="subnav">
        <ul>
          {WHENS.map((w) => (
            <li key={w}>
              <Link to={{ search: tabSearch(w) }} className="subnav-link" aria-current={w === when ? "page" : undefined}>
                {t(`events.when.${w}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListFilters
        idPrefix="events"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("events.search_label")}
        searchPlaceholder={t("events.search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        <SelectField
          id="events-season"
          label={t("events.season")}
          value={season}
          onChange={(value) => list.update({ season: value })}
          placeholder={t("events.all_seasons")}
          options={seasons.items.map((s) => ({ value: s.code, label: localName(s) }))}
        />
        <SelectField
          id="events-kind"
          label={t("fields.kind")}
          value={kind}
          onChange={(value) => list.update({ kind: value })}
          placeholder={t("events.all_kinds")}
          options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
        />
      </ListFilters>

      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("events.count", { count: data.total, n: formatNumber(data.total) })}</p>}
      </div>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("events.no_events")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className={result.loading ? "table-wrap is-stale" : "table-wrap"} aria-busy={result.loading || undefined}>
          <table className="table table--cards">
            <caption className="visually-hidden">{t("events.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("events.date")}</th>
                <th scope="col">{t("events.venue")}</th>
                <th scope="col">{t("events.registration_title")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((event) => (
                <tr key={event.id}>
                  <th scope="row" data-label={t("fields.name")}>
                    <Link to={`/events/${encodeURIComponent(event.id)}`} className="row-link">
                      {pick(event.titleAr, event.titleEn)}
                    </Link>{" "}
                    <EventBadges event={event} />
                    <span className="row-secondary">{localName(event.host)}</span>
                  </th>
                  <td data-label={t("events.date")}>
                    <DateTime value={event.startsAt} timeZone={event.timeZone} />
                  </td>
                  <td data-label={t("events.venue")}>{venue(event)}</td>
                  <td data-label={t("events.registration_title")}>
                    <RegistrationState event={event} />
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
