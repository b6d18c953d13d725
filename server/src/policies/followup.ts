import { RECOMMENDATION_TRANSITIONS, type RecommendationStatus } from "../../../common/followup.js";
import type { Actor, Owned } from "./actor.js";
import { can } from "./index.js";

/**
 * A recommendation as the follow-up policies see it: its owner and sharing, the
 * organisations responsible for it, and whether it is shared with the actor some other
 * way (invited to its source meeting, assigned one of its actions).
 */
export interface RecommendationAccess {
  organisationId: string;
  visibility: string;
  shareGroupId: string | null;
  status: string;
  responsibleIds: readonly string[];
  /** The actor's organisation was invited to the source meeting or is assigned one of its actions. */
  sharedWithActor: boolean;
}

/** Whether the actor's organisation is one of those responsible for the recommendation. */
export function isResponsible(actor: Actor | null, rec: Pick<RecommendationAccess, "responsibleIds">): boolean {
  return actor !== null && rec.responsibleIds.includes(actor.organisationId);
}

/** The record `recommendation.read` is decided on: responsible organisations read it as shared. */
export function recommendationOwnership(actor: Actor | null, rec: RecommendationAccess): Owned {
  return { organisationId: rec.organisationId, visibility: rec.visibility, shareGroupId: rec.shareGroupId, sharedWithActor: rec.sharedWithActor || isResponsible(actor, rec) };
}

/**
 * The record `recommendation.update` is decided on: "own" when the actor's organisation is
 * responsible for it, never merely because it owns it (the owner manages; responsibles report).
 */
export function responsibleOwnership(actor: Actor | null, rec: RecommendationAccess): Owned {
  return { organisationId: isResponsible(actor, rec) ? actor!.organisationId : null, visibility: rec.visibility, shareGroupId: rec.shareGroupId, sharedWithActor: true };
}

/** Who may read it: owner, responsibles, invited to the source meeting, assigned an action, coordinators, and by visibility. */
export function mayReadRecommendation(actor: Actor | null, rec: RecommendationAccess): boolean {
  return can(actor, "recommendation.read", recommendationOwnership(actor, rec));
}

/**
 * Who may report progress: post updates with evidence, change progress, move it to in progress
 * or done (and reopen a done one), manage its actions — a member or admin of a responsible
 * organisation, or a coordinator.
 */
export function mayReportProgress(actor: Actor | null, rec: RecommendationAccess): boolean {
  return can(actor, "recommendation.update", responsibleOwnership(actor, rec));
}

/**
 * Who may manage it: edit texts, due date, area, responsibles and sharing; approve, drop, reopen a
 * dropped one — the owner organisation's admin, or a coordinator (those who may create one for its owner).
 */
export function mayManageRecommendation(actor: Actor | null, rec: Pick<RecommendationAccess, "organisationId">): boolean {
  return can(actor, "recommendation.create", { organisationId: rec.organisationId });
}

/** Workshops that implement it may be linked by those who manage it and those who report on it. */
export function mayLinkRecommendation(actor: Actor | null, rec: RecommendationAccess): boolean {
  return mayManageRecommendation(actor, rec) || mayReportProgress(actor, rec);
}

/** The statuses the actor may move the recommendation to from where it stands. */
export function allowedTransitions(actor: Actor | null, rec: RecommendationAccess): RecommendationStatus[] {
  const from = rec.status as RecommendationStatus;
  const manage = mayManageRecommendation(actor, rec);
  const report = mayReportProgress(actor, rec);
  return (RECOMMENDATION_TRANSITIONS[from] ?? []).filter((to) => (to === "in_progress" || to === "done" ? report : manage));
}

/**
 * Who may change an action: those who report on its recommendation (everything), and the
 * assigned organisation's admins and members (its status and note only: `limited`).
 */
export function actionAccess(actor: Actor | null, rec: RecommendationAccess, action: { organisationId: string }): "full" | "limited" | "none" {
  if (mayReportProgress(actor, rec)) return "full";
  if (actor && actor.organisationId === action.organisationId && (actor.role === "org_admin" || actor.role === "member")) return "limited";
  return "none";
}

/** The submitting organisation's admins and members edit or withdraw a proposal (while it is submitted). */
export function mayEditProposal(actor: Actor | null, proposal: { organisationId: string }): boolean {
  return actor !== null && actor.organisationId === proposal.organisationId && (actor.role === "org_admin" || actor.role === "member");
}

/**
 * Who may remove a comment on a proposal: its writer, an admin of the meeting's host, or a
 * coordinator — moderation on top of `proposal.submit` (who may write one), as for the
 * library's comments (policies/library.ts).
 */
export function mayDeleteProposalComment(actor: Actor | null, meeting: { hostOrganisationId: string }, comment: { userId: string | null }): boolean {
  if (!actor) return false;
  if (comment.userId !== null && comment.userId === actor.userId) return true;
  if (actor.role === "coordinator") return true;
  return actor.role === "org_admin" && actor.organisationId === meeting.hostOrganisationId;
}
