import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { api } from "../../api/client.js";
import type { Organisation } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useMe } from "../../app/useSession.js";
import { DateInput } from "../../components/DateInput.js";
import { SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { FormActions } from "../../components/FormActions.js";
import { FormPageLoader } from "../../components/FormPageLoader.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { ListEditor } from "../../components/ListEditor.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useUnsavedChanges } from "../../components/useUnsavedChanges.js";
import { currentShareGroup, VisibilityField } from "../directory/VisibilityField.js";
import { useSeasons } from "../events/useEventsData.js";
import { DateTime } from "../../components/DateTime.js";
import { useSeasonName } from "./digits.js";
import { EventChooser, OrgPicker, PersonOfOrgSelect, type ChosenEvent, type ChosenOrg } from "./Pickers.js";
import type { Programme } from "./types.js";

let nextKey = 1;

/** An area of cooperation being edited; `id` is kept for saved ones, so the recommendations filed under it stay there. */
export interface DraftArea {
  key: number;
  id?: string;
  code: string;
  titleAr: string;
  titleEn: string;
}

interface DraftParty {
  key: number;
  organisation: ChosenOrg | null;
  signatoryPersonId: string;
  signatoryLabel: string;
  signatoryName: string;
  signedOn: string | null;
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function draftAreas(areas: Programme["areas"]): DraftArea[] {
  return [...areas].sort((a, b) => a.position - b.position).map((a) => ({ key: nextKey++, id: a.id, code: a.code, titleAr: a.titleAr, titleEn: a.titleEn }));
}

/** Areas as the API wants them, in their order: with `id` when saved before. */
export function areasBody(areas: DraftArea[]) {
  return areas.map((a) => ({ ...(a.id ? { id: a.id } : {}), code: a.code.trim(), titleAr: a.titleAr.trim(), titleEn: a.titleEn.trim() }));
}

function draftParties(programme: Programme | undefined, pick: (ar: string | null | undefined, en: string | null | undefined) => string): DraftParty[] {
  return (programme?.parties ?? []).map((p) => ({
    key: nextKey++,
    organisation: p.organisation,
    signatoryPersonId: p.signatory?.personId ?? "",
    signatoryLabel: p.signatory ? (p.signatory.nameAr || p.signatory.nameEn ? pick(p.signatory.nameAr, p.signatory.nameEn) : p.signatory.name) : "",
    signatoryName: p.signatory && !p.signatory.personId ? p.signatory.name : "",
    signedOn: p.signedOn,
  }));
}

function partiesBody(parties: DraftParty[]) {
  return parties
    .filter((p) => p.organisation)
    .map((p) => ({
      organisationId: p.organisation!.id,
      ...(p.signatoryPersonId ? { signatoryPersonId: p.signatoryPersonId } : {}),
      ...(!p.signatoryPersonId && p.signatoryName.trim() ? { signatoryName: p.signatoryName.trim() } : {}),
      ...(p.signedOn ? { signedOn: p.signedOn } : {}),
    }));
}

/** Add, remove, reorder and edit the areas of cooperation (code and title in both languages). */
export function AreasEditor({ value, onChange, fieldError }: { value: DraftArea[]; onChange(next: DraftArea[]): void; fieldError(index: number, field: string): string | undefined }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  return (
    <ListEditor
      className="form-section areas-editor"
      legend={t("followup.programmes.areas")}
      hint={t("followup.programme_form.areas_hint")}
      empty={t("followup.programmes.no_areas")}
      value={value}
      onChange={onChange}
      itemLabel={(i) => t("followup.programme_form.area_number", { n: n(i + 1) })}
      renderFields={(a, i, change) => (
        <>
          <TextField id={`area-${a.key}-code`} label={t("followup.programme_form.area_code")} dir="ltr" value={a.code} maxLength={40} onChange={(code) => change({ code })} error={fieldError(i, "code")} required />
          <TextField id={`area-${a.key}-titleAr`} label={t("followup.programme_form.title_ar")} dir="rtl" lang="ar" value={a.titleAr} maxLength={300} onChange={(titleAr) => change({ titleAr })} error={fieldError(i, "titleAr")} required />
          <TextField id={`area-${a.key}-titleEn`} label={t("followup.programme_form.title_en")} dir="ltr" lang="en" value={a.titleEn} maxLength={300} onChange={(titleEn) => change({ titleEn })} error={fieldError(i, "titleEn")} required />
        </>
      )}
      rowNote={(a) => a.id && <p className="field-hint">{t("followup.programme_form.area_kept")}</p>}
      moveLabels={{ up: t("followup.programme_form.move_up"), down: t("followup.programme_form.move_down") }}
      removeLabel={(i) => t("followup.programme_form.remove_area", { n: n(i + 1) })}
      addLabel={t("followup.programme_form.add_area")}
      newItem={() => ({ key: nextKey++, code: "", titleAr: "", titleEn: "" })}
    />
  );
}

/** The parties: each an organisation, with its signatory (a person of it, or a name) and the date of signature. */
function PartiesEditor({ value, onChange, fieldError }: { value: DraftParty[]; onChange(next: DraftParty[]): void; fieldError(index: number, field: string): string | undefined }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  return (
    <ListEditor
      className="form-section parties-editor"
      legend={t("followup.programmes.parties")}
      empty={t("followup.programmes.no_parties")}
      value={value}
      onChange={onChange}
      itemLabel={(i) => t("followup.programme_form.party_number", { n: n(i + 1) })}
      gridClassName="form-grid"
      renderFields={(p, i, change) => (
        <>
          <OrgPicker
            id={`party-${p.key}-organisation`}
            label={t("followup.programme_form.party_organisation")}
            value={p.organisation}
            onChange={(organisation) => change({ organisation, signatoryPersonId: "", signatoryLabel: "" })}
            exclude={value.filter((x) => x.key !== p.key && x.organisation).map((x) => x.organisation!.id)}
            error={fieldError(i, "organisationId")}
            required
          />
          <div className="signatory">
            <PersonOfOrgSelect
              id={`party-${p.key}-signatory`}
              label={t("followup.programme_form.signatory_person")}
              organisationCode={p.organisation?.code ?? null}
              value={p.signatoryPersonId}
              chosenLabel={p.signatoryLabel}
              onChange={(id, name) => change({ signatoryPersonId: id, signatoryLabel: name })}
              error={fieldError(i, "signatoryPersonId")}
            />
            {!p.signatoryPersonId && (
              <TextField
                id={`party-${p.key}-signatoryName`}
                label={t("followup.programme_form.signatory_name")}
                hint={t("followup.programme_form.signatory_name_hint")}
                dir="auto"
                maxLength={200}
                value={p.signatoryName}
                onChange={(signatoryName) => change({ signatoryName })}
                error={fieldError(i, "signatoryName")}
              />
            )}
          </div>
          <div className="form-grid-full">
            <DateInput id={`party-${p.key}-signedOn`} label={t("followup.programme_form.signed_on")} value={p.signedOn} onChange={(signedOn) => change({ signedOn })} error={fieldError(i, "signedOn")} />
          </div>
        </>
      )}
      removeLabel={(i) => t("followup.programme_form.remove_party", { n: n(i + 1) })}
      addLabel={t("followup.programme_form.add_party")}
      newItem={() => ({ key: nextKey++, organisation: null, signatoryPersonId: "", signatoryLabel: "", signatoryName: "", signedOn: null })}
    />
  );
}

/** The workshops and meetings under the programme. */
function EventsEditor({ value, onChange }: { value: ChosenEvent[]; onChange(next: ChosenEvent[]): void }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const [adding, setAdding] = useState<ChosenEvent | null>(null);
  return (
    <fieldset className="form-section events-editor">
      <legend>{t("followup.programmes.events")}</legend>
      {value.length === 0 ? (
        <p className="card-meta">{t("followup.programmes.no_events")}</p>
      ) : (
        <ul className="chosen-list chosen-list--rows">
          {value.map((e) => (
            <li key={e.id} className="chosen-item">
              <span>
                {pick(e.titleAr, e.titleEn)}
                {e.startsAt && (
                  <span className="row-secondary">
                    <DateTime value={e.startsAt} />
                  </span>
                )}
              </span>
              <button
                type="button"
                className="button button--link chosen-remove"
                aria-label={t("followup.pickers.remove_named", { name: pick(e.titleAr, e.titleEn) })}
                onClick={() => onChange(value.filter((x) => x.id !== e.id))}
              >
                {t("followup.pickers.remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="picker-add">
        <EventChooser id="programme-event" label={t("followup.programme_form.event_to_add")} value={adding} onChange={setAdding} exclude={value.map((e) => e.id)} />
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={!adding}
          onClick={() => {
            if (adding) onChange([...value, adding]);
            setAdding(null);
          }}
        >
          {t("followup.programme_form.add_event")}
        </button>
      </div>
    </fieldset>
  );
}

/** Nested server messages ("areas/0/code") for one row of a list. */
function rowError(fieldError: (field: string) => string | undefined, list: string) {
  return (index: number, field: string) => fieldError(`${list}/${index}/${field}`);
}

function ProgrammeForm({ existing }: { existing?: Programme }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const localName = useLocalName();
  const seasonName = useSeasonName();
  const pick = usePickLocal();
  const seasons = useSeasons();
  const action = useAction();
  const [values, setValues] = useState(() => ({
    code: existing?.code ?? "",
    seasonCode: existing?.season.code ?? "",
    titleAr: existing?.titleAr ?? "",
    titleEn: existing?.titleEn ?? "",
    descriptionAr: existing?.descriptionAr ?? "",
    descriptionEn: existing?.descriptionEn ?? "",
    visibility: existing?.visibility ?? "members",
    shareGroupId: existing?.shareGroupId ?? "",
  }));
  const [startsOn, setStartsOn] = useState<string | null>(existing?.startsOn ?? null);
  const [endsOn, setEndsOn] = useState<string | null>(existing?.endsOn ?? null);
  const [areas, setAreas] = useState<DraftArea[]>(() => draftAreas(existing?.areas ?? []));
  const [parties, setParties] = useState<DraftParty[]>(() => draftParties(existing, pick));
  const [events, setEvents] = useState<ChosenEvent[]>(() => existing?.events ?? []);
  const [initialSignature] = useState(() => JSON.stringify({ values, startsOn, endsOn, areas: areasBody(areas), parties: partiesBody(parties), events: events.map((e) => e.id) }));
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const owner = existing?.owner ?? me.organisation;
  const ownerOrg = useApi<Organisation>(`/api/organisations/${encodeURIComponent(owner.code)}`);
  const groups = ownerOrg.data ? (ownerOrg.data.groups ?? []) : undefined;
  const shareGroupId = currentShareGroup({ shareGroupId: values.shareGroupId }, groups);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const signature = JSON.stringify({ values, startsOn, endsOn, areas: areasBody(areas), parties: partiesBody(parties), events: events.map((e) => e.id) });
  useUnsavedChanges(!saved && signature !== initialSignature, t("followup.form.unsaved"));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const required = (label: string) => t("validation.required", { field: label });
    const problems: Record<string, string> = {};
    if (!CODE.test(values.code.trim())) problems.code = t("followup.programme_form.code_invalid");
    if (!existing && !values.seasonCode) problems.seasonCode = required(t("followup.fields.season"));
    if (!values.titleAr.trim()) problems.titleAr = required(t("followup.programme_form.title_ar"));
    if (!values.titleEn.trim()) problems.titleEn = required(t("followup.programme_form.title_en"));
    if (startsOn && endsOn && endsOn < startsOn) problems.endsOn = t("followup.programme_form.ends_before_starts");
    if (values.visibility === "group" && !shareGroupId) problems.shareGroupId = required(t("fields.shareGroupId"));
    areas.forEach((a, i) => {
      if (!a.code.trim()) problems[`areas/${i}/code`] = required(t("followup.programme_form.area_code"));
      if (!a.titleAr.trim()) problems[`areas/${i}/titleAr`] = required(t("followup.programme_form.title_ar"));
      if (!a.titleEn.trim()) problems[`areas/${i}/titleEn`] = required(t("followup.programme_form.title_en"));
    });
    parties.forEach((p, i) => {
      if (!p.organisation) problems[`parties/${i}/organisationId`] = required(t("followup.programme_form.party_organisation"));
    });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;

    const body: Record<string, unknown> = {
      code: values.code.trim(),
      titleAr: values.titleAr.trim(),
      titleEn: values.titleEn.trim(),
      visibility: values.visibility,
      parties: partiesBody(parties),
      areas: areasBody(areas),
      eventIds: events.map((e) => e.id),
    };
    if (!existing || values.seasonCode !== existing.season.code) body.seasonCode = values.seasonCode;
    if (values.visibility === "group") body.shareGroupId = shareGroupId;
    for (const key of ["descriptionAr", "descriptionEn"] as const) {
      const v = values[key].trim();
      if (v) body[key] = v;
      else if (existing && (existing[key] ?? "")) body[key] = null;
    }
    if (startsOn) body.startsOn = startsOn;
    else if (existing?.startsOn) body.startsOn = null;
    if (endsOn) body.endsOn = endsOn;
    else if (existing?.endsOn) body.endsOn = null;

    const result = await action.run(() =>
      existing ? api.patch<Programme>(`/api/programmes/${encodeURIComponent(existing.id)}`, body) : api.post<Programme>("/api/programmes", body),
    );
    if (result.ok) {
      setSaved(true);
      navigate(`/programmes/${encodeURIComponent(result.value.id)}`);
    }
  }

  const error = (key: string) => local[key] ?? action.fieldError(key);
  const shownFields = [
    "code",
    "seasonCode",
    "seasonId",
    "titleAr",
    "titleEn",
    "descriptionAr",
    "descriptionEn",
    "startsOn",
    "endsOn",
    "visibility",
    "shareGroupId",
    ...areas.flatMap((_, i) => ["code", "titleAr", "titleEn"].map((f) => `areas/${i}/${f}`)),
    ...parties.flatMap((_, i) => ["organisationId", "signatoryPersonId", "signatoryName", "signedOn"].map((f) => `parties/${i}/${f}`)),
  ];

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("followup.programmes.title"), to: "/programmes" },
          ...(existing ? [{ label: pick(existing.titleAr, existing.titleEn), to: `/programmes/${encodeURIComponent(existing.id)}` }] : []),
        ]}
        title={existing ? t("followup.programme_form.edit_title") : t("followup.programme_form.new_title")}
        subtitle={localName(owner)}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={shownFields} localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
        <fieldset className="form-section">
          <legend>{t("followup.programme_form.section_general")}</legend>
          <div className="form-grid">
            <TextField
              id="programme-code"
              label={t("followup.programme_form.code")}
              hint={t("followup.programme_form.code_hint")}
              dir="ltr"
              maxLength={40}
              value={values.code}
              onChange={set("code")}
              error={error("code")}
              required
            />
            <SelectField
              id="programme-seasonCode"
              label={t("followup.fields.season")}
              value={values.seasonCode}
              onChange={set("seasonCode")}
              options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
              placeholder={seasons.loading ? t("common.loading") : t("common.choose")}
              error={error("seasonCode") ?? action.fieldError("seasonId")}
              required
            />
            <TextField id="programme-titleAr" label={t("followup.programme_form.title_ar")} dir="rtl" lang="ar" maxLength={300} value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} required />
            <TextField id="programme-titleEn" label={t("followup.programme_form.title_en")} dir="ltr" lang="en" maxLength={300} value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} required />
            <TextAreaField id="programme-descriptionAr" label={t("followup.programme_form.description_ar")} dir="rtl" lang="ar" value={values.descriptionAr} onChange={set("descriptionAr")} error={error("descriptionAr")} maxLength={4000} />
            <TextAreaField id="programme-descriptionEn" label={t("followup.programme_form.description_en")} dir="ltr" lang="en" value={values.descriptionEn} onChange={set("descriptionEn")} error={error("descriptionEn")} maxLength={4000} />
            <div className="form-grid-full">
              <DateInput id="programme-startsOn" label={t("followup.programmes.starts_on")} value={startsOn} onChange={setStartsOn} error={error("startsOn")} />
            </div>
            <div className="form-grid-full">
              <DateInput id="programme-endsOn" label={t("followup.programmes.ends_on")} value={endsOn} onChange={setEndsOn} error={error("endsOn")} min={startsOn ?? undefined} />
            </div>
          </div>
        </fieldset>

        <PartiesEditor value={parties} onChange={setParties} fieldError={rowError(error, "parties")} />
        <AreasEditor value={areas} onChange={setAreas} fieldError={rowError(error, "areas")} />
        <EventsEditor value={events} onChange={setEvents} />

        <VisibilityField
          id="programme-visibility"
          value={values.visibility}
          onChange={set("visibility")}
          error={error("visibility")}
          share={{
            groups,
            loadError: ownerOrg.error,
            onRetry: ownerOrg.reload,
            value: shareGroupId,
            onChange: set("shareGroupId"),
            error: error("shareGroupId"),
            unavailable: groups?.length === 0 ? t("directory.share_group_no_groups") : undefined,
          }}
        />

        <FormActions
          submitLabel={existing ? t("common.save_changes") : t("followup.programme_form.create")}
          pending={action.pending}
          cancelTo={existing ? `/programmes/${encodeURIComponent(existing.id)}` : "/programmes"}
        />
      </form>
    </>
  );
}

/** /programmes/new and /programmes/:id/edit (coordinators). */
export function ProgrammeFormPage() {
  const { t } = useTranslation();
  return (
    <FormPageLoader<Programme>
      titles={{ create: t("followup.programme_form.new_title"), edit: t("followup.programme_form.edit_title") }}
      recordPath={(id) => `/api/programmes/${encodeURIComponent(id)}`}
      listPath="/api/programmes"
      canEdit={(programme) => programme.abilities.update}
    >
      {(existing) => <ProgrammeForm existing={existing} />}
    </FormPageLoader>
  );
}
