/**
 * Benchmark data for training: one programme modelled on the demo's Asas (same owners, season,
 * survey and questions) with four past virtual workshops and `trainees` generated trainees from
 * the demo's missions and service providers, who
 * - take the pre-test (5 questions) and, most of them, the post-test (6 questions), each answer
 *   stored and graded as the app grades it (common/training.ts): 100k trainees give about a
 *   million answers;
 * - attend the workshops (the virtual platform's minutes: most stay to the end, some leave early,
 *   some miss a session);
 * - answer the satisfaction survey after the post-test (most of them).
 * Skill varies per trainee, so pre scores are low and post scores higher, with a spread.
 *
 * Works on a migrated, demo-seeded database of either dialect, with a seeded PRNG (the same seed,
 * the same data), written in chunks of a few thousand trainees, each in one transaction (bench/rows.ts).
 */
import type SqliteDatabase from "better-sqlite3";
import type { Kysely } from "kysely";
import { isCorrect, pointsFor, type AnswerKey, type AnswerResponse, type QuestionKind, type QuestionOption } from "../common/training.js";
import type { DB } from "../server/src/db/schema.js";
import { buildSearchText } from "../server/src/modules/directory/search.js";
import { uuid, type Directory } from "./events-generate.js";
import { personName, pick, rng, title, type Rand } from "./generate.js";
import { push, tableRows, writePostgres, writeSqlite, type TableRows } from "./rows.js";
import { CULTURE_OF_COUNTRY, CULTURES } from "./words.js";

export interface TrainingOptions {
  trainees: number;
  seed?: number;
  /** Trainees per transaction. */
  chunk?: number;
}

export interface TrainingCounts {
  trainees: number;
  organisations: number;
  countries: number;
  workshops: number;
  attendance: number;
  preAttempts: number;
  postAttempts: number;
  answers: number;
  surveys: number;
  rows: number;
}

export interface TrainingData {
  programmeId: string;
  code: string;
  workshopIds: string[];
  counts: TrainingCounts;
  ms: number;
}

interface Question {
  id: string;
  kind: QuestionKind;
  options: QuestionOption[];
  answerKey: AnswerKey;
  points: number;
}

const WORKSHOPS = 4;
const PRE_QUESTIONS = 5;
const POST_QUESTIONS = 6;

/** A plausible wrong answer to `q`. */
function wrongAnswer(r: Rand, q: Question): AnswerResponse {
  const key = q.answerKey;
  if ("value" in key) return { value: String(Number(key.value) + 1 + Math.floor(r() * 3)) };
  if (q.kind === "true_false") return { optionIds: [key.optionIds[0] === "true" ? "false" : "true"] };
  const others = q.options.map((o) => o.id).filter((id) => !key.optionIds.includes(id));
  if (q.kind === "multiple") return r() < 0.5 && key.optionIds.length > 1 ? { optionIds: key.optionIds.slice(0, -1) } : { optionIds: [...key.optionIds, pick(r, others)] };
  return { optionIds: [pick(r, others)] };
}

const rightAnswer = (q: Question): AnswerResponse => ("value" in q.answerKey ? { value: q.answerKey.value } : { optionIds: [...q.answerKey.optionIds] });

/** The demo's Asas programme (and the Terhab questions, to make a bank of ten). */
async function readTemplate(db: Kysely<DB>) {
  const asas = await db.selectFrom("trainingProgrammes").selectAll().where("code", "=", "asas-1445").executeTakeFirst();
  if (!asas) throw new Error("seed the demo training data first (no asas-1445 programme)");
  const owners = await db.selectFrom("trainingProgrammeOwners").select(["organisationId", "position"]).where("programmeId", "=", asas.id).orderBy("position").execute();
  const event = await db.selectFrom("trainingProgrammeEvents").innerJoin("events", "events.id", "trainingProgrammeEvents.eventId").selectAll("events").where("trainingProgrammeEvents.programmeId", "=", asas.id).executeTakeFirstOrThrow();
  const questions = await db
    .selectFrom("trainingQuestions")
    .innerJoin("trainingProgrammes", "trainingProgrammes.id", "trainingQuestions.programmeId")
    .select(["trainingQuestions.kind", "trainingQuestions.textAr", "trainingQuestions.textEn", "trainingQuestions.options", "trainingQuestions.answerKey", "trainingQuestions.points"])
    .where("trainingProgrammes.code", "in", ["asas-1445", "terhab-1445"])
    .where("trainingQuestions.archivedAt", "is", null)
    .orderBy("trainingProgrammes.code")
    .orderBy("trainingQuestions.position")
    .execute();
  if (questions.length < PRE_QUESTIONS + POST_QUESTIONS - 1) throw new Error(`the demo question banks have ${questions.length} questions; ${PRE_QUESTIONS + POST_QUESTIONS - 1} needed`);
  return { asas, owners, event, questions };
}

