/** Events: meetings (e.g. the GCC offices' annual meeting) and workshops (e.g. Asas, Terhab). */
export const EVENT_KINDS = ["meeting", "workshop"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_MODES = ["in_person", "virtual", "hybrid"] as const;
export type EventMode = (typeof EVENT_MODES)[number];

export const EVENT_STATUSES = ["draft", "published", "cancelled"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** "invitation": invited organisations nominate delegations; "open": individuals register (capacity, waitlist). */
export const REGISTRATION_MODES = ["invitation", "open"] as const;
export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

export const REGISTRATION_STATUSES = ["confirmed", "waitlisted", "cancelled"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const AGENDA_KINDS = ["session", "item", "break"] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];

export const SPEAKER_ROLES = ["speaker", "chair", "moderator"] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];

export const INVITATION_STATUSES = ["invited", "accepted", "declined"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];
