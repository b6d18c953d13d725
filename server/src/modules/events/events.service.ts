import type { EventKind, EventMode, EventStatus, RegistrationMode } from "../../../../common/events.js";
import type { Visibility } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, newSecret, nowIso } from "../../lib/tokens.js";
import { mayRecordAttendance } from "../../policies/events.js";
import { authorize, can, roleMay, type Actor, type Owned } from "../../policies/index.js";
import type { ProgrammeAccess } from "../../policies/training.js";
import { insertAudit } from "../admin/audit.repository.js";
import { indexRecord } from "../search/search.indexer.js";
import { groupRefs, loadActorGroups, type GroupRef } from "../directory/groups-of.repository.js";
import { buildSearchText } from "../directory/search.js";
import { resolveShareGroup } from "../directory/sharing.js";
import { deliveredProgrammes } from "./delivered-programmes.repository.js";
import { eventsRepository, type EventRow } from "./events.repository.js";
import type { CreateEvent, EventQuery, PutAgenda, UpdateEvent } from "./events.schema.js";
import { isTimeZone, localToUtc, utcToLocal } from "./local-time.js";

export const DEFAULT_EVENT_ZONE = "Asia/Riyadh";

const notFound = () => new AppError("EVENT_NOT_FOUND");
const invalid = (field: string, message = "validation.invalid_choice") => new AppError("VALIDATION_FAILED", { fields: [{ field, message }] });

