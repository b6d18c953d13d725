import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { usePickLocal } from "../../components/format.js";
import { AttachmentsList } from "./AttachmentsList.js";
import { AttachmentUpload } from "./AttachmentUpload.js";
import type { AgendaItem, EventRecord } from "./types.js";
import type { EventFiles } from "./useAttachments.js";

/** Every file of the event in one place: general documents (uploaded here), then the agenda items' and the minutes'. */
export function FilesSection({ event, files, agenda }: { event: EventRecord; files: EventFiles; agenda: AgendaItem[] | undefined }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const { resource } = files;
  const general = files.items.filter((a) => a.target === "event");
  const ofAgenda = files.items.filter((a) => a.target === "agenda");
  const ofMinutes = files.items.filter((a) => a.target === "minutes");
  const itemTitle = (id: string | null) => {
    const item = agenda?.find((i) => i.id === id);
    return item ? pick(item.titleAr, item.titleEn) : t("events.files.agenda_item_unknown");
  };
  const agendaGroups = [...new Set(ofAgenda.map((a) => a.agendaItemId))];
  const list = (items: typeof files.items) => (
    <AttachmentsList eventId={event.id} items={items} canRemove={files.canUpload} onRemoved={files.removed} timeZone={event.timeZone} />
  );

  return (
    <section className="card" aria-labelledby="event-files-title">
      <h2 id="event-files-title" className="card-title">
        {t("events.files.title")}
      </h2>
      {resource.error && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!resource.data && resource.loading && <Loading />}
      {resource.data && (
        <>
          <h3 className="section-title">{t("events.files.general")}</h3>
          {general.length === 0 && <EmptyState>{t("events.files.none_general")}</EmptyState>}
          {list(general)}
          {files.canUpload && <AttachmentUpload eventId={event.id} target="event" label={t("events.files.add_general")} onUploaded={files.added} />}

          {ofAgenda.length > 0 && (
            <>
              <h3 className="section-title">{t("events.files.of_agenda")}</h3>
              {agendaGroups.map((itemId) => (
                <div key={itemId ?? "none"} className="file-group">
                  <p className="file-group-title">{itemTitle(itemId)}</p>
                  {list(ofAgenda.filter((a) => a.agendaItemId === itemId))}
                </div>
              ))}
            </>
          )}

          {ofMinutes.length > 0 && (
            <>
              <h3 className="section-title">{t("events.files.of_minutes")}</h3>
              {list(ofMinutes)}
              <p className="card-meta">
                <Link to="?tab=minutes">{t("events.files.go_to_minutes")}</Link>
              </p>
            </>
          )}
        </>
      )}
    </section>
  );
}

/** The event's general documents, for the side of the overview (downloads only). */
export function GeneralDocuments({ event, files }: { event: EventRecord; files: EventFiles }) {
  const { t } = useTranslation();
  const general = files.items.filter((a) => a.target === "event");
  if (general.length === 0) return null;
  return (
    <section className="card" aria-labelledby="event-documents-title">
      <h2 id="event-documents-title" className="card-title">
        {t("events.files.documents")}
      </h2>
      <AttachmentsList eventId={event.id} items={general} canRemove={false} onRemoved={files.removed} timeZone={event.timeZone} />
      <p className="card-meta">
        <Link to="?tab=files">{t("events.files.see_all")}</Link>
      </p>
    </section>
  );
}
