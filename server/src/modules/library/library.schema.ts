import { Type, type Static } from "typebox";
import { LIBRARY_CATEGORIES, LIBRARY_KINDS, LIBRARY_LANGUAGES } from "../../../../common/library.js";
import { VISIBILITIES } from "../../../../common/roles.js";
import { Iso, NonBlank, Nullable, PageQuery, StringEnum } from "../../lib/schemas.js";

export const COMMENT_KINDS = ["comment", "question"] as const;
export const LIBRARY_SORTS = ["recent", "useful"] as const;

/** Limits of an entry (also checked by the schema, so a bad request names its field). */
export const TITLE_MAX = 300;
export const BODY_MAX = 200_000;
export const TAGS_MAX = 10;
export const TAG_MAX = 40;
export const COMMENT_MAX = 5000;

const ScopeSchema = StringEnum(VISIBILITIES, { description: "private (the organisation), group (one of its groups: groupCode), members (every signed-in user), public" });
const Title = Type.String({ maxLength: TITLE_MAX });
const Body = Type.String({ maxLength: BODY_MAX, description: "Rich text (HTML, sanitised on save) or plain text" });

const Ref = Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() });
const UserRef = Type.Object({ id: Type.String(), name: Type.String() });

export const LibraryAttachmentSchema = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  contentType: Type.String(),
  size: Type.Integer(),
  createdAt: Iso,
  uploadedBy: Nullable(Type.String({ description: "the uploader's name" })),
});

export const EntrySummarySchema = Type.Object({
  id: Type.String(),
  kind: StringEnum(LIBRARY_KINDS),
  language: StringEnum(LIBRARY_LANGUAGES),
  title: Type.String({ description: "in the caller's language when the entry has it" }),
  titleAr: Nullable(Type.String()),
  titleEn: Nullable(Type.String()),
  excerpt: Type.String({ description: "the opening of the text (plain), in the caller's language when the entry has it" }),
  category: StringEnum(LIBRARY_CATEGORIES),
  tags: Type.Array(Type.String()),
  organisation: Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String(), country: Nullable(Type.String()) }),
  season: Nullable(Ref),
  scope: ScopeSchema,
  group: Nullable(Ref),
  usefulCount: Type.Integer(),
  commentCount: Type.Integer(),
  version: Type.Integer(),
  createdAt: Iso,
  updatedAt: Iso,
});

export const EntrySchema = Type.Intersect([
  EntrySummarySchema,
  Type.Object({
    bodyAr: Nullable(Type.String()),
    bodyEn: Nullable(Type.String()),
    event: Nullable(Type.Object({ id: Type.String(), titleAr: Type.String(), titleEn: Type.String(), startsAt: Iso })),
    author: Nullable(UserRef),
    updatedBy: Nullable(UserRef),
    markedUseful: Type.Boolean(),
    attachments: Type.Array(LibraryAttachmentSchema),
    abilities: Type.Object({ update: Type.Boolean(), comment: Type.Boolean() }),
  }),
]);

export const EntryListSchema = Type.Object({ items: Type.Array(EntrySummarySchema), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });

export const EntryQuerySchema = Type.Object({
  kind: Type.Optional(StringEnum(LIBRARY_KINDS)),
  category: Type.Optional(StringEnum(LIBRARY_CATEGORIES)),
  organisation: Type.Optional(Type.String({ maxLength: 40, description: "organisation code" })),
  season: Type.Optional(Type.String({ maxLength: 40, description: "season code, e.g. 1446" })),
  tag: Type.Optional(Type.String({ maxLength: 100 })),
  scope: Type.Optional(ScopeSchema),
  mine: Type.Optional(Type.Boolean({ description: "only my organisation's entries" })),
  sort: Type.Optional(StringEnum(LIBRARY_SORTS, { description: "recent (default): last updated first; useful: most marked useful first" })),
  ...PageQuery,
});

