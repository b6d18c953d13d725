import { ACTION_REMINDER_DAYS } from "../../../../common/followup.js";
import type { Deps } from "../../deps.js";
import { nowIso } from "../../lib/tokens.js";
import { actionsRepository } from "./actions.repository.js";
import { addDays, daysBetween, todayIso } from "./followup-dates.js";
import { queueActionMail } from "./followup-mail.js";

const BATCH = 100;

/**
 * Action reminders: {@link ACTION_REMINDER_DAYS} days before an open action is due, and once when
 * it becomes overdue, the assigned organisation's admins (and the assigned person's account) get a
 * message in their language with the due date in Hijri and Gregorian. Each reminder is claimed with
 * a conditional update first, so several app nodes never send it twice.
 */
export function createActionRemindersService(deps: Deps) {
  const { db, config } = deps;
  const repo = actionsRepository(db);

  return {
    /**
     * Queue the reminders due at `now`.
     * @returns how many actions were reminded (due soon), notified (overdue), and messages queued
     */
    async queueDue(now: Date = new Date()): Promise<{ reminded: number; overdue: number; messages: number }> {
      const today = todayIso(now);
      const result = { reminded: 0, overdue: 0, messages: 0 };
      for (const candidate of await repo.due(today, addDays(today, ACTION_REMINDER_DAYS), BATCH)) {
        const action = await repo.findById(candidate.id);
        if (!action || !action.dueOn) continue;
        const kind = action.dueOn < today ? "overdue" : "due";
        const queued = await db.transaction().execute(async (tx) => {
          if (!(await repo.claim(tx, action.id, kind === "due" ? "remindedAt" : "overdueNotifiedAt", nowIso()))) return null;
          const recipients = await repo.recipients(tx, action.organisationId, action.personId);
          return queueActionMail(tx, kind, {
            recipients,
            action: { id: action.id, titleAr: action.titleAr, titleEn: action.titleEn, dueOn: action.dueOn!, recommendationId: action.recommendationId },
            recommendation: { reference: action.recReference, textAr: action.recTextAr, textEn: action.recTextEn },
            days: Math.abs(daysBetween(today, action.dueOn!)),
            publicUrl: config.publicUrl,
          });
        });
        if (queued === null) continue;
        result[kind === "due" ? "reminded" : "overdue"]++;
        result.messages += queued;
      }
      return result;
    },
  };
}

/**
 * Look for due action reminders every few minutes (first run at once); the timer does not keep
 * the process alive.
 * @returns stop: waits for a run in progress
 */
export function startActionReminders(deps: Deps, intervalMinutes = 5): () => Promise<void> {
  const service = createActionRemindersService(deps);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = service
      .queueDue()
      .then((r) => {
        if (r.reminded || r.overdue) deps.log.info(r, "action reminders queued");
      })
      .catch((err: unknown) => deps.log.error({ err }, "action reminders failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, intervalMinutes * 60_000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
