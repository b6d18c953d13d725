import type { Digits, Locale, Role } from "../../../../common/roles.js";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { MIN_PASSWORD_LENGTH, hashPassword, verifyPassword } from "../../lib/passwords.js";
import { hashSecret, isoIn, newId, newSecret, nowIso } from "../../lib/tokens.js";
import { assignableRoles, roleMay, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import { authRepository } from "./auth.repository.js";

export const SESSION_COOKIE = "rifada_session";
export const API_TOKEN_PREFIX = "rfd_";
const TOUCH_EVERY_MS = 60_000;

type UserRow = NonNullable<Awaited<ReturnType<ReturnType<typeof authRepository>["findUserById"]>>>;

function toActor(user: UserRow, via: Actor["via"], session?: { id: string; csrfToken: string }): Actor {
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    organisationId: user.organisationId,
    personId: user.personId,
    locale: user.locale as Locale,
    digits: user.digits as Digits,
    via,
    sessionId: session?.id ?? null,
    csrfToken: session?.csrfToken ?? null,
  };
}

/** Lower-case and trim an email so lookups and throttling agree. */
export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new AppError("WEAK_PASSWORD");
}

/** Sign-in, sessions, API tokens, invitations and password resets. */
export function createAuthService(deps: Deps) {
  const { db, config } = deps;
  const repo = authRepository(db);

  async function startSession(userId: string, meta: { ip?: string; userAgent?: string }) {
    const token = newSecret();
    const csrfToken = newSecret();
    const now = new Date();
    const id = hashSecret(token);
    await repo.insertSession(db, {
      id,
      userId,
      csrfToken,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: isoIn(config.sessionAbsoluteHours * 60, now),
      ip: meta.ip ?? null,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
    });
    return { token, id, csrfToken };
  }

  async function presentMe(actor: Actor) {
    const organisation = await repo.findOrganisationRef(actor.organisationId);
    return {
      id: actor.userId,
      email: actor.email,
      name: actor.name,
      role: actor.role,
      locale: actor.locale,
      digits: actor.digits,
      organisation,
      can: {
        manageUsers: roleMay(actor.role, "user.invite"),
        manageDirectory: roleMay(actor.role, "organisation.create") || roleMay(actor.role, "person.create"),
        viewAudit: roleMay(actor.role, "audit.read"),
        viewOutbox: roleMay(actor.role, "outbox.read"),
        createOrganisation: roleMay(actor.role, "organisation.create"),
        createGroup: roleMay(actor.role, "group.create"),
        createPerson: roleMay(actor.role, "person.create"),
      },
      assignableRoles: assignableRoles(actor),
    };
  }

  return {
    presentMe,

    /**
     * Sign in with email and password. Unknown emails and wrong passwords get the same
     * answer and the same throttling, counted in the database so it holds across processes.
     * @throws AppError LOGIN_THROTTLED, INVALID_CREDENTIALS
     */
    async login(input: { email: string; password: string; ip: string; userAgent?: string; replacesSessionId?: string | null }) {
      const key = emailKey(input.email);
      const windowStart = isoIn(-config.loginWindowMinutes);
      const failures = await repo.countFailures(key, input.ip, windowStart);
      if (Number(failures?.byEmail ?? 0) >= config.loginMaxFailures || Number(failures?.byIp ?? 0) >= config.loginMaxFailures * 10) {
        throw new AppError("LOGIN_THROTTLED");
      }
      const user = await repo.findUserByEmail(key);
      const ok = await verifyPassword(user?.passwordHash ?? null, input.password);
      if (!user || !ok || user.disabledAt) {
        await repo.insertFailure(key, input.ip, nowIso());
        throw new AppError("INVALID_CREDENTIALS");
      }
      await repo.clearFailures(key);
      // A new session id at every sign-in (no fixation); the old one, if any, ends.
      if (input.replacesSessionId) await repo.deleteSession(input.replacesSessionId);
      const session = await startSession(user.id, { ip: input.ip, userAgent: input.userAgent });
      const actor = toActor(user, "session", session);
      return { token: session.token, actor };
    },

    /** The actor of a session cookie, or why there is none. */
    async resolveSession(token: string): Promise<Actor | "expired" | null> {
      const row = await repo.findSession(hashSecret(token));
      if (!row) return null;
      const now = Date.now();
      const idleLimit = Date.parse(row.lastSeenAt) + config.sessionIdleMinutes * 60_000;
      if (Date.parse(row.expiresAt) <= now || idleLimit <= now || row.disabledAt) {
        await repo.deleteSession(row.sessionId);
        return "expired";
      }
      if (now - Date.parse(row.lastSeenAt) > TOUCH_EVERY_MS) await repo.touchSession(row.sessionId, new Date(now).toISOString());
      return toActor(row, "session", { id: row.sessionId, csrfToken: row.csrfToken });
    },

    /** The actor of a bearer API token, or null when unknown, revoked, expired or disabled. */
    async resolveApiToken(token: string): Promise<Actor | null> {
      if (!token.startsWith(API_TOKEN_PREFIX)) return null;
      const row = await repo.findToken(hashSecret(token));
      if (!row || row.revokedAt || row.disabledAt) return null;
      const now = Date.now();
      if (row.expiresAt && Date.parse(row.expiresAt) <= now) return null;
      if (!row.lastUsedAt || now - Date.parse(row.lastUsedAt) > TOUCH_EVERY_MS) await repo.touchToken(row.tokenId, new Date(now).toISOString());
      return toActor(row, "token");
    },

    /** The actor for a user id (calendar feeds act as their owner); null when unknown or disabled. */
    async actorForUser(userId: string): Promise<Actor | null> {
      const user = await repo.findUserById(userId);
      return user && !user.disabledAt ? toActor(user, "token") : null;
    },

    async logout(actor: Actor | null): Promise<void> {
      if (actor?.sessionId) await repo.deleteSession(actor.sessionId);
    },

    /**
     * Change one's password: every session of the user ends, and a fresh one starts here.
     * @throws AppError WRONG_PASSWORD, WEAK_PASSWORD
     */
    async changePassword(actor: Actor, input: { currentPassword: string; newPassword: string; ip: string; userAgent?: string }) {
      const user = await repo.findUserById(actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) throw new AppError("WRONG_PASSWORD");
      checkPasswordStrength(input.newPassword);
      const passwordHash = await hashPassword(input.newPassword);
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.updateUser(tx, actor.userId, { passwordHash, passwordChangedAt: now, updatedAt: now });
        await repo.deleteSessionsOfUser(tx, actor.userId);
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "user.password_changed", entityType: "user", entityId: actor.userId, summary: actor.email }, now);
      });
      const session = await startSession(actor.userId, { ip: input.ip, userAgent: input.userAgent });
      return { token: session.token, actor: toActor(user, "session", session) };
    },

    /** Update one's own name, language or digits. */
    async updateMe(actor: Actor, input: { name?: string; locale?: Locale; digits?: Digits }) {
      const values: Record<string, string> = {};
      if (input.name !== undefined) values.name = input.name.trim();
      if (input.locale) values.locale = input.locale;
      if (input.digits) values.digits = input.digits;
      if (Object.keys(values).length > 0) {
        await repo.updateUser(db, actor.userId, { ...values, updatedAt: nowIso() });
      }
      const updated: Actor = { ...actor, ...(values as Partial<Actor>) };
      return presentMe(updated);
    },

    async getInvitation(token: string) {
      const row = await repo.findInvitation(hashSecret(token));
      if (!row || row.acceptedAt || row.revokedAt || Date.parse(row.expiresAt) <= Date.now()) throw new AppError("TOKEN_INVALID");
      return {
        email: row.email,
        name: row.name,
        role: row.role as Role,
        expiresAt: row.expiresAt,
        organisation: { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, kind: row.orgKind },
      };
    },

    /**
     * Accept an invitation: creates the account and signs it in. Single use.
     * @throws AppError TOKEN_INVALID, WEAK_PASSWORD, EMAIL_TAKEN
     */
    async acceptInvitation(input: { token: string; name: string; password: string; locale: Locale; ip: string; userAgent?: string }) {
      checkPasswordStrength(input.password);
      const passwordHash = await hashPassword(input.password);
      const userId = newId();
      await db.transaction().execute(async (tx) => {
        const row = await repo.findInvitation(hashSecret(input.token), tx);
        if (!row || row.acceptedAt || row.revokedAt || Date.parse(row.expiresAt) <= Date.now()) throw new AppError("TOKEN_INVALID");
        const taken = await tx.selectFrom("users").select("id").where("email", "=", row.email).executeTakeFirst();
        if (taken) throw new AppError("EMAIL_TAKEN");
        const now = nowIso();
        const marked = await repo.markInvitationAccepted(tx, row.id, now);
        if (Number(marked.numUpdatedRows) !== 1) throw new AppError("TOKEN_INVALID");
        await repo.insertUser(tx, {
          id: userId,
          email: row.email,
          name: input.name.trim(),
          passwordHash,
          role: row.role,
          organisationId: row.organisationId,
          personId: null,
          locale: input.locale,
          digits: input.locale === "ar" ? "arab" : "latn",
          disabledAt: null,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await insertAudit(tx, { actorId: userId, organisationId: row.organisationId, action: "user.created", entityType: "user", entityId: userId, summary: `${row.email} (${row.role})`, changes: { via: "invitation" } }, now);
      });
      const user = await repo.findUserById(userId);
      const session = await startSession(userId, { ip: input.ip, userAgent: input.userAgent });
      return { token: session.token, actor: toActor(user!, "session", session) };
    },

    async getPasswordReset(token: string) {
      const row = await repo.findReset(hashSecret(token));
      if (!row || row.usedAt || Date.parse(row.expiresAt) <= Date.now()) throw new AppError("TOKEN_INVALID");
      return { email: row.email, expiresAt: row.expiresAt };
    },

    /**
     * Set a new password through a single-use reset link; all sessions of the user end.
     * @throws AppError TOKEN_INVALID, WEAK_PASSWORD
     */
    async completePasswordReset(input: { token: string; password: string }) {
      checkPasswordStrength(input.password);
      const passwordHash = await hashPassword(input.password);
      await db.transaction().execute(async (tx) => {
        const row = await repo.findReset(hashSecret(input.token), tx);
        if (!row || row.usedAt || Date.parse(row.expiresAt) <= Date.now()) throw new AppError("TOKEN_INVALID");
        const now = nowIso();
        const marked = await repo.markResetUsed(tx, row.id, now);
        if (Number(marked.numUpdatedRows) !== 1) throw new AppError("TOKEN_INVALID");
        await repo.updateUser(tx, row.userId, { passwordHash, passwordChangedAt: now, updatedAt: now });
        await repo.deleteSessionsOfUser(tx, row.userId);
        await repo.clearFailures(row.email, tx);
        await insertAudit(tx, { actorId: row.userId, organisationId: row.organisationId, action: "user.password_reset", entityType: "user", entityId: row.userId, summary: row.email }, now);
      });
    },

    listTokens(actor: Actor) {
      return repo.listTokens(actor.userId);
    },

    /** Create a personal API token; the plain token is returned once and stored only as a hash. */
    async createToken(actor: Actor, input: { name: string; expiresOn?: string }) {
      const token = newSecret(API_TOKEN_PREFIX);
      const now = nowIso();
      let expiresAt: string | null = null;
      if (input.expiresOn) {
        // The token works through the whole chosen day in Riyadh (UTC+3): until 21:00 UTC.
        expiresAt = new Date(`${input.expiresOn}T21:00:00.000Z`).toISOString();
        if (Date.parse(expiresAt) <= Date.now()) {
          throw new AppError("VALIDATION_FAILED", { fields: [{ field: "expiresOn", message: "validation.date_in_past" }] });
        }
      }
      const row = { id: newId(), userId: actor.userId, name: input.name.trim(), tokenHash: hashSecret(token), prefix: token.slice(0, 10), createdAt: now, lastUsedAt: null, expiresAt, revokedAt: null };
      await db.transaction().execute(async (tx) => {
        await repo.insertToken(tx, row);
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "api_token.created", entityType: "api_token", entityId: row.id, summary: row.name }, now);
      });
      const { tokenHash: _hash, userId: _user, ...visible } = row;
      return { ...visible, token };
    },

    async revokeToken(actor: Actor, id: string) {
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        const result = await repo.revokeToken(tx, actor.userId, id, now);
        if (Number(result.numUpdatedRows) !== 1) throw new AppError("NOT_FOUND");
        await insertAudit(tx, { actorId: actor.userId, organisationId: actor.organisationId, action: "api_token.revoked", entityType: "api_token", entityId: id, summary: id }, now);
      });
    },

    /** Housekeeping: drop expired sessions and old failed-login records. */
    async sweep() {
      const now = nowIso();
      await repo.deleteExpiredSessions(now);
      await repo.deleteOldFailures(isoIn(-24 * 60));
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
