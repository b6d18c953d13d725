import pino from "pino";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../db/database.js";
import { migrateDownAll, migrateToLatest } from "../../db/migrate.js";
import { insertOutbox, type OutgoingMessage } from "../admin/outbox.repository.js";
import { DIALECTS, freshDatabase } from "../../test/dialects.js";
import { createMailer, type Mailer } from "./mailer.js";
import { MAX_ATTEMPTS, sendPending, startMailSender, type MailDeps } from "./mail.service.js";

const log = pino({ level: "silent" });

// ---- a real SMTP server that keeps what it receives ----

interface Received {
  rcptTo: string[];
  raw: string;
}

interface TestSmtp {
  port: number;
  url: string;
  received: Received[];
  /** Refuse every recipient (a 550 at RCPT TO). */
  isRejecting: boolean;
  close(): Promise<void>;
}

async function startSmtp(options: { delayMs?: number } = {}): Promise<TestSmtp> {
  const state = { received: [] as Received[], isRejecting: false };
  const server = new SMTPServer({
    authOptional: true,
    // The test server's certificate is self-signed; plain SMTP is enough on loopback.
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "rifada" && auth.password === "secret") callback(null, { user: auth.username });
      else callback(new Error("bad credentials"));
    },
    onRcptTo(_address, _session, callback) {
      if (state.isRejecting) callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        state.received.push({ rcptTo: session.envelope.rcptTo.map((a) => a.address), raw: Buffer.concat(chunks).toString("latin1") });
        setTimeout(() => callback(), options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://rifada:secret@127.0.0.1:${port}`,
    get received() {
      return state.received;
    },
    get isRejecting() {
      return state.isRejecting;
    },
    set isRejecting(value: boolean) {
      state.isRejecting = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// ---- just enough MIME to read what nodemailer wrote ----

interface MimePart {
  headers: Record<string, string>;
  body: string;
}

/** Bytes written as latin1 characters (how the raw message was read) → UTF-8 text. */
function utf8(latin1: string): string {
  return Buffer.from(latin1, "latin1").toString("utf8");
}

function decodeQuotedPrintable(text: string): string {
  return utf8(text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))));
}

/** RFC 2047: `=?UTF-8?B?…?=` and `=?UTF-8?Q?…?=`; adjacent words are joined before decoding (a character may span two). */
function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  return value.replace(/=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s*=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g, (run) => {
    let bytes = "";
    for (const [, , encoding, text] of run.matchAll(word)) {
      bytes +=
        encoding.toUpperCase() === "B"
          ? Buffer.from(text, "base64").toString("latin1")
          : text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    }
    return utf8(bytes);
  });
}

function parsePart(raw: string): MimePart {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(split + 4) };
}

/** The decoded text of a single (non-multipart) part, with \n line ends. */
function partText(part: MimePart): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "7bit").toLowerCase();
  const text =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64").toString("utf8")
      : encoding === "quoted-printable"
        ? decodeQuotedPrintable(part.body)
        : utf8(part.body);
  return text.replace(/\r\n/g, "\n").replace(/\n$/, "");
}

interface ParsedMail {
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string | null;
}

function parseMail(raw: string): ParsedMail {
  const top = parsePart(raw);
  const type = top.headers["content-type"] ?? "text/plain";
  let leaves: MimePart[] = [top];
  if (type.startsWith("multipart/")) {
    const boundary = /boundary="?([^";]+)"?/.exec(type)![1];
    leaves = top.body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((chunk) => parsePart(chunk.replace(/^\r\n/, "").replace(/\r\n$/, "")));
  }
  const find = (mime: string) => leaves.find((p) => (p.headers["content-type"] ?? "text/plain").startsWith(mime));
  const html = find("text/html");
  return {
    headers: top.headers,
    subject: decodeEncodedWords(top.headers.subject ?? ""),
    text: partText(find("text/plain")!),
    html: html ? partText(html) : null,
  };
}

// ---- tests ----

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    organisationId: null,
    toEmail: "delegate@example.org",
    subject: "Your invitation",
    body: "Hello,\nyou are invited.",
    kind: "invitation",
    locale: "en",
    ...overrides,
  };
}

const ARABIC = message({
  toEmail: "khalid@example.org",
  subject: "دعوة إلى اجتماع التنسيق — موسم ١٤٤٧",
  body: "السلام عليكم،\nأنتم مدعوون إلى الاجتماع <التنسيقي> & اللقاء.\n\nمع التحية",
  locale: "ar",
});

