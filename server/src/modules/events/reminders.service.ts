import { formatDate, formatTime, formatTimeZoneName, type DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { translate } from "../../lib/i18n.js";
import { nowIso } from "../../lib/tokens.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import { createCalendarService } from "./calendar.service.js";
import { eventsRepository } from "./events.repository.js";
import { createEventsService } from "./events.service.js";

/** Reminders go out this long before an event starts ("the day before"). */
export const REMINDER_HOURS_BEFORE = 24;

interface Recipient {
  email: string;
  name: string;
  locale: Locale;
  digits: DateDigits;
  organisationId: string;
}

/**
 * The day-before reminder: for each published event starting within the next 24 hours
 * that has not had one, queue a message (with the calendar file) to every confirmed
 * registrant and every delegate, each in their language. An event is claimed with a
 * conditional update first, so several app nodes never remind twice.
 */
export function createRemindersService(deps: Deps) {
  const { db, config } = deps;
  const events = createEventsService(deps);
  const calendar = createCalendarService(deps, events);
  const repo = eventsRepository(db);

  async function recipients(eventId: string): Promise<Recipient[]> {
    const registrants = await db
      .selectFrom("registrations")
      .innerJoin("users", "users.id", "registrations.userId")
      .select(["users.email", "users.name", "users.locale", "users.digits", "registrations.organisationId"])
      .where("registrations.eventId", "=", eventId)
      .where("registrations.status", "=", "confirmed")
      .where("users.disabledAt", "is", null)
      .execute();
    const delegates = await db
      .selectFrom("delegationMembers")
      .innerJoin("people", "people.id", "delegationMembers.personId")
      .leftJoin("users", (join) => join.onRef("users.personId", "=", "people.id").on("users.disabledAt", "is", null))
      .select(["people.email as personEmail", "people.nameAr", "people.nameEn", "people.preferredLanguage", "users.email as userEmail", "users.locale", "users.digits", "delegationMembers.organisationId"])
      .where("delegationMembers.eventId", "=", eventId)
      .execute();
    const byEmail = new Map<string, Recipient>();
    for (const r of registrants) byEmail.set(r.email.toLowerCase(), { email: r.email, name: r.name, locale: r.locale as Locale, digits: r.digits as DateDigits, organisationId: r.organisationId });
    for (const d of delegates) {
      const email = d.userEmail ?? d.personEmail;
      if (!email || byEmail.has(email.toLowerCase())) continue;
      const locale = (d.locale ?? (d.preferredLanguage === "en" ? "en" : "ar")) as Locale;
      byEmail.set(email.toLowerCase(), { email, name: locale === "ar" ? d.nameAr : d.nameEn, locale, digits: (d.digits ?? "arab") as DateDigits, organisationId: d.organisationId });
    }
    return [...byEmail.values()];
  }

  return {
    /**
     * Queue the reminders that are due at `now`.
     * @returns how many events were reminded and how many messages queued
     */
    async queueDue(now: Date = new Date()): Promise<{ events: number; messages: number }> {
      const horizon = new Date(now.getTime() + REMINDER_HOURS_BEFORE * 3_600_000).toISOString();
      const due = await db
        .selectFrom("events")
        .select("id")
        .where("status", "=", "published")
        .where("archivedAt", "is", null)
        .where("reminderSentAt", "is", null)
        .where("startsAt", ">", now.toISOString())
        .where("startsAt", "<=", horizon)
        .orderBy("startsAt")
        .limit(50)
        .execute();
      let reminded = 0;
      let messages = 0;
      for (const { id } of due) {
        const row = await repo.findById(id);
        if (!row) continue;
        const people = await recipients(id);
        const ics = await calendar.mailAttachment(row, { withJoinLink: true });
        const link = `${config.publicUrl}/events/${id}`;
        const claimed = await db.transaction().execute(async (tx) => {
          const claim = await tx.updateTable("events").set({ reminderSentAt: nowIso() }).where("id", "=", id).where("reminderSentAt", "is", null).executeTakeFirst();
          if (Number(claim.numUpdatedRows) !== 1) return false;
          for (const p of people) {
            const ar = p.locale === "ar";
            const dateOpts = { locale: p.locale, digits: p.digits, timeZone: row.timeZone, weekday: true } as const;
            const date = `${formatDate(row.startsAt, { ...dateOpts, calendar: "hijri" })} (${formatDate(row.startsAt, { ...dateOpts, weekday: false, calendar: "gregorian" })})`;
            const venue = ar ? (row.venueAr ?? row.venueEn) : (row.venueEn ?? row.venueAr);
            const where = venue ? translate(p.locale, "emails.event_where_venue", { venue }) : translate(p.locale, "emails.event_where_online");
            await insertOutbox(tx, {
              organisationId: p.organisationId,
              toEmail: p.email,
              kind: "event_reminder",
              locale: p.locale,
              subject: translate(p.locale, "emails.event_reminder_subject", { title: ar ? row.titleAr : row.titleEn }),
              body: translate(p.locale, "emails.event_reminder_body", {
                name: p.name,
                title: ar ? row.titleAr : row.titleEn,
                date,
                time: formatTime(row.startsAt, { locale: p.locale, digits: p.digits, timeZone: row.timeZone }),
                zone: formatTimeZoneName(row.timeZone, row.startsAt, p.locale),
                where,
                link,
              }),
              attachments: [ics],
            });
          }
          return true;
        });
        if (claimed) {
          reminded++;
          messages += people.length;
        }
      }
      return { events: reminded, messages };
    },
  };
}

/**
 * Look for due reminders every few minutes (first run at once); the timer does not
 * keep the process alive.
 * @returns stop: waits for a run in progress
 */
export function startReminders(deps: Deps, intervalMinutes = 5): () => Promise<void> {
  const service = createRemindersService(deps);
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running) return;
    running = service
      .queueDue()
      .then((r) => {
        if (r.events) deps.log.info(r, "event reminders queued");
      })
      .catch((err: unknown) => deps.log.error({ err }, "event reminders failed"))
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
