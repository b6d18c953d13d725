import nodemailer, { type SMTPSentMessageInfo, type Transporter } from "nodemailer";

/** Where mail goes: an SMTP transport plus the From address. */
export interface Mailer {
  transport: Transporter<SMTPSentMessageInfo>;
  from: string;
}

/**
 * An SMTP transport for `smtpUrl` (`smtp://user:pass@host:587`, `smtps://…`).
 * Timeouts stay well under the sender's five-minute lease, so a hung server
 * cannot make a second process send the same message again.
 */
export function createMailer(options: { smtpUrl: string; mailFrom: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return { transport, from: options.mailFrom };
}
