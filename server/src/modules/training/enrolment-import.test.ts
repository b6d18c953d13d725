/**
 * Bulk enrolment from a file, as an organisation's admin prepares it: a CSV saved by Excel (BOM,
 * Arabic headers, CRLF, semicolons, Arabic-Indic digits, stray spaces, upper-case emails) or an
 * XLSX. The preview writes nothing and names each row's problems; a commit is refused while rows
 * have errors unless only the valid rows are asked for; invitations go out once.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId, nowIso } from "../../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { ensureSeason } from "../../test/followup.js";
import { languageOf, mapColumns, normaliseEmail, normalisePhone, readSheet } from "./enrolment-import.js";

/** A multipart/form-data body as a browser's FormData sends it. */
function multipart(file: { name: string; data: Buffer; type?: string } | null, fields: Record<string, string> = {}) {
  const boundary = `----rifada${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? "text/csv"}\r\n\r\n`, "utf8"));
    parts.push(file.data, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const BOM = "\ufeff";

describe("reading enrolment files", () => {
  it("recognises headers in Arabic or English, in any order, bilingual ones too", () => {
    expect(mapColumns(["E-mail", "Organization Code", "الاسم باللغة العربية", "Name (English)", "Mobile"]).index).toEqual({ email: 0, organisation: 1, nameAr: 2, nameEn: 3, phone: 4 });
    expect(mapColumns(["الاسم بالعربية / Name in Arabic", "الإسم بالانجليزية", "البريد الالكتروني", "رمز الجهة", "المسمى الوظيفي"]).missing).toEqual([]);
    expect(mapColumns(["Name", "Email"]).missing).toEqual(["nameAr", "nameEn", "organisation"]);
  });

  it("cleans emails, phones and languages as people type them", () => {
    expect(normaliseEmail("  Ahmed.Ali@Hajj-QA.gov.qa ")).toBe("ahmed.ali@hajj-qa.gov.qa");
    expect(normaliseEmail("mailto:x@y.org")).toBe("x@y.org");
    expect(normaliseEmail("ahmed@")).toBeNull();
    expect(normaliseEmail("a b@c.org")).toBeNull();
    expect(normalisePhone("+٩٧٤ ٥٥١٢ ٣٤٥٦")).toBe("+97455123456");
    expect(normalisePhone("(0)55-123-4567")).toBe("0551234567");
    expect(normalisePhone("call me")).toBeNull();
    expect([languageOf("العربية"), languageOf("English"), languageOf("en"), languageOf("fr")]).toEqual(["ar", "en", "en", null]);
  });

  it("reads a CSV with a BOM, CRLF, semicolons and quoted cells, numbering rows as a spreadsheet does", async () => {
    const csv = `${BOM}الاسم بالعربية;الاسم بالإنجليزية;البريد الإلكتروني;رمز الجهة\r\n"أحمد; علي";Ahmed Ali;a@x.org;hajj-qa\r\n\r\nسالم;Salem;s@x.org;hajj-qa\r\n`;
    const sheet = await readSheet({ fileName: "staff.csv", data: Buffer.from(csv, "utf8") });
    expect(sheet.header).toEqual(["الاسم بالعربية", "الاسم بالإنجليزية", "البريد الإلكتروني", "رمز الجهة"]);
    expect(sheet.rows.map((r) => [r.row, r.cells[0]])).toEqual([[2, "أحمد; علي"], [4, "سالم"]]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Name in Arabic\tName in English\tEmail\tOrganisation code\r\nسالم\tSalem\ts@x.org\thajj-qa\r\n", "utf16le")]);
    expect((await readSheet({ fileName: "unicode.txt", data: utf16 })).rows[0]!.cells).toEqual(["سالم", "Salem", "s@x.org", "hajj-qa"]);
    await expect(readSheet({ fileName: "photo.png", data: Buffer.from([0x89, 0x50]) })).rejects.toMatchObject({ problem: "file_type" });
    await expect(readSheet({ fileName: "empty.csv", data: Buffer.from(`${BOM}Email\r\n\r\n`) })).rejects.toMatchObject({ problem: "empty" });
    await expect(readSheet({ fileName: "fake.xlsx", data: Buffer.from("not a zip") })).rejects.toMatchObject({ problem: "unreadable" });
  });
});

for (const dialect of DIALECTS) {
  describe(`enrolment import (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let qatar: Client;
    let qatarMember: Client;
    let trainer: Client;
    let asas: string;
    let existingPerson: string;

    const post = (c: Client, programmeId: string, body: ReturnType<typeof multipart>) =>
      c.request("POST", `/api/training/programmes/${programmeId}/enrolments/import`, body.payload, { "content-type": body.contentType });
    const counts = async () => ({
      people: Number((await t.database.db.selectFrom("people").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
      enrolments: Number((await t.database.db.selectFrom("trainingEnrolments").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
      invitations: Number((await t.database.db.selectFrom("invitations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
      outbox: Number((await t.database.db.selectFrom("outbox").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n),
    });

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      await ensureSeason(oic, 1445);
      const r = await oic.request("POST", "/api/training/programmes", { code: "asas", seasonId: "1445", titleAr: "برنامج أساس", titleEn: "Asas", audience: ["organisers"], ownerIds: [await orgId(t, "moh-sa")], enrolment: "managed" });
      asas = r.json().id;
      await oic.request("POST", `/api/training/programmes/${asas}/publish`);
      existingPerson = newId();
      const at = nowIso();
      await t.database.db.insertInto("people").values({
        id: existingPerson, organisationId: await orgId(t, "hajj-qa"), nameAr: "علي الكبيسي", nameEn: "Ali Al-Kubaisi", position: "official", titleAr: null, titleEn: null,
        email: "ali.kubaisi@hajj-qa.rifada.test", phone: null, preferredLanguage: "en", visibility: "members", shareGroupId: null, searchText: "ali", archivedAt: null, createdAt: at, updatedAt: at,
      }).execute();
    });
    afterAll(async () => t?.close());

    /** The Qatari admin's file: Excel's CSV with BOM and Arabic headers in its own order, and one row of each problem. */
    const qatarCsv = () =>
      Buffer.from(
        BOM +
          [
            "البريد الإلكتروني,الاسم بالعربية,الاسم بالإنجليزية,رمز الجهة,المنصب,الجوال",
            " Hamad.AlMarri@HAJJ-QA.rifada.test ,  حمد المري ,Hamad Al-Marri,HAJJ-QA,مشرف ميداني,+٩٧٤ ٥٥١٢ ٣٤٥٦",
            "ali.kubaisi@hajj-qa.rifada.test,علي الكبيسي,Ali Al-Kubaisi,hajj-qa,,",
            "no-arabic@hajj-qa.rifada.test,,Nasser,hajj-qa,,",
            "not-an-email,جاسم,Jassim,hajj-qa,,",
            "fahad@hajj-kw.rifada.test,فهد,Fahad,hajj-kw,,",
            "x@nowhere.rifada.test,مجهول,Unknown,no-such-org,,",
            "hamad.almarri@hajj-qa.rifada.test,حمد,Hamad again,hajj-qa,,",
            "mohammed.alnuaimi@hajj-qa.rifada.test,محمد النعيمي,Mohammed Al-Nuaimi,hajj-qa,,",
          ].join("\r\n") +
          "\r\n",
        "utf8",
      );

    it("previews a CSV row by row in the admin's language and writes nothing", async () => {
      await oic.request("POST", `/api/training/programmes/${asas}/enrolments`, { personId: existingPerson });
      const before = await counts();
      const r = await post(qatar, asas, multipart({ name: "موظفو البعثة.csv", data: qatarCsv() }, { mode: "preview", invite: "true" }));
      expect(r.statusCode, r.body).toBe(200);
      const result = r.json();
      expect(result).toMatchObject({ mode: "preview", committed: false });
      expect(result.columns).toMatchObject({ email: "البريد الإلكتروني", nameAr: "الاسم بالعربية", organisation: "رمز الجهة", phone: "الجوال", language: null });
      const byRow = Object.fromEntries(result.rows.map((row: { row: number }) => [row.row, row]));
      expect(byRow[2]).toMatchObject({ status: "new", email: "hamad.almarri@hajj-qa.rifada.test", nameAr: "حمد المري", phone: "+97455123456", title: "مشرف ميداني", organisation: { code: "hajj-qa" }, invitation: "send", errors: [] });
      expect(byRow[3]).toMatchObject({ status: "already", errors: [] });
      expect(byRow[9]).toMatchObject({ status: "existing", invitation: "has_account" });
      const problems = (row: number) => byRow[row].errors.map((e: { field: string; message: string }) => [e.field, e.message]);
      expect(byRow[4].status).toBe("error");
      expect(problems(4)).toEqual([["nameAr", "حقل «الاسم بالعربية» مطلوب."]]);
      expect(problems(5)).toEqual([["email", expect.stringContaining("البريد الإلكتروني")]]);
      expect(problems(6)).toEqual([["organisation", expect.stringContaining("بعثة الحج الكويتية")]]);
      expect(problems(7)).toEqual([["organisation", expect.stringContaining("«no-such-org»")]]);
      expect(problems(8)).toEqual([["email", expect.stringContaining("الصف ٢")]]);
      expect(result.counts).toEqual({ rows: 8, newPeople: 1, existingPeople: 1, skipped: 1, errors: 5, enrolled: 2, invited: 1 });
      expect(await counts()).toEqual(before);
    });

    it("refuses to commit a file with errors unless only the valid rows are asked for", async () => {
      const before = await counts();
      const refused = await post(qatar, asas, multipart({ name: "staff.csv", data: qatarCsv() }, { mode: "commit", invite: "true" }));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().code).toBe("TRAINING_IMPORT_INVALID");
      expect(refused.json().fields.map((f: { field: string }) => f.field)).toEqual(["rows.4.nameAr", "rows.5.email", "rows.6.organisation", "rows.7.organisation", "rows.8.email"]);
      expect(refused.json().fields[0].message).toMatch(/^الصف ٤: /);
      expect(await counts()).toEqual(before);

      const done = await post(qatar, asas, multipart({ name: "staff.csv", data: qatarCsv() }, { mode: "commit", validOnly: "true", invite: "true" }));
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ committed: true, counts: { enrolled: 2, newPeople: 1, existingPeople: 1, skipped: 1, errors: 5, invited: 1 } });
      const after = await counts();
      expect(after).toEqual({ people: before.people + 1, enrolments: before.enrolments + 2, invitations: before.invitations + 1, outbox: before.outbox + 1 });
      const hamad = await t.database.db.selectFrom("people").selectAll().where("email", "=", "hamad.almarri@hajj-qa.rifada.test").executeTakeFirstOrThrow();
      expect(hamad).toMatchObject({ nameAr: "حمد المري", nameEn: "Hamad Al-Marri", titleAr: "مشرف ميداني", titleEn: null, phone: "+97455123456", visibility: "private", organisationId: await orgId(t, "hajj-qa") });
      const invitation = await t.database.db.selectFrom("invitations").selectAll().where("email", "=", hamad.email!).executeTakeFirstOrThrow();
      expect(invitation).toMatchObject({ role: "participant", organisationId: hamad.organisationId, acceptedAt: null });
      const mail = await t.database.db.selectFrom("outbox").selectAll().where("toEmail", "=", hamad.email!).executeTakeFirstOrThrow();
      // The admin reads Arabic: a person new to the directory gets his admin's language.
      expect(mail.locale).toBe("ar");
      expect(mail.body).toContain("برنامج أساس");
      expect(mail.body).toContain("http://rifada.test/invite/");
      const list = (await qatar.request("GET", `/api/training/programmes/${asas}/enrolments`)).json();
      expect(list.items.map((i: { person: { nameEn: string }; source: string }) => [i.person.nameEn, i.source]).sort()).toEqual([["Ali Al-Kubaisi", "admin"], ["Hamad Al-Marri", "import"], ["Mohammed Jassim Al-Nuaimi", "import"]]);
      const audit = await t.database.db.selectFrom("auditLog").select(["action", "changes"]).where("entityId", "=", asas).where("action", "=", "training.enrolments_imported").execute();
      expect(audit).toHaveLength(1);

      // The same file again: everyone is already enrolled, and no second invitation goes out.
      const again = await post(qatar, asas, multipart({ name: "staff.csv", data: qatarCsv() }, { mode: "commit", validOnly: "true", invite: "true" }));
      expect(again.json().counts).toMatchObject({ enrolled: 0, skipped: 3, invited: 0 });
      expect(await counts()).toEqual(after);
    });

    it("imports an XLSX built in Excel, headers in English in another order, an email as a hyperlink", async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet("Staff");
      sheet.addRow(["Organisation code", "Email", "Name in English", "Name in Arabic", "Phone", "Preferred language"]);
      sheet.addRow(["sp-field", { text: "Guide.One@SP-FIELD.rifada.test", hyperlink: "mailto:Guide.One@SP-FIELD.rifada.test" }, "Guide One", { richText: [{ text: "المرشد " }, { text: "الأول" }] }, 966501234567, "English"]);
      sheet.addRow([]);
      sheet.addRow(["hajj-kw", "guide.two@hajj-kw.rifada.test", "Guide Two", "المرشد الثاني", "", "العربية"]);
      const data = Buffer.from(await workbook.xlsx.writeBuffer());
      const xlsx = { name: "trainees.xlsx", data, type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
      // The Qatari admin may not enrol either of them; the Ministry's trainer manages the programme.
      const notHis = (await post(qatar, asas, multipart(xlsx))).json();
      expect(notHis.rows.map((r: { row: number; status: string }) => [r.row, r.status])).toEqual([[2, "error"], [4, "error"]]);
      const preview = (await post(trainer, asas, multipart(xlsx, { invite: "true" }))).json();
      expect(preview.rows.map((r: { row: number; status: string; email: string; phone: string; nameAr: string; invitation: string }) => [r.row, r.status, r.email, r.phone, r.nameAr, r.invitation])).toEqual([
        [2, "new", "guide.one@sp-field.rifada.test", "966501234567", "المرشد الأول", "not_allowed"],
        [4, "new", "guide.two@hajj-kw.rifada.test", "", "المرشد الثاني", "not_allowed"],
      ]);
      const committed = await post(trainer, asas, multipart(xlsx, { mode: "commit", invite: "true" }));
      expect(committed.json().counts).toMatchObject({ enrolled: 2, invited: 0 });
      const guide = await t.database.db.selectFrom("people").select(["preferredLanguage", "organisationId"]).where("email", "=", "guide.one@sp-field.rifada.test").executeTakeFirstOrThrow();
      expect(guide).toEqual({ preferredLanguage: "en", organisationId: await orgId(t, "sp-field") });
    });

    it("names whole-file problems: kind, size, missing columns; only those who enrol may import", async () => {
      const fields = async (c: Client, body: ReturnType<typeof multipart>) => {
        const r = await post(c, asas, body);
        return [r.statusCode, r.json().fields?.map((f: { field: string; message: string }) => `${f.field}: ${f.message}`)];
      };
      expect(await fields(qatar, multipart({ name: "scan.pdf", data: Buffer.from("%PDF-1.4") }))).toEqual([400, [expect.stringMatching(/^file: الملف: اختر ملف CSV/)]]);
      expect(await fields(qatar, multipart({ name: "big.csv", data: Buffer.alloc(2 * 1024 * 1024 + 1, 0x41) }))).toEqual([400, [expect.stringContaining("٢ ميغابايت")]]);
      expect(await fields(qatar, multipart({ name: "names.csv", data: Buffer.from("Name in Arabic,Email\r\nعلي,a@b.org\r\n") }))).toEqual([400, [expect.stringContaining("الاسم بالإنجليزية، رمز الجهة")]]);
      const long = ["Name in Arabic,Name in English,Email,Organisation code", ...Array.from({ length: 5001 }, (_, i) => `ش${i},P${i},p${i}@x.org,hajj-qa`)].join("\n");
      expect(await fields(qatar, multipart({ name: "long.csv", data: Buffer.from(long) }))).toEqual([400, [expect.stringContaining("٥٠٠٠")]]);
      expect((await post(qatar, asas, multipart(null, { mode: "preview" }))).statusCode).toBe(400);
      expect((await post(qatarMember, asas, multipart({ name: "staff.csv", data: qatarCsv() }))).statusCode).toBe(403);
    });

    it("offers the template as CSV and XLSX with bilingual headers, and reads it back", async () => {
      const csv = await qatar.request("GET", `/api/training/programmes/${asas}/enrolments/template.csv`);
      expect(csv.statusCode).toBe(200);
      expect(csv.headers["content-type"]).toContain("text/csv");
      expect(csv.body.startsWith(BOM)).toBe(true);
      expect(csv.body).toContain("الاسم بالعربية / Name in Arabic");
      const xlsx = await qatar.request("GET", `/api/training/programmes/${asas}/enrolments/template.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const [people, orgs] = workbook.worksheets;
      expect(people!.views[0]).toMatchObject({ rightToLeft: true });
      // The admin's organisation only: the codes he may use.
      expect(orgs!.getColumn(1).values.slice(2)).toEqual(["hajj-qa"]);
      people!.addRow(["نورة", "Noura", "noura@hajj-qa.rifada.test", "hajj-qa", "", "", "ar"]);
      const filled = Buffer.from(await workbook.xlsx.writeBuffer());
      const preview = (await post(qatar, asas, multipart({ name: "template.xlsx", data: filled }))).json();
      expect(preview.rows).toMatchObject([{ row: 2, status: "new", email: "noura@hajj-qa.rifada.test" }]);
      expect((await qatarMember.request("GET", `/api/training/programmes/${asas}/enrolments/template.csv`)).statusCode).toBe(403);
    });
  });
}
