import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ORGANISATION_KINDS } from "../../../../common/roles.js";
import type { Organisation, Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { SelectField } from "../../components/Field.js";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal, useOtherLanguage } from "../../components/format.js";
import { ListPage } from "../../components/ListPage.js";
import { DataTable } from "../../components/DataTable.js";
import { useListQuery } from "../../components/useListQuery.js";
import { DirectoryFilters, directoryFilterQuery } from "./DirectoryFilters.js";
import { useCountries } from "./useDirectoryData.js";

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
  const list = useListQuery();
  const q = list.get("q");
  const kind = list.get("kind");
  const result = useApi<Page<Organisation> & { abilities?: { create?: boolean } }>("/api/organisations", {
    q: q || undefined,
    kind: kind || undefined,
    ...directoryFilterQuery(list),
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  // A list-level ability, when the server sends one, is more precise than the menu flag.
  const canCreate = result.data?.abilities?.create ?? user?.can.createOrganisation;

  return (
    <ListPage
      title={t("directory.organisations_title")}
      subtitle={t("directory.organisations_intro")}
      actions={
        canCreate && (
          <Link to="/directory/organisations/new" className="button button--primary">
            {t("directory.new_organisation")}
          </Link>
        )
      }
      list={list}
      search={{ idPrefix: "org", label: t("directory.search_label"), placeholder: t("directory.search_placeholder") }}
      filters={
        <>
          <SelectField
            id="org-kind"
            label={t("fields.kind")}
            value={kind}
            onChange={(value) => list.update({ kind: value })}
            placeholder={t("directory.all_kinds")}
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`directory.kinds.${k}`) }))}
          />
          <DirectoryFilters idPrefix="org" list={list} />
        </>
      }
      result={result}
      count={(data) => t("directory.organisations_count", { count: data.total, n: formatNumber(data.total) })}
      empty={t("directory.no_organisations")}
    >
      {(items, isStale) => (
        <DataTable className="table table--cards" caption={t("directory.organisations_title")} columns={[t("fields.name"), t("fields.kind"), t("fields.country"), t("directory.city")]} isStale={isStale}>
          {items.map((org) => {
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
        </DataTable>
      )}
    </ListPage>
  );
}
