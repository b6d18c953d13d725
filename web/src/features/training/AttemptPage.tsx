import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, useOtherLanguage, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useUnsavedChanges } from "../../components/useUnsavedChanges.js";
import { attemptStorageKey, useAttemptAnswers } from "./AttemptAnswers.js";
import { AttemptQuestionField } from "./AttemptQuestion.js";
import { AttemptResult } from "./AttemptResult.js";
import { AttemptTimer } from "./AttemptTimer.js";
import { trainingPaths } from "./paths.js";
import { testsApi, type Attempt } from "./TestTypes.js";
import "./AttemptPage.css";

/** How long to wait before trying a submission again when it could not reach the server. */
const SUBMIT_RETRY_MS = 5000;

function useOnline(): boolean {
  const [online, setOnline] = useState(() => (typeof navigator === "undefined" ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener("online", on);
    window.addEventListener("offline", off);
    return () => {
      window.removeEventListener("online", on);
      window.removeEventListener("offline", off);
    };
  }, []);
  return online;
}

/** The questions of an attempt in progress: answered one by one, saved as they change, then submitted. */
function AttemptForm({ attempt, offsetMs, both, onSubmitted, onClosed }: { attempt: Attempt; offsetMs: number; both: boolean; onSubmitted(a: Attempt): void; onClosed(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const online = useOnline();
  const { states, change, flush, unsavedCount } = useAttemptAnswers(attempt.id, attempt.questions, true, onClosed);
  const submit = useAction();
  const [confirm, setConfirm] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  useUnsavedChanges(unsavedCount > 0, t("training.assessment.leave_warning"));
  useEffect(() => () => {
    if (retry.current) clearTimeout(retry.current);
  }, []);

  const total = attempt.questions.length;
  const unanswered = attempt.questions
    .filter((q) => {
      const r = states[q.id]?.response;
      return !r || ("optionIds" in r ? r.optionIds.length === 0 : r.value === "");
    })
    .map((q) => q.number);
  const answered = total - unanswered.length;

  const send = useCallback(async () => {
    // Answers first (the server still takes them during its grace period), then the submission.
    await flush();
    const result = await submit.run(() => api.post<Attempt>(testsApi.submit(attempt.id)));
    if (result.ok) {
      try {
        window.localStorage.removeItem(attemptStorageKey(attempt.id));
      } catch {
        // Nothing kept.
      }
      onSubmitted(result.value);
    }
    return result.ok;
  }, [attempt.id, flush, onSubmitted, submit]);

  const expire = useCallback(() => {
    setTimeUp(true);
    setConfirm(false);
    const attemptOnce = async () => {
      if (!(await send())) retry.current = setTimeout(() => void attemptOnce(), SUBMIT_RETRY_MS);
    };
    void attemptOnce();
  }, [send]);

  return (
    <>
      <div className="attempt-bar" role="region" aria-label={t("training.assessment.time_left")}>
        {attempt.deadlineAt ? <AttemptTimer deadlineAt={attempt.deadlineAt} offsetMs={offsetMs} onExpire={expire} /> : <p className="attempt-timer">{t("training.assessment.no_time_limit")}</p>}
        <p className="attempt-progress">{t("training.assessment.answered_count", { answered: n(answered), total: n(total) })}</p>
      </div>
      {!online && (
        <p className="attempt-offline" role="status">
          {t("training.assessment.offline")}
        </p>
      )}
      <ol className="attempt-questions" role="list">
        {attempt.questions.map((q) => (
          <li key={q.id}>
            <AttemptQuestionField question={q} total={total} answer={states[q.id]} both={both} disabled={timeUp} onChange={(response, delay) => change(q.id, response, delay)} />
          </li>
        ))}
      </ol>
      <FormErrors error={submit.error} />
      <div className="attempt-submit">
        <button type="button" className="button button--primary" disabled={submit.pending || timeUp} onClick={() => setConfirm(true)}>
          {t("training.assessment.submit")}
        </button>
      </div>
      <ConfirmDialog
        open={confirm}
        title={t("training.assessment.submit_title")}
        confirmLabel={t("training.assessment.submit_confirm")}
        pending={submit.pending}
        onCancel={() => setConfirm(false)}
        onConfirm={() => {
          void send().then((ok) => ok && setConfirm(false));
        }}
      >
        <p>{t("training.assessment.submit_body")}</p>
        <p className={unanswered.length ? "attempt-unanswered" : undefined}>
          {unanswered.length
            ? t("training.assessment.unanswered", { count: unanswered.length, list: unanswered.map((x) => n(x)).join(t("dates.list_separator")) })
            : t("training.assessment.all_answered")}
        </p>
        {unsavedCount > 0 && <p>{t("training.assessment.unsaved_before_submit", { count: unsavedCount, n: n(unsavedCount) })}</p>}
      </ConfirmDialog>
    </>
  );
}

/**
 * /training/attempts/:id — one page for the whole test: numbered questions, each answer saved as it
 * changes, a countdown on the server's clock that warns at 5 and 1 minutes and submits at zero, and
 * after submission the score and each question's result.
 */
export function AttemptPage() {
  const { id = "" } = useParams();
  const { t, i18n } = useTranslation();
  const pick = usePickLocal();
  const localName = useLocalName();
  const other = useOtherLanguage();
  const resource = useApi<Attempt>(testsApi.attempt(id));
  const attempt = resource.data;
  const [both, setBoth] = useState(false);
  const [offsetMs, setOffsetMs] = useState(0);
  const seenAt = useRef<string | null>(null);

  // The server's clock minus this device's, measured when the attempt arrives.
  if (attempt && seenAt.current !== attempt.serverNow) {
    seenAt.current = attempt.serverNow;
    setOffsetMs(Date.parse(attempt.serverNow) - Date.now());
  }

  const kind = attempt ? t(attempt.kind === "pre" ? "training.assessment.kind_pre" : "training.assessment.kind_post") : "";
  const title = attempt ? `${kind} — ${pick(attempt.programme.titleAr, attempt.programme.titleEn)}` : null;
  usePageTitle(title);

  if (!attempt) {
    if (resource.error) return <ErrorState error={resource.error} onRetry={resource.reload} />;
    return <Loading />;
  }
  const programmeLink = trainingPaths.programme(attempt.programme.id);
  return (
    <div className="attempt-page" lang={i18n.language}>
      <PageHeader
        title={title}
        subtitle={attempt.mine ? undefined : t("training.assessment.attempt_of", { name: localName(attempt.trainee) })}
        crumbs={[
          { label: t("training.programme.title"), to: trainingPaths.list() },
          { label: pick(attempt.programme.titleAr, attempt.programme.titleEn), to: programmeLink },
        ]}
        actions={
          <button type="button" className="button button--secondary button--small" aria-pressed={both} onClick={() => setBoth((b) => !b)}>
            {t(other === "ar" ? "training.assessment.show_other_ar" : "training.assessment.show_other_en")}
          </button>
        }
      />
      {attempt.status === "in_progress" && attempt.mine ? (
        <AttemptForm key={attempt.id} attempt={attempt} offsetMs={offsetMs} both={both} onSubmitted={resource.setData} onClosed={resource.reload} />
      ) : (
        <>
          <AttemptResult attempt={attempt} both={both} />
          <p>
            <Link to={programmeLink}>{t("training.assessment.back_to_programme")}</Link>
          </p>
        </>
      )}
    </div>
  );
}
