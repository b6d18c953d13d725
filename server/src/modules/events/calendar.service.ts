import ical, { ICalCalendarMethod } from "ical-generator";
import { tzlib_get_ical_block } from "timezones-ical-library";
import { formatDate } from "../../../../common/dates.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { hashSecret, newSecret, nowIso } from "../../lib/tokens.js";
import type { Actor } from "../../policies/index.js";
import type { OutgoingAttachment } from "../admin/outbox.repository.js";
import type { EventRow } from "./events.repository.js";
import type { EventsService } from "./events.service.js";

type Presented = Awaited<ReturnType<EventsService["getEvent"]>>;

const MAIL_FILES_KEPT = 500;

/** VTIMEZONE blocks from the IANA data that timezones-ical-library ships (no network). */
function vtimezone(zone: string): string | null {
  const block = tzlib_get_ical_block(zone);
  return Array.isArray(block) && typeof block[0] === "string" && block[0].startsWith("BEGIN:VTIMEZONE") ? block[0] : null;
}

/**
 * RFC 5545 calendars: one event's .ics (from its page, attached to invitations) and
 * a personal feed of "my events" behind a secret URL token.
 */
export function createCalendarService(deps: Deps, events: EventsService) {
  const { db, config } = deps;

  function calendar(name: string) {
    return ical({ name, prodId: { company: "Rifada", product: "events", language: "AR" }, timezone: { name: null, generator: vtimezone } });
  }

  function addEvent(cal: ReturnType<typeof calendar>, e: Presented, hostEmail: string | null) {
    const hijri = (locale: "ar" | "en") => formatDate(e.startsAt, { locale, digits: "latn", calendar: "hijri", timeZone: e.timeZone, weekday: true });
    const gregorian = formatDate(e.startsAt, { locale: "en", digits: "latn", calendar: "gregorian", timeZone: e.timeZone, weekday: true });
    const description = [
      `${e.titleAr}`,
      `${hijri("ar")} — ${hijri("en")} (${gregorian})`,
      e.descriptionAr ?? "",
      e.descriptionEn ?? "",
      e.joinUrl ? `Join / الانضمام: ${e.joinUrl}` : "",
      `${config.publicUrl}/events/${e.id}`,
    ].filter(Boolean).join("\n\n");
    const location = [e.venueAr, e.venueEn].filter(Boolean).join(" — ") || (e.joinUrl ?? (e.mode === "virtual" ? "Online / عن بُعد" : ""));
    cal.createEvent({
      id: `${e.id}@rifada`,
      // With a TZID, ical-generator writes a native Date's UTC fields as the wall time:
      // hand it the event's wall clock "as if UTC" so DTSTART;TZID=Asia/Riyadh reads 20:00, not 17:00.
      start: new Date(`${e.startsLocal}:00Z`),
      end: new Date(`${e.endsLocal}:00Z`),
      timezone: e.timeZone,
      summary: `${e.titleEn} | ${e.titleAr}`,
      description,
      location: location || null,
      url: `${config.publicUrl}/events/${e.id}`,
      organizer: { name: e.host.nameEn, email: hostEmail ?? "no-reply@rifada.local" },
      lastModified: new Date(e.updatedAt),
      status: e.status === "cancelled" ? ("CANCELLED" as never) : ("CONFIRMED" as never),
    });
  }

  /** Calendar files for emails by event version (oldest dropped first). */
  const mailFiles = new Map<string, OutgoingAttachment>();

  async function hostEmail(organisationId: string) {
    const row = await db.selectFrom("organisations").select("email").where("id", "=", organisationId).executeTakeFirst();
    return row?.email ?? null;
  }

  return {
    /** One event as an .ics file (for whoever may read the event). */
    async eventIcs(actor: Actor | null, eventId: string): Promise<{ filename: string; body: string }> {
      const e = await events.getEvent(actor, eventId);
      const cal = calendar(e.titleEn);
      cal.method(ICalCalendarMethod.PUBLISH);
      addEvent(cal, e, await hostEmail(e.host.id));
      return { filename: `rifada-${e.id.slice(0, 8)}.ics`, body: cal.toString() };
    },

    /**
     * The event's .ics for an email. Call it before opening a transaction (it reads
     * through the main connection). The join link goes only to those who take part.
     */
    async mailAttachment(row: EventRow, options: { withJoinLink: boolean }): Promise<OutgoingAttachment> {
      // Every registration mails the same file: build it once per version of the event.
      const key = `${row.id}|${row.updatedAt}|${options.withJoinLink}`;
      const cached = mailFiles.get(key);
      if (cached) return cached;
      const e = await events.present(null, row);
      const cal = calendar(e.titleEn);
      cal.method(ICalCalendarMethod.PUBLISH);
      addEvent(cal, { ...e, joinUrl: options.withJoinLink ? row.joinUrl : null }, await hostEmail(e.host.id));
      const file = { filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: cal.toString() };
      if (mailFiles.size >= MAIL_FILES_KEPT) mailFiles.delete(mailFiles.keys().next().value!);
      mailFiles.set(key, file);
      return file;
    },

    /** Create or replace the actor's feed secret; the old URL stops working. */
    async rotateFeed(actor: Actor): Promise<{ url: string }> {
      const token = newSecret("cal_");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom("calendarFeeds").where("userId", "=", actor.userId).execute();
        await tx.insertInto("calendarFeeds").values({ userId: actor.userId, tokenHash: hashSecret(token), createdAt: now }).execute();
      });
      return { url: `${config.publicUrl}/api/calendar/${token}.ics` };
    },

    /**
     * The events of the feed's owner (hosted by, or inviting, their organisation, or registered for),
     * as that user may see them.
     * @throws AppError NOT_FOUND for an unknown or rotated token
     */
    async feed(token: string, resolveUser: (userId: string) => Promise<Actor | null>): Promise<string> {
      const row = await db.selectFrom("calendarFeeds").select("userId").where("tokenHash", "=", hashSecret(token)).executeTakeFirst();
      const actor = row ? await resolveUser(row.userId) : null;
      if (!actor) throw new AppError("NOT_FOUND");
      // The next 100 events and the 50 most recent past ones keep the feed small and useful.
      const upcoming = await events.findEvents(actor, { mine: true, when: "upcoming", pageSize: 100 });
      const past = await events.findEvents(actor, { mine: true, when: "past", pageSize: 50 });
      const cal = calendar(actor.locale === "ar" ? "فعالياتي في رفادة" : "My Rifada events");
      for (const e of [...past.items.reverse(), ...upcoming.items]) addEvent(cal, e, await hostEmail(e.host.id));
      return cal.toString();
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
