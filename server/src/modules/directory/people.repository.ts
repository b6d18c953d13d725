import { sql, type ExpressionBuilder, type Kysely } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Executor } from "../admin/audit.repository.js";
import { scopeCondition, type Actor } from "../../policies/index.js";
import { matchesAllTerms } from "./search.js";
import type { PersonQuery } from "./people.schema.js";

const columns = [
  "people.id",
  "people.organisationId",
  "people.nameAr",
  "people.nameEn",
  "people.position",
  "people.titleAr",
  "people.titleEn",
  "people.email",
  "people.phone",
  "people.preferredLanguage",
  "people.visibility",
  "people.shareGroupId",
  "shareGroups.code as shareGroupCode",
  "shareGroups.nameAr as shareGroupNameAr",
  "shareGroups.nameEn as shareGroupNameEn",
  "people.archivedAt",
  "people.createdAt",
  "people.updatedAt",
  "organisations.code as orgCode",
  "organisations.nameAr as orgNameAr",
  "organisations.nameEn as orgNameEn",
  "organisations.kind as orgKind",
] as const;

/** Lists count matches exactly up to this many. */
export const COUNT_CAP = 10_000;

export function peopleRepository(db: Kysely<DB>) {
  // Conditions use only columns of `people` (organisation filters go through subqueries), so the
  // count runs on `people` alone; the joins for display are made for the one page of rows.
  function conditions(actor: Actor | null, filter: PersonQuery) {
    return (eb: ExpressionBuilder<DB, "people">) => {
        const conditions = [scopeCondition(eb, actor, "person.read", { organisation: "people.organisation_id", visibility: "people.visibility", shareGroup: "people.share_group_id" })];
        const text = matchesAllTerms("people.search_text", filter.q);
        if (text) conditions.push(text);
        if (filter.organisation) conditions.push(eb("people.organisationId", "in", eb.selectFrom("organisations").select("id").where("code", "=", filter.organisation)));
        if (filter.country) conditions.push(eb("people.organisationId", "in", eb.selectFrom("organisations").select("id").where("country", "=", filter.country)));
        if (filter.position) conditions.push(eb("people.position", "=", filter.position));
        if (filter.group) {
          conditions.push(
            eb(
              "people.organisationId",
              "in",
              eb.selectFrom("groupMembers").innerJoin("groups", "groups.id", "groupMembers.groupId").select("groupMembers.organisationId").where("groups.code", "=", filter.group),
            ),
          );
        }
        const archived = filter.archived ?? "exclude";
        if (archived === "exclude") conditions.push(eb("people.archivedAt", "is", null));
        if (archived === "only") conditions.push(eb("people.archivedAt", "is not", null));
        return eb.and(conditions);
    };
  }

  return {
    async search(actor: Actor | null, filter: PersonQuery & { page: number; pageSize: number; sort: "name_ar" | "name_en" }) {
      const where = conditions(actor, filter);
      const [items, count] = await Promise.all([
        db
          .selectFrom("people")
          .innerJoin("organisations", "organisations.id", "people.organisationId")
          .leftJoin("groups as shareGroups", "shareGroups.id", "people.shareGroupId")
          .where(where as never)
          .select(columns)
          .orderBy(sql.ref(`people.${filter.sort}`))
          .orderBy("people.id")
          .limit(filter.pageSize)
          .offset((filter.page - 1) * filter.pageSize)
          .execute(),
        // Counting every match of a broad query costs a scan of the whole table at 100k people;
        // beyond COUNT_CAP the answer says "more than" instead.
        db
          .selectFrom((qb) => qb.selectFrom("people").where(where).select(sql<number>`1`.as("one")).limit(COUNT_CAP + 1).as("capped"))
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      const counted = Number(count.n);
      return { items, total: Math.min(counted, COUNT_CAP), totalCapped: counted > COUNT_CAP };
    },
    findById(id: string, tx: Executor = db) {
      return tx
        .selectFrom("people")
        .innerJoin("organisations", "organisations.id", "people.organisationId")
        .leftJoin("groups as shareGroups", "shareGroups.id", "people.shareGroupId")
        .select(columns).where("people.id", "=", id).executeTakeFirst();
    },
    findOrganisation(id: string) {
      return db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn", "archivedAt"]).where("id", "=", id).executeTakeFirst();
    },
    create(tx: Executor, row: DB["people"]) {
      return tx.insertInto("people").values(row).execute();
    },
    update(tx: Executor, id: string, values: Partial<DB["people"]>) {
      return tx.updateTable("people").set(values).where("id", "=", id).execute();
    },
  };
}

export type PersonRow = NonNullable<Awaited<ReturnType<ReturnType<typeof peopleRepository>["findById"]>>>;
