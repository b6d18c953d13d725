import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { ActionStatus } from "../../../../common/followup.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateInput } from "../../components/DateInput.js";
import { TextAreaField, TextField } from "../../components/Field.js";
import { EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { ActionStatusBadge, DueDate, OverdueMark, RecommendationLink } from "./FollowupBits.js";
import { OrgPicker, PersonOfOrgSelect, type ChosenOrg } from "./Pickers.js";
import type { FollowupAction, RecommendationActions } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

const actionPath = (id: string) => `/api/actions/${encodeURIComponent(id)}`;

/** One action: what, who, by when, its state, and the buttons its abilities allow. */
export function ActionItem({
  item,
  onChanged,
  onRemoved,
  onEdit,
  showRecommendation = false,
}: {
  item: FollowupAction;
  onChanged(next: FollowupAction): void;
  onRemoved?(id: string): void;
  onEdit?(item: FollowupAction): void;
  showRecommendation?: boolean;
}) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const pick = usePickLocal();
  const action = useAction();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const title = pick(item.titleAr, item.titleEn);

  async function setStatus(status: ActionStatus) {
    setSaid(null);
    const result = await action.run(() => api.patch<FollowupAction>(actionPath(item.id), { status }));
    if (result.ok) {
      onChanged(result.value);
      setSaid(t("followup.actions.status_changed", { title, status: t(`followup.action_status.${status}`) }));
    }
  }

  async function remove() {
    const result = await action.run(() => api.delete(actionPath(item.id)));
    setConfirmDelete(false);
    if (result.ok) onRemoved?.(item.id);
  }

  return (
    <li className={["action-item", item.overdue ? "action-item--overdue" : "", `action-item--${item.status}`].join(" ").trim()}>
      <div className="action-main">
        <p className="action-title" dir="auto">
          {title}
        </p>
        {showRecommendation && (
          <p className="action-rec">
            <RecommendationLink rec={item.recommendation} />
          </p>
        )}
        <p className="row-secondary">
          {localName(item.organisation)}
          {item.person && (
            <>
              {t("common.list_separator")}
              {localName(item.person)}
            </>
          )}
        </p>
        <p className="action-meta">
          <ActionStatusBadge status={item.status} />
          <OverdueMark overdue={item.overdue} days={item.daysOverdue} />
          <span className="row-secondary-inline">
            {t("followup.fields.due_on")}: <DueDate value={item.dueOn} />
          </span>
        </p>
        {item.note && (
          <p className="action-note preserve-lines" dir="auto">
            {item.note}
          </p>
        )}
        <StatusMessage>{said}</StatusMessage>
        <FormErrors error={action.error} />
      </div>
      {(item.abilities.update || item.abilities.delete) && (
        <div className="action-buttons">
          {item.abilities.update && item.status === "open" && (
            <>
              <button type="button" className="button button--secondary button--small" disabled={action.pending} onClick={() => void setStatus("done")} aria-label={`${t("followup.actions.mark_done")}: ${title}`}>
                {t("followup.actions.mark_done")}
              </button>
              <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => void setStatus("cancelled")} aria-label={`${t("followup.actions.cancel")}: ${title}`}>
                {t("followup.actions.cancel")}
              </button>
            </>
          )}
          {item.abilities.update && item.status !== "open" && (
            <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={() => void setStatus("open")} aria-label={`${t("followup.actions.reopen")}: ${title}`}>
              {t("followup.actions.reopen")}
            </button>
          )}
          {item.abilities.update && onEdit && (
            <button type="button" className="button button--ghost button--small" onClick={() => onEdit(item)} aria-label={`${t("common.edit")}: ${title}`}>
              {t("common.edit")}
            </button>
          )}
          {item.abilities.delete && onRemoved && (
            <button type="button" className="button button--link action-delete" onClick={() => setConfirmDelete(true)} aria-label={`${t("followup.actions.delete")}: ${title}`}>
              {t("followup.actions.delete")}
            </button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t("followup.actions.delete_title", { title })}
        confirmLabel={t("followup.actions.delete")}
        danger
        pending={action.pending}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>{t("followup.actions.delete_body")}</p>
      </ConfirmDialog>
    </li>
  );
}

/** Create or edit an action: its title in both languages, the organisation (and optionally a person of it), the due date and a note. */
function ActionForm({ recommendationId, existing, onSaved, onCancel }: { recommendationId: string; existing?: FollowupAction; onSaved(item: FollowupAction): void; onCancel(): void }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const action = useAction();
  const [titleAr, setTitleAr] = useState(existing?.titleAr ?? "");
  const [titleEn, setTitleEn] = useState(existing?.titleEn ?? "");
  const [org, setOrg] = useState<ChosenOrg | null>(existing ? existing.organisation : null);
  const [personId, setPersonId] = useState(existing?.person?.id ?? "");
  const [personLabel, setPersonLabel] = useState(existing?.person ? localName(existing.person) : "");
  const [dueOn, setDueOn] = useState<string | null>(existing?.dueOn ?? null);
  const [note, setNote] = useState(existing?.note ?? "");
  const [local, setLocal] = useState<Record<string, string>>({});
  const prefix = existing ? `action-${existing.id}` : "action-new";

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!titleAr.trim() && !titleEn.trim()) problems.titleAr = t("followup.actions.title_required");
    if (!org) problems.organisationId = t("validation.required", { field: t("followup.actions.organisation") });
    setLocal(problems);
    if (Object.keys(problems).length > 0 || !org) return;
    const body: Record<string, unknown> = { titleAr: titleAr.trim(), titleEn: titleEn.trim(), organisationId: org.id };
    if (existing) {
      body.personId = personId || null;
      body.dueOn = dueOn;
      body.note = note.trim() || null;
    } else {
      if (personId) body.personId = personId;
      if (dueOn) body.dueOn = dueOn;
      if (note.trim()) body.note = note.trim();
    }
    const result = await action.run(() =>
      existing ? api.patch<FollowupAction>(actionPath(existing.id), body) : api.post<FollowupAction>(`${recommendationPath(recommendationId)}/actions`, body),
    );
    if (result.ok) onSaved(result.value);
  }

  const error = (key: string) => local[key] ?? action.fieldError(key);
  return (
    <form className="form action-form" noValidate onSubmit={onSubmit} aria-labelledby={`${prefix}-title`}>
      <h3 id={`${prefix}-title`} className="section-title">
        {existing ? t("followup.actions.edit_title") : t("followup.actions.new_title")}
      </h3>
      <FormErrors
        error={action.error}
        shownFields={["titleAr", "titleEn", "organisationId", "personId", "dueOn", "note"]}
        localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null}
      />
      <div className="form-grid">
        <TextField id={`${prefix}-titleAr`} label={t("followup.actions.title_ar")} dir="rtl" lang="ar" value={titleAr} onChange={setTitleAr} error={error("titleAr")} maxLength={500} />
        <TextField id={`${prefix}-titleEn`} label={t("followup.actions.title_en")} dir="ltr" lang="en" value={titleEn} onChange={setTitleEn} error={error("titleEn")} maxLength={500} />
        <OrgPicker
          id={`${prefix}-organisation`}
          label={t("followup.actions.organisation")}
          value={org}
          onChange={(next) => {
            setOrg(next);
            setPersonId("");
            setPersonLabel("");
          }}
          error={error("organisationId")}
          required
        />
        <PersonOfOrgSelect
          id={`${prefix}-person`}
          label={t("followup.actions.person")}
          organisationCode={org?.code ?? null}
          value={personId}
          chosenLabel={personLabel}
          onChange={(id, name) => {
            setPersonId(id);
            setPersonLabel(name);
          }}
          error={error("personId")}
        />
        <div className="form-grid-full">
          <DateInput id={`${prefix}-dueOn`} label={t("followup.fields.due_on")} value={dueOn} onChange={setDueOn} error={error("dueOn")} />
        </div>
        <TextAreaField id={`${prefix}-note`} label={t("followup.actions.note")} dir="auto" value={note} onChange={setNote} error={error("note")} className="form-grid-full" />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.saving") : existing ? t("common.save_changes") : t("followup.actions.create")}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={action.pending}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** The recommendation's actions, with create, edit, done/cancel/reopen and delete as the abilities allow. */
export function ActionsSection({ recommendationId, onChanged }: { recommendationId: string; onChanged?(): void }) {
  const { t } = useTranslation();
  const resource = useApi<RecommendationActions>(`${recommendationPath(recommendationId)}/actions`);
  const [editing, setEditing] = useState<FollowupAction | "new" | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const data = resource.data;
  const replace = (next: FollowupAction) => {
    if (!data) return;
    const exists = data.items.some((a) => a.id === next.id);
    resource.setData({ ...data, items: exists ? data.items.map((a) => (a.id === next.id ? next : a)) : [...data.items, next] });
    onChanged?.();
  };

  return (
    <section className="card" aria-labelledby="rec-actions-title">
      <div className="card-header">
        <h2 id="rec-actions-title" className="card-title">
          {t("followup.actions.title")}
        </h2>
        {data?.abilities.create && editing === null && (
          <button type="button" className="button button--secondary button--small" onClick={() => setEditing("new")}>
            {t("followup.actions.add")}
          </button>
        )}
      </div>
      <StatusMessage>{said}</StatusMessage>
      {resource.error && !data && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.loading && <Loading />}
      {data && data.items.length === 0 && editing === null && <EmptyState>{t("followup.actions.none")}</EmptyState>}
      {data && data.items.length > 0 && (
        <ul className="action-list">
          {data.items.map((item) =>
            editing !== "new" && editing?.id === item.id ? (
              <li key={item.id} className="action-item action-item--editing">
                <ActionForm
                  recommendationId={recommendationId}
                  existing={item}
                  onCancel={() => setEditing(null)}
                  onSaved={(next) => {
                    replace(next);
                    setEditing(null);
                    setSaid(t("followup.actions.saved"));
                  }}
                />
              </li>
            ) : (
              <ActionItem
                key={item.id}
                item={item}
                onChanged={replace}
                onEdit={(a) => setEditing(a)}
                onRemoved={(id) => {
                  resource.setData({ ...data, items: data.items.filter((a) => a.id !== id) });
                  setSaid(t("followup.actions.deleted"));
                  onChanged?.();
                }}
              />
            ),
          )}
        </ul>
      )}
      {editing === "new" && (
        <ActionForm
          recommendationId={recommendationId}
          onCancel={() => setEditing(null)}
          onSaved={(next) => {
            replace(next);
            setEditing(null);
            setSaid(t("followup.actions.created"));
          }}
        />
      )}
    </section>
  );
}
