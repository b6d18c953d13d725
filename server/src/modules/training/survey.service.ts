import type { Locale } from "../../../../common/roles.js";
import { DEADLINE_GRACE_SECONDS, SCALE_MAX, SCALE_MIN, surveyWaitsFor, type SurveyItem, type SurveyWait } from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import type { Actor } from "../../policies/actor.js";
import { insertAudit } from "../admin/audit.repository.js";
import { programmeForCaller, programmeForTrainee } from "./assessments.access.js";
import { FieldErrors } from "./assessments.fields.js";
import { finaliseAttempt } from "./attempts.service.js";
import { completionRepository } from "./completion.repository.js";
import { isHeld } from "./completion.service.js";
import { surveyRepository } from "./survey.repository.js";
import type { SubmitSurvey } from "./survey.schema.js";
import { programmeForManage } from "./training-access.js";

/** The longest free-text answer. */
export const SURVEY_TEXT_MAX = 2000;
const TEXTS_SHOWN = 500;

type Answers = Record<string, number | string>;

/** The mean of whole numbers to one decimal, rounded half up. */
export function oneDecimal(sum: number, count: number): number | null {
  if (count === 0) return null;
  return Math.floor((sum * 20 + count) / (2 * count)) / 10;
}

/**
 * The satisfaction survey at the end of a programme: each trainee answers once (1–5 scales and
 * free text), once it opens (common/training.ts `surveyWaitsFor`); its managers see averages,
 * distributions and the free texts without names.
 */
