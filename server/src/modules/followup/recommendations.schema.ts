import { Type, type Static } from "typebox";
import { LINK_TARGET_TYPES, RECOMMENDATION_STATUSES, UPDATE_KINDS } from "../../../../common/followup.js";
import { Iso, NonBlank, Nullable, PageQuery, StringEnum, VisibilitySchema } from "../../lib/schemas.js";
import { DateOnly, EventRefSchema, FollowupOrgSchema, Id, UserRefSchema } from "./common.schema.js";

export const TEXT_MAX = 4000;
export const UPDATE_TEXT_MAX = 10_000;
export const REFERENCE_MAX = 40;
export const REASON_MAX = 2000;

export const StatusSchema = StringEnum(RECOMMENDATION_STATUSES);
const Text = Type.String({ maxLength: TEXT_MAX });

export const RecommendationSummarySchema = Type.Object({
  id: Type.String(),
  reference: Nullable(Type.String()),
  textAr: Type.String(),
  textEn: Type.String(),
  status: StatusSchema,
  progress: Type.Integer(),
  dueOn: Nullable(Type.String()),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer(),
  season: Type.Object({ id: Type.String(), code: Type.String() }),
  programme: Nullable(Type.Object({ id: Type.String(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String() })),
  area: Nullable(Type.Object({ id: Type.String(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String() })),
  owner: FollowupOrgSchema,
  responsibles: Type.Array(FollowupOrgSchema),
  sourceEvent: Nullable(EventRefSchema),
  updatedAt: Iso,
});

export const LinkSchema = Type.Object({
  targetType: StringEnum(LINK_TARGET_TYPES),
  targetId: Type.String(),
  title: Type.Object({ ar: Type.String(), en: Type.String() }),
  startsAt: Nullable(Type.String()),
  createdAt: Iso,
});

const Pct = (description: string) => Nullable(Type.Number({ description }));

export const AwarenessGainSchema = Type.Object(
  {
    programmes: Type.Array(Type.Object({ id: Type.String(), titleAr: Type.String(), titleEn: Type.String() }), { description: "the training programmes the figures cover" }),
    trainees: Type.Integer({ description: "active enrolments over those programmes (a person in two counts twice)" }),
    withPre: Type.Integer({ description: "trainees who submitted the pre-test" }),
    withPost: Type.Integer({ description: "trainees who submitted the post-test" }),
    paired: Type.Integer({ description: "trainees who submitted both" }),
    avgPre: Pct("average pre-test score, percent (one decimal); null without any"),
    avgPost: Pct("average post-test score, percent (one decimal); null without any"),
    avgGain: Pct("average post − pre of the paired trainees, percentage points (one decimal); null without any"),
  },
  { description: "over the readable training programmes linked directly or delivered by the linked workshops; null when none is involved" },
);

export const ImpactSchema = Type.Object({
  workshops: Type.Array(
    Type.Object({
      id: Type.String(),
      titleAr: Type.String(),
      titleEn: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      held: Type.Boolean(),
      participants: Type.Integer(),
      countries: Type.Integer(),
    }),
  ),
  participants: Type.Integer({ description: "distinct attendees over the linked workshops that were held" }),
  countries: Type.Integer({ description: "distinct countries of their organisations" }),
  awarenessGain: Nullable(AwarenessGainSchema),
});

export const RecommendationSchema = Type.Intersect([
  RecommendationSummarySchema,
  Type.Object({
    statusReason: Nullable(Type.String()),
    visibility: VisibilitySchema,
    shareGroupId: Nullable(Type.String()),
    sourceDecisionId: Nullable(Type.String()),
    sourceProposal: Nullable(Type.Object({ id: Type.String(), title: Type.String() })),
    createdAt: Iso,
    approvedAt: Nullable(Iso),
    closedAt: Nullable(Iso),
    createdBy: Nullable(UserRefSchema),
    links: Type.Array(LinkSchema),
    impact: ImpactSchema,
    abilities: Type.Object({ manage: Type.Boolean(), progress: Type.Boolean(), transitions: Type.Array(StatusSchema) }),
  }),
]);

export const RecommendationListSchema = Type.Object({
  items: Type.Array(RecommendationSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  abilities: Type.Object({ create: Type.Boolean() }),
});

/** Filters shared by the list, the accountability view and its export. */
export const filterQuery = {
  season: Type.Optional(Type.String({ maxLength: 64, description: "season code (e.g. 1446) or id" })),
  programme: Type.Optional(Id),
  area: Type.Optional(Id),
  event: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "the source meeting's id" })),
  organisation: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "a responsible organisation's id" })),
  status: Type.Optional(StatusSchema),
};

