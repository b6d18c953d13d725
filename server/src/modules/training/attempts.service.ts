import type { Kysely } from "kysely";
import type { Locale } from "../../../../common/roles.js";
import {
  DEADLINE_GRACE_SECONDS,
  normaliseDecimal,
  percent,
  pointsFor,
  TRUE_FALSE_OPTIONS,
  type AnswerKey,
  type AnswerResponse,
  type AssessmentKind,
  type QuestionKind,
  type QuestionOption,
} from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { newId } from "../../lib/tokens.js";
import type { Actor } from "../../policies/actor.js";
import { isTrainee, maySeeResults } from "../../policies/training.js";
import { insertAudit } from "../admin/audit.repository.js";
import { programmeForTrainee } from "./assessments.access.js";
import { FieldErrors } from "./assessments.fields.js";
import { assessmentsRepository, type AssessmentRow } from "./assessments.repository.js";
import type { MyAttemptView } from "./assessments.schema.js";
import { attemptsRepository, type AttemptRow } from "./attempts.repository.js";
import type { AttemptQuestionView, AttemptView, ResponseInput } from "./attempts.schema.js";
import { questionsRepository, type QuestionRow } from "./questions.repository.js";
import { loadProgramme, withGroups } from "./training-access.js";

/** The fixed options of a true/false question, in both languages. */
const TRUE_FALSE: QuestionOption[] = [
  { id: TRUE_FALSE_OPTIONS[0], textAr: "صح", textEn: "True" },
  { id: TRUE_FALSE_OPTIONS[1], textAr: "خطأ", textEn: "False" },
];

function optionsOf(q: QuestionRow): QuestionOption[] {
  if (q.kind === "true_false") return TRUE_FALSE;
  if (q.kind === "numeric") return [];
  return JSON.parse(q.options) as QuestionOption[];
}

function gradable(q: QuestionRow) {
  return { kind: q.kind as QuestionKind, points: q.points, answerKey: JSON.parse(q.answerKey) as AnswerKey };
}

/** Whether a test is published and inside its window at `now`. */
export function isOpenAt(a: Pick<AssessmentRow, "published" | "opensAt" | "closesAt">, now: Date): boolean {
  const t = now.getTime();
  return a.published === 1 && (!a.opensAt || Date.parse(a.opensAt) <= t) && (!a.closesAt || t < Date.parse(a.closesAt));
}

/** Past its deadline and the grace period: no answer is taken any more. */
function isPastDeadline(attempt: Pick<AttemptRow, "deadlineAt">, now: Date): boolean {
  return attempt.deadlineAt !== null && now.getTime() > Date.parse(attempt.deadlineAt) + DEADLINE_GRACE_SECONDS * 1000;
}

function isAnswered(response: AnswerResponse): boolean {
  return "optionIds" in response ? response.optionIds.length > 0 : response.value !== "";
}

/** The caller's attempt as the programme page lists it. */
export function presentMyAttempt(row: AttemptRow): MyAttemptView {
  return {
    id: row.id,
    status: row.submittedAt ? "submitted" : "in_progress",
    startedAt: row.startedAt,
    deadlineAt: row.deadlineAt,
    submittedAt: row.submittedAt,
    autoSubmitted: row.autoSubmitted === 1,
    score: row.score,
    maxScore: row.maxScore,
    percent: row.submittedAt ? percent(row.score, row.maxScore) : null,
  };
}

/**
 * Grade an attempt and close it, once: every frozen question is graded all-or-nothing from the
 * answer saved last (unanswered: 0 points); the score, maximum and submission time are written in
 * one transaction, only while the attempt is still open (safe when a trainee submits twice, or
 * several app nodes sweep at once). Returns whether this call closed it.
 */
