/**
 * Minutes of the GCC offices' meeting: sanitised rich text, decisions as separate items
 * with stable ids (for follow-up), protection against overwriting a colleague's save,
 * and files stored on disk with their metadata in the database.
 */
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { mkdtemp } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")]);

for (const dialect of DIALECTS) {
  describe(`minutes and files (${dialect})`, () => {
    let t: TestApp;
    let dataDir: string;
    let kuwait: Client;
    let qatar: Client;
    let indonesia: Client;
    let eventId: string;

    const upload = (c: Client, query: string, body: Buffer, extra: Record<string, string> = {}) =>
      t.app.inject({ method: "POST", url: `/api/events/${eventId}/attachments?${query}`, payload: body, headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/octet-stream", ...extra } });

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "rifada-files-"));
      t = await buildTestApp(dialect, { dataDir, attachmentMaxBytes: 64 * 1024 });
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      const oic = await login(t.app, LOGINS.oicCoordinator);
      const season = (await oic.request("POST", "/api/seasons", { hijriYear: 1446 })).json();
      // Visible to all members, so a non-invited mission can read the event but not its minutes.
      const r = await kuwait.request("POST", "/api/events", {
        seasonId: season.id, kind: "meeting", mode: "in_person", titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون", titleEn: "Annual meeting of the GCC Hajj-affairs offices",
        startsLocal: "2025-06-02T20:00", endsLocal: "2025-06-02T22:00", registration: "invitation", visibility: "members",
      });
      eventId = r.json().id;
      await kuwait.request("POST", `/api/events/${eventId}/invitations`, { groupCodes: ["gcc-hajj-offices"] });
    });
    afterAll(async () => t?.close());

    it("starts empty; invited offices may read, a mission not invited may not", async () => {
      const empty = await qatar.request("GET", `/api/events/${eventId}/minutes`);
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json()).toMatchObject({ bodyHtml: "", version: 0, decisions: [], abilities: { edit: false } });
      expect((await indonesia.request("GET", `/api/events/${eventId}`)).statusCode).toBe(200);
      expect((await indonesia.request("GET", `/api/events/${eventId}/minutes`)).statusCode).toBe(403);
    });

    it("saves sanitised minutes with decisions, keeping each decision's id across saves", async () => {
      const qa = await orgId(t, "hajj-qa");
      const r = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, {
        version: 0,
        bodyHtml: '<h2>محضر الاجتماع</h2><p onclick="steal()">عُقد الاجتماع في مقر البعثة الكويتية <script>alert(1)</script><strong>بمكة المكرمة</strong>.</p>',
        decisions: [
          { reference: "1446/1", textAr: "توحيد نماذج تقارير الميدان بين المكاتب", textEn: "Unify the field report forms across the offices", responsibleOrganisationId: qa, dueOn: "2026-05-18" },
          { textAr: "تبادل خطط التفويج قبل الموسم", textEn: "" },
        ],
      });
      expect(r.statusCode, r.body).toBe(200);
      const saved = r.json();
      expect(saved.bodyHtml).toBe("<h2>محضر الاجتماع</h2><p>عُقد الاجتماع في مقر البعثة الكويتية <strong>بمكة المكرمة</strong>.</p>");
      expect(saved.version).toBe(1);
      expect(saved.decisions).toMatchObject([
        { number: 1, reference: "1446/1", responsible: { code: "hajj-qa" }, dueOn: "2026-05-18" },
        { number: 2, reference: null, textEn: "", responsible: null },
      ]);
      const [first, second] = saved.decisions;
      // Reorder, edit the second, drop nothing: ids stay.
      const again = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, {
        version: 1,
        bodyHtml: saved.bodyHtml,
        decisions: [
          { id: second.id, textAr: second.textAr, textEn: "Exchange the pilgrims' movement plans before the season" },
          { id: first.id, reference: "1446/1", textAr: first.textAr, textEn: first.textEn, responsibleOrganisationId: qa, dueOn: "2026-05-18" },
        ],
      });
      expect(again.json().decisions.map((d: { id: string; number: number }) => [d.id, d.number])).toEqual([[second.id, 1], [first.id, 2]]);
      // The Qatari office reads them.
      expect((await qatar.request("GET", `/api/events/${eventId}/minutes`)).json().decisions).toHaveLength(2);
    });

    it("takes null as 'none' for a decision's organisation and date (not as an empty id)", async () => {
      const before = (await kuwait.request("GET", `/api/events/${eventId}/minutes`)).json();
      const decisions = before.decisions.map((d: { id: string; textAr: string; textEn: string }) => ({ id: d.id, textAr: d.textAr, textEn: d.textEn, reference: null, responsibleOrganisationId: null, dueOn: null }));
      const r = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, { version: before.version, bodyHtml: before.bodyHtml, decisions });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().decisions.every((d: { responsible: unknown; dueOn: unknown }) => d.responsible === null && d.dueOn === null)).toBe(true);
      // Put them back as the next tests expect.
      const restored = before.decisions.map((d: { id: string; reference: string | null; textAr: string; textEn: string; dueOn: string | null; responsible: { id: string } | null }) => ({ id: d.id, reference: d.reference, textAr: d.textAr, textEn: d.textEn, dueOn: d.dueOn, responsibleOrganisationId: d.responsible?.id ?? null }));
      expect((await kuwait.request("PUT", `/api/events/${eventId}/minutes`, { version: before.version + 1, bodyHtml: before.bodyHtml, decisions: restored })).statusCode).toBe(200);
    });

    it("refuses a save based on an old version, changing nothing", async () => {
      const stale = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, { version: 3, bodyHtml: "<p>older text</p>", decisions: [] });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("MINUTES_CONFLICT");
      const now = (await kuwait.request("GET", `/api/events/${eventId}/minutes`)).json();
      expect(now.version).toBe(4);
      expect(now.decisions).toHaveLength(2);
    });

    it("names the decision and field of a bad input in the user's language", async () => {
      const r = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, { version: 4, bodyHtml: "<p>x</p>", decisions: [{ textAr: "قرار", textEn: "A decision" }, { textAr: " ", textEn: "" }] });
      expect(r.statusCode).toBe(400);
      expect(r.json().fields).toEqual([{ field: "decisions.1.textAr", message: "حقل «القرار 2 — النص (بالعربية)» مطلوب." }]);
      const unknownOrg = await kuwait.request("PUT", `/api/events/${eventId}/minutes`, { version: 4, bodyHtml: "<p>x</p>", decisions: [{ textAr: "قرار", textEn: "", responsibleOrganisationId: "nope" }] });
      expect(unknownOrg.json().fields[0].field).toBe("decisions.0.responsibleOrganisationId");
      expect((await kuwait.request("GET", `/api/events/${eventId}/minutes`)).json().version).toBe(4);
      // Only the host edits.
      expect((await qatar.request("PUT", `/api/events/${eventId}/minutes`, { version: 4, bodyHtml: "", decisions: [] })).statusCode).toBe(403);
    });

    it("stores a minutes' file on disk and serves it with its Arabic name to those who may read the minutes", async () => {
      const r = await upload(kuwait, `target=minutes&fileName=${encodeURIComponent("محضر الاجتماع ١٤٤٦.pdf")}`, PDF);
      expect(r.statusCode, r.body).toBe(201);
      const file = r.json();
      expect(file).toMatchObject({ target: "minutes", fileName: "محضر الاجتماع ١٤٤٦.pdf", contentType: "application/pdf", size: PDF.length });
      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([file.id]);
      const download = await qatar.request("GET", file.url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.headers["content-disposition"]).toBe(`attachment; filename="${"_".repeat(4)} ${"_".repeat(8)} ${"_".repeat(4)}.pdf"; filename*=UTF-8''${encodeURIComponent("محضر الاجتماع ١٤٤٦.pdf")}`);
      expect((await qatar.request("GET", `/api/events/${eventId}/minutes`)).json().attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);
      // A mission that may read the event but not the minutes neither sees nor gets the file.
      expect((await indonesia.request("GET", `/api/events/${eventId}/attachments`)).json().items).toEqual([]);
      expect((await indonesia.request("GET", file.url)).statusCode).toBe(404);
    });

    it("refuses files of other kinds, files whose content is not what their name says, and files over the limit — keeping nothing", async () => {
      const exe = await upload(kuwait, "target=event&fileName=setup.exe", Buffer.from("MZ\x90\x00"));
      expect(exe.statusCode).toBe(400);
      expect(exe.json().fields[0]).toMatchObject({ field: "fileName" });
      expect(exe.json().fields[0].message).toContain("pdf, png");
      const disguised = await upload(kuwait, "target=event&fileName=report.pdf", Buffer.from("MZ\x90\x00 not a pdf"));
      expect(disguised.statusCode).toBe(400);
      expect(disguised.json().fields[0].field).toBe("file");
      const big = await upload(kuwait, "target=event&fileName=big.pdf", Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(65 * 1024, 32)]));
      expect(big.statusCode).toBe(413);
      const agendaMissing = await upload(kuwait, "target=agenda&fileName=a.pdf", PDF);
      expect(agendaMissing.json().fields[0].field).toBe("agendaItemId");
      expect((await upload(qatar, "target=event&fileName=a.pdf", PDF)).statusCode).toBe(403);
      expect((await readdir(path.join(dataDir, "attachments"))).length).toBe(1);
    });

    it("attaches a file to an agenda item and removes a file from disk and database", async () => {
      const agenda = await kuwait.request("PUT", `/api/events/${eventId}/agenda`, { items: [{ kind: "session", titleAr: "تبادل التجارب", titleEn: "Exchange of experiences" }] });
      const itemId = agenda.json().items[0].id;
      const r = await upload(kuwait, `target=agenda&agendaItemId=${itemId}&fileName=plan.pdf`, PDF);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().agendaItemId).toBe(itemId);
      // Saving the agenda again (the item sent with its id, a new one added) keeps the file on its item.
      const resaved = await kuwait.request("PUT", `/api/events/${eventId}/agenda`, { items: [{ kind: "session", titleAr: "مقترحات", titleEn: "Proposals" }, { id: itemId, kind: "session", titleAr: "تبادل التجارب والممارسات", titleEn: "Exchange of experiences and practices" }] });
      expect(resaved.json().items.map((i: { id: string }) => i.id)[1]).toBe(itemId);
      expect((await kuwait.request("GET", `/api/events/${eventId}/attachments`)).json().items.find((a: { id: string }) => a.id === r.json().id).agendaItemId).toBe(itemId);
      expect((await kuwait.request("PUT", `/api/events/${eventId}/agenda`, { items: [{ id: "not-an-item", kind: "session", titleAr: "x", titleEn: "x" }] })).json().fields[0].field).toBe("items.0.id");
      // An agenda file is read like the event: the non-invited mission sees it.
      expect((await indonesia.request("GET", `/api/events/${eventId}/attachments`)).json().items.map((a: { id: string }) => a.id)).toEqual([r.json().id]);
      expect((await kuwait.request("DELETE", r.json().url)).statusCode).toBe(204);
      expect((await kuwait.request("GET", r.json().url)).statusCode).toBe(404);
      expect(await readdir(path.join(dataDir, "attachments"))).not.toContain(r.json().id);
    });
  });
}
