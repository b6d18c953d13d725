import type { Digits, Locale, OrganisationKind, Position, Role, Visibility } from "../../../common/roles.js";

/** Shapes of docs/api.md, as the web app reads them. */

export type Abilities = Record<string, boolean | undefined>;

export interface OrgRef {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  kind: OrganisationKind;
}

export interface MeCan {
  manageUsers: boolean;
  manageDirectory: boolean;
  viewAudit: boolean;
  viewOutbox: boolean;
  createOrganisation: boolean;
  createGroup: boolean;
  createPerson: boolean;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  digits: Digits;
  organisation: OrgRef;
  can: MeCan;
  /** Roles this user may give when inviting or changing a user. */
  assignableRoles: Role[];
}

export interface SessionAnswer {
  user: Me | null;
  csrfToken: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export type OicStatus = "member" | "suspended" | "observer" | "none";

export interface Country {
  code: string;
  nameAr: string;
  nameEn: string;
  oicStatus: OicStatus;
}

export interface GroupRef {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface Organisation {
  id: string;
  code: string;
  kind: OrganisationKind;
  nameAr: string;
  nameEn: string;
  country: string | null;
  countryNameAr?: string | null;
  countryNameEn?: string | null;
  cityAr: string | null;
  cityEn: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  addressAr: string | null;
  addressEn: string | null;
  visibility: Visibility;
  /** The one group it is shared with when `visibility` is "group", else null. */
  shareGroup: GroupRef | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The groups this organisation belongs to (detail answers only). */
  groups?: GroupRef[];
  abilities?: Abilities;
}

export interface Group extends GroupRef {
  descriptionAr: string | null;
  descriptionEn: string | null;
  memberCount?: number;
  archivedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
  abilities?: Abilities;
}

export interface GroupDetail extends Group {
  members: (OrgRef & { country?: string | null })[];
}

export interface Person {
  id: string;
  organisation: OrgRef;
  nameAr: string;
  nameEn: string;
  position: Position;
  titleAr: string | null;
  titleEn: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: Locale;
  visibility: Visibility;
  /** The one group it is shared with when `visibility` is "group", else null. */
  shareGroup: GroupRef | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities?: Abilities;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface InvitationPreview {
  email: string;
  role: Role;
  organisation: OrgRef;
  expiresAt: string;
}

export interface PasswordResetPreview {
  email: string;
  expiresAt: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisation: OrgRef;
  disabledAt: string | null;
  createdAt?: string;
  lastLoginAt?: string | null;
  abilities?: Abilities;
}

export interface Invitation {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  organisation: OrgRef;
  createdAt?: string;
  expiresAt: string;
  invitedBy?: { id: string; name: string } | null;
}

export interface CreatedInvitation {
  id: string;
  link: string;
  expiresAt: string;
}

export interface PasswordResetLink {
  link: string;
  expiresAt: string;
}

export interface OutboxMessage {
  id: string;
  toEmail: string;
  subject: string;
  body: string;
  kind: string;
  status: string;
  createdAt: string;
  sentAt: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: { id: string; name: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: string | null;
  changes: Record<string, unknown> | null;
}

export interface AuditPage {
  items: AuditEntry[];
  total?: number;
  page?: number;
  pageSize?: number;
}
