import type { Visibility } from "../../../../common/roles.js";
import {
  DEFAULT_SURVEY,
  ENROLMENT_STATUSES,
  SURVEY_ITEM_KINDS,
  TRAINING_AUDIENCES,
  type EnrolmentMode,
  type ProgrammeStatus,
  type SurveyItem,
  type TrainingAudience,
} from "../../../../common/training.js";
import type { Deps } from "../../deps.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { can, type Actor } from "../../policies/index.js";
import { mayManageProgramme, mayReadProgramme, resultsScope, type ProgrammeAccess } from "../../policies/training.js";
import { insertAudit, type Executor } from "../admin/audit.repository.js";
import { resolveShareGroup } from "../directory/sharing.js";
import type { EventsService } from "../events/events.service.js";
import { materialsRepository, presentModules } from "./materials.repository.js";
import { ProgrammeFieldErrors } from "./programmes.fields.js";
import { programmesRepository, type ProgrammeRow } from "./programmes.repository.js";
import { OWNERS_MAX, SURVEY_MAX, type CreateProgramme, type ProgrammeQuery, type UpdateProgramme } from "./programmes.schema.js";
import { enrolmentOfActor, programmeForManage, programmeForRead, withGroups } from "./training-access.js";

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SURVEY_ID = /^[A-Za-z0-9_-]{1,40}$/;

type OwnerRow = Awaited<ReturnType<ReturnType<typeof programmesRepository>["owners"]>>[number];
type MineRow = Awaited<ReturnType<ReturnType<typeof programmesRepository>["myEnrolments"]>>[number];

