import { Type, type Static } from "typebox";
import { Iso, Nullable, OrgRefSchema } from "../../lib/schemas.js";

export const InviteSchema = Type.Object(
  {
    organisationIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500, uniqueItems: true })),
    groupCodes: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20, uniqueItems: true })),
    quota: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10000, description: "seats per organisation in an open workshop" }))),
  },
  { additionalProperties: false },
);

export const DelegationInputSchema = Type.Object(
  {
    leaderId: Type.String({ minLength: 1, maxLength: 64 }),
    memberIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 100, uniqueItems: true }),
  },
  { additionalProperties: false },
);

const Delegate = Type.Object({
  id: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  titleAr: Nullable(Type.String()),
  titleEn: Nullable(Type.String()),
  position: Type.String(),
  isLeader: Type.Boolean(),
});

export const ParticipationSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      organisation: OrgRefSchema,
      country: Nullable(Type.String()),
      status: Type.String(),
      quota: Nullable(Type.Integer()),
      viaGroup: Nullable(Type.String()),
      invitedAt: Iso,
      respondedAt: Nullable(Iso),
      delegation: Type.Array(Delegate),
      abilities: Type.Object({ nominate: Type.Boolean() }),
    }),
  ),
  abilities: Type.Object({ invite: Type.Boolean() }),
});

export type Invite = Static<typeof InviteSchema>;
export type DelegationInput = Static<typeof DelegationInputSchema>;
