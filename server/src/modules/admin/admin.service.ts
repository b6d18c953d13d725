import type { Locale, Role } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { translate } from "../../lib/i18n.js";
import { hashSecret, isoIn, newId, newSecret, nowIso } from "../../lib/tokens.js";
import { assignableRoles, authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "./audit.repository.js";
import { insertOutbox } from "./outbox.repository.js";
import { adminRepository } from "./admin.repository.js";
import type { AuditQuery, CreateInvitation, UpdateUser, UserQuery } from "./admin.schema.js";

const INVITATION_DAYS = 7;
const RESET_HOURS = 24;

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof adminRepository>["findUser"]>>>;

/** Users, invitations, password resets, the outbox and the audit log. */
export function createAdminService(deps: Deps) {
  const { db, config } = deps;
  const repo = adminRepository(db);

  function orgRef(row: { organisationId: string; orgCode: string; orgNameAr: string; orgNameEn: string; orgKind: string }) {
    return { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, kind: row.orgKind };
  }

  function presentUser(actor: Actor, row: UserRow) {
    const owned = { organisationId: row.organisationId };
    const self = row.id === actor.userId;
    return {
      id: row.id,
      email: row.email,
      name: row.name,
      role: row.role as Role,
      organisation: orgRef(row),
      locale: row.locale as Locale,
      disabledAt: row.disabledAt,
      createdAt: row.createdAt,
      abilities: {
        update: !self && can(actor, "user.update", owned) && assignableRoles(actor).includes(row.role as Role),
        disable: !self && can(actor, "user.disable", owned) && assignableRoles(actor).includes(row.role as Role),
        resetPassword: can(actor, "user.reset_password", owned),
      },
    };
  }

  async function loadUser(actor: Actor, id: string) {
    const row = await repo.findUser(id);
    if (!row || !can(actor, "user.read", { organisationId: row.organisationId })) throw new AppError("USER_NOT_FOUND");
    return row;
  }

  /** Changing someone at or above one's own level (or oneself) is not allowed. */
  function checkManageable(actor: Actor, row: UserRow, nextRole?: Role) {
    if (row.id === actor.userId) throw new AppError("FORBIDDEN");
    const roles = assignableRoles(actor);
    if (!roles.includes(row.role as Role) || (nextRole && !roles.includes(nextRole))) throw new AppError("FORBIDDEN");
  }

  return {
    async findUsers(actor: Actor, query: UserQuery) {
      authorize(actor, "user.read", { organisationId: actor.organisationId });
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const { items, total } = await repo.searchUsers(actor, { ...query, page, pageSize });
      return { items: items.map((r) => presentUser(actor, r)), total, page, pageSize };
    },

    /** @throws AppError USER_NOT_FOUND, FORBIDDEN */
    async updateUser(actor: Actor, id: string, input: UpdateUser) {
      const row = await loadUser(actor, id);
      authorize(actor, "user.update", { organisationId: row.organisationId });
      checkManageable(actor, row, input.role);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, id, { ...input, updatedAt: now });
        const changes: Record<string, unknown> = {};
        if (input.role && input.role !== row.role) changes.role = [row.role, input.role];
        if (input.name && input.name !== row.name) changes.name = [row.name, input.name];
        if (Object.keys(changes).length) {
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "user.updated", entityType: "user", entityId: id, summary: row.email, changes }, now);
        }
        // A changed role changes what the user may do: sessions restart with the new role.
        if (changes.role) await tx.deleteFrom("sessions").where("userId", "=", id).execute();
      });
      return presentUser(actor, (await repo.findUser(id))!);
    },

    /** Disable (or enable) an account; disabling ends its sessions and revokes its API tokens. */
    async setUserDisabled(actor: Actor, id: string, disabled: boolean) {
      const row = await loadUser(actor, id);
      authorize(actor, "user.disable", { organisationId: row.organisationId });
      checkManageable(actor, row);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, id, { disabledAt: disabled ? now : null, updatedAt: now });
        if (disabled) {
          await tx.deleteFrom("sessions").where("userId", "=", id).execute();
          await tx.updateTable("apiTokens").set({ revokedAt: now }).where("userId", "=", id).where("revokedAt", "is", null).execute();
        }
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: disabled ? "user.disabled" : "user.enabled", entityType: "user", entityId: id, summary: row.email }, now);
      });
      return presentUser(actor, (await repo.findUser(id))!);
    },

    /**
     * Issue a single-use password-reset link (valid 24 hours); it is also queued in the outbox.
     * @throws AppError USER_NOT_FOUND, FORBIDDEN
     */
    async createPasswordReset(actor: Actor | null, id: string) {
      const row = actor ? await loadUser(actor, id) : await repo.findUser(id);
      if (!row) throw new AppError("USER_NOT_FOUND");
      if (actor) authorize(actor, "user.reset_password", { organisationId: row.organisationId });
      const token = newSecret();
      const now = nowIso();
      const expiresAt = isoIn(RESET_HOURS * 60);
      const link = `${config.publicUrl}/reset/${token}`;
      const locale = row.locale as Locale;
      await db.transaction().execute(async (tx) => {
        await repo.insertReset(tx, { id: newId(), tokenHash: hashSecret(token), userId: row.id, createdBy: actor?.userId ?? null, createdAt: now, expiresAt, usedAt: null });
        await insertOutbox(tx, {
          organisationId: row.organisationId,
          toEmail: row.email,
          kind: "password_reset",
          locale,
          subject: translate(locale, "emails.reset_subject"),
          body: translate(locale, "emails.reset_body", { name: row.name, link, hours: RESET_HOURS }),
        });
        await insertAudit(tx, { actorId: actor?.userId ?? null, organisationId: row.organisationId, action: "user.password_reset_issued", entityType: "user", entityId: row.id, summary: row.email }, now);
      });
      return { link, expiresAt };
    },

    async findInvitations(actor: Actor) {
      authorize(actor, "user.invite", { organisationId: actor.organisationId });
      const rows = await repo.pendingInvitations(actor);
      return { items: rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role as Role, organisation: orgRef(r), createdAt: r.createdAt, expiresAt: r.expiresAt })) };
    },

    /**
     * Invite someone into an organisation with a role: a single-use link valid 7 days,
     * put in the outbox in the chosen language.
     * @throws AppError FORBIDDEN, EMAIL_TAKEN, VALIDATION_FAILED
     */
    async createInvitation(actor: Actor, input: CreateInvitation) {
      const org = await db.selectFrom("organisations").select(["id", "nameAr", "nameEn", "archivedAt"]).where("id", "=", input.organisationId).executeTakeFirst();
      if (!org || org.archivedAt) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "organisationId", message: "validation.invalid_choice" }] });
      authorize(actor, "user.invite", { organisationId: org.id });
      if (!assignableRoles(actor).includes(input.role)) throw new AppError("VALIDATION_FAILED", { fields: [{ field: "role", message: "validation.invalid_choice" }] });
      const email = input.email.trim().toLowerCase();
      if (await repo.emailInUse(email)) throw new AppError("EMAIL_TAKEN");
      const token = newSecret();
      const id = newId();
      const now = nowIso();
      const expiresAt = isoIn(INVITATION_DAYS * 24 * 60);
      const link = `${config.publicUrl}/invite/${token}`;
      const locale = input.locale ?? actor.locale;
      await db.transaction().execute(async (tx) => {
        await repo.insertInvitation(tx, { id, tokenHash: hashSecret(token), email, name: input.name?.trim() || null, role: input.role, organisationId: org.id, invitedBy: actor.userId, createdAt: now, expiresAt, acceptedAt: null, revokedAt: null });
        await insertOutbox(tx, {
          organisationId: org.id,
          toEmail: email,
          kind: "invitation",
          locale,
          subject: translate(locale, "emails.invitation_subject"),
          body: translate(locale, "emails.invitation_body", {
            inviter: actor.name,
            organisation: locale === "ar" ? org.nameAr : org.nameEn,
            role: translate(locale, `roles.${input.role}`),
            link,
            days: INVITATION_DAYS,
          }),
        });
        await insertAudit(tx, { actorId: actor.userId, organisationId: org.id, action: "invitation.created", entityType: "invitation", entityId: id, summary: `${email} (${input.role})` }, now);
      });
      return { id, link, expiresAt };
    },

    async revokeInvitation(actor: Actor, id: string) {
      const row = await repo.findInvitation(id);
      if (!row || !can(actor, "user.invite", { organisationId: row.organisationId })) throw new AppError("NOT_FOUND");
      if (row.acceptedAt || row.revokedAt) return;
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.revokeInvitation(tx, id, now);
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.organisationId, action: "invitation.revoked", entityType: "invitation", entityId: id, summary: row.email }, now);
      });
    },

    async findOutbox(actor: Actor, query: { page?: number; pageSize?: number }) {
      authorize(actor, "outbox.read", { organisationId: actor.organisationId });
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      return { ...(await repo.outbox(actor, page, pageSize)), page, pageSize };
    },

    async findAudit(actor: Actor, query: AuditQuery) {
      authorize(actor, "audit.read", { organisationId: actor.organisationId });
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      const { items, total } = await repo.audit(actor, { ...query, page, pageSize });
      return {
        items: items.map((r) => ({
          id: Number(r.id),
          at: r.at,
          actor: r.actorId ? { id: r.actorId, name: r.actorName ?? "" } : null,
          action: r.action,
          entityType: r.entityType,
          entityId: r.entityId,
          summary: r.summary,
          changes: r.changes ? (JSON.parse(r.changes) as Record<string, unknown>) : null,
        })),
        total,
        page,
        pageSize,
      };
    },
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
