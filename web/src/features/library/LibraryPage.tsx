import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { LIBRARY_CATEGORIES, LIBRARY_KINDS } from "../../../../common/library.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { EmptyState, ErrorState, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { useAllOrganisations } from "../directory/useDirectoryData.js";
import { useListQuery } from "../../components/useListQuery.js";
import { useSeasons } from "../events/useEventsData.js";
import { OnlyInBadge, OrganisationWithCountry, ScopeBadge, TagLinks, useLocalText } from "./LibraryBits.js";
import type { EntryList, EntrySummary } from "./types.js";
import "./library.css";

export const PAGE_SIZE = 12;
const SORTS = ["recent", "useful"] as const;

/** Seasons are for signed-in users only (GET /api/seasons), so the filter is its own component. */
function SeasonFilter({ value, onChange }: { value: string; onChange(value: string): void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const seasons = useSeasons();
  return (
    <SelectField
      id="library-season"
      label={t("library.season_label")}
      value={value}
      onChange={onChange}
      placeholder={t("library.all_seasons")}
      options={seasons.items.map((s) => ({ value: s.code, label: localName(s) }))}
    />
  );
}

/** The search box of the library: it opens the one search, limited to the library. */
function LibrarySearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState("");
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (q.trim()) navigate(`/search?type=library&q=${encodeURIComponent(q.trim())}`);
  }
  return (
    <form role="search" className="library-search" onSubmit={onSubmit} aria-label={t("library.search_label")}>
      <label htmlFor="library-q" className="field-label">
        {t("library.search_label")}
      </label>
      <div className="library-search-row">
        <div className="search-input">
          <svg className="search-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
            <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <input
            id="library-q"
            type="search"
            className="input"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t("library.search_placeholder")}
            autoComplete="off"
            enterKeyHint="search"
            dir="auto"
          />
        </div>
        <button type="submit" className="button button--primary">
          {t("library.search_button")}
        </button>
      </div>
    </form>
  );
}

/** One entry as a card: title (with its language), excerpt, category, tags, organisation, scope, counts, date. */
export function EntryCard({ entry }: { entry: EntrySummary }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localText = useLocalText();
  const title = localText(entry.titleAr, entry.titleEn);
  const titleText = title.text || entry.title;
  return (
    <li className="card library-card">
      <p className="card-eyebrow">
        {t(`library.kind.${entry.kind}`)}
        {t("common.list_separator")}
        {t(`library.category.${entry.category}`)}
      </p>
      {/* The title block takes its own language's direction, as the excerpt does. */}
      <h2 className="card-title library-card-title" lang={title.lang} dir="auto">
        <Link to={`/library/${encodeURIComponent(entry.id)}`}>
          {titleText}
        </Link>
      </h2>
      <div className="card-badges">
        {title.isOther && <OnlyInBadge lang={title.lang} />}
        <ScopeBadge scope={entry.scope} group={entry.group} />
      </div>
      {entry.excerpt && (
        <p className="library-excerpt" lang={title.lang} dir="auto">
          {entry.excerpt}
        </p>
      )}
      <TagLinks tags={entry.tags} />
      <p className="library-card-org">
        <OrganisationWithCountry organisation={entry.organisation} />
      </p>
      <p className="library-card-meta">
        <span>{t("library.useful_count", { count: entry.usefulCount, n: n(entry.usefulCount) })}</span>
        <span>{t("library.comment_count", { count: entry.commentCount, n: n(entry.commentCount) })}</span>
        <span>
          {t("library.updated")}: <DateTime value={entry.updatedAt} />
        </span>
      </p>
    </li>
  );
}

