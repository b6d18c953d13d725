import type { Attachment, SMTPSentMessageInfo } from "nodemailer";
import type { Config } from "../../config.js";
import type { Deps } from "../../deps.js";
import { isoIn, nowIso } from "../../lib/tokens.js";
import { createMailer, type Mailer } from "./mailer.js";
import { mailRepository } from "./mail.repository.js";

/** After this many failed attempts a message is marked 'failed' (and kept). */
export const MAX_ATTEMPTS = 8;
/** Wait after the 1st, 2nd, … failure; the last value repeats. */
export const RETRY_MINUTES = [1, 5, 30, 120, 720] as const;
/** How long a claimed message stays with its sender; a crashed sender's messages are due again after it. */
export const LEASE_MINUTES = 5;
const BATCH_SIZE = 10;
const MAX_ERROR_LENGTH = 500;

/** What is needed to send one message. */
export interface MessageToSend {
  /** Outbox id: also makes the Message-ID, so a resent message keeps it. */
  id?: string;
  toEmail: string;
  subject: string;
  /** Plain text. */
  body: string;
  locale: string;
}

export interface SendPendingResult {
  sent: number;
  /** Failed this time; another attempt is scheduled. */
  retrying: number;
  /** Failed for the last time: status 'failed'. */
  failed: number;
}

export type MailDeps = Pick<Deps, "db" | "log"> & { mailer: Mailer };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function messageIdDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? "rifada.local";
}

/**
 * Send one message now, without touching the outbox: plain text, `Content-Language`
 * from its locale and, for Arabic, an HTML alternative laid out right to left.
 * @param mailer transport and From address
 * @param message recipient, subject, plain-text body and locale
 * @param attachments e.g. calendar (.ics) files
 * @returns what the SMTP server answered
 * @throws the transport's error when the server refuses or cannot be reached
 */
export async function sendNow(mailer: Mailer, message: MessageToSend, attachments?: Attachment[]): Promise<SMTPSentMessageInfo> {
  const isArabic = message.locale === "ar" || message.locale.startsWith("ar-");
  return mailer.transport.sendMail({
    from: mailer.from,
    to: message.toEmail,
    subject: message.subject,
    text: message.body,
    // Mail clients have no other way to know the text is right to left.
    html: isArabic ? `<div dir="rtl" lang="ar">${escapeHtml(message.body).replace(/\r?\n/g, "<br>\n")}</div>` : undefined,
    headers: { "Content-Language": message.locale },
    messageId: message.id ? `<${message.id}@${messageIdDomain(mailer.from)}>` : undefined,
    attachments,
  });
}

/** The outbox's JSON list of files → nodemailer attachments (calendar files as text/calendar parts). */
function storedAttachments(json: string | null): Attachment[] | undefined {
  if (!json) return undefined;
  const files = JSON.parse(json) as { filename: string; contentType: string; content: string }[];
  return files.map((f) => ({ filename: f.filename, contentType: f.contentType, content: f.content }));
}

/** When to try again after the `attempts`-th failure. */
function retryDelayMinutes(attempts: number): number {
  return RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1];
}

/**
 * Send due pending outbox messages, at most `limit`, claiming each first so that
 * several processes on one database never send a message twice. A failure is
 * recorded on the message and retried later with backoff (1 min, 5 min, 30 min,
 * 2 h, then every 12 h); after {@link MAX_ATTEMPTS} it is marked 'failed'.
 * @returns how many were sent, will be retried, and failed for good
 */
export async function sendPending(deps: MailDeps, limit = 100): Promise<SendPendingResult> {
  const repo = mailRepository(deps.db);
  const result: SendPendingResult = { sent: 0, retrying: 0, failed: 0 };
  let seen = 0;
  while (seen < limit) {
    const batch = await repo.findDue(nowIso(), Math.min(BATCH_SIZE, limit - seen));
    if (batch.length === 0) break;
    seen += batch.length;
    for (const message of batch) {
      const lease = isoIn(LEASE_MINUTES);
      // Another process got there first: it sends this one.
      if (!(await repo.claim(message.id, message.nextAttemptAt, lease))) continue;
      try {
        await sendNow(deps.mailer, message, storedAttachments(message.attachments));
      } catch (err) {
        const attempts = message.attempts + 1;
        const isLast = attempts >= MAX_ATTEMPTS;
        const error = err instanceof Error ? err.message : String(err);
        await repo.markAttemptFailed(message.id, lease, {
          attempts,
          lastError: error.slice(0, MAX_ERROR_LENGTH),
          status: isLast ? "failed" : "pending",
          nextAttemptAt: isLast ? null : isoIn(retryDelayMinutes(attempts)),
        });
        deps.log.warn({ outboxId: message.id, attempts, err: error }, isLast ? "mail failed for good" : "mail failed, will retry");
        result[isLast ? "failed" : "retrying"]++;
        continue;
      }
      await repo.markSent(message.id, nowIso());
      result.sent++;
    }
  }
  return result;
}

/**
 * Send due outbox messages every `MAIL_SEND_INTERVAL_SECONDS` (first run at once).
 * Runs never overlap and the timer does not keep the process alive.
 * @returns stop: waits for a run in progress, then closes the transport
 */
export function startMailSender(
  deps: Pick<Deps, "db" | "log">,
  config: Pick<Config, "smtpUrl" | "mailFrom" | "mailSendIntervalSeconds">,
  mailer: Mailer = createMailer({ smtpUrl: requireSmtpUrl(config), mailFrom: config.mailFrom }),
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let isStopped = false;
  const tick = () => {
    if (running || isStopped) return;
    running = sendPending({ ...deps, mailer })
      .then((r) => {
        if (r.sent || r.retrying || r.failed) deps.log.info(r, "mail sender run");
      })
      .catch((err: unknown) => deps.log.error({ err }, "mail sender run failed"))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, config.mailSendIntervalSeconds * 1000);
  timer.unref();
  tick();
  return async () => {
    isStopped = true;
    clearInterval(timer);
    await running;
    mailer.transport.close();
  };
}

function requireSmtpUrl(config: Pick<Config, "smtpUrl">): string {
  if (!config.smtpUrl) throw new Error("startMailSender needs SMTP_URL");
  return config.smtpUrl;
}
