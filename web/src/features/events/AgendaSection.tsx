import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { EmptyState, ErrorState, Loading, StatusMessage } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { formatTime } from "../../../../common/dates.js";
import { AgendaEditor } from "./AgendaEditor.js";
import type { AgendaItem, AgendaSpeaker, EventRecord } from "./types.js";

function Speaker({ speaker }: { speaker: AgendaSpeaker }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  const role = t(`events.speaker_roles.${speaker.role as "speaker"}`);
  if (speaker.person) {
    const title = pick(speaker.person.titleAr, speaker.person.titleEn);
    return (
      <li>
        <Link to={`/directory/people/${encodeURIComponent(speaker.person.id)}`}>{localName(speaker.person)}</Link>
        {title && `${t("common.list_separator")}${title}`}
        {t("common.list_separator")}
        {localName(speaker.person.organisation)} ({role})
      </li>
    );
  }
  const title = pick(speaker.guestTitleAr, speaker.guestTitleEn);
  return (
    <li>
      {pick(speaker.guestNameAr, speaker.guestNameEn)}
      {title && `${t("common.list_separator")}${title}`} ({role})
    </li>
  );
}

/** The ordered agenda with times and speakers; those who run the event can edit it. */
export function AgendaSection({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const { locale, digits } = useDisplaySettings();
  const agenda = useApi<{ items: AgendaItem[] }>(`/api/events/${encodeURIComponent(event.id)}/agenda`);
  const [isEditing, setIsEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const time = (iso: string | null) => {
    if (!iso) return "";
    try {
      return formatTime(iso, { locale, digits, timeZone: event.timeZone });
    } catch {
      return "";
    }
  };

  return (
    <section className="card" aria-labelledby="event-agenda-title">
      <div className="card-header">
        <h2 id="event-agenda-title" className="card-title">
          {t("events.agenda")}
        </h2>
        {event.abilities.update && agenda.data && !isEditing && (
          <button type="button" className="button button--secondary button--small" onClick={() => { setSaved(false); setIsEditing(true); }}>
            {t("events.agenda_edit")}
          </button>
        )}
      </div>
      <StatusMessage>{saved ? t("events.agenda_saved") : null}</StatusMessage>
      {agenda.error && <ErrorState error={agenda.error} onRetry={agenda.reload} />}
      {!agenda.data && agenda.loading && <Loading />}
      {agenda.data && isEditing && (
        <AgendaEditor
          event={event}
          items={agenda.data.items}
          onCancel={() => setIsEditing(false)}
          onSaved={(next) => {
            agenda.setData(next);
            setIsEditing(false);
            setSaved(true);
          }}
        />
      )}
      {agenda.data && !isEditing && agenda.data.items.length === 0 && <EmptyState>{t("events.no_agenda")}</EmptyState>}
      {agenda.data && !isEditing && agenda.data.items.length > 0 && (
        <ol className="agenda-list">
          {agenda.data.items.map((item) => (
            <li key={item.id} className="agenda-item">
              <span className="agenda-time">
                <bdi>{[time(item.startsAt), time(item.endsAt)].filter(Boolean).join(" – ")}</bdi>
              </span>
              <div>
                <p className="agenda-title">
                  {pick(item.titleAr, item.titleEn)}
                  {item.kind !== "item" && <span className="row-secondary-inline"> ({t(`events.agenda_kinds.${item.kind as "session"}`)})</span>}
                </p>
                {pick(item.descriptionAr, item.descriptionEn) && <p className="card-text preserve-lines">{pick(item.descriptionAr, item.descriptionEn)}</p>}
                {item.speakers.length > 0 && (
                  <>
                    <span className="visually-hidden">{t("events.speakers")}</span>
                    <ul className="speaker-list">
                      {item.speakers.map((s, i) => (
                        <Speaker key={i} speaker={s} />
                      ))}
                    </ul>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
