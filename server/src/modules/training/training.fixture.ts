import type { Kysely } from "kysely";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { buildSearchText } from "../directory/search.js";
import { touchEventFacts, touchProgrammeFacts } from "./facts-version.js";

/**
 * Training data written straight into the database, for the completion, results and certificate
 * tests: programmes with their owners and workshops, people enrolled, attendance, test attempts and
 * survey answers — each exactly as the test describes it.
 */

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

/** A season (a Hijri year far from the demo's, so it never clashes). */
export async function season(db: Kysely<DB>): Promise<string> {
  const id = newId();
  const code = `t${unique()}`;
  await db.insertInto("seasons").values({ id, code, hijriYear: 1497, nameAr: `موسم ${code}`, nameEn: `Season ${code}`, startsOn: "2076-01-01", endsOn: "2076-12-31", createdAt: nowIso(), updatedAt: nowIso() }).execute();
  return id;
}

export interface ProgrammeInput {
  seasonId: string;
  ownerIds: string[];
  titleAr?: string;
  titleEn?: string;
  code?: string;
  minAttendancePct?: number;
  minPostScorePct?: number;
  requireSurvey?: boolean;
  status?: "draft" | "published";
  visibility?: string;
}

export async function programme(db: Kysely<DB>, input: ProgrammeInput): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db.insertInto("trainingProgrammes").values({
    id, code: input.code ?? `p-${unique()}`, seasonId: input.seasonId, organisationId: input.ownerIds[0]!, cooperationProgrammeId: null,
    titleAr: input.titleAr ?? "برنامج أساس", titleEn: input.titleEn ?? "Asas programme", descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null,
    audience: "organisers,service_providers", status: input.status ?? "published", visibility: input.visibility ?? "public", shareGroupId: null, enrolment: "managed",
    minAttendancePct: input.minAttendancePct ?? 75, minPostScorePct: input.minPostScorePct ?? 60, requireSurvey: input.requireSurvey ? 1 : 0,
    survey: JSON.stringify(DEFAULT_SURVEY), version: 1, createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
  }).execute();
  await db.insertInto("trainingProgrammeOwners").values(input.ownerIds.map((organisationId, position) => ({ programmeId: id, organisationId, position }))).execute();
  return id;
}

/** A virtual workshop linked to the programme; `startsAt`/`endsAt` are ISO instants. */
export async function workshop(db: Kysely<DB>, input: { programmeId: string; seasonId: string; hostId: string; startsAt: string; endsAt: string; status?: string; titleEn?: string }): Promise<string> {
  const id = newId();
  const marker = unique();
  await db.insertInto("events").values({
    id, seasonId: input.seasonId, kind: "workshop", mode: "virtual", status: input.status ?? "published", titleAr: `ورشة ${marker}`, titleEn: input.titleEn ?? `Workshop ${marker}`,
    descriptionAr: null, descriptionEn: null, hostOrganisationId: input.hostId, chairPersonId: null, venueAr: null, venueEn: null, joinUrl: null, timeZone: "Asia/Riyadh",
    startsAt: input.startsAt, endsAt: input.endsAt, registration: "open", capacity: null, previousEventId: null, visibility: "public", shareGroupId: null,
    checkInSecret: `s${marker}`, searchText: `workshop ${marker}`, createdBy: null, reminderSentAt: null, archivedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
  }).execute();
  await db.insertInto("trainingProgrammeEvents").values({ programmeId: input.programmeId, eventId: id }).execute();
  await touchProgrammeFacts(db, input.programmeId);
  return id;
}

export async function person(db: Kysely<DB>, input: { organisationId: string; nameAr: string; nameEn: string; email?: string | null; preferredLanguage?: string }): Promise<string> {
  const id = newId();
  await db.insertInto("people").values({
    id, organisationId: input.organisationId, nameAr: input.nameAr, nameEn: input.nameEn, position: "staff", titleAr: null, titleEn: null, email: input.email ?? null, phone: null,
    preferredLanguage: input.preferredLanguage ?? "ar", visibility: "members", shareGroupId: null, searchText: buildSearchText(input.nameAr, input.nameEn, input.email),
    archivedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
  }).execute();
  return id;
}

