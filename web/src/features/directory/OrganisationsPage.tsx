import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORGANISATION_KINDS } from "../../../../common/roles.js";
import type { Organisation, Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "./ListFilters.js";
import { useCountries, useGroups } from "./useDirectoryData.js";
import { useDebouncedSearch, useListQuery } from "./useListQuery.js";

export const PAGE_SIZE = 20;

/** /directory/organisations — search and filter the directory; the address holds the query. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const formatNumber = useFormatNumber();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const countries = useCountries();
  const groups = useGroups();
  const list = useListQuery();
  const q = list.get("q");
  const kind = list.get("kind");
  const country = list.get("country");
  const group = list.get("group");
  const includeArchived = list.get("archived") === "include";
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  usePageTitle(t("directory.organisations_title"));

  const result = useApi<Page<Organisation> & { abilities?: { create?: boolean } }>("/api/organisations", {
    q: q || undefined,
    kind: kind || undefined,
    country: country || undefined,
    group: group || undefined,
    archived: includeArchived ? "include" : undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;
  // A list-level ability, when the server sends one, is more precise than the menu flag.
  const canCreate = data?.abilities?.create ?? user?.can.createOrganisation;

  return (
    <>
      <PageHeader
        title={t("directory.organisations_title")}
        subtitle={t("directory.organisations_intro")}
        actions={
          canCreate && (
            <Link to="/directory/organisations/new" className="button button--primary">
              {t("directory.new_organisation")}
            </Link>
          )
        }
      />
      <ListFilters
        idPrefix="org"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("directory.search_label")}
        searchPlaceholder={t("directory.search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        <SelectField
          id="org-kind"
          label={t("fields.kind")}
          value={kind}
          onChange={(value) => list.update({ kind: value })}
          placeholder={t("directory.all_kinds")}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))}
        />
        <SelectField
          id="org-country"
          label={t("fields.country")}
          value={country}
          onChange={(value) => list.update({ country: value })}
          placeholder={t("directory.all_countries")}
          options={countries.items.map((c) => ({ value: c.code, label: localName(c) }))}
        />
        <SelectField
          id="org-group"
          label={t("fields.group")}
          value={group}
          onChange={(value) => list.update({ group: value })}
          placeholder={t("directory.all_groups")}
          options={groups.items.map((g) => ({ value: g.code, label: localName(g) }))}
        />
        <CheckboxField
          id="org-archived"
          label={t("directory.include_archived")}
          checked={includeArchived}
          onChange={(checked) => list.update({ archived: checked ? "include" : null })}
        />
      </ListFilters>

      <div className="list-status" role="status" aria-live="polite">
        {data && (
          <p className="result-count">
            {t("directory.organisations_count", { count: data.total, n: formatNumber(data.total) })}
          </p>
        )}
      </div>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("directory.no_organisations")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className={result.loading ? "table-wrap is-stale" : "table-wrap"} aria-busy={result.loading || undefined}>
          <table className="table table--cards">
            <caption className="visually-hidden">{t("directory.organisations_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.kind")}</th>
                <th scope="col">{t("fields.country")}</th>
                <th scope="col">{t("directory.city")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((org) => {
                const c = org.country ? countries.byCode.get(org.country) : undefined;
                return (
                  <tr key={org.id}>
                    <th scope="row" data-label={t("fields.name")}>
                      <Link to={`/directory/organisations/${encodeURIComponent(org.code)}`} className="row-link">
                        {localName(org)}
                      </Link>
                      {org.archivedAt && (
                        <>
                          {" "}
                          <Badge tone="warning">{t("directory.archived")}</Badge>
                        </>
                      )}
                      <span className="row-secondary" lang={otherLang}>
                        {localName(org, "other")}
                      </span>
                    </th>
                    <td data-label={t("fields.kind")}>{t(`directory.kinds.${org.kind}`)}</td>
                    <td data-label={t("fields.country")}>{pick(org.countryNameAr, org.countryNameEn) || (c ? localName(c) : org.country) || "—"}</td>
                    <td data-label={t("directory.city")}>{pick(org.cityAr, org.cityEn) || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}
    </>
  );
}
