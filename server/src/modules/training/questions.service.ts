import type { Locale } from "../../../../common/roles.js";
import {
  MAX_OPTIONS,
  MAX_POINTS,
  MIN_OPTIONS,
  MIN_POINTS,
  normaliseDecimal,
  QUESTION_KINDS,
  TRUE_FALSE_OPTIONS,
  type AnswerKey,
  type AssessmentKind,
  type QuestionKind,
  type QuestionOption,
} from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/actor.js";
import { insertAudit } from "../admin/audit.repository.js";
import { FieldErrors } from "./assessments.fields.js";
import { questionsRepository, type QuestionRow } from "./questions.repository.js";
import type { CreateQuestion, QuestionQuery, QuestionView, UpdateQuestion } from "./questions.schema.js";
import { programmeForManage } from "./training-access.js";

/** A question as written by a manager, validated and normalised (Latin digits, trimmed texts). */
export interface QuestionContent {
  kind: QuestionKind;
  textAr: string;
  textEn: string;
  points: number;
  options: QuestionOption[];
  answerKey: AnswerKey;
}

interface QuestionInput {
  kind: string;
  textAr: string;
  textEn: string;
  points: number;
  options?: Array<{ id: string; textAr: string; textEn: string }>;
  answerKey: { optionIds?: string[]; value?: string; tolerance?: string };
}

const OPTION_ID = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * Check a question of any kind; every problem is added to `errors` under the field it concerns.
 * single: one correct option; multiple: at least one; true/false: "true" or "false";
 * numeric: a decimal value and a tolerance ≥ 0 (Arabic-Indic digits accepted, stored in Latin digits).
 */
export function validateQuestion(input: QuestionInput, errors: FieldErrors): QuestionContent {
  const kind = input.kind as QuestionKind;
  if (!QUESTION_KINDS.includes(kind)) errors.add("kind", "validation.invalid_choice");
  const textAr = input.textAr.trim();
  const textEn = input.textEn.trim();
  if (!textAr) errors.add("textAr", "validation.required");
  if (!textEn) errors.add("textEn", "validation.required");
  if (!Number.isInteger(input.points) || input.points < MIN_POINTS) errors.add("points", "validation.too_small", { limit: MIN_POINTS });
  else if (input.points > MAX_POINTS) errors.add("points", "validation.too_large", { limit: MAX_POINTS });
  let options: QuestionOption[] = [];
  let answerKey: AnswerKey = { optionIds: [] };
  const key = input.answerKey;
  if (kind === "single" || kind === "multiple") {
    const given = input.options ?? [];
    if (given.length < MIN_OPTIONS || given.length > MAX_OPTIONS) errors.add("options", "training.assessment.errors.options_count", { min: MIN_OPTIONS, max: MAX_OPTIONS });
    const seen = new Set<string>();
    options = given.map((o, i) => {
      const id = o.id.trim();
      if (!OPTION_ID.test(id)) errors.add(`options.${i}.id`, "validation.invalid_format");
      else if (seen.has(id)) errors.add(`options.${i}.id`, "training.assessment.errors.duplicate_option");
      seen.add(id);
      const option = { id, textAr: o.textAr.trim(), textEn: o.textEn.trim() };
      if (!option.textAr) errors.add(`options.${i}.textAr`, "validation.required");
      if (!option.textEn) errors.add(`options.${i}.textEn`, "validation.required");
      return option;
    });
    const chosen = [...new Set(key.optionIds ?? [])];
    if (chosen.some((id) => !seen.has(id))) errors.add("answerKey", "validation.invalid_choice");
    else if (kind === "single" && chosen.length !== 1) errors.add("answerKey", "training.assessment.errors.single_correct");
    else if (kind === "multiple" && chosen.length < 1) errors.add("answerKey", "training.assessment.errors.multiple_correct");
    // Stored in the options' order, so a key compares equal however it was ticked.
    answerKey = { optionIds: options.map((o) => o.id).filter((id) => chosen.includes(id)) };
  } else if (kind === "true_false") {
    const chosen = [...new Set(key.optionIds ?? [])];
    if (chosen.length !== 1 || !(TRUE_FALSE_OPTIONS as readonly string[]).includes(chosen[0]!)) errors.add("answerKey", "training.assessment.errors.true_false_key");
    answerKey = { optionIds: chosen };
  } else if (kind === "numeric") {
    const value = key.value === undefined ? null : normaliseDecimal(key.value);
    if (value === null) errors.add("answerKey.value", key.value?.trim() ? "validation.invalid_number" : "validation.required");
    const rawTolerance = key.tolerance?.trim() ? key.tolerance : "0";
    const tolerance = normaliseDecimal(rawTolerance);
    if (tolerance === null) errors.add("answerKey.tolerance", "validation.invalid_number");
    else if (tolerance.startsWith("-")) errors.add("answerKey.tolerance", "validation.too_small", { limit: 0 });
    answerKey = { value: value ?? "", tolerance: tolerance ?? "0" };
  }
  return { kind, textAr, textEn, points: input.points, options, answerKey };
}