const snake = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), v]));
const columnsOf = (o: Record<string, unknown>) => Object.keys(snake(o)).join(", ");

/** Generate the programme and its trainees; returns what was written. */
export async function generateTraining(
  target: { raw: SqliteDatabase.Database } | { postgresUrl: string },
  db: Kysely<DB>,
  dir: Directory,
  options: TrainingOptions,
  progress?: (done: number) => void,
): Promise<TrainingData> {
  const started = performance.now();
  const r = rng(options.seed ?? 1446);
  const chunk = options.chunk ?? 5000;
  const write = async (tables: TableRows[]) => ("raw" in target ? writeSqlite(target.raw, tables) : writePostgres(target.postgresUrl, tables));
  const { asas, owners, event, questions: bank } = await readTemplate(db);
  const now = new Date().toISOString();
  const programmeId = uuid(r);
  const code = `bench-${options.trainees}`;
  let rows = 0;

  // ---- the programme, its workshops, questions and tests
  const programme = snake({ ...asas, id: programmeId, code, titleAr: `${asas.titleAr} — دفعة موسعة`, titleEn: `${asas.titleEn} — extended cohort`, minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 1, createdAt: now, updatedAt: now, version: 1 });
  const head: TableRows[] = [];
  const tp = tableRows("training_programmes", columnsOf(asas));
  push(tp, programme);
  head.push(tp);
  const to = tableRows("training_programme_owners", "programme_id, organisation_id, position");
  for (const o of owners) push(to, { programme_id: programmeId, organisation_id: o.organisationId, position: o.position });
  head.push(to);
  const length = Date.parse(event.endsAt) - Date.parse(event.startsAt);
  const workshops: Array<{ id: string; startsAt: string; minutes: number }> = [];
  const te = tableRows("events", columnsOf(event));
  for (let i = 0; i < WORKSHOPS; i++) {
    const startsAt = new Date(Date.parse(event.startsAt) + (i + 1) * 7 * 86_400_000).toISOString();
    const id = uuid(r);
    workshops.push({ id, startsAt, minutes: Math.round(length / 60_000) });
    push(te, snake({ ...event, id, titleAr: `${event.titleAr} (${i + 1})`, titleEn: `${event.titleEn} (${i + 1})`, startsAt, endsAt: new Date(Date.parse(startsAt) + length).toISOString(), checkInSecret: uuid(r).replace(/-/g, ""), reminderSentAt: startsAt, createdAt: now, updatedAt: now }));
  }
  head.push(te);
  const tpe = tableRows("training_programme_events", "programme_id, event_id");
  for (const w of workshops) push(tpe, { programme_id: programmeId, event_id: w.id });
  head.push(tpe);
  const questions: Question[] = [];
  const tq = tableRows("training_questions", "id, programme_id, position, kind, text_ar, text_en, options, answer_key, points, version, created_by, created_at, updated_at, archived_at");
  bank.slice(0, PRE_QUESTIONS + POST_QUESTIONS - 1).forEach((q, i) => {
    const id = uuid(r);
    questions.push({ id, kind: q.kind as QuestionKind, options: JSON.parse(q.options) as QuestionOption[], answerKey: JSON.parse(q.answerKey) as AnswerKey, points: q.points });
    push(tq, { id, programme_id: programmeId, position: i + 1, kind: q.kind, text_ar: q.textAr, text_en: q.textEn, options: q.options, answer_key: q.answerKey, points: q.points, version: 1, created_by: null, created_at: now, updated_at: now, archived_at: null });
  });
  head.push(tq);
  // The post-test shares one question with the pre-test (the usual overlap) and adds five more.
  const tests = {
    pre: { id: uuid(r), questions: questions.slice(0, PRE_QUESTIONS) },
    post: { id: uuid(r), questions: questions.slice(PRE_QUESTIONS - 1, PRE_QUESTIONS - 1 + POST_QUESTIONS) },
  };
  const ta = tableRows("training_assessments", "id, programme_id, kind, time_limit_minutes, opens_at, closes_at, published, version, created_at, updated_at");
  const taq = tableRows("training_assessment_questions", "assessment_id, question_id, position");
  for (const kind of ["pre", "post"] as const) {
    push(ta, { id: tests[kind].id, programme_id: programmeId, kind, time_limit_minutes: 15, opens_at: null, closes_at: null, published: 1, version: 1, created_at: now, updated_at: now });
    tests[kind].questions.forEach((q, i) => push(taq, { assessment_id: tests[kind].id, question_id: q.id, position: i + 1 }));
  }
  head.push(ta, taq);

  // ---- who: the demo's missions and service providers (missions send more)
  const sources = dir.orgs.filter((o) => o.kind === "hajj_mission" || o.kind === "service_provider");
  if (sources.length === 0) throw new Error("the demo directory has no missions or service providers");
  const weights = sources.map((o) => (o.kind === "hajj_mission" ? 3 : 1));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickOrg = () => {
    let x = r() * totalWeight;
    for (let i = 0; i < sources.length; i++) if ((x -= weights[i]) < 0) return sources[i];
    return sources[sources.length - 1];
  };
  const surveyItems = (JSON.parse(asas.survey) as Array<{ id: string; kind: string }>);
  const counts: TrainingCounts = { trainees: 0, organisations: 0, countries: 0, workshops: WORKSHOPS, attendance: 0, preAttempts: 0, postAttempts: 0, answers: 0, surveys: 0, rows: 0 };
  const orgsSeen = new Set<string>();
  const countriesSeen = new Set<string>();

  const attempt = (t: { attempts: TableRows; answers: TableRows }, kind: "pre" | "post", enrolmentId: string, p: number, at: string) => {
    const test = tests[kind];
    const id = uuid(r);
    let score = 0;
    let max = 0;
    const answers: Array<Record<string, unknown>> = [];
    test.questions.forEach((q, i) => {
      const response = r() < p ? rightAnswer(q) : wrongAnswer(r, q);
      const correct = isCorrect(q, response);
      const points = pointsFor(q, response);
      score += points;
      max += q.points;
      answers.push({ attempt_id: id, question_id: q.id, response: JSON.stringify(response), correct: correct ? 1 : 0, points, saved_at: new Date(Date.parse(at) + (i + 1) * 40_000).toISOString() });
    });
    const submittedAt = new Date(Date.parse(at) + (test.questions.length + 1) * 40_000).toISOString();
    push(t.attempts, { id, assessment_id: test.id, enrolment_id: enrolmentId, programme_id: programmeId, kind, question_ids: JSON.stringify(test.questions.map((q) => q.id)), started_at: at, deadline_at: new Date(Date.parse(at) + 15 * 60_000).toISOString(), submitted_at: submittedAt, auto_submitted: 0, score, max_score: max });
    for (const a of answers) push(t.answers, a);
    counts.answers += answers.length;
    return submittedAt;
  };

  let first = true;
  for (let done = 0; done < options.trainees; done += chunk) {
    const n = Math.min(chunk, options.trainees - done);
    const t = {
      people: tableRows("people", "id, organisation_id, name_ar, name_en, position, title_ar, title_en, email, phone, preferred_language, visibility, share_group_id, search_text, archived_at, created_at, updated_at"),
      enrolments: tableRows("training_enrolments", "id, programme_id, person_id, user_id, organisation_id, status, source, enrolled_by, created_at, updated_at, withdrawn_at"),
      attempts: tableRows("training_attempts", "id, assessment_id, enrolment_id, programme_id, kind, question_ids, started_at, deadline_at, submitted_at, auto_submitted, score, max_score"),
      answers: tableRows("training_answers", "attempt_id, question_id, response, correct, points, saved_at"),
      attendance: tableRows("attendance", "id, event_id, attendee_key, person_id, user_id, organisation_id, source, minutes, checked_in_at, recorded_by"),
      surveys: tableRows("training_survey_responses", "enrolment_id, programme_id, answers, submitted_at"),
    };
    for (let k = 0; k < n; k++) {
      const i = done + k + 1;
      const org = pickOrg();
      orgsSeen.add(org.id);
      if (org.country) countriesSeen.add(org.country);
      const culture = CULTURES[(org.country && CULTURE_OF_COUNTRY[org.country]) || "arab"];
      const name = personName(r, culture);
      const position = r() < 0.7 ? "staff" : "official";
      const { titleAr, titleEn } = title(r, position);
      const email = `${name.first}.${name.last}.${i}@${org.code}.rifada.test`;
      const personId = uuid(r);
      push(t.people, {
        id: personId, organisation_id: org.id, name_ar: name.nameAr, name_en: name.nameEn, position, title_ar: titleAr, title_en: titleEn, email, phone: null,
        preferred_language: org.country && CULTURE_OF_COUNTRY[org.country] && CULTURE_OF_COUNTRY[org.country] !== "arab" ? "en" : "ar",
        visibility: "members", share_group_id: null, search_text: buildSearchText(name.nameAr, name.nameEn, titleAr, titleEn, email, org.code, org.nameAr, org.nameEn), archived_at: null, created_at: now, updated_at: now,
      });
      const enrolmentId = uuid(r);
      const enrolledAt = new Date(Date.parse(workshops[0].startsAt) - (3 + Math.floor(r() * 20)) * 86_400_000).toISOString();
      push(t.enrolments, { id: enrolmentId, programme_id: programmeId, person_id: personId, user_id: null, organisation_id: org.id, status: "enrolled", source: r() < 0.8 ? "import" : "admin", enrolled_by: null, created_at: enrolledAt, updated_at: enrolledAt, withdrawn_at: null });
      const skill = r();
      if (r() < 0.97) {
        attempt(t, "pre", enrolmentId, 0.2 + 0.35 * skill, new Date(Date.parse(workshops[0].startsAt) - 3_600_000 * (1 + r() * 48)).toISOString());
        counts.preAttempts++;
      }
      // Keen trainees attend more.
      const presence = 0.6 + 0.38 * skill;
      for (const w of workshops) {
        if (r() >= presence) continue;
        const minutes = r() < 0.85 ? w.minutes - Math.floor(r() * 5) : Math.max(5, Math.floor(w.minutes * (0.3 + 0.6 * r())));
        push(t.attendance, { id: uuid(r), event_id: w.id, attendee_key: `p:${personId}`, person_id: personId, user_id: null, organisation_id: org.id, source: "import", minutes, checked_in_at: w.startsAt, recorded_by: null });
        counts.attendance++;
      }
      if (r() < 0.93) {
        const last = workshops[WORKSHOPS - 1];
        const submittedAt = attempt(t, "post", enrolmentId, 0.5 + 0.45 * skill, new Date(Date.parse(last.startsAt) + (last.minutes + 10 + Math.floor(r() * 600)) * 60_000).toISOString());
        counts.postAttempts++;
        if (r() < 0.85) {
          const answers: Record<string, number | string> = {};
          for (const item of surveyItems) {
            if (item.kind === "scale") answers[item.id] = Math.min(5, 2 + Math.floor(r() * 3) + (skill > 0.5 ? 1 : 0));
            else if (r() < 0.2) answers[item.id] = pick(r, ["مفيدة جداً، نرجو زيادة الوقت المخصص للأسئلة", "Very useful; more practical examples please", "التنظيم ممتاز", "Clear and well organised"]);
          }
          push(t.surveys, { enrolment_id: enrolmentId, programme_id: programmeId, answers: JSON.stringify(answers), submitted_at: new Date(Date.parse(submittedAt) + 120_000).toISOString() });
          counts.surveys++;
        }
      }
      counts.trainees++;
    }
    const tables = [...(first ? head : []), t.people, t.enrolments, t.attempts, t.answers, t.attendance, t.surveys];
    first = false;
    rows += tables.reduce((s, x) => s + x.rows.length, 0);
    await write(tables);
    progress?.(done + n);
  }
  counts.organisations = orgsSeen.size;
  counts.countries = countriesSeen.size;
  counts.rows = rows;
  return { programmeId, code, workshopIds: workshops.map((w) => w.id), counts, ms: performance.now() - started };
}
