/**
 * Certificates over HTTP: a trainee's own (idempotent; refused with what is missing when not
 * complete), all at once by the programme's managers, who sees which, revocation with a reason
 * (the trainee told by email in his language) and a new certificate after it, and the public
 * verification: exactly the allowed keys, codes as typed, revoked shown as revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canonicalCertificateCode, CERTIFICATE_CODE_PATTERN } from "../../../../common/training.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { fileNamePart, newCertificateCode } from "./certificates.service.js";
import * as fx from "./training.fixture.js";

describe("certificate codes", () => {
  it("are RFD- and three groups of four of the alphabet, canonical as typed, and do not repeat", () => {
    const codes = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newCertificateCode();
      expect(code).toMatch(CERTIFICATE_CODE_PATTERN);
      codes.add(code);
    }
    expect(codes.size).toBe(2000);
    const code = newCertificateCode();
    expect(canonicalCertificateCode(code.toLowerCase().replace(/-/g, " "))).toBe(code);
    expect(canonicalCertificateCode(code.slice(4).replace(/-/g, ""))).toBe(code);
  });

  it("file names keep Latin letters and digits only", () => {
    expect(fileNamePart("Abdulrahman Saeed Al-Ghamdi")).toBe("Abdulrahman-Saeed-Al-Ghamdi");
    expect(fileNamePart("José ../../etc/passwd")).toBe("Jose-etc-passwd");
    expect(fileNamePart("عبدالرحمن")).toBe("");
  });
});

for (const dialect of DIALECTS) {
  describe(`certificates (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let trainer: Client;
    let qatarAdmin: Client;
    let kuwaitAdmin: Client;
    let qatarMember: Client;
    let bilal: Client;
    let programmeId: string;
    const e: Record<string, string> = {};

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      const db = t.database.db;
      [oic, trainer, qatarAdmin, kuwaitAdmin, qatarMember, bilal] = await Promise.all([
        login(t.app, LOGINS.oicCoordinator), login(t.app, LOGINS.ministryTrainer), login(t.app, LOGINS.qatarAdmin), login(t.app, LOGINS.kuwaitAdmin),
        login(t.app, LOGINS.qatarMember), login(t.app, LOGINS.providerParticipant),
      ]);
      const [oicId, moh, qa, kw, sp] = await Promise.all(["oic", "moh-sa", "hajj-qa", "hajj-kw", "sp-field"].map((c) => orgId(t, c)));
      const seasonId = await fx.season(db);
      programmeId = await fx.programme(db, { seasonId, ownerIds: [oicId!, moh!], titleAr: "أساس", titleEn: "Asas", minAttendancePct: 75, minPostScorePct: 60 });
      // Asas, online, Sunday 26 May 2024, 10:00–12:30 Riyadh.
      const workshop = await fx.workshop(db, { programmeId, seasonId, hostId: oicId!, startsAt: "2024-05-26T07:00:00.000Z", endsAt: "2024-05-26T09:30:00.000Z" });
      const post = await fx.assessment(db, { programmeId, kind: "post" });
      const users = await db.selectFrom("users").select(["email", "personId"]).where("email", "in", [LOGINS.providerParticipant, LOGINS.qatarMember]).execute();
      const personOf = (email: string) => users.find((u) => u.email === email)!.personId!;

      const complete = async (key: string, personId: string, org: string) => {
        e[key] = await fx.enrol(db, { programmeId, personId, organisationId: org });
        await fx.attend(db, { eventId: workshop, organisationId: org, personId, minutes: 150 });
        await fx.attempt(db, { assessmentId: post, enrolmentId: e[key]!, programmeId, kind: "post", score: 9, maxScore: 10, submittedAt: "2024-05-27T09:00:00.000Z" });
      };
      await complete("bilal", personOf(LOGINS.providerParticipant), sp!);
      await complete("qatari", await fx.person(db, { organisationId: qa!, nameAr: "سالم المري", nameEn: "Salem Al-Marri", email: "salem@hajj-qa.rifada.test", preferredLanguage: "ar" }), qa!);
      await complete("kuwaiti", await fx.person(db, { organisationId: kw!, nameAr: "فهد الكندري", nameEn: "Fahad Al-Kandari", email: null }), kw!);
      // Mohammed is enrolled but did not attend.
      e.mohammed = await fx.enrol(db, { programmeId, personId: personOf(LOGINS.qatarMember), organisationId: qa! });
      await fx.attempt(db, { assessmentId: post, enrolmentId: e.mohammed!, programmeId, kind: "post", score: 8, maxScore: 10 });
    });
    afterAll(async () => t?.close());

    const mine = (c: Client) => c.request("POST", `/api/training/programmes/${programmeId}/my-certificate`);
    const anonymous = (url: string, remoteAddress = "127.0.0.1") => t.app.inject({ method: "GET", url, remoteAddress });
    let first: { id: string; code: string };

    it("issues the caller's certificate when complete, with its snapshot; asking again returns the same", async () => {
      const r = await mine(bilal);
      expect(r.statusCode, r.body).toBe(201);
      const cert = r.json();
      expect(cert.code).toMatch(CERTIFICATE_CODE_PATTERN);
      expect(cert).toMatchObject({
        status: "valid", enrolmentId: e.bilal, nameEn: "Bilal Ahmed Qureshi", programmeTitleAr: "أساس", programmeTitleEn: "Asas",
        startsOn: "2024-05-26", endsOn: "2024-05-26", completedOn: "2024-05-27", attendancePct: 100, postScorePct: 90, revokedAt: null,
        verifyUrl: `http://rifada.test/verify/${cert.code}`, pdfUrl: `/api/training/certificates/${cert.id}/pdf`,
      });
      expect(cert.issuers).toEqual([
        { nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي", nameEn: "General Secretariat of the Organisation of Islamic Cooperation" },
        { nameAr: "وزارة الحج والعمرة", nameEn: "Ministry of Hajj and Umrah" },
      ]);
      first = cert;
      const again = await mine(bilal);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ id: cert.id, code: cert.code });
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", cert.id).execute();
      expect(audit.map((a) => a.action)).toEqual(["certificate.issued"]);
    });

    it("refuses a trainee who is not complete, naming what is missing in his language", async () => {
      const r = await mine(qatarMember);
      expect(r.statusCode).toBe(409);
      expect(r.json().code).toBe("TRAINING_NOT_COMPLETE");
      expect(r.json().fields).toEqual([{ field: "attendance", message: "الحضور" }]);
      const none = await t.database.db.selectFrom("trainingCertificates").select("id").where("enrolmentId", "=", e.mohammed!).execute();
      expect(none).toEqual([]);
      const stranger = await mine(kuwaitAdmin);
      expect(stranger.statusCode).toBe(403);
      expect(stranger.json().code).toBe("TRAINING_NOT_ENROLLED");
    });

    it("issues for every complete trainee at once (managers only), counting what it did", async () => {
      expect((await qatarAdmin.request("POST", `/api/training/programmes/${programmeId}/certificates/issue`)).statusCode).toBe(403);
      const r = await trainer.request("POST", `/api/training/programmes/${programmeId}/certificates/issue`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ issued: 2, alreadyIssued: 1, notComplete: 1 });
      expect((await trainer.request("POST", `/api/training/programmes/${programmeId}/certificates/issue`)).json()).toEqual({ issued: 0, alreadyIssued: 3, notComplete: 1 });
      const rows = await t.database.db.selectFrom("trainingCertificates").select(["code", "enrolmentId"]).where("programmeId", "=", programmeId).execute();
      expect(rows).toHaveLength(3);
      expect(new Set(rows.map((x) => x.code)).size).toBe(3);
    });

    it("lists certificates: all for managers and coordinators, an admin's own organisation's, none for a member", async () => {
      const all = (await oic.request("GET", `/api/training/programmes/${programmeId}/certificates`)).json();
      expect(all.total).toBe(3);
      expect(all.can).toEqual({ issue: true, revoke: true });
      const qatar = await qatarAdmin.request("GET", `/api/training/programmes/${programmeId}/certificates`);
      expect(qatar.statusCode).toBe(200);
      expect(qatar.json().items.map((i: { enrolmentId: string }) => i.enrolmentId)).toEqual([e.qatari]);
      expect(qatar.json().can).toEqual({ issue: false, revoke: false });
      expect((await qatarMember.request("GET", `/api/training/programmes/${programmeId}/certificates`)).statusCode).toBe(403);
      const found = (await oic.request("GET", `/api/training/programmes/${programmeId}/certificates?q=kandari`)).json();
      expect(found.items.map((i: { nameEn: string }) => i.nameEn)).toEqual(["Fahad Al-Kandari"]);
      // The results list shows each trainee's certificate.
      const results = (await oic.request("GET", `/api/training/programmes/${programmeId}/results?q=Qureshi`)).json();
      expect(results.trainees.items[0].certificate).toMatchObject({ id: first.id, code: first.code, status: "valid" });
    });

    it("verifies publicly: exactly the allowed keys, the code as typed, unknown codes not found", async () => {
      const r = await anonymous(`/api/verify/${encodeURIComponent(first.code.toLowerCase().replace(/-/g, " "))}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ code: first.code, status: "valid", nameAr: expect.any(String), nameEn: "Bilal Ahmed Qureshi", programmeTitleAr: "أساس", programmeTitleEn: "Asas", completedOn: "2024-05-27" });
      expect(Object.keys(r.json()).sort()).toEqual(["code", "completedOn", "nameAr", "nameEn", "programmeTitleAr", "programmeTitleEn", "status"]);
      const unknown = await anonymous(`/api/verify/RFD-2222-3333-4444`);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json().code).toBe("CERTIFICATE_NOT_FOUND");
      expect((await anonymous(`/api/verify/not-a-code`)).statusCode).toBe(404);
    });

    it("revokes with a reason (managers only): the reason is required and bounded, nothing changes otherwise", async () => {
      const url = `/api/training/certificates/${first.id}/revoke`;
      expect((await qatarAdmin.request("POST", url, { reason: "Mistake" })).statusCode).toBe(404);
      expect((await bilal.request("POST", url, { reason: "Mistake" })).statusCode).toBe(403);
      for (const body of [{}, { reason: "   " }, { reason: "x".repeat(501) }]) {
        const r = await trainer.request("POST", url, body);
        expect(r.statusCode, JSON.stringify(body)).toBe(400);
        expect(r.json().code).toBe("VALIDATION_FAILED");
        expect(r.json().fields[0].field).toBe("reason");
      }
      const still = await t.database.db.selectFrom("trainingCertificates").select("status").where("id", "=", first.id).executeTakeFirstOrThrow();
      expect(still.status).toBe("valid");
    });

    it("revokes: status, audit, the trainee's email in his language; the verification shows it revoked", async () => {
      const before = await t.database.db.selectFrom("outbox").select("id").execute();
      const r = await trainer.request("POST", `/api/training/certificates/${first.id}/revoke`, { reason: "Attendance was recorded for the wrong person." });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ status: "revoked", revokedAt: expect.any(String) });
      const again = await trainer.request("POST", `/api/training/certificates/${first.id}/revoke`, { reason: "Twice" });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe("CERTIFICATE_REVOKED");
      const mail = await t.database.db.selectFrom("outbox").selectAll().where("id", "not in", before.map((b) => b.id).concat(["-"])).execute();
      expect(mail).toHaveLength(1);
      expect(mail[0]).toMatchObject({ toEmail: LOGINS.providerParticipant, locale: "en", kind: "training_certificate_revoked", subject: "Certificate revoked: Asas" });
      expect(mail[0]!.body).toContain(first.code);
      expect(mail[0]!.body).toContain("Attendance was recorded for the wrong person.");
      const audit = await t.database.db.selectFrom("auditLog").select(["action", "changes"]).where("entityId", "=", first.id).where("action", "=", "certificate.revoked").execute();
      expect(audit).toHaveLength(1);

      const v = await anonymous(`/api/verify/${first.code}`);
      expect(v.json()).toMatchObject({ code: first.code, status: "revoked", revokedAt: expect.any(String) });
      expect(Object.keys(v.json()).sort()).toEqual(["code", "completedOn", "nameAr", "nameEn", "programmeTitleAr", "programmeTitleEn", "revokedAt", "status"]);
      expect(v.body).not.toContain("wrong person");
    });

    it("a trainee without an account is told in his directory language (Arabic)", async () => {
      const cert = await t.database.db.selectFrom("trainingCertificates").select(["id", "code"]).where("enrolmentId", "=", e.qatari!).executeTakeFirstOrThrow();
      const r = await oic.request("POST", `/api/training/certificates/${cert.id}/revoke`, { reason: "خطأ في تسجيل الحضور" });
      expect(r.statusCode, r.body).toBe(200);
      const mail = await t.database.db.selectFrom("outbox").selectAll().where("kind", "=", "training_certificate_revoked").where("toEmail", "=", "salem@hajj-qa.rifada.test").executeTakeFirstOrThrow();
      expect(mail.locale).toBe("ar");
      expect(mail.subject).toBe("إلغاء شهادة: أساس");
      expect(mail.body).toContain("سالم المري");
      expect(mail.body).toContain("خطأ في تسجيل الحضور");
    });

    it("after revocation a new certificate (a new code) may be issued while still complete", async () => {
      const r = await mine(bilal);
      expect(r.statusCode, r.body).toBe(201);
      expect(r.json().code).not.toBe(first.code);
      expect((await anonymous(`/api/verify/${r.json().code}`)).json().status).toBe("valid");
      expect((await anonymous(`/api/verify/${first.code}`)).json().status).toBe("revoked");
      const rows = await t.database.db.selectFrom("trainingCertificates").select("status").where("enrolmentId", "=", e.bilal!).execute();
      expect(rows.map((x) => x.status).sort()).toEqual(["revoked", "valid"]);
      // The trainee's progress shows the new one.
      const progress = (await bilal.request("GET", `/api/training/programmes/${programmeId}/my-progress`)).json();
      expect(progress.certificate).toMatchObject({ code: r.json().code, status: "valid" });
    });

    it("stops an address that keeps trying unknown codes, not the others", async () => {
      const ip = dialect === "sqlite" ? "10.0.0.7" : "10.0.0.8";
      for (let i = 0; i < 30; i++) expect((await anonymous(`/api/verify/RFD-2222-3333-${String(4000 + i).replace(/[01]/g, "5")}`, ip)).statusCode).toBe(404);
      const blocked = await anonymous(`/api/verify/${first.code}`, ip);
      expect(blocked.statusCode).toBe(429);
      expect((await anonymous(`/api/verify/${first.code}`, "10.0.1.1")).statusCode).toBe(200);
    });

    it("the PDF of a certificate is for the trainee, his admin, managers and coordinators only", async () => {
      const cert = await t.database.db.selectFrom("trainingCertificates").select("id").where("enrolmentId", "=", e.kuwaiti!).executeTakeFirstOrThrow();
      for (const c of [qatarAdmin, qatarMember, bilal]) {
        const r = await c.request("GET", `/api/training/certificates/${cert.id}/pdf`);
        expect(r.statusCode).toBe(404);
        expect(r.json().code).toBe("CERTIFICATE_NOT_FOUND");
      }
      expect((await t.app.inject({ method: "GET", url: `/api/training/certificates/${cert.id}/pdf` })).statusCode).toBe(401);
    });
  });
}
