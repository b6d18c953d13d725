import type { AnswerKey, AnswerResponse, AssessmentKind, QuestionKind, QuestionOption, SurveyItem, SurveyWait } from "../../../../common/training.js";
import { normaliseDecimal } from "../../../../common/training.js";
import { instantToCivil, civilToIso, isoToCivil, zonedTimeToUtc } from "../../../../common/dates.js";
import type { Digits } from "../../../../common/roles.js";

/**
 * Shapes of the question bank, tests, attempts and survey answers
 * (server/src/modules/training/{questions,assessments,attempts,survey}.schema.ts).
 */

export interface BankQuestion {
  id: string;
  programmeId: string;
  position: number;
  kind: QuestionKind;
  textAr: string;
  textEn: string;
  options: QuestionOption[];
  answerKey: { optionIds?: string[]; value?: string; tolerance?: string };
  points: number;
  version: number;
  /** Answered, or part of a started test: only its wording may change. */
  inUse: boolean;
  usedIn: AssessmentKind[];
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MyAttempt {
  id: string;
  status: "in_progress" | "submitted";
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  autoSubmitted: boolean;
  score: number | null;
  maxScore: number;
  percent: number | null;
}

export interface Assessment {
  id: string;
  kind: AssessmentKind;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  published: boolean;
  isOpen: boolean;
  questionCount: number;
  maxScore: number;
  version: number;
  questions?: Array<{ id: string; position: number; kind: QuestionKind; textAr: string; textEn: string; points: number }>;
  attemptsCount?: number;
  submittedCount?: number;
  locked?: boolean;
  myAttempt?: MyAttempt | null;
}

export interface Assessments {
  pre: Assessment | null;
  post: Assessment | null;
  manages: boolean;
  enrolled: boolean;
  serverNow: string;
}

export interface AttemptQuestion {
  id: string;
  number: number;
  kind: QuestionKind;
  textAr: string;
  textEn: string;
  points: number;
  options: QuestionOption[];
  response: AnswerResponse | null;
  savedAt: string | null;
  correct?: boolean;
  pointsEarned?: number;
  answerKey?: AnswerKey;
}

export interface Attempt {
  id: string;
  programme: { id: string; code: string; titleAr: string; titleEn: string };
  kind: AssessmentKind;
  trainee: { nameAr: string; nameEn: string };
  mine: boolean;
  status: "in_progress" | "submitted";
  startedAt: string;
  deadlineAt: string | null;
  graceSeconds: number;
  serverNow: string;
  submittedAt: string | null;
  autoSubmitted: boolean;
  questions: AttemptQuestion[];
  answeredCount: number;
  score: number | null;
  maxScore: number;
  percent: number | null;
}

export interface SavedAnswer {
  questionId: string;
  response: AnswerResponse;
  savedAt: string;
  serverNow: string;
}

export interface Survey {
  items: SurveyItem[];
  response: { answers: Record<string, number | string>; submittedAt: string } | null;
  canRespond: boolean;
  /** For a trainee who has not answered: what the survey still waits for (null: open). */
  opensAfter: SurveyWait | null;
  enrolled: boolean;
}

export interface SurveySummary {
  responses: number;
  enrolled: number;
  items: Array<SurveyItem & { count: number; average: number | null; distribution: number[] }>;
  texts: Array<{ itemId: string; text: string }>;
  textsTotal: number;
}

const enc = encodeURIComponent;

export const testsApi = {
  questions: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/questions`,
  questionsOrder: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/questions/order`,
  question: (id: string) => `/api/training/questions/${enc(id)}`,
  assessments: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/assessments`,
  assessment: (programmeId: string, kind: AssessmentKind) => `/api/training/programmes/${enc(programmeId)}/assessments/${kind}`,
  start: (programmeId: string, kind: AssessmentKind) => `/api/training/programmes/${enc(programmeId)}/assessments/${kind}/attempt`,
  attempt: (id: string) => `/api/training/attempts/${enc(id)}`,
  answer: (attemptId: string, questionId: string) => `/api/training/attempts/${enc(attemptId)}/answers/${enc(questionId)}`,
  submit: (attemptId: string) => `/api/training/attempts/${enc(attemptId)}/submit`,
  survey: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/survey`,
  surveySummary: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/survey/summary`,
};

/** A decimal in Latin digits ("56.6") shown in the user's digits ("٥٦٫٦"). */
export function displayDecimal(value: string, digits: Digits): string {
  if (digits !== "arab") return value;
  return value.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!).replace(".", "٫");
}

/** What a trainee typed as a number, read (Arabic-Indic digits accepted): the Latin decimal, "" when empty, null when not a number. */
export function readDecimal(typed: string): string | null {
  if (typed.trim() === "") return "";
  return normaliseDecimal(typed);
}

/** An instant as the date ("YYYY-MM-DD") and time ("HH:MM") on the wall clock of `timeZone`. */
export function instantToLocal(iso: string | null, timeZone: string): { date: string | null; time: string } {
  if (!iso) return { date: null, time: "" };
  const date = civilToIso(instantToCivil(iso, timeZone, "gregorian"));
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso));
  const hour = parts.find((p) => p.type === "hour")?.value ?? "00";
  const minute = parts.find((p) => p.type === "minute")?.value ?? "00";
  return { date, time: `${hour}:${minute}` };
}

/** A wall-clock date and time in `timeZone` as an ISO instant; null when empty; "invalid" when the time cannot be read. */
export function localToInstant(date: string | null, time: string, timeZone: string): string | null | "invalid" {
  if (!date) return null;
  const match = /^(\d{1,2}):(\d{2})$/.exec(time.trim() || "00:00");
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) return "invalid";
  return zonedTimeToUtc(isoToCivil(date), { hour: Number(match[1]), minute: Number(match[2]) }, timeZone).toISOString();
}
