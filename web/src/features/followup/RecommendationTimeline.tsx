import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { parseWholeNumber } from "../../components/digits.js";
import { TextAreaField, TextField } from "../../components/Field.js";
import { FilePicker } from "../../components/FilePicker.js";
import { EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatFileSize, useFormatNumber, useLocalName } from "../../components/format.js";
import { Pagination } from "../../components/Pagination.js";
import { WholeNumberField } from "../../components/WholeNumberField.js";
import { ACCEPTED_EXTENSIONS, MAX_FILE_BYTES } from "../events/AttachmentUpload.js";
import { useFormatPercent, useTitle } from "./FollowupBits.js";
import { ProposalHistoryText } from "./ProposalHistory.js";
import type { EvidenceFile, Recommendation, RecommendationUpdate, UpdateList } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

const PAGE_SIZE = 20;
const extensionOf = (name: string) => (/\.([^.]+)$/.exec(name)?.[1] ?? "").toLowerCase();

/** What the server writes as the text of link and action entries: a verb, not words to show. */
const ACTION_VERBS = ["created", "updated", "done", "cancelled", "reopened", "deleted"] as const;
const LINK_VERBS = ["linked", "unlinked"];
const isVerb = (entry: RecommendationUpdate) =>
  (entry.kind === "action" && (ACTION_VERBS as readonly string[]).includes(entry.text ?? "")) || (entry.kind === "link" && LINK_VERBS.includes(entry.text ?? ""));
/** Where a link entry's target lives: a workshop (event) or a training programme. */
const targetPath = (target: { type: string; id: string }) =>
  target.type === "training_programme" ? `/training/${encodeURIComponent(target.id)}` : target.type === "event" ? `/events/${encodeURIComponent(target.id)}` : null;
