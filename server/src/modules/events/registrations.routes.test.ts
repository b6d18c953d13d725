import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUsers, buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`workshop registration under concurrency (${dialect})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let seasonId: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      coordinator = await login(t.app, LOGINS.oicCoordinator);
      seasonId = (await coordinator.request("POST", "/api/seasons", { hijriYear: 1447 })).json().id;
    });
    afterAll(async () => t?.close());

    async function workshop(capacity: number, title = "Asas") {
      const r = await coordinator.request("POST", "/api/events", {
        seasonId, kind: "workshop", mode: "virtual", titleAr: `ورشة ${title}`, titleEn: `${title} workshop`, joinUrl: "https://meet.example.org/asas",
        startsLocal: "2099-05-26T10:00", endsLocal: "2099-05-26T13:00", registration: "open", capacity, visibility: "members",
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json().id as string;
    }

    const register = (token: string, id: string) => t.app.inject({ method: "POST", url: `/api/events/${id}/registration`, headers: { authorization: `Bearer ${token}` } });

    it("confirms exactly `capacity` of 300 simultaneous registrations and waitlists the rest in order", async () => {
      const capacity = 20;
      const id = await workshop(capacity);
      const users = await bulkUsers(t, 300, { organisationCode: "sp-transport" });
      const responses = await Promise.all(users.map((u) => register(u.token, id)));
      expect(responses.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
      const rows = await t.database.db.selectFrom("registrations").select(["userId", "status", "sequence"]).where("eventId", "=", id).orderBy("sequence").execute();
      expect(rows).toHaveLength(300);
      expect(new Set(rows.map((r) => r.userId)).size).toBe(300);
      expect(new Set(rows.map((r) => r.sequence)).size).toBe(300);
      expect(rows.filter((r) => r.status === "confirmed")).toHaveLength(capacity);
      // First come, first served: the confirmed are exactly the first `capacity` arrivals.
      expect(rows.slice(0, capacity).every((r) => r.status === "confirmed")).toBe(true);
      expect(rows.slice(capacity).every((r) => r.status === "waitlisted")).toBe(true);
      const event = (await coordinator.request("GET", `/api/events/${id}`)).json();
      expect(event).toMatchObject({ confirmedCount: capacity, waitlistCount: 280 });
    });

    it("makes one registration of 50 simultaneous ones by the same person", async () => {
      const id = await workshop(5, "Terhab");
      const [user] = await bulkUsers(t, 1, { organisationCode: "sp-housing" });
      const responses = await Promise.all(Array.from({ length: 50 }, () => register(user.token, id)));
      expect(responses.every((r) => r.statusCode === 200)).toBe(true);
      const rows = await t.database.db.selectFrom("registrations").select("status").where("eventId", "=", id).execute();
      expect(rows).toEqual([{ status: "confirmed" }]);
    });

    it("promotes the first on the waitlist when a confirmed place is cancelled, and tells them", async () => {
      const id = await workshop(2, "Promotion");
      const users = await bulkUsers(t, 4, { organisationCode: "sp-catering" });
      for (const u of users) await register(u.token, id);
      const second = (await t.app.inject({ method: "GET", url: `/api/events/${id}`, headers: { authorization: `Bearer ${users[3].token}` } })).json();
      expect(second.myRegistration).toMatchObject({ status: "waitlisted", waitlistPosition: 2 });
      expect(second.joinUrl).toBeNull();
      const cancelled = await t.app.inject({ method: "DELETE", url: `/api/events/${id}/registration`, headers: { authorization: `Bearer ${users[0].token}` } });
      expect(cancelled.json().myRegistration.status).toBe("cancelled");
      const promoted = (await t.app.inject({ method: "GET", url: `/api/events/${id}`, headers: { authorization: `Bearer ${users[2].token}` } })).json();
      expect(promoted.myRegistration.status).toBe("confirmed");
      // The join link is revealed to confirmed participants only.
      expect(promoted.joinUrl).toBe("https://meet.example.org/asas");
      const list = (await coordinator.request("GET", `/api/events/${id}/registrations`)).json();
      expect(list.items.map((r: { status: string; waitlistPosition: number | null }) => [r.status, r.waitlistPosition])).toEqual([
        ["cancelled", null], ["confirmed", null], ["confirmed", null], ["waitlisted", 1],
      ]);
      const outbox = await t.database.db.selectFrom("outbox").select(["kind"]).where("kind", "=", "waitlist_promoted").execute();
      expect(outbox.length).toBeGreaterThanOrEqual(1);
    });

    it("enforces a per-organisation quota", async () => {
      const id = await workshop(10, "Quota");
      const org = await t.database.db.selectFrom("organisations").select("id").where("code", "=", "sp-field").executeTakeFirstOrThrow();
      await t.database.db.insertInto("eventInvitations").values({ id: `inv-${id}`, eventId: id, organisationId: org.id, viaGroupId: null, status: "accepted", quota: 2, respondedAt: null, createdAt: new Date().toISOString() }).execute();
      const users = await bulkUsers(t, 4, { organisationCode: "sp-field" });
      await Promise.all(users.map((u) => register(u.token, id)));
      const statuses = await t.database.db.selectFrom("registrations").select("status").where("eventId", "=", id).orderBy("sequence").execute();
      expect(statuses.map((s) => s.status)).toEqual(["confirmed", "confirmed", "waitlisted", "waitlisted"]);
    });

    it("refuses registration for invitation-only events", async () => {
      const r = await coordinator.request("POST", "/api/events", {
        seasonId, kind: "meeting", mode: "in_person", titleAr: "اجتماع", titleEn: "Meeting", startsLocal: "2099-06-02T19:00", endsLocal: "2099-06-02T21:00", registration: "invitation", visibility: "members",
      });
      const member = await login(t.app, LOGINS.qatarMember);
      const refused = await member.request("POST", `/api/events/${r.json().id}/registration`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().code).toBe("REGISTRATION_CLOSED");
    });
  });
}
