import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { surveyWaitsFor, type AssessmentKind } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { usePickLocal } from "../../components/format.js";
import { useFormatPercent } from "../followup/FollowupBits.js";
import { trainingPaths } from "./paths.js";
import { ProgressStep, type StepState } from "./ProgressStep.js";
import { useResultsFormat } from "./ResultsFormat.js";
import { resultsApi, type MyProgressData, type TestProgress } from "./ResultsTypes.js";
import { SurveyForm } from "./SurveyForm.js";
import { testsApi } from "./TestTypes.js";
import type { ProgrammeTabProps } from "./types.js";
import "./ProgressPanel.css";

function testState(test: TestProgress, missing: boolean): StepState {
  if (test.status === "submitted") return missing ? "todo" : "done";
  if (test.status === "in_progress") return "in_progress";
  return test.available ? "todo" : "waiting";
}

/** Start or resume a test, then go to it. */
function TestButton({ programmeId, test }: { programmeId: string; test: TestProgress }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const action = useAction();
  if (test.status === "submitted" || !test.available) return null;
  async function go(kind: AssessmentKind) {
    const result = await action.run(() => api.post<{ id: string }>(testsApi.start(programmeId, kind)));
    if (result.ok) navigate(trainingPaths.attempt(result.value.id));
  }
  return (
    <>
      <FormErrors error={action.error} />
      <button type="button" className="button button--primary button--small" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void go(test.kind)}>
        {action.pending ? t("common.working") : test.status === "in_progress" ? t("training.results.progress.resume") : t("training.results.progress.start")}
      </button>
    </>
  );
}

function TestStatus({ test }: { test: TestProgress }) {
  const { t } = useTranslation();
  const percent = useFormatPercent();
  if (test.status === "submitted") return <p>{t("training.results.progress.test_submitted", { score: percent(test.scorePct) })}</p>;
  if (!test.available) return <p>{t("training.results.progress.test_not_open")}</p>;
  return (
    <>
      <p>{test.status === "in_progress" ? t("training.results.progress.test_in_progress") : t("training.results.progress.test_not_started")}</p>
      {test.opensAt && new Date(test.opensAt) > new Date() && (
        <p className="row-secondary">
          {t("training.results.progress.test_opens")} <DateTime value={test.opensAt} mode="datetime" />
        </p>
      )}
      {test.closesAt && (
        <p className="row-secondary">
          {t("training.results.progress.test_closes")} <DateTime value={test.closesAt} mode="datetime" />
        </p>
      )}
    </>
  );
}

