import { useEffect, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { FormErrors } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { RichTextEditor } from "../../components/RichTextEditor.js";
import { useUnsavedChanges } from "../../components/useUnsavedChanges.js";
import { DecisionsEditor, decisionsBody, decisionsSignature, draftDecisions, rekeyDecisions, type DraftDecision } from "./DecisionsEditor.js";
import { MinutesView } from "./MinutesView.js";
import type { EventRecord, Minutes } from "./types.js";

interface StoredDraft {
  bodyHtml: string;
  decisions: DraftDecision[];
  /** The version the draft was started from. */
  version: number;
  savedAt: string;
}

// Kept for the tab's life only (sessionStorage): enough to survive a reload or a sign-in
// after the session expired, without leaving minutes on a shared computer.
const draftKey = (eventId: string) => `rifada:minutes-draft:${eventId}`;

function readDraft(eventId: string): StoredDraft | null {
  try {
    const text = sessionStorage.getItem(draftKey(eventId));
    return text ? (JSON.parse(text) as StoredDraft) : null;
  } catch {
    return null;
  }
}

function writeDraft(eventId: string, draft: StoredDraft | null): void {
  try {
    if (draft) sessionStorage.setItem(draftKey(eventId), JSON.stringify(draft));
    else sessionStorage.removeItem(draftKey(eventId));
  } catch {
    // Storage full or disabled: the form still holds the text.
  }
}

/**
 * Edit the minutes (rich text) and their decisions, saved together with the version they
 * started from. If someone else saved meanwhile, the typed text stays in the form and
 * their version is shown beside it, to merge or to overwrite knowingly.
 */
export function MinutesEditor({ event, minutes, onSaved, onCancel }: { event: EventRecord; minutes: Minutes; onSaved(minutes: Minutes): void; onCancel(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const action = useAction();
  const [initial, setInitial] = useState(() => ({ body: minutes.bodyHtml, decisions: decisionsSignature(draftDecisions(minutes.decisions, localName)) }));
  const [body, setBody] = useState(minutes.bodyHtml);
  const [decisions, setDecisions] = useState<DraftDecision[]>(() => draftDecisions(minutes.decisions, localName));
  const [version, setVersion] = useState(minutes.version);
  const [latest, setLatest] = useState<Minutes | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [stored, setStored] = useState<StoredDraft | null>(() => {
    const draft = readDraft(event.id);
    if (!draft) return null;
    const same = draft.bodyHtml === minutes.bodyHtml && decisionsSignature(draft.decisions) === decisionsSignature(draftDecisions(minutes.decisions, localName));
    return same ? null : draft;
  });
  const [confirm, setConfirm] = useState<"cancel" | "take_theirs" | null>(null);

  const isDirty = body !== initial.body || decisionsSignature(decisions) !== initial.decisions;
  useUnsavedChanges(isDirty, t("events.minutes.leave_warning"));

  // Keep a copy of the typed text for this tab, a moment after each change.
  useEffect(() => {
    if (!isDirty) return;
    const timer = setTimeout(() => writeDraft(event.id, { bodyHtml: body, decisions, version, savedAt: new Date().toISOString() }), 800);
    return () => clearTimeout(timer);
  }, [body, decisions, version, isDirty, event.id]);

  const shownFields = useMemo(
    () => ["bodyHtml", ...decisions.flatMap((_, i) => ["textAr", "textEn", "reference", "responsibleOrganisationId", "dueOn", "id"].map((k) => `decisions.${i}.${k}`))],
    [decisions],
  );
  const fieldError = (i: number, key: string) => localErrors[`decisions.${i}.${key}`] ?? action.fieldError(`decisions.${i}.${key}`);

  async function save(baseVersion: number, rows: DraftDecision[]) {
    const local: Record<string, string> = {};
    rows.forEach((d, i) => {
      if (!d.textAr.trim() && !d.textEn.trim()) local[`decisions.${i}.textAr`] = t("events.decisions.text_required", { n: n(i + 1) });
    });
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const path = `/api/events/${encodeURIComponent(event.id)}/minutes`;
    const result = await action.run(() => api.put<Minutes>(path, { bodyHtml: body, version: baseVersion, decisions: decisionsBody(rows) }));
    if (result.ok) {
      writeDraft(event.id, null);
      onSaved(result.value);
      return;
    }
    if (result.error.code === "MINUTES_CONFLICT") {
      // Show what is saved now; the form keeps the user's text untouched.
      try {
        setLatest(await api.get<Minutes>(path));
      } catch {
        setLatest(null);
      }
    }
  }

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void save(version, decisions);
  }

  /** Save over the other version: decisions they removed are saved as new ones. */
  function saveOver() {
    if (!latest) return;
    const ids = new Set(latest.decisions.map((d) => d.id));
    const rows = decisions.map((d) => (d.id && !ids.has(d.id) ? { ...d, id: undefined } : d));
    setDecisions(rows);
    setVersion(latest.version);
    setLatest(null);
    void save(latest.version, rows);
  }

  function takeTheirs() {
    if (!latest) return;
    const rows = draftDecisions(latest.decisions, localName);
    setBody(latest.bodyHtml);
    setDecisions(rows);
    setInitial({ body: latest.bodyHtml, decisions: decisionsSignature(rows) });
    setVersion(latest.version);
    setLatest(null);
    action.clear();
    setConfirm(null);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="form form--wide minutes-editor">
      {stored && (
        <div className="alert alert--info" role="region" aria-label={t("events.minutes.draft_found_title")}>
          <p className="alert-title">{t("events.minutes.draft_found_title")}</p>
          <p>
            {t("events.minutes.draft_found_body")} <DateTime value={stored.savedAt} mode="datetime" />
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button--primary button--small"
              onClick={() => {
                setBody(stored.bodyHtml);
                setDecisions(rekeyDecisions(stored.decisions));
                setStored(null);
              }}
            >
              {t("events.minutes.draft_restore")}
            </button>
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => {
                writeDraft(event.id, null);
                setStored(null);
              }}
            >
              {t("events.minutes.draft_discard")}
            </button>
          </div>
        </div>
      )}
      <FormErrors
        error={action.error}
        shownFields={shownFields}
        localMessage={Object.keys(localErrors).length > 0 ? t("errors.VALIDATION_FAILED") : null}
      />
      {latest && (
        <section className="conflict" aria-labelledby="minutes-conflict-title">
          <h3 id="minutes-conflict-title" className="section-title">
            {t("events.minutes.conflict_title")}
          </h3>
          <p className="card-meta">
            {latest.updatedBy && latest.updatedAt ? (
              <>
                {t("events.minutes.saved_by", { name: latest.updatedBy })} <DateTime value={latest.updatedAt} mode="datetime" timeZone={event.timeZone} />
              </>
            ) : null}
          </p>
          <div className="conflict-body">
            <MinutesView minutes={latest} />
          </div>
          <div className="button-row">
            <button type="button" className="button button--primary button--small" disabled={action.pending} onClick={saveOver}>
              {t("events.minutes.conflict_save_mine")}
            </button>
            <button type="button" className="button button--secondary button--small" onClick={() => setConfirm("take_theirs")}>
              {t("events.minutes.conflict_take_theirs")}
            </button>
          </div>
        </section>
      )}
      <RichTextEditor
        id="minutes-body"
        label={t("events.minutes.body")}
        hint={t("events.minutes.body_hint")}
        placeholder={t("events.minutes.body_placeholder")}
        value={body}
        onChange={setBody}
        error={action.fieldError("bodyHtml")}
      />
      <DecisionsEditor value={decisions} onChange={setDecisions} fieldError={fieldError} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
          {action.pending ? t("common.saving") : t("events.minutes.save")}
        </button>
        <button type="button" className="button button--secondary" onClick={() => (isDirty ? setConfirm("cancel") : onCancel())}>
          {t("common.cancel")}
        </button>
        {isDirty && <span className="form-note unsaved-note">{t("events.minutes.unsaved")}</span>}
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "take_theirs" ? t("events.minutes.take_theirs_title") : t("events.minutes.discard_title")}
        confirmLabel={confirm === "take_theirs" ? t("events.minutes.conflict_take_theirs") : t("events.minutes.discard")}
        danger
        onConfirm={() => {
          if (confirm === "take_theirs") takeTheirs();
          else {
            writeDraft(event.id, null);
            setConfirm(null);
            onCancel();
          }
        }}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm === "take_theirs" ? t("events.minutes.take_theirs_body") : t("events.minutes.discard_body")}</p>
      </ConfirmDialog>
    </form>
  );
}
