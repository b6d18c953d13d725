import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

/** Users, sessions, API tokens, invitations, resets and failed logins: Kysely only. */
export function authRepository(db: Kysely<DB>) {
  const userColumns = [
    "users.id",
    "users.email",
    "users.name",
    "users.passwordHash",
    "users.role",
    "users.organisationId",
    "users.personId",
    "users.locale",
    "users.digits",
    "users.disabledAt",
  ] as const;

  return {
    findUserByEmail(email: string) {
      return db.selectFrom("users").select(userColumns).where("email", "=", email).executeTakeFirst();
    },
    findUserById(id: string, tx: Executor = db) {
      return tx.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
    },
    findSession(id: string) {
      return db
        .selectFrom("sessions")
        .innerJoin("users", "users.id", "sessions.userId")
        .select([...userColumns, "sessions.id as sessionId", "sessions.csrfToken", "sessions.lastSeenAt", "sessions.expiresAt"])
        .where("sessions.id", "=", id)
        .executeTakeFirst();
    },
    insertSession(tx: Executor, row: DB["sessions"]) {
      return tx.insertInto("sessions").values(row).execute();
    },
    touchSession(id: string, at: string) {
      return db.updateTable("sessions").set({ lastSeenAt: at }).where("id", "=", id).execute();
    },
    deleteSession(id: string, tx: Executor = db) {
      return tx.deleteFrom("sessions").where("id", "=", id).execute();
    },
    deleteSessionsOfUser(tx: Executor, userId: string, exceptId?: string) {
      let q = tx.deleteFrom("sessions").where("userId", "=", userId);
      if (exceptId) q = q.where("id", "!=", exceptId);
      return q.execute();
    },
    deleteExpiredSessions(now: string) {
      return db.deleteFrom("sessions").where("expiresAt", "<", now).execute();
    },
    findToken(tokenHash: string) {
      return db
        .selectFrom("apiTokens")
        .innerJoin("users", "users.id", "apiTokens.userId")
        .select([...userColumns, "apiTokens.id as tokenId", "apiTokens.expiresAt", "apiTokens.revokedAt", "apiTokens.lastUsedAt"])
        .where("apiTokens.tokenHash", "=", tokenHash)
        .executeTakeFirst();
    },
    touchToken(id: string, at: string) {
      return db.updateTable("apiTokens").set({ lastUsedAt: at }).where("id", "=", id).execute();
    },
    listTokens(userId: string) {
      return db
        .selectFrom("apiTokens")
        .select(["id", "name", "prefix", "createdAt", "lastUsedAt", "expiresAt", "revokedAt"])
        .where("userId", "=", userId)
        .orderBy("createdAt", "desc")
        .execute();
    },
    insertToken(tx: Executor, row: DB["apiTokens"]) {
      return tx.insertInto("apiTokens").values(row).execute();
    },
    revokeToken(tx: Executor, userId: string, id: string, at: string) {
      return tx
        .updateTable("apiTokens")
        .set({ revokedAt: at })
        .where("id", "=", id)
        .where("userId", "=", userId)
        .where("revokedAt", "is", null)
        .executeTakeFirst();
    },
    revokeTokensOfUser(tx: Executor, userId: string, at: string) {
      return tx.updateTable("apiTokens").set({ revokedAt: at }).where("userId", "=", userId).where("revokedAt", "is", null).execute();
    },
    countFailures(emailKey: string, ip: string, since: string) {
      return db
        .selectFrom("loginFailures")
        .select((eb) => [
          eb.fn.sum<number>(eb.case().when("emailKey", "=", emailKey).then(1).else(0).end()).as("byEmail"),
          eb.fn.sum<number>(eb.case().when("ip", "=", ip).then(1).else(0).end()).as("byIp"),
        ])
        .where("at", ">=", since)
        .where((eb) => eb.or([eb("emailKey", "=", emailKey), eb("ip", "=", ip)]))
        .executeTakeFirst();
    },
    insertFailure(emailKey: string, ip: string, at: string) {
      return db.insertInto("loginFailures").values({ emailKey, ip, at }).execute();
    },
    clearFailures(emailKey: string, tx: Executor = db) {
      return tx.deleteFrom("loginFailures").where("emailKey", "=", emailKey).execute();
    },
    deleteOldFailures(before: string) {
      return db.deleteFrom("loginFailures").where("at", "<", before).execute();
    },
    updateUser(tx: Executor, id: string, values: Partial<DB["users"]>) {
      return tx.updateTable("users").set(values).where("id", "=", id).execute();
    },
    insertUser(tx: Executor, row: DB["users"]) {
      return tx.insertInto("users").values(row).execute();
    },
    findInvitation(tokenHash: string, tx: Executor = db) {
      return tx
        .selectFrom("invitations")
        .innerJoin("organisations", "organisations.id", "invitations.organisationId")
        .select([
          "invitations.id",
          "invitations.email",
          "invitations.name",
          "invitations.role",
          "invitations.organisationId",
          "invitations.expiresAt",
          "invitations.acceptedAt",
          "invitations.revokedAt",
          "organisations.code as orgCode",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.kind as orgKind",
        ])
        .where("invitations.tokenHash", "=", tokenHash)
        .executeTakeFirst();
    },
    markInvitationAccepted(tx: Executor, id: string, at: string) {
      return tx
        .updateTable("invitations")
        .set({ acceptedAt: at })
        .where("id", "=", id)
        .where("acceptedAt", "is", null)
        .executeTakeFirst();
    },
    findReset(tokenHash: string, tx: Executor = db) {
      return tx
        .selectFrom("passwordResets")
        .innerJoin("users", "users.id", "passwordResets.userId")
        .select(["passwordResets.id", "passwordResets.userId", "passwordResets.expiresAt", "passwordResets.usedAt", "users.email", "users.organisationId"])
        .where("passwordResets.tokenHash", "=", tokenHash)
        .executeTakeFirst();
    },
    markResetUsed(tx: Executor, id: string, at: string) {
      return tx.updateTable("passwordResets").set({ usedAt: at }).where("id", "=", id).where("usedAt", "is", null).executeTakeFirst();
    },
    findOrganisationRef(id: string) {
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "kind"]).where("id", "=", id).executeTakeFirstOrThrow();
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
