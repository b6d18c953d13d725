import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import type { Deps } from "../../deps.js";
import { AppError } from "../../lib/errors.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { authorize, can, type Actor } from "../../policies/index.js";
import { insertAudit } from "../admin/audit.repository.js";
import type { EventsService } from "./events.service.js";

export const ATTACHMENT_TARGETS = ["event", "agenda", "minutes"] as const;
export type AttachmentTarget = (typeof ATTACHMENT_TARGETS)[number];

/**
 * Accepted files, by extension. The stored type comes from here, never from the
 * client, and the first bytes must look like the format (a renamed .exe is refused).
 */
const FORMATS: Record<string, { type: string; magic: (head: Buffer) => boolean }> = {
  pdf: { type: "application/pdf", magic: (h) => h.subarray(0, 5).toString("latin1") === "%PDF-" },
  png: { type: "image/png", magic: (h) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { type: "image/jpeg", magic: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  jpeg: { type: "image/jpeg", magic: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: isZip },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: isZip },
  pptx: { type: "application/vnd.openxmlformats-officedocument.presentationml.presentation", magic: isZip },
  txt: { type: "text/plain; charset=utf-8", magic: isText },
  csv: { type: "text/csv; charset=utf-8", magic: isText },
};
export const ACCEPTED_EXTENSIONS = Object.keys(FORMATS);

function isZip(h: Buffer) {
  return h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
function isText(h: Buffer) {
  return !h.includes(0);
}

const invalid = (field: string, message: string, params?: Record<string, unknown>) => new AppError("VALIDATION_FAILED", { fields: [{ field, message }], params });

/** A file name safe to keep and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
}

/**
 * Files attached to an event, one of its agenda items, or its minutes: stored under
 * DATA_DIR/attachments (named by id), metadata and SHA-256 in the database.
 */
export function createAttachmentsService(deps: Deps, events: EventsService) {
  const { db, config } = deps;
  const folder = path.join(config.dataDir, "attachments");

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
      const fileName = cleanFileName(input.fileName);
      const extension = path.extname(fileName).slice(1).toLowerCase();
      const format = FORMATS[extension];
      if (!fileName || !format) throw invalid("fileName", "validation.file_type", { types: ACCEPTED_EXTENSIONS.join(", ") });
      if (input.target === "agenda") {
        if (!input.agendaItemId) throw invalid("agendaItemId", "validation.required");
        const item = await db.selectFrom("agendaItems").select("id").where("id", "=", input.agendaItemId).where("eventId", "=", row.id).executeTakeFirst();
        if (!item) throw invalid("agendaItemId", "validation.invalid_choice");
      }
      const limit = config.attachmentMaxBytes;
      if (input.declaredSize !== null && input.declaredSize > limit) throw new AppError("PAYLOAD_TOO_LARGE", { params: { limit } });

      await mkdir(folder, { recursive: true });
      const id = newId();
      const temp = path.join(folder, `${id}.part`);
      const hash = createHash("sha256");
      let size = 0;
      let head = Buffer.alloc(0);
      try {
        await new Promise<void>((resolve, reject) => {
          const out = createWriteStream(temp, { flags: "wx" });
          out.on("error", reject);
          out.on("finish", () => resolve());
          input.body.on("error", reject);
          input.body.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              input.body.destroy();
              out.destroy();
              reject(new AppError("PAYLOAD_TOO_LARGE", { params: { limit } }));
              return;
            }
            if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
            hash.update(chunk);
            if (!out.write(chunk)) {
              input.body.pause();
              out.once("drain", () => input.body.resume());
            }
          });
          input.body.on("end", () => out.end());
        });
        if (size === 0) throw invalid("file", "validation.required");
        if (!format.magic(head)) throw invalid("file", "validation.file_content", { type: extension });
        await rename(temp, path.join(folder, id));
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      const now = nowIso();
      try {
        await db.transaction().execute(async (tx) => {
          await tx
            .insertInto("attachments")
            .values({ id, eventId: row.id, target: input.target, agendaItemId: input.target === "agenda" ? (input.agendaItemId ?? null) : null, fileName, contentType: format.type, size, sha256: hash.digest("hex"), storageKey: id, uploadedBy: actor.userId, createdAt: now })
            .execute();
          await insertAudit(tx, { actorId: actor.userId, organisationId: row.hostOrganisationId, action: "event.file_added", entityType: "event", entityId: row.id, summary: fileName, changes: { attachment: id, target: input.target, size } }, now);
        });
      } catch (err) {
        await rm(path.join(folder, id), { force: true });
        throw err;
      }
      return (await listFor(row.id)).find((a) => a.id === id)!;
    },

    /** A stored file for download, if the caller may read it. */
    async open(actor: Actor | null, eventId: string, attachmentId: string) {
      const row = await events.load(actor, eventId);
      const file = await db.selectFrom("attachments").selectAll().where("id", "=", attachmentId).where("eventId", "=", row.id).executeTakeFirst();
      if (!file || !(await mayRead(actor, row, file.target))) throw new AppError("NOT_FOUND");
      const filePath = path.join(folder, file.storageKey);
      const stats = await stat(filePath).catch(() => null);
      if (!stats) throw new AppError("NOT_FOUND");
      return { fileName: file.fileName, contentType: file.contentType, size: stats.size, stream: createReadStream(filePath) };
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
      await rm(path.join(folder, file.storageKey), { force: true });
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
