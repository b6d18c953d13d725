import type { Locale } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import type { CalendarService } from "./calendar.service.js";
import type { EventsService } from "./events.service.js";
import { participationRepository } from "./participation.repository.js";
import type { DelegationInput, Invite } from "./participation.schema.js";

const invalid = (field: string) => new AppError("VALIDATION_FAILED", { fields: [{ field, message: "validation.invalid_choice" }] });

/**
 * Invitations of organisations (one by one or a whole group, e.g. the GCC offices)
 * and the delegations they nominate: a leader, who need not head the office, and members.
 */
export function createParticipationService(deps: Deps, events: EventsService, calendar: CalendarService) {
  const { db } = deps;
  const repo = participationRepository(db);

  return {
    /** Invited organisations with their delegations: all of them for the host, one's own for an invitee. */
    async findParticipation(actor: Actor, eventId: string) {
      const row = await events.load(actor, eventId);
      const owned = await events.ownership(actor, row);
      const isOrganiser = can(actor, "event.update", owned);
      const invitations = await repo.invitations(row.id, isOrganiser ? undefined : actor.organisationId);
      const delegates = await repo.delegates(row.id);
      return {
        items: invitations.map((i) => ({
          id: i.id,
          organisation: { id: i.orgId, code: i.orgCode, nameAr: i.orgNameAr, nameEn: i.orgNameEn, kind: i.orgKind },
          country: i.country,
          status: i.status,
          quota: i.quota,
          viaGroup: i.viaGroupCode,
          invitedAt: i.createdAt,
          respondedAt: i.respondedAt,
          delegation: delegates
            .filter((d) => d.organisationId === i.orgId)
            .map((d) => ({ id: d.id, nameAr: d.nameAr, nameEn: d.nameEn, titleAr: d.titleAr, titleEn: d.titleEn, position: d.position, isLeader: Number(d.isLeader) === 1 })),
          abilities: { nominate: can(actor, "delegation.manage", { organisationId: i.orgId }) },
        })),
        abilities: { invite: isOrganiser },
      };
    },

    /**
     * Invite organisations, by id and/or by group code; already-invited ones and the host are skipped.
     * Each invited organisation's admins get a message in their language.
     * @throws AppError EVENT_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
     */
    async invite(actor: Actor, eventId: string, input: Invite) {
      const row = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, row));
      // Invitations are emailed at once: the invited must be able to open the event.
      if (row.status !== "published") throw new AppError("EVENT_NOT_PUBLISHED");
      const wanted = new Map<string, string | null>();
      for (const id of input.organisationIds ?? []) wanted.set(id, null);
      if (input.groupCodes?.length) {
        const members = await repo.groupMembers(input.groupCodes);
        const found = new Set(members.map((m) => m.code));
        const unknown = input.groupCodes.filter((c) => !found.has(c));
        if (unknown.length) throw invalid("groupCodes");
        for (const m of members) if (!wanted.has(m.organisationId)) wanted.set(m.organisationId, m.groupId);
      }
      if (input.organisationIds?.length) {
        const existing = await repo.existingOrganisations(input.organisationIds);
        if (existing.length !== input.organisationIds.length) throw invalid("organisationIds");
      }
      wanted.delete(row.hostOrganisationId);
      // The invitation carries the event's calendar file (without the join link: that is for the delegation).
      const ics = await calendar.mailAttachment(row, { withJoinLink: false });
      const now = nowIso();
      const added: string[] = [];
      await db.transaction().execute(async (tx) => {
        const rows: DB["eventInvitations"][] = [];
        for (const [organisationId, viaGroupId] of wanted) {
          if (await repo.invitation(row.id, organisationId, tx)) continue;
          rows.push({ id: newId(), eventId: row.id, organisationId, viaGroupId, status: "invited", quota: input.quota ?? null, respondedAt: null, createdAt: now });
          added.push(organisationId);
        }
        await repo.insertInvitations(tx, rows);
        for (const admin of await repo.adminsOf(tx, added)) {
          const locale = admin.locale as Locale;
          const title = locale === "ar" ? row.titleAr : row.titleEn;
          await insertOutbox(tx, {
            organisationId: admin.organisationId,
            toEmail: admin.email,
            kind: "event_invitation",
            locale,
            subject: translate(locale, "emails.event_invitation_subject", { title }),
            body: translate(locale, "emails.event_invitation_body", { name: admin.name, title, host: locale === "ar" ? row.hostNameAr : row.hostNameEn }),
            attachments: [ics],
          });
        }
        if (added.length) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.invited", entityType: "event", entityId: row.id, summary: row.titleEn, changes: { organisations: added } }, now);
        }
      });
      return { ...(await this.findParticipation(actor, row.id)), added: added.length };
    },

    /** Withdraw an organisation's invitation (its delegation goes with it). */
    async uninvite(actor: Actor, eventId: string, organisationId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, row));
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        if (!(await repo.invitation(row.id, organisationId, tx))) throw new AppError("NOT_INVITED");
        await repo.replaceDelegation(tx, row.id, organisationId, []);
        await repo.deleteInvitation(tx, row.id, organisationId);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.uninvited", entityType: "event", entityId: row.id, summary: row.titleEn, changes: { organisation: organisationId } }, now);
      });
    },

    /**
     * Nominate an invited organisation's delegation: a leader and members, all people of that
     * organisation. Accepts the invitation. Replaces any earlier nomination.
     * @throws AppError NOT_INVITED, FORBIDDEN, VALIDATION_FAILED
     */
    async nominate(actor: Actor, eventId: string, organisationId: string, input: DelegationInput) {
      const row = await events.load(actor, eventId);
      authorize(actor, "delegation.manage", { organisationId });
      const invitation = await repo.invitation(row.id, organisationId);
      if (!invitation) throw new AppError("NOT_INVITED");
      const ids = [...new Set([input.leaderId, ...input.memberIds])];
      const found = new Set((await repo.peopleOf(organisationId, ids)).map((p) => p.id));
      if (!found.has(input.leaderId)) throw invalid("leaderId");
      if (ids.some((id) => !found.has(id))) throw invalid("memberIds");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.replaceDelegation(
          tx,
          row.id,
          organisationId,
          ids.map((personId) => ({ id: newId(), eventId: row.id, organisationId, personId, isLeader: personId === input.leaderId ? 1 : 0, createdAt: now })),
        );
        await repo.updateInvitation(tx, invitation.id, { status: "accepted", respondedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId, action: "event.delegation_nominated", entityType: "event", entityId: row.id, summary: row.titleEn, changes: { leader: input.leaderId, members: ids } }, now);
      });
      return this.findParticipation(actor, row.id);
    },

    /** Decline an invitation on behalf of one's organisation (any nominated delegation is withdrawn). */
    async decline(actor: Actor, eventId: string, organisationId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "delegation.manage", { organisationId });
      const invitation = await repo.invitation(row.id, organisationId);
      if (!invitation) throw new AppError("NOT_INVITED");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.replaceDelegation(tx, row.id, organisationId, []);
        await repo.updateInvitation(tx, invitation.id, { status: "declined", respondedAt: now });
        await insertAudit(tx, { actorId: actor.userId, organisationId, action: "event.invitation_declined", entityType: "event", entityId: row.id, summary: row.titleEn }, now);
      });
      return this.findParticipation(actor, row.id);
    },
  };
}

export type ParticipationService = ReturnType<typeof createParticipationService>;
