import { sql, type Kysely } from "kysely";

// Frozen: this file must not import application code.

const text = "text" as const;
const int = "integer" as const;

/**
 * Training: programmes (Asas, Terhab) with their owning organisations, modules and
 * materials, and the workshops (events) that deliver them; enrolments of trainees
 * (people of the directory); a question bank per programme, the pre- and post-test
 * built from it, attempts with their answers (saved one by one as the trainee goes);
 * the satisfaction survey; and certificates with a public verification code.
 *
 * Scores are whole points (a question is worth 1–10 points), so no floating-point
 * column is needed: percentages are computed when read. JSON columns are text.
 * The programme report aggregates 100k enrolments and a million answers: the indexes
 * below serve "by programme", "by organisation" and "attempts of an enrolment".
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("training_programmes")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("season_id", text, (c) => c.notNull().references("seasons.id"))
    // The lead owner (the creating organisation); co-owners are in training_programme_owners, the lead among them.
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("cooperation_programme_id", text, (c) => c.references("cooperation_programmes.id").onDelete("set null"))
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("description_ar", text)
    .addColumn("description_en", text)
    // One objective per line.
    .addColumn("objectives_ar", text)
    .addColumn("objectives_en", text)
    // Comma-separated: organisers, service_providers, mission_officials.
    .addColumn("audience", text, (c) => c.notNull())
    // draft | published
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("visibility", text, (c) => c.notNull())
    .addColumn("share_group_id", text, (c) => c.references("groups.id"))
    // open: any signed-in user who may read it enrols himself; managed: admins and trainers enrol people.
    .addColumn("enrolment", text, (c) => c.notNull())
    // The completion rule.
    .addColumn("min_attendance_pct", int, (c) => c.notNull())
    .addColumn("min_post_score_pct", int, (c) => c.notNull())
    .addColumn("require_survey", int, (c) => c.notNull())
    // JSON: [{ id, kind: scale|text, textAr, textEn }].
    .addColumn("survey", text, (c) => c.notNull())
    .addColumn("version", int, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("archived_at", text)
    .execute();
  await db.schema.createIndex("training_programmes_season_idx").on("training_programmes").columns(["season_id"]).execute();

  await db.schema
    .createTable("training_programme_owners")
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("position", int, (c) => c.notNull())
    .addPrimaryKeyConstraint("training_programme_owners_pk", ["programme_id", "organisation_id"])
    .execute();
  await db.schema.createIndex("training_programme_owners_org_idx").on("training_programme_owners").columns(["organisation_id"]).execute();

  await db.schema
    .createTable("training_programme_events")
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("training_programme_events_pk", ["programme_id", "event_id"])
    .execute();
  await db.schema.createIndex("training_programme_events_event_idx").on("training_programme_events").columns(["event_id"]).execute();

  await db.schema
    .createTable("training_modules")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("position", int, (c) => c.notNull())
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("summary_ar", text)
    .addColumn("summary_en", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_modules_programme_idx").on("training_modules").columns(["programme_id", "position"]).execute();

  await db.schema
    .createTable("training_materials")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("module_id", text, (c) => c.notNull().references("training_modules.id").onDelete("cascade"))
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("position", int, (c) => c.notNull())
    // file | link | video
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("title_ar", text, (c) => c.notNull())
    .addColumn("title_en", text, (c) => c.notNull())
    .addColumn("url", text)
    .addColumn("file_name", text)
    .addColumn("content_type", text)
    .addColumn("size", int)
    .addColumn("sha256", text)
    .addColumn("storage_key", text)
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_materials_module_idx").on("training_materials").columns(["module_id", "position"]).execute();

  // A trainee is a person of the directory (the certificate's names come from there); the user account,
  // when there is one, is linked at enrolment or when the trainee first signs in (matched by email).
  await db.schema
    .createTable("training_enrolments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("person_id", text, (c) => c.notNull().references("people.id"))
    .addColumn("user_id", text, (c) => c.references("users.id"))
    // The trainee's organisation at enrolment (reports group by it; admins see their own staff's).
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    // enrolled | withdrawn
    .addColumn("status", text, (c) => c.notNull())
    // self | admin | import
    .addColumn("source", text, (c) => c.notNull())
    .addColumn("enrolled_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("withdrawn_at", text)
    .execute();
  await db.schema.createIndex("training_enrolments_unique").on("training_enrolments").columns(["programme_id", "person_id"]).unique().execute();
  await db.schema.createIndex("training_enrolments_org_idx").on("training_enrolments").columns(["programme_id", "organisation_id"]).execute();
  await db.schema.createIndex("training_enrolments_user_idx").on("training_enrolments").columns(["user_id"]).execute();
  await db.schema.createIndex("training_enrolments_person_idx").on("training_enrolments").columns(["person_id"]).execute();

  await db.schema
    .createTable("training_questions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    .addColumn("position", int, (c) => c.notNull())
    // single | multiple | true_false | numeric
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("text_ar", text, (c) => c.notNull())
    .addColumn("text_en", text, (c) => c.notNull())
    // JSON: [{ id, textAr, textEn }] (single, multiple; true/false has fixed options "true" and "false").
    .addColumn("options", text, (c) => c.notNull())
    // JSON: { optionIds: [...] } or { value: "12.5", tolerance: "0.5" } (numeric, as decimal strings).
    .addColumn("answer_key", text, (c) => c.notNull())
    .addColumn("points", int, (c) => c.notNull())
    .addColumn("version", int, (c) => c.notNull())
    .addColumn("created_by", text, (c) => c.references("users.id"))
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .addColumn("archived_at", text)
    .execute();
  await db.schema.createIndex("training_questions_programme_idx").on("training_questions").columns(["programme_id", "position"]).execute();

  await db.schema
    .createTable("training_assessments")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    // pre | post
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("time_limit_minutes", int)
    // ISO instants; null = no bound.
    .addColumn("opens_at", text)
    .addColumn("closes_at", text)
    .addColumn("published", int, (c) => c.notNull())
    .addColumn("version", int, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_assessments_unique").on("training_assessments").columns(["programme_id", "kind"]).unique().execute();

  await db.schema
    .createTable("training_assessment_questions")
    .addColumn("assessment_id", text, (c) => c.notNull().references("training_assessments.id").onDelete("cascade"))
    .addColumn("question_id", text, (c) => c.notNull().references("training_questions.id"))
    .addColumn("position", int, (c) => c.notNull())
    .addPrimaryKeyConstraint("training_assessment_questions_pk", ["assessment_id", "question_id"])
    .execute();
  await db.schema.createIndex("training_assessment_questions_question_idx").on("training_assessment_questions").columns(["question_id"]).execute();

  // One attempt per test and enrolment. The questions are frozen at the start (JSON array of ids).
  await db.schema
    .createTable("training_attempts")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("assessment_id", text, (c) => c.notNull().references("training_assessments.id").onDelete("cascade"))
    .addColumn("enrolment_id", text, (c) => c.notNull().references("training_enrolments.id").onDelete("cascade"))
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    // pre | post (copied from the assessment: the report groups by it without a join).
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("question_ids", text, (c) => c.notNull())
    .addColumn("started_at", text, (c) => c.notNull())
    .addColumn("deadline_at", text)
    .addColumn("submitted_at", text)
    // The time limit ran out and the answers saved so far were graded.
    .addColumn("auto_submitted", int, (c) => c.notNull())
    .addColumn("score", int)
    .addColumn("max_score", int, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_attempts_unique").on("training_attempts").columns(["assessment_id", "enrolment_id"]).unique().execute();
  await db.schema.createIndex("training_attempts_enrolment_idx").on("training_attempts").columns(["enrolment_id", "kind"]).execute();
  await db.schema.createIndex("training_attempts_programme_idx").on("training_attempts").columns(["programme_id", "kind", "submitted_at"]).execute();
  // Open attempts past their deadline are graded by a sweep.
  await db.schema.createIndex("training_attempts_deadline_idx").on("training_attempts").columns(["submitted_at", "deadline_at"]).execute();

  await db.schema
    .createTable("training_answers")
    .addColumn("attempt_id", text, (c) => c.notNull().references("training_attempts.id").onDelete("cascade"))
    .addColumn("question_id", text, (c) => c.notNull().references("training_questions.id"))
    // JSON: { optionIds: [...] } or { value: "12" }.
    .addColumn("response", text, (c) => c.notNull())
    // Set when the attempt is graded.
    .addColumn("correct", int)
    .addColumn("points", int)
    .addColumn("saved_at", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("training_answers_pk", ["attempt_id", "question_id"])
    .execute();
  await db.schema.createIndex("training_answers_question_idx").on("training_answers").columns(["question_id"]).execute();

  await db.schema
    .createTable("training_survey_responses")
    .addColumn("enrolment_id", text, (c) => c.primaryKey().references("training_enrolments.id").onDelete("cascade"))
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id").onDelete("cascade"))
    // JSON: { [itemId]: 1..5 | "free text" }.
    .addColumn("answers", text, (c) => c.notNull())
    .addColumn("submitted_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_survey_programme_idx").on("training_survey_responses").columns(["programme_id"]).execute();

  // A certificate keeps what it certified as issued (names, programme title, issuers, dates):
  // later edits to the person or programme do not rewrite an issued certificate.
  await db.schema
    .createTable("training_certificates")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("code", text, (c) => c.notNull().unique())
    .addColumn("programme_id", text, (c) => c.notNull().references("training_programmes.id"))
    .addColumn("enrolment_id", text, (c) => c.notNull().references("training_enrolments.id"))
    .addColumn("person_id", text, (c) => c.notNull().references("people.id"))
    .addColumn("organisation_id", text, (c) => c.notNull().references("organisations.id"))
    .addColumn("name_ar", text, (c) => c.notNull())
    .addColumn("name_en", text, (c) => c.notNull())
    .addColumn("programme_title_ar", text, (c) => c.notNull())
    .addColumn("programme_title_en", text, (c) => c.notNull())
    // JSON: [{ nameAr, nameEn }].
    .addColumn("issuers", text, (c) => c.notNull())
    // Gregorian YYYY-MM-DD: first and last workshop day attended, and the day it was completed.
    .addColumn("starts_on", text)
    .addColumn("ends_on", text)
    .addColumn("completed_on", text, (c) => c.notNull())
    .addColumn("attendance_pct", int, (c) => c.notNull())
    .addColumn("post_score_pct", int)
    // valid | revoked
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("revoked_at", text)
    .addColumn("revoked_by", text, (c) => c.references("users.id"))
    .addColumn("revoke_reason", text)
    .addColumn("issued_by", text, (c) => c.references("users.id"))
    .addColumn("issued_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("training_certificates_programme_idx").on("training_certificates").columns(["programme_id", "status"]).execute();
  await db.schema.createIndex("training_certificates_person_idx").on("training_certificates").columns(["person_id"]).execute();
  // At most one valid certificate per enrolment (a revoked one may be followed by a new one).
  await db.schema
    .createIndex("training_certificates_valid_unique")
    .on("training_certificates")
    .columns(["enrolment_id"])
    .unique()
    .where(sql<boolean>`status = 'valid'`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "training_certificates",
    "training_survey_responses",
    "training_answers",
    "training_attempts",
    "training_assessment_questions",
    "training_assessments",
    "training_questions",
    "training_enrolments",
    "training_materials",
    "training_modules",
    "training_programme_events",
    "training_programme_owners",
    "training_programmes",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
