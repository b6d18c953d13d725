import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { formatTime, formatTimeZoneName } from "../../../../common/dates.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { AgendaSection } from "./AgendaSection.js";
import { EventBadges, seatsLeft, useVenue } from "./EventBits.js";
import { ParticipationSection } from "./ParticipationSection.js";
import { RegistrationsSection } from "./RegistrationsSection.js";
import type { EventRecord } from "./types.js";
import "./events.css";

/** "٨:٠٠ م – ١٠:٠٠ م" of an event, in its own zone. */
function useTimeRange() {
  const { locale, digits } = useDisplaySettings();
  return (event: Pick<EventRecord, "startsAt" | "endsAt" | "timeZone">) => {
    try {
      const opts = { locale, digits, timeZone: event.timeZone } as const;
      return `${formatTime(event.startsAt, opts)} – ${formatTime(event.endsAt, opts)}`;
    } catch {
      return "";
    }
  };
}

/** Register or cancel for an open event, with the resulting state and the seats left. */
export function RegistrationPanel({ event, onChange }: { event: EventRecord; onChange(event: EventRecord): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const action = useAction();
  const [done, setDone] = useState<"register" | "cancel" | null>(null);
  const mine = event.myRegistration?.status === "cancelled" ? null : event.myRegistration;
  const left = seatsLeft(event);
  const path = `/api/events/${encodeURIComponent(event.id)}/registration`;

  async function run(kind: "register" | "cancel") {
    setDone(null);
    const result = await action.run(() => (kind === "register" ? api.post<EventRecord>(path) : api.delete<EventRecord>(path)));
    if (result.ok) {
      onChange(result.value);
      setDone(kind);
    }
  }

  let state = null;
  if (mine?.status === "confirmed") state = t("events.registered_confirmed");
  else if (mine?.status === "waitlisted") state = t("events.registered_waitlisted", { position: n(mine.waitlistPosition ?? 0) });

  return (
    <section className="card" aria-labelledby="event-registration-title">
      <h2 id="event-registration-title" className="card-title">
        {t("events.registration_title")}
      </h2>
      {left !== null && event.capacity !== null && (
        <p className="card-text">
          {t("events.seats", { confirmed: n(event.confirmedCount), capacity: n(event.capacity) })}
          {t("common.list_separator")}
          <strong>{t("events.seats_left", { count: left, n: n(left) })}</strong>
        </p>
      )}
      {left === 0 && !mine && <p className="card-text">{t("events.full_note")}</p>}
      {event.waitlistCount > 0 && <p className="card-meta">{t("events.waitlist_count", { n: n(event.waitlistCount) })}</p>}
      <StatusMessage>{done === "cancel" ? t("events.registration_cancelled") : done ? state : null}</StatusMessage>
      {!done && state && <p className="alert alert--info">{state}</p>}
      <FormErrors error={action.error} />
      <div className="button-row">
        {mine ? (
          <button type="button" className="button button--danger-outline" disabled={action.pending} onClick={() => void run("cancel")}>
            {t("events.cancel_registration")}
          </button>
        ) : event.abilities.register ? (
          <button type="button" className="button button--primary" disabled={action.pending} onClick={() => void run("register")}>
            {t("events.register")}
          </button>
        ) : (
          <p className="card-meta">{t("events.registration_closed")}</p>
        )}
      </div>
    </section>
  );
}

/** /events/:id — the event with its agenda, registration or delegations. */
export function EventDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const { user } = useSession();
  const { locale } = useDisplaySettings();
  const localName = useLocalName();
  const pick = usePickLocal();
  const venue = useVenue();
  const timeRange = useTimeRange();
  const resource = useApi<EventRecord>(`/api/events/${encodeURIComponent(id)}`);
  const event = resource.data;
  usePageTitle(event ? pick(event.titleAr, event.titleEn) : t("events.title"));

  if (resource.error && !event) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!event) return <Loading />;

  const description = pick(event.descriptionAr, event.descriptionEn);
  let zoneName = event.timeZone;
  try {
    zoneName = formatTimeZoneName(event.timeZone, event.startsAt, locale);
  } catch {
    // An unknown zone is shown as its IANA name.
  }

  return (
    <article>
      <PageHeader
        crumbs={[{ label: t("events.title"), to: "/events" }]}
        title={pick(event.titleAr, event.titleEn)}
        subtitle={localName(event.host)}
        badges={<EventBadges event={event} />}
        actions={
          <>
            <a href={`/api/events/${encodeURIComponent(event.id)}/calendar.ics`} className="button button--ghost" download>
              {t("events.add_to_calendar")}
            </a>
            {event.abilities.update && (
              <Link to={`/events/${encodeURIComponent(event.id)}/edit`} className="button button--primary">
                {t("common.edit")}
              </Link>
            )}
          </>
        }
      />
      <div className="detail-layout">
        <div className="detail-main">
          <section className="card" aria-labelledby="event-summary-title">
            <h2 id="event-summary-title" className="card-title">
              {t("events.about")}
            </h2>
            <dl className="summary-list">
              <div>
                <dt>{t("events.date")}</dt>
                <dd>
                  <DateTime value={event.startsAt} mode="datetime" timeZone={event.timeZone} />
                  <span className="row-secondary">
                    <bdi>{timeRange(event)}</bdi>
                    {t("common.list_separator")}
                    {t("events.time_zone_note", { zone: zoneName })}
                  </span>
                </dd>
              </div>
              <div>
                <dt>{t("events.host")}</dt>
                <dd>
                  <Link to={`/directory/organisations/${encodeURIComponent(event.host.code)}`}>{localName(event.host)}</Link>
                </dd>
              </div>
              {event.chair && (
                <div>
                  <dt>{t("events.chair")}</dt>
                  <dd>
                    <Link to={`/directory/people/${encodeURIComponent(event.chair.id)}`}>{localName(event.chair)}</Link>
                    {pick(event.chair.titleAr, event.chair.titleEn) && <span className="row-secondary">{pick(event.chair.titleAr, event.chair.titleEn)}</span>}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t("events.season")}</dt>
                <dd>
                  <Link to={`/events?season=${encodeURIComponent(event.season.code)}&when=all`}>{localName(event.season)}</Link>
                </dd>
              </div>
              <div>
                <dt>{t("events.venue")}</dt>
                <dd>{venue(event)}</dd>
              </div>
              {event.mode !== "in_person" && (
                <div>
                  <dt>{t("events.join_url")}</dt>
                  <dd>
                    {event.joinUrl ? (
                      <a href={event.joinUrl} className="button button--primary button--small" rel="noopener noreferrer" target="_blank">
                        {t("events.join")}
                      </a>
                    ) : (
                      <span className="row-secondary-inline">{t("events.join_hidden")}</span>
                    )}
                  </dd>
                </div>
              )}
              <div>
                <dt>{t("fields.registration")}</dt>
                <dd>{t(`events.registration_modes.${event.registration}`)}</dd>
              </div>
              {event.previousEventId && (
                <div>
                  <dt>{t("events.previous_edition")}</dt>
                  <dd>
                    <Link to={`/events/${encodeURIComponent(event.previousEventId)}`}>{t("events.previous_edition")}</Link>
                  </dd>
                </div>
              )}
            </dl>
            {description && <p className="card-text preserve-lines">{description}</p>}
          </section>
          <AgendaSection event={event} />
          {user && event.registration === "invitation" && <ParticipationSection event={event} />}
          {event.abilities.viewRegistrations && event.registration === "open" && <RegistrationsSection event={event} />}
        </div>
        <div className="detail-side">{user && event.registration === "open" && <RegistrationPanel event={event} onChange={resource.setData} />}</div>
      </div>
    </article>
  );
}

