import { sql, type Kysely, PostgresAdapter, type CreateTableBuilder } from "kysely";

// Frozen: this file must not import application code.

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

function serialId(db: Kysely<any>) {
  return <T extends string>(t: CreateTableBuilder<T, any>) =>
    isPostgres(db)
      ? t.addColumn("id", "serial", (c) => c.primaryKey())
      : t.addColumn("id", "integer", (c) => c.primaryKey().autoIncrement());
}

const text = "text" as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("countries")
    .addColumn("code", text, (c) => c.primaryKey())
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("oic_status", text, (c) => c.notNull().defaultTo("none"))
    .execute();

  await db.schema
    .createTable("groups")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("description_ar", text)
    .addColumn("description_en", text)
    .addColumn("archived_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("organisations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("country", text, (c) => c.references("countries.code"))
    .addColumn("city_ar", text)
    .addColumn("city_en", text)
    .addColumn("email", text)
    .addColumn("phone", text)
    .addColumn("website", text)
    .addColumn("address_ar", text)
    .addColumn("address_en", text)
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("search_text", text, (c) => c.notNull())
    .addColumn("archived_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("organisations_kind_idx").on("organisations").columns(["kind", "archived_at"]).execute();
  await db.schema.createIndex("organisations_country_idx").on("organisations").column("country").execute();
  await db.schema.createIndex("organisations_name_idx").on("organisations").columns(["archived_at", "name_en"]).execute();
  await db.schema.createIndex("organisations_name_ar_idx").on("organisations").columns(["archived_at", "name_ar"]).execute();

  await db.schema
    .createTable("group_members")
    .addColumn("group_id", text, (c) => c.notNull().references("groups.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("group_members_pk", ["group_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("group_members_org_idx").on("group_members").columns(["organisation_id", "group_id"]).execute();

  await db.schema
    .createTable("people")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("position", text, (c) => c.notNull())
    .addColumn("title_ar", text)
    .addColumn("title_en", text)
    .addColumn("email", text)
    .addColumn("phone", text)
    .addColumn("preferred_language", text, (c) => c.notNull())
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("search_text", text, (c) => c.notNull())
    .addColumn("archived_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("people_org_idx").on("people").columns(["organisation_id", "archived_at"]).execute();
  // Pages of a list walk these in order (archived records are filtered out by the same index).
  await db.schema.createIndex("people_name_idx").on("people").columns(["archived_at", "name_en"]).execute();
  await db.schema.createIndex("people_name_ar_idx").on("people").columns(["archived_at", "name_ar"]).execute();
  // A list's count(*) under the visibility scope (and, on SQLite, with a text search) reads this
  // index instead of the table. PostgreSQL caps a B-tree entry at ~2.7 kB, so search_text stays out there.
  await db.schema
    .createIndex("people_scope_idx")
    .on("people")
    .columns(isPostgres(db) ? ["archived_at", "visibility", "organisation_id", "share_group_id"] : ["archived_at", "visibility", "organisation_id", "share_group_id", "search_text"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("email", text, (c) => c.notNull().unique())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("password_hash", text)
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("person_id", text, (c) => c.references("people.id"))
    .addColumn("locale", text, (c) => c.notNull().defaultTo("ar"))
    .addColumn("digits", text, (c) => c.notNull().defaultTo("arab"))
    .addColumn("disabled_at", text)
    .addColumn("password_changed_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("users_org_idx").on("users").column("organisation_id").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("last_seen_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("ip", text)
    .addColumn("user_agent", text)
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("prefix", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("last_used_at", text)
    .addColumn("expires_at", text)
    .addColumn("revoked_at", text)
    .execute();
  await db.schema.createIndex("api_tokens_user_idx").on("api_tokens").column("user_id").execute();

  await db.schema
    .createTable("invitations")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("email", text, (c) => c.notNull())
    .addColumn("name", text)
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("invited_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("accepted_at", text)
    .addColumn("revoked_at", text)
    .execute();

  await db.schema
    .createTable("password_resets")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("token_hash", text, (c) => c.notNull().unique())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("used_at", text)
    .execute();

  await serialId(db)(db.schema.createTable("login_failures"))
    .addColumn("email_key", text, (c) => c.notNull())
    .addColumn("ip", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("login_failures_email_idx").on("login_failures").columns(["email_key", "at"]).execute();
  await db.schema.createIndex("login_failures_ip_idx").on("login_failures").columns(["ip", "at"]).execute();

  await db.schema
    .createTable("outbox")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("organisation_id", text, (c) => c.references("organisations.id"))
    .addColumn("to_email", text, (c) => c.notNull())
    .addColumn("subject", text, (c) => c.notNull())
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("locale", text, (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("last_error", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("sent_at", text)
    .execute();
  await db.schema.createIndex("outbox_status_idx").on("outbox").columns(["status", "created_at"]).execute();

  await serialId(db)(db.schema.createTable("audit_log"))
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("actor_id", text)
    .addColumn("organisation_id", text)
    .addColumn("action", text, (c) => c.notNull())
    .addColumn("entity_type", text, (c) => c.notNull())
    .addColumn("entity_id", text, (c) => c.notNull())
    .addColumn("summary", text, (c) => c.notNull())
    .addColumn("changes", text)
    .execute();
  await db.schema.createIndex("audit_entity_idx").on("audit_log").columns(["entity_type", "entity_id"]).execute();
  await db.schema.createIndex("audit_org_idx").on("audit_log").columns(["organisation_id", "id"]).execute();

  // The audit log is append-only, enforced by the database itself.
  if (isPostgres(db)) {
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit_log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
    await sql`create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable("meta")
    .addColumn("key", text, (c) => c.primaryKey())
    .addColumn("value", text, (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists audit_log_append_only on audit_log`.execute(db);
    await sql`drop function if exists audit_log_append_only()`.execute(db);
  }
  for (const table of [
    "meta",
    "audit_log",
    "outbox",
    "login_failures",
    "password_resets",
    "invitations",
    "api_tokens",
    "sessions",
    "users",
    "people",
    "group_members",
    "organisations",
    "groups",
    "countries",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
