import { sql, type Kysely } from "kysely";
import type { SurveyItem } from "../../../../common/training.js";
import type { DB, TrainingEnrolmentTable } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/actor.js";
import { mayManageProgramme, mayReadProgramme, type ProgrammeAccess } from "../../policies/training.js";
import { touchEnrolmentFacts } from "./facts-version.js";

/** A programme with what the policies and the completion rule need. Shared by the training services. */
export interface LoadedProgramme extends ProgrammeAccess {
  id: string;
  code: string;
  seasonId: string;
  titleAr: string;
  titleEn: string;
  enrolment: string;
  minAttendancePct: number;
  minPostScorePct: number;
  requireSurvey: boolean;
  survey: SurveyItem[];
  version: number;
  /** Changes whenever what the programme's results are computed from changes (facts-version.ts). */
  factsVersion: number;
  archivedAt: string | null;
}

export type EnrolmentRow = TrainingEnrolmentTable;

/** The programme with its owners, or null. */
export async function loadProgramme(db: Kysely<DB>, id: string): Promise<LoadedProgramme | null> {
  const row = await db.selectFrom("trainingProgrammes").selectAll().where("id", "=", id).executeTakeFirst();
  if (!row) return null;
  const owners = await db.selectFrom("trainingProgrammeOwners").select("organisationId").where("programmeId", "=", id).orderBy("position").execute();
  return {
    id: row.id,
    code: row.code,
    seasonId: row.seasonId,
    titleAr: row.titleAr,
    titleEn: row.titleEn,
    organisationId: row.organisationId,
    ownerIds: owners.map((o) => o.organisationId),
    status: row.status,
    visibility: row.visibility,
    shareGroupId: row.shareGroupId,
    enrolment: row.enrolment,
    minAttendancePct: row.minAttendancePct,
    minPostScorePct: row.minPostScorePct,
    requireSurvey: row.requireSurvey === 1,
    survey: JSON.parse(row.survey) as SurveyItem[],
    version: row.version,
    factsVersion: Number(row.factsVersion),
    archivedAt: row.archivedAt,
  };
}

/** Loads the group ids `actor` belongs to (group-shared programmes need them). */
export async function withGroups(db: Kysely<DB>, actor: Actor | null): Promise<Actor | null> {
  if (!actor || actor.groupIds) return actor;
  const rows = await db
    .selectFrom("groupMembers")
    .innerJoin("groups", "groups.id", "groupMembers.groupId")
    .select("groupMembers.groupId")
    .where("groupMembers.organisationId", "=", actor.organisationId)
    .where("groups.archivedAt", "is", null)
    .execute();
  actor.groupIds = new Set(rows.map((r) => r.groupId));
  return actor;
}

/** @throws TRAINING_PROGRAMME_NOT_FOUND when it does not exist or the actor may not read it */
export async function programmeForRead(db: Kysely<DB>, actor: Actor | null, id: string): Promise<LoadedProgramme> {
  const p = await loadProgramme(db, id);
  if (!p || !mayReadProgramme(await withGroups(db, actor), p)) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
  return p;
}

/** @throws TRAINING_PROGRAMME_NOT_FOUND (cannot read), UNAUTHENTICATED or FORBIDDEN (reads but does not manage) */
export async function programmeForManage(db: Kysely<DB>, actor: Actor | null, id: string): Promise<LoadedProgramme> {
  const p = await loadProgramme(db, id);
  const a = await withGroups(db, actor);
  if (!p || (!mayReadProgramme(a, p) && !mayManageProgramme(a, p))) throw new AppError(actor ? "TRAINING_PROGRAMME_NOT_FOUND" : "UNAUTHENTICATED");
  if (!mayManageProgramme(a, p)) throw new AppError(actor ? "FORBIDDEN" : "UNAUTHENTICATED");
  return p;
}

/**
 * The actor's own active enrolment in the programme, or null. A trainee enrolled by his admin
 * (as a person of the directory) is recognised by his linked person or, until the first time,
 * by his email; that first time links the enrolment to his account.
 */
export async function enrolmentOfActor(db: Kysely<DB>, programmeId: string, actor: Actor): Promise<EnrolmentRow | null> {
  const row = await db
    .selectFrom("trainingEnrolments as e")
    .innerJoin("people as p", "p.id", "e.personId")
    .selectAll("e")
    .where("e.programmeId", "=", programmeId)
    .where("e.status", "=", "enrolled")
    .where((eb) =>
      eb.or([
        eb("e.userId", "=", actor.userId),
        ...(actor.personId ? [eb("e.personId", "=", actor.personId)] : []),
        eb.and([eb("e.userId", "is", null), eb(sql<string>`lower(p.email)`, "=", actor.email.toLowerCase())]),
      ]),
    )
    .orderBy(sql`case when e.user_id = ${actor.userId} then 0 else 1 end`)
    .executeTakeFirst();
  if (!row) return null;
  if (row.userId === null) {
    // His attendance is matched by his account too from now on: the programme's facts change.
    await db.transaction().execute(async (tx) => {
      await tx.updateTable("trainingEnrolments").set({ userId: actor.userId, updatedAt: nowIso() }).where("id", "=", row.id).where("userId", "is", null).execute();
      await touchEnrolmentFacts(tx, row.id);
    });
    row.userId = actor.userId;
  }
  return row;
}

/** @throws TRAINING_NOT_ENROLLED */
export async function requireEnrolmentOfActor(db: Kysely<DB>, programmeId: string, actor: Actor | null): Promise<EnrolmentRow> {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  const row = await enrolmentOfActor(db, programmeId, actor);
  if (!row) throw new AppError("TRAINING_NOT_ENROLLED");
  return row;
}