/** The certificate step: download and verify it, or ask for it once complete. */
function CertificateStep({ programmeId, data, onIssued }: { programmeId: string; data: MyProgressData; onIssued(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const cert = data.certificate;
  const valid = cert?.status === "valid" ? cert : null;
  async function issue() {
    const result = await action.run(() => api.post(resultsApi.myCertificate(programmeId)));
    if (result.ok) onIssued();
  }
  return (
    <ProgressStep title={t("training.results.progress.step_certificate")} state={valid ? "done" : data.complete ? "todo" : "waiting"}>
      {valid ? (
        <>
          <p>
            {t("training.results.progress.certificate_issued")} <DateTime value={valid.issuedAt} />
          </p>
          <p>
            {t("training.results.progress.certificate_code")}:{" "}
            <bdi dir="ltr" className="progress-code">
              {valid.code}
            </bdi>
          </p>
          <div className="progress-actions">
            <a className="button button--primary button--small" href={valid.pdfUrl} download>
              {t("training.results.progress.certificate_download")}
            </a>
            <Link className="button button--link" to={trainingPaths.verify(valid.code)}>
              {t("training.results.progress.certificate_verify")}
            </Link>
          </div>
        </>
      ) : (
        <>
          {cert?.status === "revoked" && <p className="alert alert--error">{t("training.results.progress.certificate_revoked", { code: cert.code })}</p>}
          {data.complete ? (
            <>
              <FormErrors error={action.error} />
              <button type="button" className="button button--primary button--small" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void issue()}>
                {action.pending ? t("common.working") : cert ? t("training.results.progress.certificate_new") : t("training.results.progress.certificate_get")}
              </button>
            </>
          ) : (
            <p>{t("training.results.progress.certificate_not_yet")}</p>
          )}
        </>
      )}
    </ProgressStep>
  );
}

/**
 * The trainee's own progress in a programme (on its overview tab): pre-test → workshops attended
 * (per workshop) → post-test → satisfaction survey → certificate, each with its state and the
 * programme's rule in words ("attendance ≥ 75 % — you have 80 %"), and what to do next. The survey
 * waits for the end of the training (common/training.ts `surveyWaitsFor`), saying when it opens.
 */
export function MyProgress({ programme }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const percent = useFormatPercent();
  const { points } = useResultsFormat();
  const pick = usePickLocal();
  const enrolled = programme.myEnrolment?.status === "enrolled";
  const progress = useApi<MyProgressData>(enrolled ? resultsApi.myProgress(programme.id) : null);
  if (!enrolled) return null;
  const data = progress.data;
  const surveyWait = data && !data.surveyDone ? surveyWaitsFor({ hasPostTest: data.hasPostTest, postSubmitted: data.post.status === "submitted", workshops: data.workshops }) : null;

  return (
    <section className="card progress-panel" aria-labelledby="my-progress-title" aria-busy={progress.loading || undefined}>
      <h2 id="my-progress-title" className="card-title">
        {t("training.results.progress.title")}
      </h2>
      {progress.error && <ErrorState error={progress.error} onRetry={progress.reload} />}
      {!data && !progress.error && <Loading />}
      {data && (
        <>
          <div className="progress-summary" role="status">
            {data.complete ? (
              <p className="alert alert--success">{t("training.results.progress.complete")}</p>
            ) : (
              <div className="alert alert--info">
                <p className="alert-title">{t("training.results.progress.still_missing")}</p>
                <ul>
                  {data.missingText.map((text) => (
                    <li key={text}>{text}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <ol className="progress-steps">
            <ProgressStep title={t("training.results.progress.step_pre")} state={testState(data.pre, false)}>
              <TestStatus test={data.pre} />
              <p className="row-secondary">{t("training.results.progress.pre_note")}</p>
              <TestButton programmeId={programme.id} test={data.pre} />
            </ProgressStep>

            <ProgressStep
              title={t("training.results.progress.step_workshops")}
              state={data.rule.minAttendancePct === 0 ? "not_required" : !data.missing.includes("attendance") ? "done" : data.workshopsHeld === 0 ? "waiting" : "todo"}
            >
              <p>
                {data.rule.minAttendancePct === 0
                  ? t("training.results.progress.rule_no_attendance")
                  : data.workshopsHeld === 0
                    ? t("training.results.progress.rule_attendance_none", { min: percent(data.rule.minAttendancePct) })
                    : t("training.results.progress.rule_attendance", { min: percent(data.rule.minAttendancePct), value: percent(data.attendancePct) })}
              </p>
              {data.workshops.length === 0 ? (
                <p className="row-secondary">{t("training.results.progress.no_workshops")}</p>
              ) : (
                <ul className="progress-workshops">
                  {data.workshops.map((w) => (
                    <li key={w.id}>
                      <span dir="auto">{pick(w.titleAr, w.titleEn)}</span> — <DateTime value={w.startsAt} timeZone={w.timeZone} />
                      <span className="row-secondary">
                        {w.status === "cancelled"
                          ? t("training.results.progress.workshop_cancelled")
                          : w.held
                            ? t("training.results.progress.workshop_attended", { value: percent(w.attendedPct) })
                            : t("training.results.progress.workshop_upcoming")}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </ProgressStep>

            <ProgressStep title={t("training.results.progress.step_post")} state={data.hasPostTest ? testState(data.post, data.missing.includes("post_test")) : "not_required"}>
              <p>
                {!data.hasPostTest
                  ? t("training.results.progress.rule_no_post")
                  : data.post.scorePct === null
                    ? t("training.results.progress.rule_post_not_taken", { min: percent(data.rule.minPostScorePct) })
                    : t("training.results.progress.rule_post", { min: percent(data.rule.minPostScorePct), value: percent(data.post.scorePct) })}
              </p>
              {data.hasPostTest && (
                <>
                  <TestStatus test={data.post} />
                  <TestButton programmeId={programme.id} test={data.post} />
                </>
              )}
            </ProgressStep>

            <ProgressStep title={t("training.results.progress.step_survey")} state={data.surveyDone ? "done" : surveyWait ? "waiting" : data.rule.requireSurvey ? "todo" : "not_required"}>
              <p>{data.rule.requireSurvey ? t("training.results.progress.rule_survey_required") : t("training.results.progress.rule_survey_optional")}</p>
              {data.surveyDone ? (
                <p>{t("training.results.progress.survey_done")}</p>
              ) : surveyWait ? (
                <p>{t(`training.results.progress.survey_opens_${surveyWait}`)}</p>
              ) : (
                <SurveyForm programmeId={programme.id} onSent={progress.reload} />
              )}
            </ProgressStep>

            <CertificateStep programmeId={programme.id} data={data} onIssued={progress.reload} />
          </ol>
          {data.gain !== null && (
            <p className="progress-gain">
              {t("training.results.progress.gain", { gain: points(data.gain), pre: percent(data.pre.scorePct), post: percent(data.post.scorePct) })}
            </p>
          )}
        </>
      )}
    </section>
  );
}

