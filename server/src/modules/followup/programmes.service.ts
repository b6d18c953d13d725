import type { FieldError } from "../../../../common/errors.js";
import type { Visibility } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor, type Owned } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { resolveShareGroup } from "../directory/sharing.js";
import type { EventsService } from "../events/events.service.js";
import { isIsoDate } from "./followup-dates.js";
import { programmesRepository, type ProgrammeRow } from "./programmes.repository.js";
import type { CreateProgramme, ProgrammeQuery, UpdateProgramme } from "./programmes.schema.js";

const notFound = () => new AppError("PROGRAMME_NOT_FOUND");

type PartyRow = Awaited<ReturnType<ReturnType<typeof programmesRepository>["parties"]>>[number];

const orgOf = (p: PartyRow) => ({ id: p.id, code: p.code, nameAr: p.nameAr, nameEn: p.nameEn, kind: p.kind, country: p.country });

/**
 * Cooperation programmes between parties (e.g. the OIC secretariat and the Ministry of Hajj and
 * Umrah for a season): their signatories, agreed areas of cooperation (ids kept across saves, since
 * recommendations are filed under them) and the workshops under them. Kept by coordinators; read by
 * the parties and as their visibility says.
 */
export function createProgrammesService(deps: Deps, events: EventsService) {
  const { db } = deps;
  const repo = programmesRepository(db);

  async function ownership(actor: Actor | null, row: ProgrammeRow): Promise<Owned> {
    const party = actor ? Boolean(await repo.isParty(row.id, actor.organisationId)) : false;
    return { organisationId: row.organisationId, visibility: row.visibility, shareGroupId: row.shareGroupId, sharedWithActor: party };
  }

  /** A programme the actor may read, archived or not. */
  async function load(actor: Actor | null, id: string) {
    const row = await repo.findById(id);
    if (!row) throw notFound();
    await loadActorGroups(db, actor);
    if (!can(actor, "programme.read", await ownership(actor, row))) throw notFound();
    return row;
  }

  function presentSummary(row: ProgrammeRow, parties: PartyRow[]) {
    return {
      id: row.id,
      code: row.code,
      season: { id: row.seasonId, code: row.seasonCode, nameAr: row.seasonNameAr, nameEn: row.seasonNameEn },
      titleAr: row.titleAr,
      titleEn: row.titleEn,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      visibility: row.visibility as Visibility,
      parties: parties.filter((p) => p.programmeId === row.id).map((p) => ({ organisation: orgOf(p) })),
      counts: { areas: Number(row.areaCount ?? 0), events: Number(row.eventCount ?? 0), recommendations: Number(row.recommendationCount ?? 0) },
      archivedAt: row.archivedAt,
    };
  }

  async function present(actor: Actor, row: ProgrammeRow) {
    const [parties, areas, eventRows] = await Promise.all([repo.parties([row.id]), repo.areas(row.id), repo.eventIds(row.id)]);
    const visibleEvents = [];
    for (const e of eventRows) {
      try {
        await events.load(actor, e.id);
        visibleEvents.push(e);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return {
      ...presentSummary(row, parties),
      descriptionAr: row.descriptionAr,
      descriptionEn: row.descriptionEn,
      shareGroupId: row.shareGroupId,
      owner: { id: row.organisationId, code: row.ownerCode, nameAr: row.ownerNameAr, nameEn: row.ownerNameEn, kind: row.ownerKind, country: row.ownerCountry },
      parties: parties.map((p) => ({
        organisation: orgOf(p),
        signatory:
          p.signatoryPersonId || p.signatoryName
            ? { personId: p.signatoryPersonId, name: p.signatoryName ?? p.personNameAr ?? p.personNameEn ?? "", nameAr: p.personNameAr ?? null, nameEn: p.personNameEn ?? null }
            : null,
        signedOn: p.signedOn,
      })),
      areas: areas.map((a) => ({ ...a, position: Number(a.position) })),
      events: visibleEvents,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      abilities: { update: can(actor, "programme.manage", { organisationId: row.organisationId }), archive: can(actor, "programme.manage", { organisationId: row.organisationId }) },
    };
  }

  /** Check what a create or an edit refers to; returns the values to store. */
  async function check(actor: Actor, input: Partial<CreateProgramme>, current: ProgrammeRow | null) {
    const errors: FieldError[] = [];
    if (input.code !== undefined && (await repo.codeTaken(input.code.trim(), current?.id))) throw new AppError("PROGRAMME_CODE_TAKEN");
    let seasonId = current?.seasonId ?? null;
    const seasonKey = input.seasonId ?? input.seasonCode;
    if (seasonKey) {
      const season = await repo.season(seasonKey);
      if (!season) errors.push({ field: input.seasonId ? "seasonId" : "seasonCode", message: "validation.invalid_choice" });
      seasonId = season?.id ?? null;
    } else if (!current) errors.push({ field: "seasonCode", message: "validation.required" });
    const startsOn = input.startsOn === undefined ? (current?.startsOn ?? null) : input.startsOn;
    const endsOn = input.endsOn === undefined ? (current?.endsOn ?? null) : input.endsOn;
    for (const [field, value] of [["startsOn", startsOn], ["endsOn", endsOn]] as const) if (value && !isIsoDate(value)) errors.push({ field, message: "validation.invalid_format" });
    if (startsOn && endsOn && endsOn < startsOn) errors.push({ field: "endsOn", message: "validation.end_before_start" });
    if (input.parties) {
      const orgIds = input.parties.map((p) => p.organisationId);
      const known = new Set((await repo.organisations(orgIds)).map((o) => o.id));
      if (new Set(orgIds).size !== orgIds.length || orgIds.some((id) => !known.has(id))) errors.push({ field: "parties", message: "validation.invalid_choice" });
      const personIds = input.parties.map((p) => p.signatoryPersonId).filter((id): id is string => Boolean(id));
      const people = new Map((await repo.people(personIds)).map((p) => [p.id, p.organisationId]));
      input.parties.forEach((p, i) => {
        // A signatory signs for his own organisation.
        if (p.signatoryPersonId && people.get(p.signatoryPersonId) !== p.organisationId) errors.push({ field: `parties.${i}.signatoryPersonId`, message: "validation.invalid_choice" });
        if (p.signedOn && !isIsoDate(p.signedOn)) errors.push({ field: `parties.${i}.signedOn`, message: "validation.invalid_format" });
      });
    }
    if (input.areas) {
      const existing = current ? new Set((await repo.areas(current.id)).map((a) => a.id)) : new Set<string>();
      const codes = new Set<string>();
      input.areas.forEach((a, i) => {
        if (a.id && !existing.has(a.id)) errors.push({ field: `areas.${i}.id`, message: "validation.invalid_choice" });
        const code = a.code.trim().toLowerCase();
        if (codes.has(code)) errors.push({ field: `areas.${i}.code`, message: "validation.invalid_choice" });
        codes.add(code);
      });
    }
    let eventIds: string[] | null = null;
    if (input.eventIds) {
      eventIds = [...new Set(input.eventIds)];
      for (const id of eventIds) {
        try {
          await events.load(actor, id);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          errors.push({ field: "eventIds", message: "validation.invalid_choice" });
          break;
        }
      }
    }
    if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
    const owner = current?.organisationId ?? actor.organisationId;
    const visibility = input.visibility ?? current?.visibility ?? "members";
    const shareGroupId =
      input.visibility !== undefined || input.shareGroupId !== undefined
        ? await resolveShareGroup(db, owner, visibility, input.shareGroupId === undefined ? current?.shareGroupId : input.shareGroupId)
        : (current?.shareGroupId ?? null);
    return { seasonId: seasonId!, startsOn, endsOn, visibility, shareGroupId, eventIds };
  }

  const partyRows = (programmeId: string, parties: CreateProgramme["parties"]): DB["programmeParties"][] =>
    parties.map((p) => ({ programmeId, organisationId: p.organisationId, signatoryPersonId: p.signatoryPersonId ?? null, signatoryName: p.signatoryName?.trim() || null, signedOn: p.signedOn ?? null }));

  return {
    load,

    /** Programmes the caller may read, newest first; archived ones only when `archived` asks for them. */
    async findProgrammes(actor: Actor, query: ProgrammeQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      await loadActorGroups(db, actor);
      const seasonId = query.season ? ((await repo.season(query.season))?.id ?? null) : undefined;
      const { items, total } = await repo.search(actor, { seasonId, q: query.q, archived: query.archived }, page, pageSize);
      const parties = await repo.parties(items.map((r) => r.id));
      return { items: items.map((r) => presentSummary(r, parties)), total, page, pageSize, abilities: { create: can(actor, "programme.manage", { organisationId: actor.organisationId }) } };
    },

    /** @throws AppError PROGRAMME_NOT_FOUND */
    async getProgramme(actor: Actor, id: string) {
      return present(actor, await load(actor, id));
    },

    /**
     * Create a programme owned by the coordinator's organisation.
     * @throws AppError FORBIDDEN, PROGRAMME_CODE_TAKEN, VALIDATION_FAILED
     */
    async createProgramme(actor: Actor, input: CreateProgramme) {
      authorize(actor, "programme.manage", { organisationId: actor.organisationId });
      const checked = await check(actor, input, null);
      const now = nowIso();
      const id = newId();
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, {
          id,
          code: input.code.trim(),
          seasonId: checked.seasonId,
          organisationId: actor.organisationId,
          titleAr: input.titleAr.trim(),
          titleEn: input.titleEn.trim(),
          descriptionAr: input.descriptionAr?.trim() || null,
          descriptionEn: input.descriptionEn?.trim() || null,
          startsOn: checked.startsOn,
          endsOn: checked.endsOn,
          visibility: checked.visibility,
          shareGroupId: checked.shareGroupId,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          archivedAt: null,
        });
        await repo.replaceParties(tx, id, partyRows(id, input.parties));
        await repo.saveAreas(tx, id, input.areas, newId);
        await repo.replaceEvents(tx, id, checked.eventIds ?? []);
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "programme.created", entityType: "programme", entityId: id, summary: input.titleEn, changes: { code: input.code, parties: input.parties.map((p) => p.organisationId), areas: input.areas.length, events: checked.eventIds?.length ?? 0 } }, now);
      });
      return present(actor, await load(actor, id));
    },

    /**
     * Edit a programme; parties, areas and events given replace the whole list (areas keep their ids).
     * @throws AppError PROGRAMME_NOT_FOUND, FORBIDDEN, PROGRAMME_CODE_TAKEN, VALIDATION_FAILED
     */
    async updateProgramme(actor: Actor, id: string, input: UpdateProgramme) {
      const row = await load(actor, id);
      authorize(actor, "programme.manage", { organisationId: row.organisationId });
      const checked = await check(actor, input, row);
      const values = {
        ...(input.code !== undefined ? { code: input.code.trim() } : {}),
        ...(input.titleAr !== undefined ? { titleAr: input.titleAr.trim() } : {}),
        ...(input.titleEn !== undefined ? { titleEn: input.titleEn.trim() } : {}),
        ...(input.descriptionAr !== undefined ? { descriptionAr: input.descriptionAr?.trim() || null } : {}),
        ...(input.descriptionEn !== undefined ? { descriptionEn: input.descriptionEn?.trim() || null } : {}),
        seasonId: checked.seasonId,
        startsOn: checked.startsOn,
        endsOn: checked.endsOn,
        visibility: checked.visibility,
        shareGroupId: checked.shareGroupId,
      };
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, { ...values, updatedAt: now });
        if (input.parties) await repo.replaceParties(tx, row.id, partyRows(row.id, input.parties));
        const removedAreas = input.areas ? await repo.saveAreas(tx, row.id, input.areas, newId) : [];
        if (checked.eventIds) await repo.replaceEvents(tx, row.id, checked.eventIds);
        await insertAudit(tx, {
          actorId: actor.userId,
          organisationId: row.organisationId,
          action: "programme.updated",
          entityType: "programme",
          entityId: row.id,
          summary: values.titleEn ?? row.titleEn,
          changes: { ...diffChanges(row as unknown as Record<string, unknown>, values), ...(input.parties ? { parties: input.parties.map((p) => p.organisationId) } : {}), ...(removedAreas.length ? { removedAreas } : {}), ...(checked.eventIds ? { events: checked.eventIds } : {}) },
        }, now);
      });
      return present(actor, await load(actor, row.id));
    },

    /**
     * Archive a programme (kept, and still readable, but left out of lists; no new recommendation
     * is filed under it), or restore it. Doing it again changes nothing.
     * @throws AppError PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async setArchived(actor: Actor, id: string, archived: boolean) {
      const row = await load(actor, id);
      authorize(actor, "programme.manage", { organisationId: row.organisationId });
      if (Boolean(row.archivedAt) === archived) return present(actor, row);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, { archivedAt: archived ? now : null, updatedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: archived ? "programme.archived" : "programme.restored", entityType: "programme", entityId: row.id, summary: row.titleEn, changes: { archivedAt: [row.archivedAt, archived ? now : null] } }, now);
      });
      return present(actor, await load(actor, row.id));
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