for (const dialect of DIALECTS) {
  describe(`mail sender (${dialect})`, () => {
    let database: Database;
    let smtp: TestSmtp;
    let mailer: Mailer;
    let deps: MailDeps;

    beforeEach(async () => {
      database = await freshDatabase(dialect);
      await migrateToLatest(database.db);
      smtp = await startSmtp();
      mailer = createMailer({ smtpUrl: smtp.url, mailFrom: "Rifada <no-reply@rifada.local>" });
      deps = { db: database.db, log, mailer };
    });

    afterEach(async () => {
      mailer.transport.close();
      await smtp.close();
      await database.close();
    });

    const row = (id: string) => database.db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    const makeDue = (id: string) => database.db.updateTable("outbox").set({ nextAttemptAt: "2000-01-01T00:00:00.000Z" }).where("id", "=", id).execute();

    it("sends a queued calendar file as a text/calendar attachment, the same on a retry", async () => {
      const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:اجتماع\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
      const id = await insertOutbox(database.db, message({ attachments: [{ filename: "invite.ics", contentType: "text/calendar; charset=utf-8; method=PUBLISH", content: ics }] }));
      smtp.isRejecting = true;
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      smtp.isRejecting = false;
      await makeDue(id);
      expect(await sendPending(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const raw = utf8(smtp.received[0].raw);
      expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=PUBLISH; name=invite\.ics/i);
      expect(raw).toMatch(/Content-Disposition: attachment; filename=invite\.ics/i);
      const part = /filename=invite\.ics\r\n(?:[^\r\n]+\r\n)*\r\n([\s\S]*?)\r\n--/.exec(raw)![1];
      expect(Buffer.from(part.replace(/\r\n/g, ""), "base64").toString("utf8")).toBe(ics);
    });

    it("sends pending messages in their language and marks them sent", async () => {
      const englishId = await insertOutbox(database.db, message());
      const arabicId = await insertOutbox(database.db, ARABIC);

      expect(await sendPending(deps)).toEqual({ sent: 2, retrying: 0, failed: 0 });

      // Both were queued in the same millisecond or so: find each by its recipient, not by order.
      const to = (email: string) => smtp.received.filter((r) => r.rcptTo.join() === email);
      expect(to("delegate@example.org")).toHaveLength(1);
      expect(to("khalid@example.org")).toHaveLength(1);
      const english = parseMail(to("delegate@example.org")[0].raw);
      expect(english.headers.to).toBe("delegate@example.org");
      expect(english.headers.from).toBe("Rifada <no-reply@rifada.local>");
      expect(english.subject).toBe("Your invitation");
      expect(english.headers["content-language"]).toBe("en");
      expect(english.headers["message-id"]).toBe(`<${englishId}@rifada.local>`);
      expect(english.text).toBe("Hello,\nyou are invited.");
      expect(english.html).toBeNull();

      const arabic = parseMail(to("khalid@example.org")[0].raw);
      expect(arabic.headers.to).toBe("khalid@example.org");
      expect(arabic.headers.subject).not.toBe(ARABIC.subject); // encoded on the wire…
      expect(arabic.subject).toBe(ARABIC.subject); // …and decoded intact
      expect(arabic.headers["content-language"]).toBe("ar");
      expect(arabic.headers["content-type"]).toMatch(/^multipart\/alternative/);
      expect(arabic.text).toBe(ARABIC.body);
      expect(arabic.html).toBe(
        '<div dir="rtl" lang="ar">السلام عليكم،<br>\nأنتم مدعوون إلى الاجتماع &#60;التنسيقي&#62; &#38; اللقاء.<br>\n<br>\nمع التحية</div>',
      );

      for (const id of [englishId, arabicId]) {
        const sent = await row(id);
        expect(sent.status).toBe("sent");
        expect(sent.sentAt).not.toBeNull();
        expect(sent.attempts).toBe(0);
        expect(sent.nextAttemptAt).toBeNull();
      }
      // Nothing is sent twice.
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(2);
    });

    it("keeps a refused message pending, retries it when due and sends it once accepted", async () => {
      const id = await insertOutbox(database.db, message());
      smtp.isRejecting = true;

      const before = Date.now();
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let failed = await row(id);
      expect(failed.status).toBe("pending");
      expect(failed.attempts).toBe(1);
      expect(failed.lastError).toMatch(/mailbox unavailable/);
      expect(failed.lastError!.length).toBeLessThanOrEqual(500);
      const wait = Date.parse(failed.nextAttemptAt!) - before;
      expect(wait).toBeGreaterThanOrEqual(55_000); // 1 minute
      expect(wait).toBeLessThan(70_000);

      // Not due yet: left alone.
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect((await row(id)).attempts).toBe(1);

      await makeDue(id);
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 1, failed: 0 });
      failed = await row(id);
      expect(failed.attempts).toBe(2);
      expect(Date.parse(failed.nextAttemptAt!) - Date.now()).toBeGreaterThan(4 * 60_000); // 5 minutes

      smtp.isRejecting = false;
      await makeDue(id);
      expect(await sendPending(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      const sent = await row(id);
      expect(sent.status).toBe("sent");
      expect(sent.attempts).toBe(2);
      expect(smtp.received).toHaveLength(1);
      expect(parseMail(smtp.received[0].raw).subject).toBe("Your invitation");
    });

    it(`marks a message failed after ${MAX_ATTEMPTS} attempts and keeps it`, async () => {
      const id = await insertOutbox(database.db, message());
      // Nobody listens on this port any more: connection refused.
      const gone = await startSmtp();
      await gone.close();
      const unreachable = createMailer({ smtpUrl: `smtp://127.0.0.1:${gone.port}`, mailFrom: "Rifada <no-reply@rifada.local>" });
      const waits: number[] = [];
      try {
        for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
          await makeDue(id);
          const result = await sendPending({ ...deps, mailer: unreachable });
          const after = await row(id);
          expect(after.attempts).toBe(attempt);
          if (attempt < MAX_ATTEMPTS) {
            expect(result).toEqual({ sent: 0, retrying: 1, failed: 0 });
            expect(after.status).toBe("pending");
            waits.push(Math.round((Date.parse(after.nextAttemptAt!) - Date.now()) / 60_000));
          } else {
            expect(result).toEqual({ sent: 0, retrying: 0, failed: 1 });
            expect(after.status).toBe("failed");
            expect(after.nextAttemptAt).toBeNull();
            expect(after.lastError).toMatch(/ECONNREFUSED|connect/i);
          }
        }
      } finally {
        unreachable.transport.close();
      }
      expect(waits).toEqual([1, 5, 30, 120, 720, 720, 720]);
      // A failed message is never tried again, nor deleted.
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect((await row(id)).status).toBe("failed");
    });

    it("sends each message exactly once with two senders running at the same time", async () => {
      const slow = await startSmtp({ delayMs: 3 });
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) ids.push(await insertOutbox(database.db, message({ toEmail: `d${i}@example.org` })));
      // Two processes: each its own transport (and, on PostgreSQL, its own pooled connection per query).
      const a = createMailer({ smtpUrl: slow.url, mailFrom: "Rifada <no-reply@rifada.local>" });
      const b = createMailer({ smtpUrl: slow.url, mailFrom: "Rifada <no-reply@rifada.local>" });
      try {
        const [ra, rb] = await Promise.all([sendPending({ ...deps, mailer: a }), sendPending({ ...deps, mailer: b })]);
        expect(ra.sent + rb.sent).toBe(25);
        const recipients = slow.received.map((r) => r.rcptTo[0]).sort();
        expect(recipients).toEqual(ids.map((_, i) => `d${i}@example.org`).sort());
        const statuses = await database.db.selectFrom("outbox").select("status").execute();
        expect(statuses.every((s) => s.status === "sent")).toBe(true);
      } finally {
        a.transport.close();
        b.transport.close();
        await slow.close();
      }
    });

    it("retries a message whose sender crashed once its lease has expired", async () => {
      const id = await insertOutbox(database.db, message());
      // A sender claimed it (lease until 5 minutes from now) and died.
      const lease = new Date(Date.now() + 5 * 60_000).toISOString();
      await database.db.updateTable("outbox").set({ nextAttemptAt: lease }).where("id", "=", id).execute();
      expect(await sendPending(deps)).toEqual({ sent: 0, retrying: 0, failed: 0 });
      await makeDue(id); // the lease ran out
      expect(await sendPending(deps)).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received).toHaveLength(1);
    });

    it("startMailSender sends on its own and stops cleanly", async () => {
      const id = await insertOutbox(database.db, ARABIC);
      const stop = startMailSender(
        { db: database.db, log },
        { smtpUrl: smtp.url, mailFrom: "Rifada <no-reply@rifada.local>", mailSendIntervalSeconds: 1 },
      );
      try {
        const deadline = Date.now() + 10_000;
        while ((await row(id)).status !== "sent" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      } finally {
        await stop();
      }
      expect((await row(id)).status).toBe("sent");
      expect(smtp.received).toHaveLength(1);
    });

    it("the outbox-retry migration goes down and up again", async () => {
      await migrateDownAll(database.db);
      await migrateToLatest(database.db);
      const id = await insertOutbox(database.db, message());
      expect((await row(id)).nextAttemptAt).toBeNull();
    });
  });
}
