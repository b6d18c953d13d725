import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page, Person } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { SelectField } from "../../components/Field.js";
import { useLocalName } from "../../components/format.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";

/**
 * Choose a person from the directory: a search box narrows a select of matches.
 * The chosen person stays among the options while another search is shown.
 */
export function PersonPicker({
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
  /** Name of the chosen person, for when they are not among the current matches. */
  chosenLabel?: string;
  onChange(id: string, name: string): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [q, setQ] = useState("");
  const [text, setText] = useDebouncedSearch(q, setQ);
  const people = useApi<Page<Person>>("/api/people", { q: q || undefined, pageSize: 20 });
  const options = (people.data?.items ?? []).map((p) => ({ value: p.id, label: `${localName(p)} — ${localName(p.organisation)}` }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: chosenLabel ?? value });
  return (
    <div className="person-picker">
      <div className="field">
        <label htmlFor={`${id}-q`} className="field-label">
          {t("directory.people_search_label")}
        </label>
        <input id={`${id}-q`} type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} dir="auto" autoComplete="off" />
      </div>
      <SelectField
        id={id}
        label={label}
        value={value}
        onChange={(next) => onChange(next, options.find((o) => o.value === next)?.label ?? "")}
        options={options}
        placeholder={people.loading && !people.data ? t("common.loading") : t("common.choose")}
        error={error}
        required
      />
    </div>
  );
}
