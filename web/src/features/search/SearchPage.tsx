import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LIBRARY_CATEGORIES, SEARCH_TYPES, type SearchType } from "../../../../common/library.js";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { pickLocal, useFormatNumber } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { useListQuery } from "../../components/useListQuery.js";
import { useCountryName } from "../library/LibraryBits.js";
import { FACETS, type FacetName, type FacetValue, type Labelled, type SearchAnswer, type SearchHit } from "./types.js";
import "./search.css";

export const SEARCH_LIMIT = 20;

/** Where a result lives in the web app. */
export function resultPath(hit: Pick<SearchHit, "type" | "id">): string {
  const id = encodeURIComponent(hit.id);
  switch (hit.type) {
    case "library":
      return `/library/${id}`;
    case "event":
      return `/events/${id}`;
    case "organisation":
      // /directory/organisations/:code also takes an id (GET /api/organisations/:idOrCode).
      return `/directory/organisations/${id}`;
    case "person":
      return `/directory/people/${id}`;
    case "recommendation":
      // The follow-up pages' address (as the API's /api/recommendations/:id).
      return `/recommendations/${id}`;
  }
}

const TYPE_TONES: Record<SearchType, "info" | "success" | "warning" | "neutral"> = { library: "success", event: "info", organisation: "neutral", person: "warning", recommendation: "neutral" };

/** The text of a label the server sent: a string, a bilingual record, or { ar, en }. */
function useLabelText() {
  const { i18n } = useTranslation();
  return (label: Labelled): string => {
    if (!label) return "";
    if (typeof label === "string") return label;
    if ("nameAr" in label || "nameEn" in label || "name" in label) {
      const named = label as { nameAr?: string | null; nameEn?: string | null; name?: string | null };
      return pickLocal(named.nameAr, named.nameEn, i18n.language) || named.name || "";
    }
    const pair = label as { ar?: string | null; en?: string | null };
    return pickLocal(pair.ar, pair.en, i18n.language);
  };
}

/** A facet value's label in the interface language. */
function useFacetLabel() {
  const { t } = useTranslation();
  const labelText = useLabelText();
  const countryName = useCountryName();
  return (facet: FacetName, option: Pick<FacetValue, "value" | "label">): string => {
    const { value } = option;
    if (facet === "type" && (SEARCH_TYPES as readonly string[]).includes(value)) return t(`search.type.${value as SearchType}`);
    if (facet === "category" && (LIBRARY_CATEGORIES as readonly string[]).includes(value)) return t(`library.category.${value as (typeof LIBRARY_CATEGORIES)[number]}`);
    if (facet === "language" && (value === "ar" || value === "en")) return t(`common.languages.${value}`);
    const given = labelText(option.label);
    if (given) return given;
    if (facet === "country") return countryName(value);
    return value;
  };
}

