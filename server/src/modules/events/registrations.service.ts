import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { lockRow } from "../../db/dialect.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import type { Executor } from "../admin/audit.repository.js";
import type { OutgoingAttachment } from "../admin/outbox.repository.js";
import type { CalendarService } from "./calendar.service.js";
import type { EventsService } from "./events.service.js";
import { registrationsRepository } from "./registrations.repository.js";

/**
 * Individual registration for open workshops: first come, first served up to the
 * capacity (and per-organisation quotas), then a waitlist in order of arrival,
 * promoted automatically when a confirmed place is cancelled. Each decision runs in
 * one transaction holding the event's lock, so capacity holds under concurrency.
 */
export function createRegistrationsService(deps: Deps, events: EventsService, calendar: CalendarService) {
  const { db, dialect } = deps;
  const repo = registrationsRepository(db);

  /** Confirmations and promotions carry the calendar file (with the join link: the place is theirs). */
  async function notify(
    tx: Executor,
    userId: string,
    organisationId: string,
    kind: "registration_confirmed" | "registration_waitlisted" | "waitlist_promoted",
    event: { titleAr: string; titleEn: string },
    ics: OutgoingAttachment,
  ) {
    const user = await repo.userEmail(tx, userId);
    const locale = user.locale as Locale;
    await insertOutbox(tx, {
      organisationId,
      toEmail: user.email,
      kind,
      locale,
      subject: translate(locale, `emails.${kind}_subject`, { title: locale === "ar" ? event.titleAr : event.titleEn }),
      body: translate(locale, `emails.${kind}_body`, { name: user.name, title: locale === "ar" ? event.titleAr : event.titleEn }),
      attachments: kind === "registration_waitlisted" ? undefined : [ics],
    });
  }

  /** Confirm waitlisted people, in order, while places (and their organisation's quota) allow. */
  async function promote(tx: Executor, event: { id: string; capacity: number | null; titleAr: string; titleEn: string }, ics: OutgoingAttachment) {
    const quotas = new Map((await repo.quotas(tx, event.id)).map((q) => [q.organisationId, Number(q.quota)]));
    const byOrg = new Map((await repo.confirmedByOrg(tx, event.id)).map((r) => [r.organisationId, Number(r.n)]));
    let confirmed = [...byOrg.values()].reduce((a, b) => a + b, 0);
    for (const waiting of await repo.waitlist(tx, event.id)) {
      if (event.capacity !== null && confirmed >= event.capacity) break;
      const quota = quotas.get(waiting.organisationId);
      if (quota !== undefined && (byOrg.get(waiting.organisationId) ?? 0) >= quota) continue;
      await repo.update(tx, waiting.id, { status: "confirmed", updatedAt: nowIso() });
      confirmed++;
      byOrg.set(waiting.organisationId, (byOrg.get(waiting.organisationId) ?? 0) + 1);
      await notify(tx, waiting.userId, waiting.organisationId, "waitlist_promoted", event, ics);
    }
  }

  return {
    /**
     * Register the actor for an open event. Idempotent: registering again returns the same place.
     * @throws AppError EVENT_NOT_FOUND, REGISTRATION_CLOSED, FORBIDDEN
     */
    async register(actor: Actor, eventId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "registration.create", await events.ownership(actor, row));
      if (row.registration !== "open" || row.status !== "published" || row.endsAt <= nowIso()) throw new AppError("REGISTRATION_CLOSED");
      const ics = await calendar.mailAttachment(row, { withJoinLink: true });
      await db.transaction().execute(async (tx) => {
        await lockRow(tx, dialect, "events", row.id);
        const existing = await repo.find(tx, row.id, actor.userId);
        if (existing && existing.status !== "cancelled") return;
        const counts = await repo.counts(tx, row.id, actor.organisationId);
        const quota = (await repo.quotas(tx, row.id)).find((q) => q.organisationId === actor.organisationId)?.quota ?? null;
        const hasPlace = (row.capacity === null || counts.confirmed < row.capacity) && (quota === null || counts.confirmedOfOrg < Number(quota));
        const status = hasPlace ? "confirmed" : "waitlisted";
        const now = nowIso();
        // A returning registrant goes to the back of the queue, like anyone arriving now.
        const values = { status, sequence: counts.lastSequence + 1, organisationId: actor.organisationId, updatedAt: now };
        if (existing) await repo.update(tx, existing.id, values);
        else await repo.insert(tx, { id: newId(), eventId: row.id, userId: actor.userId, createdAt: now, ...values });
        await notify(tx, actor.userId, actor.organisationId, hasPlace ? "registration_confirmed" : "registration_waitlisted", row, ics);
      });
      return events.getEvent(actor, row.id);
    },

    /** Cancel the actor's registration; a freed place goes to the first on the waitlist. */
    async cancel(actor: Actor, eventId: string) {
      const row = await events.load(actor, eventId);
      const ics = await calendar.mailAttachment(row, { withJoinLink: true });
      await db.transaction().execute(async (tx) => {
        await lockRow(tx, dialect, "events", row.id);
        const existing = await repo.find(tx, row.id, actor.userId);
        if (!existing || existing.status === "cancelled") return;
        await repo.update(tx, existing.id, { status: "cancelled", updatedAt: nowIso() });
        if (existing.status === "confirmed") await promote(tx, row, ics);
      });
      return events.getEvent(actor, row.id);
    },

    /** Who registered, in order, for the host and coordinators. */
    async listRegistrations(actor: Actor, eventId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "registration.read", await events.ownership(actor, row));
      const rows = await repo.list(row.id);
      let waitlistPosition = 0;
      return {
        items: rows.map((r) => ({
          id: r.id,
          status: r.status,
          waitlistPosition: r.status === "waitlisted" ? ++waitlistPosition : null,
          createdAt: r.createdAt,
          // The directory's names in both scripts when the account has an entry; else the account's name.
          user: { id: r.userId, name: r.name, nameAr: r.personNameAr ?? r.name, nameEn: r.personNameEn ?? r.name, email: r.email },
          organisation: { id: r.orgId, code: r.orgCode, nameAr: r.orgNameAr, nameEn: r.orgNameEn, kind: r.orgKind },
          country: r.country,
        })),
        abilities: { manage: can(actor, "event.update", await events.ownership(actor, row)) },
      };
    },
  };
}

export type RegistrationsService = ReturnType<typeof createRegistrationsService>;
