import type { Insertable } from "kysely";
import type { Readable } from "node:stream";
import type { FieldError } from "../../../../common/errors.js";
import {
  RECOMMENDATION_TRANSITIONS,
  transitionNeedsReason,
  type LinkTargetType,
  type RecommendationStatus,
  type UpdateKind,
} from "../../../../common/followup.js";
import type { Visibility } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { createFileStore } from "../../lib/file-store.js";
import { newId, nowIso } from "../../lib/tokens.js";
import {
  allowedTransitions,
  mayLinkRecommendation,
  mayManageRecommendation,
  mayReadRecommendation,
  mayReportProgress,
  type RecommendationAccess,
} from "../../policies/followup.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { insertAudit } from "../admin/audit.repository.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { resolveShareGroup } from "../directory/sharing.js";
import type { EventsService } from "../events/events.service.js";
import type { MinutesService } from "../events/minutes.service.js";
import { indexRecord } from "../search/search.indexer.js";
import { awarenessGainForProgrammes } from "../training/results.service.js";
import { programmeForRead } from "../training/training-access.js";
import { isIsoDate, overdueDays, todayIso } from "./followup-dates.js";
import { queueRecommendationAssignedMail } from "./assignment-mail.js";
import { queueStatusChangeMail } from "./followup-mail.js";
import { readProposalHistory, renderProposalHistory } from "./proposal-history.js";
import { programmesRepository } from "./programmes.repository.js";
import { OPEN_STATUSES, recommendationsRepository, type RecommendationFilter, type RecommendationRow } from "./recommendations.repository.js";
import type { CreateRecommendation, CreateUpdate, RecommendationQuery, RecommendationSummary, UpdateRecommendation } from "./recommendations.schema.js";

const notFound = () => new AppError("RECOMMENDATION_NOT_FOUND");
const invalid = (field: string, message = "validation.invalid_choice") => new AppError("VALIDATION_FAILED", { fields: [{ field, message }] });

type ResponsibleRow = Awaited<ReturnType<ReturnType<typeof recommendationsRepository>["responsiblesOf"]>>[number];

/** A readable recommendation with what its policies need. */
export interface LoadedRecommendation {
  row: RecommendationRow;
  access: RecommendationAccess;
  responsibles: ResponsibleRow[];
}

/** A timeline entry's target (for link and action entries), kept in its `links` column. */
interface Target {
  type: string;
  id: string;
  titleAr: string;
  titleEn: string;
}

const orgRef = (o: { id: string; code: string; nameAr: string; nameEn: string; kind: string; country: string | null }) => ({
  id: o.id,
  code: o.code,
  nameAr: o.nameAr,
  nameEn: o.nameEn,
  kind: o.kind,
  country: o.country,
});

/**
 * Bilingual text: at least one language. A missing one stays empty until someone translates it
 * (readers get the other, marked with its language); it is never filled with the other language.
 */
export function bilingual(textAr: string | null | undefined, textEn: string | null | undefined, errors: FieldError[], field = "textAr") {
  const ar = (textAr ?? "").trim();
  const en = (textEn ?? "").trim();
  if (!ar && !en) errors.push({ field, message: "validation.required" });
  return { textAr: ar, textEn: en };
}

/**
 * Recommendations: entered directly, tracked from a meeting's decisions, or created from an
 * adopted proposal (proposals.service.ts); their status machine, progress, timeline with
 * evidence (text, links, files), links to the workshops that implement them and the impact of
 * those. Every change writes a timeline entry and an audit entry in one transaction, re-indexes
 * the recommendation for search and, for a status change, mails the responsible organisations.
 */
