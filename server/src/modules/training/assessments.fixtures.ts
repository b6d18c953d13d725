/**
 * Test fixtures of the question bank, tests and survey: a programme and enrolments written
 * straight into the database (the programmes API is another part's), and questions of each kind.
 */
import { expect } from "vitest";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { orgId, type Client, type TestApp } from "../../test/app.js";
import { touchProgrammeFacts } from "./facts-version.js";

/** A published programme owned by the OIC secretariat and the Ministry (Asas-like), readable by members. */
export async function makeProgramme(t: TestApp, options: { code?: string; owners?: string[]; visibility?: string; status?: string } = {}): Promise<string> {
  const db = t.database.db;
  const now = nowIso();
  const season = await db.selectFrom("seasons").select("id").orderBy("hijriYear").executeTakeFirst();
  let seasonId = season?.id;
  if (!seasonId) {
    seasonId = newId();
    await db.insertInto("seasons").values({ id: seasonId, code: "1445", hijriYear: 1445, nameAr: "موسم حج 1445", nameEn: "Hajj season 1445", startsOn: "2023-07-19", endsOn: "2024-07-06", createdAt: now, updatedAt: now }).execute();
  }
  const owners = await Promise.all((options.owners ?? ["oic", "moh-sa"]).map((c) => orgId(t, c)));
  const id = newId();
  await db.insertInto("trainingProgrammes").values({
    id, code: options.code ?? `ASAS-${id.slice(0, 6)}`, seasonId, organisationId: owners[0]!, cooperationProgrammeId: null,
    titleAr: "أساس", titleEn: "Asas", descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null,
    audience: "organisers,service_providers", status: options.status ?? "published", visibility: options.visibility ?? "members", shareGroupId: null,
    enrolment: "managed", minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 1, survey: JSON.stringify(DEFAULT_SURVEY),
    version: 1, createdBy: null, createdAt: now, updatedAt: now, archivedAt: null,
  }).execute();
  await db.insertInto("trainingProgrammeOwners").values(owners.map((organisationId, position) => ({ programmeId: id, organisationId, position }))).execute();
  return id;
}

/** Enrol the user with `email` (his person of the directory, or a new one with his email). Returns the enrolment id. */
export async function enrol(t: TestApp, programmeId: string, email: string): Promise<string> {
  const db = t.database.db;
  const user = await db.selectFrom("users").select(["id", "personId", "organisationId", "name"]).where("email", "=", email).executeTakeFirstOrThrow();
  const now = nowIso();
  let personId = user.personId;
  if (!personId) {
    personId = newId();
    await db.insertInto("people").values({
      id: personId, organisationId: user.organisationId, nameAr: `متدرب ${user.name}`, nameEn: user.name, position: "staff", titleAr: null, titleEn: null,
      email, phone: null, preferredLanguage: "ar", visibility: "members", shareGroupId: null, searchText: user.name, archivedAt: null, createdAt: now, updatedAt: now,
    }).execute();
  }
  const id = newId();
  // Not linked to the account yet: the trainee is recognised by his person or his email.
  await db.insertInto("trainingEnrolments").values({ id, programmeId, personId, userId: null, organisationId: user.organisationId, status: "enrolled", source: "admin", enrolledBy: null, createdAt: now, updatedAt: now, withdrawnAt: null }).execute();
  await touchProgrammeFacts(db, programmeId);
  return id;
}

/** One question of each kind, in Arabic and English. */
export const QUESTIONS = {
  single: {
    kind: "single", points: 2, textAr: "ما أول منفذ لوصول الحجاج جوًا؟", textEn: "Which is the main air entry point for pilgrims?",
    options: [{ id: "a", textAr: "جدة", textEn: "Jeddah" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }, { id: "c", textAr: "الدمام", textEn: "Dammam" }],
    answerKey: { optionIds: ["a"] },
  },
  multiple: {
    kind: "multiple", points: 3, textAr: "أي مما يلي من المشاعر المقدسة؟", textEn: "Which of these are holy sites of Hajj?",
    options: [{ id: "a", textAr: "منى", textEn: "Mina" }, { id: "b", textAr: "عرفات", textEn: "Arafat" }, { id: "c", textAr: "تبوك", textEn: "Tabuk" }, { id: "d", textAr: "مزدلفة", textEn: "Muzdalifah" }],
    answerKey: { optionIds: ["a", "b", "d"] },
  },
  trueFalse: { kind: "true_false", points: 1, textAr: "يبدأ الحج في الثامن من ذي الحجة.", textEn: "Hajj begins on 8 Dhu al-Hijjah.", answerKey: { optionIds: ["true"] } },
  numeric: { kind: "numeric", points: 4, textAr: "كم عدد الدول الأعضاء في المنظمة؟", textEn: "How many member states does the OIC have?", answerKey: { value: "٥٧", tolerance: "0.5" } },
} as const;

/** Add the four questions to the bank (as `manager`); returns their ids by key. */
export async function addQuestions(manager: Client, programmeId: string): Promise<Record<keyof typeof QUESTIONS, string>> {
  const ids = {} as Record<keyof typeof QUESTIONS, string>;
  for (const [key, body] of Object.entries(QUESTIONS) as Array<[keyof typeof QUESTIONS, unknown]>) {
    const r = await manager.request("POST", `/api/training/programmes/${programmeId}/questions`, body);
    expect(r.statusCode, r.body).toBe(201);
    ids[key] = r.json().id;
  }
  return ids;
}

/** Set up and publish a test of the given questions. */
export async function publishTest(manager: Client, programmeId: string, kind: "pre" | "post", questionIds: string[], extra: Record<string, unknown> = {}) {
  const r = await manager.request("PUT", `/api/training/programmes/${programmeId}/assessments/${kind}`, { questionIds, timeLimitMinutes: null, opensAt: null, closesAt: null, published: true, ...extra });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
