import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAppOn, buildTestApp, DEMO_PASSWORD, login, LOGINS, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`auth and sessions (${dialect})`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(async () => t?.close());

    const post = (url: string, payload: object, headers: Record<string, string> = {}) => t.app.inject({ method: "POST", url, payload, headers });

    it("signs in with an HttpOnly, SameSite=Lax session cookie and a new id every time", async () => {
      const first = await post("/api/auth/login", { email: LOGINS.kuwaitAdmin, password: DEMO_PASSWORD });
      expect(first.statusCode).toBe(200);
      const cookie = first.cookies.find((c) => c.name === "rifada_session")!;
      expect(cookie.httpOnly).toBe(true);
      expect(cookie.sameSite).toBe("Lax");
      expect(first.json().user.organisation.code).toBe("hajj-kw");
      // Signing in again from the same browser replaces the session: the old id stops working.
      const second = await post("/api/auth/login", { email: LOGINS.kuwaitAdmin, password: DEMO_PASSWORD }, { cookie: `rifada_session=${cookie.value}`, "x-csrf-token": first.json().csrfToken });
      const cookie2 = second.cookies.find((c) => c.name === "rifada_session")!;
      expect(cookie2.value).not.toBe(cookie.value);
      const old = await t.app.inject({ method: "GET", url: "/api/me/tokens", headers: { cookie: `rifada_session=${cookie.value}` } });
      expect(old.statusCode).toBe(401);
    });

    it("gives an unknown email exactly the answer of a wrong password", async () => {
      const wrong = await post("/api/auth/login", { email: LOGINS.qatarMember, password: "not the password" });
      const unknown = await post("/api/auth/login", { email: "nobody@nowhere.rifada.test", password: "not the password" });
      expect(wrong.statusCode).toBe(401);
      expect(unknown.statusCode).toBe(401);
      expect(unknown.body).toBe(wrong.body);
    });

    it("limits failed sign-ins per email, across app processes sharing the database", async () => {
      const other = await buildAppOn(t.database);
      try {
        const email = LOGINS.ministryTrainer;
        for (let i = 0; i < 5; i++) {
          const app = i % 2 === 0 ? t.app : other.app;
          const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: `wrong-${i}` } });
          expect(r.statusCode).toBe(401);
        }
        // Even the right password is refused now, on either process.
        for (const app of [t.app, other.app]) {
          const r = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email, password: DEMO_PASSWORD } });
          expect(r.statusCode).toBe(429);
          expect(r.json().code).toBe("LOGIN_THROTTLED");
        }
        // Unknown emails are throttled the same way, so throttling reveals nothing.
        for (let i = 0; i < 5; i++) await post("/api/auth/login", { email: "ghost@rifada.test", password: "x" });
        expect((await post("/api/auth/login", { email: "ghost@rifada.test", password: "x" })).statusCode).toBe(429);
      } finally {
        await other.app.close();
      }
    });

    it("refuses cookie-authenticated writes without the CSRF token, or from another origin", async () => {
      const c = await login(t.app, LOGINS.qatarMember);
      const without = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "x" }, headers: { cookie: c.cookie } });
      expect(without.statusCode).toBe(403);
      expect(without.json().code).toBe("CSRF_INVALID");
      const wrong = await t.app.inject({ method: "POST", url: "/api/me/tokens", payload: { name: "x" }, headers: { cookie: c.cookie, "x-csrf-token": "nope" } });
      expect(wrong.statusCode).toBe(403);
      const crossSite = await c.request("POST", "/api/me/tokens", { name: "x" }, { origin: "https://evil.example", host: "localhost:3000" });
      expect(crossSite.statusCode).toBe(403);
      const good = await c.request("POST", "/api/me/tokens", { name: "laptop" });
      expect(good.statusCode).toBe(201);
    });

    it("logout ends the session on the server", async () => {
      const c = await login(t.app, LOGINS.qatarMember);
      expect((await c.request("POST", "/api/auth/logout")).statusCode).toBe(204);
      const after = await c.request("GET", "/api/me/tokens");
      expect(after.statusCode).toBe(401);
    });

    it("a password change ends every other session and starts a new one", async () => {
      const a = await login(t.app, LOGINS.providerParticipant);
      const b = await login(t.app, LOGINS.providerParticipant);
      const changed = await a.request("POST", "/api/auth/password", { currentPassword: DEMO_PASSWORD, newPassword: "a-new-long-passphrase" });
      expect(changed.statusCode).toBe(200);
      expect((await b.request("GET", "/api/me/tokens")).statusCode).toBe(401);
      expect((await a.request("GET", "/api/me/tokens")).statusCode).toBe(401);
      const fresh = changed.cookies.find((c) => c.name === "rifada_session")!;
      expect((await t.app.inject({ method: "GET", url: "/api/me/tokens", headers: { cookie: `rifada_session=${fresh.value}` } })).statusCode).toBe(200);
      const wrongCurrent = await login(t.app, LOGINS.providerParticipant, "a-new-long-passphrase");
      const r = await wrongCurrent.request("POST", "/api/auth/password", { currentPassword: "not it", newPassword: "another-long-passphrase" });
      expect(r.json().code).toBe("WRONG_PASSWORD");
    });

    it("ends idle sessions and sessions past their absolute lifetime", async () => {
      const idle = await login(t.app, LOGINS.qatarMember);
      const absolute = await login(t.app, LOGINS.qatarMember);
      const db = t.database.db;
      const sessions = await db.selectFrom("sessions").select(["id", "createdAt"]).orderBy("createdAt", "desc").limit(2).execute();
      await db.updateTable("sessions").set({ lastSeenAt: "2020-01-01T00:00:00.000Z" }).where("id", "=", sessions[1].id).execute();
      await db.updateTable("sessions").set({ expiresAt: "2020-01-01T00:00:00.000Z" }).where("id", "=", sessions[0].id).execute();
      for (const c of [idle, absolute]) {
        const r = await c.request("GET", "/api/me/tokens");
        expect(r.statusCode).toBe(401);
        expect(r.json().code).toBe("SESSION_EXPIRED");
      }
    });

    it("API tokens act as their user without CSRF, and stop when revoked or expired", async () => {
      const c = await login(t.app, LOGINS.kuwaitAdmin);
      const created = (await c.request("POST", "/api/me/tokens", { name: "script" })).json();
      expect(created.token).toMatch(/^rfd_/);
      const bearer = { authorization: `Bearer ${created.token}` };
      const orgs = await t.app.inject({ method: "GET", url: "/api/organisations?group=gcc-hajj-offices", headers: bearer });
      expect(orgs.statusCode).toBe(200);
      expect(orgs.json().total).toBe(6);
      const write = await t.app.inject({ method: "PATCH", url: "/api/me", payload: { digits: "latn" }, headers: bearer });
      expect(write.statusCode).toBe(200);
      const list = (await c.request("GET", "/api/me/tokens")).json();
      expect(list.items.find((i: { id: string }) => i.id === created.id).lastUsedAt).not.toBeNull();
      expect(JSON.stringify(list)).not.toContain(created.token);
      expect((await c.request("DELETE", `/api/me/tokens/${created.id}`)).statusCode).toBe(204);
      expect((await t.app.inject({ method: "GET", url: "/api/organisations", headers: bearer })).statusCode).toBe(401);
      expect((await t.app.inject({ method: "GET", url: "/api/organisations", headers: { authorization: "Bearer rfd_made_up" } })).statusCode).toBe(401);

      const expiring = (await c.request("POST", "/api/me/tokens", { name: "short", expiresOn: "2099-12-31" })).json();
      await t.database.db.updateTable("apiTokens").set({ expiresAt: "2020-01-01T00:00:00.000Z" }).where("id", "=", expiring.id).execute();
      expect((await t.app.inject({ method: "GET", url: "/api/organisations", headers: { authorization: `Bearer ${expiring.token}` } })).statusCode).toBe(401);
      const past = await c.request("POST", "/api/me/tokens", { name: "past", expiresOn: "2020-01-01" });
      expect(past.statusCode).toBe(400);
      expect(past.json().fields[0].field).toBe("expiresOn");
    });

    it("invitations: single use, expiring, and the message waits in the outbox", async () => {
      const admin = await login(t.app, LOGINS.qatarAdmin);
      const qa = await t.database.db.selectFrom("organisations").select("id").where("code", "=", "hajj-qa").executeTakeFirstOrThrow();
      const invited = await admin.request("POST", "/api/invitations", { email: "New.Officer@hajj-qa.rifada.test", role: "member", organisationId: qa.id });
      expect(invited.statusCode).toBe(201);
      const token = invited.json().link.split("/invite/")[1];
      const outbox = (await admin.request("GET", "/api/outbox")).json();
      const message = outbox.items.find((m: { toEmail: string }) => m.toEmail === "new.officer@hajj-qa.rifada.test");
      expect(message.kind).toBe("invitation");
      expect(message.body).toContain(invited.json().link);
      expect(message.subject).toContain("رفادة");

      const view = await t.app.inject({ method: "GET", url: `/api/auth/invitations/${token}` });
      expect(view.json()).toMatchObject({ email: "new.officer@hajj-qa.rifada.test", role: "member", organisation: { code: "hajj-qa" } });
      const weak = await post("/api/auth/invitations/accept", { token, name: "Officer", password: "short" });
      expect(weak.statusCode).toBe(400);
      const accepted = await post("/api/auth/invitations/accept", { token, name: "ضابط الاتصال", password: "a-long-enough-password" });
      expect(accepted.statusCode).toBe(200);
      expect(accepted.json().user).toMatchObject({ role: "member", organisation: { code: "hajj-qa" } });
      const again = await post("/api/auth/invitations/accept", { token, name: "Someone", password: "a-long-enough-password" });
      expect(again.statusCode).toBe(410);
      expect(again.json().code).toBe("TOKEN_INVALID");

      const second = (await admin.request("POST", "/api/invitations", { email: "late@hajj-qa.rifada.test", role: "member", organisationId: qa.id })).json();
      await t.database.db.updateTable("invitations").set({ expiresAt: "2020-01-01T00:00:00.000Z" }).where("id", "=", second.id).execute();
      const late = await post("/api/auth/invitations/accept", { token: second.link.split("/invite/")[1], name: "Late", password: "a-long-enough-password" });
      expect(late.statusCode).toBe(410);

      // An organisation admin cannot hand out the coordinator role.
      const tooHigh = await admin.request("POST", "/api/invitations", { email: "boss@hajj-qa.rifada.test", role: "coordinator", organisationId: qa.id });
      expect(tooHigh.statusCode).toBe(400);
      expect(tooHigh.json().fields[0].field).toBe("role");
    });

    it("password reset links work once and end the user's sessions", async () => {
      const coordinator = await login(t.app, LOGINS.oicCoordinator);
      const victim = await login(t.app, LOGINS.indonesiaMember);
      const user = await t.database.db.selectFrom("users").select("id").where("email", "=", LOGINS.indonesiaMember).executeTakeFirstOrThrow();
      const issued = await coordinator.request("POST", `/api/users/${user.id}/password-reset`);
      expect(issued.statusCode).toBe(200);
      const token = issued.json().link.split("/reset/")[1];
      expect((await t.app.inject({ method: "GET", url: `/api/auth/password-reset/${token}` })).json().email).toBe(LOGINS.indonesiaMember);
      expect((await post("/api/auth/password-reset/complete", { token, password: "reset-to-this-one" })).statusCode).toBe(204);
      expect((await victim.request("GET", "/api/me/tokens")).statusCode).toBe(401);
      expect((await post("/api/auth/password-reset/complete", { token, password: "and-again-please" })).statusCode).toBe(410);
      await login(t.app, LOGINS.indonesiaMember, "reset-to-this-one");
    });

    it("disabling an account ends its sessions and tokens", async () => {
      const admin = await login(t.app, LOGINS.qatarAdmin);
      const member = await login(t.app, LOGINS.qatarMember);
      const token = (await member.request("POST", "/api/me/tokens", { name: "t" })).json().token;
      const user = await t.database.db.selectFrom("users").select("id").where("email", "=", LOGINS.qatarMember).executeTakeFirstOrThrow();
      expect((await admin.request("POST", `/api/users/${user.id}/disable`)).statusCode).toBe(200);
      expect((await member.request("GET", "/api/me/tokens")).statusCode).toBe(401);
      expect((await t.app.inject({ method: "GET", url: "/api/organisations", headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
      const relogin = await post("/api/auth/login", { email: LOGINS.qatarMember, password: DEMO_PASSWORD });
      expect(relogin.statusCode).toBe(401);
      expect((await admin.request("POST", `/api/users/${user.id}/enable`)).statusCode).toBe(200);
      await login(t.app, LOGINS.qatarMember);
      // Nobody disables themselves by accident.
      const self = await t.database.db.selectFrom("users").select("id").where("email", "=", LOGINS.qatarAdmin).executeTakeFirstOrThrow();
      expect((await admin.request("POST", `/api/users/${self.id}/disable`)).statusCode).toBe(403);
    });
  });
}