export function createSurveyService(deps: Deps) {
  const { db } = deps;
  const repo = surveyRepository(db);
  const completion = completionRepository(db);

  /**
   * What the survey still waits for, for this enrolment (null: it is open): his submitted post-test,
   * or without a published post-test the start of the programme's last workshop. A post-test whose
   * time ran out is graded first, so that it counts as submitted.
   */
  async function waitsFor(programmeId: string, enrolmentId: string, now = new Date()): Promise<SurveyWait | null> {
    const [workshops, hasPostTest, attempts] = await Promise.all([completion.workshops(programmeId), completion.hasPublishedPostTest(programmeId), completion.attemptsOf(enrolmentId)]);
    const post = attempts.find((a) => a.kind === "post");
    let postSubmitted = post?.submittedAt != null;
    if (hasPostTest && post && !postSubmitted && post.deadlineAt && now.getTime() > Date.parse(post.deadlineAt) + DEADLINE_GRACE_SECONDS * 1000) {
      await finaliseAttempt(db, post.id, { now, auto: true });
      postSubmitted = true;
    }
    const at = now.toISOString();
    return surveyWaitsFor({ hasPostTest, postSubmitted, workshops: workshops.map((w) => ({ status: w.status, held: isHeld(w, at) })) });
  }

  function validate(items: readonly SurveyItem[], answers: Answers, locale: Locale): Answers {
    const errors = new FieldErrors(locale);
    const out: Answers = {};
    const label = (item: SurveyItem) => (locale === "ar" ? item.textAr : item.textEn);
    for (const key of Object.keys(answers)) {
      if (!items.some((i) => i.id === key)) errors.add(`answers.${key}`, "validation.unknown_field", {}, key);
    }
    for (const item of items) {
      const value = answers[item.id];
      const field = `answers.${item.id}`;
      if (item.kind === "scale") {
        if (value === undefined || value === "") errors.add(field, "validation.required", {}, label(item));
        else if (typeof value !== "number" || !Number.isInteger(value) || value < SCALE_MIN || value > SCALE_MAX) {
          errors.add(field, "training.assessment.errors.scale", { min: SCALE_MIN, max: SCALE_MAX }, label(item));
        } else out[item.id] = value;
      } else if (value !== undefined) {
        if (typeof value !== "string") errors.add(field, "validation.invalid", {}, label(item));
        else if (value.trim().length > SURVEY_TEXT_MAX) errors.add(field, "validation.too_long", { limit: SURVEY_TEXT_MAX }, label(item));
        else if (value.trim()) out[item.id] = value.trim();
      }
    }
    errors.throwIfAny();
    return out;
  }

  return {
    /**
     * The survey's items, the caller's response when he sent it, and for a trainee who has not
     * answered what the survey still waits for.
     * @throws TRAINING_PROGRAMME_NOT_FOUND
     */
    async getSurvey(actor: Actor, programmeId: string) {
      const { programme, enrolment } = await programmeForCaller(db, actor, programmeId);
      const row = enrolment ? await repo.findByEnrolment(enrolment.id) : undefined;
      const waiting = enrolment && !row ? await waitsFor(programme.id, enrolment.id) : null;
      return {
        items: programme.survey,
        response: row ? { answers: JSON.parse(row.answers) as Answers, submittedAt: row.submittedAt } : null,
        canRespond: enrolment !== null && !row && waiting === null,
        opensAfter: waiting,
        enrolled: enrolment !== null,
      };
    },

    /**
     * Send the caller's answers, once per enrolment and once the survey is open: every scale item
     * 1–5, texts optional.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, TRAINING_NOT_ENROLLED, TRAINING_SURVEY_DONE, TRAINING_SURVEY_NOT_OPEN, VALIDATION_FAILED
     */
    async submitSurvey(actor: Actor, programmeId: string, input: SubmitSurvey, locale: Locale) {
      const { programme, enrolment } = await programmeForTrainee(db, actor, programmeId);
      if (await repo.findByEnrolment(enrolment.id)) throw new AppError("TRAINING_SURVEY_DONE");
      if ((await waitsFor(programme.id, enrolment.id)) !== null) throw new AppError("TRAINING_SURVEY_NOT_OPEN");
      const answers = validate(programme.survey, input.answers, locale);
      const submittedAt = new Date().toISOString();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.insertIfAbsent(tx, { enrolmentId: enrolment.id, programmeId: programme.id, answers: JSON.stringify(answers), submittedAt }))) throw new AppError("TRAINING_SURVEY_DONE");
        // Who answered is recorded, not what: the managers' summary is anonymous.
        await insertAudit(tx, { actorId: actor.userId, organisationId: enrolment.organisationId, action: "training_survey.submitted", entityType: "training_enrolment", entityId: enrolment.id, summary: programme.code, changes: { programme: programme.id } }, submittedAt);
      });
      return { answers, submittedAt };
    },

    /**
     * The managers' summary: per scale item the average to one decimal, the distribution 1–5 and the
     * count; the free texts newest first, without names.
     * @throws TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async summary(actor: Actor, programmeId: string) {
      const programme = await programmeForManage(db, actor, programmeId);
      const [rows, enrolled] = await Promise.all([repo.answersOf(programme.id), repo.enrolledCount(programme.id)]);
      const items = programme.survey.map((item) => ({ ...item, count: 0, sum: 0, distribution: [0, 0, 0, 0, 0] }));
      const texts: Array<{ itemId: string; text: string }> = [];
      for (const row of rows) {
        const answers = JSON.parse(row.answers) as Answers;
        for (const item of items) {
          const value = answers[item.id];
          if (item.kind === "scale" && typeof value === "number" && value >= SCALE_MIN && value <= SCALE_MAX) {
            item.count += 1;
            item.sum += value;
            item.distribution[value - SCALE_MIN]! += 1;
          } else if (item.kind === "text" && typeof value === "string" && value) {
            item.count += 1;
            texts.push({ itemId: item.id, text: value });
          }
        }
      }
      return {
        responses: rows.length,
        enrolled,
        items: items.map(({ sum, ...item }) => ({
          id: item.id,
          kind: item.kind,
          textAr: item.textAr,
          textEn: item.textEn,
          count: item.count,
          average: item.kind === "scale" ? oneDecimal(sum, item.count) : null,
          distribution: item.kind === "scale" ? item.distribution : [],
        })),
        texts: texts.slice(0, TEXTS_SHOWN),
        textsTotal: texts.length,
      };
    },
  };
}

export type SurveyService = ReturnType<typeof createSurveyService>;
