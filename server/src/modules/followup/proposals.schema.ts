import { Type, type Static } from "typebox";
import { PROPOSAL_OUTCOMES, PROPOSAL_STATUSES } from "../../../../common/followup.js";
import { LIBRARY_LANGUAGES } from "../../../../common/library.js";
import { Iso, NonBlank, Nullable, StringEnum } from "../../lib/schemas.js";
import { DateOnly, EventRefSchema, FollowupOrgSchema, Id, UserRefSchema } from "./common.schema.js";
import { RecommendationSummarySchema } from "./recommendations.schema.js";

export const PROPOSAL_TITLE_MAX = 300;
export const PROPOSAL_TEXT_MAX = 8000;
export const PROPOSAL_COMMENT_MAX = 4000;

const Language = StringEnum(LIBRARY_LANGUAGES, { description: "the language the proposal is written in" });

export const ProposalSchema = Type.Object({
  id: Type.String(),
  event: EventRefSchema,
  organisation: FollowupOrgSchema,
  language: Language,
  title: Type.String(),
  problem: Type.String(),
  proposal: Type.String(),
  benefit: Type.String(),
  status: StringEnum(PROPOSAL_STATUSES),
  decision: Nullable(Type.Object({ reference: Nullable(Type.String()), note: Nullable(Type.String()), decidedAt: Nullable(Iso), decidedBy: Nullable(UserRefSchema) })),
  recommendationId: Nullable(Type.String()),
  carriedFrom: Nullable(Type.Object({ id: Type.String(), eventId: Type.String(), eventTitleAr: Type.String(), eventTitleEn: Type.String() })),
  sponsors: Type.Array(Type.Object({ organisation: FollowupOrgSchema, createdAt: Iso })),
  commentCount: Type.Integer(),
  author: Nullable(UserRefSchema),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ edit: Type.Boolean(), withdraw: Type.Boolean(), sponsor: Type.Boolean(), unsponsor: Type.Boolean(), comment: Type.Boolean(), decide: Type.Boolean() }),
});

export const ProposalListSchema = Type.Object({ items: Type.Array(ProposalSchema), abilities: Type.Object({ submit: Type.Boolean(), decide: Type.Boolean() }) });

export const CreateProposalSchema = Type.Object(
  {
    language: Language,
    title: NonBlank(1, PROPOSAL_TITLE_MAX),
    problem: NonBlank(1, PROPOSAL_TEXT_MAX),
    proposal: NonBlank(1, PROPOSAL_TEXT_MAX),
    benefit: NonBlank(1, PROPOSAL_TEXT_MAX),
  },
  { additionalProperties: false },
);

export const UpdateProposalSchema = Type.Object(
  {
    language: Type.Optional(Language),
    title: Type.Optional(NonBlank(1, PROPOSAL_TITLE_MAX)),
    problem: Type.Optional(NonBlank(1, PROPOSAL_TEXT_MAX)),
    proposal: Type.Optional(NonBlank(1, PROPOSAL_TEXT_MAX)),
    benefit: Type.Optional(NonBlank(1, PROPOSAL_TEXT_MAX)),
  },
  { additionalProperties: false },
);

export const ProposalCommentSchema = Type.Object({
  id: Type.String(),
  body: Type.String(),
  author: Nullable(UserRefSchema),
  organisation: FollowupOrgSchema,
  createdAt: Iso,
  abilities: Type.Object({ delete: Type.Boolean({ description: "its writer, an admin of the meeting's host, or a coordinator" }) }),
});
export const CreateProposalCommentSchema = Type.Object({ body: NonBlank(1, PROPOSAL_COMMENT_MAX) }, { additionalProperties: false });

export const DecisionSchema = Type.Object(
  {
    outcome: StringEnum(PROPOSAL_OUTCOMES),
    reference: NonBlank(1, 40),
    note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    responsibleOrganisationIds: Type.Optional(Type.Array(Id, { maxItems: 60 })),
    dueOn: Type.Optional(Nullable(DateOnly)),
    areaId: Type.Optional(Nullable(Id)),
    programmeId: Type.Optional(Nullable(Id)),
    textAr: Type.Optional(Type.String({ maxLength: 4000 })),
    textEn: Type.Optional(Type.String({ maxLength: 4000 })),
  },
  { additionalProperties: false },
);

export const CarryOverSchema = Type.Object({ eventId: Id }, { additionalProperties: false });

export const OpenItemsSchema = Type.Object({
  previous: Type.Array(Type.Object({ id: Type.String(), titleAr: Type.String(), titleEn: Type.String(), startsAt: Type.String(), season: Type.Object({ id: Type.String(), code: Type.String() }) })),
  recommendations: Type.Array(RecommendationSummarySchema),
  proposals: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      language: Language,
      status: StringEnum(PROPOSAL_STATUSES),
      organisation: FollowupOrgSchema,
      event: EventRefSchema,
      sponsors: Type.Integer(),
      carriedToProposalId: Nullable(Type.String()),
    }),
  ),
  abilities: Type.Object({ carryOver: Type.Boolean() }),
});

export type CreateProposal = Static<typeof CreateProposalSchema>;
export type UpdateProposal = Static<typeof UpdateProposalSchema>;
export type Decision = Static<typeof DecisionSchema>;
