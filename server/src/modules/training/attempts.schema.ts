import { Type, type Static } from "typebox";
import { ASSESSMENT_KINDS, QUESTION_KINDS } from "../../../../common/training.js";
import { Iso, Nullable, StringEnum } from "../../lib/schemas.js";
import { Id } from "./questions.schema.js";

/** What a trainee answered: chosen option ids, or a number (Arabic-Indic digits accepted; "" clears it). */
export const ResponseSchema = Type.Object(
  { optionIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })), value: Type.Optional(Type.String({ maxLength: 40 })) },
  { additionalProperties: false },
);

const OptionSchema = Type.Object({ id: Type.String(), textAr: Type.String(), textEn: Type.String() });

/**
 * One question of an attempt. Correct answers are never sent before submission; after it, each
 * question says whether it was answered correctly, and the post-test shows its correct answers
 * (the pre-test's stay hidden: the same questions come back in the post-test).
 */
export const AttemptQuestionSchema = Type.Object({
  id: Type.String(),
  number: Type.Integer(),
  kind: StringEnum(QUESTION_KINDS),
  textAr: Type.String(),
  textEn: Type.String(),
  points: Type.Integer(),
  options: Type.Array(OptionSchema),
  response: Nullable(ResponseSchema),
  savedAt: Nullable(Iso),
  correct: Type.Optional(Type.Boolean()),
  pointsEarned: Type.Optional(Type.Integer()),
  answerKey: Type.Optional(Type.Object({ optionIds: Type.Optional(Type.Array(Type.String())), value: Type.Optional(Type.String()), tolerance: Type.Optional(Type.String()) })),
});

export const AttemptSchema = Type.Object({
  id: Type.String(),
  programme: Type.Object({ id: Type.String(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String() }),
  kind: StringEnum(ASSESSMENT_KINDS),
  trainee: Type.Object({ nameAr: Type.String(), nameEn: Type.String() }),
  /** The caller is the trainee (he answers and submits). */
  mine: Type.Boolean(),
  status: StringEnum(["in_progress", "submitted"] as const),
  startedAt: Iso,
  /** Null: no time limit and no closing time. */
  deadlineAt: Nullable(Iso),
  /** Answers arriving this long after the deadline are still taken. */
  graceSeconds: Type.Integer(),
  /** The server's clock, so the countdown is right on a device whose clock is not. */
  serverNow: Iso,
  submittedAt: Nullable(Iso),
  autoSubmitted: Type.Boolean(),
  questions: Type.Array(AttemptQuestionSchema),
  answeredCount: Type.Integer(),
  score: Nullable(Type.Integer()),
  maxScore: Type.Integer(),
  percent: Nullable(Type.Integer()),
});

export const AnswerParams = Type.Object({ id: Id, questionId: Id });
export const SaveAnswerSchema = Type.Object({ response: ResponseSchema }, { additionalProperties: false });
export const SavedAnswerSchema = Type.Object({ questionId: Type.String(), response: ResponseSchema, savedAt: Iso, serverNow: Iso });

export type AttemptView = Static<typeof AttemptSchema>;
export type AttemptQuestionView = Static<typeof AttemptQuestionSchema>;
export type ResponseInput = Static<typeof ResponseSchema>;
