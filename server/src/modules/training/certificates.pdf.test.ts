/**
 * Certificates as PDF, rendered by headless Chromium and read back: the text (pdftotext) has the
 * Arabic name in logical order, the Latin name and the code, on one page; the page as an image
 * (pdftoppm) is not blank; a revoked one is stamped; repeated downloads come from the cache; a
 * workshop's certificates come as one ZIP with the expected entries. Without Chromium or poppler
 * the rendering tests are skipped with a loud line, and fail under CI=true (as scripts/test.mjs
 * treats the browser suite).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { tokenClient } from "../../test/followup.js";
import * as fx from "./training.fixture.js";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const TOOLS = ["pdftotext", "pdftoppm", "pdfinfo"];
const missing = [
  ...(fs.existsSync(CHROMIUM) ? [] : [CHROMIUM]),
  ...TOOLS.filter((tool) => spawnSync("which", [tool]).status !== 0),
];
const canRender = missing.length === 0;
if (!canRender && process.env.CI !== "true") {
  console.warn(`\n!!! SKIPPING the certificate PDF tests: ${missing.join(", ")} missing.\n!!! Enable them with: apt-get install chromium fonts-hosny-amiri fonts-noto-core poppler-utils\n`);
}

/** Names of the entries of a ZIP, read from its central directory. */
function zipEntries(zip: Buffer): string[] {
  let end = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a ZIP: no end of central directory");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error("bad central directory entry");
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** Mean and variance of the grey levels of a binary PPM (P6) image. */
function greyStats(ppm: Buffer): { width: number; height: number; mean: number; variance: number } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString("latin1"));
  if (!header) throw new Error("not a PPM");
  const [all, w, h] = header;
  const pixels = ppm.subarray(all!.length);
  let sum = 0, sumSq = 0;
  const count = Number(w) * Number(h);
  for (let i = 0; i < count; i++) {
    const grey = (pixels[i * 3]! + pixels[i * 3 + 1]! + pixels[i * 3 + 2]!) / 3;
    sum += grey;
    sumSq += grey * grey;
  }
  const mean = sum / count;
  return { width: Number(w), height: Number(h), mean, variance: sumSq / count - mean * mean };
}

describe("certificate PDF rendering: tools present", () => {
  it.runIf(process.env.CI === "true")("Chromium and poppler-utils are installed (CI=true forbids skipping)", () => {
    expect(missing, "missing for the certificate PDF tests").toEqual([]);
  });
});