/** /library — the entries the user may read; the address holds the filters. */
export function LibraryPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const organisations = useAllOrganisations();
  const list = useListQuery();
  const kind = list.get("kind");
  const category = list.get("category");
  const organisation = list.get("organisation");
  const season = list.get("season");
  const tag = list.get("tag");
  const mine = list.get("mine") === "true";
  const sort = (SORTS as readonly string[]).includes(list.get("sort")) ? list.get("sort") : "recent";
  // Set by the entry page after a withdrawal.
  const notice = (location.state as { notice?: string } | null)?.notice === "withdrawn" ? t("library.entry.withdrawn") : null;
  usePageTitle(t("library.title"));

  const result = useApi<EntryList>("/api/library/entries", {
    kind: kind || undefined,
    category: category || undefined,
    organisation: organisation || undefined,
    season: season || undefined,
    tag: tag || undefined,
    mine: mine ? "true" : undefined,
    sort: sort === "recent" ? undefined : sort,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;

  if (result.error?.code === "UNAUTHENTICATED") {
    return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }

  return (
    <>
      <PageHeader
        title={t("library.title")}
        subtitle={t("library.intro")}
        actions={
          user ? (
            <Link to="/library/new" className="button button--primary">
              {t("library.new_entry")}
            </Link>
          ) : undefined
        }
      />
      <StatusMessage>{notice}</StatusMessage>
      <LibrarySearch />
      <form className="filters library-filters" aria-label={t("library.filters_label")} onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="library-kind"
          label={t("library.kind_label")}
          value={kind}
          onChange={(value) => list.update({ kind: value })}
          placeholder={t("library.all_kinds")}
          options={LIBRARY_KINDS.map((k) => ({ value: k, label: t(`library.kind.${k}`) }))}
        />
        <SelectField
          id="library-category"
          label={t("library.category_label")}
          value={category}
          onChange={(value) => list.update({ category: value })}
          placeholder={t("library.all_categories")}
          options={LIBRARY_CATEGORIES.map((c) => ({ value: c, label: t(`library.category.${c}`) }))}
        />
        <SelectField
          id="library-organisation"
          label={t("library.organisation_label")}
          value={organisation}
          onChange={(value) => list.update({ organisation: value })}
          placeholder={t("library.all_organisations")}
          options={[
            ...organisations.items.map((o) => ({ value: o.code, label: localName(o) })),
            // A code from a shared address may not be among those listed (yet): keep it choosable.
            ...(organisation && !organisations.items.some((o) => o.code === organisation) ? [{ value: organisation, label: organisation }] : []),
          ]}
        />
        {user && <SeasonFilter value={season} onChange={(value) => list.update({ season: value })} />}
        <SelectField
          id="library-sort"
          label={t("library.sort_label")}
          value={sort}
          onChange={(value) => list.update({ sort: value === "recent" ? null : value })}
          options={SORTS.map((s) => ({ value: s, label: t(`library.sort.${s}`) }))}
        />
        {user && <CheckboxField id="library-mine" label={t("library.mine")} checked={mine} onChange={(checked) => list.update({ mine: checked ? "true" : null })} />}
        {(tag || list.hasFilters) && (
          <div className="filters-clear library-active-filters">
            {tag && (
              <span className="tag tag--active">
                <span dir="auto">{t("library.tag_filter", { tag })}</span>
                <button type="button" className="tag-remove" aria-label={t("library.remove_tag_filter", { tag })} onClick={() => list.update({ tag: null })}>
                  <span aria-hidden="true">×</span>
                </button>
              </span>
            )}
            {list.hasFilters && (
              <button type="button" className="button button--link" onClick={list.clear}>
                {t("common.clear_filters")}
              </button>
            )}
          </div>
        )}
      </form>

      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("library.count", { count: data.total, n: n(data.total) })}</p>}
      </div>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{list.hasFilters ? t("library.no_entries") : t("library.no_entries_yet")}</EmptyState>}
      {data && data.items.length > 0 && (
        <ul className={result.loading ? "card-grid library-list is-stale" : "card-grid library-list"} aria-busy={result.loading || undefined} aria-label={t("library.title")}>
          {data.items.map((entry) => (
            <EntryCard key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}
    </>
  );
}

