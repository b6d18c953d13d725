import type { Kysely } from "kysely";

// Frozen: this file must not import application code.

/**
 * The recommendations shared with a caller's organisation (bench/README.md, follow-up part) are
 * those it is responsible for, those with an action assigned to it and those of meetings it was
 * invited to; every statement of a mission admin's accountability view tests them. The first and
 * the last are read from indexes alone (recommendation_responsibles_org_idx,
 * event_invitations_org_idx); this index does the same for the actions, which otherwise read each
 * assigned action's row for its recommendation (2,500 rows per statement for a mission at 100k).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("actions_org_recommendation_idx").on("actions").columns(["organisation_id", "recommendation_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("actions_org_recommendation_idx").execute();
}
