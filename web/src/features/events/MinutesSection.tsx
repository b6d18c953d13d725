import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ApiResource } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { EmptyState, ErrorState, Loading, StatusMessage } from "../../components/Feedback.js";
import { AttachmentsList } from "./AttachmentsList.js";
import { AttachmentUpload } from "./AttachmentUpload.js";
import { MinutesEditor } from "./MinutesEditor.js";
import { MinutesView } from "./MinutesView.js";
import type { EventRecord, Minutes } from "./types.js";
import type { EventFiles } from "./useAttachments.js";

/** Minutes and decisions for the host, coordinators and invited organisations; the host edits them. */
export function MinutesSection({ event, minutes, files }: { event: EventRecord; minutes: ApiResource<Minutes>; files: EventFiles }) {
  const { t } = useTranslation();
  const [isEditing, setIsEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const data = minutes.data;
  const minutesFiles = files.items.filter((a) => a.target === "minutes");

  return (
    <div className="detail-main">
      <section className="card" aria-labelledby="event-minutes-title">
        <div className="card-header">
          <h2 id="event-minutes-title" className="card-title">
            {t("events.minutes.title")}
          </h2>
          {data?.abilities.edit && !isEditing && (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                setSaved(false);
                setIsEditing(true);
              }}
            >
              {data.version === 0 ? t("events.minutes.write") : t("events.minutes.edit")}
            </button>
          )}
        </div>
        <StatusMessage>{saved ? t("events.minutes.saved") : null}</StatusMessage>
        {minutes.error && !data && <ErrorState error={minutes.error} onRetry={minutes.reload} />}
        {!data && minutes.loading && <Loading />}
        {data && !isEditing && (
          <>
            {data.updatedAt && (
              <p className="card-meta minutes-meta">
                {data.updatedBy ? t("events.minutes.saved_by", { name: data.updatedBy }) : t("events.minutes.saved_on")} <DateTime value={data.updatedAt} mode="datetime" timeZone={event.timeZone} />
              </p>
            )}
            <MinutesView minutes={data} />
          </>
        )}
        {data && isEditing && (
          <MinutesEditor
            event={event}
            minutes={data}
            onCancel={() => setIsEditing(false)}
            onSaved={(next) => {
              minutes.setData(next);
              setIsEditing(false);
              setSaved(true);
            }}
          />
        )}
      </section>
      {data && (minutesFiles.length > 0 || files.canUpload) && (
        <section className="card" aria-labelledby="event-minutes-files-title">
          <h2 id="event-minutes-files-title" className="card-title">
            {t("events.minutes.files_title")}
          </h2>
          {minutesFiles.length === 0 && <EmptyState>{t("events.minutes.no_files")}</EmptyState>}
          <AttachmentsList eventId={event.id} items={minutesFiles} canRemove={files.canUpload} onRemoved={files.removed} timeZone={event.timeZone} />
          {files.canUpload && <AttachmentUpload eventId={event.id} target="minutes" label={t("events.minutes.add_file")} onUploaded={files.added} />}
        </section>
      )}
    </div>
  );
}
