import { useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { FieldError } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatFileSize } from "../../components/format.js";
import type { Attachment, AttachmentTarget } from "./types.js";

/** What the server accepts (attachments.service.ts); it checks again, including the file's first bytes. */
export const ACCEPTED_EXTENSIONS = ["pdf", "png", "jpg", "jpeg", "docx", "xlsx", "pptx", "txt", "csv"];
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? "").toLowerCase();

/**
 * Choose one file and upload it to the event, one of its agenda items or its minutes.
 * The type and size are checked before sending; the server's message for the file is
 * shown under the field.
 */
export function AttachmentUpload({
  eventId,
  target,
  agendaItemId,
  label,
  onUploaded,
}: {
  eventId: string;
  target: AttachmentTarget;
  agendaItemId?: string;
  /** Visible label of the file field, e.g. "Add a file to the minutes". */
  label: string;
  onUploaded(attachment: Attachment): void;
}) {
  const { t } = useTranslation();
  const size = useFormatFileSize();
  const action = useAction();
  const id = `upload-${useId().replace(/:/g, "")}`;
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
    const path = `/api/events/${encodeURIComponent(eventId)}/attachments`;
    const result = await action.run(() => api.upload<Attachment>(path, file, { target, agendaItemId, fileName: file.name }));
    if (result.ok) {
      onUploaded(result.value);
      setDone(t("events.files.uploaded", { name: result.value.fileName }));
      setFile(null);
      if (input.current) input.current.value = "";
    }
  }

  const serverError =
    action.fieldError("file") ??
    action.fieldError("fileName") ??
    action.fieldError("agendaItemId") ??
    (action.error?.code === "PAYLOAD_TOO_LARGE" ? t("events.files.too_large", { size: size(MAX_FILE_BYTES) }) : undefined);
  const error = localError ?? serverError;

  return (
    <form onSubmit={onSubmit} noValidate className="upload-form">
      <FormErrors error={action.error} shownFields={["file", "fileName", "agendaItemId"]} localMessage={localError ? t("errors.VALIDATION_FAILED") : null} />
      <StatusMessage>{done}</StatusMessage>
      <div className={["field", error ? "field--invalid" : ""].join(" ").trim()}>
        <label htmlFor={id} className="field-label">
          {label}
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
        <FieldError id={id} error={error} />
      </div>
    </form>
  );
}