export async function finaliseAttempt(db: Kysely<DB>, id: string, options: { now?: Date; auto: boolean; actorId?: string | null }): Promise<boolean> {
  const attempts = attemptsRepository(db);
  const questions = questionsRepository(db);
  const at = (options.now ?? new Date()).toISOString();
  return db.transaction().execute(async (tx) => {
    if (!(await attempts.holdOpen(tx, id))) return false;
    const attempt = (await attempts.findById(id, tx))!;
    const rows = await questions.findByIds(JSON.parse(attempt.questionIds) as string[], tx);
    const answers = new Map((await attempts.answers(id, tx)).map((a) => [a.questionId, a]));
    let score = 0;
    let maxScore = 0;
    for (const q of rows) {
      maxScore += q.points;
      const answer = answers.get(q.id);
      if (!answer) continue;
      const points = pointsFor(gradable(q), JSON.parse(answer.response) as AnswerResponse);
      score += points;
      await attempts.gradeAnswer(tx, id, q.id, points > 0, points);
    }
    const closed = await attempts.markSubmitted(tx, id, { submittedAt: at, score, maxScore, autoSubmitted: options.auto ? 1 : 0 });
    const enrolment = await attempts.enrolmentOf(attempt.enrolmentId, tx);
    await insertAudit(tx, {
      actorId: options.actorId ?? null,
      organisationId: enrolment?.organisationId ?? null,
      action: options.auto ? "training_attempt.auto_submitted" : "training_attempt.submitted",
      entityType: "training_attempt",
      entityId: id,
      summary: `${attempt.kind} ${score}/${maxScore}`,
      changes: { programme: attempt.programmeId, enrolment: attempt.enrolmentId, score, maxScore },
    }, at);
    return closed;
  });
}

/**
 * Grade every attempt whose time ran out (deadline and grace period passed) without being
 * submitted, with `auto_submitted` set. Run every minute, and by the results before they are
 * computed; safe on several nodes at once. Returns how many this call closed.
 */
export async function finaliseExpiredAttempts(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const repo = attemptsRepository(db);
  const cutoff = new Date(now.getTime() - DEADLINE_GRACE_SECONDS * 1000).toISOString();
  let closed = 0;
  for (;;) {
    const ids = await repo.expiredIds(cutoff, 200);
    for (const id of ids) if (await finaliseAttempt(db, id, { now, auto: true })) closed += 1;
    if (ids.length < 200) return closed;
  }
}

/**
 * A trainee's attempts at the pre- and post-test: started (or resumed) by him, answers saved one
 * by one as he goes, graded on submission or when the time runs out.
 */
