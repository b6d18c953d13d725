/**
 * Proposals at the GCC offices' annual meeting: the Qatari mission submits one, Kuwait (the host)
 * co-sponsors and comments, the meeting adopts it and it becomes a recommendation with its
 * history and actions; another is deferred and carried over to next year's meeting, whose open
 * items list what the previous edition left open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../../test/app.js";
import { DIALECTS } from "../../test/dialects.js";
import { createEvent, dayIn, ensureSeason, invite, riyadhIn, tokenClient } from "../../test/followup.js";

const SHUTTLES = {
  language: "en",
  title: "Shared shuttle timetable between the missions' camps",
  problem: "Missions run their own shuttles between Mina and Arafat at the same times, and the roads jam.",
  proposal: "Agree one timetable for the GCC missions' shuttles, published before the season.",
  benefit: "Shorter trips for pilgrims and fewer buses on the roads.",
};

for (const dialect of DIALECTS) {
  describe(`proposals and carry-over (${dialect})`, () => {
    let t: TestApp;
    let oic: Client;
    let kuwait: Client;
    let qatar: Client;
    let qatarMember: Client;
    let indonesia: Client;
    let provider: Client;
    let gcc1446: string;
    let gcc1447: string;
    let shuttles: string;
    let deferred: string;
    let undecided: string;
    let recommendationId: string;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      oic = await login(t.app, LOGINS.oicCoordinator);
      kuwait = await login(t.app, LOGINS.kuwaitAdmin);
      qatar = await login(t.app, LOGINS.qatarAdmin);
      qatarMember = await login(t.app, LOGINS.qatarMember);
      indonesia = await login(t.app, LOGINS.indonesiaMember);
      provider = await login(t.app, LOGINS.providerParticipant);
      const s1446 = await ensureSeason(oic, 1446);
      const s1447 = await ensureSeason(oic, 1447);
      gcc1446 = await createEvent(kuwait, { seasonId: s1446, titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج ١٤٤٦", titleEn: "GCC offices annual meeting 1446", startsLocal: riyadhIn(-3), endsLocal: riyadhIn(-1) });
      await invite(t, kuwait, gcc1446, ["hajj-qa", "hajj-sa", "hajj-om"]);
      gcc1447 = await createEvent(qatar, { seasonId: s1447, titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج ١٤٤٧", titleEn: "GCC offices annual meeting 1447", startsLocal: riyadhIn(24 * 300), endsLocal: riyadhIn(24 * 300 + 2), previousEventId: gcc1446 });
      await invite(t, qatar, gcc1447, ["hajj-kw", "hajj-sa", "hajj-om"]);
    });
    afterAll(async () => t?.close());

    it("takes proposals from the host and invited missions only, while the meeting can decide", async () => {
      const submitted = await qatarMember.request("POST", `/api/events/${gcc1446}/proposals`, SHUTTLES);
      expect(submitted.statusCode, submitted.body).toBe(201);
      shuttles = submitted.json().id;
      expect(submitted.json()).toMatchObject({ status: "submitted", organisation: { code: "hajj-qa" }, sponsors: [], decision: null, abilities: { edit: true, withdraw: true, sponsor: false, decide: false } });
      // Indonesia and the service provider are not invited (and cannot even see the private meeting).
      expect((await indonesia.request("POST", `/api/events/${gcc1446}/proposals`, SHUTTLES)).statusCode).toBe(404);
      expect((await provider.request("POST", `/api/events/${gcc1446}/proposals`, SHUTTLES)).statusCode).toBe(404);
      const blank = await qatar.request("POST", `/api/events/${gcc1446}/proposals`, { ...SHUTTLES, benefit: " " });
      expect(blank.statusCode).toBe(400);
      expect(blank.json().fields[0].field).toBe("benefit");

      const s1445 = await ensureSeason(oic, 1445);
      const old = await createEvent(kuwait, { seasonId: s1445, titleAr: "اجتماع سابق", titleEn: "An earlier meeting", startsLocal: riyadhIn(-24 * 40), endsLocal: riyadhIn(-24 * 40 + 2) });
      await invite(t, kuwait, old, ["hajj-qa"]);
      const closed = await qatar.request("POST", `/api/events/${old}/proposals`, SHUTTLES);
      expect(closed.statusCode).toBe(409);
      expect(closed.json().code).toBe("PROPOSALS_CLOSED");
      // The list does not offer what the server would refuse.
      expect((await qatar.request("GET", `/api/events/${old}/proposals`)).json().abilities.submit).toBe(false);

      deferred = (await qatar.request("POST", `/api/events/${gcc1446}/proposals`, { language: "ar", title: "منصة موحدة لبلاغات المفقودات", problem: "تتعدد قنوات الإبلاغ عن المفقودات.", proposal: "إنشاء منصة موحدة بين البعثات.", benefit: "سرعة إعادة المفقودات إلى أصحابها." })).json().id;
      undecided = (await kuwait.request("POST", `/api/events/${gcc1446}/proposals`, { language: "ar", title: "تبادل المرشدين بين البعثات", problem: "نقص المرشدين في أيام الذروة.", proposal: "تبادل المرشدين عند الحاجة.", benefit: "تغطية أفضل للحجاج." })).json().id;
      const list = (await kuwait.request("GET", `/api/events/${gcc1446}/proposals`)).json();
      expect(list.items).toHaveLength(3);
      expect(list.abilities).toEqual({ submit: true, decide: true });
      expect((await provider.request("GET", `/api/events/${gcc1446}/proposals`)).statusCode).toBe(404);
    });

    it("is edited or withdrawn only by the submitting organisation, while submitted", async () => {
      expect((await kuwait.request("PATCH", `/api/proposals/${shuttles}`, { title: "Changed by Kuwait" })).statusCode).toBe(403);
      const edited = await qatar.request("PATCH", `/api/proposals/${shuttles}`, { benefit: "Shorter trips for pilgrims, fewer buses and less fuel." });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().benefit).toBe("Shorter trips for pilgrims, fewer buses and less fuel.");
      const extra = (await qatarMember.request("POST", `/api/events/${gcc1446}/proposals`, { ...SHUTTLES, title: "A duplicate" })).json().id;
      expect((await qatarMember.request("POST", `/api/proposals/${extra}/withdraw`)).json().status).toBe("withdrawn");
      const late = await qatar.request("PATCH", `/api/proposals/${extra}`, { title: "Too late" });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe("PROPOSAL_STATUS_INVALID");
      // A withdrawn proposal stays with its organisation only.
      expect((await kuwait.request("GET", `/api/events/${gcc1446}/proposals`)).json().items).toHaveLength(3);
    });

    it("is co-sponsored once per other organisation and commented on", async () => {
      const self = await qatarMember.request("PUT", `/api/proposals/${shuttles}/sponsorship`);
      expect(self.statusCode).toBe(409);
      expect(self.json().code).toBe("PROPOSAL_SELF_SPONSOR");
      const sponsored = await kuwait.request("PUT", `/api/proposals/${shuttles}/sponsorship`);
      expect(sponsored.statusCode, sponsored.body).toBe(200);
      expect((await kuwait.request("PUT", `/api/proposals/${shuttles}/sponsorship`)).json().sponsors).toEqual([expect.objectContaining({ organisation: expect.objectContaining({ code: "hajj-kw" }) })]);
      expect((await kuwait.request("GET", `/api/proposals/${shuttles}`)).json().abilities).toMatchObject({ sponsor: false, unsponsor: true, decide: true });
      expect((await indonesia.request("PUT", `/api/proposals/${shuttles}/sponsorship`)).statusCode).toBe(404);
      const comment = await kuwait.request("POST", `/api/proposals/${shuttles}/comments`, { body: "نؤيد المقترح ونقترح البدء بمشعر منى." });
      expect(comment.statusCode, comment.body).toBe(201);
      expect(comment.json()).toMatchObject({ organisation: { code: "hajj-kw" }, author: { name: "مشاري خالد الرشيدان" } });
      expect((await qatar.request("GET", `/api/proposals/${shuttles}/comments`)).json().items).toHaveLength(1);
      expect((await qatar.request("GET", `/api/proposals/${shuttles}`)).json().commentCount).toBe(1);
      // The Oman office (invited, sponsoring later) and the coordinator read it; a non-invited organisation does not.
      expect((await oic.request("GET", `/api/proposals/${shuttles}`)).statusCode).toBe(200);
      expect((await provider.request("GET", `/api/proposals/${shuttles}/comments`)).statusCode).toBe(404);
    });

    it("has a comment removed by its writer, an admin of the host or a coordinator — nobody else", async () => {
      const oman = await tokenClient(t, "hajj-om", "org_admin", `omc-${dialect}`);
      const path = `/api/proposals/${undecided}/comments`;
      const post = async (c: Client, body: string) => {
        const r = await c.request("POST", path, { body });
        expect(r.statusCode, r.body).toBe(201);
        return r.json() as { id: string; abilities: { delete: boolean } };
      };
      const byQatar = await post(qatarMember, "نقترح أن يبدأ التبادل في منى.");
      const byOman = await post(oman, "We support this.");
      expect(byQatar.abilities.delete).toBe(true);
      const abilities = async (c: Client) => Object.fromEntries(((await c.request("GET", path)).json().items as Array<{ id: string; abilities: { delete: boolean } }>).map((x) => [x.id, x.abilities.delete]));
      expect(await abilities(qatar)).toEqual({ [byQatar.id]: false, [byOman.id]: false });
      expect(await abilities(kuwait)).toEqual({ [byQatar.id]: true, [byOman.id]: true });
      // Another invited organisation's admin, and the writer's own admin (not the host), may not.
      expect((await oman.request("DELETE", `${path}/${byQatar.id}`)).statusCode).toBe(403);
      expect((await qatar.request("DELETE", `${path}/${byQatar.id}`)).statusCode).toBe(403);
      // Not readable: the proposal is not confirmed; an unknown comment is 404.
      expect((await provider.request("DELETE", `${path}/${byQatar.id}`)).statusCode).toBe(404);
      expect((await kuwait.request("DELETE", `${path}/nope`)).json().code).toBe("NOT_FOUND");
      expect((await qatarMember.request("DELETE", `${path}/${byQatar.id}`)).statusCode).toBe(204);
      expect((await kuwait.request("DELETE", `${path}/${byOman.id}`)).statusCode).toBe(204);
      expect((await kuwait.request("DELETE", `${path}/${byOman.id}`)).statusCode).toBe(204);
      expect((await kuwait.request("GET", path)).json().items).toEqual([]);
      expect((await kuwait.request("GET", `/api/proposals/${undecided}`)).json().commentCount).toBe(0);
      const third = await post(oman, "One more.");
      expect((await oic.request("DELETE", `${path}/${third.id}`)).statusCode).toBe(204);
      const audit = await t.database.db.selectFrom("auditLog").select(["action", "changes"]).where("entityId", "=", undecided).where("action", "=", "proposal.comment_deleted").orderBy("id").execute();
      expect(audit.map((a) => JSON.parse(a.changes ?? "{}").by)).toEqual(["writer", "moderator", "moderator"]);
    });

    it("adopted by the meeting, becomes a recommendation that starts with the proposal's history", async () => {
      // An English-speaking admin of the Qatari mission, to hear of the new recommendation in English.
      const qatarEnglish = await tokenClient(t, "hajj-qa", "org_admin", `prop-${dialect}`);
      expect((await qatar.request("POST", `/api/proposals/${shuttles}/decision`, { outcome: "adopted", reference: "1446/5" })).statusCode).toBe(403);
      const adopted = await kuwait.request("POST", `/api/proposals/${shuttles}/decision`, { outcome: "adopted", reference: "1446/5", note: "Adopted unanimously", dueOn: dayIn(-2) });
      expect(adopted.statusCode, adopted.body).toBe(200);
      expect(adopted.json()).toMatchObject({ status: "adopted", decision: { reference: "1446/5", note: "Adopted unanimously", decidedBy: { name: "مشاري خالد الرشيدان" } }, recommendationId: expect.any(String) });
      recommendationId = adopted.json().recommendationId;
      const again = await kuwait.request("POST", `/api/proposals/${shuttles}/decision`, { outcome: "rejected", reference: "1446/6" });
      expect(again.statusCode).toBe(409);
      expect((await kuwait.request("POST", `/api/proposals/${shuttles}/decision`, { outcome: "adopted", reference: "1446/5" })).statusCode).toBe(409);

      // The responsible organisations' admins hear of it once, each in their language, with no due date set.
      const mails = await t.database.db.selectFrom("outbox").selectAll().where("kind", "=", "recommendation_assigned").orderBy("toEmail").execute();
      const englishEmail = (await t.database.db.selectFrom("users").select("email").where("id", "=", qatarEnglish.userId).executeTakeFirstOrThrow()).email;
      expect(mails.map((m) => [m.toEmail, m.locale])).toEqual([[englishEmail, "en"], [LOGINS.qatarAdmin, "ar"], [LOGINS.kuwaitAdmin, "ar"]].sort((a, b) => a[0].localeCompare(b[0])));
      const english = mails.find((m) => m.locale === "en")!;
      expect(english.subject).toMatch(/^New recommendation for your organisation: 1446\/5 — Shared shuttle timetable/);
      expect(english.body).toContain("has been made responsible for a recommendation recorded by Kuwait");
      expect(english.body).toMatch(/Due date: \d+ [A-Za-z' -]+ \d{4} AH \(\d+ [A-Za-z]+ \d{4}\)/);
      expect(mails.find((m) => m.toEmail === LOGINS.qatarAdmin)!.body).toMatch(/تاريخ الاستحقاق: [٠-٩]+ .+ [٠-٩]{4} هـ/);

      const rec = (await qatarMember.request("GET", `/api/recommendations/${recommendationId}`)).json();
      expect(rec).toMatchObject({
        status: "approved",
        reference: "1446/5",
        owner: { code: "hajj-kw" },
        sourceEvent: { id: gcc1446 },
        sourceProposal: { id: shuttles, title: SHUTTLES.title },
        textEn: `${SHUTTLES.title} — ${SHUTTLES.proposal}`,
        // Written in English only: the Arabic text stays empty (marked missing), never a copy of the English.
        textAr: "",
        overdue: true,
        abilities: { progress: true },
      });
      expect(rec.responsibles.map((o: { code: string }) => o.code).sort()).toEqual(["hajj-kw", "hajj-qa"]);
      // The history is told in each reader's language and digits, whatever the proposal's language.
      const [history] = (await qatarEnglish.request("GET", `/api/recommendations/${recommendationId}/updates`)).json().items;
      expect(history.kind).toBe("created");
      expect(history.text).toContain(`Created from the proposal “${SHUTTLES.title}” submitted by Qatar`);
      // The submission date in Hijri with its Gregorian twin, not a raw ISO date.
      expect(history.text).toMatch(/ on \d{1,2} [A-Za-z' -]+ \d{4} AH \(\d{1,2} [A-Za-z]+ \d{4}\)/);
      expect(history.text).toContain("co-sponsored by Kuwait");
      expect(history.text).toContain("(decision 1446/5)");
      expect(history.links).toEqual([]);
      expect(history.fromProposal).toMatchObject({ id: shuttles, title: SHUTTLES.title, language: "en", reference: "1446/5", organisation: { nameEn: expect.stringContaining("Qatar") }, sponsors: [{ nameEn: expect.stringContaining("Kuwait") }], earlier: [] });
      const [arabic] = (await qatarMember.request("GET", `/api/recommendations/${recommendationId}/updates`)).json().items;
      expect(arabic.text).toContain(`أُنشئت من المقترح «${SHUTTLES.title}» المقدَّم من`);
      expect(arabic.text).toMatch(/بتاريخ [٠-٩]{1,2} .+ [٠-٩]{4} هـ \([٠-٩]{1,2} .+ [٠-٩]{4}\)/);
      expect(arabic.text).toContain("(القرار 1446/5)");
      expect(arabic.fromProposal).toEqual(history.fromProposal);

      const decided = await kuwait.request("POST", `/api/proposals/${deferred}/decision`, { outcome: "deferred", reference: "1446/6" });
      expect(decided.json()).toMatchObject({ status: "deferred", recommendationId: null });
    });

    it("breaks into actions; the overdue ones show to their organisation and to coordinators", async () => {
      const created = await qatarMember.request("POST", `/api/recommendations/${recommendationId}/actions`, { titleAr: "إعداد مسودة الجدول", titleEn: "Draft the timetable", organisationId: await orgId(t, "hajj-qa"), dueOn: dayIn(-1) });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json()).toMatchObject({ status: "open", overdue: true, daysOverdue: 1, abilities: { update: true, delete: true } });
      const omanAction = await kuwait.request("POST", `/api/recommendations/${recommendationId}/actions`, { titleAr: "مراجعة المسارات", titleEn: "Review the routes", organisationId: await orgId(t, "hajj-om"), dueOn: dayIn(20) });
      expect(omanAction.statusCode).toBe(201);
      const mine = (await qatar.request("GET", "/api/actions?mine=true&overdue=true")).json();
      expect(mine.items.map((a: { titleEn: string }) => a.titleEn)).toEqual(["Draft the timetable"]);
      const all = (await oic.request("GET", `/api/actions?recommendation=${recommendationId}`)).json();
      expect(all.items.map((a: { titleEn: string; overdue: boolean }) => [a.titleEn, a.overdue])).toEqual([["Draft the timetable", true], ["Review the routes", false]]);
      expect((await provider.request("GET", `/api/actions?recommendation=${recommendationId}`)).json().total).toBe(0);
      const timeline = (await qatar.request("GET", `/api/recommendations/${recommendationId}/updates`)).json().items;
      expect(timeline[0]).toMatchObject({ kind: "action", text: "created", target: { type: "action", titleEn: "Review the routes" } });
    });

    it("opens next year's meeting with the items the previous one left open, and carries proposals over", async () => {
      const open = await qatar.request("GET", `/api/events/${gcc1447}/open-items`);
      expect(open.statusCode, open.body).toBe(200);
      const items = open.json();
      expect(items.previous.map((e: { id: string }) => e.id)).toEqual([gcc1446]);
      expect(items.recommendations.map((r: { id: string; overdue: boolean }) => [r.id, r.overdue])).toEqual([[recommendationId, true]]);
      expect(items.proposals.map((p: { id: string; status: string; carriedToProposalId: string | null }) => [p.id, p.status, p.carriedToProposalId]).sort()).toEqual([[deferred, "deferred", null], [undecided, "submitted", null]].sort());
      expect(items.abilities).toEqual({ carryOver: true });

      expect((await kuwait.request("POST", `/api/proposals/${deferred}/carry-over`, { eventId: gcc1447 })).statusCode).toBe(403);
      expect((await qatar.request("POST", `/api/proposals/${shuttles}/carry-over`, { eventId: gcc1447 })).statusCode).toBe(409);
      const unrelated = await createEvent(qatar, { seasonId: items.previous[0].season.id, titleAr: "اجتماع آخر", titleEn: "Another meeting" });
      expect((await qatar.request("POST", `/api/proposals/${deferred}/carry-over`, { eventId: unrelated })).statusCode).toBe(400);
      await kuwait.request("PUT", `/api/proposals/${deferred}/sponsorship`);
      const carried = await qatar.request("POST", `/api/proposals/${deferred}/carry-over`, { eventId: gcc1447 });
      expect(carried.statusCode, carried.body).toBe(201);
      expect(carried.json()).toMatchObject({ status: "submitted", event: { id: gcc1447 }, organisation: { code: "hajj-qa" }, carriedFrom: { id: deferred, eventId: gcc1446 }, sponsors: [expect.objectContaining({ organisation: expect.objectContaining({ code: "hajj-kw" }) })] });
      const twice = await qatar.request("POST", `/api/proposals/${deferred}/carry-over`, { eventId: gcc1447 });
      expect(twice.json().code).toBe("PROPOSAL_ALREADY_CARRIED");
      // The original stays as history, pointing at its copy.
      expect((await kuwait.request("GET", `/api/proposals/${deferred}`)).json().status).toBe("deferred");
      const after = (await qatar.request("GET", `/api/events/${gcc1447}/open-items`)).json();
      expect(after.proposals.find((p: { id: string }) => p.id === deferred).carriedToProposalId).toBe(carried.json().id);
      expect((await qatar.request("GET", `/api/events/${gcc1447}/proposals`)).json().items.map((p: { id: string }) => p.id)).toEqual([carried.json().id]);

      // Done recommendations are no longer open.
      const rec = (await oic.request("GET", `/api/recommendations/${recommendationId}`)).json();
      await oic.request("PATCH", `/api/recommendations/${recommendationId}`, { updatedAt: rec.updatedAt, status: "done" });
      expect((await qatar.request("GET", `/api/events/${gcc1447}/open-items`)).json().recommendations).toEqual([]);
      // An organisation that may read the new meeting but not the old one's minutes sees no proposals of it.
      expect((await indonesia.request("GET", `/api/events/${gcc1447}/open-items`)).statusCode).toBe(404);
    });
  });
}
