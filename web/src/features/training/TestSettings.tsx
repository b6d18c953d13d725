import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { MAX_TIME_LIMIT_MINUTES, normaliseDecimal, type AssessmentKind } from "../../../../common/training.js";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { DateInput } from "../../components/DateInput.js";
import { CheckboxField, FieldError, SelectField, TextField } from "../../components/Field.js";
import { Badge, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import { instantToLocal, localToInstant, testsApi, type Assessment, type BankQuestion } from "./TestTypes.js";

interface Values {
  questionIds: string[];
  timeLimit: string;
  opensDate: string | null;
  opensTime: string;
  closesDate: string | null;
  closesTime: string;
  published: boolean;
}

function valuesOf(a: Assessment | null, timeZone: string, format: (n: number) => string): Values {
  const opens = instantToLocal(a?.opensAt ?? null, timeZone);
  const closes = instantToLocal(a?.closesAt ?? null, timeZone);
  return {
    questionIds: a?.questions?.map((q) => q.id) ?? [],
    timeLimit: a?.timeLimitMinutes ? format(a.timeLimitMinutes) : "",
    opensDate: opens.date,
    opensTime: opens.time,
    closesDate: closes.date,
    closesTime: closes.time,
    published: a?.published ?? false,
  };
}

/**
 * The settings of the pre- or post-test: its questions picked from the bank and put in order (locked
 * once trainees have started it), the time limit, the window (Riyadh time) and publication.
 */
export function TestSettings({
  programmeId,
  kind,
  assessment,
  bank,
  preQuestionIds,
  onSaved,
}: {
  programmeId: string;
  kind: AssessmentKind;
  assessment: Assessment | null;
  bank: BankQuestion[];
  /** The pre-test's questions, offered to the post-test. */
  preQuestionIds?: string[];
  onSaved(a: Assessment): void;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const { timeZone } = useDisplaySettings();
  const [values, setValues] = useState<Values>(() => valuesOf(assessment, timeZone, n));
  const [toAdd, setToAdd] = useState("");
  const [local, setLocal] = useState<Record<string, string>>({});
  const [said, setSaid] = useState<string | null>(null);
  const action = useAction();
  const locked = assessment?.locked === true;
  const prefix = `test-${kind}`;
  const kindLabel = t(kind === "pre" ? "training.assessment.kind_pre" : "training.assessment.kind_post");
  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (field: string) => local[field] ?? action.fieldError(field);

  const byId = new Map(bank.map((q) => [q.id, q]));
  // Questions of the test in order (a locked test may hold questions no longer in the bank's list).
  const chosen = values.questionIds.map((id) => byId.get(id) ?? assessment?.questions?.find((q) => q.id === id)).filter((q): q is NonNullable<typeof q> => q !== undefined);
  const available = bank.filter((q) => !q.archivedAt && !values.questionIds.includes(q.id));
  const totalPoints = chosen.reduce((sum, q) => sum + q.points, 0);

  function move(index: number, step: -1 | 1) {
    const ids = [...values.questionIds];
    const [id] = ids.splice(index, 1);
    ids.splice(index + step, 0, id!);
    set("questionIds")(ids);
  }

  async function save(e?: FormEvent) {
    e?.preventDefault();
    setSaid(null);
    const problems: Record<string, string> = {};
    let timeLimitMinutes: number | null = null;
    if (values.timeLimit.trim()) {
      const latin = normaliseDecimal(values.timeLimit);
      if (latin === null || !/^\d+$/.test(latin)) problems.timeLimitMinutes = t("training.assessment.invalid_minutes");
      else timeLimitMinutes = Number(latin);
    }
    const opensAt = localToInstant(values.opensDate, values.opensTime, timeZone);
    const closesAt = localToInstant(values.closesDate, values.closesTime, timeZone);
    if (opensAt === "invalid") problems.opensAt = t("training.assessment.invalid_time");
    if (closesAt === "invalid") problems.closesAt = t("training.assessment.invalid_time");
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;
    const body = {
      questionIds: values.questionIds,
      timeLimitMinutes,
      opensAt,
      closesAt,
      published: values.published,
      ...(assessment ? { version: assessment.version } : {}),
    };
    const result = await action.run(() => api.put<Assessment>(testsApi.assessment(programmeId, kind), body));
    if (result.ok) {
      setSaid(t("training.assessment.test_saved", { kind: kindLabel }));
      onSaved(result.value);
    }
  }

  return (
    <form className="card test-card" noValidate onSubmit={(e) => void save(e)} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} className="card-title">
        {kindLabel}
      </h3>
      <div className="test-card-status">
        {!assessment ? (
          <Badge>{t("training.assessment.not_set_up")}</Badge>
        ) : (
          <>
            <Badge tone={assessment.published ? "success" : "neutral"}>{assessment.published ? t("training.assessment.status_published") : t("training.assessment.status_draft")}</Badge>
            {assessment.published && <Badge tone={assessment.isOpen ? "info" : "warning"}>{assessment.isOpen ? t("training.assessment.status_open") : t("training.assessment.status_closed")}</Badge>}
            {locked && <Badge tone="warning">{t("training.assessment.status_locked")}</Badge>}
            <span className="row-secondary-inline">
              {t("training.assessment.attempts_counts", { started: n(assessment.attemptsCount ?? 0), submitted: n(assessment.submittedCount ?? 0) })}
            </span>
          </>
        )}
      </div>
      {locked && <p className="question-locked-note">{t("training.assessment.locked_note", { count: assessment?.attemptsCount ?? 0, n: n(assessment?.attemptsCount ?? 0) })}</p>}
      <FormErrors error={action.error} shownFields={["questionIds", "timeLimitMinutes", "opensAt", "closesAt"]} />

      <fieldset className="fieldset" aria-describedby={error("questionIds") ? `${prefix}-questions-error` : undefined}>
        <legend className="field-label">{t("training.assessment.chosen_questions")}</legend>
        {chosen.length === 0 ? (
          <p className="row-secondary">{t("training.assessment.no_questions_chosen")}</p>
        ) : (
          <ol className="test-question-list">
            {chosen.map((q, i) => {
              const text = pick(q.textAr, q.textEn);
              return (
                <li key={q.id}>
                  <div className="test-question-row">
                    <span dir="auto">
                      <span className="test-question-number">{n(i + 1)}.</span> {text} <span className="row-secondary-inline">({t("training.assessment.points_value", { count: q.points, n: n(q.points) })})</span>
                    </span>
                    {!locked && (
                      <span className="test-question-buttons">
                        <button type="button" className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${t("training.assessment.move_up")}: ${text}`}>
                          <span aria-hidden="true">↑</span>
                        </button>
                        <button type="button" className="button button--ghost button--small" disabled={i === chosen.length - 1} onClick={() => move(i, 1)} aria-label={`${t("training.assessment.move_down")}: ${text}`}>
                          <span aria-hidden="true">↓</span>
                        </button>
                        <button type="button" className="button button--link" onClick={() => set("questionIds")(values.questionIds.filter((x) => x !== q.id))} aria-label={`${t("training.assessment.remove")}: ${text}`}>
                          {t("training.assessment.remove")}
                        </button>
                      </span>
                    )}
                  </div>
                </li>
              );
            })}
          </ol>
        )}
        <p className="row-secondary">{t("training.assessment.total_points", { count: totalPoints, n: n(totalPoints) })}</p>
        <FieldError id={`${prefix}-questions`} error={error("questionIds")} />
        {!locked && (
          <>
            {available.length > 0 && (
              <div className="test-add">
                <SelectField
                  id={`${prefix}-add`}
                  label={t("training.assessment.add_from_bank")}
                  value={toAdd}
                  onChange={setToAdd}
                  placeholder={t("training.assessment.choose_question")}
                  options={available.map((q) => ({ value: q.id, label: `${pick(q.textAr, q.textEn)} (${t(`training.assessment.kind_${q.kind}`)})` }))}
                />
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={!toAdd}
                  onClick={() => {
                    set("questionIds")([...values.questionIds, toAdd]);
                    setToAdd("");
                  }}
                >
                  {t("training.assessment.add")}
                </button>
                <button type="button" className="button button--ghost" onClick={() => set("questionIds")([...values.questionIds, ...available.map((q) => q.id)])}>
                  {t("training.assessment.add_all")}
                </button>
              </div>
            )}
            {preQuestionIds && preQuestionIds.length > 0 && (
              <p>
                <button type="button" className="button button--ghost button--small" onClick={() => set("questionIds")(preQuestionIds.filter((id) => byId.has(id)))}>
                  {t("training.assessment.same_as_pre")}
                </button>
              </p>
            )}
          </>
        )}
      </fieldset>

      <TextField
        id={`${prefix}-timeLimit`}
        label={t("training.assessment.time_limit")}
        value={values.timeLimit}
        onChange={set("timeLimit")}
        inputMode="numeric"
        dir="ltr"
        hint={t("training.assessment.time_limit_hint", { n: n(MAX_TIME_LIMIT_MINUTES) })}
        error={error("timeLimitMinutes")}
      />
      <fieldset className="fieldset" aria-describedby={`${prefix}-window-hint`}>
        <legend className="field-label">{t("training.assessment.window_legend")}</legend>
        <p id={`${prefix}-window-hint`} className="field-hint">
          {t("training.assessment.window_hint")}
        </p>
        <div className="test-window">
          <DateInput id={`${prefix}-opensDate`} label={t("training.assessment.opens_on")} value={values.opensDate} onChange={set("opensDate")} error={error("opensAt")} />
          <TextField id={`${prefix}-opensTime`} label={t("training.assessment.opens_at_time")} type="time" dir="ltr" value={values.opensTime} onChange={set("opensTime")} />
          <DateInput id={`${prefix}-closesDate`} label={t("training.assessment.closes_on")} value={values.closesDate} onChange={set("closesDate")} error={error("closesAt")} min={values.opensDate ?? undefined} />
          <TextField id={`${prefix}-closesTime`} label={t("training.assessment.closes_at_time")} type="time" dir="ltr" value={values.closesTime} onChange={set("closesTime")} />
        </div>
      </fieldset>
      <CheckboxField id={`${prefix}-published`} label={t("training.assessment.publish")} checked={values.published} onChange={set("published")} />
      <StatusMessage>{said}</StatusMessage>
      <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
        {action.pending ? t("common.saving") : t("training.assessment.save_test")}
      </button>
    </form>
  );
}
