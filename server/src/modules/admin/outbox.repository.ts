import type { Executor } from "./audit.repository.js";
import { newId, nowIso } from "../../lib/tokens.js";

export interface OutgoingMessage {
  organisationId: string | null;
  toEmail: string;
  subject: string;
  body: string;
  kind: string;
  locale: string;
}

/** Queue a message; a later mailer sends what is pending and keeps its state here. */
export async function insertOutbox(db: Executor, message: OutgoingMessage): Promise<string> {
  const id = newId();
  await db
    .insertInto("outbox")
    .values({ id, ...message, status: "pending", attempts: 0, lastError: null, createdAt: nowIso(), sentAt: null })
    .execute();
  return id;
}
