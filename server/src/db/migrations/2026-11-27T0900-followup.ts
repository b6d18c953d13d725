import type { Kysely } from "kysely";

// Frozen: this file must not import application code.

const text = "text" as const;

/**
 * Follow-up: cooperation programmes (parties, signatories, areas of cooperation, the
 * workshops under them), recommendations (from a meeting's decisions, from an adopted
 * proposal, or entered directly) with their responsible organisations, timeline of
 * updates, evidence files and links to what implements them, the actions they break
 * into, and the proposals missions submit to a meeting (co-sponsors, comments, the
 * meeting's decision, carry-over to the next edition).
 *
 * The accountability view aggregates recommendations with GROUP BY over 100k rows and
 * a million timeline entries: the indexes below serve its filters (season, programme,
 * area, source meeting, responsible organisation, status and due date) and the
 * "last 100 entries" timeline.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("cooperation_programmes")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("season_id", text, (c) => c.notNull().references("seasons.id"))
    // The owner: the creating coordinator's organisation.
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("description_ar", text)
    .addColumn("description_en", text)
    // Gregorian YYYY-MM-DD.
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("archived_at", text)
    .execute();
  await db.schema.createIndex("cooperation_programmes_season_idx").on("cooperation_programmes").columns(["season_id"]).execute();

  await db.schema
    .createTable("programme_parties")
    .addColumn("programme_id", text, (c) => c.notNull().references("cooperation_programmes.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("signatory_person_id", text, (c) => c.references("people.id"))
    .addColumn("signatory_name", text)
    .addColumn("signed_on", text)
    .addPrimaryKeyConstraint("programme_parties_pk", ["programme_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("programme_parties_org_idx").on("programme_parties").columns(["organisation_id", "programme_id"]).execute();

  // Ids are kept across saves (like agenda items and decisions): recommendations are filed under them.
  await db.schema
    .createTable("cooperation_areas")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.notNull().references("cooperation_programmes.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("code", text, (c) => c.notNull())
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("cooperation_areas_programme_idx").on("cooperation_areas").columns(["programme_id", "position"]).execute();

  await db.schema
    .createTable("programme_events")
    .addColumn("programme_id", text, (c) => c.notNull().references("cooperation_programmes.id").onDelete("cascade"))
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("programme_events_pk", ["programme_id", "event_id"])
    .execute();
  await db.schema.createIndex("programme_events_event_idx").on("programme_events").columns(["event_id"]).execute();

  // Created before recommendations (which refer to it); its own link to the recommendation it became is checked in code.
  await db.schema
    .createTable("proposals")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    // The submitting mission.
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    // ar | en: the language the proposal is written in.
    .addColumn("language", text, (c) => c.notNull())
    .addColumn("title", text, (c) => c.notNull())
    .addColumn("problem", text, (c) => c.notNull())
    .addColumn("proposal", text, (c) => c.notNull())
    .addColumn("benefit", text, (c) => c.notNull())
    // submitted | adopted | deferred | rejected | withdrawn
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("decision_reference", text)
    .addColumn("decision_note", text)
    .addColumn("decided_at", text)
    .addColumn("decided_by", text, (c) => c.references("users.id"))
    .addColumn("recommendation_id", text)
    .addColumn("carried_from_proposal_id", text, (c) => c.references("proposals.id"))
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("proposals_event_idx").on("proposals").columns(["event_id", "created_at"]).execute();
  await db.schema.createIndex("proposals_carried_idx").on("proposals").columns(["carried_from_proposal_id"]).execute();

  await db.schema
    .createTable("proposal_sponsors")
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("proposal_sponsors_pk", ["proposal_id", "organisation_id"])
    .execute();

  await db.schema
    .createTable("proposal_comments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("proposal_id", text, (c) => c.notNull().references("proposals.id").onDelete("cascade"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("deleted_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("proposal_comments_proposal_idx").on("proposal_comments").columns(["proposal_id", "created_at"]).execute();

  await db.schema
    .createTable("recommendations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.references("cooperation_programmes.id").onDelete("set null"))
    .addColumn("area_id", text, (c) => c.references("cooperation_areas.id").onDelete("set null"))
    .addColumn("season_id", text, (c) => c.notNull().references("seasons.id"))
    .addColumn("source_event_id", text, (c) => c.references("events.id").onDelete("set null"))
    // A decision tracked once; the minutes may later drop it: the recommendation stays.
    .addColumn("source_decision_id", text, (c) => c.unique().references("event_decisions.id").onDelete("set null"))
    .addColumn("source_proposal_id", text, (c) => c.references("proposals.id").onDelete("set null"))
    .addColumn("reference", text)
    .addColumn("text_ar", text, (c) => c.notNull())
    .addColumn("text_en", text, (c) => c.notNull())
    // proposed | approved | in_progress | done | dropped
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("status_reason", text)
    .addColumn("progress", "integer", (c) => c.notNull())
    .addColumn("due_on", text)
    // The owner: who records it (the meeting's host, or the creator's organisation).
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("approved_at", text)
    .addColumn("closed_at", text)
    .execute();
  await db.schema.createIndex("recommendations_season_idx").on("recommendations").columns(["season_id", "status"]).execute();
  await db.schema.createIndex("recommendations_programme_idx").on("recommendations").columns(["programme_id", "area_id"]).execute();
  await db.schema.createIndex("recommendations_area_idx").on("recommendations").columns(["area_id"]).execute();
  await db.schema.createIndex("recommendations_event_idx").on("recommendations").columns(["source_event_id"]).execute();
  await db.schema.createIndex("recommendations_proposal_idx").on("recommendations").columns(["source_proposal_id"]).execute();
  await db.schema.createIndex("recommendations_owner_idx").on("recommendations").columns(["organisation_id"]).execute();
  // Overdue: open statuses by due date.
  await db.schema.createIndex("recommendations_due_idx").on("recommendations").columns(["status", "due_on"]).execute();
  await db.schema.createIndex("recommendations_list_idx").on("recommendations").columns(["created_at", "id"]).execute();

  await db.schema
    .createTable("recommendation_responsibles")
    .addColumn("recommendation_id", text, (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addPrimaryKeyConstraint("recommendation_responsibles_pk", ["recommendation_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("recommendation_responsibles_org_idx").on("recommendation_responsibles").columns(["organisation_id", "recommendation_id"]).execute();

  // The timeline: one row per change.
  await db.schema
    .createTable("recommendation_updates")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("recommendation_id", text, (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    // created | update | status | progress | link | action
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("text", text)
    .addColumn("status_from", text)
    .addColumn("status_to", text)
    .addColumn("progress_from", "integer")
    .addColumn("progress_to", "integer")
    // JSON array of { url, title }.
    .addColumn("links", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  // Timelines are read newest first with the id as tie-breaker: both indexes end with it, so the
  // "last 100 entries" of the accountability view walk an index instead of sorting a million rows.
  await db.schema.createIndex("recommendation_updates_rec_idx").on("recommendation_updates").columns(["recommendation_id", "created_at", "id"]).execute();
  await db.schema.createIndex("recommendation_updates_created_idx").on("recommendation_updates").columns(["created_at", "id"]).execute();

  await db.schema
    .createTable("recommendation_files")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("update_id", text, (c) => c.notNull().references("recommendation_updates.id").onDelete("cascade"))
    .addColumn("recommendation_id", text, (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("file_name", text, (c) => c.notNull())
    .addColumn("content_type", text, (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", text, (c) => c.notNull())
    .addColumn("storage_key", text, (c) => c.notNull())
    .addColumn("uploaded_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("recommendation_files_update_idx").on("recommendation_files").columns(["update_id"]).execute();

  // What implements a recommendation: 'event' now, 'training_programme' once training exists (no foreign key for that reason).
  await db.schema
    .createTable("recommendation_links")
    .addColumn("recommendation_id", text, (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("target_type", text, (c) => c.notNull())
    .addColumn("target_id", text, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("recommendation_links_pk", ["recommendation_id", "target_type", "target_id"])
    .execute();
  await db.schema.createIndex("recommendation_links_target_idx").on("recommendation_links").columns(["target_type", "target_id"]).execute();

  await db.schema
    .createTable("actions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("recommendation_id", text, (c) => c.notNull().references("recommendations.id").onDelete("cascade"))
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("person_id", text, (c) => c.references("people.id"))
    .addColumn("due_on", text)
    // open | done | cancelled
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("note", text)
    .addColumn("done_at", text)
    // Claimed by the reminder job (conditional update), so several nodes send once.
    .addColumn("reminded_at", text)
    .addColumn("overdue_notified_at", text)
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("actions_recommendation_idx").on("actions").columns(["recommendation_id", "created_at"]).execute();
  await db.schema.createIndex("actions_org_idx").on("actions").columns(["organisation_id", "status", "due_on"]).execute();
  await db.schema.createIndex("actions_due_idx").on("actions").columns(["status", "due_on"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "actions",
    "recommendation_links",
    "recommendation_files",
    "recommendation_updates",
    "recommendation_responsibles",
    "recommendations",
    "proposal_comments",
    "proposal_sponsors",
    "proposals",
    "programme_events",
    "cooperation_areas",
    "programme_parties",
    "cooperation_programmes",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
