import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { formatTimeZoneName } from "../../../../common/dates.js";
import { EVENT_KINDS, EVENT_MODES, EVENT_STATUSES, REGISTRATION_MODES } from "../../../../common/events.js";
import { api } from "../../api/client.js";
import type { Organisation, OrgRef, Page } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useMe } from "../../app/useSession.js";
import { DateInput } from "../../components/DateInput.js";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useAllOrganisations } from "../directory/useDirectoryData.js";
import { withoutMessage, type FormValues } from "../directory/formValues.js";
import { currentShareGroup, VisibilityField } from "../directory/VisibilityField.js";
import type { EventRecord } from "./types.js";
import { usePeopleOf, useSeasons } from "./useEventsData.js";

/** A few zones of the member states; the event's own zone is always offered. */
export const TIME_ZONES = [
  "Asia/Riyadh",
  "Asia/Kuwait",
  "Asia/Qatar",
  "Asia/Bahrain",
  "Asia/Dubai",
  "Asia/Muscat",
  "Africa/Cairo",
  "Europe/Istanbul",
  "Asia/Karachi",
  "Asia/Dhaka",
  "Asia/Kuala_Lumpur",
  "Asia/Jakarta",
  "Africa/Casablanca",
  "Africa/Lagos",
  "UTC",
];

const TEXT_KEYS = ["titleAr", "titleEn", "descriptionAr", "descriptionEn", "venueAr", "venueEn", "joinUrl", "chairPersonId", "previousEventId"] as const;
const NULLABLE = new Set<string>([...TEXT_KEYS.filter((k) => k !== "titleAr" && k !== "titleEn"), "capacity", "shareGroupId"]);
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function initialValues(existing: EventRecord | undefined): FormValues {
  const v: FormValues = {
    seasonId: existing?.season.id ?? "",
    kind: existing?.kind ?? "meeting",
    mode: existing?.mode ?? "in_person",
    date: existing?.startsLocal.slice(0, 10) ?? "",
    startTime: existing?.startsLocal.slice(11, 16) ?? "",
    endTime: existing?.endsLocal.slice(11, 16) ?? "",
    timeZone: existing?.timeZone ?? "Asia/Riyadh",
    registration: existing?.registration ?? "invitation",
    status: existing?.status ?? "published",
    capacity: existing?.capacity != null ? String(existing.capacity) : "",
    visibility: existing?.visibility ?? "members",
    shareGroupId: existing?.shareGroup?.id ?? "",
    chairPersonId: existing?.chair?.id ?? "",
  };
  for (const key of TEXT_KEYS) if (!(key in v)) v[key] = (existing?.[key as keyof EventRecord] as string | null | undefined) ?? "";
  return v;
}

/** The API's fields from the form's: wall-clock start and end on the chosen (Gregorian) day. */
export function toApiFields(values: FormValues, shareGroupId: string): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const key of [...TEXT_KEYS, "kind", "mode", "timeZone", "registration", "visibility", "status"]) out[key] = (values[key] ?? "").trim();
  out.startsLocal = values.date && values.startTime ? `${values.date}T${values.startTime}` : "";
  out.endsLocal = values.date && values.endTime ? `${values.date}T${values.endTime}` : "";
  out.capacity = values.registration === "open" && values.capacity.trim() ? Number(values.capacity) : "";
  out.shareGroupId = values.visibility === "group" ? shareGroupId : "";
  return out;
}

