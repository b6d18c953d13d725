import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

/** The buttons under a form: submit ("Saving…" meanwhile), cancel, and a note of unsaved changes. */
export function FormActions({
  submitLabel,
  pending,
  cancelTo,
  unsavedNote,
  children,
}: {
  submitLabel: string;
  pending: boolean;
  cancelTo: string;
  /** Shown while the form holds unsaved changes. */
  unsavedNote?: string | null;
  /** More notes after the buttons. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-actions">
      <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? t("common.saving") : submitLabel}
      </button>
      <Link to={cancelTo} className="button button--secondary">
        {t("common.cancel")}
      </Link>
      {unsavedNote && <span className="form-note unsaved-note">{unsavedNote}</span>}
      {children}
    </div>
  );
}
