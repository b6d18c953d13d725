import { sql, type Kysely } from "kysely";

// Frozen: this file must not import application code.

/**
 * A training programme's report at scale (bench/README.md, training part; 100k trainees):
 * - attendance_person_idx, attendance_user_idx: a trainee's attendance is matched by his directory
 *   entry or by his account; a trainee's own progress reads his rows by these (the whole
 *   programme's report reads its workshops' rows by event);
 * - training_programmes.facts_version: incremented with every write that changes what the report
 *   is computed from, so the computed facts can be kept between requests (results-cache.ts) and
 *   every app node sees a change at once.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("attendance_person_idx").on("attendance").columns(["person_id", "event_id"]).where(sql.ref("person_id"), "is not", null).execute();
  await db.schema.createIndex("attendance_user_idx").on("attendance").columns(["user_id", "event_id"]).where(sql.ref("user_id"), "is not", null).execute();
  await db.schema.alterTable("training_programmes").addColumn("facts_version", "integer", (c) => c.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("training_programmes").dropColumn("facts_version").execute();
  await db.schema.dropIndex("attendance_user_idx").execute();
  await db.schema.dropIndex("attendance_person_idx").execute();
}
