import { Fragment, type ReactNode } from "react";
import { useParams } from "react-router";
import { useApi } from "../api/useApi.js";
import { Forbidden } from "../app/StatusPages.js";
import { ErrorState, Loading } from "./Feedback.js";
import { usePageTitle } from "./PageHeader.js";

/**
 * The loader of a "new" / "edit" page, told apart by the route's `:id`. To create, it asks the
 * list for one row, whose `abilities.create` says whether the user may; to edit, it loads the
 * record and asks `canEdit`. Meanwhile "loading"; on failure the error with "retry"; when
 * refused, "forbidden"; then the form, started afresh for each record.
 */
export function FormPageLoader<R extends { id: string }>({
  titles,
  recordPath,
  listPath,
  canEdit,
  children,
}: {
  titles: { create: string; edit: string };
  /** The record's API path. */
  recordPath(id: string): string;
  /** The list's API path; its answer carries `abilities.create`. */
  listPath: string;
  canEdit(record: R): boolean;
  /** The form, given the record when editing. */
  children(existing?: R): ReactNode;
}) {
  const { id } = useParams();
  const existing = useApi<R>(id ? recordPath(id) : null);
  const list = useApi<{ abilities: { create: boolean } }>(id ? null : listPath, { pageSize: 1 });
  usePageTitle(id ? titles.edit : titles.create);
  if (!id) {
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.data) return <Loading />;
    if (!list.data.abilities.create) return <Forbidden />;
    return children();
  }
  if (existing.error && !existing.data) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (!existing.data) return <Loading />;
  if (!canEdit(existing.data)) return <Forbidden />;
  return <Fragment key={existing.data.id}>{children(existing.data)}</Fragment>;
}
