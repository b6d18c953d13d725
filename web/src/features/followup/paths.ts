/** The paths that belong to follow-up, so the main navigation marks its one entry as current on all of them. */
export const FOLLOWUP_PATHS = ["/recommendations", "/actions", "/programmes", "/accountability"];

export function isFollowupPath(pathname: string): boolean {
  return FOLLOWUP_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}
