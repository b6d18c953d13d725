import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { SelectField, TextField } from "../../components/Field.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";
import type { EventRecord } from "../events/types.js";

/** Choose an optional related meeting or workshop: a search box over GET /api/events?q= and the matches. */
export function EventPicker({
  id,
  value,
  current,
  onChange,
  error,
}: {
  id: string;
  value: string;
  /** The event chosen before (kept as an option even when the search no longer finds it). */
  current: { id: string; titleAr: string; titleEn: string } | null;
  onChange(value: string): void;
  error?: string;
}) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const localName = useLocalName();
  const [q, setQ] = useState("");
  const [search, setSearch] = useDebouncedSearch(q, setQ);
  const events = useApi<Page<EventRecord>>("/api/events", { q: q || undefined, when: "all", pageSize: 20 });
  const found = events.data?.items ?? [];
  const options = found.map((e) => ({ value: e.id, label: `${pick(e.titleAr, e.titleEn)} (${localName(e.season)})` }));
  if (current && current.id === value && !found.some((e) => e.id === current.id)) options.unshift({ value: current.id, label: pick(current.titleAr, current.titleEn) });
  return (
    <div className="event-picker">
      <TextField
        id={`${id}-q`}
        type="search"
        label={t("library.form.event_search")}
        value={search}
        onChange={setSearch}
        placeholder={t("library.form.event_search_placeholder")}
        dir="auto"
        autoComplete="off"
      />
      <SelectField
        id={id}
        label={t("library.form.event_label")}
        hint={t("library.form.event_hint")}
        value={value}
        onChange={onChange}
        placeholder={t("library.form.no_event")}
        options={options}
        error={error}
        aria-busy={events.loading || undefined}
      />
    </div>
  );
}
