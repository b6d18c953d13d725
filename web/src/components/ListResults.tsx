import type { ReactNode } from "react";
import type { ApiResource } from "../api/useApi.js";
import { EmptyState, ErrorState, Loading } from "./Feedback.js";
import { Pagination } from "./Pagination.js";

/** A page of a list as the API sends it. */
export interface ListData {
  items: unknown[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * A list's answer: an error (with "retry"), "loading", "none" or the items, then the pages.
 * While a new page loads, the items shown are stale (`isStale`).
 */
export function ListResults<D extends ListData>({
  result,
  empty,
  onPage,
  children,
}: {
  result: ApiResource<D>;
  /** Said when nothing matches. */
  empty: ReactNode;
  onPage(page: number): void;
  children(items: D["items"], isStale: boolean): ReactNode;
}) {
  const data = result.data;
  return (
    <>
      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{empty}</EmptyState>}
      {data && data.items.length > 0 && children(data.items, result.loading)}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={onPage} />}
    </>
  );
}
