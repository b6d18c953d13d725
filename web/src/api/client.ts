import type { ErrorCode, FieldError } from "../../../common/errors.js";

/** An error code from the server, or "NETWORK" when it could not be reached. */
export type ClientErrorCode = ErrorCode | "NETWORK";

/**
 * A failed request, typed: `code` is what the interface translates
 * (`t("errors.<code>")`); `fields` are the server's per-field messages,
 * already in the user's language.
 */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly status: number;
  readonly fields: FieldError[];

  constructor(code: ClientErrorCode, status: number, message: string, fields: FieldError[] = []) {
    super(message || code);
    this.name = "ApiError";
    this.code = code;
    this.status = status;
    this.fields = fields;
  }

  /** The server's message for one field, if any. */
  fieldError(field: string): string | undefined {
    return this.fields.find((f) => f.field === field)?.message;
  }

  /** Per-field messages keyed by field name (first message wins). */
  get fieldMap(): Record<string, string> {
    const map: Record<string, string> = {};
    for (const f of this.fields) if (!(f.field in map)) map[f.field] = f.message;
    return map;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  query?: Query;
  body?: unknown;
  /** A body sent as is (e.g. a file), instead of JSON. */
  raw?: Blob;
  /** A multipart body (a file with a few text fields); the browser sets its Content-Type and boundary. */
  form?: FormData;
  signal?: AbortSignal;
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

let csrfToken: string | null = null;
const unauthenticatedListeners = new Set<() => void>();

/** Remember the CSRF token given by GET /api/auth/session or a login answer. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

/** Be told when the server says the session is gone (401), e.g. to show the login page. */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** Build `/api/x?a=1&b=2`, leaving out empty values. */
export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes("?") ? "&" : "?"}${qs}` : path;
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === "object" && "code" in body && typeof (body as { code: unknown }).code === "string") {
    const b = body as { code: ClientErrorCode; message?: unknown; fields?: unknown };
    const fields = Array.isArray(b.fields)
      ? b.fields
          .filter((f): f is FieldError => !!f && typeof f.field === "string" && typeof f.message === "string")
          .map((f) => ({ field: f.field.replace(/^\/+/, ""), message: f.message }))
      : [];
    return new ApiError(b.code, status, typeof b.message === "string" ? b.message : "", fields);
  }
  // A proxy page or an empty answer: fall back on the status.
  const code: ErrorCode =
    status === 401 ? "UNAUTHENTICATED" : status === 403 ? "FORBIDDEN" : status === 404 ? "NOT_FOUND" : status === 503 ? "DATABASE_UNAVAILABLE" : status >= 500 ? "INTERNAL" : "BAD_REQUEST";
  return new ApiError(code, status, "");
}

async function send<T>(method: string, path: string, options: RequestOptions = {}, isRetry = false): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  const init: RequestInit = { method, headers, credentials: "same-origin", signal: options.signal };
  if (options.form !== undefined) {
    init.body = options.form;
  } else if (options.raw !== undefined) {
    headers["Content-Type"] = "application/octet-stream";
    init.body = options.raw;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(options.body);
  }
  if (UNSAFE_METHODS.has(method) && csrfToken) headers["X-CSRF-Token"] = csrfToken;

  let response: Response;
  try {
    response = await globalThis.fetch(buildUrl(path, options.query), init);
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError("NETWORK", 0, error instanceof Error ? error.message : "network error");
  }

  const body = await readBody(response);
  if (!response.ok) {
    const error = toApiError(response.status, body);
    // The token went stale (e.g. the session was renewed in another tab): fetch a fresh one and try once more.
    if (error.code === "CSRF_INVALID" && !isRetry && path !== "/api/auth/session") {
      const session = await send<{ csrfToken: string | null }>("GET", "/api/auth/session").catch(() => null);
      if (session?.csrfToken) return send<T>(method, path, options, true);
    }
    if (error.status === 401 && (error.code === "UNAUTHENTICATED" || error.code === "SESSION_EXPIRED")) {
      for (const listener of unauthenticatedListeners) listener();
    }
    throw error;
  }
  if (body && typeof body === "object" && "csrfToken" in body) {
    const token = (body as { csrfToken: unknown }).csrfToken;
    if (typeof token === "string" || token === null) csrfToken = token;
  }
  return body as T;
}

/** The one way the web app talks to the server. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => send<T>("GET", path, { query, signal }),
  post: <T = void>(path: string, body?: unknown) => send<T>("POST", path, { body: body ?? {} }),
  put: <T = void>(path: string, body?: unknown) => send<T>("PUT", path, { body }),
  patch: <T = void>(path: string, body?: unknown) => send<T>("PATCH", path, { body }),
  delete: <T = void>(path: string) => send<T>("DELETE", path),
  /** POST a file's bytes as the body (with the CSRF header and the usual error handling). */
  upload: <T>(path: string, file: Blob, query?: Query) => send<T>("POST", path, { raw: file, query }),
  /** POST a multipart form (a file with a few fields), with the same CSRF header, retry and error handling. */
  form: <T>(path: string, form: FormData, query?: Query) => send<T>("POST", path, { form, query }),
};
