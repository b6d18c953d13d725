import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { AppError } from "./errors.js";
import { newId } from "./tokens.js";

/**
 * Uploaded files (event and library attachments): checked by extension and content,
 * streamed to DATA_DIR/attachments/<id> while their size and SHA-256 are computed.
 * The metadata (name, type, size, hash) is the caller's to keep in the database.
 */

interface Format {
  type: string;
  magic: (head: Buffer) => boolean;
}

function isZip(h: Buffer) {
  return h.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
}
function isText(h: Buffer) {
  return !h.includes(0);
}

/**
 * Accepted files, by extension. The stored type comes from here, never from the
 * client, and the first bytes must look like the format (a renamed .exe is refused).
 */
const FORMATS: Record<string, Format> = {
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

const invalid = (field: string, message: string, params?: Record<string, unknown>) => new AppError("VALIDATION_FAILED", { fields: [{ field, message }], params });

/** A file name safe to keep and show: no folders, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  return base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(-200);
}

/** RFC 6266 / 5987 `Content-Disposition`: an ASCII fallback and the real (e.g. Arabic) name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** A file name that passed `accept`: what it will be stored as. */
export interface AcceptedFile {
  fileName: string;
  extension: string;
  contentType: string;
  format: Format;
}

/** A file written to the store. `storageKey` names it on disk. */
export interface StoredFile {
  id: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * The attachment store under `dataDir/attachments`, with uploads limited to `maxBytes`.
 */
export function createFileStore(options: { dataDir: string; maxBytes: number }) {
  const folder = path.join(options.dataDir, "attachments");
  const limit = options.maxBytes;

  return {
    folder,

    /**
     * Check an upload's file name (before reading its body).
     * @throws AppError VALIDATION_FAILED naming `fileName` when the kind is not accepted
     */
    accept(name: string): AcceptedFile {
      const fileName = cleanFileName(name);
      const extension = path.extname(fileName).slice(1).toLowerCase();
      const format = FORMATS[extension];
      if (!fileName || !format) throw invalid("fileName", "validation.file_type", { types: ACCEPTED_EXTENSIONS.join(", ") });
      return { fileName, extension, contentType: format.type, format };
    },

    /**
     * Stream an upload to disk. The body goes to a temporary file while its size and hash
     * are computed; over the limit, empty, or not matching its extension, nothing is kept.
     * @throws AppError PAYLOAD_TOO_LARGE, VALIDATION_FAILED naming `file`
     */
    async save(file: AcceptedFile, body: Readable, declaredSize: number | null): Promise<StoredFile> {
      if (declaredSize !== null && declaredSize > limit) throw new AppError("PAYLOAD_TOO_LARGE", { params: { limit } });
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
          body.on("error", reject);
          body.on("data", (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
              body.destroy();
              out.destroy();
              reject(new AppError("PAYLOAD_TOO_LARGE", { params: { limit } }));
              return;
            }
            if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16)]);
            hash.update(chunk);
            if (!out.write(chunk)) {
              body.pause();
              out.once("drain", () => body.resume());
            }
          });
          body.on("end", () => out.end());
        });
        if (size === 0) throw invalid("file", "validation.required");
        if (!file.format.magic(head)) throw invalid("file", "validation.file_content", { type: file.extension });
        await rename(temp, path.join(folder, id));
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
      return { id, storageKey: id, fileName: file.fileName, contentType: file.contentType, size, sha256: hash.digest("hex") };
    },

    /** A stored file for download, or null when it is missing on disk. */
    async open(storageKey: string): Promise<{ size: number; stream: ReadStream } | null> {
      const filePath = path.join(folder, storageKey);
      const stats = await stat(filePath).catch(() => null);
      if (!stats) return null;
      return { size: stats.size, stream: createReadStream(filePath) };
    },

    /** Delete a stored file (no error when it is already gone). */
    async remove(storageKey: string): Promise<void> {
      await rm(path.join(folder, storageKey), { force: true });
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
