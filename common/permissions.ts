/** Every action the policies decide on. */
export const ACTIONS = [
  "organisation.read",
  "organisation.create",
  "organisation.update",
  "organisation.archive",
  "group.read",
  "group.create",
  "group.update",
  "person.read",
  "person.create",
  "person.update",
  "person.archive",
  "user.read",
  "user.invite",
  "user.update",
  "user.disable",
  "user.reset_password",
  "outbox.read",
  "audit.read",
  "season.read",
  "season.manage",
  "event.read",
  "event.create",
  "event.update",
  "event.attendance",
  "delegation.manage",
  "registration.create",
  "registration.read",
  "minutes.read",
  "library.read",
  "library.create",
  "library.update",
  "library.comment",
  "programme.read",
  "programme.manage",
  "recommendation.read",
  "recommendation.create",
  "recommendation.update",
  "proposal.submit",
  "proposal.decide",
  "training.read",
  "training.manage",
  "training.enrol",
  "training.results",
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * How a record relates to the person asking:
 * - own: it belongs to their organisation;
 * - shared: another organisation's record shared with them (its group or all members);
 * - other: another organisation's record not shared with them;
 * - public: published to anyone, signed in or not.
 */
export const RELATIONS = ["own", "shared", "other", "public"] as const;
export type Relation = (typeof RELATIONS)[number];
