import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type SqlBool, type Updateable } from "kysely";
import type { DB } from "../../db/schema.js";
import type { Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { readableRecommendations } from "./recommendations.repository.js";

const columns = [
  "actions.id",
  "actions.recommendationId",
  "actions.titleAr",
  "actions.titleEn",
  "actions.organisationId",
  "actions.personId",
  "actions.dueOn",
  "actions.status",
  "actions.note",
  "actions.doneAt",
  "actions.remindedAt",
  "actions.overdueNotifiedAt",
  "actions.createdAt",
  "actions.updatedAt",
  "recommendations.reference as recReference",
  "recommendations.textAr as recTextAr",
  "recommendations.textEn as recTextEn",
  "recommendations.organisationId as recOwnerId",
  "recommendations.visibility as recVisibility",
  "recommendations.shareGroupId as recShareGroupId",
  "recommendations.status as recStatus",
  "organisations.code as orgCode",
  "organisations.nameAr as orgNameAr",
  "organisations.nameEn as orgNameEn",
  "organisations.kind as orgKind",
  "organisations.country as orgCountry",
  "people.nameAr as personNameAr",
  "people.nameEn as personNameEn",
] as const;

export interface ActionFilter {
  mine?: boolean;
  overdue?: boolean;
  status?: string;
  recommendation?: string;
}

/** Actions of recommendations (Kysely only). */
export function actionsRepository(db: Kysely<DB>) {
  function base(tx: Executor = db) {
    return tx
      .selectFrom("actions")
      .innerJoin("recommendations", "recommendations.id", "actions.recommendationId")
      .innerJoin("organisations", "organisations.id", "actions.organisationId")
      .leftJoin("people", "people.id", "actions.personId")
      .select(columns);
  }

  return {
    /** Actions of readable recommendations, overdue first, then by due date. */
    async search(actor: Actor, filter: ActionFilter, today: string, page: number, pageSize: number) {
      const where = (eb: ExpressionBuilder<DB, "actions" | "recommendations">) => {
        const parts: Expression<SqlBool>[] = [readableRecommendations(eb as never, actor)];
        if (filter.mine) parts.push(eb("actions.organisationId", "=", actor.organisationId));
        if (filter.status) parts.push(eb("actions.status", "=", filter.status));
        if (filter.overdue) parts.push(eb.and([eb("actions.status", "=", "open"), eb("actions.dueOn", "<", today)]));
        if (filter.recommendation) parts.push(eb("actions.recommendationId", "=", filter.recommendation));
        return eb.and(parts);
      };
      const [items, count] = await Promise.all([
        base()
          .where(where as never)
          .orderBy(sql`case when actions.status = 'open' and actions.due_on < ${today} then 0 else 1 end`)
          .orderBy(sql`case when actions.due_on is null then 1 else 0 end`)
          .orderBy("actions.dueOn")
          .orderBy("actions.createdAt")
          .orderBy("actions.id")
          .limit(pageSize)
          .offset((page - 1) * pageSize)
          .execute(),
        db
          .selectFrom("actions")
          .innerJoin("recommendations", "recommendations.id", "actions.recommendationId")
          .where(where as never)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { items, total: Number(count.n) };
    },

    ofRecommendation(recommendationId: string) {
      return base().where("actions.recommendationId", "=", recommendationId).orderBy("actions.createdAt").orderBy("actions.id").execute();
    },

    findById(id: string, tx: Executor = db) {
      return base(tx).where("actions.id", "=", id).executeTakeFirst();
    },

    create(tx: Executor, row: Insertable<DB["actions"]>) {
      return tx.insertInto("actions").values(row).execute();
    },

    update(tx: Executor, id: string, values: Updateable<DB["actions"]>) {
      return tx.updateTable("actions").set(values).where("id", "=", id).execute();
    },

    delete(tx: Executor, id: string) {
      return tx.deleteFrom("actions").where("id", "=", id).execute();
    },

    responsibleIdsOf(recommendationIds: string[]) {
      if (recommendationIds.length === 0) return Promise.resolve([]);
      return db.selectFrom("recommendationResponsibles").select(["recommendationId", "organisationId"]).where("recommendationId", "in", recommendationIds).execute();
    },

    organisation(id: string) {
      return db.selectFrom("organisations").select("id").where("id", "=", id).where("archivedAt", "is", null).executeTakeFirst();
    },

    person(id: string) {
      return db.selectFrom("people").select(["id", "organisationId"]).where("id", "=", id).where("archivedAt", "is", null).executeTakeFirst();
    },

    /**
     * Open actions due for a reminder: due within `horizon` (a YYYY-MM-DD date) and not reminded yet,
     * or overdue at `today` and not notified yet.
     */
    due(today: string, horizon: string, limit: number) {
      return db
        .selectFrom("actions")
        .select(["id", "dueOn", "remindedAt", "overdueNotifiedAt"])
        .where("status", "=", "open")
        .where("dueOn", "is not", null)
        // Nothing to chase once the recommendation is done or dropped.
        .where("recommendationId", "in", (eb) => eb.selectFrom("recommendations").select("id").where("status", "not in", ["done", "dropped"]))
        .where((eb) =>
          eb.or([
            eb.and([eb("remindedAt", "is", null), eb("dueOn", ">=", today), eb("dueOn", "<=", horizon)]),
            eb.and([eb("overdueNotifiedAt", "is", null), eb("dueOn", "<", today)]),
          ]),
        )
        .orderBy("dueOn")
        .limit(limit)
        .execute();
    },

    /** Claim a reminder (conditional update): true for exactly one of several concurrent runs. */
    async claim(tx: Executor, id: string, column: "remindedAt" | "overdueNotifiedAt", now: string) {
      const result = await tx.updateTable("actions").set({ [column]: now }).where("id", "=", id).where(column, "is", null).where("status", "=", "open").executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Who an action's mail goes to: the assigned organisation's admins and the assigned person's account. */
    recipients(tx: Executor, organisationId: string, personId: string | null) {
      return tx
        .selectFrom("users")
        .select(["email", "name", "locale", "digits", "organisationId"])
        .where("disabledAt", "is", null)
        .where((eb) => {
          const parts = [eb.and([eb("organisationId", "=", organisationId), eb("role", "=", "org_admin")])];
          if (personId) parts.push(eb("personId", "=", personId));
          return eb.or(parts);
        })
        .orderBy("email")
        .execute();
    },

    /** The assigned person's own account (when he has one): who hears of a new assignee within the same organisation. */
    personAccounts(tx: Executor, personId: string) {
      return tx.selectFrom("users").select(["email", "name", "locale", "digits", "organisationId"]).where("disabledAt", "is", null).where("personId", "=", personId).orderBy("email").execute();
    },
  };
}

export type ActionsRepository = ReturnType<typeof actionsRepository>;
export type ActionRow = NonNullable<Awaited<ReturnType<ActionsRepository["findById"]>>>;
