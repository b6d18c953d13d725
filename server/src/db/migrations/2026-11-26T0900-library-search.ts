import { PostgresAdapter, sql, type Kysely } from "kysely";

// Frozen: this file must not import application code.

const text = "text" as const;

function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * The best-practice library (entries with versions, tags, comments, "useful" marks and
 * files) and one full-text index over everything searchable (library entries, events,
 * organisations, people): `search_documents` holds each record's analysed terms (Arabic
 * folded and lightly stemmed, English stemmed, in application code) and what the search
 * filters on (owner, sharing scope, facets). SQLite indexes the terms in an FTS5 table;
 * PostgreSQL in a generated tsvector with a GIN index. Both rank by relevance.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);

  await db.schema
    .createTable("library_entries")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("author_id", text, (c) => c.references("users.id"))
    // practice | lesson | experience
    .addColumn("kind", text, (c) => c.notNull())
    // The language the entry was written in first: ar | en.
    .addColumn("language", text, (c) => c.notNull())
    .addColumn("title_ar", text)
    .addColumn("title_en", text)
    // Sanitised HTML.
    .addColumn("body_ar", text)
    .addColumn("body_en", text)
    .addColumn("category", text, (c) => c.notNull())
    .addColumn("season_id", text, (c) => c.references("seasons.id"))
    .addColumn("event_id", text, (c) => c.references("events.id").onDelete("set null"))
    // private | group | members | public
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("useful_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("comment_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_by", text, (c) => c.references("users.id"))
    .addColumn("archived_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_entries_list_idx").on("library_entries").columns(["archived_at", "updated_at", "id"]).execute();
  await db.schema.createIndex("library_entries_org_idx").on("library_entries").columns(["organisation_id"]).execute();

  await db.schema
    .createTable("library_entry_tags")
    .addColumn("entry_id", text, (c) => c.notNull().references("library_entries.id").onDelete("cascade"))
    .addColumn("tag", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("library_entry_tags_pk", ["entry_id", "tag"])
    .execute();
  await db.schema.createIndex("library_entry_tags_tag_idx").on("library_entry_tags").columns(["tag"]).execute();

  // Every saved version, the current one included (version 1 at creation).
  await db.schema
    .createTable("library_entry_versions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("entry_id", text, (c) => c.notNull().references("library_entries.id").onDelete("cascade"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("language", text, (c) => c.notNull())
    .addColumn("title_ar", text)
    .addColumn("title_en", text)
    .addColumn("body_ar", text)
    .addColumn("body_en", text)
    .addColumn("category", text, (c) => c.notNull())
    // JSON array of tags.
    .addColumn("tags", text, (c) => c.notNull())
    .addColumn("edited_by", text, (c) => c.references("users.id"))
    .addColumn("edited_at", text, (c) => c.notNull())
    .addUniqueConstraint("library_entry_versions_unique", ["entry_id", "version"])
    .execute();

  await db.schema
    .createTable("library_comments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("entry_id", text, (c) => c.notNull().references("library_entries.id").onDelete("cascade"))
    // A reply to another comment (one level).
    .addColumn("parent_id", text, (c) => c.references("library_comments.id").onDelete("cascade"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    // comment | question
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("deleted_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_comments_entry_idx").on("library_comments").columns(["entry_id", "created_at"]).execute();

  await db.schema
    .createTable("library_useful")
    .addColumn("entry_id", text, (c) => c.notNull().references("library_entries.id").onDelete("cascade"))
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("library_useful_pk", ["entry_id", "user_id"])
    .execute();

  await db.schema
    .createTable("library_attachments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("entry_id", text, (c) => c.notNull().references("library_entries.id").onDelete("cascade"))
    .addColumn("file_name", text, (c) => c.notNull())
    .addColumn("content_type", text, (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", text, (c) => c.notNull())
    .addColumn("storage_key", text, (c) => c.notNull())
    .addColumn("uploaded_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("library_attachments_entry_idx").on("library_attachments").columns(["entry_id"]).execute();

  // One row per searchable record. `seq` is the FTS5 rowid on SQLite.
  await db.schema
    .createTable("search_documents")
    .addColumn("seq", pg ? "serial" : "integer", (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
    // library | event | organisation | person
    .addColumn("doc_type", text, (c) => c.notNull())
    .addColumn("record_id", text, (c) => c.notNull())
    // Who the record belongs to and whom it is shared with, as on the record itself.
    .addColumn("organisation_id", text)
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text)
    // Facets.
    .addColumn("category", text)
    .addColumn("country", text)
    .addColumn("season_id", text)
    // "ar", "en" or "ar en": the languages the record has text in.
    .addColumn("languages", text, (c) => c.notNull())
    // Shown in results: titles, and the plain text snippets are cut from.
    .addColumn("title_ar", text)
    .addColumn("title_en", text)
    .addColumn("body", text, (c) => c.notNull())
    // Analysed terms, space-separated (what the full-text index holds).
    .addColumn("terms_title", text, (c) => c.notNull())
    .addColumn("terms_body", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addUniqueConstraint("search_documents_record", ["doc_type", "record_id"])
    .execute();
  await db.schema.createIndex("search_documents_scope_idx").on("search_documents").columns(["visibility", "organisation_id", "share_group_id"]).execute();

  if (pg) {
    await sql`alter table search_documents add column tsv tsvector generated always as
      (setweight(to_tsvector('simple', terms_title), 'A') || setweight(to_tsvector('simple', terms_body), 'B')) stored`.execute(db);
    await sql`create index search_documents_tsv_idx on search_documents using gin (tsv)`.execute(db);
  } else {
    // Contentless: the terms are in search_documents; the index holds positions only.
    await sql`create virtual table search_fts using fts5(terms_title, terms_body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db);
  for (const table of ["search_documents", "library_attachments", "library_useful", "library_comments", "library_entry_versions", "library_entry_tags", "library_entries"]) {
    await db.schema.dropTable(table).execute();
  }
}
