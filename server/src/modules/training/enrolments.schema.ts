import { Type, type Static } from "typebox";
import { ENROLMENT_STATUSES } from "../../../../common/training.js";
import { Iso, Nullable, PageQuery, StringEnum } from "../../lib/schemas.js";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "./enrolment-import.js";
import { TrainingOrgSchema } from "./programmes.schema.js";

export const ENROLMENT_SOURCES = ["self", "admin", "import"] as const;
export const IMPORT_STATUSES = ["new", "existing", "already", "error"] as const;
export const INVITE_STATUSES = ["send", "has_account", "pending", "not_allowed"] as const;

export const SelfEnrolSchema = Type.Object(
  {
    nameAr: Type.Optional(Type.String({ maxLength: 200, description: "required when the caller has no person in the directory (the certificate shows it)" })),
    nameEn: Type.Optional(Type.String({ maxLength: 200, description: "required when the caller has no person in the directory (the certificate shows it)" })),
  },
  { additionalProperties: false },
);

export const EnrolPersonSchema = Type.Object({ personId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const EnrolmentQuerySchema = Type.Object({
  organisation: Type.Optional(Type.String({ maxLength: 64, description: "organisation code or id" })),
  q: Type.Optional(Type.String({ maxLength: 200, description: "name or email" })),
  status: Type.Optional(StringEnum(["enrolled", "withdrawn", "all"] as const, { description: "default: enrolled" })),
  ...PageQuery,
});

export const EnrolmentSchema = Type.Object({
  id: Type.String(),
  status: StringEnum(ENROLMENT_STATUSES),
  source: StringEnum(ENROLMENT_SOURCES),
  person: Type.Object({ id: Type.String(), nameAr: Type.String(), nameEn: Type.String(), email: Nullable(Type.String()) }),
  organisation: TrainingOrgSchema,
  hasAccount: Type.Boolean({ description: "the trainee has (or is linked to) a user account" }),
  createdAt: Iso,
  updatedAt: Iso,
  withdrawnAt: Nullable(Iso),
  abilities: Type.Object({ withdraw: Type.Boolean() }),
});

export const EnrolmentListSchema = Type.Object({
  items: Type.Array(EnrolmentSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  scope: StringEnum(["all", "own"] as const, { description: "every trainee (managers) or the caller's organisation's only (admins)" }),
  organisations: Type.Array(TrainingOrgSchema, { description: "organisations with trainees, for the filter" }),
});

export const MyEnrolmentResultSchema = Type.Object({ id: Type.String(), status: StringEnum(ENROLMENT_STATUSES), createdAt: Iso });

/** What the multipart body of an import is parsed into (the file plus its text fields). */
export const ImportBodySchema = Type.Object({
  file: Type.Unsafe<{ fileName: string; data: Buffer }>({ type: "object", description: `the CSV or XLSX file (at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB, ${IMPORT_MAX_ROWS} rows)` }),
  mode: Type.Optional(StringEnum(["preview", "commit"] as const, { description: "preview (default): nothing is written" })),
  validOnly: Type.Optional(StringEnum(["true", "false"] as const, { description: "commit: import the valid rows and leave the others" })),
  invite: Type.Optional(StringEnum(["true", "false"] as const, { description: "commit: send account invitations (participant) to those without an account" })),
});

const FieldProblem = Type.Object({ field: Type.String(), message: Type.String() });

export const ImportResultSchema = Type.Object({
  mode: StringEnum(["preview", "commit"] as const),
  committed: Type.Boolean(),
  columns: Type.Object({
    nameAr: Nullable(Type.String()),
    nameEn: Nullable(Type.String()),
    email: Nullable(Type.String()),
    organisation: Nullable(Type.String()),
    title: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    language: Nullable(Type.String()),
  }, { description: "the file's header recognised for each field (null: not found)" }),
  rows: Type.Array(
    Type.Object({
      row: Type.Integer({ description: "as the admin sees it in the file (the header is row 1)" }),
      nameAr: Type.String(),
      nameEn: Type.String(),
      email: Type.String(),
      organisationCode: Type.String(),
      organisation: Nullable(Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() })),
      title: Type.String(),
      phone: Type.String(),
      status: StringEnum(IMPORT_STATUSES, { description: "new person, existing person (matched by email), already enrolled (skipped), error" }),
      errors: Type.Array(FieldProblem),
      invitation: Nullable(StringEnum(INVITE_STATUSES)),
    }),
  ),
  counts: Type.Object({
    rows: Type.Integer(),
    newPeople: Type.Integer(),
    existingPeople: Type.Integer(),
    skipped: Type.Integer({ description: "already enrolled" }),
    errors: Type.Integer({ description: "rows with errors (not imported)" }),
    enrolled: Type.Integer({ description: "enrolled (or, in a preview, to be)" }),
    invited: Type.Integer({ description: "invitations sent (or, in a preview, to be)" }),
  }),
});

export type EnrolmentQuery = Static<typeof EnrolmentQuerySchema>;
export type ImportResult = Static<typeof ImportResultSchema>;
