import type { FieldError } from "../../../../common/errors.js";
import type { ActionStatus } from "../../../../common/followup.js";
import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { diffChanges } from "../../lib/audit.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { actionAccess, mayReportProgress, type RecommendationAccess } from "../../policies/followup.js";
import type { Actor } from "../../policies/index.js";
import type { Executor } from "../admin/audit.repository.js";
import { insertAudit } from "../admin/audit.repository.js";
import { loadActorGroups } from "../directory/groups-of.repository.js";
import { actionsRepository, type ActionRow } from "./actions.repository.js";
import type { ActionQuery, CreateAction, UpdateAction } from "./actions.schema.js";
import { queueActionAssignedMail } from "./assignment-mail.js";
import { bilingual, type LoadedRecommendation, type RecommendationsService } from "./recommendations.service.js";
import { isIsoDate, overdueDays, todayIso } from "./followup-dates.js";

const notFound = () => new AppError("ACTION_NOT_FOUND");

/**
 * Actions a recommendation breaks into, assigned to an organisation (and a person of it) with a
 * due date. Those who report on the recommendation manage them; the assigned organisation marks
 * its own done. Reminders: actions-reminders.service.ts.
 */
export function createActionsService(deps: Deps, recommendations: RecommendationsService) {
  const { db, config } = deps;
  const repo = actionsRepository(db);

  /**
   * Tell an open action's new assignees (inside the transaction that assigned it): the organisation's
   * admins and the person's account when the organisation is new, else only the newly assigned person.
   */
  async function mailAssignees(tx: Executor, id: string, organisationChanged: boolean) {
    const a = await repo.findById(id, tx);
    if (!a || a.status !== "open") return;
    const recipients = organisationChanged ? await repo.recipients(tx, a.organisationId, a.personId) : a.personId ? await repo.personAccounts(tx, a.personId) : [];
    if (recipients.length === 0) return;
    await queueActionAssignedMail(tx, {
      recipients,
      action: { id: a.id, titleAr: a.titleAr, titleEn: a.titleEn, dueOn: a.dueOn, recommendationId: a.recommendationId },
      organisation: { nameAr: a.orgNameAr, nameEn: a.orgNameEn },
      person: a.personId ? { nameAr: a.personNameAr ?? "", nameEn: a.personNameEn ?? "" } : null,
      recommendation: { reference: a.recReference, textAr: a.recTextAr, textEn: a.recTextEn },
      publicUrl: config.publicUrl,
    });
  }

  function accessFor(row: ActionRow, responsibleIds: string[]): RecommendationAccess {
    return { organisationId: row.recOwnerId, visibility: row.recVisibility, shareGroupId: row.recShareGroupId, status: row.recStatus, responsibleIds, sharedWithActor: true };
  }

  function present(actor: Actor, row: ActionRow, access: RecommendationAccess, today: string) {
    const days = overdueDays(row.dueOn, row.status === "open", today);
    const level = actionAccess(actor, access, row);
    return {
      id: row.id,
      recommendation: { id: row.recommendationId, reference: row.recReference, textAr: row.recTextAr, textEn: row.recTextEn },
      titleAr: row.titleAr,
      titleEn: row.titleEn,
      organisation: { id: row.organisationId, code: row.orgCode, nameAr: row.orgNameAr, nameEn: row.orgNameEn, kind: row.orgKind, country: row.orgCountry },
      person: row.personId ? { id: row.personId, nameAr: row.personNameAr ?? "", nameEn: row.personNameEn ?? "" } : null,
      dueOn: row.dueOn,
      status: row.status as ActionStatus,
      note: row.note,
      doneAt: row.doneAt,
      overdue: days > 0,
      daysOverdue: days,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      abilities: { update: level !== "none", delete: level === "full" },
    };
  }

  async function presentMany(actor: Actor, rows: ActionRow[]) {
    const responsibles = await repo.responsibleIdsOf([...new Set(rows.map((r) => r.recommendationId))]);
    const today = todayIso();
    return rows.map((r) => present(actor, r, accessFor(r, responsibles.filter((x) => x.recommendationId === r.recommendationId).map((x) => x.organisationId)), today));
  }

  async function checkAssignee(organisationId: string | undefined, personId: string | null | undefined, currentOrg: string | null, errors: FieldError[]) {
    if (organisationId !== undefined && !(await repo.organisation(organisationId))) errors.push({ field: "organisationId", message: "validation.invalid_choice" });
    if (personId) {
      const person = await repo.person(personId);
      // The person works for the assigned organisation.
      if (!person || person.organisationId !== (organisationId ?? currentOrg)) errors.push({ field: "personId", message: "validation.invalid_choice" });
    }
  }

  /** A timeline entry on the recommendation naming the action. */
  async function timeline(tx: Executor, actor: Actor, row: { id: string; recommendationId: string; titleAr: string; titleEn: string }, verb: string, now: string) {
    await recommendations.repository.insertUpdate(
      tx,
      recommendations.updateRow(actor, row.recommendationId, "action", now, { text: verb, links: JSON.stringify([{ type: "action", id: row.id, titleAr: row.titleAr, titleEn: row.titleEn }]) }),
    );
  }

  async function loadAction(actor: Actor, id: string): Promise<{ row: ActionRow; rec: LoadedRecommendation }> {
    const row = await repo.findById(id);
    if (!row) throw notFound();
    // Readable only with its recommendation.
    try {
      return { row, rec: await recommendations.load(actor, row.recommendationId) };
    } catch (err) {
      if (err instanceof AppError && err.code === "RECOMMENDATION_NOT_FOUND") throw notFound();
      throw err;
    }
  }

  return {
    /** Actions of recommendations the caller may read (coordinators: all), overdue first. */
    async findActions(actor: Actor, query: ActionQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 25;
      await loadActorGroups(db, actor);
      const { items, total } = await repo.search(actor, query, todayIso(), page, pageSize);
      return { items: await presentMany(actor, items), total, page, pageSize };
    },

    /** @throws AppError RECOMMENDATION_NOT_FOUND */
    async listForRecommendation(actor: Actor, recommendationId: string) {
      const rec = await recommendations.load(actor, recommendationId);
      return { items: await presentMany(actor, await repo.ofRecommendation(rec.row.id)), abilities: { create: mayReportProgress(actor, rec.access) } };
    },

    /**
     * Break a recommendation into an action (responsible organisations and coordinators).
     * @throws AppError RECOMMENDATION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
     */
    async createAction(actor: Actor, recommendationId: string, input: CreateAction) {
      const rec = await recommendations.load(actor, recommendationId);
      if (!mayReportProgress(actor, rec.access)) throw new AppError("FORBIDDEN");
      const errors: FieldError[] = [];
      const { textAr: titleAr, textEn: titleEn } = bilingual(input.titleAr, input.titleEn, errors, "titleAr");
      await checkAssignee(input.organisationId, input.personId, null, errors);
      if (input.dueOn && !isIsoDate(input.dueOn)) errors.push({ field: "dueOn", message: "validation.invalid_format" });
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const now = nowIso();
      const row: DB["actions"] = {
        id: newId(),
        recommendationId: rec.row.id,
        titleAr,
        titleEn,
        organisationId: input.organisationId,
        personId: input.personId ?? null,
        dueOn: input.dueOn ?? null,
        status: "open",
        note: input.note?.trim() || null,
        doneAt: null,
        remindedAt: null,
        overdueNotifiedAt: null,
        createdBy: actor.userId,
        createdAt: now,
        updatedAt: now,
      };
      await db.transaction().execute(async (tx) => {
        await repo.create(tx, row);
        await timeline(tx, actor, row, "created", now);
        await insertAudit(tx, { actorId: actor.userId, organisationId: rec.row.organisationId, action: "action.created", entityType: "action", entityId: row.id, summary: row.titleEn || row.titleAr, changes: { recommendation: rec.row.id, organisation: row.organisationId, person: row.personId, dueOn: row.dueOn } }, now);
        await mailAssignees(tx, row.id, true);
      });
      return (await presentMany(actor, [(await repo.findById(row.id))!]))[0];
    },

    /**
     * Change an action. The assigned organisation's admins and members may change only its status
     * and note; a new due date re-arms its reminders.
     * @throws AppError ACTION_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED
     */
    async updateAction(actor: Actor, id: string, input: UpdateAction) {
      const { row, rec } = await loadAction(actor, id);
      const level = actionAccess(actor, rec.access, row);
      if (level === "none") throw new AppError("FORBIDDEN");
      const limitedOnly = (["titleAr", "titleEn", "organisationId", "personId", "dueOn"] as const).every((k) => input[k] === undefined);
      if (level === "limited" && !limitedOnly) throw new AppError("FORBIDDEN");
      const errors: FieldError[] = [];
      const values: Partial<DB["actions"]> = {};
      if (input.titleAr !== undefined || input.titleEn !== undefined) {
        const titles = bilingual(input.titleAr ?? row.titleAr, input.titleEn ?? row.titleEn, errors, "titleAr");
        Object.assign(values, { titleAr: titles.textAr, titleEn: titles.textEn });
      }
      if (input.organisationId !== undefined || input.personId !== undefined) {
        await checkAssignee(input.organisationId, input.personId === undefined ? (input.organisationId && input.organisationId !== row.organisationId ? null : row.personId) : input.personId, row.organisationId, errors);
        if (input.organisationId !== undefined) values.organisationId = input.organisationId;
        // Another organisation: the previous person was theirs.
        values.personId = input.personId !== undefined ? input.personId : input.organisationId && input.organisationId !== row.organisationId ? null : row.personId;
      }
      if (input.dueOn !== undefined) {
        if (input.dueOn && !isIsoDate(input.dueOn)) errors.push({ field: "dueOn", message: "validation.invalid_format" });
        values.dueOn = input.dueOn;
        if (input.dueOn !== row.dueOn) Object.assign(values, { remindedAt: null, overdueNotifiedAt: null });
      }
      if (input.note !== undefined) values.note = input.note?.trim() || null;
      const now = nowIso();
      if (input.status !== undefined && input.status !== row.status) {
        values.status = input.status;
        values.doneAt = input.status === "done" ? now : null;
      }
      if (errors.length) throw new AppError("VALIDATION_FAILED", { fields: errors });
      const changes = diffChanges(row as unknown as Record<string, unknown>, values);
      delete changes.remindedAt;
      delete changes.overdueNotifiedAt;
      delete changes.doneAt;
      if (Object.keys(changes).length === 0) return (await presentMany(actor, [row]))[0];
      const verb = values.status === "done" ? "done" : values.status === "cancelled" ? "cancelled" : values.status === "open" ? "reopened" : "updated";
      const organisationChanged = changes.organisationId !== undefined;
      const personAssigned = changes.personId !== undefined && Boolean(values.personId);
      await db.transaction().execute(async (tx) => {
        await repo.update(tx, row.id, { ...values, updatedAt: now });
        await timeline(tx, actor, { ...row, ...values }, verb, now);
        await insertAudit(tx, { actorId: actor.userId, organisationId: rec.row.organisationId, action: "action.updated", entityType: "action", entityId: row.id, summary: (values.titleEn ?? row.titleEn) || (values.titleAr ?? row.titleAr), changes }, now);
        if (organisationChanged || personAssigned) await mailAssignees(tx, row.id, organisationChanged);
      });
      return (await presentMany(actor, [(await repo.findById(row.id))!]))[0];
    },

    /** @throws AppError ACTION_NOT_FOUND, FORBIDDEN */
    async deleteAction(actor: Actor, id: string) {
      const { row, rec } = await loadAction(actor, id);
      if (actionAccess(actor, rec.access, row) !== "full") throw new AppError("FORBIDDEN");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await repo.delete(tx, row.id);
        await timeline(tx, actor, row, "deleted", now);
        await insertAudit(tx, { actorId: actor.userId, organisationId: rec.row.organisationId, action: "action.deleted", entityType: "action", entityId: row.id, summary: row.titleEn, changes: { recommendation: row.recommendationId, organisation: row.organisationId, status: row.status } }, now);
      });
    },
  };
}

export type ActionsService = ReturnType<typeof createActionsService>;
