import { Type, type Static } from "typebox";
import { Iso, NonBlank, Nullable, OrgRefSchema } from "../../lib/schemas.js";

export const GroupSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  descriptionAr: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  memberCount: Type.Integer(),
  archivedAt: Nullable(Iso),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ update: Type.Boolean() }),
});

export const GroupDetailSchema = Type.Intersect([GroupSchema, Type.Object({ members: Type.Array(Type.Intersect([OrgRefSchema, Type.Object({ country: Nullable(Type.String()) })])) })]);

const text = (max: number) => Type.String({ maxLength: max });
export const CreateGroupSchema = Type.Object(
  {
    code: Type.String({ minLength: 2, maxLength: 40, pattern: "^[a-z0-9][a-z0-9-]*[a-z0-9]$" }),
    nameAr: NonBlank(2, 200),
    nameEn: NonBlank(2, 200),
    descriptionAr: Type.Optional(Nullable(text(1000))),
    descriptionEn: Type.Optional(Nullable(text(1000))),
    memberIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export const UpdateGroupSchema = Type.Object(
  {
    nameAr: Type.Optional(NonBlank(2, 200)),
    nameEn: Type.Optional(NonBlank(2, 200)),
    descriptionAr: Type.Optional(Nullable(text(1000))),
    descriptionEn: Type.Optional(Nullable(text(1000))),
    memberIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export type CreateGroup = Static<typeof CreateGroupSchema>;
export type UpdateGroup = Static<typeof UpdateGroupSchema>;
