import { Type, type Static } from "typebox";
import { SURVEY_ITEM_KINDS } from "../../../../common/training.js";
import { Iso, Nullable, StringEnum } from "../../lib/schemas.js";

export const SurveyItemSchema = Type.Object({ id: Type.String(), kind: StringEnum(SURVEY_ITEM_KINDS), textAr: Type.String(), textEn: Type.String() });

/** Answers by item id: a whole number 1–5 for a scale, free text (at most 2,000 characters) for a text item. */
const Answers = Type.Record(Type.String({ maxLength: 64 }), Type.Union([Type.Number(), Type.String()]), { maxProperties: 50 });

export const SurveyResponseSchema = Type.Object({ answers: Answers, submittedAt: Iso });

export const SurveySchema = Type.Object({
  items: Type.Array(SurveyItemSchema),
  /** The caller's own response, once sent. */
  response: Nullable(SurveyResponseSchema),
  /** The caller is a trainee who has not answered yet, and the survey is open to him. */
  canRespond: Type.Boolean(),
  /**
   * For a trainee who has not answered: what the survey still waits for (null: open). It opens
   * once he submitted the post-test or, without a published post-test, once the last workshop started.
   */
  opensAfter: Nullable(StringEnum(["post_test", "last_workshop"] as const)),
  enrolled: Type.Boolean(),
});

export const SubmitSurveySchema = Type.Object({ answers: Answers }, { additionalProperties: false });

export const SurveySummarySchema = Type.Object({
  responses: Type.Integer(),
  enrolled: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: StringEnum(SURVEY_ITEM_KINDS),
      textAr: Type.String(),
      textEn: Type.String(),
      count: Type.Integer(),
      /** Scale items: the mean to one decimal (null without answers). */
      average: Nullable(Type.Number()),
      /** Scale items: how many answered 1, 2, 3, 4 and 5. */
      distribution: Type.Array(Type.Integer()),
    }),
  ),
  /** Free texts, newest first, without who wrote them (at most 500). */
  texts: Type.Array(Type.Object({ itemId: Type.String(), text: Type.String() })),
  textsTotal: Type.Integer(),
});

export type SubmitSurvey = Static<typeof SubmitSurveySchema>;
