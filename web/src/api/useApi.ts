import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, isApiError } from "./client.js";

type Query = Record<string, string | number | boolean | null | undefined>;

export interface ApiResource<T> {
  data: T | undefined;
  error: ApiError | null;
  /** True while a request is in flight (the previous data stays shown meanwhile). */
  loading: boolean;
  reload(): void;
  /** Replace the data after a successful change, without refetching. */
  setData(data: T): void;
}

/**
 * GET `path` (with `query`) whenever either changes; `null` skips the request.
 * Older answers that arrive late are dropped.
 */
export function useApi<T>(path: string | null, query?: Query): ApiResource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [nonce, setNonce] = useState(0);
  const queryKey = JSON.stringify(query ?? {});
  const lastPath = useRef(path);

  useEffect(() => {
    if (path === null) {
      setLoading(false);
      return;
    }
    // A different record: don't show the previous one while loading.
    if (lastPath.current !== path) {
      lastPath.current = path;
      setData(undefined);
    }
    const controller = new AbortController();
    setLoading(true);
    api
      .get<T>(path, JSON.parse(queryKey) as Query, controller.signal)
      .then((answer) => {
        setData(answer);
        setError(null);
      })
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setError(isApiError(e) ? e : new ApiError("INTERNAL", 0, String(e)));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [path, queryKey, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface Action {
  pending: boolean;
  error: ApiError | null;
  /** The server's message for one field of the last failed attempt. */
  fieldError(field: string): string | undefined;
  /** Run a request; `pending` is true meanwhile and a second run is refused. */
  run<T>(request: () => Promise<T>): Promise<ActionResult<T>>;
  clear(): void;
}

/** State of one submit button: pending, and the last error with its field messages. */
export function useAction(): Action {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const busy = useRef(false);

  const run = useCallback(async <T,>(request: () => Promise<T>): Promise<ActionResult<T>> => {
    if (busy.current) return { ok: false, error: new ApiError("BAD_REQUEST", 0, "already running") };
    busy.current = true;
    setPending(true);
    try {
      const value = await request();
      setError(null);
      return { ok: true, value };
    } catch (e) {
      const apiError = isApiError(e) ? e : new ApiError("INTERNAL", 0, String(e));
      setError(apiError);
      return { ok: false, error: apiError };
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);

  const clear = useCallback(() => setError(null), []);
  const fieldError = useCallback((field: string) => error?.fieldError(field), [error]);
  return { pending, error, fieldError, run, clear };
}
