import type { ReactNode } from "react";

/** A column heading; a numeric column's cells line up on the end side. */
export type Column = string | { label: string; numeric: true };

/** A table of rows under column headings, in a scrolling box; dimmed while a new page loads (`isStale`). */
export function DataTable({
  className,
  caption,
  columns,
  isStale,
  children,
}: {
  /** The table's classes, e.g. "table table--cards" (rows become cards on a narrow screen). */
  className: string;
  /** A name for the table, read by screen readers only. */
  caption?: string;
  columns: Column[];
  isStale?: boolean;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div className={isStale ? "table-wrap is-stale" : "table-wrap"} aria-busy={isStale || undefined}>
      <table className={className}>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column, i) =>
              typeof column === "string" ? (
                <th key={i} scope="col">
                  {column}
                </th>
              ) : (
                <th key={i} scope="col" className="num">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
