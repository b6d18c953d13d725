import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ENROLMENT_MODES, type EnrolmentMode } from "../../../../common/training.js";
import type { Visibility } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { Organisation } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { useMe } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ConflictNotice } from "../../components/ConflictNotice.js";
import { CheckboxField, FieldError, RadioGroupField, SelectField, TextAreaField, TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { FormActions } from "../../components/FormActions.js";
import { FormPageLoader } from "../../components/FormPageLoader.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader } from "../../components/PageHeader.js";
import { useFormSave } from "../../components/useFormSave.js";
import { currentShareGroup, VisibilityField } from "../directory/VisibilityField.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "../followup/digits.js";
import { OrgListPicker } from "../followup/Pickers.js";
import { WholeNumberField } from "../../components/WholeNumberField.js";
import { trainingPaths } from "./paths.js";
import { checkProgramme, initialProgrammeState, programmeBody } from "./ProgrammeFormState.js";
import { ProgrammeSurveyEditor, SURVEY_MAX } from "./ProgrammeSurveyEditor.js";
import type { ProgrammeDetail } from "./types.js";
import { AUDIENCES, programmeApi } from "./useTraining.js";
import "./training.css";

/** The fields the form shows, so FormErrors lists only the server's messages for others. */
const SHOWN_FIELDS = [
  "code", "seasonId", "titleAr", "titleEn", "descriptionAr", "descriptionEn", "objectivesAr", "objectivesEn", "audience", "ownerIds",
  "visibility", "shareGroupId", "enrolment", "minAttendancePct", "minPostScorePct", "requireSurvey", "survey", "cooperationProgrammeId",
];

interface CooperationProgrammes {
  items: Array<{ id: string; code: string; titleAr: string; titleEn: string }>;
}

function ProgrammeForm({ existing }: { existing?: ProgrammeDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const seasonName = useSeasonName();
  const seasons = useSeasons();
  const lead = existing?.owners[0] ?? me.organisation;
  const leadOrg = useApi<Organisation>(`/api/organisations/${encodeURIComponent(lead.code)}`);
  const cooperation = useApi<CooperationProgrammes>("/api/programmes", { pageSize: 100 });
  const groups = leadOrg.data ? (leadOrg.data.groups ?? []) : undefined;
  const form = useFormSave({
    existing,
    toState: initialProgrammeState,
    check: checkProgramme,
    send: (values, version) => {
      const body = programmeBody(values, currentShareGroup({ shareGroupId: values.shareGroupId }, groups));
      return existing ? api.patch<ProgrammeDetail>(programmeApi(existing.id), { ...body, version }) : api.post<ProgrammeDetail>("/api/training/programmes", body);
    },
    conflictCode: "TRAINING_PROGRAMME_CONFLICT",
    fetchLatest: (saved) => api.get<ProgrammeDetail>(programmeApi(saved.id)),
    onSaved: (saved) => navigate(trainingPaths.programme(saved.id)),
    leaveWarning: t("training.programme.form.leave_warning"),
  });
  const { values, set, problems, action, latest } = form;
  const shareGroupId = currentShareGroup({ shareGroupId: values.shareGroupId }, groups);

  const labels: Record<string, string> = {
    code: t("training.programme.form.code"),
    seasonId: t("training.programme.season"),
    titleAr: t("training.programme.form.title_ar"),
    titleEn: t("training.programme.form.title_en"),
    audience: t("training.programme.audience_label"),
    minAttendancePct: t("training.programme.form.min_attendance"),
    minPostScorePct: t("training.programme.form.min_post_score"),
    survey: t("training.programme.form.survey"),
    textAr: t("training.programme.form.text_ar"),
    textEn: t("training.programme.form.text_en"),
  };
  const localMessage = (field: string): string | undefined => {
    const problem = problems[field];
    if (!problem) return undefined;
    const label = labels[field.split(".").pop()!] ?? field;
    if (problem === "required") return t("validation.required", { field: label });
    if (problem === "invalid_format") return t("training.programme.form.code_invalid");
    if (problem === "pct_range") return t("training.programme.form.pct_range", { field: label, min: n(0), max: n(100) });
    return t("training.programme.form.survey_too_many", { max: n(SURVEY_MAX) });
  };
  const error = (field: string) => localMessage(field) ?? action.fieldError(field);
  const shownFields = [...SHOWN_FIELDS, ...values.survey.flatMap((_, i) => ["id", "kind", "textAr", "textEn"].map((f) => `survey.${i}.${f}`))];

  const surveyError = (index: number, field: string) => error(`survey.${index}.${field}`);
  const audienceError = error("audience");

  return (
    <>
      <PageHeader
        crumbs={[{ label: t("training.programme.title"), to: trainingPaths.list() }, ...(existing ? [{ label: pick(existing.titleAr, existing.titleEn), to: trainingPaths.programme(existing.id) }] : [])]}
        title={existing ? t("training.programme.form.edit_title") : t("training.programme.form.new_title")}
        subtitle={localName(lead)}
      />
      <form onSubmit={form.onSubmit} noValidate className="form form--wide programme-form">
        <p className="form-note">{t("common.required_note")}</p>
        <FormErrors error={action.error} shownFields={shownFields} localMessage={form.problemSummary} />

        {latest && (
          <ConflictNotice
            id="programme-conflict-title"
            title={t("training.programme.form.conflict_title")}
            saveMineLabel={t("training.programme.form.conflict_save_mine")}
            takeTheirsLabel={t("training.programme.form.conflict_take_theirs")}
            pending={action.pending}
            onSaveMine={form.saveOver}
            onTakeTheirs={form.askTakeTheirs}
          >
            <p>{t("training.programme.form.conflict_body", { version: n(latest.version) })}</p>
            <dl className="summary-list">
              <div>
                <dt>{t("training.programme.form.title_ar")}</dt>
                <dd lang="ar" dir="rtl">
                  {latest.titleAr}
                </dd>
              </div>
              <div>
                <dt>{t("training.programme.form.title_en")}</dt>
                <dd lang="en" dir="ltr">
                  {latest.titleEn}
                </dd>
              </div>
              <div>
                <dt>{t("training.programme.rule_title")}</dt>
                <dd>{t("training.programme.form.conflict_rule", { attendance: n(latest.minAttendancePct), post: n(latest.minPostScorePct) })}</dd>
              </div>
            </dl>
          </ConflictNotice>
        )}

        <fieldset className="form-section">
          <legend>{t("training.programme.form.section_general")}</legend>
          <div className="form-grid">
            <TextField id="programme-code" label={labels.code} hint={t("training.programme.form.code_hint")} dir="ltr" maxLength={40} value={values.code} onChange={set("code")} error={error("code")} required />
            <SelectField
              id="programme-seasonId"
              label={labels.seasonId}
              value={values.seasonCode}
              onChange={set("seasonCode")}
              options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
              placeholder={seasons.loading ? t("common.loading") : t("common.choose")}
              error={error("seasonId")}
              required
            />
            <TextField id="programme-titleAr" label={labels.titleAr} dir="rtl" lang="ar" maxLength={300} value={values.titleAr} onChange={set("titleAr")} error={error("titleAr")} required />
            <TextField id="programme-titleEn" label={labels.titleEn} dir="ltr" lang="en" maxLength={300} value={values.titleEn} onChange={set("titleEn")} error={error("titleEn")} required />
            <TextAreaField id="programme-descriptionAr" label={t("training.programme.form.description_ar")} dir="rtl" lang="ar" rows={4} maxLength={8000} value={values.descriptionAr} onChange={set("descriptionAr")} error={error("descriptionAr")} />
            <TextAreaField id="programme-descriptionEn" label={t("training.programme.form.description_en")} dir="ltr" lang="en" rows={4} maxLength={8000} value={values.descriptionEn} onChange={set("descriptionEn")} error={error("descriptionEn")} />
            <TextAreaField id="programme-objectivesAr" label={t("training.programme.form.objectives_ar")} hint={t("training.programme.form.objectives_hint")} dir="rtl" lang="ar" rows={4} value={values.objectivesAr} onChange={set("objectivesAr")} error={error("objectivesAr")} />
            <TextAreaField id="programme-objectivesEn" label={t("training.programme.form.objectives_en")} hint={t("training.programme.form.objectives_hint")} dir="ltr" lang="en" rows={4} value={values.objectivesEn} onChange={set("objectivesEn")} error={error("objectivesEn")} />
          </div>
          <fieldset className={["field", "fieldset", audienceError ? "field--invalid" : ""].join(" ").trim()} aria-describedby={audienceError ? "programme-audience-error" : undefined}>
            <legend className="field-label">
              {labels.audience}
              <span className="field-required" title={t("common.required")}>
                <span aria-hidden="true">*</span>
                <span className="visually-hidden">{t("common.required")}</span>
              </span>
            </legend>
            <div className="checkbox-list">
              {AUDIENCES.map((a) => (
                <CheckboxField
                  key={a}
                  id={`programme-audience-${a}`}
                  label={t(`training.programme.audience.${a}`)}
                  checked={values.audience.includes(a)}
                  onChange={(checked) => set("audience")(checked ? [...values.audience, a] : values.audience.filter((x) => x !== a))}
                />
              ))}
            </div>
            <FieldError id="programme-audience" error={audienceError} />
          </fieldset>
        </fieldset>

        <OrgListPicker
          id="programme-coOwners"
          legend={t("training.programme.form.co_owners")}
          hint={t("training.programme.form.co_owners_hint", { lead: localName(lead) })}
          value={values.coOwners.filter((o) => o.id !== lead.id)}
          onChange={set("coOwners")}
          error={error("ownerIds")}
        />

        <fieldset className="form-section">
          <legend>{t("training.programme.form.section_enrolment")}</legend>
          <RadioGroupField
            id="programme-enrolment"
            legend={t("training.programme.form.enrolment")}
            value={values.enrolment}
            onChange={(value) => set("enrolment")(value as EnrolmentMode)}
            error={error("enrolment")}
            required
            options={ENROLMENT_MODES.map((m) => ({ value: m, label: t(`training.programme.enrolment_modes.${m}`), description: t(`training.programme.form.enrolment_help.${m}`) }))}
          />
          <SelectField
            id="programme-cooperationProgrammeId"
            label={t("training.programme.form.cooperation")}
            hint={t("training.programme.form.cooperation_hint")}
            value={values.cooperationProgrammeId}
            onChange={set("cooperationProgrammeId")}
            placeholder={cooperation.loading && !cooperation.data ? t("common.loading") : t("training.programme.form.no_cooperation")}
            options={[
              ...(cooperation.data?.items ?? []).map((p) => ({ value: p.id, label: pick(p.titleAr, p.titleEn) })),
              ...(existing?.cooperationProgramme && !cooperation.data?.items.some((p) => p.id === existing.cooperationProgramme!.id)
                ? [{ value: existing.cooperationProgramme.id, label: pick(existing.cooperationProgramme.titleAr, existing.cooperationProgramme.titleEn) }]
                : []),
            ]}
            error={error("cooperationProgrammeId")}
          />
        </fieldset>

        <fieldset className="form-section">
          <legend>{t("training.programme.rule_title")}</legend>
          <p className="field-hint">{t("training.programme.form.rule_hint")}</p>
          <div className="form-grid">
            <WholeNumberField id="programme-minAttendancePct" label={labels.minAttendancePct} hint={t("training.programme.form.min_attendance_hint")} value={values.minAttendancePct} onChange={set("minAttendancePct")} min={0} max={100} error={error("minAttendancePct")} className="field--narrow" />
            <WholeNumberField id="programme-minPostScorePct" label={labels.minPostScorePct} hint={t("training.programme.form.min_post_score_hint")} value={values.minPostScorePct} onChange={set("minPostScorePct")} min={0} max={100} error={error("minPostScorePct")} className="field--narrow" />
          </div>
          <CheckboxField id="programme-requireSurvey" label={t("training.programme.form.require_survey")} checked={values.requireSurvey} onChange={set("requireSurvey")} />
        </fieldset>

        <ProgrammeSurveyEditor value={values.survey} onChange={set("survey")} fieldError={surveyError} error={error("survey")} />

        <VisibilityField
          id="programme-visibility"
          value={values.visibility}
          onChange={(value) => set("visibility")(value as Visibility)}
          error={error("visibility")}
          share={{
            groups,
            loadError: leadOrg.error,
            onRetry: leadOrg.reload,
            value: shareGroupId,
            onChange: set("shareGroupId"),
            error: error("shareGroupId"),
            unavailable: groups?.length === 0 ? t("directory.share_group_no_groups") : undefined,
          }}
        />
        <p className="field-hint">{t("training.programme.form.draft_note")}</p>

        <FormActions
          submitLabel={existing ? t("common.save_changes") : t("training.programme.form.create")}
          pending={action.pending}
          cancelTo={existing ? trainingPaths.programme(existing.id) : trainingPaths.list()}
          unsavedNote={form.isDirty ? t("training.programme.form.unsaved") : null}
        >
          {existing && <span className="form-note">{t("training.programme.form.version", { version: n(form.version) })}</span>}
        </FormActions>
        <ConfirmDialog {...form.takeTheirsDialog} title={t("training.programme.form.take_theirs_title")} confirmLabel={t("training.programme.form.conflict_take_theirs")} danger>
          <p>{t("training.programme.form.take_theirs_body")}</p>
        </ConfirmDialog>
      </form>
    </>
  );
}

/** /training/new and /training/:id/edit — for those who manage programmes (coordinators, owners' admins and trainers). */
export function ProgrammeFormPage() {
  const { t } = useTranslation();
  return (
    <FormPageLoader<ProgrammeDetail>
      titles={{ create: t("training.programme.form.new_title"), edit: t("training.programme.form.edit_title") }}
      recordPath={programmeApi}
      listPath="/api/training/programmes"
      canEdit={(programme) => programme.can.manage}
    >
      {(existing) => <ProgrammeForm existing={existing} />}
    </FormPageLoader>
  );
}