/** Seasons' events: meetings and workshops, their agendas; read, create, update. */
export function createEventsService(deps: Deps) {
  const { db } = deps;
  const repo = eventsRepository(db);

  /**
   * The minutes' relation to the actor: they belong to the host and are shared only with
   * those who took part — invited organisations and confirmed registrants — whatever the
   * event's own visibility.
   */
  async function minutesOwnership(actor: Actor | null, row: { id: string; hostOrganisationId: string }): Promise<Owned> {
    let participant = false;
    if (actor && actor.organisationId !== row.hostOrganisationId) {
      participant = Boolean(await repo.isInvited(row.id, actor.organisationId)) || (await repo.registrationsAmong([row.id], actor.userId)).some((r) => r.status === "confirmed");
    }
    return { organisationId: row.hostOrganisationId, visibility: "private", shareGroupId: null, sharedWithActor: participant };
  }

  async function ownership(actor: Actor | null, row: { id: string; hostOrganisationId: string; visibility: string; shareGroupId: string | null }): Promise<Owned> {
    const invited = actor && actor.organisationId !== row.hostOrganisationId ? Boolean(await repo.isInvited(row.id, actor.organisationId)) : false;
    return { organisationId: row.hostOrganisationId, visibility: row.visibility, shareGroupId: row.shareGroupId, sharedWithActor: invited };
  }

  /**
   * Rows → API JSON with what the actor may do. What depends on the actor (invitations,
   * registrations, delegations, groups) is looked up once for the whole page of rows.
   */
  async function presentMany(actor: Actor | null, rows: EventRow[]) {
    const ids = rows.map((r) => r.id);
    const none = ids.length === 0;
    const invited = new Set(actor && !none ? (await repo.invitedAmong(ids, actor.organisationId)).map((r) => r.eventId) : []);
    const mine = new Map(actor && !none ? (await repo.registrationsAmong(ids, actor.userId)).map((r) => [r.eventId, r]) : []);
    const delegateOf = new Set(actor?.personId && !none ? (await repo.delegateAmong(ids, actor.personId)).map((r) => r.eventId) : []);
    const groups = rows.some((r) => r.shareGroupId) ? await groupRefs(db) : new Map<string, GroupRef>();
    // The training programmes the events deliver: their managers record the workshops' attendance.
    const delivered = actor && !none && roleMay(actor.role, "training.manage") ? await deliveredProgrammes(db, ids) : new Map<string, ProgrammeAccess[]>();
    const out = [];
    for (const row of rows) {
      const owned: Owned = { organisationId: row.hostOrganisationId, visibility: row.visibility, shareGroupId: row.shareGroupId, sharedWithActor: invited.has(row.id) };
      const registration = mine.get(row.id);
      const waitlistPosition = registration?.status === "waitlisted" ? Number((await repo.waitlistPosition(row.id, registration.sequence)).n) : null;
      out.push(presentRow(actor, row, owned, registration, waitlistPosition, delegateOf.has(row.id), groups, delivered.get(row.id) ?? []));
    }
    return out;
  }

  async function present(actor: Actor | null, row: EventRow) {
    return (await presentMany(actor, [row]))[0];
  }

  function presentRow(
    actor: Actor | null,
    row: EventRow,
    owned: Owned,
    mine: { id: string; status: string } | undefined,
    waitlistPosition: number | null,
    delegate: boolean,
    groups: Map<string, GroupRef>,
    delivered: readonly ProgrammeAccess[],
  ) {
    const canUpdate = can(actor, "event.update", owned);
    // The join link goes only to those who will take part (and to those who run the event).
    const revealJoin = canUpdate || mine?.status === "confirmed" || delegate;
    return {
      id: row.id,
      season: { id: row.seasonId, code: row.seasonCode, nameAr: row.seasonNameAr, nameEn: row.seasonNameEn },
      kind: row.kind as EventKind,
      mode: row.mode as EventMode,
      status: row.status as EventStatus,
      titleAr: row.titleAr,
      titleEn: row.titleEn,
      descriptionAr: row.descriptionAr,
      descriptionEn: row.descriptionEn,
      host: { id: row.hostOrganisationId, code: row.hostCode, nameAr: row.hostNameAr, nameEn: row.hostNameEn, kind: row.hostKind },
      chair: row.chairPersonId
        ? { id: row.chairPersonId, nameAr: row.chairNameAr ?? "", nameEn: row.chairNameEn ?? "", titleAr: row.chairTitleAr ?? null, titleEn: row.chairTitleEn ?? null }
        : null,
      venueAr: row.venueAr,
      venueEn: row.venueEn,
      joinUrl: revealJoin ? row.joinUrl : null,
      hasJoinUrl: Boolean(row.joinUrl),
      timeZone: row.timeZone,
      startsAt: row.startsAt,
      endsAt: row.endsAt,
      startsLocal: utcToLocal(row.startsAt, row.timeZone),
      endsLocal: utcToLocal(row.endsAt, row.timeZone),
      registration: row.registration as RegistrationMode,
      capacity: row.capacity,
      confirmedCount: Number(row.confirmedCount ?? 0),
      waitlistCount: Number(row.waitlistCount ?? 0),
      previousEventId: row.previousEventId,
      visibility: row.visibility as Visibility,
      shareGroup: row.shareGroupId ? (groups.get(row.shareGroupId) ?? null) : null,
      archivedAt: row.archivedAt,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      myRegistration: mine ? { id: mine.id, status: mine.status, waitlistPosition } : null,
      abilities: {
        update: canUpdate,
        register: row.registration === "open" && row.status === "published" && can(actor, "registration.create", owned),
        viewRegistrations: can(actor, "registration.read", owned),
        recordAttendance: mayRecordAttendance(actor, owned, delivered),
      },
    };
  }

  async function load(actor: Actor | null, id: string) {
    const row = await repo.findById(id);
    if (!row) throw notFound();
    await loadActorGroups(db, actor);
    const owned = await ownership(actor, row);
    // A draft is seen only by those who may edit it.
    if (!can(actor, "event.read", owned) || (row.status === "draft" && !can(actor, "event.update", owned))) {
      if (!actor) throw new AppError("UNAUTHENTICATED");
      throw notFound();
    }
    return row;
  }

  /** Check times, zone, chair and previous edition; returns the UTC bounds. */
  async function checkSchedule(input: { startsLocal: string; endsLocal: string; timeZone: string; chairPersonId?: string | null; previousEventId?: string | null }, selfId?: string) {
    if (!isTimeZone(input.timeZone)) throw invalid("timeZone");
    const startsAt = localToUtc(input.startsLocal, input.timeZone, "startsLocal");
    const endsAt = localToUtc(input.endsLocal, input.timeZone, "endsLocal");
    if (endsAt <= startsAt) throw invalid("endsLocal", "validation.end_before_start");
    if (input.chairPersonId && !(await repo.person(input.chairPersonId))) throw invalid("chairPersonId");
    if (input.previousEventId && (input.previousEventId === selfId || !(await repo.findById(input.previousEventId)))) throw invalid("previousEventId");
    return { startsAt, endsAt };
  }

  function searchText(row: { titleAr: string; titleEn: string; venueAr: string | null; venueEn: string | null }, host: { code: string; nameAr: string; nameEn: string }, seasonCode: string) {
    return buildSearchText(row.titleAr, row.titleEn, row.venueAr, row.venueEn, host.code, host.nameAr, host.nameEn, seasonCode);
  }

  return {
    load,
    present,
    ownership,
    minutesOwnership,

    async findEvents(actor: Actor | null, query: EventQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      await loadActorGroups(db, actor);
      const { items, total } = await repo.search(actor, { ...query, page, pageSize }, nowIso());
      return {
        items: await presentMany(actor, items),
        total,
        page,
        pageSize,
        abilities: { create: actor !== null && can(actor, "event.create", { organisationId: actor.organisationId }) },
      };
    },

    /** @throws AppError EVENT_NOT_FOUND (also when the actor may not read it) */
    async getEvent(actor: Actor | null, id: string) {
      return present(actor, await load(actor, id));
    },

    /**
     * Create a meeting or workshop hosted by the actor's organisation (coordinators may name another host).
     * @throws AppError FORBIDDEN, VALIDATION_FAILED
     */
    async createEvent(actor: Actor, input: CreateEvent) {
      const hostId = input.hostOrganisationId ?? actor.organisationId;
      const host = await repo.organisation(hostId);
      if (!host || host.archivedAt) throw invalid("hostOrganisationId");
      authorize(actor, "event.create", { organisationId: host.id });
      const season = await repo.season(input.seasonId);
      if (!season) throw invalid("seasonId");
      const timeZone = input.timeZone ?? DEFAULT_EVENT_ZONE;
      const { startsAt, endsAt } = await checkSchedule({ ...input, timeZone });
      const now = nowIso();
      const row: DB["events"] = {
        id: newId(),
        seasonId: season.id,
        kind: input.kind,
        mode: input.mode,
        status: input.status ?? "published",
        titleAr: input.titleAr.trim(),
        titleEn: input.titleEn.trim(),
        descriptionAr: input.descriptionAr ?? null,
        descriptionEn: input.descriptionEn ?? null,
        hostOrganisationId: host.id,
        chairPersonId: input.chairPersonId ?? null,
        venueAr: input.venueAr ?? null,
        venueEn: input.venueEn ?? null,
        joinUrl: input.joinUrl ?? null,
        timeZone,
        startsAt,
        endsAt,
        registration: input.registration,
        capacity: input.capacity ?? null,
        previousEventId: input.previousEventId ?? null,
        visibility: input.visibility,
        shareGroupId: await resolveShareGroup(db, host.id, input.visibility, input.shareGroupId),
        checkInSecret: newSecret(),
        reminderSentAt: null,
        searchText: "",
        createdBy: actor.userId,
        archivedAt: null,
        createdAt: now,
        updatedAt: now,
      };
      row.searchText = searchText(row, host, season.code);
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await insertAudit(tx, { actorId: actor.userId, organisationId: host.id, action: "event.created", entityType: "event", entityId: row.id, summary: row.titleEn }, now);
        await indexRecord(tx, "event", row.id);
      });
      return this.getEvent(actor, row.id);
    },

    /** @throws AppError EVENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED */
    async updateEvent(actor: Actor, id: string, input: UpdateEvent) {
      const row = await load(actor, id);
      authorize(actor, "event.update", await ownership(actor, row));
      const timeZone = input.timeZone ?? row.timeZone;
      const startsLocal = input.startsLocal ?? utcToLocal(row.startsAt, row.timeZone);
      const endsLocal = input.endsLocal ?? utcToLocal(row.endsAt, row.timeZone);
      const { startsAt, endsAt } = await checkSchedule({ startsLocal, endsLocal, timeZone, chairPersonId: input.chairPersonId, previousEventId: input.previousEventId }, row.id);
      const { startsLocal: _s, endsLocal: _e, shareGroupId: requestedGroup, ...fields } = input;
      const visibility = input.visibility ?? row.visibility;
      const shareGroupId = await resolveShareGroup(db, row.hostOrganisationId, visibility, requestedGroup === undefined ? row.shareGroupId : requestedGroup);
      const values = { ...fields, timeZone, startsAt, endsAt, shareGroupId };
      const next = { ...row, ...values };
      const changes = diffChanges(row, values);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, {
          ...values,
          searchText: searchText(next, { code: row.hostCode, nameAr: row.hostNameAr, nameEn: row.hostNameEn }, row.seasonCode),
          updatedAt: now,
        });
        if (Object.keys(changes).length > 0) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.updated", entityType: "event", entityId: row.id, summary: next.titleEn, changes }, now);
        }
        await indexRecord(tx, "event", row.id);
      });
      return this.getEvent(actor, row.id);
    },

    async getAgenda(actor: Actor | null, id: string) {
      const row = await load(actor, id);
      const items = await repo.agenda(row.id);
      const speakers = await repo.speakers(items.map((i) => i.id));
      return {
        items: items.map((i) => ({
          id: i.id,
          position: i.position,
          kind: i.kind,
          titleAr: i.titleAr,
          titleEn: i.titleEn,
          descriptionAr: i.descriptionAr,
          descriptionEn: i.descriptionEn,
          startsAt: i.startsAt,
          endsAt: i.endsAt,
          startsLocal: i.startsAt ? utcToLocal(i.startsAt, row.timeZone) : null,
          endsLocal: i.endsAt ? utcToLocal(i.endsAt, row.timeZone) : null,
          speakers: speakers
            .filter((s) => s.agendaItemId === i.id)
            .map((s) => ({
              role: s.role,
              person: s.personId
                ? {
                    id: s.personId,
                    nameAr: s.personNameAr ?? "",
                    nameEn: s.personNameEn ?? "",
                    titleAr: s.personTitleAr ?? null,
                    titleEn: s.personTitleEn ?? null,
                    organisation: { id: s.orgId ?? "", code: s.orgCode ?? "", nameAr: s.orgNameAr ?? "", nameEn: s.orgNameEn ?? "", kind: s.orgKind ?? "" },
                  }
                : null,
              guestNameAr: s.guestNameAr,
              guestNameEn: s.guestNameEn,
              guestTitleAr: s.guestTitleAr,
              guestTitleEn: s.guestTitleEn,
            })),
        })),
      };
    },

    /**
     * Replace the whole agenda (ordered items with their speakers) in one transaction.
     * @throws AppError EVENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
     */
    async putAgenda(actor: Actor, id: string, input: PutAgenda) {
      const row = await load(actor, id);
      authorize(actor, "event.update", await ownership(actor, row));
      const now = nowIso();
      const items: DB["agendaItems"][] = [];
      const speakers: DB["agendaSpeakers"][] = [];
      const current = new Set((await repo.agenda(row.id)).map((i) => i.id));
      const seen = new Set<string>();
      for (const [index, item] of input.items.entries()) {
        if (item.id && (!current.has(item.id) || seen.has(item.id))) throw invalid(`items.${index}.id`);
        const itemId = item.id ?? newId();
        seen.add(itemId);
        const startsAt = item.startsLocal ? localToUtc(item.startsLocal, row.timeZone, `items.${index}.startsLocal`) : null;
        const endsAt = item.endsLocal ? localToUtc(item.endsLocal, row.timeZone, `items.${index}.endsLocal`) : null;
        if (startsAt && endsAt && endsAt < startsAt) throw invalid(`items.${index}.endsLocal`, "validation.end_before_start");
        items.push({ id: itemId, eventId: row.id, position: index + 1, kind: item.kind, titleAr: item.titleAr.trim(), titleEn: item.titleEn.trim(), descriptionAr: item.descriptionAr ?? null, descriptionEn: item.descriptionEn ?? null, startsAt, endsAt, createdAt: now, updatedAt: now });
        for (const [s, speaker] of (item.speakers ?? []).entries()) {
          if (!speaker.personId && !speaker.guestNameAr && !speaker.guestNameEn) throw invalid(`items.${index}.speakers.${s}`, "validation.required");
          if (speaker.personId && !(await repo.person(speaker.personId))) throw invalid(`items.${index}.speakers.${s}.personId`);
          speakers.push({ id: newId(), agendaItemId: itemId, position: s + 1, personId: speaker.personId ?? null, guestNameAr: speaker.guestNameAr ?? null, guestNameEn: speaker.guestNameEn ?? null, guestTitleAr: speaker.guestTitleAr ?? null, guestTitleEn: speaker.guestTitleEn ?? null, role: speaker.role });
        }
      }
      await db.transaction().execute(async (tx) => {
        await repo.replaceAgenda(tx, row.id, items, speakers);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.agenda_updated", entityType: "event", entityId: row.id, summary: row.titleEn, changes: { items: items.map((i) => i.titleEn) } }, now);
      });
      return this.getAgenda(actor, row.id);
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
