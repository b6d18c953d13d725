import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatFileSize } from "../../components/format.js";
import type { Attachment } from "./types.js";

const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? "").toUpperCase();

/**
 * Files with download links, size and date; those who manage the event may remove them
 * (after confirming). File names are isolated with <bdi> so an Arabic name keeps its order.
 */
export function AttachmentsList({
  eventId,
  items,
  canRemove,
  onRemoved,
  timeZone,
}: {
  eventId: string;
  items: Attachment[];
  canRemove: boolean;
  onRemoved(id: string): void;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const size = useFormatFileSize();
  const action = useAction();
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  async function remove() {
    if (!removing) return;
    const file = removing;
    const result = await action.run(() => api.delete(`/api/events/${encodeURIComponent(eventId)}/attachments/${encodeURIComponent(file.id)}`));
    setRemoving(null);
    if (result.ok) {
      setRemoved(t("events.files.removed", { name: file.fileName }));
      onRemoved(file.id);
    }
  }

  return (
    <>
      <FormErrors error={action.error} />
      <StatusMessage>{removed}</StatusMessage>
      {items.length > 0 && (
        <ul className="file-list">
          {items.map((file) => (
            <li key={file.id} className="file-item">
              <span className="file-type" aria-hidden="true">
                {extensionOf(file.fileName)}
              </span>
              <div className="file-text">
                <a href={file.url} className="file-name">
                  {/* Isolated, so an Arabic name reads right to left ("pdf.محضر ١٤٤٦") whatever the page's direction. */}
                  <bdi>{file.fileName}</bdi>
                </a>
                <span className="row-secondary">
                  <bdi>{size(file.size)}</bdi>
                  {t("common.list_separator")}
                  <DateTime value={file.createdAt} timeZone={timeZone} />
                  {file.uploadedBy && (
                    <>
                      {t("common.list_separator")}
                      {t("events.files.uploaded_by", { name: file.uploadedBy })}
                    </>
                  )}
                </span>
              </div>
              {canRemove && (
                <button
                  type="button"
                  className="button button--link file-remove"
                  onClick={() => {
                    setRemoved(null);
                    setRemoving(file);
                  }}
                  aria-label={t("events.files.remove_named", { name: file.fileName })}
                >
                  {t("events.files.remove")}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("events.files.remove_title", { name: removing?.fileName ?? "" })}
        confirmLabel={t("events.files.remove")}
        danger
        pending={action.pending}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t("events.files.remove_body")}</p>
      </ConfirmDialog>
    </>
  );
}
