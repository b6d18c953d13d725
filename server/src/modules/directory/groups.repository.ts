import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";

/** Groups and their members (Kysely only). */
export function groupsRepository(db: Kysely<DB>) {
  const withCount = (tx: Executor) =>
    tx
      .selectFrom("groups")
      .selectAll("groups")
      .select((eb) => eb.selectFrom("groupMembers").select(eb.fn.countAll<number>().as("n")).whereRef("groupMembers.groupId", "=", "groups.id").as("memberCount"));

  return {
    listActive() {
      return withCount(db).where("groups.archivedAt", "is", null).orderBy("groups.code").execute();
    },
    findByIdOrCode(idOrCode: string) {
      return withCount(db).where((eb) => eb.or([eb("groups.id", "=", idOrCode), eb("groups.code", "=", idOrCode)])).executeTakeFirst();
    },
    members(groupId: string) {
      return db
        .selectFrom("groupMembers")
        .innerJoin("organisations", "organisations.id", "groupMembers.organisationId")
        .select(["organisations.id", "organisations.code", "organisations.nameAr", "organisations.nameEn", "organisations.kind", "organisations.country"])
        .where("groupMembers.groupId", "=", groupId)
        .orderBy("organisations.nameEn")
        .execute();
    },
    codeTaken(tx: Executor, code: string) {
      return tx.selectFrom("groups").select("id").where("code", "=", code).executeTakeFirst();
    },
    countExisting(tx: Executor, organisationIds: string[]) {
      return tx.selectFrom("organisations").select("id").where("id", "in", organisationIds).execute();
    },
    create(tx: Executor, row: DB["groups"]) {
      return tx.insertInto("groups").values(row).execute();
    },
    update(tx: Executor, id: string, values: Partial<DB["groups"]>) {
      return tx.updateTable("groups").set(values).where("id", "=", id).execute();
    },
    async replaceMembers(tx: Executor, groupId: string, organisationIds: string[]) {
      await tx.deleteFrom("groupMembers").where("groupId", "=", groupId).execute();
      if (organisationIds.length > 0) await tx.insertInto("groupMembers").values(organisationIds.map((organisationId) => ({ groupId, organisationId }))).execute();
    },
  };
}
