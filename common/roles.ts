/** Roles of DOMAIN.md. A user has exactly one, within one organisation. */
export const ROLES = ["coordinator", "org_admin", "member", "trainer", "participant"] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = [
  "secretariat",
  "ministry",
  "hajj_mission",
  "oic_institution",
  "service_provider",
] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Who may read a record besides its own organisation. */
export const VISIBILITIES = ["private", "group", "members", "public"] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const POSITIONS = ["head", "deputy_head", "official", "staff", "trainer", "other"] as const;
export type Position = (typeof POSITIONS)[number];

export const LOCALES = ["ar", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const DIGITS = ["arab", "latn"] as const;
export type Digits = (typeof DIGITS)[number];
