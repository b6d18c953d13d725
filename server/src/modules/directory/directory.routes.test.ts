import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

for (const dialect of DIALECTS) {
  describe(`directory (${dialect})`, () => {
    let t: TestApp;
    let coordinator: Client;
    let qatarAdmin: Client;
    let indonesia: Client;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
      coordinator = await login(t.app, LOGINS.oicCoordinator);
      qatarAdmin = await login(t.app, LOGINS.qatarAdmin);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
    });
    afterAll(async () => t?.close());

    it("lists the 57 member-state missions with their Arabic and English names", async () => {
      const r = await coordinator.request("GET", "/api/organisations?kind=hajj_mission&pageSize=100");
      expect(r.json().total).toBe(57);
      const kw = r.json().items.find((o: { code: string }) => o.code === "hajj-kw");
      expect(kw).toMatchObject({ country: "KW", countryNameAr: "دولة الكويت", countryNameEn: "State of Kuwait" });
    });

    it("filters by group and country, and pages", async () => {
      const gcc = (await coordinator.request("GET", "/api/organisations?group=gcc-hajj-offices&pageSize=100")).json();
      expect(gcc.items.map((o: { country: string }) => o.country).sort()).toEqual(["AE", "BH", "KW", "OM", "QA", "SA"]);
      const qa = (await coordinator.request("GET", "/api/organisations?country=QA")).json();
      expect(qa.items.map((o: { code: string }) => o.code)).toEqual(["hajj-qa"]);
      const page2 = (await coordinator.request("GET", "/api/organisations?pageSize=10&page=2")).json();
      expect(page2).toMatchObject({ page: 2, pageSize: 10 });
      expect(page2.items).toHaveLength(10);
      const page1 = (await coordinator.request("GET", "/api/organisations?pageSize=10&page=1")).json();
      expect(page1.items[0].id).not.toBe(page2.items[0].id);
    });

    it.each([
      ["الكويتية", "hajj-kw"],
      ["الكويتيه", "hajj-kw"], // ة written as ه
      ["بعثه الحج القطريه", "hajj-qa"],
      ["اندونيسيا", "hajj-id"], // no hamza under the alef
      ["qatari", "hajj-qa"],
      ["HAJJ-KW", "hajj-kw"],
    ])("finds organisations across Arabic spelling variants: %s", async (q, code) => {
      const r = (await coordinator.request("GET", `/api/organisations?q=${encodeURIComponent(q)}`)).json();
      expect(r.items.map((o: { code: string }) => o.code)).toContain(code);
    });

    it("finds people by name with or without diacritics, and by their organisation", async () => {
      const plain = (await coordinator.request("GET", `/api/people?q=${encodeURIComponent("مشاري")}`)).json();
      const voweled = (await coordinator.request("GET", `/api/people?q=${encodeURIComponent("مُشَارِي")}`)).json();
      expect(plain.total).toBeGreaterThan(0);
      expect(voweled.items.map((p: { id: string }) => p.id)).toEqual(plain.items.map((p: { id: string }) => p.id));
      const byOrg = (await coordinator.request("GET", "/api/people?organisation=hajj-qa")).json();
      expect(byOrg.items.map((p: { position: string }) => p.position)).toContain("deputy_head");
    });

    it("treats LIKE wildcards in a query as plain text", async () => {
      const r = (await coordinator.request("GET", `/api/organisations?q=${encodeURIComponent("hajj%kw")}`)).json();
      expect(r.total).toBe(0);
    });

    it("lets an organisation admin edit their own organisation, audited, but not another", async () => {
      const qa = await orgId(t, "hajj-qa");
      const kw = await orgId(t, "hajj-kw");
      const r = await qatarAdmin.request("PATCH", `/api/organisations/${qa}`, { phone: "+974 4000 0000", cityEn: "Makkah al-Mukarramah" });
      expect(r.statusCode).toBe(200);
      expect(r.json()).toMatchObject({ phone: "+974 4000 0000", abilities: { update: true, archive: false } });
      expect((await qatarAdmin.request("PATCH", `/api/organisations/${kw}`, { phone: "+965 1" })).statusCode).toBe(403);
      // Changing the kind or code is structural: coordinators only.
      expect((await qatarAdmin.request("PATCH", `/api/organisations/${qa}`, { code: "qatar" })).statusCode).toBe(403);
      const audit = (await qatarAdmin.request("GET", `/api/audit?entityType=organisation&entityId=${qa}`)).json();
      expect(audit.items[0]).toMatchObject({ action: "organisation.updated", changes: { phone: [null, "+974 4000 0000"] } });
      expect(audit.items[0].actor.name).toBe("خالد سالم الكواري");
    });

    it("archives without deleting: hidden from lists, still readable, restorable", async () => {
      const created = await coordinator.request("POST", "/api/organisations", { code: "sp-test-archive", kind: "service_provider", nameAr: "شركة اختبار", nameEn: "Archive Test Co", country: "SA", visibility: "members" });
      expect(created.statusCode).toBe(201);
      const id = created.json().id;
      expect((await coordinator.request("POST", `/api/organisations/${id}/archive`)).json().archivedAt).not.toBeNull();
      expect((await coordinator.request("GET", "/api/organisations?q=sp-test-archive")).json().total).toBe(0);
      expect((await coordinator.request("GET", "/api/organisations?q=sp-test-archive&archived=only")).json().total).toBe(1);
      expect((await coordinator.request("GET", `/api/organisations/${id}`)).statusCode).toBe(200);
      expect((await coordinator.request("POST", `/api/organisations/${id}/restore`)).json().archivedAt).toBeNull();
      const count = await t.database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).where("id", "=", id).executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);
    });

    it("rejects a duplicate code and bad input, naming the field in the caller's language, and changes nothing", async () => {
      const dup = await coordinator.request("POST", "/api/organisations", { code: "hajj-qa", kind: "hajj_mission", nameAr: "مكرر", nameEn: "Duplicate", country: "QA", visibility: "members" });
      expect(dup.statusCode).toBe(409);
      expect(dup.json().code).toBe("ORGANISATION_CODE_TAKEN");

      const before = await t.database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      const bad = { code: "Bad Code", kind: "embassy", nameAr: "", nameEn: "Ok name", country: "Qatar", email: "not-an-email", visibility: "members" };
      const ar = await coordinator.request("POST", "/api/organisations", bad);
      expect(ar.statusCode).toBe(400);
      expect(ar.json().code).toBe("VALIDATION_FAILED");
      const fields = Object.fromEntries(ar.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      expect(Object.keys(fields).sort()).toEqual(["code", "country", "email", "kind", "nameAr"]);
      expect(fields.nameAr).toBe("حقل «الاسم بالعربية» مطلوب.");
      expect(fields.email).toContain("البريد الإلكتروني");
      await t.app.inject({ method: "PATCH", url: "/api/me", payload: { locale: "en" }, headers: { cookie: coordinator.cookie, "x-csrf-token": coordinator.csrf } });
      const en = await coordinator.request("POST", "/api/organisations", bad);
      const enFields = Object.fromEntries(en.json().fields.map((f: { field: string; message: string }) => [f.field, f.message]));
      expect(enFields.nameAr).toBe("Name in Arabic is required.");
      expect(enFields.email).toBe("Email must be a valid email address.");
      await coordinator.request("PATCH", "/api/me", { locale: "ar" });
      const after = await t.database.db.selectFrom("organisations").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it("shares a person with one group only: GCC peers see them, a non-GCC member does not", async () => {
      const qa = await orgId(t, "hajj-qa");
      const gcc = (await coordinator.request("GET", "/api/groups/gcc-hajj-offices")).json();
      const created = await qatarAdmin.request("POST", "/api/people", {
        organisationId: qa, nameAr: "سعد ناصر الهاجري", nameEn: "Saad Nasser Al-Hajri", position: "official", preferredLanguage: "ar", visibility: "group", shareGroupId: gcc.id,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().shareGroup.code).toBe("gcc-hajj-offices");
      const kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      expect((await kuwait.request("GET", `/api/people/${created.json().id}`)).statusCode).toBe(200);
      expect((await indonesia.request("GET", `/api/people/${created.json().id}`)).statusCode).toBe(404);
      const search = (await indonesia.request("GET", `/api/people?q=${encodeURIComponent("الهاجري")}`)).json();
      expect(search.total).toBe(0);
      // Sharing with a group the organisation is not in is refused.
      const oicInst = (await coordinator.request("GET", "/api/groups/oic-institutions")).json();
      const wrong = await qatarAdmin.request("POST", "/api/people", { organisationId: qa, nameAr: "اسم", nameEn: "Name", position: "staff", preferredLanguage: "ar", visibility: "group", shareGroupId: oicInst.id });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().fields[0].field).toBe("shareGroupId");
    });

    it("coordinators edit group membership, audited", async () => {
      const group = (await coordinator.request("POST", "/api/groups", { code: "gcc-plus-id", nameAr: "الخليج وإندونيسيا", nameEn: "GCC and Indonesia", memberIds: [await orgId(t, "hajj-kw"), await orgId(t, "hajj-id")] })).json();
      expect(group.memberCount).toBe(2);
      const updated = (await coordinator.request("PATCH", `/api/groups/${group.id}`, { memberIds: [await orgId(t, "hajj-kw")] })).json();
      expect(updated.members.map((m: { code: string }) => m.code)).toEqual(["hajj-kw"]);
      const audit = (await coordinator.request("GET", `/api/audit?entityType=group&entityId=${group.id}`)).json();
      expect(audit.items[0].changes.members.removed).toEqual([await orgId(t, "hajj-id")]);
      const bad = await coordinator.request("PATCH", `/api/groups/${group.id}`, { memberIds: ["no-such-org"] });
      expect(bad.statusCode).toBe(400);
      expect((await coordinator.request("GET", `/api/groups/${group.id}`)).json().memberCount).toBe(1);
    });

    it("stops counting a very broad people list at 10,000 and says so", async () => {
      const org = await orgId(t, "sp-transport");
      const now = new Date().toISOString();
      const rows = Array.from({ length: 10_005 }, (_, i) => ({
        id: `bulk-${i}`, organisationId: org, nameAr: `سائق ${i}`, nameEn: `Driver ${i}`, position: "staff", titleAr: null, titleEn: null, email: null, phone: null,
        preferredLanguage: "ar", visibility: "members", shareGroupId: null, searchText: `driver ${i} bulkload`, archivedAt: null, createdAt: now, updatedAt: now,
      }));
      for (let i = 0; i < rows.length; i += 1000) await t.database.db.insertInto("people").values(rows.slice(i, i + 1000)).execute();
      const broad = (await indonesia.request("GET", "/api/people?q=bulkload")).json();
      expect(broad).toMatchObject({ total: 10_000, totalCapped: true });
      const narrow = (await indonesia.request("GET", "/api/people?q=" + encodeURIComponent("driver 12"))).json();
      expect(narrow.totalCapped).toBe(false);
      expect(narrow.total).toBe(rows.filter((_, i) => String(i).includes("12")).length);
      await t.database.db.deleteFrom("people").where("id", "like", "bulk-%").execute();
    });

    it("answers unknown ids with 404 and no hint of existence", async () => {
      const r = await indonesia.request("GET", "/api/people/00000000-0000-0000-0000-000000000000");
      expect(r.statusCode).toBe(404);
      expect(r.json()).toEqual({ code: "PERSON_NOT_FOUND", message: "Person not found." });
    });
  });
}