export const RecommendationQuerySchema = Type.Object({
  ...filterQuery,
  overdue: Type.Optional(Type.Boolean()),
  mine: Type.Optional(Type.Boolean({ description: "my organisation is responsible" })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  ...PageQuery,
});

export const CreateRecommendationSchema = Type.Object(
  {
    textAr: Text,
    textEn: Text,
    reference: Type.Optional(Nullable(Type.String({ maxLength: REFERENCE_MAX }))),
    seasonCode: Type.Optional(Type.String({ maxLength: 40 })),
    seasonId: Type.Optional(Id),
    programmeId: Type.Optional(Nullable(Id)),
    areaId: Type.Optional(Nullable(Id)),
    sourceEventId: Type.Optional(Nullable(Id)),
    responsibleOrganisationIds: Type.Array(Id, { maxItems: 60 }),
    dueOn: Type.Optional(Nullable(DateOnly)),
    status: Type.Optional(StringEnum(["proposed", "approved"] as const, { description: "default proposed" })),
    organisationId: Type.Optional(Id),
    visibility: Type.Optional(VisibilitySchema),
    shareGroupId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const UpdateRecommendationSchema = Type.Object(
  {
    updatedAt: Type.String({ minLength: 1, maxLength: 40, description: "the updatedAt read: 409 RECOMMENDATION_CONFLICT when it changed since" }),
    textAr: Type.Optional(Text),
    textEn: Type.Optional(Text),
    reference: Type.Optional(Nullable(Type.String({ maxLength: REFERENCE_MAX }))),
    dueOn: Type.Optional(Nullable(DateOnly)),
    areaId: Type.Optional(Nullable(Id)),
    programmeId: Type.Optional(Nullable(Id)),
    responsibleOrganisationIds: Type.Optional(Type.Array(Id, { maxItems: 60 })),
    visibility: Type.Optional(VisibilitySchema),
    shareGroupId: Type.Optional(Nullable(Id)),
    status: Type.Optional(StatusSchema),
    reason: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX }))),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  },
  { additionalProperties: false },
);

export const EvidenceLinkSchema = Type.Object(
  { url: Type.String({ minLength: 1, maxLength: 2000, pattern: "^https?://" }), title: Type.Optional(Type.String({ maxLength: 300 })) },
  { additionalProperties: false },
);

export const CreateUpdateSchema = Type.Object(
  {
    text: NonBlank(1, UPDATE_TEXT_MAX),
    links: Type.Optional(Type.Array(EvidenceLinkSchema, { maxItems: 20 })),
    progress: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    status: Type.Optional(StatusSchema),
    reason: Type.Optional(Nullable(Type.String({ maxLength: REASON_MAX }))),
  },
  { additionalProperties: false },
);

export const EvidenceFileSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: Iso,
  url: Type.String(),
});

const NamesSchema = Type.Object({ nameAr: Type.String(), nameEn: Type.String() });

/** The adopted proposal a recommendation came from, on the first entry of its timeline. */
export const ProposalHistorySchema = Type.Object(
  {
    id: Type.String(),
    title: Type.String({ description: "in the proposal's language" }),
    language: StringEnum(["ar", "en"] as const),
    submittedAt: Iso,
    organisation: NamesSchema,
    sponsors: Type.Array(NamesSchema),
    earlier: Type.Array(Type.Object({ titleAr: Type.String(), titleEn: Type.String() }), { description: "the meetings it was first put to, when carried over" }),
    reference: Type.String({ description: "the decision that adopted it" }),
  },
  { description: "for the created entry of a recommendation from an adopted proposal (its text tells the same, in the reader's language)" },
);

export const UpdateSchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(UPDATE_KINDS),
  text: Nullable(Type.String()),
  statusFrom: Nullable(StatusSchema),
  statusTo: Nullable(StatusSchema),
  progressFrom: Nullable(Type.Integer()),
  progressTo: Nullable(Type.Integer()),
  links: Type.Array(Type.Object({ url: Type.String(), title: Type.String() })),
  target: Nullable(Type.Object({ type: Type.String(), id: Type.String(), titleAr: Type.String(), titleEn: Type.String() }, { description: "for link and action entries: the workshop (event), training programme or action; `type` says which" })),
  fromProposal: Nullable(ProposalHistorySchema),
  files: Type.Array(EvidenceFileSchema),
  author: Nullable(UserRefSchema),
  organisation: Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
  createdAt: Iso,
});

export const UpdateListSchema = Type.Object({ items: Type.Array(UpdateSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const TrackDecisionsSchema = Type.Object(
  { decisionIds: Type.Optional(Type.Array(Id, { maxItems: 200, description: "default: every decision not tracked yet" })) },
  { additionalProperties: false },
);
export const TrackResultSchema = Type.Object({
  created: Type.Array(RecommendationSummarySchema),
  alreadyTracked: Type.Array(Type.Object({ decisionId: Type.String(), recommendationId: Type.String() })),
});

export const LinkInputSchema = Type.Object({ targetType: StringEnum(LINK_TARGET_TYPES), targetId: Id }, { additionalProperties: false });

export const LinkedQuerySchema = Type.Object({ targetType: StringEnum(LINK_TARGET_TYPES), targetId: Id });

export const EventRecommendationsSchema = Type.Object({
  serves: Type.Array(RecommendationSummarySchema),
  source: Type.Array(RecommendationSummarySchema),
  programmes: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String() })),
});

export type RecommendationQuery = Static<typeof RecommendationQuerySchema>;
export type CreateRecommendation = Static<typeof CreateRecommendationSchema>;
export type UpdateRecommendation = Static<typeof UpdateRecommendationSchema>;
export type CreateUpdate = Static<typeof CreateUpdateSchema>;
export type RecommendationSummary = Static<typeof RecommendationSummarySchema>;