/** Lines of a text field, trimmed, without empty ones. */
export function linesOf(text: string | null): string[] {
  return (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

function joinLines(lines: string[] | undefined): string | null {
  const kept = (lines ?? []).flatMap((l) => linesOf(l));
  return kept.length ? kept.join("\n") : null;
}

const audienceOf = (value: string) => value.split(",").filter((a): a is TrainingAudience => (TRAINING_AUDIENCES as readonly string[]).includes(a));

/** The policies' view of a row and its owners. */
function accessOf(row: ProgrammeRow, owners: OwnerRow[]): ProgrammeAccess {
  return {
    organisationId: row.organisationId,
    ownerIds: owners.filter((o) => o.programmeId === row.id).map((o) => o.id),
    status: row.status,
    visibility: row.visibility,
    shareGroupId: row.shareGroupId,
  };
}

/**
 * Training programmes (Asas, Terhab): bilingual texts, objectives, audience, season, owning
 * organisations (the lead first), sharing, enrolment mode, completion rule and survey; the
 * workshops (events) that deliver them. Drafts are private to their owners.
 */
export function createProgrammesService(deps: Deps, events: EventsService) {
  const { db } = deps;
  const repo = programmesRepository(db);
  const materials = materialsRepository(db);

  function presentSummary(row: ProgrammeRow, owners: OwnerRow[], mine: MineRow | undefined) {
    return {
      id: row.id,
      code: row.code,
      season: { id: row.seasonId, code: row.seasonCode, nameAr: row.seasonNameAr, nameEn: row.seasonNameEn },
      titleAr: row.titleAr,
      titleEn: row.titleEn,
      status: row.status as ProgrammeStatus,
      enrolment: row.enrolment as EnrolmentMode,
      audience: audienceOf(row.audience),
      owners: owners.filter((o) => o.programmeId === row.id).map((o) => ({ id: o.id, code: o.code, nameAr: o.nameAr, nameEn: o.nameEn, kind: o.kind, country: o.country })),
      counts: { workshops: Number(row.workshopCount ?? 0), modules: Number(row.moduleCount ?? 0), enrolled: Number(row.enrolledCount ?? 0) },
      startsAt: row.startsAt ?? null,
      endsAt: row.endsAt ?? null,
      myEnrolment: mine ? { id: mine.id, status: mine.status as (typeof ENROLMENT_STATUSES)[number], createdAt: mine.createdAt } : null,
      archivedAt: row.archivedAt,
    };
  }

  /** The workshops the actor may read, in date order. */
  async function readableWorkshops(actor: Actor | null, programmeId: string) {
    const out = [];
    for (const w of await repo.workshops(programmeId)) {
      try {
        await events.load(actor, w.id);
        out.push({ id: w.id, titleAr: w.titleAr, titleEn: w.titleEn, startsAt: w.startsAt, endsAt: w.endsAt, timeZone: w.timeZone, mode: w.mode, status: w.status });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
      }
    }
    return out;
  }

  async function present(actor: Actor | null, id: string) {
    const row = await repo.findById(id);
    if (!row) throw new AppError("TRAINING_PROGRAMME_NOT_FOUND");
    const owners = await repo.owners([row.id]);
    const access = accessOf(row, owners);
    const a = await withGroups(db, actor);
    // A trainee enrolled by his admin is recognised (and linked) here the first time.
    if (a) await enrolmentOfActor(db, row.id, a);
    const mine = a ? (await repo.myEnrolments(a, [row.id]))[0] : undefined;
    const [modules, workshops, shareGroup, cooperation] = await Promise.all([
      materials.modulesOf(row.id),
      readableWorkshops(a, row.id),
      row.shareGroupId ? repo.group(row.shareGroupId) : undefined,
      row.cooperationProgrammeId ? repo.cooperationProgramme(row.cooperationProgrammeId) : undefined,
    ]);
    const manage = mayManageProgramme(a, access);
    const readable = mayReadProgramme(a, access);
    return {
      ...presentSummary(row, owners, mine),
      descriptionAr: row.descriptionAr,
      descriptionEn: row.descriptionEn,
      objectivesAr: linesOf(row.objectivesAr),
      objectivesEn: linesOf(row.objectivesEn),
      visibility: row.visibility as Visibility,
      shareGroup: shareGroup ?? null,
      cooperationProgramme: cooperation ?? null,
      minAttendancePct: row.minAttendancePct,
      minPostScorePct: row.minPostScorePct,
      requireSurvey: Number(row.requireSurvey) === 1,
      survey: JSON.parse(row.survey) as SurveyItem[],
      version: Number(row.version),
      modules: presentModules(modules.modules, modules.materials),
      workshops,
      can: {
        manage,
        enrolOthers: manage || (readable && a !== null && can(a, "training.enrol", { organisationId: a.organisationId })),
        selfEnrol: a !== null && readable && row.status === "published" && !row.archivedAt && row.enrolment === "open" && mine?.status !== "enrolled",
        results: resultsScope(a, access),
      },
    };
  }

  /**
   * Check a create or an edit; returns the values to store.
   * @throws AppError VALIDATION_FAILED (every invalid field at once), TRAINING_PROGRAMME_CODE_TAKEN
   */
  async function check(actor: Actor, input: CreateProgramme, current: (ProgrammeRow & { ownerIds: string[] }) | null) {
    const errors = new ProgrammeFieldErrors(actor.locale);
    const required = (field: "code" | "titleAr" | "titleEn", value: string | undefined) => {
      if (value === undefined && current) return;
      if (!value?.trim()) errors.add(field, "validation.required");
    };
    required("code", input.code);
    required("titleAr", input.titleAr);
    required("titleEn", input.titleEn);
    if (input.code?.trim() && !CODE.test(input.code.trim())) errors.add("code", "validation.invalid_format");

    let seasonId = current?.seasonId ?? null;
    if (input.seasonId !== undefined || !current) {
      const season = input.seasonId?.trim() ? await repo.season(input.seasonId.trim()) : undefined;
      if (!input.seasonId?.trim()) errors.add("seasonId", "validation.required");
      else if (!season) errors.add("seasonId", "validation.invalid_choice");
      seasonId = season?.id ?? seasonId;
    }

    if (input.audience !== undefined || !current) {
      if (!input.audience?.length) errors.add("audience", "validation.required");
    }

    for (const field of ["minAttendancePct", "minPostScorePct"] as const) {
      const value = input[field];
      if (value !== undefined && (value < 0 || value > 100)) errors.add(field, value < 0 ? "validation.too_small" : "validation.too_large", { limit: value < 0 ? 0 : 100 });
    }

    if (input.survey) {
      if (input.survey.length > SURVEY_MAX) errors.add("survey", "training.programme.validation.too_many", { limit: SURVEY_MAX });
      const ids = new Set<string>();
      input.survey.forEach((item, i) => {
        if (!SURVEY_ID.test(item.id)) errors.add(`survey.${i}.id`, "validation.invalid_format");
        else if (ids.has(item.id)) errors.add(`survey.${i}.id`, "training.programme.validation.duplicate_id");
        ids.add(item.id);
        if (!(SURVEY_ITEM_KINDS as readonly string[]).includes(item.kind)) errors.add(`survey.${i}.kind`, "validation.invalid_choice");
        if (!item.textAr.trim()) errors.add(`survey.${i}.textAr`, "validation.required");
        if (!item.textEn.trim()) errors.add(`survey.${i}.textEn`, "validation.required");
      });
    }

    const lead = current?.organisationId ?? actor.organisationId;
    let ownerIds = current?.ownerIds ?? [lead];
    if (input.ownerIds) {
      ownerIds = [lead, ...new Set(input.ownerIds.filter((id) => id !== lead))];
      const known = new Set((await repo.organisations(ownerIds)).map((o) => o.id));
      if (ownerIds.length > OWNERS_MAX || ownerIds.some((id) => !known.has(id))) errors.add("ownerIds", "validation.invalid_choice");
      // Those who manage only as an owner would lock themselves out by leaving the owners.
      else if (!can(actor, "training.manage", { organisationId: null, visibility: "private" }) && !ownerIds.includes(actor.organisationId)) {
        errors.add("ownerIds", "training.programme.validation.own_owner_required");
      }
    }

    let cooperationProgrammeId = current?.cooperationProgrammeId ?? null;
    if (input.cooperationProgrammeId !== undefined) {
      cooperationProgrammeId = input.cooperationProgrammeId || null;
      if (cooperationProgrammeId && !(await repo.cooperationProgramme(cooperationProgrammeId))) errors.add("cooperationProgrammeId", "validation.invalid_choice");
    }

    const visibility = input.visibility ?? current?.visibility ?? "members";
    let shareGroupId = current?.shareGroupId ?? null;
    if (input.visibility !== undefined || input.shareGroupId !== undefined || !current) {
      try {
        shareGroupId = await resolveShareGroup(db, lead, visibility, input.shareGroupId === undefined ? current?.shareGroupId : input.shareGroupId);
      } catch (err) {
        if (!(err instanceof AppError) || !err.fields?.[0]) throw err;
        errors.add("shareGroupId", err.fields[0].message);
      }
    }
    errors.throwIfAny();
    if (input.code !== undefined && (await repo.codeTaken(input.code.trim(), current?.id))) throw new AppError("TRAINING_PROGRAMME_CODE_TAKEN");
    return { seasonId: seasonId!, ownerIds, cooperationProgrammeId, visibility, shareGroupId };
  }

  /** The row with its owners, if the actor manages it. */
  async function forManage(actor: Actor, id: string) {
    const p = await programmeForManage(db, actor, id);
    const row = (await repo.findById(p.id))!;
    return { p, row: { ...row, ownerIds: [...p.ownerIds] } };
  }

  async function audit(actor: Actor, row: { id: string; organisationId: string; titleEn: string }, action: string, changes: Record<string, unknown> | null, now: string, tx: Executor = db) {
    await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action, entityType: "training_programme", entityId: row.id, summary: row.titleEn, changes }, now);
  }

  return {
    /** Programmes the caller may read (drafts only to those who manage them), by season and code. */
    async findProgrammes(actor: Actor | null, query: ProgrammeQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      const a = await withGroups(db, actor);
      const seasonId = query.season ? ((await repo.season(query.season))?.id ?? null) : undefined;
      const { items, total } = await repo.search(a, { seasonId, q: query.q, status: query.status, mine: query.mine === "enrolled", archived: query.archived }, page, pageSize);
      const ids = items.map((r) => r.id);
      const [owners, mine] = await Promise.all([repo.owners(ids), a ? repo.myEnrolments(a, ids) : Promise.resolve([])]);
      return {
        items: items.map((r) => presentSummary(r, owners, mine.find((m) => m.programmeId === r.id))),
        total,
        page,
        pageSize,
        abilities: { create: a !== null && can(a, "training.manage", { organisationId: a.organisationId }) },
      };
    },

    /** @throws AppError TRAINING_PROGRAMME_NOT_FOUND (also when the caller may not read it) */
    async getProgramme(actor: Actor | null, id: string) {
      const p = await programmeForRead(db, actor, id);
      return present(actor, p.id);
    },

    /**
     * Create a draft programme led by the caller's organisation (with chosen co-owners), with the
     * default survey and completion rule (attendance 75 %, post-test 60 %) unless given.
     * @throws AppError FORBIDDEN, VALIDATION_FAILED, TRAINING_PROGRAMME_CODE_TAKEN
     */
    async createProgramme(actor: Actor, input: CreateProgramme) {
      if (!can(actor, "training.manage", { organisationId: actor.organisationId })) throw new AppError("FORBIDDEN");
      const checked = await check(actor, input, null);
      const id = newId();
      const now = nowIso();
      const row = {
        id,
        code: input.code!.trim(),
        seasonId: checked.seasonId,
        organisationId: actor.organisationId,
        cooperationProgrammeId: checked.cooperationProgrammeId,
        titleAr: input.titleAr!.trim(),
        titleEn: input.titleEn!.trim(),
        descriptionAr: input.descriptionAr?.trim() || null,
        descriptionEn: input.descriptionEn?.trim() || null,
        objectivesAr: joinLines(input.objectivesAr),
        objectivesEn: joinLines(input.objectivesEn),
        audience: [...new Set(input.audience)].join(","),
        status: "draft",
        visibility: checked.visibility,
        shareGroupId: checked.shareGroupId,
        enrolment: input.enrolment ?? "open",
        minAttendancePct: input.minAttendancePct ?? 75,
        minPostScorePct: input.minPostScorePct ?? 60,
        requireSurvey: input.requireSurvey ? 1 : 0,
        survey: JSON.stringify(input.survey ? input.survey.map((s) => ({ ...s, textAr: s.textAr.trim(), textEn: s.textEn.trim() })) : DEFAULT_SURVEY),
        version: 1,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        archivedAt: null,
      };
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await repo.replaceOwners(tx, id, checked.ownerIds);
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "training.programme_created", entityType: "training_programme", entityId: id, summary: row.titleEn, changes: { code: row.code, owners: checked.ownerIds } }, now);
      });
      return present(actor, id);
    },

    /**
     * Edit a programme from the version the caller read; lists given replace the whole list.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, TRAINING_PROGRAMME_CONFLICT, VALIDATION_FAILED, TRAINING_PROGRAMME_CODE_TAKEN
     */
    async updateProgramme(actor: Actor, id: string, input: UpdateProgramme) {
      const { row } = await forManage(actor, id);
      if (Number(row.version) !== input.version) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
      const checked = await check(actor, input, row);
      const values = {
        ...(input.code !== undefined ? { code: input.code.trim() } : {}),
        ...(input.titleAr !== undefined ? { titleAr: input.titleAr.trim() } : {}),
        ...(input.titleEn !== undefined ? { titleEn: input.titleEn.trim() } : {}),
        ...(input.descriptionAr !== undefined ? { descriptionAr: input.descriptionAr?.trim() || null } : {}),
        ...(input.descriptionEn !== undefined ? { descriptionEn: input.descriptionEn?.trim() || null } : {}),
        ...(input.objectivesAr !== undefined ? { objectivesAr: joinLines(input.objectivesAr) } : {}),
        ...(input.objectivesEn !== undefined ? { objectivesEn: joinLines(input.objectivesEn) } : {}),
        ...(input.audience !== undefined ? { audience: [...new Set(input.audience)].join(",") } : {}),
        ...(input.enrolment !== undefined ? { enrolment: input.enrolment } : {}),
        ...(input.minAttendancePct !== undefined ? { minAttendancePct: input.minAttendancePct } : {}),
        ...(input.minPostScorePct !== undefined ? { minPostScorePct: input.minPostScorePct } : {}),
        ...(input.requireSurvey !== undefined ? { requireSurvey: input.requireSurvey ? 1 : 0 } : {}),
        ...(input.survey !== undefined ? { survey: JSON.stringify(input.survey.map((s) => ({ ...s, textAr: s.textAr.trim(), textEn: s.textEn.trim() }))) } : {}),
        seasonId: checked.seasonId,
        cooperationProgrammeId: checked.cooperationProgrammeId,
        visibility: checked.visibility,
        shareGroupId: checked.shareGroupId,
      };
      const ownersChanged = input.ownerIds !== undefined && checked.ownerIds.join() !== row.ownerIds.join();
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateVersioned(tx, row.id, input.version, { ...values, updatedAt: now }))) throw new AppError("TRAINING_PROGRAMME_CONFLICT");
        if (ownersChanged) await repo.replaceOwners(tx, row.id, checked.ownerIds);
        const changes = { ...diffChanges(row as unknown as Record<string, unknown>, values), ...(ownersChanged ? { owners: [row.ownerIds, checked.ownerIds] } : {}), version: input.version + 1 };
        await audit(actor, { ...row, titleEn: values.titleEn ?? row.titleEn }, "training.programme_updated", changes, now, tx);
      });
      return present(actor, row.id);
    },

    /**
     * Publish a draft (trainees may then read it and enrol), or take it back to draft.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async setStatus(actor: Actor, id: string, status: ProgrammeStatus) {
      const { row } = await forManage(actor, id);
      if (row.status !== status) {
        const now = nowIso();
        await db.transaction().execute(async (tx) => {
          await repo.update(tx, row.id, { status, updatedAt: now });
          await audit(actor, row, status === "published" ? "training.programme_published" : "training.programme_unpublished", { status: [row.status, status] }, now, tx);
        });
      }
      return present(actor, row.id);
    },

    /**
     * Archive a programme (kept and readable, left out of lists, closed to enrolment), or restore it.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN
     */
    async setArchived(actor: Actor, id: string, archived: boolean) {
      const { row } = await forManage(actor, id);
      if (Boolean(row.archivedAt) !== archived) {
        const now = nowIso();
        await db.transaction().execute(async (tx) => {
          await repo.update(tx, row.id, { archivedAt: archived ? now : null, updatedAt: now });
          await audit(actor, row, archived ? "training.programme_archived" : "training.programme_unarchived", { archivedAt: [row.archivedAt, archived ? now : null] }, now, tx);
        });
      }
      return present(actor, row.id);
    },

    /**
     * The workshops (events of kind workshop the caller may read) that deliver the programme.
     * Links to workshops the caller cannot see are kept.
     * @throws AppError TRAINING_PROGRAMME_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (eventIds)
     */
    async setWorkshops(actor: Actor, id: string, eventIds: string[]) {
      const { row } = await forManage(actor, id);
      const wanted = [...new Set(eventIds)];
      const errors = new ProgrammeFieldErrors(actor.locale);
      for (const eventId of wanted) {
        try {
          const event = await events.load(actor, eventId);
          if (event.kind !== "workshop") errors.add("eventIds", "training.programme.validation.not_a_workshop");
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          errors.add("eventIds", "validation.invalid_choice");
        }
      }
      errors.throwIfAny();
      const current = (await repo.linkedEventIds(row.id)).map((r) => r.eventId);
      const hidden: string[] = [];
      for (const eventId of current) {
        if (wanted.includes(eventId)) continue;
        try {
          await events.load(actor, eventId);
        } catch (err) {
          if (!(err instanceof AppError)) throw err;
          hidden.push(eventId);
        }
      }
      const next = [...wanted, ...hidden];
      if (next.slice().sort().join() !== current.slice().sort().join()) {
        const now = nowIso();
        await db.transaction().execute(async (tx) => {
          await repo.replaceEvents(tx, row.id, next);
          await audit(actor, row, "training.workshops_updated", { events: [current, next] }, now, tx);
        });
      }
      return present(actor, row.id);
    },

    /** The readable programmes a workshop delivers. @throws AppError EVENT_NOT_FOUND */
    async programmesOfEvent(actor: Actor | null, eventId: string) {
      await events.load(actor, eventId);
      const rows = await repo.ofEvent(await withGroups(db, actor), eventId);
      return {
        items: rows.map((r) => ({ id: r.id, code: r.code, titleAr: r.titleAr, titleEn: r.titleEn, status: r.status as ProgrammeStatus, season: { id: r.seasonId, code: r.seasonCode, nameAr: r.seasonNameAr, nameEn: r.seasonNameEn } })),
      };
    },
  };
}

export type ProgrammesService = ReturnType<typeof createProgrammesService>;