export function createRecommendationsService(deps: Deps, events: EventsService, minutes: MinutesService) {
  const { db, dialect, config } = deps;
  const repo = recommendationsRepository(db, dialect);
  const programmes = programmesRepository(db);
  const store = createFileStore({ dataDir: config.dataDir, maxBytes: config.attachmentMaxBytes });

  async function accessOf(actor: Actor | null, row: RecommendationRow): Promise<LoadedRecommendation> {
    const responsibles = await repo.responsiblesOf([row.id]);
    const responsibleIds = responsibles.map((r) => r.id);
    const outsider = actor !== null && actor.organisationId !== row.organisationId && !responsibleIds.includes(actor.organisationId);
    const shared = outsider ? await repo.isSharedWith(row.id, row.sourceEventId, actor.organisationId) : false;
    return {
      row,
      responsibles,
      access: { organisationId: row.organisationId, visibility: row.visibility, shareGroupId: row.shareGroupId, status: row.status, responsibleIds, sharedWithActor: shared },
    };
  }

  /**
   * A recommendation the actor may read.
   * @throws AppError RECOMMENDATION_NOT_FOUND (also when not readable: ids are not confirmed), UNAUTHENTICATED
   */
  async function load(actor: Actor | null, id: string): Promise<LoadedRecommendation> {
    const row = await repo.findById(id);
    if (!row) throw actor ? notFound() : new AppError("UNAUTHENTICATED");
    await loadActorGroups(db, actor);
    const loaded = await accessOf(actor, row);
    if (!mayReadRecommendation(actor, loaded.access)) throw actor ? notFound() : new AppError("UNAUTHENTICATED");
    return loaded;
  }

  function presentSummary(row: RecommendationRow, responsibles: ResponsibleRow[], today: string): RecommendationSummary {
    const open = (OPEN_STATUSES as readonly string[]).includes(row.status);
    const days = overdueDays(row.dueOn, open, today);
    return {
      id: row.id,
      reference: row.reference,
      textAr: row.textAr,
      textEn: row.textEn,
      status: row.status as RecommendationStatus,
      progress: Number(row.progress),
      dueOn: row.dueOn,
      overdue: days > 0,
      daysOverdue: days,
      season: { id: row.seasonId, code: row.seasonCode },
      programme: row.programmeId ? { id: row.programmeId, code: row.programmeCode ?? "", titleAr: row.programmeTitleAr ?? "", titleEn: row.programmeTitleEn ?? "" } : null,
      area: row.areaId ? { id: row.areaId, code: row.areaCode ?? "", titleAr: row.areaTitleAr ?? "", titleEn: row.areaTitleEn ?? "" } : null,
      owner: { id: row.organisationId, code: row.ownerCode, nameAr: row.ownerNameAr, nameEn: row.ownerNameEn, kind: row.ownerKind, country: row.ownerCountry },
      responsibles: responsibles.filter((r) => r.recommendationId === row.id).map(orgRef),
      sourceEvent: row.sourceEventId
        ? { id: row.sourceEventId, titleAr: row.sourceEventTitleAr ?? "", titleEn: row.sourceEventTitleEn ?? "", startsAt: row.sourceEventStartsAt ?? "" }
        : null,
      updatedAt: row.updatedAt,
    };
  }

  /** Rows → summaries, with every row's responsibles looked up at once. */
  async function presentSummaries(rows: RecommendationRow[]): Promise<RecommendationSummary[]> {
    const responsibles = await repo.responsiblesOf(rows.map((r) => r.id));
    const today = todayIso();
    return rows.map((r) => presentSummary(r, responsibles, today));
  }

  /** Whether the actor may read the event (a link to an unreadable event is not shown to him). */
  async function readableEvent(actor: Actor | null, eventId: string) {
    try {
      return await events.load(actor, eventId);
    } catch (err) {
      if (err instanceof AppError) return null;
      throw err;
    }
  }

  /** The training programme if the actor may read it (a link to an unreadable one is not shown to him). */
  async function readableProgramme(actor: Actor | null, programmeId: string) {
    try {
      return await programmeForRead(db, actor, programmeId);
    } catch (err) {
      if (err instanceof AppError && err.code === "TRAINING_PROGRAMME_NOT_FOUND") return null;
      throw err;
    }
  }

  /**
   * Awareness gain over the training programmes the actor may read among those linked directly and
   * those the linked workshops deliver (each counted once); null when no such programme is involved.
   */
  async function awarenessOf(actor: Actor | null, linkedProgrammeIds: string[], linkedEventIds: string[]) {
    const delivered = await repo.programmesDeliveredBy(linkedEventIds);
    const covered = [];
    for (const programmeId of new Set([...linkedProgrammeIds, ...delivered])) {
      const p = await readableProgramme(actor, programmeId);
      if (p) covered.push(p);
    }
    if (covered.length === 0) return null;
    covered.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    const gain = await awarenessGainForProgrammes(db, covered.map((p) => p.id));
    return { ...gain, programmes: covered.map((p) => ({ id: p.id, titleAr: p.titleAr, titleEn: p.titleEn })) };
  }

  /**
   * The linked workshops and training programmes the actor may read, with attendance over the
   * workshops that were held and the awareness gain of the programmes involved.
   */
  async function linksAndImpact(actor: Actor | null, id: string) {
    const rows = await repo.links(id);
    const now = nowIso();
    const readable = [];
    for (const l of rows) {
      if (l.titleAr === null) continue;
      if (l.targetType === "event" ? await readableEvent(actor, l.targetId) : l.targetType === "training_programme" ? await readableProgramme(actor, l.targetId) : null) readable.push(l);
    }
    const visible = readable.filter((l) => l.targetType === "event");
    const programmeLinks = readable.filter((l) => l.targetType === "training_programme");
    const held = visible.filter((l) => l.status !== "cancelled" && l.status !== "draft" && (l.endsAt ?? "") < now);
    const [attendance, awarenessGain] = await Promise.all([
      repo.attendanceOf(held.map((l) => l.targetId)),
      awarenessOf(actor, programmeLinks.map((l) => l.targetId), visible.map((l) => l.targetId)),
    ]);
    return {
      links: readable.map((l) => ({
        targetType: l.targetType as LinkTargetType,
        targetId: l.targetId,
        title: { ar: l.titleAr ?? "", en: l.titleEn ?? "" },
        startsAt: l.startsAt,
        createdAt: l.createdAt,
      })),
      impact: {
        workshops: visible.map((l) => {
          const isHeld = held.includes(l);
          const figures = attendance.perEvent.get(l.targetId);
          return {
            id: l.targetId,
            titleAr: l.titleAr ?? "",
            titleEn: l.titleEn ?? "",
            startsAt: l.startsAt ?? "",
            endsAt: l.endsAt ?? "",
            held: isHeld,
            participants: isHeld ? (figures?.participants ?? 0) : 0,
            countries: isHeld ? (figures?.countries ?? 0) : 0,
          };
        }),
        participants: attendance.participants,
        countries: attendance.countries,
        awarenessGain,
      },
    };
  }

  async function present(actor: Actor | null, loaded: LoadedRecommendation) {
    const { row, access, responsibles } = loaded;
    const [{ links, impact }, createdBy, proposal] = await Promise.all([
      linksAndImpact(actor, row.id),
      row.createdBy ? repo.userName(row.createdBy) : Promise.resolve(undefined),
      row.sourceProposalId ? repo.proposalTitle(row.sourceProposalId) : Promise.resolve(undefined),
    ]);
    return {
      ...presentSummary(row, responsibles, todayIso()),
      statusReason: row.statusReason,
      visibility: row.visibility as Visibility,
      shareGroupId: row.shareGroupId,
      sourceDecisionId: row.sourceDecisionId,
      sourceProposal: proposal ? { id: proposal.id, title: proposal.title } : null,
      createdAt: row.createdAt,
      approvedAt: row.approvedAt,
      closedAt: row.closedAt,
      createdBy: createdBy ? { id: createdBy.id, name: createdBy.name } : null,
      links,
      impact,
      abilities: {
        manage: mayManageRecommendation(actor, access),
        progress: mayReportProgress(actor, access),
        transitions: allowedTransitions(actor, access),
      },
    };
  }

  async function resolveResponsibles(ids: string[] | undefined, errors: FieldError[], field = "responsibleOrganisationIds"): Promise<string[]> {
    const unique = [...new Set(ids ?? [])];
    if (unique.length === 0) return [];
    const found = new Set((await repo.existingOrganisations(unique)).map((o) => o.id));
    if (unique.some((id) => !found.has(id))) errors.push({ field, message: "validation.invalid_choice" });
    return unique.filter((id) => found.has(id));
  }

  /** Programme and area (an area names its programme; the programme must be readable). */
  async function resolvePlacement(actor: Actor, programmeId: string | null | undefined, areaId: string | null | undefined, errors: FieldError[]) {
    let programme = programmeId ?? null;
    if (areaId) {
      const area = await repo.area(areaId);
      if (!area || (programme && area.programmeId !== programme)) {
        errors.push({ field: "areaId", message: "validation.invalid_choice" });
        return { programmeId: programme, areaId: null };
      }
      programme = area.programmeId;
    }
    if (programme && !(await programmes.findReadable(actor, programme))) {
      errors.push({ field: "programmeId", message: "validation.invalid_choice" });
      return { programmeId: null, areaId: null };
    }
    return { programmeId: programme, areaId: areaId ?? null };
  }

  function checkDue(dueOn: string | null | undefined, errors: FieldError[]) {
    if (dueOn && !isIsoDate(dueOn)) errors.push({ field: "dueOn", message: "validation.invalid_format" });
  }

  /**
   * The status move `from → to` if the actor may make it.
   * @throws AppError RECOMMENDATION_STATUS_INVALID for a move the machine does not allow, FORBIDDEN
   */
  function checkTransition(actor: Actor, access: RecommendationAccess, from: RecommendationStatus, to: RecommendationStatus, reason: string | null | undefined, errors: FieldError[]) {
    if (!RECOMMENDATION_TRANSITIONS[from].includes(to)) throw new AppError("RECOMMENDATION_STATUS_INVALID", { params: { from, to } });
    if (!allowedTransitions(actor, access).includes(to)) throw new AppError("FORBIDDEN");
    if (transitionNeedsReason(from, to) && !reason?.trim()) errors.push({ field: "reason", message: "validation.required" });
  }

  /** The recommendation's columns after a status move. */
  function statusValues(to: RecommendationStatus, reason: string | null | undefined, now: string) {
    const values: Partial<DB["recommendations"]> = { status: to, statusReason: reason?.trim() || null };
    if (to === "approved") values.approvedAt = now;
    if (to === "done") Object.assign(values, { progress: 100, closedAt: now });
    if (to === "dropped") values.closedAt = now;
    if (to === "in_progress" || to === "proposed") values.closedAt = null;
    return values;
  }

  async function organisationNames(tx: Executor, ids: string[]) {
    return new Map((await tx.selectFrom("organisations").select(["id", "nameAr", "nameEn"]).where("id", "in", ids.length ? ids : [""]).execute()).map((o) => [o.id, o]));
  }

  async function mailStatusChange(tx: Executor, actor: Actor, rec: { id: string; reference: string | null; textAr: string; textEn: string }, responsibleIds: string[], from: string, to: string, reason: string | null) {
    const recipients = await repo.adminsOf(tx, responsibleIds);
    const names = await organisationNames(tx, responsibleIds);
    await queueStatusChangeMail(tx, { recipients, recommendation: rec, from, to, reason, actorName: actor.name, organisationNames: names, publicUrl: config.publicUrl });
  }

  /** Tell the admins of organisations just made responsible (at creation, or added later). */
  async function mailAssigned(tx: Executor, rec: { id: string; reference: string | null; textAr: string; textEn: string; status: string; dueOn: string | null; organisationId: string }, responsibleIds: string[]) {
    if (responsibleIds.length === 0) return;
    const recipients = await repo.adminsOf(tx, responsibleIds);
    if (recipients.length === 0) return;
    const names = await organisationNames(tx, [rec.organisationId, ...responsibleIds]);
    await queueRecommendationAssignedMail(tx, { recipients, recommendation: rec, owner: names.get(rec.organisationId), organisationNames: names, publicUrl: config.publicUrl });
  }

  function updateRow(actor: Actor, recommendationId: string, kind: UpdateKind, now: string, values: Partial<Insertable<DB["recommendationUpdates"]>> = {}): Insertable<DB["recommendationUpdates"]> {
    return {
      id: newId(),
      recommendationId,
      userId: actor.userId,
      organisationId: actor.organisationId,
      kind,
      text: null,
      statusFrom: null,
      statusTo: null,
      progressFrom: null,
      progressTo: null,
      links: null,
      createdAt: now,
      ...values,
    };
  }

  /**
   * Write a new recommendation with its responsibles and first timeline entries, audit it and index it
   * (inside the caller's transaction). Used for direct entry, tracked decisions and adopted proposals.
   */
  async function insertRecommendation(tx: Executor, actor: Actor, row: Insertable<DB["recommendations"]>, responsibleIds: string[], timeline: Array<Partial<Insertable<DB["recommendationUpdates"]>>>, action: string) {
    await repo.create(tx, row);
    await writeCreated(tx, actor, row, responsibleIds, timeline, action);
  }

  async function writeCreated(tx: Executor, actor: Actor, row: Insertable<DB["recommendations"]>, responsibleIds: string[], timeline: Array<Partial<Insertable<DB["recommendationUpdates"]>>>, action: string) {
    const now = row.createdAt;
    await repo.replaceResponsibles(tx, row.id, responsibleIds);
    for (const entry of timeline.length ? timeline : [{}]) {
      await repo.insertUpdate(tx, updateRow(actor, row.id, "created", now, { statusTo: row.status, progressTo: Number(row.progress), ...entry }));
    }
    await insertAudit(tx, {
      actorId: actor.userId,
      organisationId: row.organisationId,
      action,
      entityType: "recommendation",
      entityId: row.id,
      summary: summaryOf({ reference: row.reference ?? null, textAr: row.textAr, textEn: row.textEn }),
      changes: { status: row.status, responsibles: responsibleIds, sourceEventId: row.sourceEventId ?? null, sourceDecisionId: row.sourceDecisionId ?? null, sourceProposalId: row.sourceProposalId ?? null },
    }, now);
    await mailAssigned(tx, { id: row.id, reference: row.reference ?? null, textAr: row.textAr, textEn: row.textEn, status: row.status, dueOn: row.dueOn ?? null, organisationId: row.organisationId }, responsibleIds);
    await indexRecord(tx, "recommendation", row.id);
  }

  /** A timeline entry for `reader` (an adopted proposal's history is told in his language and digits). */
  function presentUpdate(u: Awaited<ReturnType<typeof repo.updates>>["items"][number], files: Awaited<ReturnType<typeof repo.filesOf>>, reader: Actor) {
    const stored = u.links ? (JSON.parse(u.links) as Array<Record<string, string>>) : [];
    const isTargeted = u.kind === "link" || u.kind === "action";
    const target = isTargeted && stored[0] ? { type: stored[0].type ?? "", id: stored[0].id ?? "", titleAr: stored[0].titleAr ?? "", titleEn: stored[0].titleEn ?? "" } : null;
    const fromProposal = u.kind === "created" ? readProposalHistory(stored) : null;
    return {
      id: u.id,
      kind: u.kind as UpdateKind,
      text: fromProposal ? renderProposalHistory(fromProposal, reader.locale, reader.digits) : u.text,
      statusFrom: u.statusFrom as RecommendationStatus | null,
      statusTo: u.statusTo as RecommendationStatus | null,
      progressFrom: u.progressFrom === null ? null : Number(u.progressFrom),
      progressTo: u.progressTo === null ? null : Number(u.progressTo),
      links: isTargeted || fromProposal ? [] : stored.map((l) => ({ url: l.url ?? "", title: l.title || l.url || "" })),
      target,
      fromProposal: fromProposal ? (({ type: _type, ...rest }) => rest)(fromProposal) : null,
      files: files
        .filter((f) => f.updateId === u.id)
        .map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: Number(f.size), createdAt: f.createdAt, url: `/api/recommendations/${f.recommendationId}/updates/${f.updateId}/files/${f.id}` })),
      author: u.userId ? { id: u.userId, name: u.userName ?? "" } : null,
      organisation: { id: u.organisationId, code: u.orgCode, nameAr: u.orgNameAr, nameEn: u.orgNameEn },
      createdAt: u.createdAt,
    };
  }

  async function findUpdatePresented(reader: Actor, recommendationId: string, updateId: string) {
    // The newest few entries hold the one just written.
    const { items } = await repo.updates(recommendationId, 1, 20);
    const u = items.find((i) => i.id === updateId);
    if (!u) throw new AppError("NOT_FOUND");
    return presentUpdate(u, await repo.filesOf([u.id]), reader);
  }

  /** Resolve list filters (season code or id) to what the repository filters on. */
  async function resolveFilter(query: { season?: string } & Omit<RecommendationFilter, "seasonId">): Promise<RecommendationFilter> {
    const { season, ...rest } = query;
    const seasonId = season ? ((await repo.season(season))?.id ?? null) : undefined;
    return { ...rest, seasonId };
  }

  const summaryOf = (row: { reference: string | null; textAr: string; textEn: string }) => {
    const text = row.textEn || row.textAr;
    return (row.reference ? `${row.reference} ${text}` : text).slice(0, 200);
  };

  return {
    load,
    presentSummaries,
    insertRecommendation,
    resolveFilter,
    bilingual,
    resolveResponsibles,
    resolvePlacement,
    updateRow,
    indexAndTouch: async (tx: Executor, id: string, now: string) => {
      await repo.update(tx, id, { updatedAt: now });
      await indexRecord(tx, "recommendation", id);
    },
    repository: repo,

    /** Readable recommendations, filtered and paged, newest first. */
    async findRecommendations(actor: Actor, query: RecommendationQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      await loadActorGroups(db, actor);
      const filter = await resolveFilter(query);
      const { items, total } = await repo.search(actor, filter, todayIso(), page, pageSize);
      return { items: await presentSummaries(items), total, page, pageSize, abilities: { create: can(actor, "recommendation.create", { organisationId: actor.organisationId }) } };
    },

    /** @throws AppError RECOMMENDATION_NOT_FOUND */
    async getRecommendation(actor: Actor, id: string) {
      return present(actor, await load(actor, id));
    },

    /**
     * Enter a recommendation directly: coordinators for any owner, an organisation's admin for his own.
     * @throws AppError FORBIDDEN, VALIDATION_FAILED naming each bad field
     */
    async createRecommendation(actor: Actor, input: CreateRecommendation) {
      const ownerId = input.organisationId ?? actor.organisationId;
      authorize(actor, "recommendation.create", { organisationId: ownerId });
      const errors: FieldError[] = [];
      if (!(await repo.existingOrganisations([ownerId])).length) errors.push({ field: "organisationId", message: "validation.invalid_choice" });
      const texts = bilingual(input.textAr, input.textEn, errors);
      const responsibleIds = await resolveResponsibles(input.responsibleOrganisationIds, errors);
      const placement = await resolvePlacement(actor, input.programmeId, input.areaId, errors);
      checkDue(input.dueOn, errors);
      let seasonId: string | null = null;
      let sourceEventId: string | null = null;
      if (input.sourceEventId) {
        const event = await readableEvent(actor, input.sourceEventId);
        if (!event) errors.push({ field: "sourceEventId", message: "validation.invalid_choice" });
        else {
          sourceEventId = event.id;
          seasonId = event.seasonId;
        }
      }
      const seasonKey = input.seasonId ?? input.seasonCode;
      if (seasonKey) {
        const season = await repo.season(seasonKey);
        if (!season) errors.push({ field: input.seasonId ? "seasonId" : "seasonCode", message: "validation.invalid_choice" });
        seasonId = season?.id ?? seasonId;
      }
      if (!seasonId && placement.programmeId) seasonId = (await programmes.findById(placement.programmeId))?.seasonId ?? null;
      if (!seasonId && !errors.some((e) => e.field.startsWith("season"))) errors.push({ field: "seasonCode", message: "validation.required" });
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const visibility = input.visibility ?? "private";
      const shareGroupId = await resolveShareGroup(db, ownerId, visibility, input.shareGroupId);
      const status = input.status ?? "proposed";
      const now = nowIso();
      const row: Insertable<DB["recommendations"]> = {
        id: newId(),
        ...placement,
        seasonId: seasonId!,
        sourceEventId,
        sourceDecisionId: null,
        sourceProposalId: null,
        reference: input.reference?.trim() || null,
        ...texts,
        status,
        statusReason: null,
        progress: 0,
        dueOn: input.dueOn ?? null,
        organisationId: ownerId,
        visibility,
        shareGroupId,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        approvedAt: status === "approved" ? now : null,
        closedAt: null,
      };
      await db.transaction().execute(async (tx) => insertRecommendation(tx, actor, row, responsibleIds, [], "recommendation.created"));
      return present(actor, await load(actor, row.id));
    },

    /**
     * Turn a meeting's decisions into tracked recommendations (all untracked ones when `decisionIds`
     * is omitted); tracking again is a no-op for those already tracked. Owner: the host; status
     * approved; readable by the meeting's participants.
     * @throws AppError EVENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED naming `decisionIds`
     */
    async trackDecisions(actor: Actor, eventId: string, input: { decisionIds?: string[] }) {
      const event = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, event));
      const decisions = await minutes.decisionsOf(event.id);
      const wanted = input.decisionIds ? [...new Set(input.decisionIds)] : decisions.map((d) => d.id);
      const known = new Set(decisions.map((d) => d.id));
      if (wanted.some((id) => !known.has(id))) throw invalid("decisionIds");
      const tracked = await repo.trackedDecisions(wanted);
      const alreadyTracked = wanted.filter((id) => tracked.has(id)).map((decisionId) => ({ decisionId, recommendationId: tracked.get(decisionId)! }));
      // The participants read it in any case (invited organisations); a wider visibility of the meeting carries over.
      const wide = event.visibility !== "private";
      const now = nowIso();
      const createdIds: string[] = [];
      await db.transaction().execute(async (tx) => {
        for (const d of decisions.filter((x) => wanted.includes(x.id) && !tracked.has(x.id))) {
          const errors: FieldError[] = [];
          const texts = bilingual(d.textAr, d.textEn, errors);
          const row: Insertable<DB["recommendations"]> = {
            id: newId(),
            programmeId: null,
            areaId: null,
            seasonId: event.seasonId,
            sourceEventId: event.id,
            sourceDecisionId: d.id,
            sourceProposalId: null,
            reference: d.reference,
            ...texts,
            status: "approved",
            statusReason: null,
            progress: 0,
            dueOn: d.dueOn,
            organisationId: event.hostOrganisationId,
            visibility: wide ? event.visibility : "private",
            shareGroupId: wide ? event.shareGroupId : null,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
            approvedAt: now,
            closedAt: null,
          };
          // Another request may have tracked it meanwhile: the unique decision id decides.
          if (!(await repo.createForDecision(tx, row))) {
            const existing = await repo.trackedDecisions([d.id], tx);
            alreadyTracked.push({ decisionId: d.id, recommendationId: existing.get(d.id) ?? "" });
            continue;
          }
          await writeCreated(tx, actor, row, d.responsible ? [d.responsible.id] : [], [{ text: d.number ? `#${d.number}` : null }], "recommendation.tracked");
          createdIds.push(row.id);
        }
      });
      const rows = await repo.findByIds(createdIds);
      rows.sort((a, b) => createdIds.indexOf(a.id) - createdIds.indexOf(b.id));
      return { created: await presentSummaries(rows), alreadyTracked };
    },

    /**
     * Change a recommendation. Texts, reference, due date, placement, responsibles and sharing are for
     * those who manage it; status moves as the machine and the policies allow; progress is reported
     * by the responsible organisations and coordinators.
     * @throws AppError RECOMMENDATION_NOT_FOUND, FORBIDDEN, RECOMMENDATION_STATUS_INVALID, RECOMMENDATION_CONFLICT, VALIDATION_FAILED
     */
    async updateRecommendation(actor: Actor, id: string, input: UpdateRecommendation) {
      const loaded = await load(actor, id);
      const { row, access } = loaded;
      const manage = mayManageRecommendation(actor, access);
      const report = mayReportProgress(actor, access);
      if (!manage && !report) throw new AppError("FORBIDDEN");
      const managed = (["textAr", "textEn", "reference", "dueOn", "areaId", "programmeId", "responsibleOrganisationIds", "visibility", "shareGroupId"] as const).filter((k) => input[k] !== undefined);
      if (managed.length && !manage) throw new AppError("FORBIDDEN");
      const errors: FieldError[] = [];
      const from = row.status as RecommendationStatus;
      const to = input.status && input.status !== from ? input.status : null;
      if (to) checkTransition(actor, access, from, to, input.reason, errors);
      const progressChange = input.progress !== undefined && input.progress !== Number(row.progress) && to !== "done";
      if (progressChange) {
        if (!report) throw new AppError("FORBIDDEN");
        const after = to ?? from;
        if (after !== "approved" && after !== "in_progress") throw new AppError("RECOMMENDATION_STATUS_INVALID", { params: { from, to: after } });
      }
      const values: Partial<DB["recommendations"]> = {};
      if (input.textAr !== undefined || input.textEn !== undefined) Object.assign(values, bilingual(input.textAr ?? row.textAr, input.textEn ?? row.textEn, errors));
      if (input.reference !== undefined) values.reference = input.reference?.trim() || null;
      if (input.dueOn !== undefined) {
        checkDue(input.dueOn, errors);
        values.dueOn = input.dueOn;
      }
      if (input.areaId !== undefined || input.programmeId !== undefined) {
        const placement = await resolvePlacement(actor, input.programmeId === undefined ? row.programmeId : input.programmeId, input.areaId === undefined ? (input.programmeId === undefined ? row.areaId : null) : input.areaId, errors);
        Object.assign(values, placement);
      }
      const responsibleIds = input.responsibleOrganisationIds !== undefined ? await resolveResponsibles(input.responsibleOrganisationIds, errors) : null;
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      if (input.visibility !== undefined || input.shareGroupId !== undefined) {
        const visibility = input.visibility ?? row.visibility;
        values.visibility = visibility;
        values.shareGroupId = await resolveShareGroup(db, row.organisationId, visibility, input.shareGroupId === undefined ? row.shareGroupId : input.shareGroupId);
      }
      const now = nowIso();
      if (to) Object.assign(values, statusValues(to, input.reason, now));
      if (progressChange) values.progress = input.progress;
      const before = { ...row, responsibles: access.responsibleIds.join(",") } as Record<string, unknown>;
      const changes = diffChanges(before, { ...values, ...(responsibleIds ? { responsibles: responsibleIds.join(",") } : {}) });
      if (Object.keys(changes).length === 0) return present(actor, loaded);
      const finalResponsibles = responsibleIds ?? [...access.responsibleIds];
      await db.transaction().execute(async (tx) => {
        const current = await repo.lock(tx, row.id);
        if (!current || current.updatedAt !== input.updatedAt) throw new AppError("RECOMMENDATION_CONFLICT");
        await repo.update(tx, row.id, { ...values, updatedAt: now });
        if (responsibleIds) {
          await repo.replaceResponsibles(tx, row.id, responsibleIds);
          const added = responsibleIds.filter((id) => !access.responsibleIds.includes(id));
          await mailAssigned(tx, { ...row, ...values } as RecommendationRow, added);
        }
        const edited = Object.keys(changes).some((k) => !["status", "statusReason", "progress", "approvedAt", "closedAt"].includes(k));
        if (edited) await repo.insertUpdate(tx, updateRow(actor, row.id, "update", now));
        const progressTo = values.progress !== undefined ? Number(values.progress) : null;
        if (to) {
          await repo.insertUpdate(tx, updateRow(actor, row.id, "status", now, { text: input.reason?.trim() || null, statusFrom: from, statusTo: to, ...(progressTo !== null && progressTo !== Number(row.progress) ? { progressFrom: Number(row.progress), progressTo } : {}) }));
        } else if (progressTo !== null) {
          await repo.insertUpdate(tx, updateRow(actor, row.id, "progress", now, { progressFrom: Number(row.progress), progressTo }));
        }
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: to ? "recommendation.status_changed" : "recommendation.updated", entityType: "recommendation", entityId: row.id, summary: summaryOf(row), changes }, now);
        if (to) await mailStatusChange(tx, actor, { id: row.id, reference: values.reference ?? row.reference, textAr: values.textAr ?? row.textAr, textEn: values.textEn ?? row.textEn }, finalResponsibles, from, to, input.reason?.trim() || null);
        await indexRecord(tx, "recommendation", row.id);
      });
      return present(actor, await load(actor, row.id));
    },

    /** The timeline, newest first. */
    async listUpdates(actor: Actor, id: string, query: { page?: number; pageSize?: number }) {
      const { row } = await load(actor, id);
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const { items, total } = await repo.updates(row.id, page, pageSize);
      const files = await repo.filesOf(items.map((u) => u.id));
      return { items: items.map((u) => presentUpdate(u, files, actor)), total, page, pageSize };
    },

    /**
     * Report on a recommendation: text with evidence links, optionally a new progress and/or status
     * (one timeline entry; files are attached to it afterwards).
     * @throws AppError RECOMMENDATION_NOT_FOUND, FORBIDDEN, RECOMMENDATION_STATUS_INVALID, VALIDATION_FAILED
     */
    async addUpdate(actor: Actor, id: string, input: CreateUpdate) {
      const { row, access, responsibles } = await load(actor, id);
      const errors: FieldError[] = [];
      const from = row.status as RecommendationStatus;
      const to = input.status && input.status !== from ? input.status : null;
      if (to) checkTransition(actor, access, from, to, input.reason, errors);
      else if (!mayReportProgress(actor, access)) throw new AppError("FORBIDDEN");
      const progressChange = input.progress !== undefined && input.progress !== Number(row.progress) && to !== "done";
      if (progressChange) {
        if (!mayReportProgress(actor, access)) throw new AppError("FORBIDDEN");
        const after = to ?? from;
        if (after !== "approved" && after !== "in_progress") throw new AppError("RECOMMENDATION_STATUS_INVALID", { params: { from, to: after } });
      }
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const now = nowIso();
      const values: Partial<DB["recommendations"]> = to ? statusValues(to, input.reason ?? input.text, now) : {};
      if (progressChange) values.progress = input.progress;
      const progressTo = values.progress !== undefined ? Number(values.progress) : null;
      const kind: UpdateKind = to ? "status" : progressTo !== null ? "progress" : "update";
      const entry = updateRow(actor, row.id, kind, now, {
        text: input.text.trim(),
        links: input.links?.length ? JSON.stringify(input.links.map((l) => ({ url: l.url, title: l.title?.trim() || l.url }))) : null,
        ...(to ? { statusFrom: from, statusTo: to } : {}),
        ...(progressTo !== null && progressTo !== Number(row.progress) ? { progressFrom: Number(row.progress), progressTo } : {}),
      });
      await db.transaction().execute(async (tx) => {
        await repo.lock(tx, row.id);
        if (to || progressTo !== null) await repo.update(tx, row.id, { ...values, updatedAt: now });
        await repo.insertUpdate(tx, entry);
        await insertAudit(tx, {
          actorId: actor.userId,
          organisationId: row.organisationId,
          action: to ? "recommendation.status_changed" : "recommendation.update_posted",
          entityType: "recommendation",
          entityId: row.id,
          summary: summaryOf(row),
          changes: { update: entry.id, ...(to ? { status: [from, to] } : {}), ...(progressTo !== null ? { progress: [Number(row.progress), progressTo] } : {}), links: input.links?.length ?? 0 },
        }, now);
        if (to) await mailStatusChange(tx, actor, row, responsibles.map((r) => r.id), from, to, input.reason?.trim() || input.text.trim());
        await indexRecord(tx, "recommendation", row.id);
      });
      return findUpdatePresented(actor, row.id, entry.id);
    },

    /**
     * Attach an evidence file to a timeline entry (streamed to disk; types and size as for event files).
     * @throws AppError RECOMMENDATION_NOT_FOUND, NOT_FOUND (entry), FORBIDDEN, VALIDATION_FAILED, PAYLOAD_TOO_LARGE
     */
    async uploadFile(actor: Actor, id: string, updateId: string, input: { fileName: string; declaredSize: number | null; body: Readable }) {
      const { row, access } = await load(actor, id);
      const update = await repo.findUpdate(row.id, updateId);
      if (!update) throw new AppError("NOT_FOUND");
      if (!mayReportProgress(actor, access) && update.userId !== actor.userId) throw new AppError("FORBIDDEN");
      const file = store.accept(input.fileName);
      const stored = await store.save(file, input.body, input.declaredSize);
      const now = nowIso();
      try {
        await db.transaction().execute(async (tx) => {
          await repo.insertFile(tx, { id: stored.id, updateId: update.id, recommendationId: row.id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size, sha256: stored.sha256, storageKey: stored.storageKey, uploadedBy: actor.userId, createdAt: now });
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "recommendation.file_added", entityType: "recommendation", entityId: row.id, summary: stored.fileName, changes: { update: update.id, file: stored.id, size: stored.size, sha256: stored.sha256 } }, now);
        });
      } catch (err) {
        await store.remove(stored.storageKey);
        throw err;
      }
      return { id: stored.id, fileName: stored.fileName, contentType: stored.contentType, size: stored.size, createdAt: now, url: `/api/recommendations/${row.id}/updates/${update.id}/files/${stored.id}` };
    },

    /** An evidence file for download, if the caller may read the recommendation. */
    async openFile(actor: Actor, id: string, updateId: string, fileId: string) {
      const { row } = await load(actor, id);
      const file = await repo.findFile(row.id, updateId, fileId);
      if (!file) throw new AppError("NOT_FOUND");
      const stored = await store.open(file.storageKey);
      if (!stored) throw new AppError("NOT_FOUND");
      return { fileName: file.fileName, contentType: file.contentType, size: stored.size, stream: stored.stream };
    },

    /**
     * Link a workshop (an event the caller may read) or a training programme (one he may read) that
     * implements the recommendation.
     * @throws AppError RECOMMENDATION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED naming `targetId`
     */
    async addLink(actor: Actor, id: string, input: { targetType: LinkTargetType; targetId: string }) {
      const { row, access } = await load(actor, id);
      if (!mayLinkRecommendation(actor, access)) throw new AppError("FORBIDDEN");
      const target = input.targetType === "training_programme" ? await readableProgramme(actor, input.targetId) : await readableEvent(actor, input.targetId);
      if (!target) throw invalid("targetId");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.insertLink(tx, { recommendationId: row.id, targetType: input.targetType, targetId: target.id, createdBy: actor.userId, createdAt: now }))) return;
        await repo.insertUpdate(tx, updateRow(actor, row.id, "link", now, { text: "linked", links: JSON.stringify([{ type: input.targetType, id: target.id, titleAr: target.titleAr, titleEn: target.titleEn }]) }));
        await repo.update(tx, row.id, { updatedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "recommendation.linked", entityType: "recommendation", entityId: row.id, summary: summaryOf(row), changes: { targetType: input.targetType, targetId: target.id } }, now);
        await indexRecord(tx, "recommendation", row.id);
      });
      return { links: (await linksAndImpact(actor, row.id)).links };
    },

    /**
     * Remove a link (no error when there is none).
     * @throws AppError RECOMMENDATION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED naming `targetId` (a training programme the caller may not read)
     */
    async removeLink(actor: Actor, id: string, targetType: string, targetId: string) {
      const { row, access } = await load(actor, id);
      if (!mayLinkRecommendation(actor, access)) throw new AppError("FORBIDDEN");
      const target = (await repo.links(row.id)).find((l) => l.targetType === targetType && l.targetId === targetId);
      if (!target) return;
      if (targetType === "training_programme" && target.titleAr !== null && !(await readableProgramme(actor, targetId))) throw invalid("targetId");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.deleteLink(tx, row.id, targetType, targetId))) return;
        await repo.insertUpdate(tx, updateRow(actor, row.id, "link", now, { text: "unlinked", links: JSON.stringify([{ type: targetType, id: targetId, titleAr: target.titleAr ?? "", titleEn: target.titleEn ?? "" }]) }));
        await repo.update(tx, row.id, { updatedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "recommendation.unlinked", entityType: "recommendation", entityId: row.id, summary: summaryOf(row), changes: { targetType, targetId } }, now);
      });
    },

    /**
     * What an event is about in follow-up: the recommendations it serves (links), those that came
     * out of it, and the programmes it is under — readable ones only.
     * @throws AppError EVENT_NOT_FOUND
     */
    async eventRecommendations(actor: Actor, eventId: string) {
      const event = await events.load(actor, eventId);
      await loadActorGroups(db, actor);
      const linked = await repo.linkedTo("event", event.id);
      const [serves, source, programmeRows] = await Promise.all([
        linked.length ? repo.findReadable(actor, (eb) => eb("recommendations.id", "in", linked)) : Promise.resolve([]),
        repo.findReadable(actor, (eb) => eb("recommendations.sourceEventId", "=", event.id)),
        programmes.readableOfEvent(actor, event.id),
      ]);
      return { serves: await presentSummaries(serves), source: await presentSummaries(source), programmes: programmeRows };
    },

    /**
     * The readable recommendations linked to a workshop or a training programme the caller may read.
     * @throws AppError EVENT_NOT_FOUND, TRAINING_PROGRAMME_NOT_FOUND
     */
    async linkedRecommendations(actor: Actor, targetType: LinkTargetType, targetId: string) {
      const target = targetType === "training_programme" ? await programmeForRead(db, actor, targetId) : await events.load(actor, targetId);
      await loadActorGroups(db, actor);
      const linked = await repo.linkedTo(targetType, target.id);
      const rows = linked.length ? await repo.findReadable(actor, (eb) => eb("recommendations.id", "in", linked)) : [];
      return { items: await presentSummaries(rows) };
    },
  };
}

export type RecommendationsService = ReturnType<typeof createRecommendationsService>;
