import { useTranslation } from "react-i18next";
import { formatDate } from "../../../../common/dates.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import type { ProposalHistory } from "./types.js";

/** Isolated (FSI … PDI), so a name or a Latin date keeps its own direction inside the sentence. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/**
 * Where a recommendation from an adopted proposal came from — who submitted it and when (Hijri
 * with the Gregorian beside it), who co-sponsored it, the meetings it was first put to, and the
 * decision — told in the reader's language and digits, whatever the proposal's language.
 */
export function ProposalHistoryText({ history }: { history: ProposalHistory }) {
  const { t } = useTranslation();
  const settings = useDisplaySettings();
  const localName = useLocalName();
  const pick = usePickLocal();
  const format = (calendar: "hijri" | "gregorian") => formatDate(history.submittedAt, { locale: settings.locale, digits: settings.digits, timeZone: settings.timeZone, calendar });
  const join = (items: string[]) => (items.length ? items.map(isolate).join(t("dates.list_separator")) : "-");
  let date = "-";
  try {
    date = `${format("hijri")} (${isolate(format("gregorian"))})`;
  } catch {
    // An unreadable date is left out rather than breaking the timeline.
  }
  const text = t("followup.timeline.from_proposal", {
    title: isolate(history.title),
    organisation: isolate(localName(history.organisation)),
    date,
    sponsors: join(history.sponsors.map((s) => localName(s))),
    sponsorCount: history.sponsors.length,
    earlier: join(history.earlier.map((e) => pick(e.titleAr, e.titleEn))),
    earlierCount: history.earlier.length,
    reference: isolate(history.reference),
  });
  return <p className="timeline-text preserve-lines">{text}</p>;
}