/** Stands for the title in a message, to put a link in its place. */
const TITLE_MARK = "\uE000";
/** A recommendation tracked from the minutes starts with "#<decision number>". */
const decisionNumber = (entry: RecommendationUpdate) => (entry.kind === "created" ? (/^#(\d+)$/.exec(entry.text ?? "")?.[1] ?? null) : null);

/** What one timeline entry says: a status or progress change, a link, an action, or a written update. */
function EntryHeadline({ entry }: { entry: RecommendationUpdate }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const percent = useFormatPercent();
  const title = useTitle();
  switch (entry.kind) {
    case "created": {
      const number = decisionNumber(entry);
      return <>{number ? t("followup.timeline.from_decision", { n: n(Number(number)) }) : t("followup.timeline.kind.created")}</>;
    }
    case "status":
      return entry.statusFrom && entry.statusTo ? (
        <>{t("followup.timeline.status_change", { from: t(`followup.status.${entry.statusFrom}`), to: t(`followup.status.${entry.statusTo}`) })}</>
      ) : entry.statusTo ? (
        <>{t("followup.timeline.status_set", { to: t(`followup.status.${entry.statusTo}`) })}</>
      ) : (
        <>{t("followup.timeline.kind.status")}</>
      );
    case "progress":
      return <>{t("followup.timeline.progress_change", { from: percent(entry.progressFrom ?? 0), to: percent(entry.progressTo ?? 0) })}</>;
    case "link": {
      if (!entry.target) return <>{t("followup.timeline.kind.link")}</>;
      const key = entry.text === "unlinked" ? "followup.timeline.unlinked_named" : "followup.timeline.link_named";
      const href = targetPath(entry.target);
      if (!href) return <>{t(key, { title: title(entry.target) })}</>;
      // The message with the title as a link to the workshop or training programme.
      const [before, after = ""] = t(key, { title: TITLE_MARK }).split(TITLE_MARK);
      return (
        <>
          {before}
          <Link to={href}>{title(entry.target)}</Link>
          {after}
        </>
      );
    }
    case "action": {
      if (!entry.target) return <>{t("followup.timeline.kind.action")}</>;
      const verb = ACTION_VERBS.find((v) => v === entry.text) ?? "updated";
      return <>{t(`followup.timeline.action_verb.${verb}`, { title: title(entry.target) })}</>;
    }
    default:
      return <>{t("followup.timeline.kind.update")}</>;
  }
}

/** Evidence files with download links (names isolated so Arabic names keep their order). */
export function EvidenceFiles({ files }: { files: EvidenceFile[] }) {
  const { t } = useTranslation();
  const size = useFormatFileSize();
  if (files.length === 0) return null;
  return (
    <ul className="evidence-files" aria-label={t("followup.timeline.files")}>
      {files.map((f) => (
        <li key={f.id}>
          <a href={f.url} download>
            <bdi>{f.fileName}</bdi>
          </a>{" "}
          <span className="row-secondary-inline">
            (<bdi>{size(f.size)}</bdi>)
          </span>
        </li>
      ))}
    </ul>
  );
}

/** The recommendation's timeline, newest first, with the form to add an update for those who may. */
export function RecommendationTimeline({ rec, onChanged, refreshKey = 0 }: { rec: Recommendation; onChanged(): void; refreshKey?: number }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [page, setPage] = useState(1);
  const updates = useApi<UpdateList>(`${recommendationPath(rec.id)}/updates`, { page, pageSize: PAGE_SIZE });
  const data = updates.data;
  // Every change of the recommendation, and of its actions (`refreshKey`), writes an entry: read the timeline again after one.
  const seen = useRef(`${rec.updatedAt} ${refreshKey}`);
  const { reload } = updates;
  useEffect(() => {
    const key = `${rec.updatedAt} ${refreshKey}`;
    if (seen.current === key) return;
    seen.current = key;
    reload();
  }, [rec.updatedAt, refreshKey, reload]);

  return (
    <section className="card" aria-labelledby="rec-timeline-title">
      <h2 id="rec-timeline-title" className="card-title">
        {t("followup.timeline.title")}
      </h2>
      {rec.abilities.progress && (
        <AddUpdateForm
          rec={rec}
          onAdded={() => {
            setPage(1);
            updates.reload();
            onChanged();
          }}
        />
      )}
      {updates.error && <ErrorState error={updates.error} onRetry={updates.reload} />}
      {!data && updates.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("followup.timeline.none")}</EmptyState>}
      {data && data.items.length > 0 && (
        <ol className="timeline">
          {data.items.map((entry) => (
            <li key={entry.id} className={`timeline-item timeline-item--${entry.kind}`}>
              <p className="timeline-head">
                <span className="timeline-what">
                  <EntryHeadline entry={entry} />
                </span>
                <span className="row-secondary-inline">
                  <DateTime value={entry.createdAt} mode="datetime" />
                </span>
              </p>
              {entry.fromProposal ? (
                <ProposalHistoryText history={entry.fromProposal} />
              ) : (
                entry.text &&
                !isVerb(entry) &&
                !decisionNumber(entry) && (
                  <p className="timeline-text preserve-lines" dir="auto">
                    {entry.text}
                  </p>
                )
              )}
              {entry.links.length > 0 && (
                <ul className="evidence-links" aria-label={t("followup.timeline.links")}>
                  {entry.links.map((link, i) => (
                    <li key={`${link.url}-${i}`}>
                      <a href={link.url} rel="noopener noreferrer" target="_blank">
                        <bdi>{link.title || link.url}</bdi>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
              <EvidenceFiles files={entry.files} />
              <p className="card-meta timeline-by">
                {entry.author && (
                  <>
                    {/* A user's name may be in either script: isolated, so it keeps its order. */}
                    <bdi>{entry.author.name}</bdi>
                    {t("common.list_separator")}
                  </>
                )}
                {localName(entry.organisation)}
              </p>
            </li>
          ))}
        </ol>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={setPage} />}
    </section>
  );
}

interface DraftLink {
  key: number;
  url: string;
  title: string;
}

let nextKey = 1;

/**
 * Report progress: text, evidence links, an optional new progress, and files. The
 * update is created first; its files are then uploaded one by one to
 * POST …/updates/:updateId/files, and a file the server refuses is named.
 */
function AddUpdateForm({ rec, onAdded }: { rec: Recommendation; onAdded(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const size = useFormatFileSize();
  const action = useAction();
  const fileId = `rec-update-file-${useId().replace(/:/g, "")}`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [links, setLinks] = useState<DraftLink[]>([]);
  const [progress, setProgress] = useState("");
  const [files, setFiles] = useState<File[]>([]);
  const [picked, setPicked] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failedFiles, setFailedFiles] = useState<string[]>([]);
  const canProgress = rec.status === "approved" || rec.status === "in_progress";

  function checkFile(file: File): string | null {
    if (!ACCEPTED_EXTENSIONS.includes(extensionOf(file.name))) return t("validation.file_type", { field: t("fields.file"), types: ACCEPTED_EXTENSIONS.join(", ") });
    if (file.size > MAX_FILE_BYTES) return t("events.files.too_large", { size: size(MAX_FILE_BYTES) });
    if (file.size === 0) return t("events.files.empty");
    return null;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    setFailedFiles([]);
    const problems: Record<string, string> = {};
    if (!text.trim()) problems.text = t("validation.required", { field: t("followup.timeline.text") });
    links.forEach((l, i) => {
      if (!/^https?:\/\/\S+$/.test(l.url.trim())) problems[`links/${i}/url`] = t("followup.timeline.link_invalid");
    });
    const p = progress.trim() === "" ? null : parseWholeNumber(progress);
    if (progress.trim() !== "" && (p === null || p > 100)) problems.progress = t("followup.number_range", { field: t("followup.timeline.new_progress"), min: n(0), max: n(100) });
    setLocal(problems);
    if (Object.keys(problems).length > 0) return;

    const body: Record<string, unknown> = { text: text.trim() };
    const cleanLinks = links.map((l) => ({ url: l.url.trim(), ...(l.title.trim() ? { title: l.title.trim() } : {}) }));
    if (cleanLinks.length > 0) body.links = cleanLinks;
    if (p !== null && p !== rec.progress) body.progress = p;
    const result = await action.run(async () => {
      const update = await api.post<RecommendationUpdate>(`${recommendationPath(rec.id)}/updates`, body);
      const failed: string[] = [];
      for (const file of files) {
        try {
          await api.upload<EvidenceFile>(`${recommendationPath(rec.id)}/updates/${encodeURIComponent(update.id)}/files`, file, { fileName: file.name });
        } catch {
          failed.push(file.name);
        }
      }
      return { update, failed };
    });
    if (result.ok) {
      setFailedFiles(result.value.failed);
      setText("");
      setLinks([]);
      setProgress("");
      setFiles([]);
      setDone(t("followup.timeline.added"));
      if (result.value.failed.length === 0) setOpen(false);
      onAdded();
    }
  }

  const fieldError = (key: string) => local[key] ?? action.fieldError(key);

  return (
    <div className="add-update">
      <StatusMessage>{done}</StatusMessage>
      {failedFiles.length > 0 && (
        <div className="alert alert--error" role="alert">
          <p className="alert-title">{t("followup.timeline.files_failed")}</p>
          <ul>
            {failedFiles.map((name) => (
              <li key={name}>
                <bdi>{name}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
      {!open ? (
        <button type="button" className="button button--primary button--small" onClick={() => setOpen(true)}>
          {t("followup.timeline.add")}
        </button>
      ) : (
        <form className="form add-update-form" noValidate onSubmit={onSubmit} aria-labelledby="rec-add-update-title">
          <h3 id="rec-add-update-title" className="section-title">
            {t("followup.timeline.add")}
          </h3>
          <FormErrors
            error={action.error}
            shownFields={["text", "progress", ...links.map((_, i) => `links/${i}/url`)]}
            localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null}
          />
          <TextAreaField id="rec-update-text" label={t("followup.timeline.text")} value={text} onChange={setText} error={fieldError("text")} required dir="auto" rows={4} />
          <fieldset className="form-section evidence-links-editor">
            <legend>{t("followup.timeline.links")}</legend>
            {links.map((l, i) => (
              <div key={l.key} className="link-row">
                <TextField
                  id={`rec-update-link-${l.key}-url`}
                  label={t("followup.timeline.link_url")}
                  type="url"
                  dir="ltr"
                  value={l.url}
                  placeholder="https://"
                  onChange={(url) => setLinks(links.map((x) => (x.key === l.key ? { ...x, url } : x)))}
                  error={fieldError(`links/${i}/url`)}
                  required
                />
                <TextField
                  id={`rec-update-link-${l.key}-title`}
                  label={t("followup.timeline.link_title")}
                  dir="auto"
                  value={l.title}
                  onChange={(title) => setLinks(links.map((x) => (x.key === l.key ? { ...x, title } : x)))}
                />
                <button type="button" className="button button--link link-remove" onClick={() => setLinks(links.filter((x) => x.key !== l.key))}>
                  {t("followup.timeline.link_remove")}
                </button>
              </div>
            ))}
            <button type="button" className="button button--secondary button--small" onClick={() => setLinks([...links, { key: nextKey++, url: "", title: "" }])}>
              {t("followup.timeline.link_add")}
            </button>
          </fieldset>
          {canProgress && (
            <WholeNumberField
              id="rec-update-progress"
              label={t("followup.timeline.new_progress")}
              hint={t("followup.timeline.new_progress_hint")}
              min={0}
              max={100}
              className="field--narrow"
              value={progress}
              onChange={setProgress}
              error={fieldError("progress")}
            />
          )}
          <fieldset className="form-section">
            <legend>{t("followup.timeline.files")}</legend>
            {files.length > 0 && (
              <ul className="chosen-list">
                {files.map((f, i) => (
                  <li key={`${f.name}-${i}`} className="chosen-item">
                    <bdi>{f.name}</bdi>
                    <span className="row-secondary-inline">
                      <bdi>{size(f.size)}</bdi>
                    </span>
                    <button
                      type="button"
                      className="button button--link chosen-remove"
                      aria-label={t("followup.pickers.remove_named", { name: f.name })}
                      onClick={() => setFiles(files.filter((_, k) => k !== i))}
                    >
                      {t("followup.pickers.remove")}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className={["field", fileError ? "field--invalid" : ""].join(" ").trim()}>
              <label htmlFor={fileId} className="field-label">
                {t("followup.timeline.file_label")}
              </label>
              <div className="upload-row">
                <FilePicker
                  ref={fileInput}
                  id={fileId}
                  file={picked}
                  accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")}
                  invalid={!!fileError}
                  describedBy={`${fileId}-hint${fileError ? ` ${fileId}-error` : ""}`}
                  onChange={(chosen) => {
                    setPicked(chosen);
                    setFileError(chosen ? checkFile(chosen) : null);
                  }}
                />
                <button
                  type="button"
                  className="button button--secondary button--small"
                  disabled={!picked || !!fileError}
                  onClick={() => {
                    if (!picked) return;
                    setFiles([...files, picked]);
                    setPicked(null);
                    if (fileInput.current) fileInput.current.value = "";
                  }}
                >
                  {t("followup.timeline.file_add")}
                </button>
              </div>
              <p id={`${fileId}-hint`} className="field-hint">
                {t("followup.timeline.files_hint", { types: ACCEPTED_EXTENSIONS.join(t("common.list_separator")), size: size(MAX_FILE_BYTES) })}
              </p>
              {fileError && (
                <p id={`${fileId}-error`} className="field-error">
                  {fileError}
                </p>
              )}
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
              {action.pending ? t("common.saving") : t("followup.timeline.submit")}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setOpen(false)} disabled={action.pending}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
