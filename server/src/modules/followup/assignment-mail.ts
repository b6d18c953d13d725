import type { DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { translate } from "../../lib/i18n.js";
import type { Executor } from "../admin/audit.repository.js";
import { insertOutbox } from "../admin/outbox.repository.js";
import { bothCalendars } from "./followup-dates.js";
import { asDigits, asLocale, recommendationLabel, type MailRecipient } from "./followup-mail.js";

interface Names {
  nameAr: string;
  nameEn: string;
}

const nameIn = (locale: Locale, o: Names | null | undefined) => (o ? (locale === "ar" ? o.nameAr || o.nameEn : o.nameEn || o.nameAr) : "");

/** A due date as mails give it: Hijri with its Gregorian twin, or "none set". */
function dueText(dueOn: string | null, locale: Locale, digits: DateDigits): string {
  return dueOn ? bothCalendars(dueOn, locale, digits) : translate(locale, "emails.followup.no_due_date");
}

/**
 * Queue, in the caller's transaction, the message telling the admins of organisations just made
 * responsible for a recommendation (created with them, or added later); each in their language,
 * the due date in Hijri and Gregorian.
 * @returns how many messages were queued
 */
export async function queueRecommendationAssignedMail(
  tx: Executor,
  input: {
    recipients: MailRecipient[];
    recommendation: { id: string; reference: string | null; textAr: string; textEn: string; status: string; dueOn: string | null };
    owner: Names | undefined;
    organisationNames: Map<string, Names>;
    publicUrl: string;
  },
): Promise<number> {
  const rec = input.recommendation;
  for (const r of input.recipients) {
    const locale = asLocale(r.locale);
    await insertOutbox(tx, {
      organisationId: r.organisationId,
      toEmail: r.email,
      kind: "recommendation_assigned",
      locale,
      subject: translate(locale, "emails.followup.assigned_subject", { title: recommendationLabel(locale, { ...rec, textAr: rec.textAr.slice(0, 60), textEn: rec.textEn.slice(0, 60) }) }),
      body: translate(locale, "emails.followup.assigned_body", {
        name: r.name,
        organisation: nameIn(locale, input.organisationNames.get(r.organisationId)),
        owner: nameIn(locale, input.owner),
        recommendation: recommendationLabel(locale, rec),
        status: translate(locale, `emails.followup.status.${rec.status}`),
        due: dueText(rec.dueOn, locale, asDigits(r.digits)),
        link: `${input.publicUrl}/recommendations/${rec.id}`,
      }),
    });
  }
  return input.recipients.length;
}

/**
 * Queue the message telling an action's new assignees — the assigned organisation's admins and
 * the assigned person's own account — about it; each in their language, due date in both calendars.
 * @returns how many messages were queued
 */
export async function queueActionAssignedMail(
  tx: Executor,
  input: {
    recipients: MailRecipient[];
    action: { id: string; titleAr: string; titleEn: string; dueOn: string | null; recommendationId: string };
    organisation: Names;
    person: Names | null;
    recommendation: { reference: string | null; textAr: string; textEn: string };
    publicUrl: string;
  },
): Promise<number> {
  for (const r of input.recipients) {
    const locale = asLocale(r.locale);
    const title = locale === "ar" ? input.action.titleAr || input.action.titleEn : input.action.titleEn || input.action.titleAr;
    await insertOutbox(tx, {
      organisationId: r.organisationId,
      toEmail: r.email,
      kind: "action_assigned",
      locale,
      subject: translate(locale, "emails.followup.action_assigned_subject", { title }),
      body: translate(locale, "emails.followup.action_assigned_body", {
        name: r.name,
        title,
        organisation: nameIn(locale, input.organisation),
        person: input.person ? translate(locale, "emails.followup.action_person_line", { person: nameIn(locale, input.person) }) : "",
        due: dueText(input.action.dueOn, locale, asDigits(r.digits)),
        recommendation: recommendationLabel(locale, input.recommendation),
        link: `${input.publicUrl}/recommendations/${input.action.recommendationId}`,
      }),
    });
  }
  return input.recipients.length;
}
