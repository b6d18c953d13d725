import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ApiResource } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { EmptyState, ErrorState, Loading, StatusMessage } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { formatTime } from "../../../../common/dates.js";
import { AgendaEditor } from "./AgendaEditor.js";
import { AttachmentsList } from "./AttachmentsList.js";
import { AttachmentUpload } from "./AttachmentUpload.js";
import type { AgendaItem, AgendaSpeaker, EventRecord } from "./types.js";
import type { EventFiles } from "./useAttachments.js";

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

/** Files of one agenda item, and (for organisers) a way to add one. */
function ItemFiles({ event, item, files, isManaging }: { event: EventRecord; item: AgendaItem; files: EventFiles; isManaging: boolean }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const mine = files.items.filter((a) => a.target === "agenda" && a.agendaItemId === item.id);
  if (mine.length === 0 && !isManaging) return null;
  return (
    <div className="agenda-files">
      {mine.length > 0 && <span className="visually-hidden">{t("events.files.of_item", { title: pick(item.titleAr, item.titleEn) })}</span>}
      <AttachmentsList eventId={event.id} items={mine} canRemove={isManaging} onRemoved={files.removed} timeZone={event.timeZone} />
      {isManaging && (
        <AttachmentUpload
          eventId={event.id}
          target="agenda"
          agendaItemId={item.id}
          label={t("events.files.add_to_item", { title: pick(item.titleAr, item.titleEn) })}
          onUploaded={files.added}
        />
      )}
    </div>
  );
}

/** The ordered agenda with times, speakers and files; those who run the event can edit it. */
export function AgendaSection({ event, agenda, files }: { event: EventRecord; agenda: ApiResource<{ items: AgendaItem[] }>; files: EventFiles }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const { locale, digits } = useDisplaySettings();
  const [isEditing, setIsEditing] = useState(false);
  const [isManagingFiles, setIsManagingFiles] = useState(false);
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
          <div className="button-row button-row--tight">
            {files.canUpload && agenda.data.items.length > 0 && (
              <button type="button" className="button button--ghost button--small" aria-pressed={isManagingFiles} onClick={() => setIsManagingFiles(!isManagingFiles)}>
                {isManagingFiles ? t("events.files.manage_done") : t("events.files.manage_items")}
              </button>
            )}
            <button type="button" className="button button--secondary button--small" onClick={() => { setSaved(false); setIsManagingFiles(false); setIsEditing(true); }}>
              {t("events.agenda_edit")}
            </button>
          </div>
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
            // Saving gives the items new ids: fetch the files again to show where they now belong.
            files.resource.reload();
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
                <ItemFiles event={event} item={item} files={files} isManaging={isManagingFiles} />
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
