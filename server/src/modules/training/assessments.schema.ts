import { Type, type Static } from "typebox";
import { ASSESSMENT_KINDS, MAX_TIME_LIMIT_MINUTES, QUESTION_KINDS } from "../../../../common/training.js";
import { Iso, Nullable, StringEnum } from "../../lib/schemas.js";
import { Id } from "./questions.schema.js";

export const KindParams = Type.Object({ id: Id, kind: StringEnum(ASSESSMENT_KINDS) });

/** The caller's own attempt at a test, as the programme page shows it. */
export const MyAttemptSchema = Type.Object({
  id: Type.String(),
  status: StringEnum(["in_progress", "submitted"] as const),
  startedAt: Iso,
  deadlineAt: Nullable(Iso),
  submittedAt: Nullable(Iso),
  autoSubmitted: Type.Boolean(),
  score: Nullable(Type.Integer()),
  maxScore: Type.Integer(),
  percent: Nullable(Type.Integer()),
});

export const AssessmentSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(ASSESSMENT_KINDS),
  timeLimitMinutes: Nullable(Type.Integer()),
  opensAt: Nullable(Iso),
  closesAt: Nullable(Iso),
  published: Type.Boolean(),
  /** Published and inside its window now. */
  isOpen: Type.Boolean(),
  questionCount: Type.Integer(),
  maxScore: Type.Integer(),
  version: Type.Integer(),
  // The programme's managers:
  questions: Type.Optional(
    Type.Array(Type.Object({ id: Type.String(), position: Type.Integer(), kind: StringEnum(QUESTION_KINDS), textAr: Type.String(), textEn: Type.String(), points: Type.Integer() })),
  ),
  attemptsCount: Type.Optional(Type.Integer()),
  submittedCount: Type.Optional(Type.Integer()),
  /** Trainees have started it: its questions can no longer change. */
  locked: Type.Optional(Type.Boolean()),
  // A trainee: his own attempt (null before he starts).
  myAttempt: Type.Optional(Nullable(MyAttemptSchema)),
});

export const AssessmentsSchema = Type.Object({
  /** Null when not set up yet (managers) or not published (everyone else). */
  pre: Nullable(AssessmentSchema),
  post: Nullable(AssessmentSchema),
  manages: Type.Boolean(),
  enrolled: Type.Boolean(),
  serverNow: Iso,
});

export const UpdateAssessmentSchema = Type.Object(
  {
    questionIds: Type.Array(Id, { maxItems: 500, description: "questions of the bank, in the order trainees see them" }),
    timeLimitMinutes: Nullable(Type.Integer({ description: `1–${MAX_TIME_LIMIT_MINUTES}; null: no limit` })),
    opensAt: Nullable(Type.String({ maxLength: 40, description: "ISO instant; null: open once published" })),
    closesAt: Nullable(Type.String({ maxLength: 40, description: "ISO instant; null: no closing time" })),
    published: Type.Boolean(),
    version: Type.Optional(Type.Integer({ description: "the version read; a stale one is refused with 409" })),
  },
  { additionalProperties: false },
);

export type AssessmentView = Static<typeof AssessmentSchema>;
export type MyAttemptView = Static<typeof MyAttemptSchema>;
export type UpdateAssessment = Static<typeof UpdateAssessmentSchema>;
