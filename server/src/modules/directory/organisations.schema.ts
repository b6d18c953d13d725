import { Type, type Static } from "typebox";
import { ORGANISATION_KINDS } from "../../../../common/roles.js";
import { Email, Iso, NonBlank, KindSchema, Nullable, Page, PageQuery, StringEnum, VisibilitySchema } from "../../lib/schemas.js";

const Code = Type.String({ minLength: 2, maxLength: 40, pattern: "^[a-z0-9][a-z0-9-]*[a-z0-9]$", description: "lower-case letters, digits and hyphens, e.g. hajj-qa" });
const Country = Type.String({ pattern: "^[A-Z]{2}$", description: "ISO 3166-1 alpha-2" });
const Text = (max: number) => Type.String({ maxLength: max });

export const OrganisationSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: KindSchema,
  nameAr: Type.String(),
  nameEn: Type.String(),
  country: Nullable(Type.String()),
  countryNameAr: Nullable(Type.String()),
  countryNameEn: Nullable(Type.String()),
  cityAr: Nullable(Type.String()),
  cityEn: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  website: Nullable(Type.String()),
  addressAr: Nullable(Type.String()),
  addressEn: Nullable(Type.String()),
  visibility: VisibilitySchema,
  shareGroup: Nullable(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
  archivedAt: Nullable(Iso),
  createdAt: Iso,
  updatedAt: Iso,
  abilities: Type.Object({ update: Type.Boolean(), archive: Type.Boolean() }),
});

export const OrganisationDetailSchema = Type.Intersect([
  OrganisationSchema,
  Type.Object({ abilities: Type.Object({ update: Type.Boolean(), archive: Type.Boolean(), createPerson: Type.Boolean() }) }),
  Type.Object({ groups: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })) }),
]);

export const OrganisationListSchema = Type.Intersect([Page(OrganisationSchema), Type.Object({ abilities: Type.Object({ create: Type.Boolean() }) })]);

export const OrganisationQuerySchema = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(StringEnum(ORGANISATION_KINDS)),
  country: Type.Optional(Country),
  group: Type.Optional(Type.String({ maxLength: 40 })),
  archived: Type.Optional(StringEnum(["exclude", "include", "only"])),
  ...PageQuery,
});

const editable = {
  nameAr: NonBlank(2, 200),
  nameEn: NonBlank(2, 200),
  country: Type.Optional(Nullable(Country)),
  cityAr: Type.Optional(Nullable(Text(100))),
  cityEn: Type.Optional(Nullable(Text(100))),
  email: Type.Optional(Nullable(Email)),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40, pattern: "^[+0-9 ()-]*$" }))),
  website: Type.Optional(Nullable(Type.String({ maxLength: 200, pattern: "^https?://\\S+$" }))),
  addressAr: Type.Optional(Nullable(Text(300))),
  addressEn: Type.Optional(Nullable(Text(300))),
  visibility: VisibilitySchema,
  shareGroupId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "required with visibility \"group\"" }))),
};

export const CreateOrganisationSchema = Type.Object({ code: Code, kind: KindSchema, ...editable }, { additionalProperties: false });
export const UpdateOrganisationSchema = Type.Partial(Type.Object({ code: Code, kind: KindSchema, ...editable }), { additionalProperties: false });

export type CreateOrganisation = Static<typeof CreateOrganisationSchema>;
export type UpdateOrganisation = Static<typeof UpdateOrganisationSchema>;
export type OrganisationQuery = Static<typeof OrganisationQuerySchema>;
