import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
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
import { AttendanceSection } from "./AttendanceSection.js";
import { EventBadges, seatsLeft, useVenue } from "./EventBits.js";
import { FilesSection, GeneralDocuments } from "./FilesSection.js";
import { MinutesSection } from "./MinutesSection.js";
import { ParticipationSection } from "./ParticipationSection.js";
import { RegistrationsSection } from "./RegistrationsSection.js";
import type { AgendaItem, EventRecord, Minutes } from "./types.js";
import { useAttachments } from "./useAttachments.js";
import { EventFollowupTab } from "../followup/EventFollowupTab.js";
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

const TABS = ["overview", "participants", "attendance", "minutes", "followup", "files"] as const;
type Tab = (typeof TABS)[number];

/** The event's tabs as links (?tab=…), so each can be bookmarked and the back button works. */
function EventTabs({ tabs, current, counts }: { tabs: Tab[]; current: Tab; counts: Partial<Record<Tab, number>> }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const nav = useRef<HTMLElement>(null);
  // On a narrow screen the tabs scroll sideways: keep the current one in view.
  useEffect(() => {
    const strip = nav.current;
    const active = strip?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!strip || !active || strip.scrollWidth <= strip.clientWidth) return;
    const box = strip.getBoundingClientRect();
    const tab = active.getBoundingClientRect();
    if (tab.left < box.left) strip.scrollLeft -= box.left - tab.left + 16;
    else if (tab.right > box.right) strip.scrollLeft += tab.right - box.right + 16;
  }, [current]);
  return (
    <nav ref={nav} aria-label={t("events.tabs.label")} className="subnav event-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link to={{ search: tab === "overview" ? "" : `?tab=${tab}` }} className="subnav-link" aria-current={tab === current ? "page" : undefined}>
              {tab === "followup" ? t("followup.event.tab") : t(`events.tabs.${tab}`)}
              {counts[tab] ? <span className="count-pill">{n(counts[tab])}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * /events/:id — the event in tabs: overview and agenda, participants, attendance,
 * minutes and decisions, files. Each tab is shown only to those who may see it, and a
 * tab once opened stays mounted, so what was typed in it survives a switch of tabs.
 */
export function EventDetailPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const { user } = useSession();
  const { locale } = useDisplaySettings();
  const localName = useLocalName();
  const pick = usePickLocal();
  const venue = useVenue();
  const timeRange = useTimeRange();
  const path = `/api/events/${encodeURIComponent(id)}`;
  const resource = useApi<EventRecord>(path);
  const agenda = useApi<{ items: AgendaItem[] }>(`${path}/agenda`);
  // Minutes are for the host, coordinators and invited organisations: a refusal just hides the tab.
  const minutes = useApi<Minutes>(user ? `${path}/minutes` : null);
  const files = useAttachments(id);
  const event = resource.data;
  usePageTitle(event ? pick(event.titleAr, event.titleEn) : t("events.title"));

  const tabs: Tab[] = event
    ? TABS.filter((tab) => {
        if (tab === "participants") return !!user && (event.registration === "invitation" || event.abilities.viewRegistrations || event.abilities.update);
        // The host's admins and coordinators, and the trainers of a programme the workshop delivers (the server decides).
        if (tab === "attendance") return event.abilities.recordAttendance;
        // Readers see the tab once there is something to read; the host sees it to write the minutes.
        if (tab === "minutes")
          return !!minutes.data && (minutes.data.abilities.edit || minutes.data.version > 0 || minutes.data.decisions.length > 0 || files.items.some((a) => a.target === "minutes"));
        if (tab === "files") return files.items.length > 0 || files.canUpload;
        if (tab === "followup") return !!user;
        return true;
      })
    : ["overview"];
  const requested = params.get("tab") as Tab | null;
  const current: Tab = requested && tabs.includes(requested) ? requested : "overview";
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([current]));
  if (!visited.has(current)) setVisited(new Set([...visited, current]));

  if (resource.error && !event) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!event) return <Loading />;

  const description = pick(event.descriptionAr, event.descriptionEn);
  let zoneName = event.timeZone;
  try {
    zoneName = formatTimeZoneName(event.timeZone, event.startsAt, locale);
  } catch {
    // An unknown zone is shown as its IANA name.
  }

  const hasSide = (!!user && event.registration === "open") || files.items.some((a) => a.target === "event");
  const panels: Record<Tab, () => ReactNode> = {
    overview: () => (
      <div className={hasSide ? "detail-layout" : "detail-single"}>
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
          <AgendaSection event={event} agenda={agenda} files={files} />
        </div>
        {hasSide && (
          <div className="detail-side">
            {user && event.registration === "open" && <RegistrationPanel event={event} onChange={resource.setData} />}
            <GeneralDocuments event={event} files={files} />
          </div>
        )}
      </div>
    ),
    participants: () => (
      <div className="detail-main">
        {event.registration === "open" && event.abilities.viewRegistrations && <RegistrationsSection event={event} />}
        {(event.registration === "invitation" || event.abilities.update) && <ParticipationSection event={event} />}
      </div>
    ),
    attendance: () => <AttendanceSection event={event} />,
    minutes: () => <MinutesSection event={event} minutes={minutes} files={files} />,
    followup: () => <EventFollowupTab event={event} />,
    files: () => <FilesSection event={event} files={files} agenda={agenda.data?.items} />,
  };

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
      {event.status === "cancelled" && <p className="alert alert--error event-status-note">{t("events.cancelled_note")}</p>}
      {event.status === "draft" && <p className="alert alert--info event-status-note">{t("events.draft_note")}</p>}
      {tabs.length > 1 && <EventTabs tabs={tabs} current={current} counts={{ files: files.items.length }} />}
      {tabs.map((tab) =>
        visited.has(tab) || tab === current ? (
          <div key={tab} className="tab-panel" hidden={tab !== current}>
            {panels[tab]()}
          </div>
        ) : null,
      )}
    </article>
  );
}
