/**
 * Archiving a cooperation programme: coordinators archive last season's programme; it leaves the
 * default list (listed with `archived=include|only`), stays readable with its recommendations,
 * takes no new recommendation, and comes back when restored — each change audited once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { ensureSeason } from "../../test/followup.js";

for (const dialect of DIALECTS) {
  describe(`archiving a cooperation programme (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let ministry: Client;
    let qatar: Client;
    let old: string;
    let current: string;

    const codes = async (c: Client, query = "") => ((await c.request("GET", `/api/programmes?pageSize=100${query}`)).json().items as Array<{ code: string }>).map((p) => p.code).sort();
    const audit = async (id: string) => (await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", id).orderBy("id").execute()).map((a) => a.action);

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      ministry = await login(t.app, LOGINS.ministryCoordinator);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      await ensureSeason(oic, 1445);
      await ensureSeason(oic, 1446);
      const create = async (code: string, season: string) => {
        const r = await oic.request("POST", "/api/programmes", {
          code, seasonCode: season, titleAr: `برنامج ${code}`, titleEn: `Programme ${code}`, visibility: "members",
          parties: [{ organisationId: await orgId(t, "oic") }, { organisationId: await orgId(t, "moh-sa") }],
          areas: [{ code: "training", titleAr: "التدريب", titleEn: "Training" }],
        });
        expect(r.statusCode, r.body).toBe(201);
        return r.json().id as string;
      };
      old = await create("arc-1445", "1445");
      current = await create("arc-1446", "1446");
      const rec = await oic.request("POST", "/api/recommendations", { textAr: "تدريب المرشدين", textEn: "", programmeId: old, responsibleOrganisationIds: [] });
      expect(rec.statusCode, rec.body).toBe(201);
    });
    afterAll(async () => t?.close());

    it("is archived by a coordinator only, and leaves the default list", async () => {
      expect((await qatar.request("POST", `/api/programmes/${old}/archive`)).statusCode).toBe(403);
      expect((await oic.request("POST", "/api/programmes/nope/archive")).statusCode).toBe(404);
      const archived = await ministry.request("POST", `/api/programmes/${old}/archive`);
      expect(archived.statusCode, archived.body).toBe(200);
      expect(archived.json()).toMatchObject({ id: old, archivedAt: expect.any(String), abilities: { update: true, archive: true }, counts: { recommendations: 1 } });
      expect(await codes(oic)).toEqual(["arc-1446"]);
      expect(await codes(qatar)).toEqual(["arc-1446"]);
      expect(await codes(oic, "&archived=only")).toEqual(["arc-1445"]);
      expect(await codes(qatar, "&archived=include")).toEqual(["arc-1445", "arc-1446"]);
      const bad = await oic.request("GET", "/api/programmes?archived=maybe");
      expect(bad.statusCode).toBe(400);
      expect(bad.json().fields).toEqual([{ field: "archived", message: expect.stringContaining("«") }]);
      // Archiving again changes nothing (one audit entry).
      expect((await oic.request("POST", `/api/programmes/${old}/archive`)).json().archivedAt).toBe(archived.json().archivedAt);
      expect(await audit(old)).toEqual(["programme.created", "programme.archived"]);
    });

    it("stays readable, with its recommendations, but takes no new one", async () => {
      const read = await qatar.request("GET", `/api/programmes/${old}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ archivedAt: expect.any(String), abilities: { update: false, archive: false } });
      expect((await oic.request("GET", `/api/recommendations?programme=${old}`)).json().total).toBe(1);
      const filed = await oic.request("POST", "/api/recommendations", { textAr: "", textEn: "Another one", programmeId: old, responsibleOrganisationIds: [] });
      expect(filed.statusCode).toBe(400);
      expect(filed.json().fields).toContainEqual({ field: "programmeId", message: expect.stringContaining("برنامج التعاون") });
      expect((await oic.request("GET", `/api/recommendations?programme=${old}`)).json().total).toBe(1);
    });

    it("is restored by a coordinator", async () => {
      expect((await qatar.request("POST", `/api/programmes/${old}/restore`)).statusCode).toBe(403);
      const restored = await oic.request("POST", `/api/programmes/${old}/restore`);
      expect(restored.statusCode, restored.body).toBe(200);
      expect(restored.json().archivedAt).toBeNull();
      expect(await codes(oic)).toEqual(["arc-1445", "arc-1446"]);
      expect((await oic.request("POST", `/api/programmes/${old}/restore`)).statusCode).toBe(200);
      expect(await audit(old)).toEqual(["programme.created", "programme.archived", "programme.restored"]);
      expect(await audit(current)).toEqual(["programme.created"]);
    });
  });
}
