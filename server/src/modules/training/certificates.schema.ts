import { Type, type Static } from "typebox";
import { CERTIFICATE_STATUSES } from "../../../../common/training.js";
import { Iso, NonBlank, Nullable, Page, PageQuery, StringEnum } from "../../lib/schemas.js";

export const MAX_REVOKE_REASON = 500;

const DateOnly = Type.String({ description: "Gregorian YYYY-MM-DD" });

export const CertificateSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: "RFD-XXXX-XXXX-XXXX" }),
  status: StringEnum(CERTIFICATE_STATUSES),
  enrolmentId: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  programmeTitleAr: Type.String(),
  programmeTitleEn: Type.String(),
  issuers: Type.Array(Type.Object({ nameAr: Type.String(), nameEn: Type.String() })),
  startsOn: Nullable(DateOnly),
  endsOn: Nullable(DateOnly),
  completedOn: DateOnly,
  attendancePct: Type.Integer(),
  postScorePct: Nullable(Type.Integer()),
  issuedAt: Iso,
  revokedAt: Nullable(Iso),
  pdfUrl: Type.String(),
  verifyUrl: Type.String(),
});
export type Certificate = Static<typeof CertificateSchema>;

export const CertificateListQuerySchema = Type.Object({
  ...PageQuery,
  status: Type.Optional(StringEnum(CERTIFICATE_STATUSES)),
  q: Type.Optional(Type.String({ maxLength: 200, description: "words of the name or the code" })),
});
export type CertificateListQuery = Static<typeof CertificateListQuerySchema>;

export const CertificateListItemSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: StringEnum(CERTIFICATE_STATUSES),
  enrolmentId: Type.String(),
  nameAr: Type.String(),
  nameEn: Type.String(),
  organisation: Type.Object({ id: Type.String(), code: Type.String(), nameAr: Type.String(), nameEn: Type.String() }),
  completedOn: DateOnly,
  attendancePct: Type.Integer(),
  postScorePct: Nullable(Type.Integer()),
  issuedAt: Iso,
  revokedAt: Nullable(Iso),
  revokeReason: Nullable(Type.String()),
  pdfUrl: Type.String(),
});

export const CertificateListSchema = Type.Object({
  ...Page(CertificateListItemSchema).properties,
  can: Type.Object({ issue: Type.Boolean({ description: "issue for every complete trainee" }), revoke: Type.Boolean() }),
});

export const IssueResultSchema = Type.Object({
  issued: Type.Integer({ description: "certificates issued now" }),
  alreadyIssued: Type.Integer({ description: "complete trainees who hold a valid certificate already" }),
  notComplete: Type.Integer({ description: "trainees still missing a requirement" }),
});

export const RevokeSchema = Type.Object({ reason: NonBlank(1, MAX_REVOKE_REASON) }, { additionalProperties: false });
export type Revoke = Static<typeof RevokeSchema>;

/** What the public verification page shows, and nothing else. */
export const VerificationSchema = Type.Object({
  code: Type.String(),
  status: StringEnum(CERTIFICATE_STATUSES),
  nameAr: Type.String(),
  nameEn: Type.String(),
  programmeTitleAr: Type.String(),
  programmeTitleEn: Type.String(),
  completedOn: DateOnly,
  revokedAt: Type.Optional(Iso),
}, { additionalProperties: false });
export type Verification = Static<typeof VerificationSchema>;

export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) });