export async function enrol(db: Kysely<DB>, input: { programmeId: string; personId: string; organisationId: string; userId?: string | null; status?: "enrolled" | "withdrawn" }): Promise<string> {
  const id = newId();
  const at = nowIso();
  await db.insertInto("trainingEnrolments").values({
    id, programmeId: input.programmeId, personId: input.personId, userId: input.userId ?? null, organisationId: input.organisationId, status: input.status ?? "enrolled",
    source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: input.status === "withdrawn" ? at : null,
  }).execute();
  await touchProgrammeFacts(db, input.programmeId);
  return id;
}

/** An attendance row: by person (key p:…) or by user (key u:…); `minutes` null = a check-in. */
export async function attend(db: Kysely<DB>, input: { eventId: string; organisationId: string; personId?: string; userId?: string; minutes: number | null }): Promise<void> {
  await db.insertInto("attendance").values({
    id: newId(), eventId: input.eventId, attendeeKey: input.personId ? `p:${input.personId}` : `u:${input.userId}`, personId: input.personId ?? null, userId: input.userId ?? null,
    organisationId: input.organisationId, source: "import", minutes: input.minutes, checkedInAt: nowIso(), recordedBy: null,
  }).execute();
  await touchEventFacts(db, [input.eventId]);
}

export async function assessment(db: Kysely<DB>, input: { programmeId: string; kind: "pre" | "post"; published?: boolean }): Promise<string> {
  const id = newId();
  await db.insertInto("trainingAssessments").values({
    id, programmeId: input.programmeId, kind: input.kind, timeLimitMinutes: null, opensAt: null, closesAt: null, published: input.published === false ? 0 : 1, version: 1, createdAt: nowIso(), updatedAt: nowIso(),
  }).execute();
  await touchProgrammeFacts(db, input.programmeId);
  return id;
}

/** An attempt with its score; not submitted when `submittedAt` is null (then `questionIds` and `deadlineAt` matter). */
export async function attempt(db: Kysely<DB>, input: { assessmentId: string; enrolmentId: string; programmeId: string; kind: "pre" | "post"; score: number | null; maxScore: number; submittedAt?: string | null; questionIds?: string[]; deadlineAt?: string | null }): Promise<string> {
  const id = newId();
  const submittedAt = input.submittedAt === undefined ? nowIso() : input.submittedAt;
  await db.insertInto("trainingAttempts").values({
    id, assessmentId: input.assessmentId, enrolmentId: input.enrolmentId, programmeId: input.programmeId, kind: input.kind, questionIds: JSON.stringify(input.questionIds ?? []), startedAt: nowIso(), deadlineAt: input.deadlineAt ?? null,
    submittedAt, autoSubmitted: 0, score: submittedAt === null ? null : input.score, maxScore: input.maxScore,
  }).execute();
  await touchProgrammeFacts(db, input.programmeId);
  return id;
}

/** A single-choice question worth `points`, whose right option is "a". */
export async function question(db: Kysely<DB>, input: { programmeId: string; points?: number }): Promise<string> {
  const id = newId();
  await db.insertInto("trainingQuestions").values({
    id, programmeId: input.programmeId, position: 0, kind: "single", textAr: "سؤال", textEn: "Question",
    options: JSON.stringify([{ id: "a", textAr: "أ", textEn: "A" }, { id: "b", textAr: "ب", textEn: "B" }]), answerKey: JSON.stringify({ optionIds: ["a"] }),
    points: input.points ?? 1, version: 1, createdBy: null, createdAt: nowIso(), updatedAt: nowIso(), archivedAt: null,
  }).execute();
  return id;
}

/** An answer saved (not graded yet). */
export async function answer(db: Kysely<DB>, input: { attemptId: string; questionId: string; optionIds: string[] }): Promise<void> {
  await db.insertInto("trainingAnswers").values({ attemptId: input.attemptId, questionId: input.questionId, response: JSON.stringify({ optionIds: input.optionIds }), correct: null, points: null, savedAt: nowIso() }).execute();
}

export async function survey(db: Kysely<DB>, input: { enrolmentId: string; programmeId: string; answers?: Record<string, number | string>; submittedAt?: string }): Promise<void> {
  await db.insertInto("trainingSurveyResponses").values({
    enrolmentId: input.enrolmentId, programmeId: input.programmeId, answers: JSON.stringify(input.answers ?? { content: 4, trainer: 5, organisation: 4, overall: 5, improve: "" }), submittedAt: input.submittedAt ?? nowIso(),
  }).execute();
  await touchProgrammeFacts(db, input.programmeId);
}

/** An ISO instant `hours` from now. */
export const hoursFromNow = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
