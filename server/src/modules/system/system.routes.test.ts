import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAppOn, buildTestApp, login, LOGINS, type TestApp } from "../../test/app.js";
import { DIALECTS, freshDatabase } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`system routes and HTTP hygiene (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(async () => t?.close());

    it("reports health with the database and the version", async () => {
      const health = await t.app.inject({ method: "GET", url: "/api/health" });
      expect(health.json()).toEqual({ status: "ok", database: "ok", dialect });
      expect((await t.app.inject({ method: "GET", url: "/api/version" })).json().name).toBe("rifada");
    });

    it("answers 503 on /api/health when the database is unreachable", async () => {
      const database = await freshDatabase(dialect);
      const broken = await buildAppOn(database);
      // SQLite: close the file under the app; PostgreSQL: the test database is dropped.
      if (database.sqlite) database.sqlite.close();
      else await database.close();
      try {
        const r = await broken.app.inject({ method: "GET", url: "/api/health" });
        expect(r.statusCode).toBe(503);
        expect(r.json().code).toBe("DATABASE_UNAVAILABLE");
      } finally {
        await broken.app.close();
      }
    });

    it("serves an OpenAPI document describing every route with request and response schemas", async () => {
      const doc = (await t.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
      expect(doc.openapi).toMatch(/^3\./);
      const operations = Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, unknown>; requestBody?: unknown }>>).flatMap(([p, ops]) =>
        Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })),
      );
      const registered = t.routes.filter((r) => r.method !== "HEAD" && r.url.startsWith("/api/") && r.url !== "/api/openapi.json");
      expect(operations).toHaveLength(registered.length);
      for (const { key, op } of operations) {
        expect(Object.keys(op.responses), key).not.toHaveLength(0);
        if (key.startsWith("POST") || key.startsWith("PATCH")) {
          // Uploads (…/attachments, …/files) send the file itself as the body, streamed rather than validated;
          // the enrolment import is multipart. Actions on a record (publish, start or submit a test, issue) need no body.
          const hasBody = op.requestBody !== undefined || /logout|archive|restore|disable|enable|publish$|password-reset$|registration$|calendar-feed$|decline$|attachments$|withdraw$|files$|import$|attempt$|submit$|my-certificate$|issue$/.test(key);
          expect(hasBody, key).toBe(true);
        }
      }
      expect(doc.paths["/api/organisations"].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["q", "kind", "country", "group"]));
    });

    it("sends security headers, and no-store on API answers", async () => {
      const c = await login(t.app, LOGINS.qatarMember);
      const r = await c.request("GET", "/api/organisations");
      expect(r.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(r.headers["content-security-policy"]).toContain("default-src 'self'");
      expect(r.headers["x-content-type-options"]).toBe("nosniff");
      expect(r.headers["x-frame-options"]).toBe("DENY");
      expect(r.headers["cache-control"]).toBe("no-store");
    });

    it("answers unknown API paths, malformed JSON and oversized bodies with codes, never internals", async () => {
      const missing = await t.app.inject({ method: "GET", url: "/api/nothing-here" });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe("NOT_FOUND");
      const malformed = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: "{not json", headers: { "content-type": "application/json" } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().code).toBe("BAD_REQUEST");
      expect(malformed.body).not.toMatch(/at .*\.(ts|js):\d+/);
      const huge = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: JSON.stringify({ email: "a", password: "x".repeat(2 * 1024 * 1024) }), headers: { "content-type": "application/json" } });
      expect(huge.statusCode).toBe(413);
    });

    it("hides internal failures behind a generic 500 in the caller's language", async () => {
      const c = await login(t.app, LOGINS.oicCoordinator);
      // Break the database under the app: the error must not leak SQL or stack traces.
      await t.database.db.schema.alterTable("countries").renameTo("countries_gone").execute();
      try {
        const r = await c.request("GET", "/api/countries");
        expect(r.statusCode).toBe(500);
        expect(r.json()).toEqual({ code: "INTERNAL", message: "حدث خطأ من جهتنا. يرجى المحاولة مرة أخرى." });
      } finally {
        await t.database.db.schema.alterTable("countries_gone").renameTo("countries").execute();
      }
    });

    it("keeps the audit log append-only in the database itself", async () => {
      const c = await login(t.app, LOGINS.oicCoordinator);
      await c.request("PATCH", "/api/me", { digits: "latn" });
      await c.request("POST", "/api/me/tokens", { name: "audit me" });
      await expect(t.database.db.updateTable("auditLog").set({ summary: "tampered" }).execute()).rejects.toThrow(/append-only/);
      await expect(t.database.db.deleteFrom("auditLog").execute()).rejects.toThrow(/append-only/);
    });
  });
}
