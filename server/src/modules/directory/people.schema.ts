import { Type, type Static } from "typebox";
import { Email, Iso, NonBlank, LocaleSchema, Nullable, OrgRefSchema, Page, PageQuery, PositionSchema, StringEnum, VisibilitySchema } from "../../lib/schemas.js";

export const PersonSchema = Type.Object({
  id: Type.String(),
  organisation: OrgRefSchema,
  nameAr: Type.String(),
  nameEn: Type.String(),
  position: PositionSchema,
  titleAr: Nullable(Type.String()),
  titleEn: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  preferredLanguage: LocaleSchema,
  visibility: VisibilitySchema,
  shareGroup: Nullable(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  archivedAt: Nullable(Iso),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ update: Type.Boolean(), archive: Type.Boolean() }),
});

export const PersonListSchema = Type.Intersect([
  Page(PersonSchema),
  Type.Object({
    totalCapped: Type.Boolean({ description: "true when more than `total` (10,000) people match: the count stops there" }),
    abilities: Type.Object({ create: Type.Boolean() }),
  }),
]);

export const PersonQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  organisation: Type.Optional(Type.String({ maxLength: 40, description: "organisation code" })),
  country: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })),
  group: Type.Optional(Type.String({ maxLength: 40 })),
  position: Type.Optional(PositionSchema),
  archived: Type.Optional(StringEnum(["exclude", "include", "only"])),
  ...PageQuery,
});

const fields = {
  nameAr: NonBlank(2, 200),
  nameEn: NonBlank(2, 200),
  position: PositionSchema,
  titleAr: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  titleEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: "^[+0-9 ()-]*$" }))),
  preferredLanguage: LocaleSchema,
  visibility: VisibilitySchema,
  shareGroupId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "required with visibility \"group\"" }))),
};

export const CreatePersonSchema = Type.Object({ organisationId: Type.String({ minLength: 1, maxLength: 64 }), ...fields }, { additionalProperties: false });
export const UpdatePersonSchema = Type.Object(
  {
    nameAr: Type.Optional(fields.nameAr),
    nameEn: Type.Optional(fields.nameEn),
    position: Type.Optional(fields.position),
    titleAr: fields.titleAr,
    titleEn: fields.titleEn,
    email: fields.email,
    phone: fields.phone,
    preferredLanguage: Type.Optional(fields.preferredLanguage),
    visibility: Type.Optional(fields.visibility),
    shareGroupId: fields.shareGroupId,
  },
  { additionalProperties: false },
);

export type CreatePerson = Static<typeof CreatePersonSchema>;
export type UpdatePerson = Static<typeof UpdatePersonSchema>;
export type PersonQuery = Static<typeof PersonQuerySchema>;
