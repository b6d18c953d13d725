import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { CheckboxField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import { QuestionFormDialog } from "./QuestionForm.js";
import { displayDecimal, testsApi, type BankQuestion } from "./TestTypes.js";
import type { ProgrammeTabProps } from "./types.js";
import "./QuestionsTab.css";

/** The correct answer of a question, in the interface language. */
export function CorrectAnswer({ question }: { question: BankQuestion }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const { digits } = useDisplaySettings();
  const key = question.answerKey;
  if (question.kind === "numeric") {
    const value = displayDecimal(key.value ?? "", digits);
    const tolerance = key.tolerance && key.tolerance !== "0" ? displayDecimal(key.tolerance, digits) : null;
    return (
      <p className="question-key">
        <span className="question-key-label">{t("training.assessment.correct_answer")}:</span> <bdi>{tolerance ? t("training.assessment.numeric_key", { value, tolerance }) : value}</bdi>
      </p>
    );
  }
  if (question.kind === "true_false") {
    return (
      <p className="question-key">
        <span className="question-key-label">{t("training.assessment.correct_answer")}:</span> {key.optionIds?.[0] === "true" ? t("training.assessment.true") : t("training.assessment.false")}
      </p>
    );
  }
  return (
    <ul className="question-key-options">
      {question.options.map((o) => {
        const correct = key.optionIds?.includes(o.id) ?? false;
        return (
          <li key={o.id} className={correct ? "question-key-option question-key-option--correct" : "question-key-option"}>
            <span aria-hidden="true" className="question-key-mark">
              {correct ? "✓" : "•"}
            </span>{" "}
            <span dir="auto">{pick(o.textAr, o.textEn)}</span>
            {correct && <span className="visually-hidden"> ({t("training.assessment.correct_option")})</span>}
          </li>
        );
      })}
    </ul>
  );
}

function QuestionItem({
  question,
  number,
  isFirst,
  isLast,
  busy,
  onEdit,
  onArchive,
  onMove,
}: {
  question: BankQuestion;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  busy: boolean;
  onEdit(): void;
  onArchive(): void;
  onMove(step: -1 | 1): void;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const [both, setBoth] = useState(false);
  const label = t("training.assessment.question_label", { n: n(number) });
  return (
    <li className={["question-item", question.archivedAt ? "question-item--archived" : ""].join(" ").trim()}>
      <div className="question-item-main">
        <p className="question-item-text">
          <span className="question-item-number">{n(number)}.</span> <span dir="auto">{pick(question.textAr, question.textEn)}</span>
        </p>
        {both && (
          <dl className="question-both">
            <dt>{t("training.assessment.text_in_ar")}</dt>
            <dd lang="ar" dir="rtl">
              {question.textAr}
              <ul>
                {question.options.map((o) => (
                  <li key={o.id}>{o.textAr}</li>
                ))}
              </ul>
            </dd>
            <dt>{t("training.assessment.text_in_en")}</dt>
            <dd lang="en" dir="ltr">
              {question.textEn}
              <ul>
                {question.options.map((o) => (
                  <li key={o.id}>{o.textEn}</li>
                ))}
              </ul>
            </dd>
          </dl>
        )}
        <p className="question-item-meta">
          <Badge tone="info">{t(`training.assessment.kind_${question.kind}`)}</Badge>
          <Badge>{t("training.assessment.points_value", { count: question.points, n: n(question.points) })}</Badge>
          {question.usedIn.includes("pre") && <Badge tone="success">{t("training.assessment.used_in_pre")}</Badge>}
          {question.usedIn.includes("post") && <Badge tone="success">{t("training.assessment.used_in_post")}</Badge>}
          {question.inUse && <Badge tone="warning">{t("training.assessment.in_use")}</Badge>}
          {question.archivedAt && <Badge tone="danger">{t("training.assessment.archived")}</Badge>}
        </p>
        <CorrectAnswer question={question} />
      </div>
      <div className="question-item-actions">
        <button type="button" className="button button--ghost button--small" aria-expanded={both} onClick={() => setBoth((b) => !b)} aria-label={`${both ? t("training.assessment.hide_both") : t("training.assessment.show_both")}: ${label}`}>
          {both ? t("training.assessment.hide_both") : t("training.assessment.show_both")}
        </button>
        {!question.archivedAt && (
          <>
            <button type="button" className="button button--secondary button--small" onClick={onEdit} aria-label={`${t("common.edit")}: ${label}`}>
              {t("common.edit")}
            </button>
            <button type="button" className="button button--ghost button--small" disabled={busy || isFirst} onClick={() => onMove(-1)} aria-label={`${t("training.assessment.move_up")}: ${label}`}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" className="button button--ghost button--small" disabled={busy || isLast} onClick={() => onMove(1)} aria-label={`${t("training.assessment.move_down")}: ${label}`}>
              <span aria-hidden="true">↓</span>
            </button>
            <button type="button" className="button button--link" onClick={onArchive} aria-label={`${t("training.assessment.archive")}: ${label}`}>
              {t("training.assessment.archive")}
            </button>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * The programme's question bank (managers): each question in the interface language with both
 * texts on demand, its type, points and correct answer; add, edit, reorder and archive.
 */
export function QuestionsTab({ programme }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const [showArchived, setShowArchived] = useState(false);
  const list = useApi<{ items: BankQuestion[] }>(testsApi.questions(programme.id), { archived: showArchived || undefined });
  const action = useAction();
  const [editing, setEditing] = useState<{ question: BankQuestion | null; number?: number } | null>(null);
  const [archiving, setArchiving] = useState<BankQuestion | null>(null);
  const [said, setSaid] = useState<string | null>(null);

  if (!list.data) return list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : <Loading />;
  const items = list.data.items;
  const current = items.filter((q) => !q.archivedAt);

  async function move(index: number, step: -1 | 1) {
    const ids = current.map((q) => q.id);
    const [moved] = ids.splice(index, 1);
    ids.splice(index + step, 0, moved!);
    const result = await action.run(() => api.put<{ items: BankQuestion[] }>(testsApi.questionsOrder(programme.id), { questionIds: ids }));
    if (result.ok) list.reload();
  }

  async function archive(q: BankQuestion) {
    const result = await action.run(() => api.delete(testsApi.question(q.id)));
    setArchiving(null);
    if (result.ok) {
      setSaid(t("training.assessment.question_archived"));
      list.reload();
    }
  }

  return (
    <section className="questions-tab" aria-labelledby="questions-title">
      <div className="section-header">
        <h2 id="questions-title" className="section-title">
          {t("training.assessment.bank_title")} <span className="count-pill">{t("training.assessment.bank_count", { count: current.length, n: n(current.length) })}</span>
        </h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ question: null })}>
          {t("training.assessment.add_question")}
        </button>
      </div>
      <p className="section-intro">{t("training.assessment.bank_intro")}</p>
      <CheckboxField id="questions-archived" label={t("training.assessment.show_archived")} checked={showArchived} onChange={setShowArchived} />
      <StatusMessage>{said}</StatusMessage>
      <FormErrors error={action.error} />
      {items.length === 0 ? (
        <EmptyState>{t("training.assessment.empty_bank")}</EmptyState>
      ) : (
        <ol className="question-list" role="list">
          {items.map((q) => {
            const index = current.indexOf(q);
            return (
              <QuestionItem
                key={q.id}
                question={q}
                number={index >= 0 ? index + 1 : q.position}
                isFirst={index === 0}
                isLast={index === current.length - 1}
                busy={action.pending}
                onEdit={() => setEditing({ question: q, number: index + 1 })}
                onArchive={() => setArchiving(q)}
                onMove={(step) => void move(index, step)}
              />
            );
          })}
        </ol>
      )}
      {editing && (
        <QuestionFormDialog
          programmeId={programme.id}
          question={editing.question}
          number={editing.number}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setSaid(t("training.assessment.question_saved"));
            list.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={archiving !== null}
        title={t("training.assessment.archive_title")}
        confirmLabel={t("training.assessment.archive")}
        danger
        pending={action.pending}
        onCancel={() => setArchiving(null)}
        onConfirm={() => archiving && void archive(archiving)}
      >
        <p>{t("training.assessment.archive_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
