import { normalizeForSearch, searchTerms } from "../../../../common/text.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso, safeEqual } from "../../lib/tokens.js";
import { authorizeAttendance } from "../../policies/events.js";
import type { Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { parseAttendanceReport } from "./attendance-report.js";
import { attendanceRepository, type ExpectedRow } from "./attendance.repository.js";
import { deliveredProgrammes } from "./delivered-programmes.repository.js";
import type { EventsService } from "./events.service.js";

/** Self check-in opens this long before the start (people arrive early) and closes at the end. */
export const SELF_CHECK_IN_OPENS_HOURS = 12;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type ImportRowStatus = "new" | "already" | "unmatched" | "invalid" | "repeat" | "too_short";

interface Attendee {
  key: string;
  personId: string | null;
  userId: string | null;
  nameAr: string;
  nameEn: string;
  email: string | null;
  organisationId: string;
  role: ExpectedRow["role"] | "unexpected";
  checkedInAt: string | null;
  source: string | null;
  minutes: number | null;
}

const keyOf = (r: { personId: string | null; userId: string | null }) => (r.personId ? `p:${r.personId}` : `u:${r.userId}`);
const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", { fields: [{ field, message }] });

/**
 * Who came: the organiser checks people in from the list of those expected (delegates,
 * confirmed registrants, trainees of the programmes a workshop delivers), people check
 * themselves in with the event's QR code, or a virtual platform's report is imported after
 * a preview. Reported per organisation and per country. "Organisers" here are those who may
 * record attendance (policies/events.ts): the host's admins, coordinators, and the managers
 * (trainers) of a training programme the workshop delivers.
 */
export function createAttendanceService(deps: Deps, events: EventsService) {
  const { db, config } = deps;
  const repo = attendanceRepository(db);

  /** Expected people merged with what was recorded (someone recorded and later withdrawn stays listed). */
  async function attendees(eventId: string): Promise<Attendee[]> {
    const expected = await repo.expected(eventId);
    const byKey = new Map<string, Attendee>();
    for (const e of expected) byKey.set(keyOf(e), { ...e, key: keyOf(e), checkedInAt: null, source: null, minutes: null });
    for (const a of await repo.attended(eventId)) {
      const known = byKey.get(a.attendeeKey);
      const record = { checkedInAt: a.checkedInAt, source: a.source, minutes: a.minutes === null ? null : Number(a.minutes) };
      if (known) Object.assign(known, record);
      else
        byKey.set(a.attendeeKey, {
          key: a.attendeeKey,
          personId: a.personId,
          userId: a.userId,
          nameAr: a.nameAr ?? a.userName ?? "",
          nameEn: a.nameEn ?? a.userName ?? "",
          email: a.userEmail ?? a.personEmail,
          organisationId: a.organisationId,
          role: "unexpected",
          ...record,
        });
    }
    return [...byKey.values()];
  }

  /** Attendance is recorded from 12 hours before the start (people arrive early), never for an event still days away. */
  function checkInOpensAt(row: { startsAt: string }) {
    return new Date(Date.parse(row.startsAt) - SELF_CHECK_IN_OPENS_HOURS * 3_600_000).toISOString();
  }

  /**
   * The event, when the actor may record its attendance (not necessarily edit it).
   * @throws AppError EVENT_NOT_FOUND (cannot read it), FORBIDDEN
   */
  async function organiserEvent(actor: Actor, eventId: string) {
    const row = await events.load(actor, eventId);
    const delivered = (await deliveredProgrammes(db, [row.id])).get(row.id) ?? [];
    authorizeAttendance(actor, await events.ownership(actor, row), delivered);
    return row;
  }

  return {
    /**
     * Everyone expected or recorded, with per-organisation and per-country totals.
     * `q` filters the list (name, email, organisation; Arabic-normalised), not the totals.
     */
    async list(actor: Actor, eventId: string, q?: string) {
      const row = await organiserEvent(actor, eventId);
      const all = await attendees(row.id);
      const orgs = new Map((await repo.organisations([...new Set(all.map((a) => a.organisationId))])).map((o) => [o.id, o]));
      const countryCodes = [...new Set([...orgs.values()].map((o) => o.country).filter((c): c is string => Boolean(c)))];
      const countries = new Map((await repo.countries(countryCodes)).map((c) => [c.code, c]));
      const orgRef = (id: string) => {
        const o = orgs.get(id);
        return { id, code: o?.code ?? "", nameAr: o?.nameAr ?? "", nameEn: o?.nameEn ?? "", kind: o?.kind ?? "" };
      };

      const byOrg = new Map<string, { expected: number; attended: number }>();
      const byCountry = new Map<string, { expected: number; attended: number; organisations: Set<string> }>();
      for (const a of all) {
        const o = byOrg.get(a.organisationId) ?? { expected: 0, attended: 0 };
        const code = orgs.get(a.organisationId)?.country ?? "";
        const c = byCountry.get(code) ?? { expected: 0, attended: 0, organisations: new Set<string>() };
        if (a.role !== "unexpected") (o.expected++, c.expected++);
        if (a.checkedInAt) (o.attended++, c.attended++, c.organisations.add(a.organisationId));
        byOrg.set(a.organisationId, o);
        byCountry.set(code, c);
      }

      const terms = q ? searchTerms(q) : [];
      const shown = terms.length
        ? all.filter((a) => {
            const o = orgs.get(a.organisationId);
            const text = normalizeForSearch([a.nameAr, a.nameEn, a.email, o?.nameAr, o?.nameEn, o?.code].filter(Boolean).join(" "));
            return terms.every((t) => text.includes(t));
          })
        : all;
      const collator = new Intl.Collator(actor.locale === "ar" ? "ar" : "en");
      shown.sort((x, y) => collator.compare(actor.locale === "ar" ? x.nameAr : x.nameEn, actor.locale === "ar" ? y.nameAr : y.nameEn));

      return {
        items: shown.map((a) => ({
          key: a.key,
          nameAr: a.nameAr,
          nameEn: a.nameEn,
          email: a.email,
          role: a.role,
          organisation: orgRef(a.organisationId),
          country: orgs.get(a.organisationId)?.country ?? null,
          checkedInAt: a.checkedInAt,
          source: a.source,
          minutes: a.minutes,
        })),
        totals: { expected: all.filter((a) => a.role !== "unexpected").length, attended: all.filter((a) => a.checkedInAt).length },
        byOrganisation: [...byOrg.entries()]
          .map(([id, v]) => ({ organisation: orgRef(id), country: orgs.get(id)?.country ?? null, ...v }))
          .sort((a, b) => b.attended - a.attended || collator.compare(a.organisation.nameEn, b.organisation.nameEn)),
        byCountry: [...byCountry.entries()]
          .map(([code, v]) => ({
            country: code || null,
            nameAr: countries.get(code)?.nameAr ?? null,
            nameEn: countries.get(code)?.nameEn ?? null,
            expected: v.expected,
            attended: v.attended,
            organisations: v.organisations.size,
          }))
          .sort((a, b) => b.attended - a.attended || (a.nameEn ?? "").localeCompare(b.nameEn ?? "")),
      };
    },

    /** The organiser marks someone expected as present (again: no change). */
    async checkIn(actor: Actor, eventId: string, key: string) {
      const row = await organiserEvent(actor, eventId);
      const now = nowIso();
      if (now < checkInOpensAt(row)) throw new AppError("ATTENDANCE_NOT_OPEN");
      const who = (await repo.expected(row.id)).find((e) => keyOf(e) === key);
      if (!who) throw invalid("key", "validation.not_expected");
      await db.transaction().execute(async (tx) => {
        const added = await repo.insertMissing(tx, [{ id: newId(), eventId: row.id, attendeeKey: key, personId: who.personId, userId: who.userId, organisationId: who.organisationId, source: "organiser", minutes: null, checkedInAt: now, recordedBy: actor.userId }]);
        if (added) await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "attendance.checked_in", entityType: "event", entityId: row.id, summary: who.nameEn, changes: { key } }, now);
      });
    },

    /** Undo a check-in recorded by mistake. */
    async undoCheckIn(actor: Actor, eventId: string, key: string) {
      const row = await organiserEvent(actor, eventId);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const result = await repo.remove(tx, row.id, key);
        if (Number(result.numDeletedRows) > 0) await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "attendance.removed", entityType: "event", entityId: row.id, summary: key, changes: { key } }, now);
      });
    },

    /** The link the event's QR code carries (for the organiser to show or print). */
    async checkInLink(actor: Actor, eventId: string) {
      const row = await organiserEvent(actor, eventId);
      const code = await repo.checkInSecret(row.id);
      return { url: `${config.publicUrl}/events/${row.id}/check-in?code=${encodeURIComponent(code)}`, opensAt: checkInOpensAt(row), closesAt: row.endsAt };
    },

    /**
     * Check oneself in with the code of the event's QR (in-person and hybrid events, from
     * 12 hours before the start to the end). Only people expected at the event may.
     * @throws AppError CHECK_IN_INVALID, CHECK_IN_CLOSED, NOT_EXPECTED
     */
    async selfCheckIn(actor: Actor, eventId: string, code: string) {
      const row = await events.load(actor, eventId);
      if (!safeEqual(code, await repo.checkInSecret(row.id))) throw new AppError("CHECK_IN_INVALID");
      const now = nowIso();
      if (row.mode === "virtual" || row.status !== "published" || now < checkInOpensAt(row) || now > row.endsAt) throw new AppError("CHECK_IN_CLOSED");
      const who = (await repo.expected(row.id)).find((e) => e.userId === actor.userId || (actor.personId !== null && e.personId === actor.personId));
      if (!who) throw new AppError("NOT_EXPECTED");
      const key = keyOf(who);
      await db.transaction().execute(async (tx) => {
        await repo.insertMissing(tx, [{ id: newId(), eventId: row.id, attendeeKey: key, personId: who.personId, userId: who.userId, organisationId: who.organisationId, source: "self", minutes: null, checkedInAt: now, recordedBy: actor.userId }]);
      });
      const mine = (await repo.attended(row.id)).find((a) => a.attendeeKey === key);
      return { checkedInAt: mine?.checkedInAt ?? now, nameAr: who.nameAr, nameEn: who.nameEn, titleAr: row.titleAr, titleEn: row.titleEn };
    },

    /**
     * Match a virtual platform's report to the people expected, by email. With
     * `commit: false` nothing is written and every line is classified; with `commit: true`
     * the lines the preview called "new" are written (and imported minutes refreshed),
     * all in one transaction.
     * @throws AppError VALIDATION_FAILED (field csv) when the file has no email column
     */
    async importReport(actor: Actor, eventId: string, input: { csv: string; minMinutes?: number; commit: boolean }) {
      const row = await organiserEvent(actor, eventId);
      // A platform's report exists once the session has begun.
      if (nowIso() < row.startsAt) throw new AppError("ATTENDANCE_NOT_OPEN");
      let parsed;
      try {
        parsed = parseAttendanceReport(input.csv);
      } catch (err) {
        if (err instanceof Error && err.message === "no_header") throw invalid("csv", "validation.report_no_email_column");
        throw invalid("csv", "validation.report_unreadable");
      }
      const expected = await repo.expected(row.id);
      const byEmail = new Map<string, ExpectedRow>();
      for (const e of expected) if (e.email) byEmail.set(e.email.toLowerCase(), e);
      const recorded = new Set((await repo.attended(row.id)).map((a) => a.attendeeKey));

      // A participant who rejoined appears on several lines: their minutes add up on the first.
      const firstLine = new Map<string, number>();
      const totalMinutes = new Map<string, number | null>();
      for (const r of parsed.rows) {
        const email = r.email.toLowerCase();
        if (!EMAIL.test(email)) continue;
        if (!firstLine.has(email)) firstLine.set(email, r.line);
        const sum = totalMinutes.get(email);
        totalMinutes.set(email, r.minutes === null ? (sum ?? null) : (sum ?? 0) + r.minutes);
      }

      const rows = parsed.rows.map((r) => {
        const email = r.email.toLowerCase();
        const match = byEmail.get(email);
        const minutes = totalMinutes.get(email) ?? null;
        let status: ImportRowStatus;
        if (!r.email) status = "invalid";
        else if (!EMAIL.test(email)) status = "invalid";
        else if (firstLine.get(email) !== r.line) status = "repeat";
        else if (!match) status = "unmatched";
        else if (input.minMinutes !== undefined && minutes !== null && minutes < input.minMinutes) status = "too_short";
        else status = recorded.has(keyOf(match)) ? "already" : "new";
        return {
          line: r.line,
          name: r.name,
          email: r.email,
          minutes: status === "repeat" ? r.minutes : minutes,
          status,
          message: status === "invalid" ? (r.email ? "validation.invalid_email" : "validation.required") : null,
          attendee: match && status !== "unmatched" && status !== "invalid" ? { key: keyOf(match), nameAr: match.nameAr, nameEn: match.nameEn, organisationId: match.organisationId } : null,
        };
      });
      const summary = { new: 0, already: 0, unmatched: 0, invalid: 0, repeat: 0, too_short: 0 } satisfies Record<ImportRowStatus, number>;
      for (const r of rows) summary[r.status]++;

      let written = 0;
      if (input.commit) {
        const now = nowIso();
        await db.transaction().execute(async (tx) => {
          const fresh = rows.filter((r) => r.status === "new" && r.attendee);
          written = await repo.insertMissing(
            tx,
            fresh.map((r) => {
              const who = byEmail.get(r.email.toLowerCase())!;
              // The report says they were there during the session: record them at its start, not at the import.
              return { id: newId(), eventId: row.id, attendeeKey: keyOf(who), personId: who.personId, userId: who.userId, organisationId: who.organisationId, source: "import", minutes: r.minutes, checkedInAt: row.startsAt, recordedBy: actor.userId };
            }),
          );
          for (const r of rows) if (r.status === "already" && r.attendee) await repo.updateImportedMinutes(tx, row.id, r.attendee.key, r.minutes);
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "attendance.imported", entityType: "event", entityId: row.id, summary: row.titleEn, changes: { ...summary, written } }, now);
        });
      }
      return { columns: parsed.columns, rows, summary, committed: input.commit, written };
    },
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
