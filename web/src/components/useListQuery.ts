import { useCallback, useEffect, useRef, useState } from "react";
import { useSearchParams } from "react-router";

/**
 * List filters live in the address (`?q=…&kind=…&page=2`) so a search can be
 * shared and survives a reload. Filter changes add a history entry; typing does not.
 */
export function useListQuery() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Math.floor(Number(params.get("page"))) || 1);
  const get = useCallback((key: string) => params.get(key) ?? "", [params]);

  const update = useCallback(
    (changes: Record<string, string | null>, options: { resetPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === "") next.delete(key);
            else next.set(key, value);
          }
          if (options.resetPage !== false && !("page" in changes)) next.delete("page");
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  const setPage = useCallback((p: number) => update({ page: p > 1 ? String(p) : null }, { resetPage: false }), [update]);
  const hasFilters = [...params.keys()].some((key) => key !== "page");
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: false }), [setParams]);
  return { params, get, page, update, setPage, hasFilters, clear };
}

/** A list's query as held in the address. */
export type ListQuery = ReturnType<typeof useListQuery>;

/**
 * The search box's own text, written to `?q=` after a pause in typing.
 * When `q` changes from outside (back button, "clear"), the box follows.
 */
export function useDebouncedSearch(q: string, commit: (value: string) => void, delay = 300) {
  const [value, setValue] = useState(q);
  const committed = useRef(q);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (q !== committed.current) {
      committed.current = q;
      setValue(q);
    }
  }, [q]);

  useEffect(() => {
    if (value.trim() === committed.current.trim()) return;
    const timer = setTimeout(() => {
      committed.current = value.trim();
      commitRef.current(value.trim());
    }, delay);
    return () => clearTimeout(timer);
  }, [value, delay]);

  const flush = useCallback(() => {
    if (value.trim() !== committed.current) {
      committed.current = value.trim();
      commitRef.current(value.trim());
    }
  }, [value]);

  return [value, setValue, flush] as const;
}
