import { useState } from "react";
import { useTranslation } from "react-i18next";
import { transitionNeedsReason, type RecommendationStatus } from "../../../../common/followup.js";
import { api, type ApiError } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { parseWholeNumber } from "../../components/digits.js";
import { TextAreaField } from "../../components/Field.js";
import { FormErrors, StatusMessage } from "../../components/Feedback.js";
import { formatNumber } from "../../../../common/dates.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useFormatNumber } from "../../components/format.js";
import { WholeNumberField } from "../../components/WholeNumberField.js";
import { ProgressBar, StatusBadge, useFormatPercent } from "./FollowupBits.js";
import type { Recommendation } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

/** Whether a failed save was refused because someone changed the recommendation since it was read. */
export const isConflict = (error: ApiError | null | undefined) => error?.code === "RECOMMENDATION_CONFLICT";

/**
 * Said when a save was refused because someone else changed the recommendation:
 * what the user entered stays where it is; "Reload" fetches their version so the
 * save can be tried again over it.
 */
export function ConflictNotice({ onReload }: { onReload(): void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--warning conflict-notice" role="alert">
      <p className="alert-title">{t("followup.rec.conflict_title")}</p>
      <p>{t("followup.rec.conflict_body")}</p>
      <button type="button" className="button button--secondary button--small" onClick={onReload}>
        {t("followup.rec.conflict_reload")}
      </button>
    </div>
  );
}

/** The button text for a move from one status to another ("Approve", "Reopen"…). */
export function useTransitionLabel() {
  const { t } = useTranslation();
  return (from: RecommendationStatus, to: RecommendationStatus) =>
    transitionNeedsReason(from, to) && to !== "dropped" ? t("followup.transition.reopen") : t(`followup.transition.${to as Exclude<RecommendationStatus, "proposed">}`);
}

/**
 * The status and the moves the server allows this user (`abilities.transitions`).
 * Dropping and reopening ask for a reason in a dialog, which stays open (with the
 * reason) when the server refuses.
 */
