import type { ReactNode } from "react";
import type { ApiResource } from "../api/useApi.js";
import { ListFilters } from "./ListFilters.js";
import { ListResults, type ListData } from "./ListResults.js";
import { PageHeader, usePageTitle } from "./PageHeader.js";
import { useDebouncedSearch, type ListQuery } from "./useListQuery.js";

/**
 * The frame of a searchable list page: its header; the search box (written to `?q=` after a
 * pause in typing) with the page's filters; the count, announced politely; then an error,
 * "loading", "none" or the items; and the pages. While a new page loads, the items shown
 * are stale (`isStale`).
 */
export function ListPage<D extends ListData>({
  title,
  subtitle,
  actions,
  list,
  search,
  filters,
  result,
  count,
  empty,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
  list: ListQuery;
  /** The search box: its id prefix, label and placeholder. */
  search: { idPrefix: string; label: string; placeholder: string };
  /** The filters beside the search box. */
  filters?: ReactNode;
  result: ApiResource<D>;
  /** The sentence that counts the results. */
  count(data: D): ReactNode;
  /** Said when nothing matches. */
  empty: ReactNode;
  children(items: D["items"], isStale: boolean): ReactNode;
}) {
  usePageTitle(title);
  const [text, setText, flushText] = useDebouncedSearch(list.get("q"), (value) => list.update({ q: value }, { replace: true }));
  const data = result.data;
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={actions} />
      <ListFilters
        idPrefix={search.idPrefix}
        search={text}
        onSearch={setText}
        onSubmit={flushText}
        searchLabel={search.label}
        searchPlaceholder={search.placeholder}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        {filters}
      </ListFilters>
      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{count(data)}</p>}
      </div>
      <ListResults result={result} empty={empty} onPage={list.setPage}>
        {children}
      </ListResults>
    </>
  );
}
