import { Type, type Static } from "typebox";
import { ASSESSMENT_KINDS, MAX_OPTIONS, MAX_POINTS, MIN_OPTIONS, MIN_POINTS, QUESTION_KINDS } from "../../../../common/training.js";
import { Iso, Nullable, StringEnum } from "../../lib/schemas.js";

/*
 * Ranges (points, number of options, one correct option…) are checked by the service, which names
 * the field in the caller's language; the schemas bound types and sizes.
 */

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const QuestionText = Type.String({ maxLength: 2000 });
const OptionText = Type.String({ maxLength: 500 });
const Decimal = Type.String({ maxLength: 40, description: "a decimal number; Arabic-Indic digits are accepted" });

export const OptionSchema = Type.Object(
  { id: Type.String({ maxLength: 40, description: "unique within the question, e.g. \"a\"" }), textAr: OptionText, textEn: OptionText },
  { additionalProperties: false },
);

/** The correct answer: option ids (single: one; multiple: one or more; true/false: "true" or "false"), or a number with a tolerance. */
export const AnswerKeySchema = Type.Object(
  { optionIds: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 })), value: Type.Optional(Decimal), tolerance: Type.Optional(Decimal) },
  { additionalProperties: false },
);

export const QuestionSchema = Type.Object({
  id: Type.String(),
  programmeId: Type.String(),
  position: Type.Integer(),
  kind: StringEnum(QUESTION_KINDS),
  textAr: Type.String(),
  textEn: Type.String(),
  options: Type.Array(Type.Object({ id: Type.String(), textAr: Type.String(), textEn: Type.String() })),
  answerKey: Type.Object({ optionIds: Type.Optional(Type.Array(Type.String())), value: Type.Optional(Type.String()), tolerance: Type.Optional(Type.String()) }),
  points: Type.Integer(),
  version: Type.Integer(),
  inUse: Type.Boolean({ description: "answered in an attempt, or part of a started test: only its wording may change" }),
  usedIn: Type.Array(StringEnum(ASSESSMENT_KINDS)),
  archivedAt: Nullable(Iso),
  createdAt: Iso,
  updatedAt: Iso,
});

export const QuestionListSchema = Type.Object({ items: Type.Array(QuestionSchema) });

export const QuestionQuerySchema = Type.Object({ archived: Type.Optional(Type.Boolean({ description: "include archived questions" })) });

export const CreateQuestionSchema = Type.Object(
  {
    kind: StringEnum(QUESTION_KINDS),
    textAr: QuestionText,
    textEn: QuestionText,
    points: Type.Integer({ description: `${MIN_POINTS}–${MAX_POINTS}` }),
    options: Type.Optional(Type.Array(OptionSchema, { maxItems: 20, description: `single and multiple: ${MIN_OPTIONS}–${MAX_OPTIONS} options` })),
    answerKey: AnswerKeySchema,
  },
  { additionalProperties: false },
);

export const UpdateQuestionSchema = Type.Object(
  {
    version: Type.Integer({ description: "the version read; a stale one is refused with 409" }),
    kind: Type.Optional(StringEnum(QUESTION_KINDS)),
    textAr: Type.Optional(QuestionText),
    textEn: Type.Optional(QuestionText),
    points: Type.Optional(Type.Integer()),
    options: Type.Optional(Type.Array(OptionSchema, { maxItems: 20 })),
    answerKey: Type.Optional(AnswerKeySchema),
  },
  { additionalProperties: false },
);

export const ReorderQuestionsSchema = Type.Object({ questionIds: Type.Array(Id, { maxItems: 1000 }) }, { additionalProperties: false });

export type QuestionView = Static<typeof QuestionSchema>;
export type CreateQuestion = Static<typeof CreateQuestionSchema>;
export type UpdateQuestion = Static<typeof UpdateQuestionSchema>;
export type QuestionQuery = Static<typeof QuestionQuerySchema>;