export function createAttemptsService(deps: Deps) {
  const { db } = deps;
  const repo = attemptsRepository(db);
  const questions = questionsRepository(db);
  const assessments = assessmentsRepository(db, deps.dialect);

  /** Close it first when its time ran out, so nobody sees an attempt that can no longer change as open. */
  async function settled(row: AttemptRow, now = new Date()): Promise<AttemptRow> {
    if (row.submittedAt || !isPastDeadline(row, now)) return row;
    await finaliseAttempt(db, row.id, { now, auto: true });
    return (await repo.findById(row.id))!;
  }

  async function present(row: AttemptRow, mine: boolean, trainee: { nameAr: string; nameEn: string }): Promise<AttemptView> {
    const programme = (await loadProgramme(db, row.programmeId))!;
    const ids = JSON.parse(row.questionIds) as string[];
    const byId = new Map((await questions.findByIds(ids)).map((q) => [q.id, q]));
    const answers = new Map((await repo.answers(row.id)).map((a) => [a.questionId, a]));
    const submitted = row.submittedAt !== null;
    // The pre-test's correct answers stay hidden: the post-test asks the same questions.
    const showKeys = submitted && row.kind === "post";
    let answeredCount = 0;
    const items = ids.flatMap((id, i): AttemptQuestionView[] => {
      const q = byId.get(id);
      if (!q) return [];
      const answer = answers.get(id);
      const response = answer ? (JSON.parse(answer.response) as AnswerResponse) : null;
      if (response && isAnswered(response)) answeredCount += 1;
      const item: AttemptQuestionView = {
        id,
        number: i + 1,
        kind: q.kind as QuestionKind,
        textAr: q.textAr,
        textEn: q.textEn,
        points: q.points,
        options: optionsOf(q),
        response,
        savedAt: answer?.savedAt ?? null,
      };
      if (submitted) {
        item.correct = answer?.correct === 1;
        item.pointsEarned = answer?.points ?? 0;
      }
      if (showKeys) item.answerKey = JSON.parse(q.answerKey) as AnswerKey;
      return [item];
    });
    return {
      id: row.id,
      programme: { id: programme.id, code: programme.code, titleAr: programme.titleAr, titleEn: programme.titleEn },
      kind: row.kind as AssessmentKind,
      trainee,
      mine,
      status: submitted ? "submitted" : "in_progress",
      startedAt: row.startedAt,
      deadlineAt: row.deadlineAt,
      graceSeconds: DEADLINE_GRACE_SECONDS,
      serverNow: new Date().toISOString(),
      submittedAt: row.submittedAt,
      autoSubmitted: row.autoSubmitted === 1,
      questions: items,
      answeredCount,
      score: submitted ? row.score : null,
      maxScore: row.maxScore,
      percent: submitted ? percent(row.score, row.maxScore) : null,
    };
  }

  /** The attempt with its enrolment, when it is the caller's own. @throws TRAINING_ATTEMPT_NOT_FOUND */
  async function ownAttempt(actor: Actor, id: string) {
    const row = await repo.findById(id);
    const enrolment = row ? await repo.enrolmentOf(row.enrolmentId) : undefined;
    if (!row || !enrolment || !isTrainee(actor, enrolment)) throw new AppError("TRAINING_ATTEMPT_NOT_FOUND");
    if (enrolment.status !== "enrolled") throw new AppError("TRAINING_NOT_ENROLLED");
    return { row, enrolment };
  }

  /**
   * Normalise an answer against its question's kind: option ids of the question (one for single and
   * true/false; any number for multiple; none clears it), or a number (Arabic-Indic digits accepted; "" clears it).
   */
  function normaliseResponse(q: QuestionRow, input: ResponseInput, errors: FieldErrors): AnswerResponse {
    if (q.kind === "numeric") {
      if (input.optionIds !== undefined || input.value === undefined) {
        errors.add("response", "training.assessment.errors.response_number");
        return { value: "" };
      }
      if (input.value.trim() === "") return { value: "" };
      const value = normaliseDecimal(input.value);
      if (value === null) errors.add("response.value", "validation.invalid_number");
      return { value: value ?? "" };
    }
    if (input.value !== undefined || input.optionIds === undefined) {
      errors.add("response", "training.assessment.errors.response_options");
      return { optionIds: [] };
    }
    const allowed = optionsOf(q).map((o) => o.id);
    const chosen = new Set(input.optionIds);
    if ([...chosen].some((id) => !allowed.includes(id))) errors.add("response.optionIds", "validation.invalid_choice");
    else if (q.kind !== "multiple" && chosen.size > 1) errors.add("response.optionIds", "training.assessment.errors.one_choice");
    return { optionIds: allowed.filter((id) => chosen.has(id)) };
  }

  return {
    /**
     * Start the caller's attempt at the programme's pre- or post-test, or resume the one he has
     * (one per test and enrolment, however many requests arrive at once). The questions are frozen
     * now; the deadline is the start plus the time limit, and never after the test closes.
     * @returns the attempt, and whether this call created it
     * @throws TRAINING_PROGRAMME_NOT_FOUND, TRAINING_NOT_ENROLLED, TRAINING_ASSESSMENT_NOT_FOUND (none published), TRAINING_ASSESSMENT_NOT_OPEN
     */
    async startAttempt(actor: Actor, programmeId: string, kind: AssessmentKind): Promise<{ created: boolean; attempt: AttemptView }> {
      const { programme, enrolment } = await programmeForTrainee(db, actor, programmeId);
      const test = await assessments.findByKind(programme.id, kind);
      if (!test || test.published !== 1) throw new AppError("TRAINING_ASSESSMENT_NOT_FOUND");
      const names = (await repo.enrolmentOf(enrolment.id))!;
      const existing = await repo.findOf(test.id, enrolment.id);
      if (existing) return { created: false, attempt: await present(await settled(existing), true, names) };
      const now = new Date();
      if (programme.archivedAt || !isOpenAt(test, now)) throw new AppError("TRAINING_ASSESSMENT_NOT_OPEN");
      const created = await db.transaction().execute(async (tx) => {
        const held = await assessments.findForShare(tx, test.id);
        if (!held || !isOpenAt(held, now)) throw new AppError("TRAINING_ASSESSMENT_NOT_OPEN");
        const frozen = await assessments.questionsOf([held.id], tx);
        if (frozen.length === 0) throw new AppError("TRAINING_ASSESSMENT_NOT_OPEN");
        const limitEnds = held.timeLimitMinutes ? now.getTime() + held.timeLimitMinutes * 60_000 : null;
        const closes = held.closesAt ? Date.parse(held.closesAt) : null;
        const deadline = limitEnds !== null && closes !== null ? Math.min(limitEnds, closes) : (limitEnds ?? closes);
        const id = newId();
        const inserted = await repo.insertIfAbsent(tx, {
          id,
          assessmentId: held.id,
          enrolmentId: enrolment.id,
          programmeId: programme.id,
          kind: held.kind,
          questionIds: JSON.stringify(frozen.map((q) => q.id)),
          startedAt: now.toISOString(),
          deadlineAt: deadline === null ? null : new Date(deadline).toISOString(),
          submittedAt: null,
          autoSubmitted: 0,
          score: null,
          maxScore: frozen.reduce((sum, q) => sum + q.points, 0),
        });
        if (inserted) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: enrolment.organisationId, action: "training_attempt.started", entityType: "training_attempt", entityId: id, summary: `${held.kind} ${programme.code}`, changes: { programme: programme.id, enrolment: enrolment.id, questions: frozen.length } }, now.toISOString());
        }
        return inserted;
      });
      const row = (await repo.findOf(test.id, enrolment.id))!;
      return { created, attempt: await present(row, true, names) };
    },

    /**
     * An attempt: to its trainee at any time; to the programme's managers, his organisation's admin
     * and coordinators once submitted. Correct answers only after submission, and only of the post-test.
     * @throws TRAINING_ATTEMPT_NOT_FOUND
     */
    async getAttempt(actor: Actor, id: string): Promise<AttemptView> {
      const found = await repo.findById(id);
      const enrolment = found ? await repo.enrolmentOf(found.enrolmentId) : undefined;
      if (!found || !enrolment) throw new AppError("TRAINING_ATTEMPT_NOT_FOUND");
      const mine = isTrainee(actor, enrolment);
      if (!mine) {
        const programme = await loadProgramme(db, found.programmeId);
        if (!programme || !maySeeResults(await withGroups(db, actor), programme, enrolment)) throw new AppError("TRAINING_ATTEMPT_NOT_FOUND");
      }
      const row = await settled(found);
      if (!mine && !row.submittedAt) throw new AppError("TRAINING_ATTEMPT_NOT_FOUND");
      return present(row, mine, enrolment);
    },

    /**
     * Save one answer over the previous one, until the deadline plus the grace period.
     * @throws TRAINING_ATTEMPT_NOT_FOUND, TRAINING_QUESTION_NOT_FOUND (not in this attempt), VALIDATION_FAILED, TRAINING_ATTEMPT_CLOSED (nothing saved)
     */
    async saveAnswer(actor: Actor, id: string, questionId: string, input: ResponseInput, locale: Locale) {
      const { row } = await ownAttempt(actor, id);
      if (!(JSON.parse(row.questionIds) as string[]).includes(questionId)) throw new AppError("TRAINING_QUESTION_NOT_FOUND");
      const now = new Date();
      if (row.submittedAt || isPastDeadline(row, now)) throw new AppError("TRAINING_ATTEMPT_CLOSED");
      const question = (await questions.findById(questionId))!;
      const errors = new FieldErrors(locale);
      const response = normaliseResponse(question, input, errors);
      errors.throwIfAny();
      const savedAt = now.toISOString();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.holdOpen(tx, row.id))) throw new AppError("TRAINING_ATTEMPT_CLOSED");
        await repo.upsertAnswer(tx, { attemptId: row.id, questionId, response: JSON.stringify(response), correct: null, points: null, savedAt });
      });
      return { questionId, response, savedAt, serverNow: new Date().toISOString() };
    },

    /**
     * Submit the caller's attempt: graded at once. Submitting again answers the same result; a
     * submission after the time ran out closes it as the time limit would have.
     * @throws TRAINING_ATTEMPT_NOT_FOUND
     */
    async submitAttempt(actor: Actor, id: string): Promise<AttemptView> {
      const { row, enrolment } = await ownAttempt(actor, id);
      if (!row.submittedAt) {
        const now = new Date();
        await finaliseAttempt(db, row.id, { now, auto: isPastDeadline(row, now), actorId: actor.userId });
      }
      return present((await repo.findById(row.id))!, true, enrolment);
    },

    /** The caller's attempts in a programme, by test (closing those whose time ran out). */
    async myAttempts(enrolmentId: string): Promise<Map<string, AttemptRow>> {
      const rows = await repo.ofEnrolment(enrolmentId);
      const now = new Date();
      const settledRows = await Promise.all(rows.map((r) => settled(r, now)));
      return new Map(settledRows.map((r) => [r.assessmentId, r]));
    },
  };
}

export type AttemptsService = ReturnType<typeof createAttemptsService>;
