/**
 * Training: the shapes and rules shared by the server and the web — question kinds and
 * their grading, the completion rule, attendance of a workshop (and when one is held), when
 * the satisfaction survey opens, awareness gain.
 * Pure functions only: both sides compute the same answer from the same data.
 */

export const TRAINING_AUDIENCES = ["organisers", "service_providers", "mission_officials"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];

export const PROGRAMME_STATUSES = ["draft", "published"] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** open: a signed-in user who may read the programme enrols himself; managed: admins and trainers enrol people. */
export const ENROLMENT_MODES = ["open", "managed"] as const;
export type EnrolmentMode = (typeof ENROLMENT_MODES)[number];

export const ENROLMENT_STATUSES = ["enrolled", "withdrawn"] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export const MATERIAL_KINDS = ["file", "link", "video"] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

export const QUESTION_KINDS = ["single", "multiple", "true_false", "numeric"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const ASSESSMENT_KINDS = ["pre", "post"] as const;
export type AssessmentKind = (typeof ASSESSMENT_KINDS)[number];

export const CERTIFICATE_STATUSES = ["valid", "revoked"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The fixed options of a true/false question. */
export const TRUE_FALSE_OPTIONS = ["true", "false"] as const;

export interface QuestionOption {
  id: string;
  textAr: string;
  textEn: string;
}

/** The correct answer: option ids (single, multiple, true/false) or a number with a tolerance, as decimal strings. */
export type AnswerKey = { optionIds: string[] } | { value: string; tolerance: string };

/** What a trainee answered: chosen option ids, or a number typed as a decimal string (Latin digits). */
export type AnswerResponse = { optionIds: string[] } | { value: string };

export interface GradableQuestion {
  kind: QuestionKind;
  points: number;
  answerKey: AnswerKey;
}

/** Points per question: whole numbers, 1–10. */
export const MIN_POINTS = 1;
export const MAX_POINTS = 10;
/** Options per choice question. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** Time limits, in minutes. */
export const MAX_TIME_LIMIT_MINUTES = 600;
/**
 * A save or submission arriving this long after the deadline is still taken: the trainee
 * answered in time and the request was on its way (a slow or dropped connection).
 */
export const DEADLINE_GRACE_SECONDS = 30;

/**
 * A workshop counts as fully attended when the trainee was present at least this share of it
 * (virtual meeting reports give minutes); below it, attendance counts pro rata.
 */
export const FULL_ATTENDANCE_SHARE = 0.9;

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A number typed by a trainee, normalised: Arabic-Indic and Persian digits, the Arabic decimal
 * separator (and the Arabic or Latin comma as one), the Arabic thousands separator, spaces and
 * direction marks (pasted with right-to-left text) are accepted, as are "+5", ".5" and "5.".
 */
export function normaliseDecimal(input: string): string | null {
  const latin = input
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\u066B\u060C,]/g, ".")
    .replace(/[\u066C\s\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "")
    .replace(/^\u2212/, "-")
    .replace(/^\+/, "")
    .replace(/^(-?)\.(?=\d)/, (_, sign: string) => `${sign}0.`)
    .replace(/(\d)\.$/, "$1");
  return DECIMAL.test(latin) ? latin : null;
}

/** Decimal strings compared exactly (scaled to integers), so 0.1 + 0.2 style errors cannot decide a grade. */
function toScaled(value: string, scale: number): bigint {
  const negative = value.startsWith("-");
  const [whole, fraction = ""] = value.replace(/^-/, "").split(".");
  const digits = BigInt(whole + fraction.padEnd(scale, "0").slice(0, scale));
  return negative ? -digits : digits;
}

function decimals(value: string): number {
  return value.includes(".") ? value.split(".")[1]!.length : 0;
}

/** Whether a response answers a question correctly. An empty or malformed response is wrong. */
export function isCorrect(question: Pick<GradableQuestion, "kind" | "answerKey">, response: AnswerResponse | null): boolean {
  if (!response) return false;
  const key = question.answerKey;
  if (question.kind === "numeric") {
    if (!("value" in key) || !("value" in response)) return false;
    const given = normaliseDecimal(response.value);
    if (given === null) return false;
    const scale = Math.max(decimals(given), decimals(key.value), decimals(key.tolerance));
    const diff = toScaled(given, scale) - toScaled(key.value, scale);
    const tolerance = toScaled(key.tolerance, scale);
    return (diff < 0n ? -diff : diff) <= tolerance;
  }
  if (!("optionIds" in key) || !("optionIds" in response)) return false;
  const chosen = new Set(response.optionIds);
  // Nothing chosen is never right (not even against a key left empty by mistake).
  if (chosen.size === 0 || (question.kind !== "multiple" && chosen.size !== 1)) return false;
  const expected = new Set(key.optionIds);
  return chosen.size === expected.size && [...chosen].every((id) => expected.has(id));
}

/** Points earned: all or nothing per question (partial credit would reward ticking every box). */
export function pointsFor(question: GradableQuestion, response: AnswerResponse | null): number {
  return isCorrect(question, response) ? question.points : 0;
}

/** A score as a whole percentage, rounded half up; null without a maximum. */
export function percent(score: number | null, max: number): number | null {
  if (score === null || max <= 0) return null;
  return Math.floor((score * 100) / max + 0.5);
}

/**
 * The share of one workshop a trainee attended, 0–1: minutes present over the workshop's
 * length (≥ FULL_ATTENDANCE_SHARE counts as all of it); a check-in without minutes counts as present.
 */
export function workshopAttendance(minutesPresent: number | null, workshopMinutes: number): number {
  if (minutesPresent === null) return 1;
  if (workshopMinutes <= 0) return minutesPresent > 0 ? 1 : 0;
  const share = Math.max(0, minutesPresent) / workshopMinutes;
  return share >= FULL_ATTENDANCE_SHARE ? 1 : share;
}

/**
 * Whether a workshop of a programme is "held" at `now` (an ISO instant): not cancelled and started.
 * Held workshops are those attendance is measured over, so a trainee checked in at a workshop in
 * progress counts as present without waiting for its end. The one definition, server and web.
 */
export function isWorkshopHeld(w: { startsAt: string; status: string }, now: string): boolean {
  return w.status !== "cancelled" && w.startsAt <= now;
}

/** Attendance of a programme: the mean over the workshops held so far (started, not cancelled), as a whole percentage. */
export function attendancePercent(shares: readonly number[], workshopsHeld: number): number {
  if (workshopsHeld <= 0) return 0;
  const total = shares.reduce((sum, s) => sum + Math.min(1, Math.max(0, s)), 0);
  return Math.floor((total * 100) / workshopsHeld + 0.5);
}

export interface CompletionRule {
  minAttendancePct: number;
  minPostScorePct: number;
  requireSurvey: boolean;
}

export interface CompletionFacts {
  attendancePct: number;
  /** Held workshops of the programme (started, not cancelled): 0 means attendance cannot be met yet. */
  workshopsHeld: number;
  /** The programme has a published post-test. */
  hasPostTest: boolean;
  postScorePct: number | null;
  surveyDone: boolean;
}

export const COMPLETION_REQUIREMENTS = ["attendance", "post_test", "survey"] as const;
export type CompletionRequirement = (typeof COMPLETION_REQUIREMENTS)[number];

/** What is still missing for completion (empty when complete). Trainers see this list per trainee. */
export function missingForCompletion(rule: CompletionRule, facts: CompletionFacts): CompletionRequirement[] {
  const missing: CompletionRequirement[] = [];
  if (rule.minAttendancePct > 0 && (facts.workshopsHeld === 0 || facts.attendancePct < rule.minAttendancePct)) missing.push("attendance");
  if (facts.hasPostTest && rule.minPostScorePct >= 0 && (facts.postScorePct === null || facts.postScorePct < rule.minPostScorePct)) missing.push("post_test");
  if (rule.requireSurvey && !facts.surveyDone) missing.push("survey");
  return missing;
}

/** What the satisfaction survey waits for: the trainee's post-test, or the programme's last workshop. */
export type SurveyWait = "post_test" | "last_workshop";

/**
 * The satisfaction survey is answered at the end of a programme. It opens once the trainee has
 * submitted the post-test or, when the programme has no published post-test, once its last workshop
 * that is not cancelled is held (has started, as `isWorkshopHeld` says). A programme with neither
 * has nothing to wait for. Returns what it still waits for, or null when the trainee may answer.
 */
export function surveyWaitsFor(facts: { hasPostTest: boolean; postSubmitted: boolean; workshops: readonly { status: string; held: boolean }[] }): SurveyWait | null {
  if (facts.hasPostTest) return facts.postSubmitted ? null : "post_test";
  return facts.workshops.every((w) => w.status === "cancelled" || w.held) ? null : "last_workshop";
}

/** Awareness gain: post minus pre, in percentage points; null unless both were taken. */
export function gain(prePct: number | null, postPct: number | null): number | null {
  return prePct === null || postPct === null ? null : postPct - prePct;
}

export const SURVEY_ITEM_KINDS = ["scale", "text"] as const;
export type SurveyItemKind = (typeof SURVEY_ITEM_KINDS)[number];

export interface SurveyItem {
  id: string;
  kind: SurveyItemKind;
  textAr: string;
  textEn: string;
}

/** The satisfaction survey a new programme starts with (the programme's managers may change it). */
export const DEFAULT_SURVEY: readonly SurveyItem[] = [
  { id: "content", kind: "scale", textAr: "مدى فائدة المحتوى لعملي", textEn: "How useful the content is for my work" },
  { id: "trainer", kind: "scale", textAr: "أداء المدرب ووضوح العرض", textEn: "The trainer and the clarity of the presentation" },
  { id: "organisation", kind: "scale", textAr: "تنظيم الورشة والمنصة", textEn: "The organisation of the workshop and the platform" },
  { id: "overall", kind: "scale", textAr: "رضاي العام عن البرنامج", textEn: "My overall satisfaction with the programme" },
  { id: "improve", kind: "text", textAr: "ما الذي يمكن تحسينه؟", textEn: "What could be improved?" },
];

/** Scale answers are whole numbers 1–5. */
export const SCALE_MIN = 1;
export const SCALE_MAX = 5;

/** Certificate codes: 12 characters of an alphabet without look-alikes, shown in groups of four (RFD-XXXX-XXXX-XXXX). */
export const CERTIFICATE_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const CERTIFICATE_CODE_PATTERN = /^RFD-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}-[23456789A-HJ-NP-Z]{4}$/;

/** A code as typed (lower case, spaces, missing dashes) in its canonical form, or null. */
export function canonicalCertificateCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = raw.startsWith("RFD") ? raw.slice(3) : raw;
  if (body.length !== 12) return null;
  const code = `RFD-${body.slice(0, 4)}-${body.slice(4, 8)}-${body.slice(8, 12)}`;
  return CERTIFICATE_CODE_PATTERN.test(code) ? code : null;
}
