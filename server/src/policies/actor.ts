import type { Digits, Locale, Role } from "../../../common/roles.js";

/** The signed-in user a request acts for (through a session or an API token). */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string;
  personId: string | null;
  locale: Locale;
  digits: Digits;
  via: "session" | "token";
  sessionId: string | null;
  csrfToken: string | null;
  /** Active groups the actor's organisation belongs to (filled on first use). */
  groupIds?: Set<string>;
}

/** A record as the policies see it: whose it is and who it is shared with. */
export interface Owned {
  organisationId: string | null;
  visibility?: string;
  /** With visibility "group": the group it is shared with. */
  shareGroupId?: string | null;
  /** Shared with the actor's organisation some other way (e.g. it was invited to the event). */
  sharedWithActor?: boolean;
}
