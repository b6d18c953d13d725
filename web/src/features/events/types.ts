import type { AgendaKind, EventKind, EventMode, EventStatus, InvitationStatus, RegistrationMode, RegistrationStatus, SpeakerRole } from "../../../../common/events.js";
import type { Position, Visibility } from "../../../../common/roles.js";
import type { GroupRef, OrgRef } from "../../api/types.js";

/** Shapes of the "Seasons and events" API (server/src/modules/events/*.schema.ts). */

export interface Season {
  id: string;
  code: string;
  hijriYear: number;
  nameAr: string;
  nameEn: string;
  /** Gregorian "YYYY-MM-DD". */
  startsOn: string;
  endsOn: string;
  eventCount: number;
  abilities: { update: boolean };
}

export interface SeasonList {
  items: Season[];
  abilities: { create: boolean };
}

export interface PersonRef {
  id: string;
  nameAr: string;
  nameEn: string;
  titleAr: string | null;
  titleEn: string | null;
}

export interface MyRegistration {
  id: string;
  status: RegistrationStatus | string;
  waitlistPosition: number | null;
}

export interface EventRecord {
  id: string;
  season: { id: string; code: string; nameAr: string; nameEn: string };
  kind: EventKind;
  mode: EventMode;
  status: EventStatus;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  host: OrgRef;
  chair: PersonRef | null;
  venueAr: string | null;
  venueEn: string | null;
  /** Only for those who run the event or hold a confirmed place. */
  joinUrl: string | null;
  hasJoinUrl: boolean;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  /** "YYYY-MM-DDTHH:MM" in `timeZone`. */
  startsLocal: string;
  endsLocal: string;
  registration: RegistrationMode;
  capacity: number | null;
  confirmedCount: number;
  waitlistCount: number;
  previousEventId: string | null;
  visibility: Visibility;
  shareGroup?: GroupRef | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  myRegistration: MyRegistration | null;
  /** recordAttendance: the attendance tab — also for the trainers of a training programme the workshop delivers, who may not edit it. */
  abilities: { update: boolean; register: boolean; viewRegistrations: boolean; recordAttendance: boolean };
}

export interface AgendaSpeaker {
  role: SpeakerRole | string;
  person: (PersonRef & { organisation: OrgRef }) | null;
  guestNameAr: string | null;
  guestNameEn: string | null;
  guestTitleAr: string | null;
  guestTitleEn: string | null;
}

export interface AgendaItem {
  id: string;
  position: number;
  kind: AgendaKind | string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  startsAt: string | null;
  endsAt: string | null;
  startsLocal: string | null;
  endsLocal: string | null;
  speakers: AgendaSpeaker[];
}

export interface Delegate {
  id: string;
  nameAr: string;
  nameEn: string;
  titleAr: string | null;
  titleEn: string | null;
  position: Position | string;
  isLeader: boolean;
}

export interface Participation {
  id: string;
  organisation: OrgRef;
  country: string | null;
  status: InvitationStatus | string;
  quota: number | null;
  viaGroup: string | null;
  invitedAt: string;
  respondedAt: string | null;
  delegation: Delegate[];
  abilities: { nominate: boolean };
}

export interface ParticipationList {
  items: Participation[];
  abilities: { invite: boolean };
}

export interface RegistrationEntry {
  id: string;
  status: RegistrationStatus | string;
  waitlistPosition: number | null;
  createdAt: string;
  user: { id: string; name: string; nameAr: string; nameEn: string; email: string };
  organisation: OrgRef;
  country: string | null;
}

export interface RegistrationList {
  items: RegistrationEntry[];
  abilities: { manage: boolean };
}

/** Attendance (server/src/modules/events/attendance.routes.ts). */
export type AttendeeRole = "leader" | "delegate" | "registrant" | "trainee" | "unexpected";

export interface AttendanceEntry {
  /** "p:<personId>" or "u:<userId>": it contains a colon, so encode it in paths. */
  key: string;
  nameAr: string;
  nameEn: string;
  email: string | null;
  role: AttendeeRole;
  organisation: OrgRef;
  country: string | null;
  checkedInAt: string | null;
  source: "organiser" | "self" | "import" | string | null;
  minutes: number | null;
}

export interface AttendanceTally {
  expected: number;
  attended: number;
}

export interface AttendanceList {
  items: AttendanceEntry[];
  totals: AttendanceTally;
  byOrganisation: (AttendanceTally & { organisation: OrgRef; country: string | null })[];
  byCountry: (AttendanceTally & { country: string | null; nameAr: string | null; nameEn: string | null; organisations: number })[];
}

export type ImportRowStatus = "new" | "already" | "unmatched" | "invalid" | "repeat" | "too_short";

export interface ImportRow {
  line: number;
  name: string;
  email: string;
  minutes: number | null;
  status: ImportRowStatus;
  /** An i18n key such as "validation.invalid_email", or null. */
  message: string | null;
  attendee: { key: string; nameAr: string; nameEn: string; organisationId: string } | null;
}

export interface ImportResult {
  columns: { name: string | null; email: string | null; minutes: string | null };
  rows: ImportRow[];
  summary: Record<ImportRowStatus, number>;
  committed: boolean;
  written: number;
}

export interface CheckInLink {
  url: string;
  opensAt: string;
  closesAt: string;
}

export interface SelfCheckIn {
  checkedInAt: string;
  nameAr: string;
  nameEn: string;
  titleAr: string;
  titleEn: string;
}

/** Files (server/src/modules/events/minutes.routes.ts). */
export type AttachmentTarget = "event" | "agenda" | "minutes";

export interface Attachment {
  id: string;
  target: AttachmentTarget;
  agendaItemId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  uploadedBy: string | null;
  url: string;
}

export interface AttachmentList {
  items: Attachment[];
  abilities: { upload: boolean };
}

export interface Decision {
  id: string;
  number: number;
  reference: string | null;
  textAr: string;
  textEn: string;
  /** Gregorian "YYYY-MM-DD". */
  dueOn: string | null;
  responsible: OrgRef | null;
}

export interface Minutes {
  bodyHtml: string;
  /** 0 while nothing was saved; sent back when saving. */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
  decisions: Decision[];
  attachments: Attachment[];
  abilities: { edit: boolean };
}

export interface DecisionInput {
  id?: string;
  reference?: string | null;
  textAr: string;
  textEn: string;
  responsibleOrganisationId?: string | null;
  dueOn?: string | null;
}
