/**
 * Training programmes: the OIC secretariat creates Asas with the Ministry of Hajj and Umrah as
 * co-owner; the Ministry's trainer manages it too; a draft is private to its owners; the
 * published programme is read as its visibility says; edits are refused from a stale version;
 * the virtual workshop (an event of kind workshop) delivers it; modules keep files, links and
 * video links, downloadable by every reader.
 */
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { createEvent, ensureSeason, PDF, upload } from "../../test/followup.js";

type Programme = { id: string; version: number; status: string; owners: Array<{ code: string }>; modules: Array<{ id: string; materials: Array<{ id: string; kind: string }> }>; workshops: Array<{ id: string }> };

for (const dialect of DIALECTS) {
  describe(`training programmes (${dialect})`, () => {
    let t: TestApp;
    let dataDir: string;
    let oic: Client;
    let trainer: Client;
    let kuwait: Client;
    let qatarMember: Client;
    let provider: Client;
    let asas: Programme;
    let workshop: string;
    let lateWorkshop: string;
    let meeting: string;
    let privateWorkshop: string;
    const anonymous = (method: string, url: string) => t.app.inject({ method: method as "GET", url });

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "rifada-training-"));
      t = await buildTestApp(dialect, { dataDir, attachmentMaxBytes: 64 * 1024 });
      oic = await login(t.app, LOGINS.oicCoordinator);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      provider = await login(t.app, LOGINS.providerParticipant);
      const seasonId = await ensureSeason(oic, 1445);
      lateWorkshop = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة ترحاب", titleEn: "Terhab workshop", registration: "open", visibility: "members", startsLocal: "2024-05-26T13:00", endsLocal: "2024-05-26T15:30" });
      workshop = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة أساس", titleEn: "Asas workshop", registration: "open", visibility: "members", startsLocal: "2024-05-26T10:00", endsLocal: "2024-05-26T12:30" });
      meeting = await createEvent(oic, { seasonId, titleAr: "اجتماع", titleEn: "A meeting" });
      privateWorkshop = await createEvent(kuwait, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة داخلية", titleEn: "Internal workshop" });
    });
    afterAll(async () => {
      await t?.close();
      await rm(dataDir, { recursive: true, force: true });
    });

    const body = async () => ({
      code: "asas-1445",
      seasonId: "1445",
      titleAr: "برنامج أساس",
      titleEn: "Asas programme",
      descriptionAr: "رفع وعي العاملين في خدمة ضيوف الرحمن.",
      descriptionEn: "Raising the awareness of those who serve the guests of the Most Merciful.",
      objectivesAr: ["التعريف بالأنظمة", "  ", "تحسين جودة الخدمة"],
      objectivesEn: ["Know the regulations\nImprove service quality"],
      audience: ["organisers", "service_providers"],
      ownerIds: [await orgId(t, "moh-sa")],
      visibility: "members",
    });

    it("is created as a draft by the OIC with the Ministry as co-owner, with the default survey and rule", async () => {
      expect((await qatarMember.request("POST", "/api/training/programmes", await body())).statusCode).toBe(403);
      expect((await provider.request("POST", "/api/training/programmes", await body())).statusCode).toBe(403);
      const created = await oic.request("POST", "/api/training/programmes", await body());
      expect(created.statusCode, created.body).toBe(201);
      asas = created.json();
      expect(created.json()).toMatchObject({
        code: "asas-1445",
        status: "draft",
        season: { code: "1445" },
        enrolment: "open",
        audience: ["organisers", "service_providers"],
        owners: [{ code: "oic" }, { code: "moh-sa" }],
        objectivesAr: ["التعريف بالأنظمة", "تحسين جودة الخدمة"],
        objectivesEn: ["Know the regulations", "Improve service quality"],
        minAttendancePct: 75,
        minPostScorePct: 60,
        requireSurvey: false,
        survey: DEFAULT_SURVEY,
        version: 1,
        modules: [],
        workshops: [],
        counts: { workshops: 0, modules: 0, enrolled: 0 },
        myEnrolment: null,
        can: { manage: true, enrolOthers: true, selfEnrol: false, results: "all" },
      });
      const again = await trainer.request("POST", "/api/training/programmes", { ...(await body()), code: "ASAS-1445" });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("TRAINING_PROGRAMME_CODE_TAKEN");
    });

    it("names every invalid field in the caller's language, changing nothing", async () => {
      const bad = await oic.request("POST", "/api/training/programmes", {
        ...(await body()),
        code: "bad code!",
        titleAr: "  ",
        seasonId: "1399",
        audience: [],
        minAttendancePct: 120,
        survey: [
          { id: "a", kind: "scale", textAr: "س", textEn: "Q" },
          { id: "a", kind: "text", textAr: "", textEn: "Q2" },
        ],
        ownerIds: ["no-such-org"],
        cooperationProgrammeId: "no-such-programme",
      });
      expect(bad.statusCode).toBe(400);
      const fields = Object.fromEntries(bad.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      expect(Object.keys(fields).sort()).toEqual(["audience", "code", "cooperationProgrammeId", "minAttendancePct", "ownerIds", "seasonId", "survey.1.id", "survey.1.textAr", "titleAr"].sort());
      // The coordinator reads Arabic: the programme's own labels, not a person's "position title".
      expect(fields.titleAr).toContain("العنوان (بالعربية)");
      expect(fields["survey.1.textAr"]).toContain("سؤال الاستبانة 2");
      const tooMany = await trainer.request("POST", "/api/training/programmes", { ...(await body()), code: "x-1", survey: Array.from({ length: 21 }, (_, i) => ({ id: `q${i}`, kind: "scale", textAr: "س", textEn: "Q" })) });
      expect(tooMany.json().fields.map((f: { field: string }) => f.field)).toEqual(["survey"]);
      expect((await oic.request("GET", "/api/training/programmes?status=draft")).json().total).toBe(1);
    });

    it("is private to its owners while a draft; the Ministry's trainer manages it", async () => {
      for (const c of [kuwait, qatarMember, provider]) {
        const hidden = await c.request("GET", `/api/training/programmes/${asas.id}`);
        expect(hidden.statusCode).toBe(404);
        expect(hidden.json().code).toBe("TRAINING_PROGRAMME_NOT_FOUND");
        expect((await c.request("GET", "/api/training/programmes")).json().total).toBe(0);
      }
      expect((await anonymous("GET", `/api/training/programmes/${asas.id}`)).statusCode).toBe(404);
      const seen = await trainer.request("GET", `/api/training/programmes/${asas.id}`);
      expect(seen.json().can).toMatchObject({ manage: true });
      const edited = await trainer.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 1, titleEn: "Asas", minPostScorePct: 70, requireSurvey: true, enrolment: "open" });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json()).toMatchObject({ titleEn: "Asas", minPostScorePct: 70, requireSurvey: true, version: 2 });
      // The trainer cannot drop his own organisation from the owners (he would lose the programme).
      const lockout = await trainer.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 2, ownerIds: [] });
      expect(lockout.statusCode).toBe(400);
      expect(lockout.json().fields[0].field).toBe("ownerIds");
    });

    it("refuses an edit from a stale version", async () => {
      const stale = await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 1, titleEn: "Old" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("TRAINING_PROGRAMME_CONFLICT");
      const survey = [...DEFAULT_SURVEY.slice(0, 2), { id: "useful", kind: "text", textAr: "ما أكثر ما أفادك؟", textEn: "What helped you most?" }];
      const fresh = await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 2, survey, visibility: "group", shareGroupId: null });
      expect(fresh.statusCode).toBe(400);
      expect(fresh.json().fields[0].field).toBe("shareGroupId");
      const ok = await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 2, survey });
      expect(ok.json()).toMatchObject({ version: 3, survey, titleEn: "Asas" });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", asas.id).orderBy("id").execute();
      expect(audit.map((a) => a.action)).toEqual(["training.programme_created", "training.programme_updated", "training.programme_updated"]);
    });

    it("is read, once published, as its visibility says", async () => {
      expect((await qatarMember.request("POST", `/api/training/programmes/${asas.id}/publish`)).statusCode).toBe(404);
      const published = await trainer.request("POST", `/api/training/programmes/${asas.id}/publish`);
      expect(published.json().status).toBe("published");
      const read = await qatarMember.request("GET", `/api/training/programmes/${asas.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().can).toEqual({ manage: false, enrolOthers: false, selfEnrol: true, results: "none" });
      expect((await kuwait.request("GET", `/api/training/programmes/${asas.id}`)).json().can).toEqual({ manage: false, enrolOthers: true, selfEnrol: true, results: "own" });
      expect((await kuwait.request("PATCH", `/api/training/programmes/${asas.id}`, { version: 3, titleEn: "Mine" })).statusCode).toBe(403);
      expect((await anonymous("GET", `/api/training/programmes/${asas.id}`)).statusCode).toBe(404);
      expect((await qatarMember.request("GET", "/api/training/programmes?season=1445&q=asas")).json().items.map((p: { code: string }) => p.code)).toEqual(["asas-1445"]);
      expect((await qatarMember.request("GET", "/api/training/programmes?status=draft")).json().total).toBe(0);
      expect((await qatarMember.request("GET", "/api/training/programmes?season=1446")).json().total).toBe(0);
      // Public: anyone reads it, signed in or not.
      const v = (await oic.request("GET", `/api/training/programmes/${asas.id}`)).json().version;
      await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: v, visibility: "public" });
      const open = await anonymous("GET", `/api/training/programmes/${asas.id}`);
      expect(open.statusCode).toBe(200);
      expect(open.json().can).toEqual({ manage: false, enrolOthers: false, selfEnrol: false, results: "none" });
      expect((await anonymous("GET", "/api/training/programmes")).json().items.map((p: { id: string }) => p.id)).toEqual([asas.id]);
      expect((await oic.request("POST", `/api/training/programmes/${asas.id}/unpublish`)).json().status).toBe("draft");
      expect((await anonymous("GET", `/api/training/programmes/${asas.id}`)).statusCode).toBe(404);
      await oic.request("POST", `/api/training/programmes/${asas.id}/publish`);
    });

    it("links the workshops that deliver it, in date order, and the event tells which programmes it delivers", async () => {
      const refused = await oic.request("PUT", `/api/training/programmes/${asas.id}/workshops`, { eventIds: [workshop, meeting] });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().fields[0].field).toBe("eventIds");
      // The Ministry's trainer cannot see Kuwait's private workshop: he cannot link it.
      expect((await trainer.request("PUT", `/api/training/programmes/${asas.id}/workshops`, { eventIds: [privateWorkshop] })).statusCode).toBe(400);
      const linked = await trainer.request("PUT", `/api/training/programmes/${asas.id}/workshops`, { eventIds: [lateWorkshop, workshop] });
      expect(linked.statusCode, linked.body).toBe(200);
      expect(linked.json().workshops.map((w: { id: string }) => w.id)).toEqual([workshop, lateWorkshop]);
      expect(linked.json()).toMatchObject({ counts: { workshops: 2 }, startsAt: "2024-05-26T07:00:00.000Z", endsAt: "2024-05-26T12:30:00.000Z" });
      expect(linked.json().workshops[0]).toMatchObject({ titleEn: "Asas workshop", mode: "virtual", timeZone: "Asia/Riyadh", status: "published" });
      const of = await qatarMember.request("GET", `/api/events/${workshop}/training-programmes`);
      expect(of.json().items).toEqual([{ id: asas.id, code: "asas-1445", titleAr: "برنامج أساس", titleEn: "Asas", status: "published", season: expect.objectContaining({ code: "1445" }) }]);
      expect((await qatarMember.request("GET", `/api/events/${meeting}/training-programmes`)).statusCode).toBe(404);
      // Unlinking keeps nothing the caller did not mean to drop.
      const one = await oic.request("PUT", `/api/training/programmes/${asas.id}/workshops`, { eventIds: [workshop] });
      expect(one.json().workshops.map((w: { id: string }) => w.id)).toEqual([workshop]);
    });

    it("links a cooperation programme that exists", async () => {
      const coop = await oic.request("POST", "/api/programmes", { code: "oic-moh-1445", seasonCode: "1445", titleAr: "برنامج التعاون", titleEn: "Cooperation programme", parties: [], areas: [] });
      expect(coop.statusCode, coop.body).toBe(201);
      const v = (await oic.request("GET", `/api/training/programmes/${asas.id}`)).json().version;
      const linked = await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: v, cooperationProgrammeId: coop.json().id });
      expect(linked.json().cooperationProgramme).toEqual({ id: coop.json().id, titleAr: "برنامج التعاون", titleEn: "Cooperation programme" });
    });

    it("keeps ordered modules with files, links and video links, downloadable by every reader", async () => {
      expect((await qatarMember.request("POST", `/api/training/programmes/${asas.id}/modules`, { titleAr: "وحدة", titleEn: "Module" })).statusCode).toBe(403);
      const blank = await trainer.request("POST", `/api/training/programmes/${asas.id}/modules`, { titleAr: "", titleEn: "Module" });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().fields[0]).toMatchObject({ field: "titleAr", message: expect.stringContaining("العنوان (بالعربية)") });
      const first = await trainer.request("POST", `/api/training/programmes/${asas.id}/modules`, { titleAr: "الأنظمة", titleEn: "Regulations", summaryAr: "مقدمة" });
      expect(first.statusCode, first.body).toBe(201);
      const second = await oic.request("POST", `/api/training/programmes/${asas.id}/modules`, { titleAr: "جودة الخدمة", titleEn: "Service quality" });
      const [m1, m2] = second.json().items as Array<{ id: string }>;
      const reordered = await oic.request("PUT", `/api/training/programmes/${asas.id}/modules/order`, { ids: [m2.id, m1.id] });
      expect(reordered.json().items.map((m: { titleEn: string; position: number }) => [m.titleEn, m.position])).toEqual([["Service quality", 1], ["Regulations", 2]]);
      expect((await oic.request("PUT", `/api/training/programmes/${asas.id}/modules/order`, { ids: [m2.id] })).statusCode).toBe(400);

      for (const url of ["ftp://files.example.org/a", "javascript:alert(1)", "not a url"]) {
        const r = await oic.request("POST", `/api/training/modules/${m1.id}/materials`, { kind: "link", titleAr: "رابط", titleEn: "Link", url });
        expect(r.statusCode, url).toBe(400);
        expect(r.json().fields[0].field).toBe("url");
      }
      await oic.request("POST", `/api/training/modules/${m1.id}/materials`, { kind: "link", titleAr: "نظام الحج", titleEn: "Hajj regulations", url: "https://www.haj.gov.sa/" });
      await oic.request("POST", `/api/training/modules/${m1.id}/materials`, { kind: "video", titleAr: "تسجيل الورشة", titleEn: "Workshop recording", url: "https://video.example.org/asas-1445" });
      const file = await upload(t, trainer, `/api/training/modules/${m1.id}/files`, "دليل المتدرب.pdf", PDF);
      expect(file.statusCode, file.body).toBe(201);
      const materials = file.json().items.find((m: { id: string }) => m.id === m1.id).materials as Array<{ id: string; kind: string; fileName: string | null; size: number | null; titleAr: string }>;
      expect(materials.map((x) => x.kind)).toEqual(["link", "video", "file"]);
      const pdf = materials[2]!;
      expect(pdf).toMatchObject({ fileName: "دليل المتدرب.pdf", size: PDF.length, titleAr: "دليل المتدرب" });
      expect((await upload(t, trainer, `/api/training/modules/${m1.id}/files`, "setup.exe", Buffer.from("MZ"))).json().fields[0].field).toBe("fileName");
      expect((await upload(t, trainer, `/api/training/modules/${m1.id}/files`, "big.pdf", Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(65 * 1024, 32)]))).statusCode).toBe(413);
      expect((await upload(t, qatarMember, `/api/training/modules/${m1.id}/files`, "a.pdf", PDF)).statusCode).toBe(403);

      // Readers download it after the session (continuous learning); strangers to the programme do not.
      const download = await qatarMember.request("GET", `/api/training/materials/${pdf.id}/file`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(String(download.headers["content-disposition"])).toContain("filename*=UTF-8''%D8%AF%D9%84%D9%8A%D9%84");
      const v = (await oic.request("GET", `/api/training/programmes/${asas.id}`)).json().version;
      await oic.request("PATCH", `/api/training/programmes/${asas.id}`, { version: v, visibility: "private" });
      expect((await qatarMember.request("GET", `/api/training/materials/${pdf.id}/file`)).statusCode).toBe(404);
      expect((await anonymous("GET", `/api/training/materials/${pdf.id}/file`)).statusCode).toBe(401);
      expect((await trainer.request("GET", `/api/training/materials/${pdf.id}/file`)).statusCode).toBe(200);

      const order = [pdf.id, materials[0]!.id, materials[1]!.id];
      const moved = await oic.request("PUT", `/api/training/modules/${m1.id}/materials/order`, { ids: order });
      expect(moved.json().items[1].materials.map((x: { id: string }) => x.id)).toEqual(order);
      const renamed = await oic.request("PATCH", `/api/training/materials/${materials[1]!.id}`, { titleEn: "Recording", url: "http://video.example.org/x" });
      expect(renamed.json().items[1].materials[2]).toMatchObject({ titleEn: "Recording", url: "http://video.example.org/x" });
      expect((await oic.request("PATCH", `/api/training/materials/${pdf.id}`, { url: "https://x.org" })).statusCode).toBe(400);
      expect((await oic.request("PATCH", `/api/training/modules/${m2.id}`, { titleEn: "Quality of service" })).json().items[0].titleEn).toBe("Quality of service");

      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([pdf.id]);
      const removed = await oic.request("DELETE", `/api/training/materials/${pdf.id}`);
      expect(removed.json().items[1].materials).toHaveLength(2);
      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([]);
      expect((await trainer.request("GET", `/api/training/materials/${pdf.id}/file`)).statusCode).toBe(404);
      const gone = await oic.request("DELETE", `/api/training/modules/${m1.id}`);
      expect(gone.json().items.map((m: { id: string }) => m.id)).toEqual([m2.id]);
      expect((await oic.request("GET", `/api/training/programmes/${asas.id}`)).json().counts.modules).toBe(1);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", asas.id).where("action", "like", "training.m%").execute();
      expect(audit.map((a) => a.action)).toContain("training.material_deleted");
    });

    it("is archived (kept, readable, out of lists) and restored", async () => {
      const archived = await oic.request("POST", `/api/training/programmes/${asas.id}/archive`);
      expect(archived.json().archivedAt).not.toBeNull();
      expect(archived.json().can.selfEnrol).toBe(false);
      expect((await oic.request("GET", "/api/training/programmes")).json().total).toBe(0);
      expect((await oic.request("GET", "/api/training/programmes?archived=only")).json().total).toBe(1);
      expect((await trainer.request("GET", `/api/training/programmes/${asas.id}`)).statusCode).toBe(200);
      expect((await qatarMember.request("POST", `/api/training/programmes/${asas.id}/unarchive`)).statusCode).toBe(404);
      expect((await trainer.request("POST", `/api/training/programmes/${asas.id}/unarchive`)).json().archivedAt).toBeNull();
      expect((await oic.request("GET", "/api/training/programmes")).json().total).toBe(1);
    });
  });
}
