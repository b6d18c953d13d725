import type { Insertable } from "kysely";
import type { FieldError } from "../../../../common/errors.js";
import { CARRY_OVER_EDITIONS, PROPOSALS_OPEN_DAYS_AFTER, type ProposalStatus } from "../../../../common/followup.js";
import type { LibraryLanguage } from "../../../../common/library.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { mayDeleteProposalComment, mayEditProposal } from "../../policies/followup.js";
import { authorize, can, type Actor, type Owned } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import type { EventsService } from "../events/events.service.js";
import { isIsoDate } from "./followup-dates.js";
import type { ProposalHistory } from "./proposal-history.js";
import { proposalsRepository, type ProposalRow } from "./proposals.repository.js";
import type { CreateProposal, Decision, UpdateProposal } from "./proposals.schema.js";
import type { RecommendationsService } from "./recommendations.service.js";

const notFound = () => new AppError("PROPOSAL_NOT_FOUND");
/** Proposals the meeting can still decide on (and co-sponsor). */
const UNDECIDED: ProposalStatus[] = ["submitted", "deferred"];
const TEXT_MAX = 4000;

type EventRow = Awaited<ReturnType<EventsService["load"]>>;
type SponsorRow = Awaited<ReturnType<ReturnType<typeof proposalsRepository>["sponsorsOf"]>>[number];

const orgRef = (o: { id: string; code: string; nameAr: string; nameEn: string; kind: string; country: string | null }) => ({ id: o.id, code: o.code, nameAr: o.nameAr, nameEn: o.nameEn, kind: o.kind, country: o.country });

/** What the actor may do with a meeting's proposals. */
interface EventRights {
  read: boolean;
  submit: boolean;
  decide: boolean;
}

/**
 * Proposals missions submit before or during a meeting: co-sponsors and comments from the other
 * invited missions, the meeting's decision (adopted → a recommendation with the proposal's
 * history), and carry-over of undecided ones to the next edition; plus the open items a meeting
 * inherits from its previous editions.
 */
