import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import type { Organisation } from "../../api/types.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { DateInput } from "../../components/DateInput.js";
import { RadioGroupField, SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useUnsavedChanges } from "../../components/useUnsavedChanges.js";
import { currentShareGroup, VisibilityField } from "../directory/VisibilityField.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "./digits.js";
import { useTitle } from "./FollowupBits.js";
import { EventChooser, OrgListPicker, OrgPicker, type ChosenEvent, type ChosenOrg } from "./Pickers.js";
import { ConflictNotice, isConflict } from "./RecommendationStatus.js";
import type { Recommendation, RecommendationList } from "./types.js";
import { recommendationPath, useProgramme, useProgrammeOptions } from "./useFollowupData.js";

interface Values {
  textAr: string;
  textEn: string;
  reference: string;
  seasonCode: string;
  programmeId: string;
  areaId: string;
  dueOn: string | null;
  status: "proposed" | "approved";
  visibility: string;
  shareGroupId: string;
}

function initialValues(existing: Recommendation | undefined): Values {
  return {
    textAr: existing?.textAr ?? "",
    textEn: existing?.textEn ?? "",
    reference: existing?.reference ?? "",
    seasonCode: existing?.season.code ?? "",
    programmeId: existing?.programme?.id ?? "",
    areaId: existing?.area?.id ?? "",
    dueOn: existing?.dueOn ?? null,
    status: "proposed",
    visibility: existing?.visibility ?? "private",
    shareGroupId: existing?.shareGroupId ?? "",
  };
}

