import type { Kysely } from "kysely";

// Frozen: this file must not import application code.

const text = "text" as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("seasons")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("hijri_year", "integer", (c) => c.notNull())
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("starts_on", text, (c) => c.notNull())
    .addColumn("ends_on", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("events")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("season_id", text, (c) => c.notNull().references("seasons.id"))
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("mode", text, (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("description_ar", text)
    .addColumn("description_en", text)
    .addColumn("host_organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("chair_person_id", text, (c) => c.references("people.id"))
    .addColumn("venue_ar", text)
    .addColumn("venue_en", text)
    .addColumn("join_url", text)
    .addColumn("time_zone", text, (c) => c.notNull())
    .addColumn("starts_at", text, (c) => c.notNull())
    .addColumn("ends_at", text, (c) => c.notNull())
    .addColumn("registration", text, (c) => c.notNull())
    .addColumn("capacity", "integer")
    .addColumn("previous_event_id", text, (c) => c.references("events.id"))
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("check_in_secret", text, (c) => c.notNull())
    .addColumn("search_text", text, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("archived_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_season_idx").on("events").columns(["season_id", "starts_at"]).execute();
  await db.schema.createIndex("events_starts_idx").on("events").columns(["archived_at", "starts_at"]).execute();
  await db.schema.createIndex("events_host_idx").on("events").column("host_organisation_id").execute();

  await db.schema
    .createTable("agenda_items")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("description_ar", text)
    .addColumn("description_en", text)
    .addColumn("starts_at", text)
    .addColumn("ends_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_items_event_idx").on("agenda_items").columns(["event_id", "position"]).execute();

  await db.schema
    .createTable("agenda_speakers")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("agenda_item_id", text, (c) => c.notNull().references("agenda_items.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("person_id", text, (c) => c.references("people.id"))
    .addColumn("guest_name_ar", text)
    .addColumn("guest_name_en", text)
    .addColumn("guest_title_ar", text)
    .addColumn("guest_title_en", text)
    .addColumn("role", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("agenda_speakers_item_idx").on("agenda_speakers").column("agenda_item_id").execute();

  await db.schema
    .createTable("event_invitations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("via_group_id", text, (c) => c.references("groups.id"))
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("quota", "integer")
    .addColumn("responded_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addUniqueConstraint("event_invitations_unique", ["event_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("event_invitations_org_idx").on("event_invitations").columns(["organisation_id", "event_id"]).execute();

  await db.schema
    .createTable("delegation_members")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("person_id", text, (c) => c.notNull().references("people.id"))
    .addColumn("is_leader", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", text, (c) => c.notNull())
    .addUniqueConstraint("delegation_members_unique", ["event_id", "person_id"])
    .execute();
  await db.schema.createIndex("delegation_members_org_idx").on("delegation_members").columns(["event_id", "organisation_id"]).execute();

  await db.schema
    .createTable("registrations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("status", text, (c) => c.notNull())
    // Order of arrival: the waitlist is served first come, first served.
    .addColumn("sequence", "integer", (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addUniqueConstraint("registrations_unique", ["event_id", "user_id"])
    .execute();
  await db.schema.createIndex("registrations_event_idx").on("registrations").columns(["event_id", "status", "sequence"]).execute();
  await db.schema.createIndex("registrations_user_idx").on("registrations").column("user_id").execute();

  // A secret per user for the personal calendar feed URL (stored hashed, rotatable).
  await db.schema
    .createTable("calendar_feeds")
    .addColumn("user_id", text, (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["calendar_feeds", "registrations", "delegation_members", "event_invitations", "agenda_speakers", "agenda_items", "events", "seasons"]) {
    await db.schema.dropTable(table).execute();
  }
}