function rowContent(row: QuestionRow): QuestionContent {
  return {
    kind: row.kind as QuestionKind,
    textAr: row.textAr,
    textEn: row.textEn,
    points: row.points,
    options: JSON.parse(row.options) as QuestionOption[],
    answerKey: JSON.parse(row.answerKey) as AnswerKey,
  };
}

/** What may not change once trainees answered the question: kind, points, the correct answer, the options (but their wording). */
function gradingShape(c: QuestionContent): string {
  return JSON.stringify([c.kind, c.points, c.answerKey, c.options.map((o) => o.id)]);
}

function summaryOf(c: { textAr: string; textEn: string }): string {
  return (c.textEn || c.textAr).slice(0, 200);
}

/**
 * The question bank of a programme, kept by its managers: single and multiple choice,
 * true/false and numeric questions in Arabic and English. Archived questions stay for the
 * answers given to them; answered questions keep their grading (only their wording may change).
 */
export function createQuestionsService(deps: Deps) {
  const { db } = deps;
  const repo = questionsRepository(db);

  async function presentAll(programmeId: string, rows: QuestionRow[]): Promise<QuestionView[]> {
    const [answered, usage] = await Promise.all([repo.inUse(rows.map((r) => r.id)), repo.usage(programmeId)]);
    return rows.map((row) => {
      const c = rowContent(row);
      const kinds = usage.filter((u) => u.questionId === row.id).map((u) => u.kind as AssessmentKind);
      return {
        id: row.id,
        programmeId: row.programmeId,
        position: row.position,
        kind: c.kind,
        textAr: c.textAr,
        textEn: c.textEn,
        options: c.options,
        answerKey: c.answerKey,
        points: c.points,
        version: row.version,
        inUse: answered.has(row.id),
        usedIn: (["pre", "post"] as const).filter((k) => kinds.includes(k)),
        archivedAt: row.archivedAt,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      };
    });
  }

  async function questionForManage(actor: Actor, id: string) {
    const row = await repo.findById(id);
    if (!row) throw new AppError("TRAINING_QUESTION_NOT_FOUND");
    try {
      return { row, programme: await programmeForManage(db, actor, row.programmeId) };
    } catch (err) {
      // A question of a programme the caller cannot even read does not exist for him.
      if (err instanceof AppError && err.code === "TRAINING_PROGRAMME_NOT_FOUND") throw new AppError("TRAINING_QUESTION_NOT_FOUND");
      throw err;
    }
  }

  return {
    repository: repo,

    /**
     * The bank, in order (archived questions only when asked for).
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async listQuestions(actor: Actor, programmeId: string, query: QuestionQuery) {
      const programme = await programmeForManage(db, actor, programmeId);
      return { items: await presentAll(programme.id, await repo.listByProgramme(programme.id, query.archived === true)) };
    },

    /** @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async createQuestion(actor: Actor, programmeId: string, input: CreateQuestion, locale: Locale) {
      const programme = await programmeForManage(db, actor, programmeId);
      const errors = new FieldErrors(locale);
      const content = validateQuestion(input, errors);
      errors.throwIfAny();
      const now = nowIso();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, {
          id,
          programmeId: programme.id,
          position: await repo.nextPosition(programme.id, tx),
          kind: content.kind,
          textAr: content.textAr,
          textEn: content.textEn,
          options: JSON.stringify(content.options),
          answerKey: JSON.stringify(content.answerKey),
          points: content.points,
          version: 1,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          archivedAt: null,
        });
        await insertAudit(tx, { actorId: actor.userId, organisationId: programme.organisationId, action: "training_question.created", entityType: "training_question", entityId: id, summary: summaryOf(content), changes: { programme: programme.id, kind: content.kind, points: content.points } }, now);
      });
      return (await presentAll(programme.id, [(await repo.findById(id))!]))[0]!;
    },

    /**
     * Change a question. Once answered, only its wording (and its options' wording) may change.
     * @throws TRAINING_QUESTION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, TRAINING_PROGRAMME_CONFLICT (stale version), TRAINING_QUESTION_IN_USE
     */
    async updateQuestion(actor: Actor, id: string, input: UpdateQuestion, locale: Locale) {
      const { row, programme } = await questionForManage(actor, id);
      if (row.archivedAt) throw new AppError("TRAINING_QUESTION_NOT_FOUND");
      if (input.version !== row.version) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
      const current = rowContent(row);
      const kind = input.kind ?? current.kind;
      const kindChanged = kind !== current.kind;
      const errors = new FieldErrors(locale);
      const next = validateQuestion(
        {
          kind,
          textAr: input.textAr ?? current.textAr,
          textEn: input.textEn ?? current.textEn,
          points: input.points ?? current.points,
          // A new kind brings its own options and key.
          options: input.options ?? (kindChanged ? [] : current.options),
          answerKey: input.answerKey ?? (kindChanged ? {} : current.answerKey),
        },
        errors,
      );
      errors.throwIfAny();
      if (gradingShape(next) !== gradingShape(current) && (await repo.inUse([row.id])).size > 0) throw new AppError("TRAINING_QUESTION_IN_USE");
      const values = {
        kind: next.kind,
        textAr: next.textAr,
        textEn: next.textEn,
        points: next.points,
        options: JSON.stringify(next.options),
        answerKey: JSON.stringify(next.answerKey),
      };
      const changes = diffChanges(row as unknown as Record<string, unknown>, values);
      if (Object.keys(changes).length === 0) return (await presentAll(programme.id, [row]))[0]!;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.update(tx, row.id, row.version, { ...values, updatedAt: now }))) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
        await insertAudit(tx, { actorId: actor.userId, organisationId: programme.organisationId, action: "training_question.updated", entityType: "training_question", entityId: row.id, summary: summaryOf(next), changes }, now);
      });
      return (await presentAll(programme.id, [(await repo.findById(row.id))!]))[0]!;
    },

    /**
     * Archive a question: it leaves the bank and the tests not yet started, and stays for the
     * answers given to it. A question of a test that trainees have started cannot be archived.
     * @throws TRAINING_QUESTION_NOT_FOUND, FORBIDDEN, TRAINING_ASSESSMENT_LOCKED
     */
    async archiveQuestion(actor: Actor, id: string) {
      const { row, programme } = await questionForManage(actor, id);
      if (row.archivedAt) return;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const tests = await repo.testsOf(row.id, tx);
        if (tests.some((t) => t.locked)) throw new AppError("TRAINING_ASSESSMENT_LOCKED");
        for (const t of tests) await repo.removeFromTest(tx, t.assessmentId, row.id);
        await repo.archive(tx, row.id, now);
        await insertAudit(tx, { actorId: actor.userId, organisationId: programme.organisationId, action: "training_question.archived", entityType: "training_question", entityId: row.id, summary: summaryOf(row), changes: { removedFromTests: tests.length } }, now);
      });
    },

    /**
     * Put the bank in a new order: every current (not archived) question, once.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
     */
    async reorderQuestions(actor: Actor, programmeId: string, questionIds: string[], locale: Locale) {
      const programme = await programmeForManage(db, actor, programmeId);
      const current = await repo.listByProgramme(programme.id, false);
      const given = new Set(questionIds);
      if (given.size !== questionIds.length || given.size !== current.length || current.some((q) => !given.has(q.id))) {
        const errors = new FieldErrors(locale);
        errors.add("questionIds", "training.assessment.errors.order_incomplete");
        errors.throwIfAny();
      }
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        for (const [i, qid] of questionIds.entries()) await repo.setPosition(tx, qid, i + 1);
        await insertAudit(tx, { actorId: actor.userId, organisationId: programme.organisationId, action: "training_questions.reordered", entityType: "training_programme", entityId: programme.id, summary: programme.titleEn || programme.titleAr, changes: { count: questionIds.length } }, now);
      });
      return { items: await presentAll(programme.id, await repo.listByProgramme(programme.id, false)) };
    },
  };
}

export type QuestionsService = ReturnType<typeof createQuestionsService>;
