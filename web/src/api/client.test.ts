import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch } from "../test-utils.js";
import { api, ApiError, buildUrl, getCsrfToken, onUnauthenticated, setCsrfToken } from "./client.js";

function headersOf(call: unknown[]): Record<string, string> {
  return ((call[1] as RequestInit).headers ?? {}) as Record<string, string>;
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("api client", () => {
  it("keeps the CSRF token from the session and sends it on POST, PATCH and DELETE, not on GET", async () => {
    const fetchMock = mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "csrf-123" }),
      "GET /api/organisations": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      "POST /api/organisations": () => jsonResponse({ id: "o1", code: "hajj-qa" }, 201),
      "PATCH /api/me": () => jsonResponse({}),
      "DELETE /api/me/tokens/t1": () => jsonResponse(null, 204),
    });

    await api.get("/api/auth/session");
    expect(getCsrfToken()).toBe("csrf-123");

    await api.get("/api/organisations", { q: "قطر", kind: "", page: 2 });
    const getCall = fetchMock.mock.calls[1];
    expect(String(getCall[0])).toBe(`/api/organisations?q=${encodeURIComponent("قطر")}&page=2`);
    expect(headersOf(getCall)["X-CSRF-Token"]).toBeUndefined();
    expect((getCall[1] as RequestInit).credentials).toBe("same-origin");

    await api.post("/api/organisations", { code: "hajj-qa" });
    const postCall = fetchMock.mock.calls[2];
    expect(headersOf(postCall)["X-CSRF-Token"]).toBe("csrf-123");
    expect(headersOf(postCall)["Content-Type"]).toBe("application/json");
    expect((postCall[1] as RequestInit).body).toBe(JSON.stringify({ code: "hajj-qa" }));

    await api.patch("/api/me", { locale: "en" });
    expect(headersOf(fetchMock.mock.calls[3])["X-CSRF-Token"]).toBe("csrf-123");

    const answer = await api.delete("/api/me/tokens/t1");
    expect(answer).toBeUndefined();
    expect(headersOf(fetchMock.mock.calls[4])["X-CSRF-Token"]).toBe("csrf-123");
  });

  it("takes the new token from a login answer", async () => {
    mockFetch({ "POST /api/auth/login": () => jsonResponse({ user: { id: "u1" }, csrfToken: "after-login" }) });
    await api.post("/api/auth/login", { email: "a@b.c", password: "x" });
    expect(getCsrfToken()).toBe("after-login");
  });

  it("turns an error body into a typed ApiError with per-field messages", async () => {
    mockFetch({
      "POST /api/organisations": () =>
        jsonResponse(
          {
            code: "VALIDATION_FAILED",
            message: "بعض الحقول تحتاج إلى مراجعة.",
            fields: [
              { field: "nameAr", message: "حقل «الاسم بالعربية» مطلوب." },
              { field: "/code", message: "صيغة «الرمز» غير صحيحة." },
            ],
          },
          400,
        ),
    });
    const error = await api.post("/api/organisations", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.code).toBe("VALIDATION_FAILED");
    expect(apiError.status).toBe(400);
    expect(apiError.fieldError("nameAr")).toBe("حقل «الاسم بالعربية» مطلوب.");
    // A JSON-pointer style name is normalised to the field name.
    expect(apiError.fieldError("code")).toBe("صيغة «الرمز» غير صحيحة.");
    expect(apiError.fieldMap).toEqual({ nameAr: "حقل «الاسم بالعربية» مطلوب.", code: "صيغة «الرمز» غير صحيحة." });
  });

  it("maps a failed connection to NETWORK and a non-JSON 502 to INTERNAL", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const network = (await api.get("/api/groups").catch((e: unknown) => e)) as ApiError;
    expect(network).toBeInstanceOf(ApiError);
    expect(network.code).toBe("NETWORK");
    expect(network.status).toBe(0);

    vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("<html>Bad gateway</html>", { status: 502 })));
    const gateway = (await api.get("/api/groups").catch((e: unknown) => e)) as ApiError;
    expect(gateway.code).toBe("INTERNAL");
    expect(gateway.status).toBe(502);
  });

  it("fetches a fresh CSRF token and retries once when the server says CSRF_INVALID", async () => {
    setCsrfToken("stale");
    let posts = 0;
    const fetchMock = mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: { id: "u1" }, csrfToken: "fresh" }),
      "POST /api/groups": (_url, init) => {
        posts += 1;
        const token = (init.headers as Record<string, string>)["X-CSRF-Token"];
        return token === "fresh" ? jsonResponse({ id: "g1" }, 201) : jsonResponse({ code: "CSRF_INVALID", message: "" }, 403);
      },
    });
    await expect(api.post("/api/groups", { code: "gcc" })).resolves.toEqual({ id: "g1" });
    expect(posts).toBe(2);
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it("posts a multipart form with the CSRF header, no JSON Content-Type, the same retry and the same errors", async () => {
    setCsrfToken("stale");
    const sent: Array<{ token: string | undefined; contentType: string | undefined; mode: string }> = [];
    mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: { id: "u1" }, csrfToken: "fresh" }),
      "POST /api/imports": (url, init) => {
        const headers = init.headers as Record<string, string>;
        const form = init.body as FormData;
        sent.push({ token: headers["X-CSRF-Token"], contentType: headers["Content-Type"], mode: String(form.get("mode")) });
        if (headers["X-CSRF-Token"] !== "fresh") return jsonResponse({ code: "CSRF_INVALID", message: "" }, 403);
        if (url.searchParams.get("dryRun") === "no") return jsonResponse({ code: "VALIDATION_FAILED", message: "", fields: [{ field: "/file", message: "حقل «الملف» مطلوب." }] }, 400);
        return jsonResponse({ rows: 3 });
      },
    });
    const form = new FormData();
    form.set("mode", "preview");
    form.set("file", new File(["a,b\r\n"], "people.csv", { type: "text/csv" }));
    await expect(api.form("/api/imports", form)).resolves.toEqual({ rows: 3 });
    // The stale token was refused, a fresh one fetched, and the same form sent again.
    expect(sent).toEqual([
      { token: "stale", contentType: undefined, mode: "preview" },
      { token: "fresh", contentType: undefined, mode: "preview" },
    ]);
    const error = (await api.form("/api/imports", form, { dryRun: "no" }).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe("VALIDATION_FAILED");
    expect(error.fieldError("file")).toBe("حقل «الملف» مطلوب.");
  });

  it("tells listeners when the session is gone", async () => {
    mockFetch({ "GET /api/me/tokens": () => jsonResponse({ code: "UNAUTHENTICATED", message: "" }, 401) });
    const listener = vi.fn();
    const stop = onUnauthenticated(listener);
    await api.get("/api/me/tokens").catch(() => undefined);
    stop();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it("builds query strings without empty values", () => {
    expect(buildUrl("/api/people", { q: "", organisation: "hajj-kw", page: 1, archived: undefined })).toBe("/api/people?organisation=hajj-kw&page=1");
    expect(buildUrl("/api/people")).toBe("/api/people");
  });
});
