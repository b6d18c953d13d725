import type { DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { translate } from "../../lib/i18n.js";
import type { Executor } from "../admin/audit.repository.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import { bothCalendars } from "./followup-dates.js";

/** Someone mail goes to, with their language and digits. */
export interface MailRecipient {
  email: string;
  name: string;
  locale: string;
  digits: string;
  organisationId: string;
}

const EXCERPT = 160;

/** A recommendation as a mail names it: its reference and the opening of its text in the reader's language. */
export function recommendationLabel(locale: Locale, rec: { reference: string | null; textAr: string; textEn: string }): string {
  const text = (locale === "ar" ? rec.textAr || rec.textEn : rec.textEn || rec.textAr).replace(/\s+/g, " ").trim();
  const short = text.length > EXCERPT ? `${text.slice(0, EXCERPT).trimEnd()}…` : text;
  return rec.reference ? `${rec.reference} — ${short}` : short;
}

export const asLocale = (l: string): Locale => (l === "en" ? "en" : "ar");
export const asDigits = (d: string): DateDigits => (d === "latn" ? "latn" : "arab");

/**
 * Queue, in the caller's transaction, the message telling the admins of every responsible
 * organisation that a recommendation's status changed; each in their own language.
 * @returns how many messages were queued
 */
export async function queueStatusChangeMail(
  tx: Executor,
  input: {
    recipients: MailRecipient[];
    recommendation: { id: string; reference: string | null; textAr: string; textEn: string };
    from: string;
    to: string;
    reason: string | null;
    actorName: string;
    organisationNames: Map<string, { nameAr: string; nameEn: string }>;
    publicUrl: string;
  },
): Promise<number> {
  for (const r of input.recipients) {
    const locale = asLocale(r.locale);
    const org = input.organisationNames.get(r.organisationId);
    const status = (s: string) => translate(locale, `emails.followup.status.${s}`);
    await insertOutbox(tx, {
      organisationId: r.organisationId,
      toEmail: r.email,
      kind: "recommendation_status",
      locale,
      subject: translate(locale, "emails.followup.status_subject", { status: status(input.to), title: recommendationLabel(locale, { ...input.recommendation, textAr: input.recommendation.textAr.slice(0, 60), textEn: input.recommendation.textEn.slice(0, 60) }) }),
      body: translate(locale, "emails.followup.status_body", {
        name: r.name,
        recommendation: recommendationLabel(locale, input.recommendation),
        organisation: org ? (locale === "ar" ? org.nameAr : org.nameEn) : "",
        status: status(input.to),
        previous: status(input.from),
        reason: input.reason ? translate(locale, "emails.followup.reason_line", { reason: input.reason }) : "",
        actor: input.actorName,
        link: `${input.publicUrl}/recommendations/${input.recommendation.id}`,
      }),
    });
  }
  return input.recipients.length;
}

/**
 * Queue an action's reminder ("due in 3 days") or overdue notice to each recipient, in their
 * language, with the due date in Hijri and Gregorian.
 */
export async function queueActionMail(
  tx: Executor,
  kind: "due" | "overdue",
  input: {
    recipients: MailRecipient[];
    action: { id: string; titleAr: string; titleEn: string; dueOn: string; recommendationId: string };
    recommendation: { reference: string | null; textAr: string; textEn: string };
    days: number;
    publicUrl: string;
  },
): Promise<number> {
  for (const r of input.recipients) {
    const locale = asLocale(r.locale);
    const title = locale === "ar" ? input.action.titleAr || input.action.titleEn : input.action.titleEn || input.action.titleAr;
    const values = {
      name: r.name,
      title,
      recommendation: recommendationLabel(locale, input.recommendation),
      date: bothCalendars(input.action.dueOn, locale, asDigits(r.digits)),
      days: input.days,
      link: `${input.publicUrl}/recommendations/${input.action.recommendationId}`,
    };
    await insertOutbox(tx, {
      organisationId: r.organisationId,
      toEmail: r.email,
      kind: kind === "due" ? "action_due" : "action_overdue",
      locale,
      subject: translate(locale, `emails.followup.action_${kind}_subject`, values),
      body: translate(locale, `emails.followup.action_${kind}_body`, values),
    });
  }
  return input.recipients.length;
}
