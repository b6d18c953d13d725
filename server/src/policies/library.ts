import type { Actor } from "./actor.js";

/**
 * Who may remove a comment in the library: its writer, an admin of the entry's
 * organisation, or a coordinator (moderation on top of `library.comment`, which says
 * who may write one).
 */
export function mayDeleteComment(actor: Actor | null, entry: { organisationId: string }, comment: { userId: string | null }): boolean {
  if (!actor) return false;
  if (comment.userId !== null && comment.userId === actor.userId) return true;
  if (actor.role === "coordinator") return true;
  return actor.role === "org_admin" && actor.organisationId === entry.organisationId;
}
