import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import "./FormDialog.css";

/**
 * A modal form on <dialog> (like ConfirmDialog, but holding fields): the browser traps
 * focus and closes it on Escape; the first field gets the focus when it opens.
 */
export function FormDialog({
  open,
  title,
  children,
  submitLabel,
  pending = false,
  onSubmit,
  onCancel,
  wide = false,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  pending?: boolean;
  onSubmit(): void;
  onCancel(): void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      if (typeof dialog.showModal === "function") dialog.showModal();
      else dialog.setAttribute("open", "");
      dialog.querySelector<HTMLElement>("input, textarea, select")?.focus();
    } else if (!open && dialog.open) {
      if (typeof dialog.close === "function") dialog.close();
      else dialog.removeAttribute("open");
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className={wide ? "dialog dialog--wide" : "dialog"}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (!pending) onCancel();
      }}
    >
      <form
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{open && children}</div>
        <div className="dialog-actions">
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending || undefined}>
            {pending ? t("common.working") : submitLabel}
          </button>
          <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
            {t("common.cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
