import { Type, type Static } from "typebox";
import { ACTION_STATUSES } from "../../../../common/followup.js";
import { Iso, Nullable, PageQuery, StringEnum } from "../../lib/schemas.js";
import { DateOnly, FollowupOrgSchema, Id } from "./common.schema.js";

const Title = Type.String({ maxLength: 500 });
const Note = Type.String({ maxLength: 4000 });

export const ActionSchema = Type.Object({
  id: Type.String(),
  recommendation: Type.Object({ id: Type.String(), reference: Nullable(Type.String()), textAr: Type.String(), textEn: Type.String() }),
  titleAr: Type.String(),
  titleEn: Type.String(),
  organisation: FollowupOrgSchema,
  person: Nullable(Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  dueOn: Nullable(Type.String()),
  status: StringEnum(ACTION_STATUSES),
  note: Nullable(Type.String()),
  doneAt: Nullable(Iso),
  overdue: Type.Boolean(),
  daysOverdue: Type.Integer(),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ update: Type.Boolean(), delete: Type.Boolean() }),
});

export const CreateActionSchema = Type.Object(
  {
    titleAr: Title,
    titleEn: Title,
    organisationId: Id,
    personId: Type.Optional(Nullable(Id)),
    dueOn: Type.Optional(Nullable(DateOnly)),
    note: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false },
);

export const UpdateActionSchema = Type.Object(
  {
    titleAr: Type.Optional(Title),
    titleEn: Type.Optional(Title),
    organisationId: Type.Optional(Id),
    personId: Type.Optional(Nullable(Id)),
    dueOn: Type.Optional(Nullable(DateOnly)),
    status: Type.Optional(StringEnum(ACTION_STATUSES)),
    note: Type.Optional(Nullable(Note)),
  },
  { additionalProperties: false },
);

export const ActionQuerySchema = Type.Object({
  mine: Type.Optional(Type.Boolean({ description: "assigned to my organisation" })),
  overdue: Type.Optional(Type.Boolean()),
  status: Type.Optional(StringEnum(ACTION_STATUSES)),
  recommendation: Type.Optional(Id),
  ...PageQuery,
});

export const ActionListSchema = Type.Object({ items: Type.Array(ActionSchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const RecommendationActionsSchema = Type.Object({ items: Type.Array(ActionSchema), abilities: Type.Object({ create: Type.Boolean() }) });

export type CreateAction = Static<typeof CreateActionSchema>;
export type UpdateAction = Static<typeof UpdateActionSchema>;
export type ActionQuery = Static<typeof ActionQuerySchema>;
