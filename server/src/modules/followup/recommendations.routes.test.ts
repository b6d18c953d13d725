/**
 * Recommendations from a meeting's decisions: the Kuwaiti office hosts a meeting with Qatar and
 * Indonesia invited; its three decisions are tracked (once), Qatar reports progress with
 * evidence, Kuwait (the owner) manages texts and approves or drops, the workshops that
 * implement one are linked and their attendance shows as impact, with the awareness gain of the
 * training programmes linked or delivered by them. Only the responsible
 * organisation or a coordinator may update a recommendation: checked for every role.
 */
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { attend, createEvent, dayIn, ensureSeason, invite, PDF, riyadhIn, tokenClient, upload } from "../../test/followup.js";
import { assessment, attempt, enrol, hoursFromNow, person, programme, workshop } from "../training/training.fixture.js";

for (const dialect of DIALECTS) {
  describe(`recommendations (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let kuwait: Client;
    let qatar: Client;
    let qatarMember: Client;
    let indonesia: Client;
    let provider: Client;
    let trainer: Client;
    let seasonId: string;
    let meetingId: string;
    /** Tracked from the meeting's decisions: Qatar responsible, the Ministry responsible, none. */
    let recQatar: string;
    let recMinistry: string;
    let recNone: string;
    const anonymous = (method: string, url: string, payload?: object) => t.app.inject({ method: method as "GET", url, payload });

    const get = async (c: Client, id: string) => (await c.request("GET", `/api/recommendations/${id}`)).json();

    beforeAll(async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), "rifada-followup-"));
      t = await buildTestApp(dialect, { dataDir, attachmentMaxBytes: 64 * 1024 });
      oic = await login(t.app, LOGINS.oicCoordinator);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      provider = await login(t.app, LOGINS.providerParticipant);
      trainer = await login(t.app, LOGINS.ministryTrainer);
      seasonId = await ensureSeason(oic, 1446);
      meetingId = await createEvent(kuwait, { seasonId, titleAr: "اجتماع رؤساء المكاتب", titleEn: "Meeting of the heads of offices" });
      await invite(t, kuwait, meetingId, ["hajj-qa", "hajj-id"]);
      const saved = await kuwait.request("PUT", `/api/events/${meetingId}/minutes`, {
        bodyHtml: "<p>Minutes</p>",
        version: 0,
        decisions: [
          { reference: "1446/1", textAr: "تدريب العاملين لدى مقدمي الخدمات", textEn: "Train service providers' staff", responsibleOrganisationId: await orgId(t, "hajj-qa"), dueOn: dayIn(30) },
          { reference: "1446/2", textAr: "توحيد أدلة التوعية", textEn: "Unify the awareness guides", responsibleOrganisationId: await orgId(t, "moh-sa"), dueOn: null },
          { reference: "1446/3", textAr: "", textEn: "Keep the coordination channels open", responsibleOrganisationId: null, dueOn: null },
        ],
      });
      expect(saved.statusCode, saved.body).toBe(200);
    });
    afterAll(async () => t?.close());

    it("tracks a meeting's decisions as approved recommendations, once", async () => {
      expect((await qatar.request("POST", `/api/events/${meetingId}/decisions/track`, {})).statusCode).toBe(403);
      const first = await kuwait.request("POST", `/api/events/${meetingId}/decisions/track`, {});
      expect(first.statusCode, first.body).toBe(200);
      const { created, alreadyTracked } = first.json();
      expect(alreadyTracked).toEqual([]);
      expect(created.map((r: { reference: string }) => r.reference)).toEqual(["1446/1", "1446/2", "1446/3"]);
      for (const r of created) {
        expect(r).toMatchObject({ status: "approved", progress: 0, owner: { code: "hajj-kw" }, season: { id: seasonId }, sourceEvent: { id: meetingId } });
      }
      [recQatar, recMinistry, recNone] = created.map((r: { id: string }) => r.id);
      expect(created[0]).toMatchObject({ textEn: "Train service providers' staff", dueOn: dayIn(30), responsibles: [{ code: "hajj-qa" }] });
      // A decision written in one language only: the other stays empty until translated (never a copy).
      expect(created[2]).toMatchObject({ textAr: "", textEn: "Keep the coordination channels open", responsibles: [] });

      const again = await kuwait.request("POST", `/api/events/${meetingId}/decisions/track`, {});
      expect(again.json().created).toEqual([]);
      // The responsible organisations' admins heard of their new recommendations once (the Ministry has no admin account).
      const assigned = await t.database.db.selectFrom("outbox").select(["toEmail", "locale", "subject"]).where("kind", "=", "recommendation_assigned").execute();
      expect(assigned).toEqual([{ toEmail: LOGINS.qatarAdmin, locale: "ar", subject: "توصية جديدة لجهتكم: 1446/1 — تدريب العاملين لدى مقدمي الخدمات" }]);
      expect(again.json().alreadyTracked).toHaveLength(3);
      expect(again.json().alreadyTracked[0]).toEqual({ decisionId: expect.any(String), recommendationId: recQatar });
      const unknown = await kuwait.request("POST", `/api/events/${meetingId}/decisions/track`, { decisionIds: ["nope"] });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().fields[0].field).toBe("decisionIds");

      const rec = await get(qatar, recQatar);
      expect(rec).toMatchObject({ visibility: "private", sourceDecisionId: expect.any(String), approvedAt: expect.any(String), abilities: { progress: true, manage: false } });
      const timeline = (await qatar.request("GET", `/api/recommendations/${recQatar}/updates`)).json();
      expect(timeline.items).toEqual([expect.objectContaining({ kind: "created", statusTo: "approved", organisation: expect.objectContaining({ code: "hajj-kw" }) })]);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", recQatar).execute();
      expect(audit.map((a) => a.action)).toEqual(["recommendation.tracked"]);
      const indexed = await t.database.db.selectFrom("searchDocuments").select("recordId").where("docType", "=", "recommendation").execute();
      expect(indexed.map((d) => d.recordId)).toEqual(expect.arrayContaining([recQatar, recMinistry, recNone]));
    });

    it("lets the meeting's participants read it; others get 404, anonymous callers 401", async () => {
      for (const c of [oic, kuwait, qatar, qatarMember, indonesia]) expect((await c.request("GET", `/api/recommendations/${recQatar}`)).statusCode).toBe(200);
      // The Ministry is responsible for the second decision only.
      expect((await trainer.request("GET", `/api/recommendations/${recMinistry}`)).statusCode).toBe(200);
      expect((await trainer.request("GET", `/api/recommendations/${recQatar}`)).statusCode).toBe(404);
      const notFound = await provider.request("GET", `/api/recommendations/${recQatar}`);
      expect(notFound.statusCode).toBe(404);
      expect(notFound.json().code).toBe("RECOMMENDATION_NOT_FOUND");
      expect((await anonymous("GET", `/api/recommendations/${recQatar}`)).statusCode).toBe(401);
      const list = (await indonesia.request("GET", `/api/recommendations?event=${meetingId}`)).json();
      expect(list.total).toBe(3);
      expect((await provider.request("GET", `/api/recommendations?event=${meetingId}`)).json().total).toBe(0);
      const mine = (await qatarMember.request("GET", "/api/recommendations?mine=true")).json();
      expect(mine.items.map((r: { id: string }) => r.id)).toEqual([recQatar]);
    });

    it("only the responsible organisation or a coordinator reports progress; the owner's admin manages", async () => {
      const report = (c: Client, progress: number) => c.request("POST", `/api/recommendations/${recQatar}/updates`, { text: `Progress ${progress}`, progress });
      // Responsible organisation: its admin and its members; and coordinators.
      expect((await report(qatar, 10)).statusCode).toBe(201);
      expect((await report(qatarMember, 20)).statusCode).toBe(201);
      expect((await report(oic, 30)).statusCode).toBe(201);
      // The owner's admin manages but does not report; an invited, non-responsible member may only read.
      const owner = await report(kuwait, 40);
      expect(owner.statusCode).toBe(403);
      expect(owner.json().code).toBe("FORBIDDEN");
      expect((await report(indonesia, 40)).statusCode).toBe(403);
      expect((await report(provider, 40)).statusCode).toBe(404);
      expect((await anonymous("POST", `/api/recommendations/${recQatar}/updates`, { text: "x", progress: 40 })).statusCode).toBe(401);
      expect((await get(qatar, recQatar)).progress).toBe(30);

      // Texts: the owner's admin and coordinators; not the responsible organisation.
      const edit = async (c: Client, textEn: string) => c.request("PATCH", `/api/recommendations/${recQatar}`, { updatedAt: (await get(oic, recQatar)).updatedAt, textEn });
      expect((await edit(qatar, "Edited by Qatar")).statusCode).toBe(403);
      expect((await edit(qatarMember, "Edited by a member")).statusCode).toBe(403);
      expect((await edit(indonesia, "Edited by Indonesia")).statusCode).toBe(403);
      expect((await edit(provider, "Edited by a stranger")).statusCode).toBe(404);
      const byOwner = await edit(kuwait, "Train the service providers' field staff");
      expect(byOwner.statusCode, byOwner.body).toBe(200);
      expect(byOwner.json()).toMatchObject({ textEn: "Train the service providers' field staff", abilities: { manage: true, progress: false, transitions: ["dropped"] } });
      expect((await edit(oic, "Train the service providers' field staff (coordinator)")).statusCode).toBe(200);

      // Status: in progress and done by those who report; drop by those who manage.
      const status = async (c: Client, body: object) => c.request("PATCH", `/api/recommendations/${recQatar}`, { updatedAt: (await get(oic, recQatar)).updatedAt, ...body });
      expect((await status(kuwait, { status: "in_progress" })).statusCode).toBe(403);
      expect((await status(qatarMember, { status: "dropped", reason: "No longer needed" })).statusCode).toBe(403);
      const started = await status(qatarMember, { status: "in_progress", progress: 45 });
      expect(started.statusCode, started.body).toBe(200);
      expect(started.json()).toMatchObject({ status: "in_progress", progress: 45, abilities: { progress: true, manage: false, transitions: ["done"] } });
    });

    it("moves through the status machine, with reasons to drop and to reopen", async () => {
      const created = await oic.request("POST", "/api/recommendations", {
        textAr: "إطلاق دليل موحد للتوعية", textEn: "Publish a single awareness guide", seasonCode: "1446", responsibleOrganisationIds: [await orgId(t, "hajj-qa")], organisationId: await orgId(t, "hajj-kw"), visibility: "members",
      });
      expect(created.statusCode, created.body).toBe(201);
      const rec = created.json();
      expect(rec).toMatchObject({ status: "proposed", owner: { code: "hajj-kw" }, abilities: { transitions: ["approved", "dropped"] } });
      const move = async (c: Client, body: object) => c.request("PATCH", `/api/recommendations/${rec.id}`, { updatedAt: (await get(oic, rec.id)).updatedAt, ...body });

      const skip = await move(qatar, { status: "done" });
      expect(skip.statusCode).toBe(409);
      expect(skip.json().code).toBe("RECOMMENDATION_STATUS_INVALID");
      expect((await move(kuwait, { status: "approved" })).json()).toMatchObject({ status: "approved", approvedAt: expect.any(String) });
      const noReason = await move(kuwait, { status: "dropped" });
      expect(noReason.statusCode).toBe(400);
      expect(noReason.json().fields).toEqual([{ field: "reason", message: expect.any(String) }]);
      expect((await move(qatar, { status: "in_progress", progress: 60 })).json()).toMatchObject({ status: "in_progress", progress: 60 });
      // Progress cannot change once it is done; done means 100 %.
      const done = (await move(qatar, { status: "done" })).json();
      expect(done).toMatchObject({ status: "done", progress: 100, closedAt: expect.any(String), abilities: { transitions: ["in_progress"] } });
      expect((await move(qatar, { progress: 80 })).statusCode).toBe(409);
      expect((await move(qatar, { status: "in_progress" })).statusCode).toBe(400);
      expect((await move(qatar, { status: "in_progress", reason: "The guide needs a second edition" })).json()).toMatchObject({ status: "in_progress", statusReason: "The guide needs a second edition", closedAt: null });
      expect((await move(kuwait, { status: "dropped", reason: "Merged with 1446/2" })).json()).toMatchObject({ status: "dropped", statusReason: "Merged with 1446/2" });
      expect((await move(kuwait, { status: "approved" })).statusCode).toBe(409);
      expect((await move(kuwait, { status: "proposed" })).statusCode).toBe(400);
      expect((await move(kuwait, { status: "proposed", reason: "Split again" })).json()).toMatchObject({ status: "proposed" });

      const timeline = (await oic.request("GET", `/api/recommendations/${rec.id}/updates`)).json().items;
      expect(timeline.filter((u: { kind: string }) => u.kind === "status").map((u: { statusFrom: string; statusTo: string }) => `${u.statusFrom}>${u.statusTo}`).reverse()).toEqual([
        "proposed>approved", "approved>in_progress", "in_progress>done", "done>in_progress", "in_progress>dropped", "dropped>proposed",
      ]);
      const audit = await t.database.db.selectFrom("auditLog").select("action").where("entityId", "=", rec.id).execute();
      expect(audit.filter((a) => a.action === "recommendation.status_changed")).toHaveLength(6);
    });

    it("refuses an edit based on a stale read", async () => {
      const before = await get(kuwait, recNone);
      expect((await kuwait.request("PATCH", `/api/recommendations/${recNone}`, { updatedAt: before.updatedAt, dueOn: dayIn(60) })).statusCode).toBe(200);
      const stale = await oic.request("PATCH", `/api/recommendations/${recNone}`, { updatedAt: before.updatedAt, reference: "1446/3-bis" });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe("RECOMMENDATION_CONFLICT");
      expect((await get(oic, recNone)).reference).toBe("1446/3");
    });

    it("mails the admins of every responsible organisation on a status change, each in their language", async () => {
      const indonesianAdmin = await tokenClient(t, "hajj-id", "org_admin", `rec-${dialect}`);
      const email = (await t.database.db.selectFrom("users").select("email").where("id", "=", indonesianAdmin.userId).executeTakeFirstOrThrow()).email;
      const current = await get(kuwait, recMinistry);
      const widened = await kuwait.request("PATCH", `/api/recommendations/${recMinistry}`, { updatedAt: current.updatedAt, responsibleOrganisationIds: [await orgId(t, "hajj-qa"), await orgId(t, "hajj-id")] });
      expect(widened.statusCode, widened.body).toBe(200);
      const before = (await t.database.db.selectFrom("outbox").select("id").where("kind", "=", "recommendation_status").execute()).length;
      const moved = await indonesianAdmin.request("POST", `/api/recommendations/${recMinistry}/updates`, { text: "Work has begun on the joint guide.", status: "in_progress" });
      expect(moved.statusCode, moved.body).toBe(201);
      const mails = await t.database.db.selectFrom("outbox").selectAll().where("kind", "=", "recommendation_status").orderBy("createdAt").execute();
      const sent = mails.slice(before);
      expect(sent.map((m) => m.toEmail).sort()).toEqual([email, LOGINS.qatarAdmin].sort());
      const arabic = sent.find((m) => m.toEmail === LOGINS.qatarAdmin)!;
      const english = sent.find((m) => m.toEmail === email)!;
      expect(arabic.locale).toBe("ar");
      expect(arabic.subject).toContain("قيد التنفيذ");
      expect(arabic.body).toContain("الحالة السابقة: معتمدة");
      expect(arabic.body).toContain("1446/2 — توحيد أدلة التوعية");
      expect(english.locale).toBe("en");
      expect(english.subject).toBe("Recommendation status: In progress — 1446/2 — Unify the awareness guides");
      expect(english.body).toContain("New status: In progress (previously: Approved)");
      expect(english.body).toContain(`http://rifada.test/recommendations/${recMinistry}`);
    });

    it("keeps evidence: an update with links and a file, downloaded by those who may read it", async () => {
      const posted = await qatar.request("POST", `/api/recommendations/${recQatar}/updates`, {
        text: "Asas and Terhab trained 240 staff.", links: [{ url: "https://example.org/report", title: "Workshop report" }], progress: 60,
      });
      expect(posted.statusCode, posted.body).toBe(201);
      const update = posted.json();
      expect(update).toMatchObject({ kind: "progress", progressFrom: 45, progressTo: 60, links: [{ url: "https://example.org/report", title: "Workshop report" }], files: [] });
      const url = `/api/recommendations/${recQatar}/updates/${update.id}/files`;
      expect((await upload(t, indonesia, url, "evidence.pdf", PDF)).statusCode).toBe(403);
      expect((await upload(t, qatar, url, "setup.exe.pdf", Buffer.from("MZ not a pdf"))).statusCode).toBe(400);
      const stored = await upload(t, qatar, url, "تقرير الورشة.pdf", PDF);
      expect(stored.statusCode, stored.body).toBe(201);
      const file = stored.json();
      expect(file).toMatchObject({ fileName: "تقرير الورشة.pdf", contentType: "application/pdf", size: PDF.length });
      const timeline = (await indonesia.request("GET", `/api/recommendations/${recQatar}/updates`)).json();
      expect(timeline.items[0].files).toEqual([expect.objectContaining({ id: file.id, url: `${url}/${file.id}` })]);
      const download = await indonesia.request("GET", `${url}/${file.id}`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
      expect(download.headers["content-disposition"]).toContain("filename*=UTF-8''");
      expect((await provider.request("GET", `${url}/${file.id}`)).statusCode).toBe(404);
    });

    it("links the workshops that implement it and shows what happened", async () => {
      const asas = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة أساس", titleEn: "Asas workshop", registration: "open", visibility: "members", startsLocal: riyadhIn(-30), endsLocal: riyadhIn(-28) });
      const terhab = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة ترحاب", titleEn: "Terhab workshop", registration: "open", visibility: "members", startsLocal: riyadhIn(-27), endsLocal: riyadhIn(-25) });
      const next = await createEvent(oic, { seasonId, kind: "workshop", mode: "virtual", titleAr: "ورشة قادمة", titleEn: "Next workshop", registration: "open", visibility: "members", startsLocal: riyadhIn(100), endsLocal: riyadhIn(102) });
      const hidden = await createEvent(kuwait, { seasonId, titleAr: "اجتماع داخلي", titleEn: "Internal meeting" });
      await attend(t, asas, "hajj-qa", "p:qa-1");
      await attend(t, asas, "hajj-id", "p:id-1");
      await attend(t, terhab, "hajj-qa", "p:qa-1");
      await attend(t, terhab, "hajj-kw", "p:kw-1");
      await attend(t, next, "hajj-om", "p:om-1");

      for (const target of [asas, terhab, next]) {
        const r = await qatar.request("POST", `/api/recommendations/${recQatar}/links`, { targetType: "event", targetId: target });
        expect(r.statusCode, r.body).toBe(201);
      }
      expect((await qatar.request("POST", `/api/recommendations/${recQatar}/links`, { targetType: "event", targetId: asas })).json().links).toHaveLength(3);
      // Qatar cannot read Kuwait's internal meeting; an invited non-responsible member may not link.
      expect((await qatar.request("POST", `/api/recommendations/${recQatar}/links`, { targetType: "event", targetId: hidden })).json().fields[0].field).toBe("targetId");
      expect((await indonesia.request("POST", `/api/recommendations/${recQatar}/links`, { targetType: "event", targetId: asas })).statusCode).toBe(403);

      const rec = await get(indonesia, recQatar);
      expect(rec.links.map((l: { targetId: string }) => l.targetId)).toEqual([asas, terhab, next]);
      expect(rec.impact).toEqual({
        workshops: [
          expect.objectContaining({ id: asas, titleEn: "Asas workshop", held: true, participants: 2, countries: 2 }),
          expect.objectContaining({ id: terhab, held: true, participants: 2, countries: 2 }),
          expect.objectContaining({ id: next, held: false, participants: 0, countries: 0 }),
        ],
        participants: 3,
        countries: 3,
        awarenessGain: null,
      });
      const served = (await qatarMember.request("GET", `/api/events/${asas}/recommendations`)).json();
      expect(served.serves.map((r: { id: string }) => r.id)).toEqual([recQatar]);
      expect(served.source).toEqual([]);
      // Someone who may read the workshop but not the recommendation sees nothing of it.
      expect((await provider.request("GET", `/api/events/${asas}/recommendations`)).json().serves).toEqual([]);
      const fromMeeting = (await qatar.request("GET", `/api/events/${meetingId}/recommendations`)).json();
      expect(fromMeeting.source).toHaveLength(3);

      expect((await qatar.request("DELETE", `/api/recommendations/${recQatar}/links/event/${next}`)).statusCode).toBe(204);
      expect((await get(qatar, recQatar)).impact.workshops).toHaveLength(2);
      const kinds = (await qatar.request("GET", `/api/recommendations/${recQatar}/updates`)).json().items.filter((u: { kind: string }) => u.kind === "link");
      expect(kinds[0]).toMatchObject({ text: "unlinked", target: { type: "event", id: next, titleEn: "Next workshop" } });
    });

    it("links the training programmes that implement it and shows their trainees' awareness gain", async () => {
      const db = t.database.db;
      const links = `/api/recommendations/${recQatar}/links`;
      const course = await programme(db, { seasonId, ownerIds: [await orgId(t, "oic"), await orgId(t, "moh-sa")], code: `rec-a-${dialect}`, titleAr: "برنامج ترحاب", titleEn: "Terhab programme", visibility: "members" });
      const draft = await programme(db, { seasonId, ownerIds: [await orgId(t, "hajj-kw")], code: `rec-b-${dialect}`, titleEn: "Kuwait's draft", status: "draft" });
      // Trainees: pre 2/6 → 33 %, post 5/6 → 83 %; pre 1/8 → 13 % (half up), post not submitted; post only 3/4 → 75 %;
      // pre 1/6 → 17 %, post 6/6 → 100 %; and one withdrawn (not counted).
      const pre = await assessment(db, { programmeId: course, kind: "pre" });
      const post = await assessment(db, { programmeId: course, kind: "post" });
      const qa = await orgId(t, "hajj-qa");
      const trainee = async (name: string, status: "enrolled" | "withdrawn" = "enrolled") => {
        const personId = await person(db, { organisationId: qa, nameAr: name, nameEn: name });
        return enrol(db, { programmeId: course, personId, organisationId: qa, status });
      };
      const took = (enrolmentId: string, kind: "pre" | "post", score: number, maxScore: number, submittedAt?: null) =>
        attempt(db, { assessmentId: kind === "pre" ? pre : post, enrolmentId, programmeId: course, kind, score, maxScore, submittedAt });
      const [a, b, c, d, gone] = [await trainee("A"), await trainee("B"), await trainee("C"), await trainee("D"), await trainee("E", "withdrawn")];
      await took(a, "pre", 2, 6);
      await took(a, "post", 5, 6);
      await took(b, "pre", 1, 8);
      await took(b, "post", 8, 8, null);
      await took(c, "post", 3, 4);
      await took(d, "pre", 1, 6);
      await took(d, "post", 6, 6);
      await took(gone, "pre", 0, 6);
      await took(gone, "post", 6, 6);

      const timeline = async (c: Client = qatar) => (await c.request("GET", `/api/recommendations/${recQatar}/updates`)).json();
      const audits = async () => (await db.selectFrom("auditLog").select("id").where("entityId", "=", recQatar).execute()).length;
      const before = { rec: await get(qatar, recQatar), timeline: (await timeline()).total, audits: await audits() };
      expect(before.rec.impact.awarenessGain).toBeNull();
      // Qatar cannot read Kuwait's draft (nor a programme that does not exist): refused, nothing written.
      for (const targetId of [draft, "no-such-programme"]) {
        const refused = await qatar.request("POST", links, { targetType: "training_programme", targetId });
        expect(refused.statusCode, refused.body).toBe(400);
        expect(refused.json()).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ field: "targetId" }] });
      }
      expect((await get(qatar, recQatar)).links).toEqual(before.rec.links);
      expect((await timeline()).total).toBe(before.timeline);
      expect(await audits()).toBe(before.audits);
      expect((await indonesia.request("POST", links, { targetType: "training_programme", targetId: course })).statusCode).toBe(403);

      const linked = await qatar.request("POST", links, { targetType: "training_programme", targetId: course });
      expect(linked.statusCode, linked.body).toBe(201);
      expect(linked.json().links.at(-1)).toEqual({ targetType: "training_programme", targetId: course, title: { ar: "برنامج ترحاب", en: "Terhab programme" }, startsAt: null, createdAt: expect.any(String) });
      expect((await timeline()).items[0]).toMatchObject({ kind: "link", text: "linked", target: { type: "training_programme", id: course, titleAr: "برنامج ترحاب", titleEn: "Terhab programme" } });
      const gain = {
        programmes: [{ id: course, titleAr: "برنامج ترحاب", titleEn: "Terhab programme" }],
        trainees: 4,
        withPre: 3,
        withPost: 3,
        paired: 2,
        avgPre: 21, // (33 + 13 + 17) / 3
        avgPost: 86, // (83 + 75 + 100) / 3
        avgGain: 66.5, // (50 + 83) / 2
      };
      const rec = await get(indonesia, recQatar);
      expect(rec.impact.awarenessGain).toEqual(gain);
      expect(rec.impact.workshops).toEqual(before.rec.impact.workshops);
      expect(rec.impact.participants).toBe(before.rec.impact.participants);

      // A linked workshop that delivers the programme: the programme counts once.
      const delivering = await workshop(db, { programmeId: course, seasonId, hostId: await orgId(t, "oic"), startsAt: hoursFromNow(-50), endsAt: hoursFromNow(-48), titleEn: "Terhab session" });
      expect((await qatar.request("POST", links, { targetType: "event", targetId: delivering })).statusCode).toBe(201);
      expect((await get(qatar, recQatar)).impact.awarenessGain).toEqual(gain);

      // The other way round: the recommendations a programme or a workshop implements.
      const reverse = (c: Client, targetType: string, targetId: string) => c.request("GET", `/api/recommendations/linked?targetType=${targetType}&targetId=${targetId}`);
      expect((await reverse(qatarMember, "training_programme", course)).json().items.map((r: { id: string }) => r.id)).toEqual([recQatar]);
      expect((await reverse(qatarMember, "event", delivering)).json().items.map((r: { id: string }) => r.id)).toEqual([recQatar]);
      expect((await reverse(provider, "training_programme", course)).json().items).toEqual([]);
      const hidden = await reverse(qatar, "training_programme", draft);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.json().code).toBe("TRAINING_PROGRAMME_NOT_FOUND");
      expect((await reverse(qatar, "nothing", course)).statusCode).toBe(400);

      // A coordinator may link Kuwait's draft: only those who may read it see it and its figures; Qatar may not unlink it.
      expect((await oic.request("POST", links, { targetType: "training_programme", targetId: draft })).statusCode).toBe(201);
      expect((await get(oic, recQatar)).impact.awarenessGain.programmes.map((p: { id: string }) => p.id)).toEqual([course, draft]);
      const forQatar = await get(qatar, recQatar);
      expect(forQatar.links.map((l: { targetId: string }) => l.targetId)).not.toContain(draft);
      expect(forQatar.impact.awarenessGain).toEqual(gain);
      const notYours = await qatar.request("DELETE", `${links}/training_programme/${draft}`);
      expect(notYours.statusCode).toBe(400);
      expect(notYours.json().fields[0].field).toBe("targetId");
      expect((await oic.request("DELETE", `${links}/training_programme/${draft}`)).statusCode).toBe(204);

      // Unlinked: the workshop still delivers it; without the workshop, no training is involved.
      expect((await qatar.request("DELETE", `${links}/training_programme/${course}`)).statusCode).toBe(204);
      expect((await timeline()).items[0]).toMatchObject({ kind: "link", text: "unlinked", target: { type: "training_programme", id: course, titleEn: "Terhab programme" } });
      expect((await get(qatar, recQatar)).impact.awarenessGain).toEqual(gain);
      expect((await qatar.request("DELETE", `${links}/event/${delivering}`)).statusCode).toBe(204);
      const after = await get(qatar, recQatar);
      expect(after.impact.awarenessGain).toBeNull();
      expect(after.links).toEqual(before.rec.links);
    });

    it("is entered directly by coordinators, or by an organisation's admin for his own organisation", async () => {
      const body = { textAr: "نص", textEn: "Text", seasonCode: "1446", responsibleOrganisationIds: [] };
      expect((await qatar.request("POST", "/api/recommendations", { ...body, organisationId: await orgId(t, "hajj-kw") })).statusCode).toBe(403);
      expect((await qatarMember.request("POST", "/api/recommendations", body)).statusCode).toBe(403);
      const own = await qatar.request("POST", "/api/recommendations", body);
      expect(own.statusCode, own.body).toBe(201);
      expect(own.json()).toMatchObject({ owner: { code: "hajj-qa" }, status: "proposed", visibility: "private" });
      const missing = await oic.request("POST", "/api/recommendations", { textAr: "", textEn: " ", responsibleOrganisationIds: ["nope"] });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().fields.map((f: { field: string }) => f.field).sort()).toEqual(["responsibleOrganisationIds", "seasonCode", "textAr"]);
      expect((await oic.request("GET", "/api/recommendations?status=proposed&season=1446")).json().total).toBeGreaterThanOrEqual(1);
    });

    it("is found by search, by those who may read it", async () => {
      const found = (await indonesia.request("GET", "/api/search?q=coordination%20channels&type=recommendation")).json();
      expect(found.items.map((i: { id: string }) => i.id)).toContain(recNone);
      expect(found.items[0]).toMatchObject({ type: "recommendation" });
      const arabic = (await qatar.request("GET", `/api/search?q=${encodeURIComponent("أدلة التوعية")}&type=recommendation`)).json();
      expect(arabic.items.map((i: { id: string }) => i.id)).toContain(recMinistry);
      expect((await provider.request("GET", "/api/search?q=coordination%20channels&type=recommendation")).json().total).toBe(0);
    });
  });
}
