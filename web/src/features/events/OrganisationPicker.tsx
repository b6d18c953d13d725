import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation, Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { SelectField } from "../../components/Field.js";
import { useLocalName } from "../../components/format.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";

/**
 * Choose an organisation from the directory: a search box narrows a select of matches
 * (as PersonPicker does for people). The chosen one stays among the options while
 * another search is shown; the empty option means "none".
 */
export function OrganisationPicker({
  id,
  label,
  value,
  chosenLabel,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  /** Name of the chosen organisation, for when it is not among the current matches. */
  chosenLabel?: string;
  onChange(id: string, name: string): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [q, setQ] = useState("");
  const [text, setText] = useDebouncedSearch(q, setQ);
  const organisations = useApi<Page<Organisation>>("/api/organisations", { q: q || undefined, pageSize: 20 });
  const options = (organisations.data?.items ?? []).map((o) => ({ value: o.id, label: localName(o) }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: chosenLabel ?? value });
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-q`} className="field-label">
          {t("events.decisions.search_organisation")}
        </label>
        <input id={`${id}-q`} type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} dir="auto" autoComplete="off" />
      </div>
      <SelectField
        id={id}
        label={label}
        value={value}
        onChange={(next) => onChange(next, options.find((o) => o.value === next)?.label ?? "")}
        options={options}
        placeholder={organisations.loading && !organisations.data ? t("common.loading") : t("events.decisions.no_responsible")}
        error={error}
      />
    </div>
  );
}
