import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { TextAreaField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { OrganisationWithCountry } from "./LibraryBits.js";
import type { CommentKind, Entry, EntryComment } from "./types.js";

const KINDS: CommentKind[] = ["comment", "question"];

/** Write a comment or a question (top level), or a reply (one level down, always a comment). */
function CommentForm({ path, parentId, onPosted, onCancel }: { path: string; parentId?: string; onPosted(comment: EntryComment): void; onCancel?(): void }) {
  const { t } = useTranslation();
  const id = `comment-${useId().replace(/:/g, "")}`;
  const action = useAction();
  const [kind, setKind] = useState<CommentKind>("comment");
  const [body, setBody] = useState("");
  const [missing, setMissing] = useState(false);
  const isReply = !!parentId;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!body.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    const payload = isReply ? { body: body.trim(), parentId } : { body: body.trim(), kind };
    const result = await action.run(() => api.post<EntryComment>(path, payload));
    if (result.ok) {
      setBody("");
      setKind("comment");
      onPosted(result.value);
    }
  }

  const label = isReply ? t("library.comments.reply_label") : t("library.comments.body_label");
  return (
    <form onSubmit={onSubmit} noValidate className={isReply ? "comment-form comment-form--reply" : "comment-form"}>
      <FormErrors error={action.error} shownFields={["body", "kind"]} localMessage={missing ? t("errors.VALIDATION_FAILED") : null} />
      {!isReply && (
        <fieldset className="comment-kind">
          <legend className="field-label">{t("library.comments.kind_legend")}</legend>
          <div className="comment-kind-options">
            {KINDS.map((k) => (
              <label key={k} className="comment-kind-option">
                <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
                <span>{t(`library.comments.kind.${k}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <TextAreaField
        id={`${id}-body`}
        label={label}
        value={body}
        onChange={(value) => {
          setBody(value);
          if (value.trim()) setMissing(false);
        }}
        dir="auto"
        rows={isReply ? 2 : 3}
        error={missing ? t("library.comments.empty_body") : action.fieldError("body")}
      />
      <div className="button-row">
        <button type="submit" className="button button--primary button--small" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("library.comments.posting") : isReply ? t("library.comments.post_reply") : t("library.comments.post")}
        </button>
        {onCancel && (
          <button type="button" className="button button--ghost button--small" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function CommentView({ comment, onDelete, onReply }: { comment: EntryComment; onDelete?(): void; onReply?(): void }) {
  const { t } = useTranslation();
  if (comment.deleted) {
    return (
      <article className="comment comment--removed">
        <p className="comment-removed">{t("library.comments.removed")}</p>
      </article>
    );
  }
  const name = comment.author?.name ?? t("library.comments.unknown_author");
  return (
    <article className="comment" aria-label={name}>
      <header className="comment-head">
        <span className="comment-author">{name}</span>
        <span className="comment-org">
          <OrganisationWithCountry organisation={comment.organisation} />
        </span>
        <DateTime value={comment.createdAt} mode="datetime" />
        {comment.kind === "question" && <Badge tone="info">{t("library.comments.kind.question")}</Badge>}
      </header>
      <p className="comment-body preserve-lines" dir="auto">
        {comment.body}
      </p>
      {(onReply || onDelete) && (
        <div className="comment-actions">
          {onReply && (
            <button type="button" className="button button--link comment-reply" aria-label={t("library.comments.reply_to", { name })} onClick={onReply}>
              {t("library.comments.reply")}
            </button>
          )}
          {onDelete && (
            <button type="button" className="button button--link comment-delete" onClick={onDelete} aria-label={t("library.comments.delete_named", { name })}>
              {t("library.comments.delete")}
            </button>
          )}
        </div>
      )}
    </article>
  );
}

/** The entry's questions and comments, oldest first, with one level of replies. */
export function EntryComments({ entry }: { entry: Entry }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const location = useLocation();
  const path = `/api/library/entries/${encodeURIComponent(entry.id)}/comments`;
  const comments = useApi<{ items: EntryComment[] }>(path);
  const { data, setData } = comments;
  const action = useAction();
  const [replyTo, setReplyTo] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<EntryComment | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = data?.items ?? [];
  const top = items.filter((c) => !c.parentId);
  const repliesOf = (id: string) => items.filter((c) => c.parentId === id);

  function posted(comment: EntryComment) {
    if (data) setData({ ...data, items: [...data.items, comment] });
    setReplyTo(null);
    setStatus(t("library.comments.posted"));
  }

  async function remove() {
    if (!deleting) return;
    const target = deleting;
    const result = await action.run(() => api.delete(`${path}/${encodeURIComponent(target.id)}`));
    setDeleting(null);
    if (result.ok) {
      if (data) setData({ ...data, items: data.items.map((c) => (c.id === target.id ? { ...c, deleted: true, body: "" } : c)) });
      setStatus(t("library.comments.deleted"));
    }
  }

  const canReply = entry.abilities.comment;
  return (
    <section className="card entry-comments" aria-labelledby="entry-comments-title">
      <h2 id="entry-comments-title" className="card-title">
        {t("library.comments.title")}
      </h2>
      <StatusMessage>{status}</StatusMessage>
      <FormErrors error={action.error} />
      {comments.error && <ErrorState error={comments.error} onRetry={comments.reload} />}
      {!data && comments.loading && <Loading />}
      {data && top.length === 0 && <EmptyState>{t("library.comments.none")}</EmptyState>}
      {top.length > 0 && (
        <ol className="comment-list">
          {top.map((comment) => {
            const replies = repliesOf(comment.id);
            const canReplyHere = canReply && !comment.deleted;
            return (
              <li key={comment.id} className="comment-thread">
                <CommentView
                  comment={comment}
                  onDelete={comment.abilities.delete && !comment.deleted ? () => setDeleting(comment) : undefined}
                  onReply={
                    canReplyHere && replyTo !== comment.id
                      ? () => {
                          setStatus(null);
                          setReplyTo(comment.id);
                        }
                      : undefined
                  }
                />
                {replies.length > 0 && (
                  <ol className="comment-replies" aria-label={t("library.comments.replies")}>
                    {replies.map((reply) => (
                      <li key={reply.id}>
                        <CommentView comment={reply} onDelete={reply.abilities.delete && !reply.deleted ? () => setDeleting(reply) : undefined} />
                      </li>
                    ))}
                  </ol>
                )}
                {canReplyHere && replyTo === comment.id && <CommentForm path={path} parentId={comment.id} onPosted={posted} onCancel={() => setReplyTo(null)} />}
              </li>
            );
          })}
        </ol>
      )}
      {canReply && data && <CommentForm path={path} onPosted={posted} />}
      {!user && (
        <p className="card-meta">
          <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>{t("library.comments.sign_in")}</Link>
        </p>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t("library.comments.delete_title")}
        confirmLabel={t("library.comments.delete")}
        danger
        pending={action.pending}
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(null)}
      >
        <p>{t("library.comments.delete_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
