import type { Actor, Owned } from "./actor.js";
import { can } from "./index.js";

/** A training programme as the policies see it: its owners, status and sharing. */
export interface ProgrammeAccess {
  /** The lead owner. */
  organisationId: string;
  /** Every owning organisation, the lead included (e.g. the OIC secretariat and the Ministry). */
  ownerIds: readonly string[];
  status: string;
  visibility: string;
  shareGroupId: string | null;
}

/** An enrolment as the policies see it. */
export interface EnrolmentAccess {
  personId: string;
  userId: string | null;
  organisationId: string;
}

function isOwner(actor: Actor | null, p: Pick<ProgrammeAccess, "ownerIds">): boolean {
  return actor !== null && p.ownerIds.includes(actor.organisationId);
}

/**
 * The record training grants are decided on: "own" when the actor's organisation is one of the
 * owners; a draft is private to its owners (coordinators read everything, as the grants say).
 */
export function programmeOwnership(actor: Actor | null, p: ProgrammeAccess): Owned {
  return {
    organisationId: isOwner(actor, p) ? actor!.organisationId : p.organisationId,
    visibility: p.status === "draft" ? "private" : p.visibility,
    shareGroupId: p.shareGroupId,
  };
}

export function mayReadProgramme(actor: Actor | null, p: ProgrammeAccess): boolean {
  return can(actor, "training.read", programmeOwnership(actor, p));
}

/** Modules, materials, questions, tests, workshops, completion rule, enrolments of anyone, certificates. */
export function mayManageProgramme(actor: Actor | null, p: ProgrammeAccess): boolean {
  return can(actor, "training.manage", programmeOwnership(actor, p));
}

/** Enrol (or withdraw) a person of `traineeOrganisationId`: the programme's managers, or that organisation's admin. */
export function mayEnrolFor(actor: Actor | null, p: ProgrammeAccess, traineeOrganisationId: string): boolean {
  return mayManageProgramme(actor, p) || (mayReadProgramme(actor, p) && can(actor, "training.enrol", { organisationId: traineeOrganisationId }));
}

/** Whether the enrolment is the actor's own (he is the trainee). */
export function isTrainee(actor: Actor | null, e: Pick<EnrolmentAccess, "personId" | "userId">): boolean {
  if (!actor) return false;
  return (e.userId !== null && e.userId === actor.userId) || (actor.personId !== null && actor.personId === e.personId);
}

/** Scores, attendance and completion of a trainee: himself, the programme's managers, his organisation's admin, coordinators. */
export function maySeeResults(actor: Actor | null, p: ProgrammeAccess, e: EnrolmentAccess): boolean {
  return isTrainee(actor, e) || mayManageProgramme(actor, p) || can(actor, "training.results", { organisationId: e.organisationId });
}

/**
 * Which trainees' results a list shows to the actor: all of the programme's (managers, coordinators),
 * those of his own organisation (admins), or none.
 */
export function resultsScope(actor: Actor | null, p: ProgrammeAccess): "all" | "own" | "none" {
  if (mayManageProgramme(actor, p) || can(actor, "training.results", { organisationId: "\u0000any" })) return "all";
  if (actor && can(actor, "training.results", { organisationId: actor.organisationId })) return "own";
  return "none";
}