for (const dialect of DIALECTS) {
  describe.runIf(canRender)(`certificate PDFs (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatarAdmin: Client;
    let programmeId: string;
    let workshopId: string;
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "rifada-cert-data-"));
    const outDir = path.join(os.tmpdir(), "rifada-certificate-test");
    const e: Record<string, string> = {};

    beforeAll(async () => {
      fs.mkdirSync(outDir, { recursive: true });
      t = await buildTestApp(dialect, { dataDir });
      const db = t.database.db;
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatarAdmin = await login(t.app, LOGINS.qatarAdmin);
      const [oicId, moh, sp, qa] = await Promise.all(["oic", "moh-sa", "sp-field", "hajj-qa"].map((c) => orgId(t, c)));
      const seasonId = await fx.season(db);
      programmeId = await fx.programme(db, { seasonId, ownerIds: [oicId!, moh!], titleAr: "برنامج أساس لتأهيل مقدمي الخدمة", titleEn: "Asas: preparing service providers' staff" });
      workshopId = await fx.workshop(db, { programmeId, seasonId, hostId: oicId!, startsAt: "2024-05-26T07:00:00.000Z", endsAt: "2024-05-26T09:30:00.000Z", titleEn: "Asas workshop" });
      const post = await fx.assessment(db, { programmeId, kind: "post" });
      const trainees: Array<[string, string, string, string]> = [
        ["ghamdi", sp!, "عبدالرحمن بن سعيد الغامدي", "Abdulrahman Saeed Al-Ghamdi"],
        ["odd", sp!, "علي <b>&amp;</b>", "<script>alert(1)</script> & \"Ali\""],
        ["qatari", qa!, "سالم المري", "Salem Al-Marri"],
      ];
      for (const [key, org, nameAr, nameEn] of trainees) {
        const personId = await fx.person(db, { organisationId: org, nameAr, nameEn });
        e[key] = await fx.enrol(db, { programmeId, personId, organisationId: org });
        await fx.attend(db, { eventId: workshopId, organisationId: org, personId, minutes: 150 });
        await fx.attempt(db, { assessmentId: post, enrolmentId: e[key]!, programmeId, kind: "post", score: 17, maxScore: 20, submittedAt: "2024-05-26T12:00:00.000Z" });
      }
      const issued = await oic.request("POST", `/api/training/programmes/${programmeId}/certificates/issue`);
      expect(issued.json()).toEqual({ issued: 3, alreadyIssued: 0, notComplete: 0 });
    }, 120_000);
    afterAll(async () => {
      await t?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const certOf = (key: string) => t.database.db.selectFrom("trainingCertificates").selectAll().where("enrolmentId", "=", e[key]!).where("status", "=", "valid").executeTakeFirstOrThrow();

    function readBack(pdf: Buffer, name: string) {
      const file = path.join(outDir, `${name}.pdf`);
      fs.writeFileSync(file, pdf);
      const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
      const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [file]).toString("utf8"))?.[1]);
      return { file, text, pages };
    }

    it("renders one A4 landscape page with the Arabic name in logical order, the Latin name and the code", async () => {
      const cert = await certOf("ghamdi");
      const r = await oic.request("GET", `/api/training/certificates/${cert.id}/pdf`);
      expect(r.statusCode, r.body.slice(0, 200)).toBe(200);
      expect(r.headers["content-type"]).toBe("application/pdf");
      expect(r.headers["content-disposition"]).toContain(`certificate-${cert.code}.pdf`);
      const { file, text, pages } = readBack(r.rawPayload, `certificate-${dialect}`);
      expect(pages).toBe(1);
      expect(execFileSync("pdfinfo", [file]).toString()).toMatch(/Page size:\s+84\d\.\d+ x 595\.\d+ pts \(A4\)/);
      expect(text).toContain("عبدالرحمن بن سعيد الغامدي");
      expect(text).toContain("Abdulrahman Saeed Al-Ghamdi");
      expect(text).toContain(cert.code);
      expect(text).toContain("برنامج أساس لتأهيل مقدمي الخدمة");
      expect(text).toContain("Asas: preparing service providers'");
      expect(text).toContain("Ministry of Hajj and Umrah");
      expect(text).toContain("وزارة الحج والعمرة");
      // 26 May 2024 = 18 Dhu al-Qadah 1445 (Umm al-Qura), in both calendars and both languages.
      expect(text).toContain("26 May 2024");
      expect(text).toContain("18 Dhu al-Qadah 1445 AH");
      // (pdftotext splits Arabic-Indic numbers out of the right-to-left runs: the parts are checked.)
      expect(text).toMatch(/ذو القعدة.*١٨/);
      expect(text).toMatch(/١٤٤٥.*ذو القعدة/);
      expect(text).not.toContain("REVOKED");

      // The page as an image: drawn (not blank), for a person to look at too.
      const png = path.join(outDir, `certificate-${dialect}`);
      execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, png]);
      expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
      execFileSync("pdftoppm", ["-r", "30", "-singlefile", file, png]);
      const stats = greyStats(fs.readFileSync(`${png}.ppm`));
      expect(stats.width).toBeGreaterThan(stats.height);
      expect(stats.mean).toBeGreaterThan(150);
      expect(stats.variance).toBeGreaterThan(200);
      console.info(`certificate image: ${png}.png`);
    });

    it("the trainee downloads his own certificate", async () => {
      const me = await tokenClient(t, "sp-field", "participant", `pdf-${dialect}`);
      await t.database.db.updateTable("trainingEnrolments").set({ userId: me.userId }).where("id", "=", e.ghamdi!).execute();
      const cert = await certOf("ghamdi");
      const r = await me.request("GET", `/api/training/certificates/${cert.id}/pdf`);
      expect(r.statusCode).toBe(200);
      expect(r.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      const other = await certOf("odd");
      expect((await me.request("GET", `/api/training/certificates/${other.id}/pdf`)).statusCode).toBe(404);
    });

    it("escapes names: markup in a name is printed, not interpreted", async () => {
      const cert = await certOf("odd");
      const r = await oic.request("GET", `/api/training/certificates/${cert.id}/pdf`);
      expect(r.statusCode).toBe(200);
      const { text } = readBack(r.rawPayload, `odd-${dialect}`);
      // (Long names wrap; the Arabic extraction mirrors the brackets.)
      expect(text).toContain("<script>alert(1)</script> &");
      expect(text).toContain("\"Ali\"");
      expect(text).toContain("&amp;");
      expect(text).not.toContain("&lt;");
    });

    it("serves repeated downloads from the cache; revocation invalidates it and the PDF is stamped REVOKED", async () => {
      const cert = await certOf("qatari");
      const url = `/api/training/certificates/${cert.id}/pdf`;
      const first = await qatarAdmin.request("GET", url);
      expect(first.statusCode).toBe(200);
      const cached = path.join(dataDir, "certificates", `${cert.id}.valid.pdf`);
      expect(fs.existsSync(cached)).toBe(true);
      // Chromium writes the creation time into each PDF: identical bytes mean it was not rendered again.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const second = await oic.request("GET", url);
      expect(second.rawPayload.equals(first.rawPayload)).toBe(true);

      expect((await oic.request("POST", `/api/training/certificates/${cert.id}/revoke`, { reason: "Issued by mistake" })).statusCode).toBe(200);
      expect(fs.existsSync(cached)).toBe(false);
      const revoked = await qatarAdmin.request("GET", url);
      expect(revoked.statusCode).toBe(200);
      const { text, pages } = readBack(revoked.rawPayload, `revoked-${dialect}`);
      expect(pages).toBe(1);
      expect(text).toContain("REVOKED");
      expect(text).toContain("ملغاة");
      expect(text).toContain("سالم المري");
    });

    it("zips a workshop's valid certificates: all for the coordinator, an admin's own only", async () => {
      const all = await oic.request("GET", `/api/events/${workshopId}/certificates.zip`);
      expect(all.statusCode, all.body.slice(0, 200)).toBe(200);
      expect(all.headers["content-type"]).toBe("application/zip");
      expect(all.headers["content-disposition"]).toContain(".zip");
      const ghamdi = await certOf("ghamdi");
      const odd = await certOf("odd");
      // The Qatari certificate was revoked above: not included.
      expect(zipEntries(all.rawPayload).sort()).toEqual([`${ghamdi.code}-Abdulrahman-Saeed-Al-Ghamdi.pdf`, `${odd.code}-script-alert-1-script-Ali.pdf`].sort());

      const qatar = await qatarAdmin.request("GET", `/api/events/${workshopId}/certificates.zip`);
      expect(qatar.statusCode).toBe(200);
      expect(zipEntries(qatar.rawPayload)).toEqual([]);
      const member = await login(t.app, LOGINS.qatarMember);
      expect((await member.request("GET", `/api/events/${workshopId}/certificates.zip`)).statusCode).toBe(403);
    });
  });
}

describe("certificate PDFs without Chromium", () => {
  let t: TestApp;
  const saved = process.env.CHROMIUM_PATH;
  beforeAll(async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    t = await buildTestApp("sqlite", { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "rifada-nochromium-")) });
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = saved;
    await t?.close();
  });

  it("answers 503 PDF_RENDERER_UNAVAILABLE, and the app keeps working", async () => {
    const db = t.database.db;
    const oicId = await orgId(t, "oic");
    const seasonId = await fx.season(db);
    const programmeId = await fx.programme(db, { seasonId, ownerIds: [oicId], minAttendancePct: 0, minPostScorePct: 0 });
    const personId = await fx.person(db, { organisationId: oicId, nameAr: "اختبار", nameEn: "Test" });
    await fx.enrol(db, { programmeId, personId, organisationId: oicId });
    const oic = await login(t.app, LOGINS.oicCoordinator);
    expect((await oic.request("POST", `/api/training/programmes/${programmeId}/certificates/issue`)).json().issued).toBe(1);
    const cert = await db.selectFrom("trainingCertificates").select("id").where("programmeId", "=", programmeId).executeTakeFirstOrThrow();
    const r = await oic.request("GET", `/api/training/certificates/${cert.id}/pdf`);
    expect(r.statusCode).toBe(503);
    expect(r.json().code).toBe("PDF_RENDERER_UNAVAILABLE");
    expect((await oic.request("GET", "/api/health")).statusCode).toBe(200);
  });
});
