import type { FieldError } from "../../../../common/errors.js";
import { api, ApiError, getCsrfToken, type ClientErrorCode } from "../../api/client.js";

/**
 * POST a multipart form (a file with a few fields), as the enrolment import takes it. The shared
 * client sends JSON or a file's bare bytes; this adds the same CSRF header and turns an error
 * answer into the same ApiError (with its per-field messages), retrying once on a stale token.
 */
export async function postForm<T>(path: string, form: FormData, isRetry = false): Promise<T> {
  const token = getCsrfToken();
  let response: Response;
  try {
    response = await globalThis.fetch(path, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { Accept: "application/json", ...(token ? { "X-CSRF-Token": token } : {}) },
    });
  } catch (error) {
    throw new ApiError("NETWORK", 0, error instanceof Error ? error.message : "network error");
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  const b = (body ?? {}) as { code?: ClientErrorCode; message?: string; fields?: FieldError[] };
  if (b.code === "CSRF_INVALID" && !isRetry) {
    // The shared client keeps the fresh token it is given.
    await api.get("/api/auth/session").catch(() => undefined);
    return postForm<T>(path, form, true);
  }
  const fields = Array.isArray(b.fields) ? b.fields.filter((f) => typeof f?.field === "string" && typeof f?.message === "string") : [];
  throw new ApiError(b.code ?? (response.status >= 500 ? "INTERNAL" : "BAD_REQUEST"), response.status, b.message ?? "", fields);
}
