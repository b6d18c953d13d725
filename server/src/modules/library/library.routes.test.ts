/**
 * The best-practice library: the Kuwaiti office shares a practice with the GCC offices,
 * Qatar a lesson learned with all members, Indonesia an experience with everyone. Entries
 * are versioned, commented on, marked useful, carry files, and follow their sharing scope.
 */
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkUsers, buildTestApp, login, LOGINS, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";

const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from("1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")]);

const LUGGAGE = {
  title: "تجميع أمتعة الحجاج حسب لون المخيم في منى",
  body: "يتسلّم كل حاج بطاقتين بلون مخيمه لحقيبتيه.\nتُفرز الحقائب في مكة المكرمة حسب اللون.\n\nخفّض ذلك بلاغات الأمتعة المفقودة.",
  language: "ar",
  scope: "group",
  groupCode: "gcc-hajj-offices",
};

for (const dialect of DIALECTS) {
  describe(`library of practices (${dialect})`, () => {
    let t: TestApp;
    let dataDir: string;
    let kuwait: Client;
    let qatar: Client;
    let qatarMember: Client;
    let indonesia: Client;
    let oic: Client;
    let anonymous: Client;
    let kuwaitToken: string;
    /** Kuwait's GCC-group practice, made with the API token. */
    let gccEntry: string;
    /** Qatar's bilingual lesson shared with all members. */
    let qatarEntry: string;
    /** Indonesia's public experience. */
    let publicEntry: string;
    /** Kuwait's private note. */
    let privateEntry: string;
    let memberEvent: string;
    let privateEvent: string;

    const counts = async () => {
      const db = t.database.db;
      const n = async (table: "libraryEntries" | "libraryEntryVersions" | "libraryEntryTags" | "auditLog" | "searchDocuments") =>
        Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
      return { entries: await n("libraryEntries"), versions: await n("libraryEntryVersions"), tags: await n("libraryEntryTags"), audit: await n("auditLog"), index: await n("searchDocuments") };
    };
    const indexed = async (id: string) => Boolean(await t.database.db.selectFrom("searchDocuments").select("seq").where("docType", "=", "library").where("recordId", "=", id).executeTakeFirst());
    const bearer = (method: string, url: string, payload?: unknown) =>
      t.app.inject({ method: method as "POST", url, payload: payload as object | undefined, headers: { authorization: `Bearer ${kuwaitToken}` } });
    const upload = (c: Client, entryId: string, fileName: string, body: Buffer) =>
      t.app.inject({ method: "POST", url: `/api/library/entries/${entryId}/attachments?fileName=${encodeURIComponent(fileName)}`, payload: body, headers: { cookie: c.cookie, "x-csrf-token": c.csrf, "content-type": "application/octet-stream" } });

    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), "rifada-library-"));
      t = await buildTestApp(dialect, { dataDir, attachmentMaxBytes: 64 * 1024 });
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      oic = await login(t.app, LOGINS.oicCoordinator);
      anonymous = { cookie: "", csrf: "", request: (method, url, body) => t.app.inject({ method: method as "GET", url, payload: body as object | undefined }) };
      kuwaitToken = (await kuwait.request("POST", "/api/me/tokens", { name: "library script" })).json().token;
      const season = (await oic.request("POST", "/api/seasons", { hijriYear: 1446 })).json();
      const event = (visibility: string) =>
        kuwait.request("POST", "/api/events", {
          seasonId: season.id, kind: "meeting", mode: "in_person", titleAr: "اجتماع مكاتب شؤون الحجاج", titleEn: "Meeting of the Hajj-affairs offices",
          startsLocal: "2025-06-02T20:00", endsLocal: "2025-06-02T22:00", registration: "invitation", visibility,
        });
      memberEvent = (await event("members")).json().id;
      privateEvent = (await event("private")).json().id;
    });
    afterAll(async () => t?.close());

    it("creates an entry from a script with an API token and the stable minimal body, indexing it for search", async () => {
      const r = await bearer("POST", "/api/library/entries", LUGGAGE);
      expect(r.statusCode, r.body).toBe(201);
      const entry = r.json();
      gccEntry = entry.id;
      expect(entry).toMatchObject({
        kind: "practice",
        category: "other",
        language: "ar",
        title: LUGGAGE.title,
        titleAr: LUGGAGE.title,
        titleEn: null,
        bodyEn: null,
        scope: "group",
        group: { code: "gcc-hajj-offices" },
        organisation: { code: "hajj-kw", country: "KW" },
        season: null,
        event: null,
        tags: [],
        version: 1,
        usefulCount: 0,
        commentCount: 0,
        markedUseful: false,
        attachments: [],
        author: { name: "مشاري خالد الرشيدان" },
        abilities: { update: true, comment: true },
      });
      // Plain text: paragraphs on blank lines, line breaks kept, everything escaped.
      expect(entry.bodyAr).toBe("<p>يتسلّم كل حاج بطاقتين بلون مخيمه لحقيبتيه.<br />تُفرز الحقائب في مكة المكرمة حسب اللون.</p><p>خفّض ذلك بلاغات الأمتعة المفقودة.</p>");
      expect(entry.excerpt).toBe("يتسلّم كل حاج بطاقتين بلون مخيمه لحقيبتيه. تُفرز الحقائب في مكة المكرمة حسب اللون. خفّض ذلك بلاغات الأمتعة المفقودة.");
      expect(await indexed(gccEntry)).toBe(true);
      const audit = await t.database.db.selectFrom("auditLog").select(["action", "entityType"]).where("entityId", "=", gccEntry).execute();
      expect(audit).toEqual([{ action: "library.created", entityType: "library_entry" }]);
    });

    it("creates entries with a session: sanitised rich text, tags cleaned, season and event linked", async () => {
      const r = await kuwait.request("POST", "/api/library/entries", {
        title: "  ملاحظات داخلية عن السكن  ",
        body: '<p onclick="steal()">نص <script>alert(1)</script><strong>داخلي</strong></p>',
        language: "ar",
        scope: "private",
        kind: "lesson",
        category: "housing",
        tags: [" السكن ", "السكن", "مكة   المكرمة", "Housing", "housing"],
        seasonCode: "1446",
        eventId: memberEvent,
      });
      expect(r.statusCode, r.body).toBe(201);
      const entry = r.json();
      privateEntry = entry.id;
      expect(entry).toMatchObject({
        title: "ملاحظات داخلية عن السكن",
        bodyAr: "<p>نص <strong>داخلي</strong></p>",
        kind: "lesson",
        category: "housing",
        scope: "private",
        group: null,
        season: { code: "1446" },
        event: { id: memberEvent, titleEn: "Meeting of the Hajj-affairs offices" },
      });
      expect(entry.tags.sort()).toEqual(["Housing", "السكن", "مكة المكرمة"].sort());
    });

    it("creates a bilingual entry, shown in each reader's language; `title` wins over `titleAr` for its language", async () => {
      const r = await qatar.request("POST", "/api/library/entries", {
        title: "الوقاية من الإجهاد الحراري أثناء رمي الجمرات",
        titleAr: "ignored: title is the Arabic text",
        body: "<p>جدولة أفواج الرمي في الصباح الباكر وبعد العصر.</p>",
        titleEn: "Preventing heat stress during the stoning of the Jamarat",
        bodyEn: "<p>Stoning groups are scheduled early in the morning and after the afternoon prayer.</p>",
        language: "ar",
        scope: "members",
        kind: "lesson",
        category: "health",
        tags: ["الجمرات", "heat stress"],
        seasonCode: "1446",
      });
      expect(r.statusCode, r.body).toBe(201);
      qatarEntry = r.json().id;
      expect(r.json()).toMatchObject({ titleAr: "الوقاية من الإجهاد الحراري أثناء رمي الجمرات", titleEn: "Preventing heat stress during the stoning of the Jamarat" });
      // Siti reads in English, Mohammed in Arabic.
      expect((await indonesia.request("GET", `/api/library/entries/${qatarEntry}`)).json()).toMatchObject({
        title: "Preventing heat stress during the stoning of the Jamarat",
        excerpt: "Stoning groups are scheduled early in the morning and after the afternoon prayer.",
      });
      expect((await qatarMember.request("GET", `/api/library/entries/${qatarEntry}`)).json()).toMatchObject({ title: "الوقاية من الإجهاد الحراري أثناء رمي الجمرات", excerpt: "جدولة أفواج الرمي في الصباح الباكر وبعد العصر." });

      const english = await indonesia.request("POST", "/api/library/entries", {
        title: "Training elderly pilgrims before departure",
        body: "Weekly manasik sessions on full-scale models.\n\nA walking plan that builds up to 5 km a day & a companion for every ten pilgrims.",
        language: "en",
        scope: "public",
        kind: "experience",
        category: "training",
        tags: ["elderly pilgrims", "manasik"],
      });
      expect(english.statusCode, english.body).toBe(201);
      publicEntry = english.json().id;
      expect(english.json().bodyEn).toBe("<p>Weekly manasik sessions on full-scale models.</p><p>A walking plan that builds up to 5 km a day &amp; a companion for every ten pilgrims.</p>");
      // An Arabic reader gets the English text when there is no Arabic.
      expect((await qatarMember.request("GET", `/api/library/entries/${publicEntry}`)).json().title).toBe("Training elderly pilgrims before departure");
    });

    it("names every bad field and writes nothing", async () => {
      const before = await counts();
      const cases: Array<[Record<string, unknown>, string[]]> = [
        [{ body: "x", language: "ar", scope: "private" }, ["title"]],
        [{ title: "x", language: "ar", scope: "private" }, ["body"]],
        [{ title: " ", body: "x", language: "ar", scope: "private" }, ["title"]],
        [{ title: "x", body: "<p><br></p><script>x</script>", language: "ar", scope: "private" }, ["body"]],
        [{ title: "x", body: "y", language: "fr", scope: "private" }, ["language"]],
        [{ title: "x", body: "y", language: "ar", scope: "everyone" }, ["scope"]],
        [{ title: "x".repeat(301), body: "y", language: "ar", scope: "private" }, ["title"]],
        [{ title: "x", body: "y".repeat(200_001), language: "ar", scope: "private" }, ["body"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", kind: "rumour" }, ["kind"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", category: "weather" }, ["category"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", tags: Array.from({ length: 11 }, (_, i) => `tag ${i}`) }, ["tags"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", tags: ["t".repeat(41)] }, ["tags"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", titleEn: "Only a title" }, ["bodyEn"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", bodyEn: "Only a text" }, ["titleEn"]],
        [{ title: "x", body: "y", language: "en", scope: "private", titleAr: "عنوان فقط" }, ["bodyAr"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", seasonCode: "1399" }, ["seasonCode"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", eventId: "no-such-event" }, ["eventId"]],
        [{ title: "x", body: "y", language: "ar", scope: "group" }, ["groupCode"]],
        [{ title: "x", body: "y", language: "ar", scope: "group", groupCode: "no-such-group" }, ["groupCode"]],
        [{ title: "x", body: "y", language: "ar", scope: "private", colour: "red" }, ["colour"]],
        // Several at once, each named.
        [{ title: "x", body: "y", language: "ar", scope: "group", seasonCode: "1399", eventId: "nope", titleEn: "t" }, ["bodyEn", "groupCode", "seasonCode", "eventId"]],
      ];
      for (const [body, fields] of cases) {
        const r = await qatar.request("POST", "/api/library/entries", body);
        expect(r.statusCode, JSON.stringify(body).slice(0, 120)).toBe(400);
        expect(r.json().code).toBe("VALIDATION_FAILED");
        expect(r.json().fields.map((f: { field: string }) => f.field).sort(), JSON.stringify(body).slice(0, 120)).toEqual([...fields].sort());
      }
      // Messages name the field in the user's language.
      const r = await qatar.request("POST", "/api/library/entries", { title: "x", body: "y", language: "ar", scope: "private", titleEn: "t" });
      expect(r.json().fields).toEqual([{ field: "bodyEn", message: "حقل «النص (بالإنجليزية)» مطلوب." }]);
      // An event the author may not read is not linkable (Kuwait's private meeting, seen from Qatar).
      const hidden = await qatar.request("POST", "/api/library/entries", { title: "x", body: "y", language: "ar", scope: "private", eventId: privateEvent });
      expect(hidden.json().fields).toEqual([expect.objectContaining({ field: "eventId" })]);
      expect(await counts()).toEqual(before);
    });

    it("shares with a group only of the author's organisation", async () => {
      // Indonesia is not a GCC office.
      const r = await indonesia.request("POST", "/api/library/entries", { ...LUGGAGE, title: "Luggage", body: "By camp colour", language: "en" });
      expect(r.statusCode).toBe(400);
      expect(r.json().fields).toEqual([expect.objectContaining({ field: "groupCode" })]);
      // The group is ignored for other scopes.
      const members = await indonesia.request("POST", "/api/library/entries", { title: "QR wristbands for lost pilgrims", body: "A wristband links each pilgrim to their group leader.", language: "en", scope: "members", groupCode: "gcc-hajj-offices", category: "technology", tags: ["QR", "lost pilgrims"] });
      expect(members.statusCode, members.body).toBe(201);
      expect(members.json()).toMatchObject({ scope: "members", group: null });
    });

    it("lets each reader see only what is shared with them", async () => {
      // The GCC-group practice: Qatar (a GCC office) reads it, Indonesia does not learn it exists.
      expect((await qatarMember.request("GET", `/api/library/entries/${gccEntry}`)).statusCode).toBe(200);
      const hidden = await indonesia.request("GET", `/api/library/entries/${gccEntry}`);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe("LIBRARY_ENTRY_NOT_FOUND");
      // Private is private from coordinators too.
      expect((await oic.request("GET", `/api/library/entries/${privateEntry}`)).statusCode).toBe(404);
      expect((await qatar.request("GET", `/api/library/entries/${privateEntry}`)).statusCode).toBe(404);
      // Public entries are read without signing in; the others answer 404 there too.
      const open = await anonymous.request("GET", `/api/library/entries/${publicEntry}`);
      expect(open.statusCode).toBe(200);
      expect(open.json()).toMatchObject({ markedUseful: false, abilities: { update: false, comment: false } });
      expect((await anonymous.request("GET", `/api/library/entries/${qatarEntry}`)).statusCode).toBe(404);
      expect((await anonymous.request("GET", "/api/library/entries/no-such-entry")).statusCode).toBe(404);
      const list = (await anonymous.request("GET", "/api/library/entries")).json();
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([publicEntry]);
      // Lists apply the same rule.
      const ids = (c: Client) => c.request("GET", "/api/library/entries?pageSize=100").then((r) => r.json().items.map((i: { id: string }) => i.id));
      expect(await ids(indonesia)).not.toContain(gccEntry);
      expect(await ids(qatarMember)).toEqual(expect.arrayContaining([gccEntry, qatarEntry, publicEntry]));
      expect(await ids(qatarMember)).not.toContain(privateEntry);
      expect(await ids(oic)).not.toContain(privateEntry);
      expect(await ids(kuwait)).toContain(privateEntry);
      // Anonymous writers are sent to sign in.
      expect((await anonymous.request("POST", "/api/library/entries", LUGGAGE)).statusCode).toBe(401);
    });

    it("edits with versions and refuses a save based on an old version", async () => {
      const r = await kuwait.request("PATCH", `/api/library/entries/${gccEntry}`, {
        version: 1,
        titleEn: "Grouping pilgrims' luggage by camp colour in Mina",
        bodyEn: "Each pilgrim gets two tags in the colour of their camp.",
        category: "transport",
        tags: ["الأمتعة", "منى", "luggage"],
        seasonCode: "1446",
      });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ version: 2, category: "transport", titleAr: LUGGAGE.title, titleEn: "Grouping pilgrims' luggage by camp colour in Mina", season: { code: "1446" }, updatedBy: { name: "مشاري خالد الرشيدان" } });
      expect(r.json().tags.sort()).toEqual(["luggage", "الأمتعة", "منى"].sort());

      const stale = await bearer("PATCH", `/api/library/entries/${gccEntry}`, { version: 1, title: "An older title" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("LIBRARY_ENTRY_CONFLICT");
      expect((await kuwait.request("GET", `/api/library/entries/${gccEntry}`)).json()).toMatchObject({ version: 2, titleAr: LUGGAGE.title });

      // A translation needs both halves; clearing both removes it.
      const half = await kuwait.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 2, titleEn: null });
      expect(half.json().fields).toEqual([expect.objectContaining({ field: "titleEn" })]);
      // Changing only the scope is a save, too.
      const scoped = await kuwait.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 2, scope: "members" });
      expect(scoped.json()).toMatchObject({ version: 3, scope: "members", group: null });
      const back = await kuwait.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 3, scope: "group", groupCode: "gcc-hajj-offices" });
      expect(back.json()).toMatchObject({ version: 4, scope: "group", group: { code: "gcc-hajj-offices" } });

      // Readers who are not of the authoring organisation may not edit; participants of it neither.
      expect((await qatarMember.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 4, title: "x" })).statusCode).toBe(403);
      expect((await indonesia.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 4, title: "x" })).statusCode).toBe(404);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", gccEntry).execute();
      expect(audit.filter((a) => a.action === "library.updated")).toHaveLength(3);
    });

    it("lists the versions newest first and gives each one's text", async () => {
      const versions = await qatarMember.request("GET", `/api/library/entries/${gccEntry}/versions`);
      expect(versions.statusCode).toBe(200);
      expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([4, 3, 2, 1]);
      expect(versions.json().items[3]).toMatchObject({ titleAr: LUGGAGE.title, titleEn: null, editedBy: { name: "مشاري خالد الرشيدان" } });
      const first = await qatarMember.request("GET", `/api/library/entries/${gccEntry}/versions/1`);
      expect(first.json()).toMatchObject({ version: 1, kind: "practice", category: "other", tags: [], titleEn: null, bodyAr: expect.stringContaining("<p>") });
      const second = (await qatarMember.request("GET", `/api/library/entries/${gccEntry}/versions/2`)).json();
      expect(second).toMatchObject({ category: "transport", bodyEn: "<p>Each pilgrim gets two tags in the colour of their camp.</p>" });
      expect(second.tags.sort()).toEqual(["luggage", "الأمتعة", "منى"].sort());
      expect((await qatarMember.request("GET", `/api/library/entries/${gccEntry}/versions/9`)).statusCode).toBe(404);
      expect((await indonesia.request("GET", `/api/library/entries/${gccEntry}/versions`)).statusCode).toBe(404);
    });

    it("threads comments and questions, counts them, and lets only the right people remove them", async () => {
      const question = await qatarMember.request("POST", `/api/library/entries/${gccEntry}/comments`, { kind: "question", body: "  هل تُطبع البطاقات الملونة في الكويت أم في مكة المكرمة؟  " });
      expect(question.statusCode, question.body).toBe(201);
      expect(question.json()).toMatchObject({ kind: "question", parentId: null, body: "هل تُطبع البطاقات الملونة في الكويت أم في مكة المكرمة؟", author: { name: "محمد جاسم النعيمي" }, organisation: { nameEn: "Qatari Hajj Mission", country: "QA" }, deleted: false, abilities: { delete: true } });
      const q = question.json().id;
      const reply = await kuwait.request("POST", `/api/library/entries/${gccEntry}/comments`, { body: "تُطبع في الكويت وتُسلَّم مع وثائق السفر.", parentId: q });
      expect(reply.statusCode, reply.body).toBe(201);
      expect(reply.json()).toMatchObject({ kind: "comment", parentId: q });
      // One level of replies, within the same entry.
      expect((await qatar.request("POST", `/api/library/entries/${gccEntry}/comments`, { body: "شكرًا", parentId: reply.json().id })).json().fields[0].field).toBe("parentId");
      expect((await qatar.request("POST", `/api/library/entries/${qatarEntry}/comments`, { body: "شكرًا", parentId: q })).json().fields[0].field).toBe("parentId");
      expect((await qatar.request("POST", `/api/library/entries/${gccEntry}/comments`, { body: "   " })).json().fields[0].field).toBe("body");
      expect((await qatar.request("POST", `/api/library/entries/${gccEntry}/comments`, { body: "x".repeat(5001) })).json().fields[0].field).toBe("body");
      // Those who cannot read the entry cannot comment on it.
      expect((await indonesia.request("POST", `/api/library/entries/${gccEntry}/comments`, { body: "Hello" })).statusCode).toBe(404);
      expect((await kuwait.request("GET", `/api/library/entries/${gccEntry}`)).json().commentCount).toBe(2);

      // Qatar's admin neither wrote the reply nor runs Kuwait's office.
      const list = (await qatar.request("GET", `/api/library/entries/${gccEntry}/comments`)).json().items;
      expect(list.map((c: { id: string }) => c.id)).toEqual([q, reply.json().id]);
      expect(list.map((c: { abilities: { delete: boolean } }) => c.abilities.delete)).toEqual([false, false]);
      expect((await qatar.request("DELETE", `/api/library/entries/${gccEntry}/comments/${reply.json().id}`)).statusCode).toBe(403);
      // The entry's organisation's admin removes the question; it stays in the thread as removed.
      expect((await kuwait.request("DELETE", `/api/library/entries/${gccEntry}/comments/${q}`)).statusCode).toBe(204);
      const after = (await qatarMember.request("GET", `/api/library/entries/${gccEntry}/comments`)).json().items;
      expect(after[0]).toMatchObject({ id: q, deleted: true, body: "", abilities: { delete: false } });
      expect(after[1]).toMatchObject({ deleted: false, parentId: q });
      expect((await kuwait.request("GET", `/api/library/entries/${gccEntry}`)).json().commentCount).toBe(1);
      // Removing it again changes nothing; an unknown comment is named as such.
      expect((await kuwait.request("DELETE", `/api/library/entries/${gccEntry}/comments/${q}`)).statusCode).toBe(204);
      expect((await kuwait.request("GET", `/api/library/entries/${gccEntry}`)).json().commentCount).toBe(1);
      const missing = await kuwait.request("DELETE", `/api/library/entries/${gccEntry}/comments/no-such-comment`);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe("LIBRARY_COMMENT_NOT_FOUND");

      // A coordinator moderates what they can read; writers remove their own.
      const onMembers = await indonesia.request("POST", `/api/library/entries/${qatarEntry}/comments`, { body: "Very useful, thank you." });
      const mine = await qatarMember.request("POST", `/api/library/entries/${qatarEntry}/comments`, { body: "سنعمّم ذلك على المرشدين." });
      expect((await oic.request("DELETE", `/api/library/entries/${qatarEntry}/comments/${onMembers.json().id}`)).statusCode).toBe(204);
      expect((await qatarMember.request("DELETE", `/api/library/entries/${qatarEntry}/comments/${mine.json().id}`)).statusCode).toBe(204);
      expect((await qatar.request("GET", `/api/library/entries/${qatarEntry}`)).json().commentCount).toBe(0);
      // Signed-out readers see the thread of a public entry but cannot write in it.
      expect((await anonymous.request("GET", `/api/library/entries/${publicEntry}/comments`)).json().items).toEqual([]);
      expect((await anonymous.request("POST", `/api/library/entries/${publicEntry}/comments`, { body: "x" })).statusCode).toBe(401);
    });

    it("counts useful marks once per user, exactly, also when many arrive at once", async () => {
      const mark = (c: Client, method: "PUT" | "DELETE") => c.request(method, `/api/library/entries/${qatarEntry}/useful`);
      expect((await mark(kuwait, "PUT")).json()).toEqual({ usefulCount: 1, markedUseful: true });
      expect((await mark(kuwait, "PUT")).json()).toEqual({ usefulCount: 1, markedUseful: true });
      expect((await mark(indonesia, "PUT")).json()).toEqual({ usefulCount: 2, markedUseful: true });
      expect((await kuwait.request("GET", `/api/library/entries/${qatarEntry}`)).json()).toMatchObject({ usefulCount: 2, markedUseful: true });
      expect((await mark(indonesia, "DELETE")).json()).toEqual({ usefulCount: 1, markedUseful: false });
      expect((await mark(indonesia, "DELETE")).json()).toEqual({ usefulCount: 1, markedUseful: false });
      expect((await indonesia.request("GET", `/api/library/entries/${qatarEntry}`)).json().markedUseful).toBe(false);
      // Not for entries one cannot read.
      expect((await indonesia.request("PUT", `/api/library/entries/${gccEntry}/useful`)).statusCode).toBe(404);

      const delegates = await bulkUsers(t, 25, { organisationCode: "hajj-eg" });
      const answers = await Promise.all(
        delegates.flatMap((d) => [0, 1].map(() => t.app.inject({ method: "PUT", url: `/api/library/entries/${qatarEntry}/useful`, headers: { authorization: `Bearer ${d.token}` } }))),
      );
      expect(answers.map((a) => a.statusCode).every((s) => s === 200)).toBe(true);
      const rows = await t.database.db.selectFrom("libraryUseful").select((eb) => eb.fn.countAll<number>().as("n")).where("entryId", "=", qatarEntry).executeTakeFirstOrThrow();
      expect(Number(rows.n)).toBe(26);
      expect((await kuwait.request("GET", `/api/library/entries/${qatarEntry}`)).json().usefulCount).toBe(26);
    });

    it("keeps files: upload, download with the Arabic name, refuse a renamed .exe, remove", async () => {
      const r = await upload(kuwait, gccEntry, "نموذج كشف الأمتعة.pdf", PDF);
      expect(r.statusCode, r.body).toBe(201);
      const file = r.json();
      expect(file).toMatchObject({ fileName: "نموذج كشف الأمتعة.pdf", contentType: "application/pdf", size: PDF.length, uploadedBy: "مشاري خالد الرشيدان" });
      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([file.id]);
      const download = await qatarMember.request("GET", `/api/library/entries/${gccEntry}/attachments/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers["content-type"]).toBe("application/pdf");
      expect(download.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("نموذج كشف الأمتعة.pdf")}`);
      expect((await qatarMember.request("GET", `/api/library/entries/${gccEntry}/attachments`)).json().items.map((a: { id: string }) => a.id)).toEqual([file.id]);
      expect((await qatarMember.request("GET", `/api/library/entries/${gccEntry}`)).json().attachments.map((a: { id: string }) => a.id)).toEqual([file.id]);
      expect((await indonesia.request("GET", `/api/library/entries/${gccEntry}/attachments/${file.id}`)).statusCode).toBe(404);

      const exe = await upload(kuwait, gccEntry, "setup.exe", Buffer.from("MZ\x90\x00"));
      expect(exe.statusCode).toBe(400);
      expect(exe.json().fields[0].field).toBe("fileName");
      const disguised = await upload(kuwait, gccEntry, "report.pdf", Buffer.from("MZ\x90\x00 not a pdf"));
      expect(disguised.statusCode).toBe(400);
      expect(disguised.json().fields[0].field).toBe("file");
      expect((await upload(kuwait, gccEntry, "big.pdf", Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(65 * 1024, 32)]))).statusCode).toBe(413);
      // Readers from other organisations may not add files.
      expect((await upload(qatarMember, gccEntry, "a.pdf", PDF)).statusCode).toBe(403);
      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([file.id]);

      expect((await qatarMember.request("DELETE", `/api/library/entries/${gccEntry}/attachments/${file.id}`)).statusCode).toBe(403);
      expect((await kuwait.request("DELETE", `/api/library/entries/${gccEntry}/attachments/${file.id}`)).statusCode).toBe(204);
      expect((await kuwait.request("GET", `/api/library/entries/${gccEntry}/attachments/${file.id}`)).statusCode).toBe(404);
      expect(await readdir(path.join(dataDir, "attachments"))).toEqual([]);
    });

    it("lists tags of readable entries, most used first, filtered by a normalised prefix", async () => {
      await indonesia.request("POST", "/api/library/entries", { title: "Heat at the Jamarat", body: "Water points.", language: "en", scope: "public", tags: ["heat stress", "الجمرات"] });
      const all = (await qatarMember.request("GET", "/api/library/tags")).json().items;
      expect(all.slice(0, 2)).toEqual(expect.arrayContaining([{ tag: "الجمرات", count: 2 }, { tag: "heat stress", count: 2 }]));
      expect(all).toEqual(expect.arrayContaining([{ tag: "منى", count: 1 }]));
      expect(all.map((i: { count: number }) => i.count)).toEqual(all.map((i: { count: number }) => i.count).sort((a: number, b: number) => b - a));
      // Kuwait's GCC tags and private tags stay out of others' lists.
      const indonesian = (await indonesia.request("GET", "/api/library/tags")).json().items.map((i: { tag: string }) => i.tag);
      expect(indonesian).not.toContain("منى");
      expect(indonesian).not.toContain("السكن");
      expect((await oic.request("GET", "/api/library/tags")).json().items.map((i: { tag: string }) => i.tag)).not.toContain("السكن");
      // Prefix, ignoring hamza forms and case.
      expect((await qatarMember.request("GET", `/api/library/tags?q=${encodeURIComponent("الامت")}`)).json().items).toEqual([{ tag: "الأمتعة", count: 1 }]);
      expect((await qatarMember.request("GET", "/api/library/tags?q=HEAT")).json().items).toEqual([{ tag: "heat stress", count: 2 }]);
      expect((await anonymous.request("GET", "/api/library/tags")).json().items.map((i: { tag: string }) => i.tag).sort()).toEqual(["elderly pilgrims", "heat stress", "manasik", "الجمرات"].sort());
    });

    it("filters and sorts the list", async () => {
      const ids = async (c: Client, query: string) => (await c.request("GET", `/api/library/entries?${query}`)).json().items.map((i: { id: string }) => i.id);
      expect(await ids(qatarMember, "kind=lesson")).toEqual([qatarEntry]);
      expect(await ids(qatarMember, "category=training")).toEqual([publicEntry]);
      expect(await ids(qatarMember, "organisation=hajj-kw")).toEqual([gccEntry]);
      expect((await ids(qatarMember, "season=1446")).sort()).toEqual([gccEntry, qatarEntry].sort());
      expect(await ids(qatarMember, `tag=${encodeURIComponent("منى")}`)).toEqual([gccEntry]);
      expect(await ids(qatarMember, "tag=LUGGAGE")).toEqual([gccEntry]);
      expect(await ids(qatarMember, "scope=group")).toEqual([gccEntry]);
      expect(await ids(qatarMember, "mine=true")).toEqual([qatarEntry]);
      expect(await ids(anonymous, "mine=true")).toEqual([]);
      // Most useful first, then most recently updated.
      const useful = await ids(qatarMember, "sort=useful");
      expect(useful[0]).toBe(qatarEntry);
      const recent = (await qatarMember.request("GET", "/api/library/entries")).json();
      const times = recent.items.map((i: { updatedAt: string }) => i.updatedAt);
      expect(times).toEqual([...times].sort().reverse());
      expect(recent).toMatchObject({ page: 1, pageSize: 25, total: recent.items.length });
      const paged = (await qatarMember.request("GET", "/api/library/entries?pageSize=2&page=2")).json();
      expect(paged.items.map((i: { id: string }) => i.id)).toEqual(recent.items.slice(2, 4).map((i: { id: string }) => i.id));
      expect((await qatarMember.request("GET", "/api/library/entries?sort=oldest")).json().fields[0].field).toBe("sort");
    });

    it("withdraws an entry: gone for everyone and from search, kept with its history", async () => {
      expect((await qatarMember.request("DELETE", `/api/library/entries/${gccEntry}`)).statusCode).toBe(403);
      expect(await indexed(gccEntry)).toBe(true);
      expect((await bearer("DELETE", `/api/library/entries/${gccEntry}`)).statusCode).toBe(204);
      for (const c of [kuwait, qatarMember]) {
        const r = await c.request("GET", `/api/library/entries/${gccEntry}`);
        expect(r.statusCode).toBe(404);
        expect(r.json().code).toBe("LIBRARY_ENTRY_NOT_FOUND");
      }
      expect((await kuwait.request("GET", "/api/library/entries?pageSize=100")).json().items.map((i: { id: string }) => i.id)).not.toContain(gccEntry);
      expect((await kuwait.request("PATCH", `/api/library/entries/${gccEntry}`, { version: 4, title: "x" })).statusCode).toBe(404);
      expect((await kuwait.request("DELETE", `/api/library/entries/${gccEntry}`)).statusCode).toBe(404);
      expect(await indexed(gccEntry)).toBe(false);
      const kept = await t.database.db.selectFrom("libraryEntryVersions").select("version").where("entryId", "=", gccEntry).execute();
      expect(kept).toHaveLength(4);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", gccEntry).where("action", "=", "library.withdrawn").execute();
      expect(audit).toHaveLength(1);
    });
  });
}