function Result({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation();
  const labelText = useLabelText();
  const countryName = useCountryName();
  const organisation = labelText(hit.organisation);
  const country = typeof hit.country === "string" ? countryName(hit.country) : labelText(hit.country);
  const season = labelText(hit.season);
  const meta = [organisation, country && country !== organisation ? country : "", season].filter(Boolean);
  return (
    <li className="search-result">
      <p className="search-result-badges">
        <Badge tone={TYPE_TONES[hit.type] ?? "neutral"}>{t(`search.type.${hit.type}`)}</Badge>
        {hit.category && (LIBRARY_CATEGORIES as readonly string[]).includes(hit.category) && (
          <Badge>{t(`library.category.${hit.category as (typeof LIBRARY_CATEGORIES)[number]}`)}</Badge>
        )}
      </p>
      {/* The title block takes its own language's direction, as the snippet does. */}
      <h2 className="search-result-title" lang={hit.language ?? undefined} dir="auto">
        <Link to={resultPath(hit)}>
          {hit.title}
        </Link>
      </h2>
      {hit.snippet && (
        <p className="search-snippet">
          {/* The server escapes the text and adds only <mark> around the matching words. */}
          <span dir="auto" lang={hit.language ?? undefined} dangerouslySetInnerHTML={{ __html: hit.snippet }} />
        </p>
      )}
      {(meta.length > 0 || hit.updatedAt) && (
        <p className="search-result-meta">
          {meta.map((part, i) => (
            <span key={i}>{part}</span>
          ))}
          {hit.updatedAt && (
            <span>
              {t("search.updated")}: <DateTime value={hit.updatedAt} />
            </span>
          )}
        </p>
      )}
    </li>
  );
}

/** The facets, each a list of values with their counts that switch a filter on or off. */
function Facets({ facets, selected, onToggle }: { facets: SearchAnswer["facets"]; selected: Record<FacetName, string>; onToggle(facet: FacetName, value: string): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const facetLabel = useFacetLabel();
  return (
    <>
      {FACETS.map((facet) => {
        const values = [...(facets[facet] ?? [])];
        // A filter in the address stays visible (and removable) even when it finds nothing.
        if (selected[facet] && !values.some((v) => v.value === selected[facet])) values.unshift({ value: selected[facet], count: 0 });
        if (values.length === 0) return null;
        const headingId = `facet-${facet}`;
        return (
          <section key={facet} className="facet" aria-labelledby={headingId}>
            <h3 id={headingId} className="facet-title">
              {t(`search.facet.${facet}`)}
            </h3>
            <ul className="facet-list">
              {values.map((option) => {
                const label = facetLabel(facet, option);
                const isOn = selected[facet] === option.value;
                return (
                  <li key={option.value}>
                    <button
                      type="button"
                      className="facet-option"
                      aria-pressed={isOn}
                      aria-label={t("search.facet_option", { label, n: n(option.count) })}
                      onClick={() => onToggle(facet, option.value)}
                    >
                      <span className="facet-check" aria-hidden="true" />
                      <span className="facet-label" dir="auto">
                        {label}
                      </span>
                      <span className="facet-count" aria-hidden="true">
                        {n(option.count)}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

/** /search — one search over the library, events, organisations and people; filters and page in the address. */
export function SearchPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const list = useListQuery();
  const q = list.get("q").trim();
  const selected = Object.fromEntries(FACETS.map((f) => [f, list.get(f)])) as Record<FacetName, string>;
  const hasFilters = FACETS.some((f) => selected[f]);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  usePageTitle(q ? `${t("search.title")}: ${q}` : t("search.title"));

  const result = useApi<SearchAnswer>(q ? "/api/search" : null, {
    q,
    ...Object.fromEntries(FACETS.map((f) => [f, selected[f] || undefined])),
    limit: SEARCH_LIMIT,
    offset: (list.page - 1) * SEARCH_LIMIT || undefined,
  });
  const data = q ? result.data : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    list.update({ q: text.trim() || null });
  }

  // Without results nor filters there is nothing to refine: the results take the whole width.
  const showFacets = hasFilters || (!!data && FACETS.some((f) => (data.facets?.[f]?.length ?? 0) > 0));
  const toggle = (facet: FacetName, value: string) => list.update({ [facet]: selected[facet] === value ? null : value });
  const clearFilters = () => list.update(Object.fromEntries(FACETS.map((f) => [f, null])));

  return (
    <>
      <PageHeader title={t("search.title")} subtitle={t("search.intro")} />
      <form role="search" className="search-form" onSubmit={onSubmit} aria-label={t("search.title")}>
        <label htmlFor="search-q" className="field-label">
          {t("search.label")}
        </label>
        <div className="search-form-row">
          <div className="search-input">
            <svg className="search-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
              <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
            <input
              id="search-q"
              type="search"
              className="input"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder={t("search.placeholder")}
              autoComplete="off"
              enterKeyHint="search"
              dir="auto"
            />
          </div>
          <button type="submit" className="button button--primary">
            {t("search.submit")}
          </button>
        </div>
      </form>

      {!q && <EmptyState>{t("search.prompt")}</EmptyState>}
      {q && (
        <div className={showFacets ? "search-layout" : "search-layout search-layout--single"}>
          {showFacets && (
            <aside className="search-facets" aria-labelledby="search-facets-title">
              <div className="search-facets-head">
                <h2 id="search-facets-title" className="section-title">
                  {t("search.filters")}
                </h2>
                {hasFilters && (
                  <button type="button" className="button button--link" onClick={clearFilters}>
                    {t("common.clear_filters")}
                  </button>
                )}
              </div>
              {data && <Facets facets={data.facets ?? {}} selected={selected} onToggle={toggle} />}
            </aside>
          )}
          <section className="search-main" aria-labelledby="search-results-title">
            <h2 id="search-results-title" className="visually-hidden">
              {t("search.results")}
            </h2>
            <div className="list-status" role="status" aria-live="polite">
              {data && (
                <p className="result-count">
                  {t("search.count", { count: data.total, n: n(data.total) })} <span dir="auto">{t("search.count_for", { q })}</span>
                </p>
              )}
            </div>
            {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
            {!data && result.loading && <Loading />}
            {data && data.items.length === 0 && <EmptyState>{hasFilters ? t("search.empty_filtered") : t("search.empty", { q })}</EmptyState>}
            {data && data.items.length > 0 && (
              <ol className={result.loading ? "search-results is-stale" : "search-results"} aria-busy={result.loading || undefined}>
                {data.items.map((hit) => (
                  <Result key={`${hit.type}:${hit.id}`} hit={hit} />
                ))}
              </ol>
            )}
            {data && <Pagination page={list.page} pageSize={SEARCH_LIMIT} total={data.total} onChange={list.setPage} />}
          </section>
        </div>
      )}
    </>
  );
}
