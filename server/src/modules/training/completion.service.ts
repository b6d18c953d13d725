import type { Kysely } from "kysely";
import {
  attendancePercent,
  gain,
  isWorkshopHeld,
  missingForCompletion,
  percent,
  workshopAttendance,
  type CompletionRequirement,
  type CompletionRule,
} from "../../../../common/training.js";
import type { DB } from "../../db/schema.js";
import { nowIso } from "../../lib/tokens.js";
import { finaliseExpiredAttempts } from "./attempts.service.js";
import { completionRepository, type EnrolmentScope, type WorkshopRow } from "./completion.repository.js";

/** One trainee's completion facts, computed from the data (nothing about completion is stored). */
export interface TraineeFacts {
  enrolmentId: string;
  personId: string;
  userId: string | null;
  organisationId: string;
  country: string | null;
  nameAr: string;
  nameEn: string;
  email: string | null;
  /** What the trainee is found by (directory/search.ts): a results search matches it in memory. */
  searchText: string;
  /** Over the workshops held so far (started, not cancelled). */
  attendancePct: number;
  /** Share (0–1) of each held workshop attended, by event id (absent: not attended). */
  shares: Map<string, number>;
  prePct: number | null;
  postPct: number | null;
  gain: number | null;
  surveyDone: boolean;
  postSubmittedAt: string | null;
  surveySubmittedAt: string | null;
  missing: CompletionRequirement[];
}

export interface ProgrammeFacts {
  rule: CompletionRule;
  /** Every linked workshop, earliest first. */
  workshops: WorkshopRow[];
  /** Those held so far: started (in progress or ended), not cancelled. Attendance is measured over these. */
  held: WorkshopRow[];
  hasPostTest: boolean;
  trainees: TraineeFacts[];
}

/** Length of a workshop in whole minutes. */
export function workshopMinutes(w: Pick<WorkshopRow, "startsAt" | "endsAt">): number {
  return Math.round((Date.parse(w.endsAt) - Date.parse(w.startsAt)) / 60_000);
}

/**
 * Whether a workshop counts for attendance at `now`: it has started and was not cancelled
 * (common/training.ts `isWorkshopHeld`). A trainee checked in at a workshop still in progress
 * counts as present at once: completion does not wait for the workshop's end.
 */
export function isHeld(w: Pick<WorkshopRow, "startsAt" | "status">, now: string): boolean {
  return isWorkshopHeld(w, now);
}

/**
 * Completion facts of a programme's active enrolments (or of the part `scope` names), with one
 * query per kind of fact: who, submitted tests and survey; attendance at the held workshops
 * (started, not cancelled).
 * The rule and the arithmetic are common/training.ts's, so the web computes the same answers.
 * Attempts whose time ran out are graded first, so that their scores count.
 * @param programme the programme's id and completion rule
 */
export async function computeProgrammeFacts(
  db: Kysely<DB>,
  programme: { id: string } & CompletionRule,
  scope: EnrolmentScope = {},
  now: string = nowIso(),
): Promise<ProgrammeFacts> {
  const repo = completionRepository(db);
  await finaliseExpiredAttempts(db, new Date(now));
  const [workshops, hasPostTest, rows] = await Promise.all([
    repo.workshops(programme.id),
    repo.hasPublishedPostTest(programme.id),
    repo.enrolmentFacts(programme.id, scope),
  ]);
  const held = workshops.filter((w) => isHeld(w, now));
  const lengths = new Map(held.map((w) => [w.id, workshopMinutes(w)]));
  const attendance = await repo.attendanceFacts(held.map((w) => w.id), rows);
  const sharesOf = new Map<string, Map<string, number>>();
  // Most trainees of a large programme share this one (read-only) empty map.
  const none = new Map<string, number>();
  for (const a of attendance) {
    const share = a.unmeasured ? workshopAttendance(null, lengths.get(a.eventId) ?? 0) : workshopAttendance(a.maxMinutes ?? 0, lengths.get(a.eventId) ?? 0);
    let m = sharesOf.get(a.enrolmentId);
    if (!m) sharesOf.set(a.enrolmentId, (m = new Map()));
    m.set(a.eventId, share);
  }
  const rule: CompletionRule = { minAttendancePct: programme.minAttendancePct, minPostScorePct: programme.minPostScorePct, requireSurvey: programme.requireSurvey };
  const trainees = rows.map((r): TraineeFacts => {
    const shares = sharesOf.get(r.id) ?? none;
    const attendancePct = attendancePercent([...shares.values()], held.length);
    const prePct = r.preMax === null ? null : percent(r.preScore, r.preMax);
    const postPct = r.postMax === null ? null : percent(r.postScore, r.postMax);
    const surveyDone = r.surveySubmittedAt !== null;
    return {
      enrolmentId: r.id,
      personId: r.personId,
      userId: r.userId,
      organisationId: r.organisationId,
      country: r.country,
      nameAr: r.nameAr,
      nameEn: r.nameEn,
      email: r.email,
      searchText: r.searchText,
      attendancePct,
      shares,
      prePct,
      postPct,
      gain: gain(prePct, postPct),
      surveyDone,
      postSubmittedAt: r.postSubmittedAt,
      surveySubmittedAt: r.surveySubmittedAt,
      missing: missingForCompletion(rule, { attendancePct, workshopsHeld: held.length, hasPostTest, postScorePct: postPct, surveyDone }),
    };
  });
  return { rule, workshops, held, hasPostTest, trainees };
}
