import type { Kysely } from "kysely";

// Frozen: this file must not import application code.

const text = "text" as const;

/**
 * During and after an event: who attended (checked in by the organiser, by QR, or
 * imported from a virtual platform's report), the minutes with their decisions (the
 * seam the follow-up module builds on), files attached to events, agenda items and
 * minutes, calendar files attached to queued mail, and the day-before reminder.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // One row per person (or, for a registrant without a directory entry, per user) who attended.
  await db.schema
    .createTable("attendance")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("attendee_key", text, (c) => c.notNull())
    .addColumn("person_id", text, (c) => c.references("people.id"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("source", text, (c) => c.notNull())
    .addColumn("minutes", "integer")
    .addColumn("checked_in_at", text, (c) => c.notNull())
    .addColumn("recorded_by", text, (c) => c.references("users.id"))
    .addUniqueConstraint("attendance_unique", ["event_id", "attendee_key"])
    .execute();

  await db.schema
    .createTable("event_minutes")
    .addColumn("event_id", text, (c) => c.primaryKey().references("events.id").onDelete("cascade"))
    .addColumn("body_html", text, (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_by", text, (c) => c.references("users.id"))
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  // Decisions are rows of their own with stable ids: follow-up turns them into recommendations.
  await db.schema
    .createTable("event_decisions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("reference", text)
    .addColumn("text_ar", text, (c) => c.notNull())
    .addColumn("text_en", text, (c) => c.notNull())
    .addColumn("responsible_organisation_id", text, (c) => c.references("organisations.id"))
    .addColumn("due_on", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("event_decisions_event_idx").on("event_decisions").columns(["event_id", "position"]).execute();

  await db.schema
    .createTable("attachments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    // 'event', 'agenda' (with agenda_item_id) or 'minutes'.
    .addColumn("target", text, (c) => c.notNull())
    .addColumn("agenda_item_id", text, (c) => c.references("agenda_items.id").onDelete("set null"))
    .addColumn("file_name", text, (c) => c.notNull())
    .addColumn("content_type", text, (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", text, (c) => c.notNull())
    .addColumn("storage_key", text, (c) => c.notNull())
    .addColumn("uploaded_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("attachments_event_idx").on("attachments").columns(["event_id", "target"]).execute();

  // Files sent with a queued message, e.g. the event's .ics: JSON [{ filename, contentType, content }].
  await db.schema.alterTable("outbox").addColumn("attachments", text).execute();
  await db.schema.alterTable("events").addColumn("reminder_sent_at", text).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("events").dropColumn("reminder_sent_at").execute();
  await db.schema.alterTable("outbox").dropColumn("attachments").execute();
  for (const table of ["attachments", "event_decisions", "event_minutes", "attendance"]) {
    await db.schema.dropTable(table).execute();
  }
}
