import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Page, Person } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { SelectField } from "../../components/Field.js";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { ListPage } from "../../components/ListPage.js";
import { DataTable } from "../../components/DataTable.js";
import { useListQuery } from "../../components/useListQuery.js";
import { DirectoryFilters, directoryFilterQuery } from "./DirectoryFilters.js";
import { PAGE_SIZE } from "./OrganisationsPage.js";
import { useAllOrganisations } from "./useDirectoryData.js";

/** /directory/people — the people of the organisations the user may see. */
export function PeoplePage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const formatNumber = useFormatNumber();
  const localName = useLocalName();
  const otherLang = useOtherLanguage();
  const pick = usePickLocal();
  const organisations = useAllOrganisations();
  const list = useListQuery();
  const q = list.get("q");
  const organisation = list.get("organisation");
  const result = useApi<Page<Person> & { totalCapped?: boolean; abilities?: { create?: boolean } }>("/api/people", {
    q: q || undefined,
    organisation: organisation || undefined,
    ...directoryFilterQuery(list),
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  // A list-level ability, when the server sends one, is more precise than the menu flag.
  const canCreate = result.data?.abilities?.create ?? user?.can.createPerson;

  return (
    <ListPage
      title={t("directory.people_title")}
      subtitle={t("directory.people_intro")}
      actions={
        canCreate && (
          <Link to={organisation ? `/directory/people/new?organisation=${encodeURIComponent(organisation)}` : "/directory/people/new"} className="button button--primary">
            {t("directory.new_person")}
          </Link>
        )
      }
      list={list}
      search={{ idPrefix: "people", label: t("directory.people_search_label"), placeholder: t("directory.people_search_placeholder") }}
      filters={
        <>
          <SelectField
            id="people-organisation"
            label={t("fields.organisation")}
            value={organisation}
            onChange={(value) => list.update({ organisation: value })}
            placeholder={t("directory.all_organisations")}
            options={organisations.items.map((o) => ({ value: o.code, label: localName(o) }))}
          />
          <DirectoryFilters idPrefix="people" list={list} />
        </>
      }
      result={result}
      count={(data) =>
        data.totalCapped
          ? t("directory.people_count_capped", { n: formatNumber(data.total) })
          : t("directory.people_count", { count: data.total, n: formatNumber(data.total) })
      }
      empty={t("directory.no_people")}
    >
      {(items, isStale) => (
        <DataTable className="table table--cards" caption={t("directory.people_title")} columns={[t("fields.name"), t("fields.position"), t("fields.organisation"), t("fields.email")]} isStale={isStale}>
          {items.map((person) => (
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
        </DataTable>
      )}
    </ListPage>
  );
}
