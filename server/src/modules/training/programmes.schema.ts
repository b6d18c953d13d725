import { Type, type Static } from "typebox";
import { ENROLMENT_MODES, ENROLMENT_STATUSES, MATERIAL_KINDS, PROGRAMME_STATUSES, SURVEY_ITEM_KINDS, TRAINING_AUDIENCES } from "../../../../common/training.js";
import { Iso, Nullable, PageQuery, StringEnum, VisibilitySchema } from "../../lib/schemas.js";

/** Limits of a programme (the service checks them too, naming the field in the caller's language). */
export const TITLE_MAX = 300;
export const DESCRIPTION_MAX = 8000;
export const OBJECTIVES_MAX = 30;
export const OBJECTIVE_MAX = 500;
export const SURVEY_MAX = 20;
export const OWNERS_MAX = 10;

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Code = Type.String({ maxLength: 40, description: "required; letters, digits, . _ - (unique)" });
const Title = Type.String({ maxLength: TITLE_MAX, description: "required" });
const Description = Type.String({ maxLength: DESCRIPTION_MAX });
const Objectives = Type.Array(Type.String({ maxLength: OBJECTIVE_MAX }), { maxItems: OBJECTIVES_MAX, description: "one objective per item (a line each)" });
const Pct = Type.Integer({ description: "0–100" });

export const SurveyItemSchema = Type.Object(
  { id: Type.String({ maxLength: 40 }), kind: StringEnum(SURVEY_ITEM_KINDS), textAr: Type.String({ maxLength: 500 }), textEn: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

// Required fields and ranges are checked by the service, so that the message names the field as the
// programme form does (the generic labels would call titleAr a person's position title).
const editable = {
  code: Type.Optional(Code),
  seasonId: Type.Optional(Type.String({ maxLength: 64, description: "required; season id or code (e.g. 1445)" })),
  titleAr: Type.Optional(Title),
  titleEn: Type.Optional(Title),
  descriptionAr: Type.Optional(Nullable(Description)),
  descriptionEn: Type.Optional(Nullable(Description)),
  objectivesAr: Type.Optional(Objectives),
  objectivesEn: Type.Optional(Objectives),
  audience: Type.Optional(Type.Array(StringEnum(TRAINING_AUDIENCES), { maxItems: TRAINING_AUDIENCES.length, description: "required: at least one" })),
  ownerIds: Type.Optional(Type.Array(Id, { maxItems: OWNERS_MAX, description: "co-owning organisations; the lead (the creator's organisation) is always first" })),
  visibility: Type.Optional(VisibilitySchema),
  shareGroupId: Type.Optional(Nullable(Id)),
  enrolment: Type.Optional(StringEnum(ENROLMENT_MODES, { description: "open: trainees enrol themselves; managed: admins and trainers enrol them" })),
  minAttendancePct: Type.Optional(Pct),
  minPostScorePct: Type.Optional(Pct),
  requireSurvey: Type.Optional(Type.Boolean()),
  survey: Type.Optional(Type.Array(SurveyItemSchema, { maxItems: 50, description: `at most ${SURVEY_MAX} items` })),
  cooperationProgrammeId: Type.Optional(Nullable(Id)),
};

export const CreateProgrammeSchema = Type.Object(editable, { additionalProperties: false });

export const UpdateProgrammeSchema = Type.Object(
  { version: Type.Integer({ minimum: 1, description: "the version read; a stale one is refused (409)" }), ...editable },
  { additionalProperties: false },
);

export const WorkshopsSchema = Type.Object({ eventIds: Type.Array(Id, { maxItems: 100 }) }, { additionalProperties: false });

export const ProgrammeQuerySchema = Type.Object({
  season: Type.Optional(Type.String({ maxLength: 64, description: "season code or id" })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(StringEnum(PROGRAMME_STATUSES, { description: "drafts are listed only to those who manage them" })),
  mine: Type.Optional(StringEnum(["enrolled"] as const, { description: "only programmes the caller is enrolled in" })),
  archived: Type.Optional(StringEnum(["exclude", "include", "only"] as const)),
  ...PageQuery,
});

export const TrainingOrgSchema = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String(), kind: Type.String(), country: Nullable(Type.String()) });
const SeasonSchema = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });

export const MyEnrolmentSchema = Type.Object({ id: Type.String(), status: StringEnum(ENROLMENT_STATUSES), createdAt: Iso });

export const MaterialSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(MATERIAL_KINDS),
  titleAr: Type.String(),
  titleEn: Type.String(),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
});

export const ModuleSchema = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  titleAr: Type.String(),
  titleEn: Type.String(),
  summaryAr: Nullable(Type.String()),
  summaryEn: Nullable(Type.String()),
  materials: Type.Array(MaterialSchema),
});

export const WorkshopSchema = Type.Object({
  id: Type.String(),
  titleAr: Type.String(),
  titleEn: Type.String(),
  startsAt: Iso,
  endsAt: Iso,
  timeZone: Type.String(),
  mode: Type.String(),
  status: Type.String(),
});

export const ProgrammeSummarySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  season: SeasonSchema,
  titleAr: Type.String(),
  titleEn: Type.String(),
  status: StringEnum(PROGRAMME_STATUSES),
  enrolment: StringEnum(ENROLMENT_MODES),
  audience: Type.Array(StringEnum(TRAINING_AUDIENCES)),
  owners: Type.Array(TrainingOrgSchema, { description: "the lead first" }),
  counts: Type.Object({ workshops: Type.Integer(), modules: Type.Integer(), enrolled: Type.Integer() }),
  startsAt: Nullable(Iso),
  endsAt: Nullable(Iso),
  myEnrolment: Nullable(MyEnrolmentSchema),
  archivedAt: Nullable(Iso),
});

export const ProgrammeDetailSchema = Type.Intersect([
  ProgrammeSummarySchema,
  Type.Object({
    descriptionAr: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    objectivesAr: Type.Array(Type.String()),
    objectivesEn: Type.Array(Type.String()),
    visibility: VisibilitySchema,
    shareGroup: Nullable(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
    cooperationProgramme: Nullable(Type.Object({ id: Type.String(), titleAr: Type.String(), titleEn: Type.String() })),
    minAttendancePct: Type.Integer(),
    minPostScorePct: Type.Integer(),
    requireSurvey: Type.Boolean(),
    survey: Type.Array(SurveyItemSchema),
    version: Type.Integer(),
    modules: Type.Array(ModuleSchema),
    workshops: Type.Array(WorkshopSchema),
    can: Type.Object({
      manage: Type.Boolean(),
      enrolOthers: Type.Boolean(),
      selfEnrol: Type.Boolean(),
      results: StringEnum(["all", "own", "none"] as const),
    }),
  }),
]);

export const ProgrammeListSchema = Type.Object({
  items: Type.Array(ProgrammeSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  abilities: Type.Object({ create: Type.Boolean() }),
});

export const EventProgrammesSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String(), status: StringEnum(PROGRAMME_STATUSES), season: SeasonSchema })),
});

export type CreateProgramme = Static<typeof CreateProgrammeSchema>;
export type UpdateProgramme = Static<typeof UpdateProgrammeSchema>;
export type ProgrammeQuery = Static<typeof ProgrammeQuerySchema>;
export type ProgrammeDetailJson = Static<typeof ProgrammeDetailSchema>;