const sameIds = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** The form of a recommendation entered directly, or of one being edited (texts, programme and area, responsibles, due date, visibility). */
function RecommendationForm({ existing, onReload }: { existing?: Recommendation; onReload?(): void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const localName = useLocalName();
  const seasonName = useSeasonName();
  const title = useTitle();
  const seasons = useSeasons();
  const action = useAction();
  const [initial] = useState(() => initialValues(existing));
  const [values, setValues] = useState<Values>(initial);
  const [responsibles, setResponsibles] = useState<ChosenOrg[]>(() => existing?.responsibles ?? []);
  const [owner, setOwner] = useState<ChosenOrg | null>(existing ? existing.owner : me.organisation);
  const [source, setSource] = useState<ChosenEvent | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const isCoordinator = me.role === "coordinator";
  const programmes = useProgrammeOptions(values.seasonCode || undefined);
  const programme = useProgramme(values.programmeId || null);
  const ownerOrg = useApi<Organisation>(owner ? `/api/organisations/${encodeURIComponent(owner.code || owner.id)}` : null);
  const groups = ownerOrg.data ? (ownerOrg.data.groups ?? []) : undefined;
  const shareGroupId = currentShareGroup({ shareGroupId: values.shareGroupId }, groups);
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const isDirty =
    !saved &&
    (JSON.stringify(values) !== JSON.stringify(initial) ||
      !sameIds(
        responsibles.map((o) => o.id),
        (existing?.responsibles ?? []).map((o) => o.id),
      ));
  useUnsavedChanges(isDirty, t("followup.form.unsaved"));

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!values.textAr.trim() && !values.textEn.trim()) problems.textAr = t("followup.form.text_required");
    if (!existing && !values.seasonCode && !values.programmeId && !source) problems.seasonCode = t("validation.required", { field: t("followup.fields.season") });
    if (values.visibility === "group" && !shareGroupId) problems.shareGroupId = t("validation.required", { field: t("fields.shareGroupId") });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;

    let result;
    if (existing) {
      const body: Record<string, unknown> = { updatedAt: existing.updatedAt };
      const text = (k: "textAr" | "textEn" | "reference") => values[k].trim();
      if (text("textAr") !== initial.textAr.trim()) body.textAr = text("textAr");
      if (text("textEn") !== initial.textEn.trim()) body.textEn = text("textEn");
      if (text("reference") !== initial.reference.trim()) body.reference = text("reference") || null;
      if (values.dueOn !== initial.dueOn) body.dueOn = values.dueOn;
      if (values.programmeId !== initial.programmeId) body.programmeId = values.programmeId || null;
      if (values.areaId !== initial.areaId) body.areaId = values.areaId || null;
      if (values.visibility !== initial.visibility) body.visibility = values.visibility;
      if (values.visibility === "group" && shareGroupId !== initial.shareGroupId) body.shareGroupId = shareGroupId;
      const ids = responsibles.map((o) => o.id);
      if (!sameIds(ids, existing.responsibles.map((o) => o.id))) body.responsibleOrganisationIds = ids;
      result = await action.run(() => api.patch<Recommendation>(recommendationPath(existing.id), body));
    } else {
      const body: Record<string, unknown> = {
        textAr: values.textAr.trim(),
        textEn: values.textEn.trim(),
        responsibleOrganisationIds: responsibles.map((o) => o.id),
        status: values.status,
        visibility: values.visibility,
      };
      if (values.reference.trim()) body.reference = values.reference.trim();
      if (values.seasonCode) body.seasonCode = values.seasonCode;
      if (values.programmeId) body.programmeId = values.programmeId;
      if (values.areaId) body.areaId = values.areaId;
      if (source) body.sourceEventId = source.id;
      if (values.dueOn) body.dueOn = values.dueOn;
      if (values.visibility === "group") body.shareGroupId = shareGroupId;
      if (isCoordinator && owner && owner.id !== me.organisation.id) body.organisationId = owner.id;
      result = await action.run(() => api.post<Recommendation>("/api/recommendations", body));
    }
    if (result.ok) {
      setSaved(true);
      navigate(`/recommendations/${encodeURIComponent(result.value.id)}`);
    }
  }

  const error = (key: string) => local[key] ?? action.fieldError(key);
  const shownFields = ["textAr", "textEn", "reference", "seasonCode", "seasonId", "programmeId", "areaId", "sourceEventId", "responsibleOrganisationIds", "dueOn", "status", "organisationId", "visibility", "shareGroupId"];

  return (
    <>
      <PageHeader
        crumbs={[
          { label: t("followup.recommendations.title"), to: "/recommendations" },
          ...(existing ? [{ label: existing.reference || t("followup.rec.title"), to: `/recommendations/${encodeURIComponent(existing.id)}` }] : []),
        ]}
        title={existing ? t("followup.form.edit_title") : t("followup.form.new_title")}
        subtitle={existing ? undefined : t("followup.form.new_intro")}
      />
      <form onSubmit={onSubmit} noValidate className="form form--wide">
        <p className="form-note">{t("common.required_note")}</p>
        {isConflict(action.error) ? (
          <ConflictNotice
            onReload={() => {
              action.clear();
              onReload?.();
            }}
          />
        ) : (
          <FormErrors error={action.error} shownFields={shownFields} localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
        )}
        <fieldset className="form-section">
          <legend>{t("followup.form.section_text")}</legend>
          <div className="form-grid">
            <TextAreaField id="rec-textAr" label={t("followup.form.text_ar")} dir="rtl" lang="ar" rows={5} value={values.textAr} onChange={set("textAr")} error={error("textAr")} maxLength={4000} />
            <TextAreaField id="rec-textEn" label={t("followup.form.text_en")} dir="ltr" lang="en" rows={5} value={values.textEn} onChange={set("textEn")} error={error("textEn")} maxLength={4000} />
            <TextField id="rec-reference" label={t("followup.fields.reference")} hint={t("followup.form.reference_hint")} dir="auto" maxLength={40} value={values.reference} onChange={set("reference")} error={error("reference")} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("followup.form.section_frame")}</legend>
          <div className="form-grid">
            {existing ? (
              <div className="field">
                <span className="field-label">{t("followup.fields.season")}</span>
                <p className="field-static">{seasonName(seasons.items.find((s) => s.code === existing.season.code), existing.season.code)}</p>
              </div>
            ) : (
              <SelectField
                id="rec-seasonCode"
                label={t("followup.fields.season")}
                hint={t("followup.form.season_hint")}
                value={values.seasonCode}
                onChange={(v) => setValues((x) => ({ ...x, seasonCode: v, programmeId: "", areaId: "" }))}
                options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
                placeholder={seasons.loading ? t("common.loading") : t("common.choose")}
                error={error("seasonCode") ?? action.fieldError("seasonId")}
              />
            )}
            <SelectField
              id="rec-programmeId"
              label={t("followup.fields.programme")}
              value={values.programmeId}
              onChange={(v) => setValues((x) => ({ ...x, programmeId: v, areaId: "" }))}
              options={[
                ...(existing?.programme && !programmes.items.some((p) => p.id === existing.programme!.id) ? [{ value: existing.programme.id, label: title(existing.programme) }] : []),
                ...programmes.items.map((p) => ({ value: p.id, label: title(p) })),
              ]}
              placeholder={t("followup.form.no_programme")}
              error={error("programmeId")}
            />
            <SelectField
              id="rec-areaId"
              label={t("followup.fields.area")}
              value={values.areaId}
              onChange={set("areaId")}
              disabled={!values.programmeId}
              options={(programme.data?.areas ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${title(a)}` }))}
              placeholder={values.programmeId ? t("followup.form.no_area") : t("followup.filters.choose_programme_first")}
              error={error("areaId")}
            />
            {!existing && (
              <div className="form-grid-full">
                <EventChooser id="rec-sourceEventId" label={t("followup.form.source_event")} value={source} onChange={setSource} kind="meeting" />
              </div>
            )}
            {!existing && isCoordinator && (
              <OrgPicker id="rec-organisationId" label={t("followup.fields.owner")} value={owner} onChange={(o) => setOwner(o ?? me.organisation)} error={error("organisationId")} required />
            )}
          </div>
        </fieldset>

        <OrgListPicker
          id="rec-responsibles"
          legend={t("followup.fields.responsibles")}
          hint={t("followup.form.responsibles_hint")}
          value={responsibles}
          onChange={setResponsibles}
          error={error("responsibleOrganisationIds")}
        />

        <fieldset className="form-section">
          <legend>{t("followup.form.section_follow")}</legend>
          <DateInput id="rec-dueOn" label={t("followup.fields.due_on")} value={values.dueOn} onChange={set("dueOn")} error={error("dueOn")} />
          {!existing && (
            <RadioGroupField
              id="rec-status"
              legend={t("followup.fields.status")}
              value={values.status}
              onChange={(v) => set("status")(v as Values["status"])}
              error={error("status")}
              options={(["proposed", "approved"] as const).map((s) => ({ value: s, label: t(`followup.status.${s}`), description: t(`followup.form.status_hint.${s}`) }))}
            />
          )}
        </fieldset>

        <VisibilityField
          id="rec-visibility"
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

        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("followup.form.create")}
          </button>
          <Link to={existing ? `/recommendations/${encodeURIComponent(existing.id)}` : "/recommendations"} className="button button--secondary">
            {t("common.cancel")}
          </Link>
        </div>
      </form>
    </>
  );
}

/** /recommendations/new (direct entry) and /recommendations/:id/edit */
export function RecommendationFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useApi<Recommendation>(id ? recommendationPath(id) : null);
  const list = useApi<RecommendationList>(id ? null : "/api/recommendations", { pageSize: 1 });
  usePageTitle(id ? t("followup.form.edit_title") : t("followup.form.new_title"));
  if (!id) {
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.data) return <Loading />;
    if (!list.data.abilities.create) return <Forbidden />;
    return <RecommendationForm />;
  }
  if (existing.error && !existing.data) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!existing.data.abilities.manage) return <Forbidden />;
  return <RecommendationForm key={existing.data.id} existing={existing.data} onReload={existing.reload} />;
}
