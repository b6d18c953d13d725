import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { FieldError } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { EmptyState, ErrorState, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatFileSize } from "../../components/format.js";
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from "../events/AttachmentUpload.js";
import type { LibraryAttachment } from "./types.js";
import "../events/events.css";

const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? "").toLowerCase();

/** Upload one file to the entry; type and size are checked first (the server checks again). */
function EntryFileUpload({ entryId, onUploaded }: { entryId: string; onUploaded(): void }) {
  const { t } = useTranslation();
  const size = useFormatFileSize();
  const action = useAction();
  const id = `entry-upload-${useId().replace(/:/g, "")}`;
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const types = ACCEPTED_EXTENSIONS.join(t("common.list_separator"));

  function check(chosen: File | null): string | null {
    if (!chosen) return t("validation.required", { field: t("fields.file") });
    if (!ACCEPTED_EXTENSIONS.includes(extensionOf(chosen.name))) return t("validation.file_type", { field: t("fields.file"), types: ACCEPTED_EXTENSIONS.join(", ") });
    if (chosen.size > MAX_FILE_BYTES) return t("events.files.too_large", { size: size(MAX_FILE_BYTES) });
    if (chosen.size === 0) return t("events.files.empty");
    return null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const problem = check(file);
    setLocalError(problem);
    if (problem || !file) return;
    const result = await action.run(() => api.upload<LibraryAttachment>(`/api/library/entries/${encodeURIComponent(entryId)}/attachments`, file, { fileName: file.name }));
    if (result.ok) {
      setDone(t("events.files.uploaded", { name: file.name }));
      setFile(null);
      if (input.current) input.current.value = "";
      onUploaded();
    }
  }

  const serverError =
    action.fieldError("file") ?? action.fieldError("fileName") ?? (action.error?.code === "PAYLOAD_TOO_LARGE" ? t("events.files.too_large", { size: size(MAX_FILE_BYTES) }) : undefined);
  const error = localError ?? serverError;

  return (
    <form onSubmit={onSubmit} noValidate className="upload-form">
      <FormErrors error={action.error} shownFields={["file", "fileName"]} localMessage={localError ? t("errors.VALIDATION_FAILED") : null} />
      <StatusMessage>{done}</StatusMessage>
      <div className={["field", error ? "field--invalid" : ""].join(" ").trim()}>
        <label htmlFor={id} className="field-label">
          {t("library.entry.add_file")}
        </label>
        <div className="upload-row">
          <FilePicker
            ref={input}
            id={id}
            file={file}
            accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
            invalid={!!error}
            describedBy={[`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(" ")}
            onChange={(chosen) => {
              setFile(chosen);
              setDone(null);
              action.clear();
              setLocalError(chosen ? check(chosen) : null);
            }}
          />
          <button type="submit" className="button button--secondary button--small" disabled={action.pending || !file} aria-busy={action.pending || undefined}>
            {action.pending ? t("events.files.uploading") : t("events.files.upload")}
          </button>
        </div>
        <p id={`${id}-hint`} className="field-hint">
          {t("events.files.accepted", { types, size: size(MAX_FILE_BYTES) })}
        </p>
        <FieldError id={id} error={error ?? undefined} />
      </div>
    </form>
  );
}

/** The entry's files: download links for all readers; upload and removal for those who may edit it. */
export function EntryFiles({ entryId, initial, canManage }: { entryId: string; initial: LibraryAttachment[]; canManage: boolean }) {
  const { t } = useTranslation();
  const size = useFormatFileSize();
  const path = `/api/library/entries/${encodeURIComponent(entryId)}/attachments`;
  // The entry carries its files; the list is fetched again only after a change.
  const [changed, setChanged] = useState(false);
  const list = useApi<{ items: LibraryAttachment[] }>(changed ? path : null);
  const refresh = () => (changed ? list.reload() : setChanged(true));
  const items = list.data?.items ?? initial;
  const action = useAction();
  const [removing, setRemoving] = useState<LibraryAttachment | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  async function remove() {
    if (!removing) return;
    const file = removing;
    const result = await action.run(() => api.delete(`${path}/${encodeURIComponent(file.id)}`));
    setRemoving(null);
    if (result.ok) {
      setRemoved(t("events.files.removed", { name: file.fileName }));
      refresh();
    }
  }

  if (items.length === 0 && !canManage) return null;
  return (
    <section className="card" aria-labelledby="entry-files-title">
      <h2 id="entry-files-title" className="card-title">
        {t("library.entry.files_title")}
      </h2>
      {list.error && <ErrorState error={list.error} onRetry={list.reload} />}
      <FormErrors error={action.error} />
      <StatusMessage>{removed}</StatusMessage>
      {items.length === 0 ? (
        <EmptyState>{t("library.entry.no_files")}</EmptyState>
      ) : (
        <ul className="file-list">
          {items.map((file) => (
            <li key={file.id} className="file-item">
              <span className="file-type" aria-hidden="true">
                {extensionOf(file.fileName).toUpperCase()}
              </span>
              <div className="file-text">
                <a href={`${path}/${encodeURIComponent(file.id)}`} className="file-name">
                  <bdi>{file.fileName}</bdi>
                </a>
                <span className="row-secondary">
                  <bdi>{size(file.size)}</bdi>
                  {t("common.list_separator")}
                  <DateTime value={file.createdAt} />
                  {file.uploadedBy && (
                    <>
                      {t("common.list_separator")}
                      {t("events.files.uploaded_by", { name: file.uploadedBy })}
                    </>
                  )}
                </span>
              </div>
              {canManage && (
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
      {canManage && <EntryFileUpload entryId={entryId} onUploaded={refresh} />}
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
    </section>
  );
}
