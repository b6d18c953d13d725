import { sql, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import { matchesAllTerms } from "./search.js";

export interface OrganisationFilter {
  q?: string;
  kind?: string;
  country?: string;
  group?: string;
  archived?: "exclude" | "include" | "only";
  page: number;
  pageSize: number;
  sort: "name_ar" | "name_en";
}

export function organisationsRepository(db: Kysely<DB>) {
  function filtered(actor: Actor | null, filter: OrganisationFilter) {
    return db.selectFrom("organisations").where((eb) => {
      const conditions = [scopeCondition(eb, actor, "organisation.read", { organisation: "organisations.id", visibility: "organisations.visibility", shareGroup: "organisations.share_group_id" })];
      const text = matchesAllTerms("organisations.search_text", filter.q);
      if (text) conditions.push(text);
      if (filter.kind) conditions.push(eb("organisations.kind", "=", filter.kind));
      if (filter.country) conditions.push(eb("organisations.country", "=", filter.country));
      if (filter.group) {
        conditions.push(
          eb(
            "organisations.id",
            "in",
            eb.selectFrom("groupMembers").innerJoin("groups", "groups.id", "groupMembers.groupId").select("groupMembers.organisationId").where("groups.code", "=", filter.group),
          ),
        );
      }
      const archived = filter.archived ?? "exclude";
      if (archived === "exclude") conditions.push(eb("organisations.archivedAt", "is", null));
      if (archived === "only") conditions.push(eb("organisations.archivedAt", "is not", null));
      return eb.and(conditions);
    });
  }

  return {
    async search(actor: Actor | null, filter: OrganisationFilter) {
      const base = filtered(actor, filter);
      const [items, count] = await Promise.all([
        base
          .selectAll()
          .orderBy(sql.ref(`organisations.${filter.sort}`))
          .orderBy("organisations.id")
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },
    findByIdOrCode(idOrCode: string, tx: Executor = db) {
      return tx.selectFrom("organisations").selectAll().where((eb) => eb.or([eb("id", "=", idOrCode), eb("code", "=", idOrCode)])).executeTakeFirst();
    },
    findByCode(code: string, tx: Executor = db) {
      return tx.selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirst();
    },
    groupsOf(organisationId: string) {
      return db
        .selectFrom("groupMembers")
        .innerJoin("groups", "groups.id", "groupMembers.groupId")
        .select(["groups.id", "groups.code", "groups.nameAr", "groups.nameEn"])
        .where("groupMembers.organisationId", "=", organisationId)
        .where("groups.archivedAt", "is", null)
        .orderBy("groups.code")
        .execute();
    },
    countryNames(code: string | null, tx: Executor = db) {
      if (!code) return Promise.resolve(undefined);
      return tx.selectFrom("countries").select(["nameAr", "nameEn"]).where("code", "=", code).executeTakeFirst();
    },
    create(tx: Executor, row: DB["organisations"]) {
      return tx.insertInto("organisations").values(row).execute();
    },
    update(tx: Executor, id: string, values: Partial<DB["organisations"]>) {
      return tx.updateTable("organisations").set(values).where("id", "=", id).execute();
    },
  };
}

export type OrganisationRow = DB["organisations"];
