import type { ReactNode } from "react";

/**
 * A column heading; a numeric column's cells line up on the end side; a hidden one (e.g. the
 * row's buttons) is named for screen readers only.
 */
export type Column = string | { label: string; numeric: true } | { label: string; hidden: true };

function Heading({ column }: { column: Column }) {
  if (typeof column === "string") return <th scope="col">{column}</th>;
  if ("hidden" in column)
    return (
      <th scope="col">
        <span className="visually-hidden">{column.label}</span>
      </th>
    );
  return (
    <th scope="col" className="num">
      {column.label}
    </th>
  );
}

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
            {columns.map((column, i) => (
              <Heading key={i} column={column} />
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
