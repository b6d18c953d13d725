import type { Executor } from "./audit.repository.js";
import { newId, nowIso } from "../../lib/tokens.js";

/** A file sent with a message (kept in the outbox with it, so a retry sends the same file). */
export interface OutgoingAttachment {
  filename: string;
  contentType: string;
  content: string;
}

export interface OutgoingMessage {
  organisationId: string | null;
  toEmail: string;
  subject: string;
  body: string;
  kind: string;
  locale: string;
  attachments?: OutgoingAttachment[];
}

/** Queue a message; a later mailer sends what is pending and keeps its state here. */
export async function insertOutbox(db: Executor, message: OutgoingMessage): Promise<string> {
  const id = newId();
  const { attachments, ...rest } = message;
  await db
    .insertInto("outbox")
    .values({ id, ...rest, attachments: attachments?.length ? JSON.stringify(attachments) : null, status: "pending", attempts: 0, lastError: null, createdAt: nowIso(), sentAt: null })
    .execute();
  return id;
}
