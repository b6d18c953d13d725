import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import type { Actor } from "../../policies/actor.js";
import { mayManageProgramme, mayReadProgramme } from "../../policies/training.js";
import { enrolmentOfActor, loadProgramme, withGroups, type EnrolmentRow, type LoadedProgramme } from "./training-access.js";

export interface ProgrammeForCaller {
  programme: LoadedProgramme;
  /** The caller manages the programme (question bank, tests, everyone's results). */
  manages: boolean;
  /** The caller's own active enrolment, if he is a trainee of it. */
  enrolment: EnrolmentRow | null;
}

/**
 * The programme as its tests and survey see the caller: a manager, a trainee (an enrolled trainee
 * takes its tests even when the programme is not otherwise visible to his organisation), or a reader.
 * @throws TRAINING_PROGRAMME_NOT_FOUND when he is none of these
 */
export async function programmeForCaller(db: Kysely<DB>, actor: Actor, id: string): Promise<ProgrammeForCaller> {
  const programme = await loadProgramme(db, id);
  if (!programme) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
  const a = (await withGroups(db, actor))!;
  const manages = mayManageProgramme(a, programme);
  const enrolment = await enrolmentOfActor(db, programme.id, a);
  if (!manages && !enrolment && !mayReadProgramme(a, programme)) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
  return { programme, manages, enrolment };
}

/**
 * The caller's enrolment in the programme (he is the trainee).
 * @throws TRAINING_PROGRAMME_NOT_FOUND, TRAINING_NOT_ENROLLED
 */
export async function programmeForTrainee(db: Kysely<DB>, actor: Actor, id: string): Promise<{ programme: LoadedProgramme; enrolment: EnrolmentRow }> {
  const { programme, enrolment } = await programmeForCaller(db, actor, id);
  if (!enrolment) throw new AppError("TRAINING_NOT_ENROLLED");
  return { programme, enrolment };
}
