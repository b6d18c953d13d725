import type { Action, Relation } from "../../../common/permissions.js";
import type { Role } from "../../../common/roles.js";

export type Subject = Role | "anonymous";

const ALL: Relation[] = ["own", "shared", "other", "public"];
const READABLE: Relation[] = ["own", "shared", "public"];
const OWN: Relation[] = ["own"];
const SIGNED_IN: Subject[] = ["coordinator", "org_admin", "member", "trainer", "participant"];

function everyone(relations: Relation[]): Partial<Record<Subject, Relation[]>> {
  return Object.fromEntries(SIGNED_IN.map((role) => [role, relations]));
}

/**
 * Who may do what, by role and by the record's relation to the actor.
 * What is not listed is denied. This table is the whole of authorization;
 * services call `authorize()` and list queries use `scopeRelations()`, both reading it.
 */
export const GRANTS: Record<Action, Partial<Record<Subject, Relation[]>>> = {
  "organisation.read": { ...everyone(READABLE), coordinator: ALL, anonymous: ["public"] },
  "organisation.create": { coordinator: ALL },
  "organisation.update": { coordinator: ALL, org_admin: OWN },
  "organisation.archive": { coordinator: ALL },

  // Groups are shared structure (who belongs to "GCC Hajj offices"): every signed-in user reads them.
  "group.read": everyone(ALL),
  "group.create": { coordinator: ALL },
  "group.update": { coordinator: ALL },

  "person.read": { ...everyone(READABLE), coordinator: ALL, anonymous: ["public"] },
  "person.create": { coordinator: ALL, org_admin: OWN },
  "person.update": { coordinator: ALL, org_admin: OWN },
  "person.archive": { coordinator: ALL, org_admin: OWN },

  "user.read": { coordinator: ALL, org_admin: OWN },
  "user.invite": { coordinator: ALL, org_admin: OWN },
  "user.update": { coordinator: ALL, org_admin: OWN },
  "user.disable": { coordinator: ALL, org_admin: OWN },
  "user.reset_password": { coordinator: ALL, org_admin: OWN },

  "outbox.read": { coordinator: ALL, org_admin: OWN },
  "audit.read": { coordinator: ALL, org_admin: OWN },

  // Seasons frame everything ("Hajj 1446"): read by all, kept by coordinators.
  "season.read": everyone(ALL),
  "season.manage": { coordinator: ALL },

  // Events belong to their host organisation; "shared" also covers organisations invited to them.
  "event.read": { ...everyone(READABLE), coordinator: ALL, anonymous: ["public"] },
  "event.create": { coordinator: ALL, org_admin: OWN },
  "event.update": { coordinator: ALL, org_admin: OWN },
  // Recording attendance (the list, check-in and undo, a platform's report, the QR link): the host's
  // admins and coordinators, as for event.update; also those who manage a training programme the
  // event delivers, its trainers included, who may not edit the event itself (policies/events.ts).
  "event.attendance": { coordinator: ALL, org_admin: OWN },
  // The record is the invited organisation: its admin nominates its own delegation.
  "delegation.manage": { coordinator: ALL, org_admin: OWN },
  // Anyone who may read an open event may register for it.
  "registration.create": { ...everyone(READABLE), coordinator: ALL },
  // Who registered (names, organisations) is for the host.
  "registration.read": { coordinator: ALL, org_admin: OWN },
  // Minutes are for the host and the organisations that took part (invited or shared with), never the public.
  "minutes.read": { ...everyone(["own", "shared"]), coordinator: ALL },

  // The library: an entry belongs to the organisation that wrote it. "private" means private to that
  // organisation — coordinators included; what is shared (group, all members, public) is read as shared.
  "library.read": { ...everyone(READABLE), anonymous: ["public"] },
  "library.create": everyone(OWN),
  // Editing (and withdrawing) is for the authoring organisation's staff; participants only read and comment.
  "library.update": { coordinator: OWN, org_admin: OWN, member: OWN, trainer: OWN },
  // Comments and questions, and "useful" marks, from anyone signed in who may read the entry.
  "library.comment": everyone(READABLE),
  // Cooperation programmes are kept by coordinators. Their parties read them as "shared", others as their visibility says.
  "programme.read": { ...everyone(READABLE), coordinator: ALL },
  "programme.manage": { coordinator: ALL },
  // A recommendation belongs to who records it (a meeting's host, or the creator's organisation). "shared" also covers
  // its responsible organisations, the organisations invited to its source meeting and those assigned one of its actions.
  "recommendation.read": { ...everyone(READABLE), coordinator: ALL },
  // Entered directly by coordinators (for any owner) or by an organisation's admin for his own organisation;
  // the same grant says who manages it afterwards (texts, responsibles, approve, drop): see policies/followup.ts.
  "recommendation.create": { coordinator: ALL, org_admin: OWN },
  // Reporting progress (updates with evidence, in progress, done, actions). Here "own" means the actor's
  // organisation is RESPONSIBLE for the recommendation (policies/followup.ts builds that record).
  "recommendation.update": { coordinator: ALL, org_admin: OWN, member: OWN },
  // Proposals to a meeting come from its host ("own") and the organisations invited to it ("shared"),
  // whatever the meeting's visibility; co-sponsoring and commenting too.
  "proposal.submit": { coordinator: ["own", "shared"], org_admin: ["own", "shared"], member: ["own", "shared"] },
  // The meeting decides on a proposal: the host's admin or a coordinator.
  "proposal.decide": { coordinator: ALL, org_admin: OWN },

  // Training programmes (Asas, Terhab). A draft is read only by those who manage it (policies/training.ts).
  "training.read": { ...everyone(READABLE), coordinator: ALL, anonymous: ["public"] },
  // "own": the actor's organisation is one of the programme's owners (e.g. the OIC secretariat with the Ministry).
  // Its admins and trainers keep modules, materials, questions, tests, workshops, completion and certificates.
  "training.manage": { coordinator: ALL, org_admin: OWN, trainer: OWN },
  // The record is the TRAINEE's organisation: an admin enrols his own staff (one by one or from a file).
  // Those who manage the programme enrol anyone (policies/training.ts).
  "training.enrol": { coordinator: ALL, org_admin: OWN },
  // Trainees' scores, attendance and completion, by the trainee's organisation; programme managers see all of theirs.
  "training.results": { coordinator: ALL, org_admin: OWN },
};
