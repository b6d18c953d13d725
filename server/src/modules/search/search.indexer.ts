import { PostgresAdapter, sql, type Kysely } from "kysely";
import type { SearchType } from "../../../../common/library.js";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { ANALYZER_VERSION, indexTerms } from "./analyzer.js";
import { loadDocuments, SOURCE_IDS, type SearchDocument } from "./search.sources.js";

/**
 * Keeps `search_documents` (and, on SQLite, the FTS5 table `search_fts`) in step with
 * the records. Services call `indexRecord` after each write, inside their transaction
 * (pass `tx`), so a record and its index entry change together. `ensureSearchIndex`
 * rebuilds everything when the analyzer changed or the index was never built.
 */

const META_KEY = "search_analyzer_version";
/** Longest text kept for snippets (the terms cover the whole text). */
const BODY_LIMIT = 20_000;

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

async function write(db: Executor, doc: SearchDocument, updatedAt: string): Promise<void> {
  const termsTitle = indexTerms([doc.titleAr, doc.titleEn].filter(Boolean).join("\n"));
  const termsBody = indexTerms(doc.text);
  const values = {
    docType: doc.type,
    recordId: doc.id,
    organisationId: doc.organisationId,
    visibility: doc.visibility,
    shareGroupId: doc.shareGroupId,
    category: doc.category,
    country: doc.country,
    seasonId: doc.seasonId,
    languages: doc.languages.join(" "),
    titleAr: doc.titleAr,
    titleEn: doc.titleEn,
    body: doc.snippetText.slice(0, BODY_LIMIT),
    termsTitle,
    termsBody,
    updatedAt,
  };
  const { docType, recordId, ...changes } = values;
  const row = await db
    .insertInto("searchDocuments")
    .values(values)
    .onConflict((oc) => oc.columns(["docType", "recordId"]).doUpdateSet(changes))
    .returning("seq")
    .executeTakeFirstOrThrow();
  if (!isPostgres(db)) {
    await sql`delete from search_fts where rowid = ${row.seq}`.execute(db);
    await sql`insert into search_fts (rowid, terms_title, terms_body) values (${row.seq}, ${termsTitle}, ${termsBody})`.execute(db);
  }
}

async function remove(db: Executor, type: SearchType, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const rows = await db.deleteFrom("searchDocuments").where("docType", "=", type).where("recordId", "in", ids).returning("seq").execute();
  if (!isPostgres(db) && rows.length > 0) {
    await sql`delete from search_fts where rowid in (${sql.join(rows.map((r) => r.seq))})`.execute(db);
  }
}

/**
 * Bring the index entries of these records up to date: written when the record is
 * searchable, removed when it is gone or archived.
 */
export async function indexRecords(db: Executor, type: SearchType, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  const docs = await loadDocuments(db, type, ids);
  const found = new Set(docs.map((d) => d.id));
  await remove(
    db,
    type,
    ids.filter((id) => !found.has(id)),
  );
  for (const doc of docs) await write(db, doc, doc.updatedAt);
}

/** One record's index entry (see `indexRecords`). */
export async function indexRecord(db: Executor, type: SearchType, id: string): Promise<void> {
  await indexRecords(db, type, [id]);
}

async function rebuildIn(tx: Executor, batch: number): Promise<number> {
  await tx.deleteFrom("searchDocuments").execute();
  if (!isPostgres(tx)) await sql`insert into search_fts (search_fts) values ('delete-all')`.execute(tx);
  let count = 0;
  for (const type of Object.keys(SOURCE_IDS) as SearchType[]) {
    let after = "";
    for (;;) {
      const ids = await SOURCE_IDS[type](tx, after, batch);
      if (ids.length === 0) break;
      const docs = await loadDocuments(tx, type, ids);
      for (const doc of docs) await write(tx, doc, doc.updatedAt);
      count += docs.length;
      after = ids[ids.length - 1]!;
    }
  }
  await markSearchIndexCurrent(tx);
  return count;
}

/** Record that the index was built by this analyzer (after indexing every record some other way, e.g. in batches). */
export async function markSearchIndexCurrent(db: Executor): Promise<void> {
  await db.deleteFrom("meta").where("key", "=", META_KEY).execute();
  await db.insertInto("meta").values({ key: META_KEY, value: String(ANALYZER_VERSION) }).execute();
}

/**
 * One rebuild at a time across app nodes: SQLite's write lock (BEGIN IMMEDIATE) does it
 * there; on PostgreSQL a transaction-scoped advisory lock.
 */
async function lockIndex(tx: Executor): Promise<void> {
  if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(4146177)`.execute(tx);
}

/** Drop and rebuild the whole index; returns how many documents it holds. */
export async function rebuildSearchIndex(db: Kysely<DB>, options: { batch?: number } = {}): Promise<number> {
  return db.transaction().execute(async (tx) => {
    await lockIndex(tx);
    return rebuildIn(tx, options.batch ?? 500);
  });
}

/**
 * Rebuild the index when it was built by another analyzer version or never built
 * (a fresh database, or after demo data were loaded: the seed clears the mark).
 * Several nodes starting at once rebuild it once.
 * @returns the number of documents indexed, or null when the index was current
 */
export async function ensureSearchIndex(db: Kysely<DB>): Promise<number | null> {
  const current = async (ex: Executor) => (await ex.selectFrom("meta").select("value").where("key", "=", META_KEY).executeTakeFirst())?.value === String(ANALYZER_VERSION);
  if (await current(db)) return null;
  return db.transaction().execute(async (tx) => {
    await lockIndex(tx);
    if (await current(tx)) return null;
    return rebuildIn(tx, 500);
  });
}

/** Make the next `ensureSearchIndex` rebuild (after records were written behind the services' back, e.g. demo data). */
export async function invalidateSearchIndex(db: Executor): Promise<void> {
  await db.deleteFrom("meta").where("key", "=", META_KEY).execute();
}

/**
 * An organisation's entry and those that show its name or country: its people, the
 * events it hosts and its library entries.
 */
export async function indexOrganisation(db: Executor, organisationId: string): Promise<void> {
  await indexRecord(db, "organisation", organisationId);
  const [people, events, entries] = await Promise.all([
    db.selectFrom("people").select("id").where("organisationId", "=", organisationId).execute(),
    db.selectFrom("events").select("id").where("hostOrganisationId", "=", organisationId).execute(),
    db.selectFrom("libraryEntries").select("id").where("organisationId", "=", organisationId).execute(),
  ]);
  await indexRecords(db, "person", people.map((r) => r.id));
  await indexRecords(db, "event", events.map((r) => r.id));
  await indexRecords(db, "library", entries.map((r) => r.id));
}
