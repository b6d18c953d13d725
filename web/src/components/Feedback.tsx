import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ApiError } from "../api/client.js";

/**
 * The form's error summary. The live region is always in the page, so screen
 * readers announce an error as soon as it appears. Field messages that have no
 * field on screen (`shownFields`) are listed here so nothing the server said is lost.
 */
export function FormErrors({
  error,
  shownFields = [],
  localMessage,
}: {
  error: ApiError | null;
  shownFields?: string[];
  /** A message found before sending (e.g. passwords differ). */
  localMessage?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const regionRef = useRef<HTMLDivElement>(null);
  // After a refused submit, take the keyboard to the first field to fix (or to the message).
  useEffect(() => {
    if (!error && !localMessage) return;
    const region = regionRef.current;
    const form = region?.closest("form");
    const invalid = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) invalid.focus();
    else region?.querySelector<HTMLElement>("[role=alert]")?.focus();
  }, [error, localMessage]);
  const orphans = error ? error.fields.filter((f) => !shownFields.includes(f.field)) : [];
  const fieldLabel = (field: string) => (i18n.exists(`fields.${field}`) ? t(`fields.${field}` as "fields.email") : field);
  const message = localMessage ?? (error ? t(`errors.${error.code}`) : null);
  return (
    <div className="live-region" aria-live="assertive" aria-atomic="true" ref={regionRef}>
      {message && (
        <div className="alert alert--error" role="alert" tabIndex={-1}>
          <p className="alert-title">{message}</p>
          {orphans.length > 0 && (
            <ul>
              {orphans.map((f) => (
                <li key={f.field}>
                  {fieldLabel(f.field)}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** A polite announcement of a success ("Saved."). */
export function StatusMessage({ children }: { children?: ReactNode }) {
  return (
    <div className="live-region" role="status" aria-live="polite">
      {children && <div className="alert alert--success">{children}</div>}
    </div>
  );
}

/** A page-level load error, with a retry button. */
export function ErrorState({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert-title">{t(`errors.${error.code}`)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {t("common.retry")}
        </button>
      )}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t("common.loading")}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}

export function Badge({ tone = "neutral", children }: { tone?: "neutral" | "success" | "warning" | "danger" | "info"; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
