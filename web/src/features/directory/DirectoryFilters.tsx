import { useTranslation } from "react-i18next";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { useLocalName } from "../../components/format.js";
import type { ListQuery } from "../../components/useListQuery.js";
import { useCountries, useGroups } from "./useDirectoryData.js";

/** The query of the filters below, as the list's API takes it. */
export function directoryFilterQuery(list: ListQuery) {
  return {
    country: list.get("country") || undefined,
    group: list.get("group") || undefined,
    archived: list.get("archived") === "include" ? "include" : undefined,
  };
}

/** The filters the organisations and people lists share: country, group, and archived records too. */
export function DirectoryFilters({ idPrefix, list }: { idPrefix: string; list: ListQuery }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const countries = useCountries();
  const groups = useGroups();
  return (
    <>
      <SelectField
        id={`${idPrefix}-country`}
        label={t("fields.country")}
        value={list.get("country")}
        onChange={(value) => list.update({ country: value })}
        placeholder={t("directory.all_countries")}
        options={countries.items.map((c) => ({ value: c.code, label: localName(c) }))}
      />
      <SelectField
        id={`${idPrefix}-group`}
        label={t("fields.group")}
        value={list.get("group")}
        onChange={(value) => list.update({ group: value })}
        placeholder={t("directory.all_groups")}
        options={groups.items.map((g) => ({ value: g.code, label: localName(g) }))}
      />
      <CheckboxField
        id={`${idPrefix}-archived`}
        label={t("directory.include_archived")}
        checked={list.get("archived") === "include"}
        onChange={(checked) => list.update({ archived: checked ? "include" : null })}
      />
    </>
  );
}
