/** Where a recommendation stands. */
export const RECOMMENDATION_STATUSES = ["proposed", "approved", "in_progress", "done", "dropped"] as const;
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

/**
 * The moves a recommendation's status may make. `done → in_progress` and
 * `dropped → proposed` reopen it (with a reason, like dropping).
 */
export const RECOMMENDATION_TRANSITIONS: Record<RecommendationStatus, readonly RecommendationStatus[]> = {
  proposed: ["approved", "dropped"],
  approved: ["in_progress", "done", "dropped"],
  in_progress: ["done", "dropped"],
  done: ["in_progress"],
  dropped: ["proposed"],
};

/** Whether moving from `from` to `to` needs a reason: dropping and reopening. */
export function transitionNeedsReason(from: RecommendationStatus, to: RecommendationStatus): boolean {
  return to === "dropped" || (from === "done" && to === "in_progress") || (from === "dropped" && to === "proposed");
}

/** Kinds of entries in a recommendation's timeline. */
export const UPDATE_KINDS = ["created", "update", "status", "progress", "link", "action"] as const;
export type UpdateKind = (typeof UPDATE_KINDS)[number];

/** What a recommendation can be linked to: the workshops (events) and training programmes that implement it. */
export const LINK_TARGET_TYPES = ["event", "training_programme"] as const;
export type LinkTargetType = (typeof LINK_TARGET_TYPES)[number];

export const ACTION_STATUSES = ["open", "done", "cancelled"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const PROPOSAL_STATUSES = ["submitted", "adopted", "deferred", "rejected", "withdrawn"] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

export const PROPOSAL_OUTCOMES = ["adopted", "deferred", "rejected"] as const;
export type ProposalOutcome = (typeof PROPOSAL_OUTCOMES)[number];

/** Proposals are taken until this many days after the meeting ended. */
export const PROPOSALS_OPEN_DAYS_AFTER = 30;
/** Open items follow a meeting's `previousEventId` chain this far back. */
export const CARRY_OVER_EDITIONS = 5;
/** Action reminders go out this many days before the due date. */
export const ACTION_REMINDER_DAYS = 3;

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
