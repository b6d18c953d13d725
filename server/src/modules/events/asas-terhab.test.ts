/**
 * Seed situation 1 through the API: the OIC secretariat runs two virtual workshops, Asas and
 * Terhab, with an opening session and its speaker, invites all OIC member states, and delegates
 * register until the seats run out; the rest wait in order.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUsers, buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`the Asas and Terhab workshops (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
    });
    afterAll(async () => t?.close());

    it("creates both virtual workshops with an opening session and the OIC's speaker", async () => {
      const season = (await oic.request("POST", "/api/seasons", { hijriYear: 1448 })).json();
      const speaker = (await oic.request("GET", "/api/people?organisation=oic&q=" + encodeURIComponent("العمري"))).json().items[0];
      expect(speaker).toBeTruthy();
      for (const [key, titleAr, titleEn] of [["asas", "ورشة أساس", "Asas workshop"], ["terhab", "ورشة ترحاب", "Terhab workshop"]] as const) {
        const r = await oic.request("POST", "/api/events", {
          seasonId: season.id, kind: "workshop", mode: "virtual", titleAr, titleEn, joinUrl: `https://meet.example.org/${key}`,
          startsLocal: "2099-05-24T10:00", endsLocal: "2099-05-24T13:00", registration: "open", capacity: 30, visibility: "members",
          descriptionAr: "رفع وعي منظمي الحج ومقدمي الخدمات وجودة عمل العاملين في خدمة ضيوف الرحمن",
          descriptionEn: "Raising the awareness of Hajj organisers and service providers and the quality of work of the staff who serve pilgrims",
        });
        expect(r.statusCode, r.body).toBe(201);
        ids[key] = r.json().id;
        const agenda = await oic.request("PUT", `/api/events/${ids[key]}/agenda`, {
          items: [
            { kind: "session", titleAr: "الجلسة الافتتاحية", titleEn: "Opening session", startsLocal: "2099-05-24T10:00", endsLocal: "2099-05-24T10:30", speakers: [{ personId: speaker.id, role: "speaker" }] },
            { kind: "session", titleAr: "جودة الخدمة المقدمة لضيوف الرحمن", titleEn: "Quality of service to the guests of the Most Merciful", startsLocal: "2099-05-24T10:30", endsLocal: "2099-05-24T12:30" },
          ],
        });
        expect(agenda.statusCode, agenda.body).toBe(200);
      }
    });

    it("invites all OIC member states", async () => {
      for (const id of Object.values(ids)) {
        const r = (await oic.request("POST", `/api/events/${id}/invitations`, { groupCodes: ["oic-members"] })).json();
        expect(r.added).toBe(57);
      }
      // An invited mission now sees the workshop, its agenda and speaker.
      const indonesia = await login(t.app, LOGINS.indonesiaMember);
      const agenda = (await indonesia.request("GET", `/api/events/${ids.asas}/agenda`)).json();
      expect(agenda.items[0].speakers[0].person.organisation.code).toBe("oic");
    });

    it("confirms delegates up to capacity and waitlists the rest, hiding the link from the waitlisted", async () => {
      const delegates = [
        ...(await bulkUsers(t, 20, { organisationCode: "hajj-id" })),
        ...(await bulkUsers(t, 20, { organisationCode: "hajj-eg" })),
        ...(await bulkUsers(t, 10, { organisationCode: "hajj-ma" })),
      ];
      const answers = await Promise.all(delegates.map((d) => t.app.inject({ method: "POST", url: `/api/events/${ids.asas}/registration`, headers: { authorization: `Bearer ${d.token}` } })));
      const states = answers.map((a) => a.json().myRegistration.status);
      expect(states.filter((s) => s === "confirmed")).toHaveLength(30);
      expect(states.filter((s) => s === "waitlisted")).toHaveLength(20);
      const waiting = answers.find((a) => a.json().myRegistration.status === "waitlisted")!.json();
      expect(waiting.joinUrl).toBeNull();
      const list = (await oic.request("GET", `/api/events/${ids.asas}/registrations`)).json();
      const countries = new Set(list.items.filter((r: { status: string }) => r.status === "confirmed").map((r: { country: string }) => r.country));
      expect([...countries].every((c) => ["ID", "EG", "MA"].includes(c as string))).toBe(true);
      const terhab = (await oic.request("GET", `/api/events/${ids.terhab}`)).json();
      expect(terhab).toMatchObject({ confirmedCount: 0, capacity: 30 });
    });
  });
}
