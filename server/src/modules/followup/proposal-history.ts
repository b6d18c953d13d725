import { DEFAULT_TIME_ZONE, formatDate, type DateDigits } from "../../../../common/dates.js";
import type { Locale } from "../../../../common/roles.js";
import { translate } from "../../lib/i18n.js";

interface Names {
  nameAr: string;
  nameEn: string;
}

/**
 * Where an adopted proposal's recommendation came from, kept as data on the first entry of its
 * timeline (`kind` "created", in the `links` column as `[{ type: "proposal", … }]`) so that
 * each reader gets it in his own language and digits.
 */
export interface ProposalHistory {
  type: "proposal";
  id: string;
  /** The proposal's title, in its own language. */
  title: string;
  language: "ar" | "en";
  /** When it was submitted (ISO instant). */
  submittedAt: string;
  organisation: Names;
  sponsors: Names[];
  /** The meetings it was first put to, when it was carried over (oldest last). */
  earlier: Array<{ titleAr: string; titleEn: string }>;
  /** The decision that adopted it. */
  reference: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");
const names = (v: unknown): Names => ({ nameAr: str((v as Names | null)?.nameAr), nameEn: str((v as Names | null)?.nameEn) });

/** The history stored on a timeline entry, or null when the entry holds something else. */
export function readProposalHistory(stored: unknown): ProposalHistory | null {
  if (!Array.isArray(stored) || stored.length !== 1) return null;
  const h = stored[0] as Record<string, unknown> | null;
  if (!h || h.type !== "proposal") return null;
  return {
    type: "proposal",
    id: str(h.id),
    title: str(h.title),
    language: h.language === "en" ? "en" : "ar",
    submittedAt: str(h.submittedAt),
    organisation: names(h.organisation),
    sponsors: Array.isArray(h.sponsors) ? h.sponsors.map(names) : [],
    earlier: Array.isArray(h.earlier) ? h.earlier.map((e: Record<string, unknown>) => ({ titleAr: str(e?.titleAr), titleEn: str(e?.titleEn) })) : [],
    reference: str(h.reference),
  };
}

/** "Created from the proposal … submitted by … on <Hijri> (<Gregorian>) …", in `locale` with `digits`. */
export function renderProposalHistory(h: ProposalHistory, locale: Locale, digits: DateDigits): string {
  const name = (o: Names) => (locale === "ar" ? o.nameAr || o.nameEn : o.nameEn || o.nameAr);
  const title = (e: { titleAr: string; titleEn: string }) => (locale === "ar" ? e.titleAr || e.titleEn : e.titleEn || e.titleAr);
  const separator = locale === "ar" ? "، " : ", ";
  const opts = { locale, digits, timeZone: DEFAULT_TIME_ZONE, weekday: false } as const;
  const date = h.submittedAt ? `${formatDate(h.submittedAt, { ...opts, calendar: "hijri" })} (${formatDate(h.submittedAt, { ...opts, calendar: "gregorian" })})` : "-";
  return translate(locale, "emails.followup.history_from_proposal", {
    title: h.title,
    organisation: name(h.organisation),
    date,
    sponsors: h.sponsors.length ? h.sponsors.map(name).join(separator) : "-",
    sponsorCount: h.sponsors.length,
    earlier: h.earlier.length ? h.earlier.map(title).join(separator) : "-",
    earlierCount: h.earlier.length,
    reference: h.reference,
  });
}