function EventForm({ existing }: { existing?: EventRecord }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const { locale } = useDisplaySettings();
  const localName = useLocalName();
  const pick = usePickLocal();
  const seasons = useSeasons();
  // Coordinators may create an event on behalf of another organisation (CreateEventSchema.hostOrganisationId).
  const canChooseHost = !existing && me.role === "coordinator";
  const organisations = useAllOrganisations();
  const [hostId, setHostId] = useState(me.organisation.id);
  const chosenHost = canChooseHost ? organisations.items.find((o) => o.id === hostId) : undefined;
  const host: OrgRef = existing?.host ?? chosenHost ?? me.organisation;
  const people = usePeopleOf(host.code);
  const organisation = useApi<Organisation>(`/api/organisations/${encodeURIComponent(host.code)}`);
  const previous = useApi<Page<EventRecord>>("/api/events", { host: host.code, when: "all", pageSize: 100 });
  const [initial] = useState(() => initialValues(existing));
  const [values, setValues] = useState<FormValues>(initial);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const action = useAction();
  const set = (key: string) => (value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (value.trim()) setMissing((m) => withoutMessage(m, key));
  };
  const error = (key: string) => missing[key] ?? action.fieldError(key);
  const groups = organisation.data ? (organisation.data.groups ?? []) : undefined;
  const shareGroupId = currentShareGroup(values, groups);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const required = (label: string) => t("validation.required", { field: label });
    const local: Record<string, string> = {};
    if (!existing && !values.seasonId) local.seasonId = required(t("events.season"));
    if (!values.titleAr.trim()) local.titleAr = required(t("events.title_ar"));
    if (!values.titleEn.trim()) local.titleEn = required(t("events.title_en"));
    if (!values.date) local.date = required(t("events.event_date"));
    if (!TIME.test(values.startTime)) local.startTime = t("events.time_error");
    if (!TIME.test(values.endTime)) local.endTime = t("events.time_error");
    if (values.joinUrl.trim() && !/^https:\/\/\S+$/.test(values.joinUrl.trim())) local.joinUrl = t("events.join_url_hint");
    if (values.visibility === "group" && !shareGroupId) local.shareGroupId = required(t("fields.shareGroupId"));
    setMissing(local);
    if (Object.keys(local).length > 0) return;

    const now = toApiFields(values, shareGroupId);
    let result;
    if (existing) {
      const before = toApiFields(initial, initial.shareGroupId ?? "");
      const body: Record<string, string | number | null> = {};
      for (const [key, value] of Object.entries(now)) if (value !== before[key]) body[key] = value === "" && NULLABLE.has(key) ? null : value;
      // Times are read in the zone: a new zone goes with both ends.
      if ("timeZone" in body || "startsLocal" in body || "endsLocal" in body) Object.assign(body, { startsLocal: now.startsLocal, endsLocal: now.endsLocal, timeZone: now.timeZone });
      result = await action.run(() => api.patch<EventRecord>(`/api/events/${encodeURIComponent(existing.id)}`, body));
    } else {
      const body: Record<string, string | number> = { seasonId: values.seasonId };
      if (canChooseHost && hostId !== me.organisation.id) body.hostOrganisationId = hostId;
      for (const [key, value] of Object.entries(now)) if (value !== "" && value !== null) body[key] = value;
      // "published" is the server's default: only another status is worth sending.
      if (body.status === "published") delete body.status;
      result = await action.run(() => api.post<EventRecord>("/api/events", body));
    }
    if (result.ok) navigate(`/events/${encodeURIComponent(result.value?.id ?? existing?.id ?? "")}`);
  }

  const zoneLabel = (zone: string) => {
    try {
      return `${formatTimeZoneName(zone, new Date(), locale)} (${zone})`;
    } catch {
      return zone;
    }
  };
  const zones = TIME_ZONES.includes(values.timeZone) ? TIME_ZONES : [values.timeZone, ...TIME_ZONES];
  const dateError = error("date") ?? action.fieldError("startsLocal");
  const shownFields = [...TEXT_KEYS, "seasonId", "kind", "mode", "startsLocal", "endsLocal", "timeZone", "registration", "capacity", "visibility", "shareGroupId", "status", ...(canChooseHost ? ["hostOrganisationId"] : [])];

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("events.title"), to: "/events" },
          ...(existing ? [{ label: pick(existing.titleAr, existing.titleEn), to: `/events/${encodeURIComponent(existing.id)}` }] : []),
        ]}
        title={existing ? t("events.edit_event") : t("events.new_event")}
        subtitle={localName(host)}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={shownFields} localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null} />

        <fieldset className="form-section">
          <legend>{t("events.section_general")}</legend>
          <div className="form-grid">
            {existing ? (
              <div className="field">
                <span className="field-label" id="event-season-label">
                  {t("events.season")}
                </span>
                <p className="field-static" aria-labelledby="event-season-label">
                  {localName(existing.season)}
                </p>
              </div>
            ) : (
              <SelectField
                id="event-seasonId"
                label={t("events.season")}
                value={values.seasonId}
                onChange={set("seasonId")}
                options={seasons.items.map((s) => ({ value: s.id, label: localName(s) }))}
                placeholder={seasons.loading ? t("common.loading") : t("common.choose")}
                error={error("seasonId")}
                required
              />
            )}
            {canChooseHost && (
              <SelectField
                id="event-hostOrganisationId"
                label={t("fields.hostOrganisationId")}
                hint={t("events.host_hint")}
                value={hostId}
                onChange={(value) => {
                  if (!value) return;
                  setHostId(value);
                  // The chair, previous edition and shared group belong to the host: choose again.
                  setValues((v) => ({ ...v, chairPersonId: "", previousEventId: "", shareGroupId: "" }));
                }}
                options={(organisations.items.some((o) => o.id === me.organisation.id) ? organisations.items : [{ ...me.organisation }, ...organisations.items]).map((o) => ({
                  value: o.id,
                  label: localName(o),
                }))}
                error={error("hostOrganisationId")}
                required
              />
            )}
            <SelectField
              id="event-kind"
              label={t("fields.kind")}
              value={values.kind}
              onChange={set("kind")}
              options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kinds.${k}`) }))}
              error={error("kind")}
              required
            />
            <TextField id="event-titleAr" label={t("events.title_ar")} dir="rtl" lang="ar" value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} required />
            <TextField id="event-titleEn" label={t("events.title_en")} dir="ltr" lang="en" value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} required />
            <TextAreaField id="event-descriptionAr" label={t("events.description_ar")} dir="rtl" lang="ar" value={values.descriptionAr} onChange={set("descriptionAr")} error={error("descriptionAr")} />
            <TextAreaField id="event-descriptionEn" label={t("events.description_en")} dir="ltr" lang="en" value={values.descriptionEn} onChange={set("descriptionEn")} error={error("descriptionEn")} />
            <SelectField
              id="event-chairPersonId"
              label={t("events.chair")}
              value={values.chairPersonId}
              onChange={set("chairPersonId")}
              options={(people.items ?? []).map((p) => ({ value: p.id, label: [localName(p), pick(p.titleAr, p.titleEn)].filter(Boolean).join(" — ") }))}
              placeholder={people.loading ? t("common.loading") : t("common.choose")}
              error={error("chairPersonId")}
            />
            <SelectField
              id="event-previousEventId"
              label={t("events.previous_edition")}
              value={values.previousEventId}
              onChange={set("previousEventId")}
              options={(previous.data?.items ?? []).filter((e) => e.id !== existing?.id).map((e) => ({ value: e.id, label: `${pick(e.titleAr, e.titleEn)} (${localName(e.season)})` }))}
              placeholder={t("events.no_previous")}
              error={error("previousEventId")}
            />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("events.section_schedule")}</legend>
          <div className="form-grid">
            <div className="form-grid-full">
              <DateInput id="event-date" label={t("events.event_date")} value={values.date || null} onChange={(v) => set("date")(v ?? "")} error={dateError} required />
            </div>
            <TextField id="event-startTime" label={t("events.starts_time")} type="time" dir="ltr" value={values.startTime} onChange={set("startTime")} error={error("startTime")} required />
            <TextField id="event-endTime" label={t("events.ends_time")} type="time" dir="ltr" value={values.endTime} onChange={set("endTime")} error={error("endTime") ?? action.fieldError("endsLocal")} required />
            <SelectField
              id="event-timeZone"
              label={t("events.time_zone")}
              value={values.timeZone}
              onChange={set("timeZone")}
              options={zones.map((z) => ({ value: z, label: zoneLabel(z) }))}
              error={error("timeZone")}
              required
            />
            <SelectField
              id="event-mode"
              label={t("fields.mode")}
              value={values.mode}
              onChange={set("mode")}
              options={EVENT_MODES.map((m) => ({ value: m, label: t(`events.modes.${m}`) }))}
              error={error("mode")}
              required
            />
            <TextField id="event-venueAr" label={t("events.venue_ar")} dir="rtl" lang="ar" value={values.venueAr} onChange={set("venueAr")} error={error("venueAr")} />
            <TextField id="event-venueEn" label={t("events.venue_en")} dir="ltr" lang="en" value={values.venueEn} onChange={set("venueEn")} error={error("venueEn")} />
            {values.mode !== "in_person" && (
              <TextField
                id="event-joinUrl"
                label={t("events.join_url")}
                type="url"
                dir="ltr"
                value={values.joinUrl}
                onChange={set("joinUrl")}
                error={error("joinUrl")}
                hint={t("events.join_url_hint")}
                className="form-grid-full"
              />
            )}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("events.section_participation")}</legend>
          <RadioGroupField
            id="event-registration"
            legend={t("fields.registration")}
            value={values.registration}
            onChange={set("registration")}
            error={error("registration")}
            required
            options={REGISTRATION_MODES.map((r) => ({
              value: r,
              label: t(`events.registration_modes.${r}`),
              details:
                r === "open" ? (
                  <TextField id="event-capacity" label={t("events.capacity")} type="number" min={1} inputMode="numeric" dir="ltr" value={values.capacity} onChange={set("capacity")} error={error("capacity")} />
                ) : undefined,
            }))}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("events.section_status")}</legend>
          <RadioGroupField
            id="event-status"
            legend={t("fields.status")}
            value={values.status}
            onChange={set("status")}
            error={error("status")}
            required
            options={EVENT_STATUSES.map((s) => ({ value: s, label: t(`events.statuses.${s}`), description: t(`events.status_hints.${s}`) }))}
          />
        </fieldset>

        <VisibilityField
          id="event-visibility"
          value={values.visibility}
          onChange={set("visibility")}
          error={error("visibility")}
          share={{
            groups,
            loadError: organisation.error,
            onRetry: organisation.reload,
            value: shareGroupId,
            onChange: set("shareGroupId"),
            error: error("shareGroupId"),
            unavailable: groups?.length === 0 ? t("directory.share_group_no_groups") : undefined,
          }}
        />

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("events.create_event")}
          </button>
          <Link to={existing ? `/events/${encodeURIComponent(existing.id)}` : "/events"} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /events/new and /events/:id/edit */
export function EventFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useApi<EventRecord>(id ? `/api/events/${encodeURIComponent(id)}` : null);
  usePageTitle(id ? t("events.edit_event") : t("events.new_event"));
  if (!id) return <EventForm />;
  if (existing.error?.code === "FORBIDDEN") return <Forbidden />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities.update) return <Forbidden />;
  return <EventForm key={existing.data.id} existing={existing.data} />;
}
