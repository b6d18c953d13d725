import { Type, type Static } from "typebox";
import { Iso, NonBlank, Nullable, PageQuery, StringEnum, VisibilitySchema } from "../../lib/schemas.js";
import { DateOnly, FollowupOrgSchema, Id } from "./common.schema.js";

const Code = Type.String({ minLength: 1, maxLength: 40, pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$", description: "letters, digits, . _ -" });
const Title = NonBlank(1, 300);
const Description = Type.String({ maxLength: 4000 });

const PartyInput = Type.Object(
  {
    organisationId: Id,
    signatoryPersonId: Type.Optional(Nullable(Id)),
    signatoryName: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    signedOn: Type.Optional(Nullable(DateOnly)),
  },
  { additionalProperties: false },
);
const AreaInput = Type.Object(
  { id: Type.Optional(Id), code: Type.String({ minLength: 1, maxLength: 40, pattern: "\\S" }), titleAr: Title, titleEn: Title },
  { additionalProperties: false },
);

const editable = {
  code: Code,
  seasonCode: Type.Optional(Type.String({ maxLength: 40 })),
  seasonId: Type.Optional(Id),
  titleAr: Title,
  titleEn: Title,
  descriptionAr: Type.Optional(Nullable(Description)),
  descriptionEn: Type.Optional(Nullable(Description)),
  startsOn: Type.Optional(Nullable(DateOnly)),
  endsOn: Type.Optional(Nullable(DateOnly)),
  visibility: Type.Optional(VisibilitySchema),
  shareGroupId: Type.Optional(Nullable(Id)),
  parties: Type.Array(PartyInput, { maxItems: 60 }),
  areas: Type.Array(AreaInput, { maxItems: 50 }),
  eventIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
};

export const CreateProgrammeSchema = Type.Object(editable, { additionalProperties: false });
export const UpdateProgrammeSchema = Type.Object(
  {
    code: Type.Optional(editable.code),
    seasonCode: editable.seasonCode,
    seasonId: editable.seasonId,
    titleAr: Type.Optional(editable.titleAr),
    titleEn: Type.Optional(editable.titleEn),
    descriptionAr: editable.descriptionAr,
    descriptionEn: editable.descriptionEn,
    startsOn: editable.startsOn,
    endsOn: editable.endsOn,
    visibility: editable.visibility,
    shareGroupId: editable.shareGroupId,
    parties: Type.Optional(editable.parties),
    areas: Type.Optional(editable.areas),
    eventIds: editable.eventIds,
  },
  { additionalProperties: false },
);

const SeasonRef = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });

export const ProgrammeSummarySchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  season: SeasonRef,
  titleAr: Type.String(),
  titleEn: Type.String(),
  startsOn: Nullable(Type.String()),
  endsOn: Nullable(Type.String()),
  visibility: VisibilitySchema,
  parties: Type.Array(Type.Object({ organisation: FollowupOrgSchema })),
  counts: Type.Object({ areas: Type.Integer(), events: Type.Integer(), recommendations: Type.Integer() }),
  archivedAt: Nullable(Iso),
});

export const ProgrammeSchema = Type.Intersect([
  ProgrammeSummarySchema,
  Type.Object({
    descriptionAr: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    shareGroupId: Nullable(Type.String()),
    owner: FollowupOrgSchema,
    parties: Type.Array(
      Type.Object({
        organisation: FollowupOrgSchema,
        signatory: Nullable(Type.Object({ personId: Nullable(Type.String()), name: Type.String(), nameAr: Nullable(Type.String()), nameEn: Nullable(Type.String()) })),
        signedOn: Nullable(Type.String()),
      }),
    ),
    areas: Type.Array(Type.Object({ id: Type.String(), position: Type.Integer(), code: Type.String(), titleAr: Type.String(), titleEn: Type.String() })),
    events: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), titleAr: Type.String(), titleEn: Type.String(), startsAt: Type.String(), endsAt: Type.String() })),
    createdAt: Iso,
    updatedAt: Iso,
    abilities: Type.Object({ update: Type.Boolean(), archive: Type.Boolean({ description: "archive it, or restore it when archived" }) }),
  }),
]);

export const ProgrammeListSchema = Type.Object({
  items: Type.Array(ProgrammeSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  abilities: Type.Object({ create: Type.Boolean() }),
});

export const ProgrammeQuerySchema = Type.Object({
  season: Type.Optional(Type.String({ maxLength: 64, description: "season code or id" })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  archived: Type.Optional(StringEnum(["exclude", "include", "only"] as const, { description: "archived programmes: left out (default), included, or only those" })),
  ...PageQuery,
});

export type CreateProgramme = Static<typeof CreateProgrammeSchema>;
export type UpdateProgramme = Static<typeof UpdateProgrammeSchema>;
export type ProgrammeQuery = Static<typeof ProgrammeQuerySchema>;
