import { AppError } from "../lib/errors.js";
import type { Actor, Owned } from "./actor.js";
import { can } from "./index.js";
import { mayManageProgramme, type ProgrammeAccess } from "./training.js";

/**
 * Who may record attendance at an event — see the attendance list, check people in and undo it,
 * import a virtual platform's report, show the self check-in QR code: those granted
 * `event.attendance` on the event (its host's admins, coordinators), and those who manage a
 * training programme the event delivers (the admins and trainers of the programme's owners), who
 * take the attendance of their trainees but may not edit the event itself (`event.update`).
 * @param event the event as the policies see it (events.service `ownership`)
 * @param delivered the training programmes the event delivers
 */
export function mayRecordAttendance(actor: Actor | null, event: Owned, delivered: readonly ProgrammeAccess[]): boolean {
  return can(actor, "event.attendance", event) || delivered.some((p) => mayManageProgramme(actor, p));
}

/** @throws AppError UNAUTHENTICATED, FORBIDDEN unless `mayRecordAttendance` */
export function authorizeAttendance(actor: Actor | null, event: Owned, delivered: readonly ProgrammeAccess[]): void {
  if (mayRecordAttendance(actor, event, delivered)) return;
  throw new AppError(actor ? "FORBIDDEN" : "UNAUTHENTICATED");
}
