import { useTranslation } from "react-i18next";
import { Badge } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import type { EventRecord } from "./types.js";

/** Kind and mode (and a non-published status) as badges. */
export function EventBadges({ event }: { event: Pick<EventRecord, "kind" | "mode" | "status"> }) {
  const { t } = useTranslation();
  return (
    <span className="event-badges">
      <Badge tone="info">{t(`events.kinds.${event.kind}`)}</Badge>
      <Badge>{t(`events.modes.${event.mode}`)}</Badge>
      {event.status !== "published" && <Badge tone={event.status === "cancelled" ? "danger" : "warning"}>{t(`events.statuses.${event.status}`)}</Badge>}
    </span>
  );
}

/** The venue in the interface language, or "Online" for a virtual event without one. */
export function useVenue() {
  const { t } = useTranslation();
  const pick = usePickLocal();
  return (event: Pick<EventRecord, "venueAr" | "venueEn" | "mode">) => {
    const venue = pick(event.venueAr, event.venueEn);
    if (event.mode === "virtual") return venue || t("events.online");
    if (event.mode === "hybrid") return venue ? `${venue}${t("common.list_separator")}${t("events.online")}` : t("events.online");
    return venue || "—";
  };
}

/** Seats left in an open event, or null when it has no capacity. */
export function seatsLeft(event: Pick<EventRecord, "capacity" | "confirmedCount">): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - event.confirmedCount);
}

/** "Registered", "Waitlisted #3", "12 of 40 seats" or "By invitation". */
export function RegistrationState({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const mine = event.myRegistration;
  if (mine?.status === "confirmed") return <Badge tone="success">{t("events.state_registered")}</Badge>;
  if (mine?.status === "waitlisted")
    return <Badge tone="warning">{t("events.state_waitlisted", { position: n(mine.waitlistPosition ?? 0) })}</Badge>;
  if (event.registration === "invitation") return <span className="row-secondary-inline">{t("events.by_invitation")}</span>;
  if (event.capacity === null) return <span className="row-secondary-inline">{t("events.registration_modes.open")}</span>;
  return <span className="row-secondary-inline">{t("events.seats", { confirmed: n(event.confirmedCount), capacity: n(event.capacity) })}</span>;
}
