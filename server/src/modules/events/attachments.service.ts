import type { Readable } from "node:stream";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { createFileStore } from "../../lib/file-store.js";
import { nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import type { EventsService } from "./events.service.js";

export { ACCEPTED_EXTENSIONS, cleanFileName } from "../../lib/file-store.js";

export const ATTACHMENT_TARGETS = ["event", "agenda", "minutes"] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", { fields: [{ field, message }] });

/**
 * Files attached to an event, one of its agenda items, or its minutes: stored under
 * DATA_DIR/attachments (named by id), metadata and SHA-256 in the database.
 */
export function createAttachmentsService(deps: Deps, events: EventsService) {
  const { db, config } = deps;
  const store = createFileStore({ dataDir: config.dataDir, maxBytes: config.attachmentMaxBytes });

  async function listFor(eventId: string, target?: AttachmentTarget) {
    let q = db
      .selectFrom("attachments")
      .leftJoin("users", "users.id", "attachments.uploadedBy")
      .select(["attachments.id", "attachments.target", "attachments.agendaItemId", "attachments.fileName", "attachments.contentType", "attachments.size", "attachments.createdAt", "users.name as uploadedBy"])
      .where("attachments.eventId", "=", eventId);
    if (target) q = q.where("attachments.target", "=", target);
    const rows = await q.orderBy("attachments.createdAt").execute();
    return rows.map((r) => ({ ...r, target: r.target as AttachmentTarget, size: Number(r.size), url: `/api/events/${eventId}/attachments/${r.id}` }));
  }

  /** Minutes' files follow the minutes' rule; the others the event's. */
  async function mayRead(actor: Actor | null, row: Awaited<ReturnType<EventsService["load"]>>, target: string) {
    if (target !== "minutes") return true;
    return can(actor, "minutes.read", await events.minutesOwnership(actor, row));
  }

  return {
    listFor,

    async list(actor: Actor | null, eventId: string) {
      const row = await events.load(actor, eventId);
      const minutes = await mayRead(actor, row, "minutes");
      return { items: (await listFor(row.id)).filter((a) => minutes || a.target !== "minutes"), abilities: { upload: can(actor, "event.update", await events.ownership(actor, row)) } };
    },

    /**
     * Store an uploaded file. The body is streamed to a temporary file while its size
     * and hash are computed; over the limit, of an unaccepted kind, or not matching its
     * extension, nothing is kept.
     * @throws AppError VALIDATION_FAILED (fileName, agendaItemId), PAYLOAD_TOO_LARGE
     */
    async upload(actor: Actor, eventId: string, input: { target: AttachmentTarget; agendaItemId?: string; fileName: string; declaredSize: number | null; body: Readable }) {
      const row = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, row));
      const file = store.accept(input.fileName);
      if (input.target === "agenda") {
        if (!input.agendaItemId) throw invalid("agendaItemId", "validation.required");
        const item = await db.selectFrom("agendaItems").select("id").where("id", "=", input.agendaItemId).where("eventId", "=", row.id).executeTakeFirst();
        if (!item) throw invalid("agendaItemId", "validation.invalid_choice");
      }
      const stored = await store.save(file, input.body, input.declaredSize);
      const { id, fileName, size } = stored;
      const now = nowIso();
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .insertInto("attachments")
            .values({ id, eventId: row.id, target: input.target, agendaItemId: input.target === "agenda" ? (input.agendaItemId ?? null) : null, fileName, contentType: stored.contentType, size, sha256: stored.sha256, storageKey: stored.storageKey, uploadedBy: actor.userId, createdAt: now })
            .execute();
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.file_added", entityType: "event", entityId: row.id, summary: fileName, changes: { attachment: id, target: input.target, size } }, now);
        });
      } catch (err) {
        await store.remove(stored.storageKey);
        throw err;
      }
      return (await listFor(row.id)).find((a) => a.id === id)!;
    },

    /** A stored file for download, if the caller may read it. */
    async open(actor: Actor | null, eventId: string, attachmentId: string) {
      const row = await events.load(actor, eventId);
      const file = await db.selectFrom("attachments").selectAll().where("id", "=", attachmentId).where("eventId", "=", row.id).executeTakeFirst();
      if (!file || !(await mayRead(actor, row, file.target))) throw new AppError("NOT_FOUND");
      const stored = await store.open(file.storageKey);
      if (!stored) throw new AppError("NOT_FOUND");
      return { fileName: file.fileName, contentType: file.contentType, size: stored.size, stream: stored.stream };
    },

    async remove(actor: Actor, eventId: string, attachmentId: string) {
      const row = await events.load(actor, eventId);
      authorize(actor, "event.update", await events.ownership(actor, row));
      const file = await db.selectFrom("attachments").selectAll().where("id", "=", attachmentId).where("eventId", "=", row.id).executeTakeFirst();
      if (!file) throw new AppError("NOT_FOUND");
      const now = nowIso();
      await db.transaction().execute(async (tx) => {
        await tx.deleteFrom("attachments").where("id", "=", file.id).execute();
        await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.file_removed", entityType: "event", entityId: row.id, summary: file.fileName, changes: { attachment: file.id, sha256: file.sha256 } }, now);
      });
      await store.remove(file.storageKey);
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
