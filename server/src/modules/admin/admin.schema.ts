import { Type, type Static } from "typebox";
import { Email, Iso, LocaleSchema, Nullable, OrgRefSchema, Page, PageQuery, RoleSchema } from "../../lib/schemas.js";

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  organisation: OrgRefSchema,
  locale: LocaleSchema,
  disabledAt: Nullable(Iso),
  createdAt: Iso,
  abilities: Type.Object({ update: Type.Boolean(), disable: Type.Boolean(), resetPassword: Type.Boolean() }),
});
export const UserListSchema = Page(UserSchema);
export const UserQuerySchema = Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), organisation: Type.Optional(Type.String({ maxLength: 40 })), ...PageQuery });
export const UpdateUserSchema = Type.Object({ role: Type.Optional(RoleSchema), name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })) }, { additionalProperties: false });

export const LinkSchema = Type.Object({ link: Type.String(), expiresAt: Iso });

export const InvitationSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Nullable(Type.String()),
  role: RoleSchema,
  organisation: OrgRefSchema,
  createdAt: Iso,
  expiresAt: Iso,
});
export const CreateInvitationSchema = Type.Object(
  {
    email: Email,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    role: RoleSchema,
    organisationId: Type.String({ minLength: 1, maxLength: 64 }),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export const CreatedInvitationSchema = Type.Object({ id: Type.String(), link: Type.String(), expiresAt: Iso });

export const OutboxSchema = Type.Object({
  id: Type.String(),
  toEmail: Type.String(),
  subject: Type.String(),
  body: Type.String(),
  kind: Type.String(),
  locale: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  createdAt: Iso,
  sentAt: Nullable(Iso),
});
export const OutboxListSchema = Page(OutboxSchema);

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Iso,
  actor: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  summary: Type.String(),
  changes: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export const AuditListSchema = Page(AuditEntrySchema);
export const AuditQuerySchema = Type.Object({ entityType: Type.Optional(Type.String({ maxLength: 40 })), entityId: Type.Optional(Type.String({ maxLength: 64 })), ...PageQuery });

export type CreateInvitation = Static<typeof CreateInvitationSchema>;
export type UpdateUser = Static<typeof UpdateUserSchema>;
export type UserQuery = Static<typeof UserQuerySchema>;
export type AuditQuery = Static<typeof AuditQuerySchema>;
