import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import { escapeLike } from "../directory/search.js";
import type { Executor } from "./audit.repository.js";
import type { AuditQuery, UserQuery } from "./admin.schema.js";

const userColumns = [
  "users.id",
  "users.email",
  "users.name",
  "users.role",
  "users.organisationId",
  "users.locale",
  "users.disabledAt",
  "users.createdAt",
  "organisations.code as orgCode",
  "organisations.nameAr as orgNameAr",
  "organisations.nameEn as orgNameEn",
  "organisations.kind as orgKind",
] as const;

/** Users, invitations, outbox and audit log queries (Kysely only). */
export function adminRepository(db: Kysely<DB>) {
  return {
    async searchUsers(actor: Actor, query: UserQuery & { page: number; pageSize: number }) {
      const base = db
        .selectFrom("users")
        .innerJoin("organisations", "organisations.id", "users.organisationId")
        .where((eb) => {
          const conditions = [scopeCondition(eb, actor, "user.read", { organisation: "users.organisation_id" })];
          if (query.q) {
            const pattern = `%${escapeLike(query.q.trim().toLowerCase())}%`;
            conditions.push(sql<boolean>`(users.email like ${pattern} escape '\\' or lower(users.name) like ${pattern} escape '\\')`);
          }
          if (query.organisation) conditions.push(eb("organisations.code", "=", query.organisation));
          return eb.and(conditions);
        });
      const [items, count] = await Promise.all([
        base.select(userColumns).orderBy("users.email").limit(query.pageSize).offset((query.page - 1) * query.pageSize).execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
    findUser(id: string, tx: Executor = db) {
      return tx.selectFrom("users").innerJoin("organisations", "organisations.id", "users.organisationId").select(userColumns).where("users.id", "=", id).executeTakeFirst();
    },
    updateUser(tx: Executor, id: string, values: Partial<DB["users"]>) {
      return tx.updateTable("users").set(values).where("id", "=", id).execute();
    },
    emailInUse(email: string, tx: Executor = db) {
      return tx.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    },
    insertInvitation(tx: Executor, row: DB["invitations"]) {
      return tx.insertInto("invitations").values(row).execute();
    },
    pendingInvitations(actor: Actor) {
      return db
        .selectFrom("invitations")
        .innerJoin("organisations", "organisations.id", "invitations.organisationId")
        .select([
          "invitations.id",
          "invitations.email",
          "invitations.name",
          "invitations.role",
          "invitations.createdAt",
          "invitations.expiresAt",
          "invitations.organisationId",
          "organisations.code as orgCode",
          "organisations.nameAr as orgNameAr",
          "organisations.nameEn as orgNameEn",
          "organisations.kind as orgKind",
        ])
        .where((eb) => scopeCondition(eb, actor, "user.invite", { organisation: "invitations.organisation_id" }))
        .where("invitations.acceptedAt", "is", null)
        .where("invitations.revokedAt", "is", null)
        .where("invitations.expiresAt", ">", new Date().toISOString())
        .orderBy("invitations.createdAt", "desc")
        .limit(200)
        .execute();
    },
    findInvitation(id: string) {
      return db.selectFrom("invitations").select(["id", "email", "organisationId", "acceptedAt", "revokedAt"]).where("id", "=", id).executeTakeFirst();
    },
    revokeInvitation(tx: Executor, id: string, at: string) {
      return tx.updateTable("invitations").set({ revokedAt: at }).where("id", "=", id).execute();
    },
    insertReset(tx: Executor, row: DB["passwordResets"]) {
      return tx.insertInto("passwordResets").values(row).execute();
    },
    async outbox(actor: Actor, page: number, pageSize: number) {
      const base = db.selectFrom("outbox").where((eb) => scopeCondition(eb, actor, "outbox.read", { organisation: "outbox.organisation_id" }));
      const [items, count] = await Promise.all([
        base
          .select(["id", "toEmail", "subject", "body", "kind", "locale", "status", "attempts", "createdAt", "sentAt"])
          .orderBy("createdAt", "desc")
          .orderBy("id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
    async audit(actor: Actor, query: AuditQuery & { page: number; pageSize: number }) {
      const base = db
        .selectFrom("auditLog")
        .leftJoin("users", "users.id", "auditLog.actorId")
        .where((eb) => {
          const conditions = [scopeCondition(eb, actor, "audit.read", { organisation: "audit_log.organisation_id" })];
          if (query.entityType) conditions.push(eb("auditLog.entityType", "=", query.entityType));
          if (query.entityId) conditions.push(eb("auditLog.entityId", "=", query.entityId));
          return eb.and(conditions);
        });
      const [items, count] = await Promise.all([
        base
          .select(["auditLog.id", "auditLog.at", "auditLog.actorId", "users.name as actorName", "auditLog.action", "auditLog.entityType", "auditLog.entityId", "auditLog.summary", "auditLog.changes"])
          .orderBy("auditLog.id", "desc")
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
  };
}
