import type { Deps } from "../../deps.js";
import type { DB } from "../../db/schema.js";
import { lockRow } from "../../db/dialect.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import type { AttachmentsService } from "./attachments.service.js";
import type { EventsService } from "./events.service.js";
import { sanitizeMinutes } from "./minutes-html.js";

export interface DecisionInput {
  id?: string;
  reference?: string | null;
  textAr: string;
  textEn: string;
  responsibleOrganisationId?: string | null;
  dueOn?: string | null;
}

const invalid = (field: string, message = "validation.invalid_choice") => new AppError("VALIDATION_FAILED", { fields: [{ field, message }] });

/**
 * An event's minutes: sanitised rich text and its decisions as separate, numbered
 * items with stable ids (the follow-up module turns them into tracked
 * recommendations). Saves carry the version they started from, so two secretaries
 * editing at once cannot silently overwrite each other.
 */
export function createMinutesService(deps: Deps, events: EventsService, attachments: AttachmentsService) {
  const { db, dialect } = deps;

  async function read(eventId: string) {
    const minutes = await db
      .selectFrom("eventMinutes")
      .leftJoin("users", "users.id", "eventMinutes.updatedBy")
      .select(["eventMinutes.bodyHtml", "eventMinutes.version", "eventMinutes.updatedAt", "users.name as updatedByName"])
      .where("eventMinutes.eventId", "=", eventId)
      .executeTakeFirst();
    const decisions = await db
      .selectFrom("eventDecisions")
      .leftJoin("organisations", "organisations.id", "eventDecisions.responsibleOrganisationId")
      .select([
        "eventDecisions.id",
        "eventDecisions.position",
        "eventDecisions.reference",
        "eventDecisions.textAr",
        "eventDecisions.textEn",
        "eventDecisions.dueOn",
        "organisations.id as orgId",
        "organisations.code as orgCode",
        "organisations.nameAr as orgNameAr",
        "organisations.nameEn as orgNameEn",
        "organisations.kind as orgKind",
      ])
      .where("eventDecisions.eventId", "=", eventId)
      .orderBy("eventDecisions.position")
      .execute();
    return {
      bodyHtml: minutes?.bodyHtml ?? "",
      version: minutes ? Number(minutes.version) : 0,
      updatedAt: minutes?.updatedAt ?? null,
      updatedBy: minutes?.updatedByName ?? null,
      decisions: decisions.map((d) => ({
        id: d.id,
        number: Number(d.position) + 1,
        reference: d.reference,
        textAr: d.textAr,
        textEn: d.textEn,
        dueOn: d.dueOn,
        responsible: d.orgId ? { id: d.orgId, code: d.orgCode ?? "", nameAr: d.orgNameAr ?? "", nameEn: d.orgNameEn ?? "", kind: d.orgKind ?? "" } : null,
      })),
    };
  }

  async function checkDecisions(decisions: DecisionInput[], existingIds: Set<string>) {
    const orgIds = [...new Set(decisions.map((d) => d.responsibleOrganisationId).filter((id): id is string => Boolean(id)))];
    const known = orgIds.length ? new Set((await db.selectFrom("organisations").select("id").where("id", "in", orgIds).execute()).map((o) => o.id)) : new Set<string>();
    decisions.forEach((d, i) => {
      if (!d.textAr.trim() && !d.textEn.trim()) throw invalid(`decisions.${i}.textAr`, "validation.required");
      if (d.id && !existingIds.has(d.id)) throw invalid(`decisions.${i}.id`);
      if (d.responsibleOrganisationId && !known.has(d.responsibleOrganisationId)) throw invalid(`decisions.${i}.responsibleOrganisationId`);
      if (d.dueOn && Number.isNaN(Date.parse(`${d.dueOn}T00:00:00Z`))) throw invalid(`decisions.${i}.dueOn`, "validation.invalid_format");
    });
  }

  return {
    /** The minutes, decisions and minutes' files; for the host, coordinators and invited organisations. */
    async get(actor: Actor, eventId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "minutes.read", await events.minutesOwnership(actor, row));
      return { ...(await read(row.id)), attachments: await attachments.listFor(row.id, "minutes"), abilities: { edit: can(actor, "event.update", await events.ownership(actor, row)) } };
    },

    /**
     * Save the minutes and the full list of decisions (ids keep a decision's identity;
     * a decision left out is removed).
     * @throws AppError MINUTES_CONFLICT when someone saved since `version`
     */
    async save(actor: Actor, eventId: string, input: { bodyHtml: string; version: number; decisions: DecisionInput[] }) {
      const row = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, row));
      const bodyHtml = sanitizeMinutes(input.bodyHtml);
      const existing = await db.selectFrom("eventDecisions").select(["id", "textAr", "textEn"]).where("eventId", "=", row.id).execute();
      await checkDecisions(input.decisions, new Set(existing.map((d) => d.id)));
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await lockRow(tx, dialect, "events", row.id);
        const current = await tx.selectFrom("eventMinutes").select("version").where("eventId", "=", row.id).executeTakeFirst();
        const currentVersion = current ? Number(current.version) : 0;
        if (currentVersion !== input.version) throw new AppError("MINUTES_CONFLICT");
        if (current) await tx.updateTable("eventMinutes").set({ bodyHtml, version: currentVersion + 1, updatedBy: actor.userId, updatedAt: now }).where("eventId", "=", row.id).execute();
        else await tx.insertInto("eventMinutes").values({ eventId: row.id, bodyHtml, version: 1, updatedBy: actor.userId, updatedAt: now }).execute();

        const keep = new Set(input.decisions.map((d) => d.id).filter(Boolean));
        const removed = existing.filter((d) => !keep.has(d.id));
        if (removed.length) await tx.deleteFrom("eventDecisions").where("id", "in", removed.map((d) => d.id)).execute();
        for (const [position, d] of input.decisions.entries()) {
          const values = {
            position,
            reference: d.reference?.trim() || null,
            textAr: d.textAr.trim(),
            textEn: d.textEn.trim(),
            responsibleOrganisationId: d.responsibleOrganisationId ?? null,
            dueOn: d.dueOn ?? null,
            updatedAt: now,
          };
          if (d.id) await tx.updateTable("eventDecisions").set(values).where("id", "=", d.id).execute();
          else await tx.insertInto("eventDecisions").values({ id: newId(), eventId: row.id, createdAt: now, ...values } satisfies DB["eventDecisions"]).execute();
        }
        await insertAudit(tx, {
          actorId: actor.userId,
          organisationId: row.hostOrganisationId,
          action: "event.minutes_saved",
          entityType: "event",
          entityId: row.id,
          summary: row.titleEn,
          changes: { version: currentVersion + 1, decisions: input.decisions.length, removedDecisions: removed.map((d) => d.textEn || d.textAr) },
        }, now);
      });
      return this.get(actor, row.id);
    },

    /** Decisions of an event, for the follow-up module (no authorization: callers check). */
    decisionsOf: async (eventId: string) => (await read(eventId)).decisions,
  };
}

export type MinutesService = ReturnType<typeof createMinutesService>;
