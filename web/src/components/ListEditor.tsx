import type { ReactNode } from "react";
import { EmptyState } from "./Feedback.js";

/**
 * Rows edited in place, such as a programme's areas or a survey's questions: each row a group
 * named by `itemLabel` with its fields, then "move up" / "move down" (given `moveLabels`) and
 * "remove"; "add" at the end. Rows need a `key` of their own, kept while they move.
 */
export function ListEditor<T extends { key: number }>({
  className,
  legend,
  hint,
  hintId,
  error,
  empty,
  value,
  onChange,
  itemLabel,
  gridClassName = "form-grid form-grid--three",
  renderFields,
  rowNote,
  moveLabels,
  removeLabel,
  addLabel,
  newItem,
  canAdd = true,
}: {
  /** The classes of the outer fieldset ("field--invalid" is added while `error` is shown). */
  className: string;
  legend: string;
  hint?: ReactNode;
  /** Given, the hint has this id and describes the whole list. */
  hintId?: string;
  /** A message about the list as a whole. */
  error?: string;
  /** Said when there are no rows. */
  empty: string;
  value: T[];
  onChange(next: T[]): void;
  itemLabel(index: number): string;
  gridClassName?: string;
  /** The fields of one row; `change` merges a patch into it. */
  renderFields(item: T, index: number, change: (patch: Partial<T>) => void): ReactNode;
  /** Shown under a row's buttons. */
  rowNote?(item: T): ReactNode;
  /** The labels of the buttons that reorder the rows; none, the rows keep their order. */
  moveLabels?: { up: string; down: string };
  removeLabel(index: number): string;
  addLabel: string;
  newItem(): NoInfer<T>;
  canAdd?: boolean;
}) {
  const change = (index: number, patch: Partial<T>) => onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) => {
    const next = [...value];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  return (
    <fieldset className={[className, error ? "field--invalid" : ""].join(" ").trim()} aria-describedby={hintId}>
      <legend>{legend}</legend>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error">
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{" "}
          {error}
        </p>
      )}
      {value.length === 0 && <EmptyState>{empty}</EmptyState>}
      {value.map((item, i) => {
        const label = itemLabel(i);
        return (
          <fieldset key={item.key} className="editor-item" aria-label={label}>
            <legend>{label}</legend>
            <div className={gridClassName}>{renderFields(item, i, (patch) => change(i, patch))}</div>
            <div className="button-row">
              {moveLabels && (
                <>
                  <button type="button" className="button button--ghost button--small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`${moveLabels.up}: ${label}`}>
                    {moveLabels.up}
                  </button>
                  <button type="button" className="button button--ghost button--small" disabled={i === value.length - 1} onClick={() => move(i, 1)} aria-label={`${moveLabels.down}: ${label}`}>
                    {moveLabels.down}
                  </button>
                </>
              )}
              <button type="button" className="button button--danger-outline button--small" onClick={() => onChange(value.filter((_, k) => k !== i))}>
                {removeLabel(i)}
              </button>
            </div>
            {rowNote?.(item)}
          </fieldset>
        );
      })}
      <button type="button" className="button button--secondary" disabled={!canAdd} onClick={() => onChange([...value, newItem()])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
