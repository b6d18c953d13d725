import { Type } from "typebox";
import { DigitsSchema, Email, Iso, LocaleSchema, Nullable, OrgRefSchema, RoleSchema } from "../../lib/schemas.js";

export const MeSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  role: RoleSchema,
  locale: LocaleSchema,
  digits: DigitsSchema,
  organisation: OrgRefSchema,
  can: Type.Object({
    manageUsers: Type.Boolean(),
    manageDirectory: Type.Boolean(),
    viewAudit: Type.Boolean(),
    viewOutbox: Type.Boolean(),
    createOrganisation: Type.Boolean(),
    createGroup: Type.Boolean(),
    createPerson: Type.Boolean(),
  }),
  assignableRoles: Type.Array(RoleSchema),
});

export const SessionSchema = Type.Object({ user: Nullable(MeSchema), csrfToken: Nullable(Type.String()) });
export const SignedInSchema = Type.Object({ user: MeSchema, csrfToken: Type.String() });

export const LoginSchema = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const ChangePasswordSchema = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1000 }), newPassword: Type.String({ minLength: 10, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const TokenParams = Type.Object({ token: Type.String({ minLength: 10, maxLength: 200 }) });

export const InvitationViewSchema = Type.Object({
  email: Type.String(),
  name: Nullable(Type.String()),
  role: RoleSchema,
  expiresAt: Iso,
  organisation: OrgRefSchema,
});

export const AcceptInvitationSchema = Type.Object(
  {
    token: Type.String({ minLength: 10, maxLength: 200 }),
    name: Type.String({ minLength: 2, maxLength: 200 }),
    password: Type.String({ minLength: 10, maxLength: 1000 }),
  },
  { additionalProperties: false },
);

export const ResetViewSchema = Type.Object({ email: Type.String(), expiresAt: Iso });
export const CompleteResetSchema = Type.Object(
  { token: Type.String({ minLength: 10, maxLength: 200 }), password: Type.String({ minLength: 10, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const UpdateMeSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    locale: Type.Optional(LocaleSchema),
    digits: Type.Optional(DigitsSchema),
  },
  { additionalProperties: false },
);

export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  createdAt: Iso,
  lastUsedAt: Nullable(Iso),
  expiresAt: Nullable(Iso),
  revokedAt: Nullable(Iso),
});

export const CreateTokenSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    expiresOn: Type.Optional(Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "Gregorian date YYYY-MM-DD (last valid day, Asia/Riyadh)" })),
  },
  { additionalProperties: false },
);

export const CreatedTokenSchema = Type.Intersect([ApiTokenSchema, Type.Object({ token: Type.String() })]);
export { Email };
