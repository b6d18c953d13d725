import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Page, Person } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "./ListFilters.js";
import { PAGE_SIZE } from "./OrganisationsPage.js";
import { useAllOrganisations, useCountries, useGroups } from "./useDirectoryData.js";
import { useDebouncedSearch, useListQuery } from "./useListQuery.js";

/** /directory/people — the people of the organisations the user may see. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const formatNumber = useFormatNumber();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const countries = useCountries();
  const groups = useGroups();
  const organisations = useAllOrganisations();
  const list = useListQuery();
  const q = list.get("q");
  const organisation = list.get("organisation");
  const country = list.get("country");
  const group = list.get("group");
  const includeArchived = list.get("archived") === "include";
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  usePageTitle(t("directory.people_title"));

  const result = useApi<Page<Person> & { totalCapped?: boolean; abilities?: { create?: boolean } }>("/api/people", {
    q: q || undefined,
    organisation: organisation || undefined,
    country: country || undefined,
    group: group || undefined,
    archived: includeArchived ? "include" : undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;
  // A list-level ability, when the server sends one, is more precise than the menu flag.
  const canCreate = data?.abilities?.create ?? user?.can.createPerson;

  return (
    <>
      <PageHeader
        title={t("directory.people_title")}
        subtitle={t("directory.people_intro")}
        actions={
          canCreate && (
            <Link to={organisation ? `/directory/people/new?organisation=${encodeURIComponent(organisation)}` : "/directory/people/new"} className="button button--primary">
              {t("directory.new_person")}
            </Link>
          )
        }
      />
      <ListFilters
        idPrefix="people"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("directory.people_search_label")}
        searchPlaceholder={t("directory.people_search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        <SelectField
          id="people-organisation"
          label={t("fields.organisation")}
          value={organisation}
          onChange={(value) => list.update({ organisation: value })}
          placeholder={t("directory.all_organisations")}
          options={organisations.items.map((o) => ({ value: o.code, label: localName(o) }))}
        />
        <SelectField
          id="people-country"
          label={t("fields.country")}
          value={country}
          onChange={(value) => list.update({ country: value })}
          placeholder={t("directory.all_countries")}
          options={countries.items.map((c) => ({ value: c.code, label: localName(c) }))}
        />
        <SelectField
          id="people-group"
          label={t("fields.group")}
          value={group}
          onChange={(value) => list.update({ group: value })}
          placeholder={t("directory.all_groups")}
          options={groups.items.map((g) => ({ value: g.code, label: localName(g) }))}
        />
        <CheckboxField
          id="people-archived"
          label={t("directory.include_archived")}
          checked={includeArchived}
          onChange={(checked) => list.update({ archived: checked ? "include" : null })}
        />
      </ListFilters>

      <div className="list-status" role="status" aria-live="polite">
        {data && (
          <p className="result-count">
            {data.totalCapped
              ? t("directory.people_count_capped", { n: formatNumber(data.total) })
              : t("directory.people_count", { count: data.total, n: formatNumber(data.total) })}
          </p>
        )}
      </div>

      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("directory.no_people")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className={result.loading ? "table-wrap is-stale" : "table-wrap"} aria-busy={result.loading || undefined}>
          <table className="table table--cards">
            <caption className="visually-hidden">{t("directory.people_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.position")}</th>
                <th scope="col">{t("fields.organisation")}</th>
                <th scope="col">{t("fields.email")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((person) => (
                <tr key={person.id}>
                  <th scope="row" data-label={t("fields.name")}>
                    <Link to={`/directory/people/${encodeURIComponent(person.id)}`} className="row-link">
                      {localName(person)}
                    </Link>
                    {person.archivedAt && (
                      <>
                        {" "}
                        <Badge tone="warning">{t("directory.archived")}</Badge>
                      </>
                    )}
                    <span className="row-secondary" lang={otherLang}>
                      {localName(person, "other")}
                    </span>
                  </th>
                  <td data-label={t("fields.position")}>
                    {t(`directory.positions.${person.position}`)}
                    {pick(person.titleAr, person.titleEn) && <span className="row-secondary">{pick(person.titleAr, person.titleEn)}</span>}
                  </td>
                  <td data-label={t("fields.organisation")}>
                    <Link to={`/directory/organisations/${encodeURIComponent(person.organisation.code)}`}>{localName(person.organisation)}</Link>
                  </td>
                  <td data-label={t("fields.email")}>
                    {person.email ? (
                      <a href={`mailto:${person.email}`} dir="ltr">
                        {person.email}
                      </a>
                    ) : (
                      "—"
                    )}
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
