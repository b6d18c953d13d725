import type { Locale } from "../../../../common/roles.js";
import { ASSESSMENT_KINDS, MAX_TIME_LIMIT_MINUTES, type AssessmentKind, type QuestionKind } from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/actor.js";
import { insertAudit } from "../admin/audit.repository.js";
import { programmeForCaller } from "./assessments.access.js";
import { FieldErrors } from "./assessments.fields.js";
import { assessmentsRepository, type AssessmentQuestionRow, type AssessmentRow } from "./assessments.repository.js";
import type { AssessmentView, UpdateAssessment } from "./assessments.schema.js";
import { isOpenAt, presentMyAttempt, type AttemptsService } from "./attempts.service.js";
import { questionsRepository } from "./questions.repository.js";
import { programmeForManage } from "./training-access.js";

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** An ISO instant in the one stored form (UTC, milliseconds), or null when unreadable. */
function instant(value: string): string | null {
  if (!ISO_INSTANT.test(value.trim())) return null;
  const t = Date.parse(value.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

/**
 * The pre- and post-test of a programme, built from its question bank (usually the same
 * questions, so the awareness gain compares like with like). Once a trainee has started one,
 * its questions are locked; its time limit, window and publication may still change.
 */
export function createAssessmentsService(deps: Deps, attempts: AttemptsService) {
  const { db } = deps;
  const repo = assessmentsRepository(db, deps.dialect);
  const questions = questionsRepository(db);

  function base(row: AssessmentRow, qs: AssessmentQuestionRow[], now: Date): AssessmentView {
    return {
      id: row.id,
      kind: row.kind as AssessmentKind,
      timeLimitMinutes: row.timeLimitMinutes,
      opensAt: row.opensAt,
      closesAt: row.closesAt,
      published: row.published === 1,
      isOpen: isOpenAt(row, now),
      questionCount: qs.length,
      maxScore: qs.reduce((sum, q) => sum + q.points, 0),
      version: row.version,
    };
  }

  async function managerViews(rows: AssessmentRow[]): Promise<Map<string, AssessmentView>> {
    const [qs, counts] = await Promise.all([repo.questionsOf(rows.map((r) => r.id)), repo.attemptCounts(rows.map((r) => r.id))]);
    const now = new Date();
    return new Map(
      rows.map((row) => {
        const mine = qs.filter((q) => q.assessmentId === row.id);
        const count = counts.get(row.id) ?? { started: 0, submitted: 0 };
        return [
          row.kind,
          {
            ...base(row, mine, now),
            questions: mine.map((q) => ({ id: q.id, position: q.position, kind: q.kind as QuestionKind, textAr: q.textAr, textEn: q.textEn, points: q.points })),
            attemptsCount: count.started,
            submittedCount: count.submitted,
            locked: count.started > 0,
          },
        ];
      }),
    );
  }

  return {
    /**
     * The programme's pre- and post-test: with their questions and attempt counts for its managers;
     * for everyone else the published ones, with the caller's own attempt when he is a trainee.
     * @throws TRAINING_PROGRAMME_NOT_FOUND
     */
    async getAssessments(actor: Actor, programmeId: string) {
      const { programme, manages, enrolment } = await programmeForCaller(db, actor, programmeId);
      const rows = await repo.findByProgramme(programme.id);
      const now = new Date();
      const views = new Map<string, AssessmentView>();
      if (manages) {
        for (const [kind, view] of await managerViews(rows)) views.set(kind, view);
      } else {
        const visible = rows.filter((r) => r.published === 1);
        const qs = await repo.questionsOf(visible.map((r) => r.id));
        for (const row of visible) views.set(row.kind, base(row, qs.filter((q) => q.assessmentId === row.id), now));
      }
      if (enrolment) {
        const mine = await attempts.myAttempts(enrolment.id);
        for (const row of rows) {
          const view = views.get(row.kind);
          if (view) {
            const attempt = mine.get(row.id);
            view.myAttempt = attempt ? presentMyAttempt(attempt) : null;
          }
        }
      }
      return { pre: views.get("pre") ?? null, post: views.get("post") ?? null, manages, enrolled: enrolment !== null, serverNow: now.toISOString() };
    },

    /**
     * Set up the pre- or post-test: its questions (of this programme's bank, not archived, in order),
     * time limit, window and publication. Its questions are locked once a trainee has started it.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED, TRAINING_PROGRAMME_CONFLICT (stale version), TRAINING_ASSESSMENT_LOCKED
     */
    async updateAssessment(actor: Actor, programmeId: string, kind: AssessmentKind, input: UpdateAssessment, locale: Locale) {
      const programme = await programmeForManage(db, actor, programmeId);
      if (!ASSESSMENT_KINDS.includes(kind)) throw new AppError("TRAINING_ASSESSMENT_NOT_FOUND");
      const errors = new FieldErrors(locale);
      const ids = input.questionIds;
      if (new Set(ids).size !== ids.length) errors.add("questionIds", "training.assessment.errors.duplicate_question");
      else {
        const found = await questions.findByIds(ids);
        const usable = new Set(found.filter((q) => q.programmeId === programme.id && !q.archivedAt).map((q) => q.id));
        if (ids.some((id) => !usable.has(id))) errors.add("questionIds", "validation.invalid_choice");
      }
      if (input.published && ids.length === 0) errors.add("questionIds", "training.assessment.errors.no_questions");
      const limit = input.timeLimitMinutes;
      if (limit !== null && limit < 1) errors.add("timeLimitMinutes", "validation.too_small", { limit: 1 });
      else if (limit !== null && limit > MAX_TIME_LIMIT_MINUTES) errors.add("timeLimitMinutes", "validation.too_large", { limit: MAX_TIME_LIMIT_MINUTES });
      const opensAt = input.opensAt === null ? null : instant(input.opensAt);
      const closesAt = input.closesAt === null ? null : instant(input.closesAt);
      if (input.opensAt !== null && opensAt === null) errors.add("opensAt", "validation.invalid_format");
      if (input.closesAt !== null && closesAt === null) errors.add("closesAt", "validation.invalid_format");
      if (opensAt && closesAt && closesAt <= opensAt) errors.add("closesAt", "validation.end_before_start");
      errors.throwIfAny();

      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        let row = await repo.findByKind(programme.id, kind, tx);
        if (!row) {
          await repo.createIfAbsent(tx, { id: newId(), programmeId: programme.id, kind, timeLimitMinutes: null, opensAt: null, closesAt: null, published: 0, version: 1, createdAt: now, updatedAt: now });
          row = (await repo.findByKind(programme.id, kind, tx))!;
        }
        if (input.version !== undefined && input.version !== row.version) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
        const values = { timeLimitMinutes: limit, opensAt, closesAt, published: input.published ? 1 : 0, updatedAt: now };
        // Taking the row's lock first: trainees starting the test now wait for this change, or it waits for them.
        if (!(await repo.update(tx, row.id, row.version, values))) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
        const current = (await repo.questionsOf([row.id], tx)).map((q) => q.id);
        const listChanged = current.length !== ids.length || current.some((id, i) => id !== ids[i]);
        if (listChanged) {
          if (await repo.hasAttempts(row.id, tx)) throw new AppError("TRAINING_ASSESSMENT_LOCKED");
          await repo.replaceQuestions(tx, row.id, ids);
        }
        await insertAudit(tx, {
          actorId: actor.userId,
          organisationId: programme.organisationId,
          action: "training_assessment.updated",
          entityType: "training_assessment",
          entityId: row.id,
          summary: `${kind} ${programme.code}`,
          changes: { programme: programme.id, kind, ...values, ...(listChanged ? { questions: ids.length } : {}) },
        }, now);
      });
      const rows = await repo.findByProgramme(programme.id);
      return (await managerViews(rows)).get(kind)!;
    },
  };
}

export type AssessmentsService = ReturnType<typeof createAssessmentsService>;
