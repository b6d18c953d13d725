import { useCallback, useState } from "react";
import { useDebouncedSearch } from "./useListQuery.js";

/**
 * A list's filters held by the component rather than in the address (a tab of a page that owns
 * the address): the filters; the search box's own text, written to `q` after a pause in typing;
 * and the page, back to the first whenever a filter or the search changes.
 */
export function useListState<F extends { q: string } & Record<string, string>>(initial: F) {
  const [filters, setFilters] = useState(initial);
  const [page, setPage] = useState(1);
  const setFilter = useCallback(<K extends keyof F>(key: K, value: F[K]) => {
    setFilters((previous) => ({ ...previous, [key]: value }));
    setPage(1);
  }, []);
  const [search, setSearch] = useDebouncedSearch(filters.q, (value) => setFilter("q", value as F["q"]));
  return { filters, setFilter, search, setSearch, page, setPage };
}