export function createProposalsService(deps: Deps, events: EventsService, recommendations: RecommendationsService) {
  const { db } = deps;
  const repo = proposalsRepository(db);

  /** Submitting belongs to the host ("own") and the invited organisations ("shared"), whatever the event's visibility. */
  async function submitOwnership(actor: Actor, event: { id: string; hostOrganisationId: string }): Promise<Owned> {
    const participation = await events.minutesOwnership(actor, event);
    const invited = actor.organisationId !== event.hostOrganisationId && Boolean(await db.selectFrom("eventInvitations").select("id").where("eventId", "=", event.id).where("organisationId", "=", actor.organisationId).executeTakeFirst());
    return { ...participation, sharedWithActor: invited };
  }

  /** Proposals are taken until 30 days after the meeting ends (not for a cancelled one). */
  function isOpen(event: { status: string; endsAt: string }): boolean {
    const closesAt = new Date(Date.parse(event.endsAt) + PROPOSALS_OPEN_DAYS_AFTER * 86_400_000).toISOString();
    return event.status !== "cancelled" && nowIso() <= closesAt;
  }

  async function rightsOn(actor: Actor, event: { id: string; hostOrganisationId: string; status: string; endsAt: string }): Promise<EventRights> {
    return {
      read: can(actor, "minutes.read", await events.minutesOwnership(actor, event)),
      submit: can(actor, "proposal.submit", await submitOwnership(actor, event)),
      decide: can(actor, "proposal.decide", { organisationId: event.hostOrganisationId }),
    };
  }

  /** A proposal the actor may read (those who may read the meeting's minutes). */
  async function load(actor: Actor, id: string) {
    const row = await repo.findById(id);
    if (!row) throw notFound();
    let event: EventRow;
    try {
      event = await events.load(actor, row.eventId);
    } catch (err) {
      if (err instanceof AppError && err.code === "EVENT_NOT_FOUND") throw notFound();
      throw err;
    }
    const rights = await rightsOn(actor, event);
    if (!rights.read) throw notFound();
    return { row, event, rights };
  }

  function present(actor: Actor, row: ProposalRow, sponsors: SponsorRow[], rights: EventRights, carried: Map<string, ProposalRow>) {
    const mine = sponsors.filter((s) => s.proposalId === row.id);
    const undecided = UNDECIDED.includes(row.status as ProposalStatus);
    const own = row.organisationId === actor.organisationId;
    const sponsoring = mine.some((s) => s.id === actor.organisationId);
    const from = row.carriedFromProposalId ? carried.get(row.carriedFromProposalId) : undefined;
    return {
      id: row.id,
      event: { id: row.eventId, titleAr: row.eventTitleAr, titleEn: row.eventTitleEn, startsAt: row.eventStartsAt },
      organisation: { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, kind: row.orgKind, country: row.orgCountry },
      language: row.language as LibraryLanguage,
      title: row.title,
      problem: row.problem,
      proposal: row.proposal,
      benefit: row.benefit,
      status: row.status as ProposalStatus,
      decision: row.decidedAt || row.decisionReference
        ? { reference: row.decisionReference, note: row.decisionNote, decidedAt: row.decidedAt, decidedBy: row.decidedBy ? { id: row.decidedBy, name: row.deciderName ?? "" } : null }
        : null,
      recommendationId: row.recommendationId,
      carriedFrom: row.carriedFromProposalId ? { id: row.carriedFromProposalId, eventId: from?.eventId ?? "", eventTitleAr: from?.eventTitleAr ?? "", eventTitleEn: from?.eventTitleEn ?? "" } : null,
      sponsors: mine.map((s) => ({ organisation: orgRef(s), createdAt: s.createdAt })),
      commentCount: Number(row.commentCount ?? 0),
      author: row.createdBy ? { id: row.createdBy, name: row.authorName ?? "" } : null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      abilities: {
        edit: row.status === "submitted" && mayEditProposal(actor, row),
        withdraw: row.status === "submitted" && mayEditProposal(actor, row),
        sponsor: undecided && rights.submit && !own && !sponsoring,
        unsponsor: undecided && sponsoring && rights.submit,
        comment: rights.submit,
        decide: undecided && rights.decide,
      },
    };
  }

  async function presentMany(actor: Actor, rows: ProposalRow[], rightsOf: (row: ProposalRow) => EventRights) {
    const sponsors = await repo.sponsorsOf(rows.map((r) => r.id));
    const originIds = [...new Set(rows.map((r) => r.carriedFromProposalId).filter((id): id is string => Boolean(id)))];
    const carried = new Map<string, ProposalRow>();
    for (const id of originIds) {
      const origin = await repo.findById(id);
      if (origin) carried.set(id, origin);
    }
    return rows.map((r) => present(actor, r, sponsors, rightsOf(r), carried));
  }

  async function presentOne(actor: Actor, id: string) {
    const { row, rights } = await load(actor, id);
    return (await presentMany(actor, [row], () => rights))[0];
  }

  /** Earlier editions of a meeting, newest first (at most CARRY_OVER_EDITIONS, cycles ignored). */
  async function previousEditions(eventId: string) {
    const chain = [];
    const seen = new Set([eventId]);
    let current = await repo.event(eventId);
    while (current?.previousEventId && chain.length < CARRY_OVER_EDITIONS && !seen.has(current.previousEventId)) {
      seen.add(current.previousEventId);
      current = await repo.event(current.previousEventId);
      if (current) chain.push(current);
    }
    return chain;
  }

  const summaryOf = (row: { title: string }) => row.title.slice(0, 200);

  /** What an adopted proposal's recommendation starts its timeline with: rendered per reader (proposal-history.ts). */
  async function historyOf(row: ProposalRow, sponsors: SponsorRow[], reference: string): Promise<ProposalHistory> {
    const earlier: ProposalHistory["earlier"] = [];
    let from = row.carriedFromProposalId;
    for (let i = 0; from && i < CARRY_OVER_EDITIONS; i++) {
      const origin = await repo.findById(from);
      if (!origin) break;
      earlier.push({ titleAr: origin.eventTitleAr, titleEn: origin.eventTitleEn });
      from = origin.carriedFromProposalId;
    }
    return {
      type: "proposal",
      id: row.id,
      title: row.title,
      language: row.language === "en" ? "en" : "ar",
      submittedAt: row.createdAt,
      organisation: { nameAr: row.orgNameAr, nameEn: row.orgNameEn },
      sponsors: sponsors.map((s) => ({ nameAr: s.nameAr, nameEn: s.nameEn })),
      earlier,
      reference,
    };
  }

  return {
    /**
     * A meeting's proposals, for those who may read its minutes (host, invited organisations, coordinators).
     * @throws AppError EVENT_NOT_FOUND, FORBIDDEN
     */
    async listProposals(actor: Actor, eventId: string) {
      const event = await events.load(actor, eventId);
      const rights = await rightsOn(actor, event);
      if (!rights.read) throw new AppError("FORBIDDEN");
      const rows = await repo.ofEvents([event.id]);
      // Withdrawn proposals stay visible to their own organisation only.
      const visible = rows.filter((r) => r.status !== "withdrawn" || r.organisationId === actor.organisationId);
      return { items: await presentMany(actor, visible, () => rights), abilities: { submit: rights.submit && isOpen(event), decide: rights.decide } };
    },

    /** @throws AppError PROPOSAL_NOT_FOUND */
    getProposal: presentOne,

    /**
     * Submit a proposal for the caller's organisation (the host or an invited one), until 30 days after the meeting.
     * @throws AppError EVENT_NOT_FOUND, FORBIDDEN, PROPOSALS_CLOSED
     */
    async submitProposal(actor: Actor, eventId: string, input: CreateProposal) {
      const event = await events.load(actor, eventId);
      authorize(actor, "proposal.submit", await submitOwnership(actor, event));
      if (!isOpen(event)) throw new AppError("PROPOSALS_CLOSED");
      const now = nowIso();
      const row: Insertable<DB["proposals"]> = {
        id: newId(),
        eventId: event.id,
        organisationId: actor.organisationId,
        language: input.language,
        title: input.title.trim(),
        problem: input.problem.trim(),
        proposal: input.proposal.trim(),
        benefit: input.benefit.trim(),
        status: "submitted",
        decisionReference: null,
        decisionNote: null,
        decidedAt: null,
        decidedBy: null,
        recommendationId: null,
        carriedFromProposalId: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "proposal.submitted", entityType: "proposal", entityId: row.id, summary: summaryOf(row), changes: { event: event.id } }, now);
      });
      return presentOne(actor, row.id);
    },

    /**
     * Edit one's organisation's proposal while it is submitted.
     * @throws AppError PROPOSAL_NOT_FOUND, FORBIDDEN, PROPOSAL_STATUS_INVALID
     */
    async updateProposal(actor: Actor, id: string, input: UpdateProposal) {
      const { row } = await load(actor, id);
      if (!mayEditProposal(actor, row)) throw new AppError("FORBIDDEN");
      const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined).map(([k, v]) => [k, typeof v === "string" ? v.trim() : v]));
      const changes = diffChanges(row as unknown as Record<string, unknown>, values);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateIfStatus(tx, row.id, ["submitted"], { ...values, updatedAt: now }))) throw new AppError("PROPOSAL_STATUS_INVALID");
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "proposal.updated", entityType: "proposal", entityId: row.id, summary: summaryOf({ title: (values.title as string) ?? row.title }), changes }, now);
      });
      return presentOne(actor, row.id);
    },

    /** @throws AppError PROPOSAL_NOT_FOUND, FORBIDDEN, PROPOSAL_STATUS_INVALID */
    async withdrawProposal(actor: Actor, id: string) {
      const { row } = await load(actor, id);
      if (!mayEditProposal(actor, row)) throw new AppError("FORBIDDEN");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.updateIfStatus(tx, row.id, ["submitted"], { status: "withdrawn", updatedAt: now }))) throw new AppError("PROPOSAL_STATUS_INVALID");
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "proposal.withdrawn", entityType: "proposal", entityId: row.id, summary: summaryOf(row) }, now);
      });
      return presentOne(actor, row.id);
    },

    /**
     * Co-sponsor (or stop co-sponsoring) a proposal for one's organisation: another organisation
     * taking part in the meeting, once, while the proposal is undecided.
     * @throws AppError PROPOSAL_NOT_FOUND, FORBIDDEN, PROPOSAL_SELF_SPONSOR, PROPOSAL_STATUS_INVALID
     */
    async setSponsorship(actor: Actor, id: string, sponsor: boolean) {
      const { row, event, rights } = await load(actor, id);
      if (!rights.submit) throw new AppError("FORBIDDEN");
      if (row.organisationId === actor.organisationId) throw new AppError("PROPOSAL_SELF_SPONSOR");
      if (!UNDECIDED.includes(row.status as ProposalStatus)) throw new AppError("PROPOSAL_STATUS_INVALID");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const changed = sponsor
          ? await repo.addSponsor(tx, { proposalId: row.id, organisationId: actor.organisationId, userId: actor.userId, createdAt: now })
          : await repo.removeSponsor(tx, row.id, actor.organisationId);
        if (!changed) return;
        await repo.update(tx, row.id, { updatedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: sponsor ? "proposal.sponsored" : "proposal.unsponsored", entityType: "proposal", entityId: row.id, summary: summaryOf(row), changes: { event: event.id } }, now);
      });
      return presentOne(actor, row.id);
    },

    /** The comments still shown, oldest first, each with whether the caller may remove it. */
    async listComments(actor: Actor, id: string) {
      const { row, event } = await load(actor, id);
      const rows = await repo.comments(row.id);
      return {
        items: rows.map((c) => ({
          id: c.id,
          body: c.body,
          author: c.userId ? { id: c.userId, name: c.userName ?? "" } : null,
          organisation: { id: c.orgId, code: c.code, nameAr: c.nameAr, nameEn: c.nameEn, kind: c.kind, country: c.country },
          createdAt: c.createdAt,
          abilities: { delete: mayDeleteProposalComment(actor, event, c) },
        })),
      };
    },

    /**
     * Remove a comment: its writer, an admin of the meeting's host, or a coordinator. It is kept,
     * marked deleted, and no longer listed; removing it again changes nothing.
     * @throws AppError PROPOSAL_NOT_FOUND, NOT_FOUND (comment), FORBIDDEN
     */
    async deleteComment(actor: Actor, id: string, commentId: string) {
      const { row, event } = await load(actor, id);
      const comment = await repo.findComment(row.id, commentId);
      if (!comment) throw new AppError("NOT_FOUND");
      if (!mayDeleteProposalComment(actor, event, comment)) throw new AppError("FORBIDDEN");
      if (comment.deletedAt) return;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.softDeleteComment(tx, comment.id, now))) return;
        await insertAudit(tx, { actorId: actor.userId, organisationId: event.hostOrganisationId, action: "proposal.comment_deleted", entityType: "proposal", entityId: row.id, summary: summaryOf(row), changes: { comment: comment.id, by: comment.userId === actor.userId ? "writer" : "moderator" } }, now);
      });
    },

    /** @throws AppError PROPOSAL_NOT_FOUND, FORBIDDEN */
    async addComment(actor: Actor, id: string, input: { body: string }) {
      const { row, rights } = await load(actor, id);
      if (!rights.submit) throw new AppError("FORBIDDEN");
      const now = nowIso();
      const commentId = newId();
      await db.transaction().execute(async (tx) => {
        await repo.insertComment(tx, { id: commentId, proposalId: row.id, userId: actor.userId, organisationId: actor.organisationId, body: input.body.trim(), deletedAt: null, createdAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "proposal.comment_added", entityType: "proposal", entityId: row.id, summary: summaryOf(row), changes: { comment: commentId } }, now);
      });
      return (await this.listComments(actor, id)).items.find((c) => c.id === commentId)!;
    },

    /**
     * The meeting decides: adopted (a recommendation is created, status approved, whose timeline
     * starts with the proposal's history), deferred or rejected, with the decision's reference.
     * @throws AppError PROPOSAL_NOT_FOUND, FORBIDDEN, PROPOSAL_STATUS_INVALID, VALIDATION_FAILED
     */
    async decideProposal(actor: Actor, id: string, input: Decision) {
      const { row, event, rights } = await load(actor, id);
      if (!rights.decide) throw new AppError("FORBIDDEN");
      if (!UNDECIDED.includes(row.status as ProposalStatus)) throw new AppError("PROPOSAL_STATUS_INVALID");
      const now = nowIso();
      const reference = input.reference.trim();
      const sponsors = await repo.sponsorsOf([row.id]);
      let recommendation: { row: Insertable<DB["recommendations"]>; responsibles: string[]; history: ProposalHistory } | null = null;
      if (input.outcome === "adopted") {
        const errors: FieldError[] = [];
        const base = `${row.title} — ${row.proposal}`.slice(0, TEXT_MAX);
        // In the proposal's language only: the other stays empty (marked missing) until someone translates it.
        const own = { textAr: row.language === "ar" ? base : "", textEn: row.language === "en" ? base : "" };
        const texts = recommendations.bilingual(input.textAr?.trim() || own.textAr, input.textEn?.trim() || own.textEn, errors);
        const responsibles = input.responsibleOrganisationIds
          ? await recommendations.resolveResponsibles(input.responsibleOrganisationIds, errors)
          : [row.organisationId, ...sponsors.map((s) => s.id)];
        const placement = await recommendations.resolvePlacement(actor, input.programmeId, input.areaId, errors);
        if (input.dueOn && !isIsoDate(input.dueOn)) errors.push({ field: "dueOn", message: "validation.invalid_format" });
        if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
        const wide = event.visibility !== "private";
        recommendation = {
          responsibles,
          history: await historyOf(row, sponsors, reference),
          row: {
            id: newId(),
            ...placement,
            seasonId: event.seasonId,
            sourceEventId: event.id,
            sourceDecisionId: null,
            sourceProposalId: row.id,
            reference,
            ...texts,
            status: "approved",
            statusReason: null,
            progress: 0,
            dueOn: input.dueOn ?? null,
            organisationId: event.hostOrganisationId,
            visibility: wide ? event.visibility : "private",
            shareGroupId: wide ? event.shareGroupId : null,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
            approvedAt: now,
            closedAt: null,
          },
        };
      }
      await db.transaction().execute(async (tx) => {
        const decided = await repo.updateIfStatus(tx, row.id, UNDECIDED, {
          status: input.outcome,
          decisionReference: reference,
          decisionNote: input.note?.trim() || null,
          decidedAt: now,
          decidedBy: actor.userId,
          recommendationId: recommendation?.row.id ?? null,
          updatedAt: now,
        });
        if (!decided) throw new AppError("PROPOSAL_STATUS_INVALID");
        if (recommendation) {
          await recommendations.insertRecommendation(tx, actor, recommendation.row, recommendation.responsibles, [{ text: null, links: JSON.stringify([recommendation.history]) }], "recommendation.adopted");
        }
        await insertAudit(tx, { actorId: actor.userId, organisationId: event.hostOrganisationId, action: `proposal.${input.outcome}`, entityType: "proposal", entityId: row.id, summary: summaryOf(row), changes: { reference, from: row.status, recommendation: recommendation?.row.id ?? null } }, now);
      });
      return presentOne(actor, row.id);
    },

    /**
     * Put an undecided proposal on a later edition of its meeting (a copy, status submitted, co-sponsors
     * copied; the original stays as history). By the new meeting's host admin or a coordinator.
     * @throws AppError PROPOSAL_NOT_FOUND, EVENT_NOT_FOUND, FORBIDDEN, PROPOSAL_STATUS_INVALID, PROPOSAL_ALREADY_CARRIED, VALIDATION_FAILED
     */
    async carryOver(actor: Actor, id: string, input: { eventId: string }) {
      const { row } = await load(actor, id);
      const target = await events.load(actor, input.eventId);
      authorize(actor, "proposal.decide", { organisationId: target.hostOrganisationId });
      const chain = await previousEditions(target.id);
      if (!chain.some((e) => e.id === row.eventId)) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "eventId", message: "validation.invalid_choice" }] });
      if (!UNDECIDED.includes(row.status as ProposalStatus)) throw new AppError("PROPOSAL_STATUS_INVALID");
      const sponsors = await repo.sponsorsOf([row.id]);
      const now = nowIso();
      const copy: Insertable<DB["proposals"]> = {
        id: newId(),
        eventId: target.id,
        organisationId: row.organisationId,
        language: row.language,
        title: row.title,
        problem: row.problem,
        proposal: row.proposal,
        benefit: row.benefit,
        status: "submitted",
        decisionReference: null,
        decisionNote: null,
        decidedAt: null,
        decidedBy: null,
        recommendationId: null,
        carriedFromProposalId: row.id,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        if (await repo.carriedInto(row.id, target.id, tx)) throw new AppError("PROPOSAL_ALREADY_CARRIED");
        await repo.create(tx, copy);
        for (const s of sponsors) await repo.addSponsor(tx, { proposalId: copy.id, organisationId: s.id, userId: s.userId, createdAt: s.createdAt });
        await insertAudit(tx, { actorId: actor.userId, organisationId: target.hostOrganisationId, action: "proposal.carried_over", entityType: "proposal", entityId: copy.id, summary: summaryOf(row), changes: { from: row.id, fromEvent: row.eventId, toEvent: target.id } }, now);
      });
      return presentOne(actor, copy.id);
    },

    /**
     * What a meeting inherits from its previous editions (following previousEventId up to 5):
     * their recommendations not done or dropped, and their proposals deferred or never decided.
     * Only what the caller may read.
     * @throws AppError EVENT_NOT_FOUND
     */
    async openItems(actor: Actor, eventId: string) {
      const event = await events.load(actor, eventId);
      await loadActorGroups(db, actor);
      const chain = await previousEditions(event.id);
      const ids = chain.map((e) => e.id);
      const recs = ids.length ? await recommendations.repository.findReadable(actor, (eb) => eb.and([eb("recommendations.sourceEventId", "in", ids), eb("recommendations.status", "not in", ["done", "dropped"])])) : [];
      // Proposals of an edition are for those who may read its minutes.
      const readableEditions = new Set<string>();
      for (const e of chain) if (can(actor, "minutes.read", await events.minutesOwnership(actor, e))) readableEditions.add(e.id);
      const proposals = (await repo.ofEvents([...readableEditions])).filter((p) => UNDECIDED.includes(p.status as ProposalStatus));
      const copies = await repo.carriedFrom(proposals.map((p) => p.id));
      const sponsors = await repo.sponsorsOf(proposals.map((p) => p.id));
      const inChain = new Set(ids);
      const items = proposals
        // Carried into a later edition of the chain: that copy is the open item.
        .filter((p) => !copies.some((c) => c.carriedFromProposalId === p.id && inChain.has(c.eventId)))
        .map((p) => ({
          id: p.id,
          title: p.title,
          language: p.language as LibraryLanguage,
          status: p.status as ProposalStatus,
          organisation: { id: p.organisationId, code: p.orgCode, nameAr: p.orgNameAr, nameEn: p.orgNameEn, kind: p.orgKind, country: p.orgCountry },
          event: { id: p.eventId, titleAr: p.eventTitleAr, titleEn: p.eventTitleEn, startsAt: p.eventStartsAt },
          sponsors: sponsors.filter((s) => s.proposalId === p.id).length,
          carriedToProposalId: copies.find((c) => c.carriedFromProposalId === p.id && c.eventId === event.id)?.id ?? null,
        }));
      return {
        previous: chain.map((e) => ({ id: e.id, titleAr: e.titleAr, titleEn: e.titleEn, startsAt: e.startsAt, season: { id: e.seasonId, code: e.seasonCode } })),
        recommendations: await recommendations.presentSummaries(recs),
        proposals: items,
        abilities: { carryOver: can(actor, "proposal.decide", { organisationId: event.hostOrganisationId }) },
      };
    },
  };
}

export type ProposalsService = ReturnType<typeof createProposalsService>;