export function StatusPanel({ rec, onSaved, onReload }: { rec: Recommendation; onSaved(rec: Recommendation): void; onReload(): void }) {
  const { t } = useTranslation();
  const label = useTransitionLabel();
  const action = useAction();
  const [asking, setAsking] = useState<RecommendationStatus | null>(null);
  const [reason, setReason] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function move(to: RecommendationStatus, withReason?: string) {
    setDone(null);
    const body: Record<string, unknown> = { updatedAt: rec.updatedAt, status: to };
    if (withReason !== undefined) body.reason = withReason.trim();
    const result = await action.run(() => api.patch<Recommendation>(recommendationPath(rec.id), body));
    if (result.ok) {
      onSaved(result.value);
      setAsking(null);
      setReason("");
      setDone(t("followup.rec.status_changed", { status: t(`followup.status.${result.value.status}`) }));
    }
  }

  function start(to: RecommendationStatus) {
    action.clear();
    setLocalError(null);
    if (transitionNeedsReason(rec.status, to)) setAsking(to);
    else void move(to);
  }

  function confirm() {
    if (!asking) return;
    if (!reason.trim()) {
      setLocalError(t("followup.rec.reason_required"));
      return;
    }
    setLocalError(null);
    void move(asking, reason);
  }

  const transitions = rec.abilities.transitions;
  const reasonError = localError ?? action.fieldError("reason");
  return (
    <section className="card" aria-labelledby="rec-status-title">
      <h2 id="rec-status-title" className="card-title">
        {t("followup.rec.status_title")}
      </h2>
      <p className="status-line">
        <StatusBadge status={rec.status} />
        {rec.statusReason && (
          <span className="row-secondary-inline">
            {t("followup.rec.reason_label")}: <span dir="auto">{rec.statusReason}</span>
          </span>
        )}
      </p>
      <StatusMessage>{done}</StatusMessage>
      {!asking && isConflict(action.error) ? (
        <ConflictNotice
          onReload={() => {
            action.clear();
            onReload();
          }}
        />
      ) : (
        !asking && <FormErrors error={action.error} />
      )}
      {transitions.length > 0 ? (
        <div className="button-row" role="group" aria-label={t("followup.rec.change_status")}>
          {transitions.map((to) => (
            <button
              key={to}
              type="button"
              className={to === "dropped" ? "button button--danger-outline button--small" : "button button--secondary button--small"}
              disabled={action.pending}
              onClick={() => start(to)}
            >
              {label(rec.status, to)}
            </button>
          ))}
        </div>
      ) : (
        <p className="card-meta">{t("followup.rec.no_transitions")}</p>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={asking ? t("followup.rec.reason_dialog_title", { action: label(rec.status, asking) }) : ""}
        confirmLabel={asking ? label(rec.status, asking) : ""}
        danger={asking === "dropped"}
        pending={action.pending}
        onConfirm={confirm}
        onCancel={() => {
          setAsking(null);
          setLocalError(null);
          action.clear();
        }}
      >
        <p>{asking === "dropped" ? t("followup.rec.reason_drop_help") : t("followup.rec.reason_reopen_help")}</p>
        {isConflict(action.error) ? (
          <ConflictNotice
            onReload={() => {
              action.clear();
              onReload();
            }}
          />
        ) : (
          <FormErrors error={localError ? null : action.error} shownFields={["reason"]} />
        )}
        <TextAreaField id="rec-status-reason" label={t("followup.rec.reason_label")} value={reason} onChange={setReason} error={reasonError} required dir="auto" maxLength={2000} />
      </ConfirmDialog>
    </section>
  );
}

/**
 * Progress (0–100) as a slider and a number (in the user's digits), saved on request; only for
 * those who may report progress (`abilities.progress`), and only while approved or in progress.
 * A number out of range is refused here, naming the field, and nothing is sent.
 */
export function ProgressPanel({ rec, onSaved, onReload }: { rec: Recommendation; onSaved(rec: Recommendation): void; onReload(): void }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const percent = useFormatPercent();
  const { digits } = useDisplaySettings();
  const action = useAction();
  // What the user typed or chose; until then the field follows the recommendation (which other changes may move).
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(rec.progress);
  const typed = parseWholeNumber(text);
  const valid = typed !== null && typed <= 100 ? typed : null;
  const value = valid ?? rec.progress;
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const canChange = rec.abilities.progress && (rec.status === "approved" || rec.status === "in_progress");
  const edit = (next: string) => {
    setDraft(next);
    setLocalError(null);
  };

  async function save() {
    setDone(null);
    if (valid === null) {
      setLocalError(t("followup.number_range", { field: t("followup.rec.progress_number"), min: n(0), max: n(100) }));
      return;
    }
    const result = await action.run(() => api.patch<Recommendation>(recommendationPath(rec.id), { updatedAt: rec.updatedAt, progress: valid }));
    if (result.ok) {
      onSaved(result.value);
      setDraft(null);
      setDone(t("followup.rec.progress_saved", { progress: percent(result.value.progress) }));
    }
  }

  return (
    <section className="card" aria-labelledby="rec-progress-title">
      <h2 id="rec-progress-title" className="card-title">
        {t("followup.fields.progress")}
      </h2>
      <ProgressBar value={rec.progress} label={t("followup.fields.progress")} tone={rec.status === "done" ? "done" : rec.overdue ? "late" : undefined} />
      {rec.abilities.progress && !canChange && <p className="card-meta">{t("followup.rec.progress_locked")}</p>}
      {canChange && (
        <form
          className="progress-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <StatusMessage>{done}</StatusMessage>
          {isConflict(action.error) ? (
            <ConflictNotice
              onReload={() => {
                action.clear();
                onReload();
              }}
            />
          ) : (
            <FormErrors error={action.error} shownFields={["progress"]} localMessage={localError ? t("errors.VALIDATION_FAILED") : null} />
          )}
          <div className="progress-inputs">
            <div className="field progress-slider">
              <label htmlFor="rec-progress-range" className="field-label">
                {t("followup.rec.progress_slider")}
              </label>
              <input
                id="rec-progress-range"
                type="range"
                min={0}
                max={100}
                step={5}
                value={value}
                aria-valuetext={percent(value)}
                onChange={(e) => edit(formatNumber(Number(e.target.value), digits))}
              />
            </div>
            <WholeNumberField
              id="rec-progress-number"
              label={t("followup.rec.progress_number")}
              className="progress-number"
              min={0}
              max={100}
              value={text}
              onChange={edit}
              error={localError ?? action.fieldError("progress")}
            />
            <button type="submit" className="button button--primary button--small" disabled={action.pending || valid === rec.progress} aria-busy={action.pending || undefined}>
              {action.pending ? t("common.saving") : t("followup.rec.progress_save")}
            </button>
          </div>
          <p className="field-hint">{t("followup.rec.progress_hint", { from: n(rec.progress) })}</p>
        </form>
      )}
    </section>
  );
}
