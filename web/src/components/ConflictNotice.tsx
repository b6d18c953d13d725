import type { ReactNode } from "react";

/**
 * Shown when someone else saved the record while it was being edited: what is saved now
 * (`children`), then "save mine over it" and "take theirs".
 */
export function ConflictNotice({
  id,
  title,
  children,
  saveMineLabel,
  takeTheirsLabel,
  pending,
  onSaveMine,
  onTakeTheirs,
}: {
  /** The heading's id, which names the region. */
  id: string;
  title: string;
  children: ReactNode;
  saveMineLabel: string;
  takeTheirsLabel: string;
  pending: boolean;
  onSaveMine(): void;
  onTakeTheirs(): void;
}) {
  return (
    <section className="conflict" aria-labelledby={id}>
      <h2 id={id} className="section-title">
        {title}
      </h2>
      {children}
      <div className="button-row">
        <button type="button" className="button button--primary button--small" disabled={pending} onClick={onSaveMine}>
          {saveMineLabel}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={onTakeTheirs}>
          {takeTheirsLabel}
        </button>
      </div>
    </section>
  );
}
