/**
 * The accountability view on a small known data set: six recommendations of a cooperation
 * programme (one of them private to another mission), exact totals, rates by area and by
 * organisation, the overdue list and the timeline; and the CSV and XLSX exports.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { dayIn, ensureSeason, tokenClient } from "../../test/followup.js";

for (const dialect of DIALECTS) {
  describe(`accountability (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatar: Client;
    let english: Client;
    let programmeId: string;
    const areas = { training: "", awareness: "" };
    const recs: Record<string, string> = {};

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      english = await tokenClient(t, "hajj-qa", "member", `acc-${dialect}`);
      const seasonId = await ensureSeason(oic, 1446);
      const [qa, kw, eg] = await Promise.all(["hajj-qa", "hajj-kw", "hajj-eg"].map((c) => orgId(t, c)));
      const programme = await oic.request("POST", "/api/programmes", {
        code: "oic-moh-1446", seasonCode: "1446", titleAr: "برنامج التعاون ١٤٤٦", titleEn: "Cooperation programme 1446",
        parties: [{ organisationId: await orgId(t, "oic") }, { organisationId: await orgId(t, "moh-sa") }],
        areas: [{ code: "training", titleAr: "التدريب", titleEn: "Training" }, { code: "awareness", titleAr: "التوعية", titleEn: "Awareness" }],
      });
      expect(programme.statusCode, programme.body).toBe(201);
      programmeId = programme.json().id;
      areas.training = programme.json().areas[0].id;
      areas.awareness = programme.json().areas[1].id;

      // [key, area, status, progress, due, responsibles, owner, visibility]
      const rows: Array<[string, string | null, string, number, string | null, string[], string, string]> = [
        ["R1", areas.training, "done", 100, dayIn(-30), [qa], kw, "members"],
        ["R2", areas.training, "in_progress", 50, dayIn(-3), [qa, kw], kw, "members"],
        ["R3", areas.awareness, "approved", 0, dayIn(10), [kw], kw, "members"],
        ["R4", areas.awareness, "proposed", 0, null, [qa], kw, "members"],
        ["R5", null, "dropped", 0, dayIn(-5), [kw], kw, "members"],
        // Egypt's own, private: counted for the coordinator only.
        ["R6", areas.training, "in_progress", 20, dayIn(-1), [eg], eg, "private"],
      ];
      let minute = 0;
      for (const [key, areaId, status, progress, dueOn, responsibles, owner, visibility] of rows) {
        const id = newId();
        recs[key] = id;
        const at = `2025-06-0${(minute % 9) + 1}T10:00:00.000Z`;
        minute++;
        await t.database.db.insertInto("recommendations").values({
          id, programmeId, areaId, seasonId, sourceEventId: null, sourceDecisionId: null, sourceProposalId: null, reference: `1446/${key}`,
          textAr: key === "R4" ? "=HYPERLINK(\"http://evil\")" : `توصية ${key}`, textEn: key === "R4" ? "=HYPERLINK(\"http://evil\")" : `Recommendation ${key}`,
          status, statusReason: null, progress, dueOn, organisationId: owner, visibility, shareGroupId: null, createdBy: null, createdAt: at, updatedAt: at, approvedAt: null, closedAt: null,
        }).execute();
        await t.database.db.insertInto("recommendationResponsibles").values(responsibles.map((organisationId) => ({ recommendationId: id, organisationId }))).execute();
        await t.database.db.insertInto("recommendationUpdates").values({
          id: newId(), recommendationId: id, userId: null, organisationId: owner, kind: "status", text: null, statusFrom: "approved", statusTo: status, progressFrom: null, progressTo: progress, links: null, createdAt: at,
        }).execute();
      }
    });
    afterAll(async () => t?.close());

    it("counts exactly what the caller may read", async () => {
      const r = await qatar.request("GET", `/api/accountability?programme=${programmeId}`);
      expect(r.statusCode, r.body).toBe(200);
      const view = r.json();
      expect(view.totals).toEqual({ total: 5, proposed: 1, approved: 1, inProgress: 1, done: 1, dropped: 1, overdue: 1, implementationRate: 0.3333 });
      expect(view.byArea).toEqual([
        { areaId: areas.awareness, code: "awareness", titleAr: "التوعية", titleEn: "Awareness", total: 2, done: 0, rate: 0, averageProgress: 0 },
        { areaId: areas.training, code: "training", titleAr: "التدريب", titleEn: "Training", total: 2, done: 1, rate: 0.5, averageProgress: 75 },
        { areaId: null, code: null, titleAr: null, titleEn: null, total: 1, done: 0, rate: null, averageProgress: null },
      ]);
      expect(view.byOrganisation.map((o: { nameEn: string }) => o.nameEn)).toHaveLength(2);
      const byCode = Object.fromEntries(view.byOrganisation.map((o: { country: string }) => [o.country, o]));
      expect(byCode.QA).toMatchObject({ total: 3, done: 1, rate: 0.5, averageProgress: 75, overdue: 1 });
      expect(byCode.KW).toMatchObject({ total: 3, done: 0, rate: 0, averageProgress: 25, overdue: 1 });
      expect(view.overdue).toEqual([expect.objectContaining({ id: recs.R2, reference: "1446/R2", dueOn: dayIn(-3), daysOverdue: 3, status: "in_progress", progress: 50 })]);
      expect(view.overdue[0].responsibles.map((o: { id: string }) => o.id).sort()).toEqual([await orgId(t, "hajj-qa"), await orgId(t, "hajj-kw")].sort());
      expect(view.timeline.map((u: { recommendationId: string }) => u.recommendationId)).toEqual([recs.R5, recs.R4, recs.R3, recs.R2, recs.R1]);
      expect(view.timeline[0]).toMatchObject({ kind: "status", statusTo: "dropped", reference: "1446/R5" });

      const all = (await oic.request("GET", `/api/accountability?programme=${programmeId}`)).json();
      expect(all.totals).toMatchObject({ total: 6, inProgress: 2, overdue: 2, implementationRate: 0.25 });
      expect(all.timeline).toHaveLength(6);
    });

    it("filters by area, organisation, status, due dates and season", async () => {
      const totals = async (query: string) => (await qatar.request("GET", `/api/accountability?${query}`)).json().totals;
      expect((await totals(`area=${areas.training}`)).total).toBe(2);
      expect((await totals(`organisation=${await orgId(t, "hajj-kw")}`)).total).toBe(3);
      expect((await totals("status=done")).total).toBe(1);
      expect((await totals(`from=${dayIn(-10)}&to=${dayIn(0)}`)).total).toBe(2);
      expect((await totals("season=1446")).total).toBe(5);
      expect((await totals("season=1300")).total).toBe(0);
      expect((await qatar.request("GET", "/api/accountability?from=yesterday")).statusCode).toBe(400);
    });

    it("exports CSV with a byte-order mark, Arabic headers and formula cells neutralised", async () => {
      const r = await qatar.request("GET", `/api/accountability/export?format=csv&programme=${programmeId}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers["content-type"]).toContain("text/csv");
      expect(r.headers["content-disposition"]).toContain(".csv");
      expect(r.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
      const lines = r.rawPayload.subarray(3).toString("utf8").trim().split("\n");
      expect(lines).toHaveLength(6);
      expect(lines[0]).toContain("الرقم المرجعي");
      expect(lines[0]).toContain("تاريخ الاستحقاق (هجري)");
      expect(lines.join("\n")).toContain("توصية R2");
      expect(lines.join("\n")).toContain("قيد التنفيذ");
      expect(lines.join("\n")).not.toContain("R6");
      const injected = lines.find((l) => l.includes("HYPERLINK"))!;
      expect(injected).toContain(`"'=HYPERLINK(""http://evil"")"`);
      const r2 = lines.find((l) => l.startsWith("1446/R2"))!;
      expect(r2).toContain(dayIn(-3));
      expect(r2).toMatch(/ هـ/);

      const en = await english.request("GET", `/api/accountability/export?format=csv&programme=${programmeId}`);
      expect(en.rawPayload.subarray(3).toString("utf8").split("\n")[0]).toContain("Reference,Recommendation,Status");
    });

    it("exports XLSX read right to left in Arabic, with headers in the caller's language", async () => {
      const read = async (c: Client) => {
        const r = await c.request("GET", `/api/accountability/export?format=xlsx&programme=${programmeId}`);
        expect(r.statusCode, r.body).toBe(200);
        expect(r.headers["content-type"]).toContain("spreadsheetml");
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
        return workbook;
      };
      const arabic = await read(qatar);
      expect(arabic.worksheets.map((w) => w.name)).toEqual(["الملخص", "التوصيات"]);
      const list = arabic.getWorksheet("التوصيات")!;
      expect(list.views[0]).toMatchObject({ rightToLeft: true });
      expect(list.getRow(1).getCell(1).value).toBe("الرقم المرجعي");
      expect(list.getRow(1).getCell(10).value).toBe("تاريخ الاستحقاق (ميلادي)");
      expect(list.actualRowCount).toBe(6);
      const summary = arabic.getWorksheet("الملخص")!;
      expect(summary.views[0]).toMatchObject({ rightToLeft: true });
      expect(summary.getRow(1).values).toEqual([undefined, "الإجمالي", 5]);

      const englishBook = await read(english);
      const sheet = englishBook.getWorksheet("Recommendations")!;
      expect(sheet.views[0]?.rightToLeft ?? false).toBe(false);
      expect(sheet.getRow(1).getCell(2).value).toBe("Recommendation");
      const r4 = sheet.getRows(2, 5)!.find((row) => row.getCell(1).value === "1446/R4")!;
      // XLSX cells are typed text, not formulas: kept as written.
      expect(r4.getCell(2).value).toBe("=HYPERLINK(\"http://evil\")");
    });
  });
}
