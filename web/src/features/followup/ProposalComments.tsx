import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { TextAreaField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import type { Proposal, ProposalComment } from "./types.js";

export const proposalPath = (id: string) => `/api/proposals/${encodeURIComponent(id)}`;

/**
 * The comments on one proposal, oldest first, and a box to add one for those who may. A comment
 * is removed (after confirming) by its writer, an admin of the meeting's host, or a coordinator —
 * whoever the server marks with `abilities.delete`.
 */
export function ProposalComments({ proposal, onCount }: { proposal: Proposal; onCount(count: number): void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const comments = useApi<{ items: ProposalComment[] }>(`${proposalPath(proposal.id)}/comments`);
  const action = useAction();
  const removal = useAction();
  const [body, setBody] = useState("");
  const [local, setLocal] = useState<string | null>(null);
  const [removing, setRemoving] = useState<ProposalComment | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const fieldId = `proposal-${proposal.id}-comment`;
  const authorName = (c: ProposalComment) => c.author?.name ?? t("followup.proposals.former_user");

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaid(null);
    if (!body.trim()) {
      setLocal(t("followup.proposals.comment_empty"));
      return;
    }
    setLocal(null);
    const result = await action.run(() => api.post<ProposalComment>(`${proposalPath(proposal.id)}/comments`, { body: body.trim() }));
    if (result.ok && comments.data) {
      const items = [...comments.data.items, result.value];
      comments.setData({ items });
      onCount(items.length);
      setBody("");
    }
  }

  async function remove() {
    if (!removing) return;
    const result = await removal.run(() => api.delete(`${proposalPath(proposal.id)}/comments/${encodeURIComponent(removing.id)}`));
    if (!result.ok) return;
    setRemoving(null);
    const items = (comments.data?.items ?? []).filter((c) => c.id !== removing.id);
    comments.setData({ items });
    onCount(items.length);
    setSaid(t("followup.proposals.comment_deleted"));
  }

  return (
    <div className="proposal-comments">
      <StatusMessage>{said}</StatusMessage>
      {comments.error && <ErrorState error={comments.error} onRetry={comments.reload} />}
      {!comments.data && comments.loading && <Loading />}
      {comments.data && comments.data.items.length === 0 && <p className="card-meta">{t("followup.proposals.no_comments")}</p>}
      {comments.data && comments.data.items.length > 0 && (
        <ol className="comment-list">
          {comments.data.items.map((c) => (
            <li key={c.id} className="comment">
              <p className="comment-head">
                <span className="comment-author">{c.author ? <bdi>{c.author.name}</bdi> : t("followup.proposals.former_user")}</span>
                <span className="row-secondary-inline">{localName(c.organisation)}</span>
                <span className="row-secondary-inline">
                  <DateTime value={c.createdAt} mode="datetime" />
                </span>
                {c.abilities?.delete && (
                  <button
                    type="button"
                    className="button button--link comment-delete"
                    aria-label={t("followup.proposals.comment_delete_named", { name: authorName(c) })}
                    onClick={() => {
                      removal.clear();
                      setRemoving(c);
                    }}
                  >
                    {t("followup.proposals.comment_delete")}
                  </button>
                )}
              </p>
              <p className="comment-body preserve-lines" dir="auto">
                {c.body}
              </p>
            </li>
          ))}
        </ol>
      )}
      {proposal.abilities.comment && (
        <form className="comment-form" noValidate onSubmit={onSubmit}>
          <FormErrors error={action.error} shownFields={["body"]} />
          <TextAreaField id={fieldId} label={t("followup.proposals.comment_label")} value={body} onChange={setBody} error={local ?? action.fieldError("body")} dir="auto" rows={2} />
          <button type="submit" className="button button--secondary button--small" disabled={action.pending} aria-busy={action.pending || undefined}>
            {t("followup.proposals.comment_submit")}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("followup.proposals.comment_delete_title")}
        confirmLabel={t("followup.proposals.comment_delete")}
        danger
        pending={removal.pending}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        {removing && (
          <blockquote className="comment-quote preserve-lines" dir="auto">
            {removing.body}
          </blockquote>
        )}
        <p>{t("followup.proposals.comment_delete_body")}</p>
        <FormErrors error={removal.error} />
      </ConfirmDialog>
    </div>
  );
}
