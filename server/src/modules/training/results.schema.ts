import { Type, type Static } from "typebox";
import { ASSESSMENT_KINDS, CERTIFICATE_STATUSES, COMPLETION_REQUIREMENTS } from "../../../../common/training.js";
import { Iso, Nullable, Page, PageQuery, StringEnum } from "../../lib/schemas.js";

export const RESULT_SORTS = ["name", "organisation", "attendance", "pre", "post", "gain"] as const;
export type ResultSort = (typeof RESULT_SORTS)[number];
export const MISSING_FILTERS = [...COMPLETION_REQUIREMENTS, "none"] as const;
export const RESULT_EXPORT_FORMATS = ["csv", "xlsx"] as const;

const Pct = Nullable(Type.Integer({ description: "whole percentage; null when not taken" }));
const Average = Nullable(Type.Number({ description: "one decimal; null when nobody counts" }));

export const ResultsFilterQuery = {
  organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "organisation id" })),
  country: Type.Optional(Type.String({ minLength: 2, maxLength: 2, description: "ISO 3166-1 code of the trainee's organisation" })),
  missing: Type.Optional(StringEnum(MISSING_FILTERS, { description: "trainees still missing this requirement; none = complete" })),
  q: Type.Optional(Type.String({ maxLength: 200, description: "words of the trainee's name or email" })),
  sort: Type.Optional(StringEnum(RESULT_SORTS)),
  order: Type.Optional(StringEnum(["asc", "desc"] as const)),
};

export const ResultsQuerySchema = Type.Object({ ...ResultsFilterQuery, ...PageQuery });
export type ResultsQuery = Static<typeof ResultsQuerySchema>;

export const ResultsExportQuerySchema = Type.Object({ ...ResultsFilterQuery, format: StringEnum(RESULT_EXPORT_FORMATS) });
export type ResultsExportQuery = Static<typeof ResultsExportQuerySchema>;

export const RuleSchema = Type.Object({
  minAttendancePct: Type.Integer(),
  minPostScorePct: Type.Integer(),
  requireSurvey: Type.Boolean(),
});

const Requirement = StringEnum(COMPLETION_REQUIREMENTS);

export const CertificateRefSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: StringEnum(CERTIFICATE_STATUSES),
  issuedAt: Iso,
  revokedAt: Nullable(Iso),
});

const NamedRef = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });
const CountryRef = Type.Object({ code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });

export const TraineeResultSchema = Type.Object({
  enrolmentId: Type.String(),
  personId: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  organisation: NamedRef,
  country: Nullable(CountryRef),
  attendancePct: Type.Integer(),
  prePct: Pct,
  postPct: Pct,
  gain: Nullable(Type.Integer({ description: "post minus pre, in points" })),
  surveyDone: Type.Boolean(),
  missing: Type.Array(Requirement),
  complete: Type.Boolean(),
  certificate: Nullable(CertificateRefSchema),
});

const AggregateFields = {
  trainees: Type.Integer(),
  withPre: Type.Integer(),
  withPost: Type.Integer(),
  paired: Type.Integer({ description: "trainees with both tests submitted" }),
  avgPre: Average,
  avgPost: Average,
  avgGain: Nullable(Type.Number({ description: "mean of post − pre over paired trainees only" })),
  completed: Type.Integer(),
  completionRate: Nullable(Type.Number({ description: "completed / trainees, 0–1" })),
};

export const AggregateSchema = Type.Object(AggregateFields);

export const SurveySummarySchema = Type.Object({
  responses: Type.Integer(),
  items: Type.Array(Type.Object({ id: Type.String(), textAr: Type.String(), textEn: Type.String(), answers: Type.Integer(), average: Average })),
});

export const ResultsSchema = Type.Object({
  scope: StringEnum(["all", "own"] as const),
  rule: RuleSchema,
  workshopsHeld: Type.Integer(),
  hasPostTest: Type.Boolean(),
  totals: Type.Object({ ...AggregateFields, survey: SurveySummarySchema }),
  byOrganisation: Type.Array(Type.Object({ organisation: NamedRef, country: Nullable(Type.String()), ...AggregateFields })),
  byCountry: Type.Array(Type.Object({ country: Nullable(CountryRef), ...AggregateFields })),
  trainees: Page(TraineeResultSchema),
});

const TestProgressSchema = Type.Object({
  kind: StringEnum(ASSESSMENT_KINDS),
  /** The test exists and is published. */
  available: Type.Boolean(),
  opensAt: Nullable(Iso),
  closesAt: Nullable(Iso),
  status: StringEnum(["not_started", "in_progress", "submitted"] as const),
  attemptId: Nullable(Type.String()),
  deadlineAt: Nullable(Iso),
  scorePct: Pct,
});

export const MyProgressSchema = Type.Object({
  programmeId: Type.String(),
  enrolmentId: Type.String(),
  rule: RuleSchema,
  workshops: Type.Array(Type.Object({
    id: Type.String(),
    titleAr: Type.String(),
    titleEn: Type.String(),
    startsAt: Iso,
    endsAt: Iso,
    timeZone: Type.String(),
    status: Type.String(),
    /** Started (in progress or ended) and not cancelled: counts for attendance. */
    held: Type.Boolean(),
    /** Share of it attended, whole percent (null: not held yet). */
    attendedPct: Nullable(Type.Integer()),
  })),
  workshopsHeld: Type.Integer(),
  attendancePct: Type.Integer(),
  hasPostTest: Type.Boolean(),
  pre: TestProgressSchema,
  post: TestProgressSchema,
  gain: Nullable(Type.Integer()),
  surveyDone: Type.Boolean(),
  missing: Type.Array(Requirement),
  /** The missing requirements in words, in the caller's language. */
  missingText: Type.Array(Type.String()),
  complete: Type.Boolean(),
  certificate: Nullable(Type.Object({ ...CertificateRefSchema.properties, pdfUrl: Type.String() })),
});
