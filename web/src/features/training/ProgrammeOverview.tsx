import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { usePickLocal } from "../../components/format.js";
import { useSeasonName } from "../followup/digits.js";
import { MyProgress } from "./MyProgress.js";
import { AudienceFact, CompletionRule, OwnersFact } from "./ProgrammeBits.js";
import { WorkshopList } from "./ProgrammeWorkshops.js";
import type { ProgrammeTabProps } from "./types.js";
import { programmeApi } from "./useTraining.js";
import "../events/events.css";

/**
 * Enrol oneself. Someone the directory does not know yet is asked for his name in Arabic and in
 * English (the certificate shows both) once the server says it needs them.
 */
function SelfEnrolPanel({ programme, onChanged }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [needNames, setNeedNames] = useState(false);
  const [nameAr, setNameAr] = useState("");
  const [nameEn, setNameEn] = useState("");
  const withdrawn = programme.myEnrolment?.status === "withdrawn";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const body = needNames ? { nameAr: nameAr.trim(), nameEn: nameEn.trim() } : {};
    const result = await action.run(() => api.post(`${programmeApi(programme.id)}/enrolments/self`, body));
    if (result.ok) onChanged();
    else if (!needNames && (result.error.fieldError("nameAr") || result.error.fieldError("nameEn"))) {
      // Not in the directory yet: ask for the names, without calling it an error.
      setNeedNames(true);
      action.clear();
    }
  }

  return (
    <section className="card" aria-labelledby="self-enrol-title">
      <h2 id="self-enrol-title" className="card-title">
        {t("training.programme.self_enrol.title")}
      </h2>
      <p className="card-text">{withdrawn ? t("training.programme.self_enrol.withdrawn") : t("training.programme.self_enrol.intro")}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors error={action.error} shownFields={["nameAr", "nameEn"]} />
        {needNames && (
          <>
            <p className="alert alert--info">{t("training.programme.self_enrol.names_needed")}</p>
            <TextField id="self-enrol-nameAr" label={t("training.programme.self_enrol.name_ar")} dir="rtl" lang="ar" maxLength={200} value={nameAr} onChange={setNameAr} error={action.fieldError("nameAr")} required autoComplete="name" />
            <TextField id="self-enrol-nameEn" label={t("training.programme.self_enrol.name_en")} hint={t("training.programme.self_enrol.name_en_hint")} dir="ltr" lang="en" maxLength={200} value={nameEn} onChange={setNameEn} error={action.fieldError("nameEn")} required autoComplete="name" />
          </>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.working") : withdrawn ? t("training.programme.self_enrol.again") : t("training.programme.self_enrol.button")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The trainee's own enrolment: his progress (tests, attendance, certificate) and a way to withdraw. */
function MyEnrolmentPanel(props: ProgrammeTabProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [confirm, setConfirm] = useState(false);
  const mine = props.programme.myEnrolment!;

  async function withdraw() {
    const result = await action.run(() => api.delete(`/api/training/enrolments/${encodeURIComponent(mine.id)}`));
    setConfirm(false);
    if (result.ok) props.onChanged();
  }

  return (
    <>
      <MyProgress {...props} />
      <section className="card training-my-enrolment" aria-labelledby="my-enrolment-title">
        <h2 id="my-enrolment-title" className="card-title">
          {t("training.programme.my_enrolment.title")}
        </h2>
        <p className="card-text">
          {t("training.programme.my_enrolment.since")} <DateTime value={mine.createdAt} />
        </p>
        <FormErrors error={action.error} />
        <button type="button" className="button button--danger-outline button--small" onClick={() => setConfirm(true)}>
          {t("training.programme.my_enrolment.withdraw")}
        </button>
        <ConfirmDialog
          open={confirm}
          title={t("training.programme.my_enrolment.withdraw_title")}
          confirmLabel={t("training.programme.my_enrolment.withdraw")}
          danger
          pending={action.pending}
          onConfirm={() => void withdraw()}
          onCancel={() => setConfirm(false)}
        >
          <p>{t("training.programme.my_enrolment.withdraw_body")}</p>
        </ConfirmDialog>
      </section>
    </>
  );
}

/** The overview tab: what the programme is, its rule, its workshops, and the caller's enrolment. */
export function ProgrammeOverview(props: ProgrammeTabProps) {
  const { programme } = props;
  const { t, i18n } = useTranslation();
  const { user } = useSession();
  const pick = usePickLocal();
  const seasonName = useSeasonName();
  const arabic = i18n.language === "ar";
  const description = pick(programme.descriptionAr, programme.descriptionEn);
  const objectives = (arabic ? programme.objectivesAr : programme.objectivesEn).length ? (arabic ? programme.objectivesAr : programme.objectivesEn) : arabic ? programme.objectivesEn : programme.objectivesAr;
  const enrolled = programme.myEnrolment?.status === "enrolled";
  // Those who enrol others (managers, admins) know how; a would-be trainee is told who enrols him.
  const managedNote = !!user && !enrolled && !programme.can.selfEnrol && !programme.can.enrolOthers && programme.status === "published" && !programme.archivedAt;

  const hasSide = enrolled || programme.can.selfEnrol || managedNote;
  return (
    <div className={hasSide ? "detail-layout" : "detail-single"}>
      <div className="detail-main">
        <section className="card" aria-labelledby="programme-about-title">
          <h2 id="programme-about-title" className="card-title">
            {t("training.programme.about")}
          </h2>
          {description && (
            <p className="card-text preserve-lines" dir="auto">
              {description}
            </p>
          )}
          {objectives.length > 0 && (
            <>
              <h3 className="section-title">{t("training.programme.objectives")}</h3>
              <ul className="training-objectives" dir="auto">
                {objectives.map((o, i) => (
                  <li key={i}>{o}</li>
                ))}
              </ul>
            </>
          )}
          <dl className="summary-list">
            <div>
              <dt>{t("training.programme.season")}</dt>
              <dd>{seasonName(programme.season, programme.season.code)}</dd>
            </div>
            <OwnersFact owners={programme.owners} />
            <AudienceFact audience={programme.audience} />
            <div>
              <dt>{t("training.programme.form.enrolment")}</dt>
              <dd>{t(`training.programme.enrolment_modes.${programme.enrolment}`)}</dd>
            </div>
            {programme.cooperationProgramme && (
              <div>
                <dt>{t("training.programme.form.cooperation")}</dt>
                <dd>
                  <Link to={`/programmes/${encodeURIComponent(programme.cooperationProgramme.id)}`}>{pick(programme.cooperationProgramme.titleAr, programme.cooperationProgramme.titleEn)}</Link>
                </dd>
              </div>
            )}
          </dl>
        </section>
        <section className="card" aria-labelledby="programme-rule-title">
          <h2 id="programme-rule-title" className="card-title">
            {t("training.programme.rule_title")}
          </h2>
          <p className="card-text">{t("training.programme.rule.intro")}</p>
          <CompletionRule programme={programme} />
        </section>
        <section className="card" aria-labelledby="programme-workshops-title">
          <h2 id="programme-workshops-title" className="card-title">
            {t("training.programme.workshops")}
          </h2>
          <WorkshopList programme={programme} />
        </section>
      </div>
      {hasSide && (
        <div className="detail-side">
          {enrolled && <MyEnrolmentPanel {...props} />}
          {!enrolled && programme.can.selfEnrol && <SelfEnrolPanel {...props} />}
          {managedNote && <p className="alert alert--info">{programme.enrolment === "managed" ? t("training.programme.self_enrol.managed") : t("training.programme.self_enrol.closed")}</p>}
        </div>
      )}
    </div>
  );
}