const editable = {
  title: NonBlank(1, TITLE_MAX),
  body: NonBlank(1, BODY_MAX),
  language: StringEnum(LIBRARY_LANGUAGES, { description: "the language of title and body" }),
  scope: ScopeSchema,
  groupCode: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "with scope group: a group the organisation belongs to" }))),
  kind: Type.Optional(StringEnum(LIBRARY_KINDS, { description: "default practice" })),
  category: Type.Optional(StringEnum(LIBRARY_CATEGORIES, { description: "default other" })),
  tags: Type.Optional(Type.Array(Type.String({ maxLength: TAG_MAX }), { maxItems: TAGS_MAX })),
  seasonCode: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  eventId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  titleAr: Type.Optional(Nullable(Title)),
  titleEn: Type.Optional(Nullable(Title)),
  bodyAr: Type.Optional(Nullable(Body)),
  bodyEn: Type.Optional(Nullable(Body)),
};

export const CreateEntrySchema = Type.Object(editable, { additionalProperties: false });
export const UpdateEntrySchema = Type.Object(
  {
    title: Type.Optional(editable.title),
    body: Type.Optional(editable.body),
    language: Type.Optional(editable.language),
    scope: Type.Optional(editable.scope),
    groupCode: editable.groupCode,
    kind: editable.kind,
    category: editable.category,
    tags: editable.tags,
    seasonCode: editable.seasonCode,
    eventId: editable.eventId,
    titleAr: editable.titleAr,
    titleEn: editable.titleEn,
    bodyAr: editable.bodyAr,
    bodyEn: editable.bodyEn,
    version: Type.Integer({ minimum: 1, description: "the version the edit started from" }),
  },
  { additionalProperties: false },
);

export const VersionListSchema = Type.Object({
  items: Type.Array(Type.Object({ version: Type.Integer(), editedAt: Iso, editedBy: Nullable(UserRef), titleAr: Nullable(Type.String()), titleEn: Nullable(Type.String()) })),
});

export const VersionSchema = Type.Object({
  version: Type.Integer(),
  kind: StringEnum(LIBRARY_KINDS),
  language: StringEnum(LIBRARY_LANGUAGES),
  titleAr: Nullable(Type.String()),
  titleEn: Nullable(Type.String()),
  bodyAr: Nullable(Type.String()),
  bodyEn: Nullable(Type.String()),
  category: StringEnum(LIBRARY_CATEGORIES),
  tags: Type.Array(Type.String()),
  editedAt: Iso,
  editedBy: Nullable(UserRef),
});

export const CommentSchema = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  kind: StringEnum(COMMENT_KINDS),
  body: Type.String({ description: "empty when deleted" }),
  author: Nullable(UserRef),
  organisation: Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String(), country: Nullable(Type.String()) }),
  createdAt: Iso,
  deleted: Type.Boolean(),
  abilities: Type.Object({ delete: Type.Boolean() }),
});

export const CreateCommentSchema = Type.Object(
  {
    body: NonBlank(1, COMMENT_MAX),
    kind: Type.Optional(StringEnum(COMMENT_KINDS, { description: "default comment" })),
    parentId: Type.Optional(Nullable(Type.String({ maxLength: 64, description: "a top-level comment of the same entry" }))),
  },
  { additionalProperties: false },
);

export const UsefulSchema = Type.Object({ usefulCount: Type.Integer(), markedUseful: Type.Boolean() });

export const TagQuerySchema = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100, description: "prefix" })) });
export const TagListSchema = Type.Object({ items: Type.Array(Type.Object({ tag: Type.String(), count: Type.Integer() })) });

export type CreateEntry = Static<typeof CreateEntrySchema>;
export type UpdateEntry = Static<typeof UpdateEntrySchema>;
export type EntryQuery = Static<typeof EntryQuerySchema>;
export type CreateComment = Static<typeof CreateCommentSchema>;
