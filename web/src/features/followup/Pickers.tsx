import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Organisation, Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { SelectField } from "../../components/Field.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";
import type { EventRecord } from "../events/types.js";
import { usePeopleOf } from "../events/useEventsData.js";
import { useSeasonName } from "./digits.js";

/** What the follow-up forms keep of a chosen organisation. */
export interface ChosenOrg {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  kind?: string;
  country?: string | null;
}

/**
 * Choose one organisation: a search box narrows a select of matches (as the events'
 * OrganisationPicker does), but the whole record is handed back, so its code can
 * fetch its people. `exclude` leaves out organisations already chosen elsewhere.
 */
export function OrgPicker({
  id,
  label,
  value,
  onChange,
  error,
  required,
  exclude = [],
  placeholder,
}: {
  id: string;
  label: string;
  value: ChosenOrg | null;
  onChange(org: ChosenOrg | null): void;
  error?: string;
  required?: boolean;
  exclude?: string[];
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [q, setQ] = useState("");
  const [text, setText] = useDebouncedSearch(q, setQ);
  const organisations = useApi<Page<Organisation>>("/api/organisations", { q: q || undefined, pageSize: 50 });
  const found: ChosenOrg[] = (organisations.data?.items ?? []).filter((o) => !exclude.includes(o.id) || o.id === value?.id);
  if (value && !found.some((o) => o.id === value.id)) found.unshift(value);
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-q`} className="field-label">
          {t("followup.pickers.search_organisation")}
        </label>
        <input id={`${id}-q`} type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} dir="auto" autoComplete="off" />
      </div>
      <SelectField
        id={id}
        label={label}
        value={value?.id ?? ""}
        onChange={(next) => {
          const org = found.find((o) => o.id === next) ?? null;
          onChange(org ? { id: org.id, code: org.code, nameAr: org.nameAr, nameEn: org.nameEn, kind: org.kind, country: org.country ?? null } : null);
        }}
        options={found.map((o) => ({ value: o.id, label: localName(o) }))}
        placeholder={organisations.loading && !organisations.data ? t("common.loading") : (placeholder ?? t("common.choose"))}
        error={error}
        required={required}
        aria-busy={organisations.loading || undefined}
      />
    </div>
  );
}

/** Several organisations (e.g. the responsible ones): the chosen ones as removable chips, and a picker to add one. */
export function OrgListPicker({
  id,
  legend,
  hint,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: ChosenOrg[];
  onChange(next: ChosenOrg[]): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [adding, setAdding] = useState<ChosenOrg | null>(null);
  return (
    <fieldset className={["form-section org-list-picker", error ? "field--invalid" : ""].join(" ").trim()} aria-describedby={error ? `${id}-error` : hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {value.length > 0 ? (
        <ul className="chosen-list">
          {value.map((o) => (
            <li key={o.id} className="chosen-item">
              <span>{localName(o)}</span>
              <button
                type="button"
                className="button button--link chosen-remove"
                aria-label={t("followup.pickers.remove_named", { name: localName(o) })}
                onClick={() => onChange(value.filter((x) => x.id !== o.id))}
              >
                {t("followup.pickers.remove")}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="card-meta">{t("followup.pickers.none_chosen")}</p>
      )}
      <div className="picker-add">
        <OrgPicker id={id} label={t("followup.pickers.organisation_to_add")} value={adding} onChange={setAdding} exclude={value.map((o) => o.id)} />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!adding}
          onClick={() => {
            if (adding && !value.some((o) => o.id === adding.id)) onChange([...value, adding]);
            setAdding(null);
          }}
        >
          {t("followup.pickers.add_organisation")}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{" "}
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** An optional person of one organisation (by its code). */
export function PersonOfOrgSelect({
  id,
  label,
  organisationCode,
  value,
  chosenLabel,
  onChange,
  error,
  placeholder,
}: {
  id: string;
  label: string;
  organisationCode: string | null;
  value: string;
  chosenLabel?: string;
  onChange(id: string, name: string): void;
  error?: string;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  const people = usePeopleOf(organisationCode);
  const options = (people.items ?? []).map((p) => ({ value: p.id, label: [localName(p), pick(p.titleAr, p.titleEn)].filter(Boolean).join(" — ") }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: chosenLabel ?? value });
  return (
    <SelectField
      id={id}
      label={label}
      value={value}
      onChange={(next) => onChange(next, options.find((o) => o.value === next)?.label ?? "")}
      options={options}
      placeholder={!organisationCode ? t("followup.pickers.choose_organisation_first") : people.loading ? t("common.loading") : (placeholder ?? t("followup.pickers.no_person"))}
      disabled={!organisationCode}
      error={error}
    />
  );
}

export interface ChosenEvent {
  id: string;
  kind?: string;
  titleAr: string;
  titleEn: string;
  startsAt: string;
  endsAt?: string;
}

/** Find a meeting or workshop by words of its title and choose it (for links and programmes). */
export function EventChooser({
  id,
  label,
  value,
  onChange,
  exclude = [],
  kind,
}: {
  id: string;
  label: string;
  value: ChosenEvent | null;
  onChange(event: ChosenEvent | null): void;
  exclude?: string[];
  kind?: "meeting" | "workshop";
}) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const seasonName = useSeasonName();
  const [q, setQ] = useState("");
  const [text, setText] = useDebouncedSearch(q, setQ);
  const events = useApi<Page<EventRecord>>("/api/events", { q: q || undefined, kind, when: "all", pageSize: 30 });
  const found = (events.data?.items ?? []).filter((e) => !exclude.includes(e.id));
  const options = found.map((e) => ({ value: e.id, label: `${pick(e.titleAr, e.titleEn)} (${seasonName(e.season)})` }));
  if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: pick(value.titleAr, value.titleEn) });
  return (
    <div className="picker">
      <div className="field">
        <label htmlFor={`${id}-q`} className="field-label">
          {t("followup.pickers.search_event")}
        </label>
        <input id={`${id}-q`} type="search" className="input" value={text} onChange={(e) => setText(e.target.value)} dir="auto" autoComplete="off" />
      </div>
      <SelectField
        id={id}
        label={label}
        value={value?.id ?? ""}
        onChange={(next) => {
          const e = found.find((x) => x.id === next);
          onChange(e ? { id: e.id, kind: e.kind, titleAr: e.titleAr, titleEn: e.titleEn, startsAt: e.startsAt, endsAt: e.endsAt } : null);
        }}
        options={options}
        placeholder={events.loading && !events.data ? t("common.loading") : t("common.choose")}
        aria-busy={events.loading || undefined}
      />
    </div>
  );
}
