/**
 * Follow-up, situation 2, in the browser (Arabic and English): at the GCC Hajj-affairs offices'
 * annual meeting, hosted by the Kuwaiti office, a member of the Qatari mission submits a proposal
 * on the meeting's follow-up tab; the Kuwaiti office co-sponsors it; the meeting (the host's
 * admin) adopts it with a decision reference and a due date typed in Hijri; the proposal links to
 * the new recommendation, which starts with the proposal's history; an action is assigned to the
 * Qatari mission with a due date; and on next year's edition of the meeting the recommendation
 * appears among the open items of the previous edition, where the host puts it on the new
 * meeting's follow-up and the Qatari member reads it.
 *
 * Proposals close 30 days after a meeting, so each run sets up its own two meetings through the
 * API as the Kuwaiti admin (this year's, held today, and next year's, on the same Hijri day, with
 * previousEventId), both for the GCC offices' group, with a random suffix in their titles; the
 * OIC coordinator opens next year's season when it does not exist yet. Screenshots go to
 * e2e/artifacts/<lang>-followup-gcc-<step>.png.
 */
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { civilToIso, gregorianToHijri, hijriToGregorian, isoToCivil } from "../common/dates.js";
import { ARTIFACTS, launchBrowser, PASSWORD, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { choose, digitsOf, fmt, shown, signIn as signInAs, WAIT, type Digits, type Session } from "./scenario.js";

const COORDINATOR = "coordinator@oic.rifada.test";
const KUWAIT_ADMIN = "mishari.alrashidan@hajj-kw.rifada.test";
const QATAR_MEMBER = "mohammed.alnuaimi@hajj-qa.rifada.test";
const GCC_GROUP = "gcc-hajj-offices";

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (lang: Lang, email: string) => signInAs(browser, server, lang, email);

type Call = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => Promise<T>;

/** Sign in through the API (session cookie + CSRF token) for setting up data. */
async function apiAs(email: string): Promise<Call> {
  const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!login.ok) throw new Error(`login ${email}: ${login.status} ${await login.text()}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, "x-csrf-token": csrfToken, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return (r.status === 204 ? undefined : await r.json()) as never;
  };
}

/** An accessible name that starts with `label` (required fields add a hidden "required"). */
const startsWith = (label: string) => new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

/** Riyadh's date today. */
function today(): { year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date()).split("-").map(Number) as [number, number, number];
  return { year, month, day };
}

/** Open the event page's follow-up tab and wait until it is the current one. */
async function openFollowupTab(page: Page, lang: Lang): Promise<void> {
  const link = page.getByRole("navigation", { name: text(lang, "events.tabs.label") }).getByRole("link", { name: startsWith(text(lang, "followup.event.tab")) });
  await link.click();
  await expect.poll(() => link.getAttribute("aria-current"), WAIT).toBe("page");
}

/** Choose in a select the option whose text contains `label`, once the search has brought it. */
async function selectContaining(select: Locator, label: string): Promise<void> {
  const option = select.locator("option", { hasText: label }).first();
  await option.waitFor({ state: "attached", ...WAIT });
  await select.selectOption((await option.getAttribute("value"))!);
}

/** Type a date in a DateInput (a group named `label`), in the given calendar. */
async function typeDate(scope: Page | Locator, lang: Lang, digits: Digits, label: string, calendar: "hijri" | "gregorian", d: { year: number; month: number; day: number }): Promise<void> {
  const group = scope.getByRole("group", { name: label, exact: true });
  await group.getByRole("radio", { name: text(lang, `dates.${calendar}`) }).check();
  await group.getByLabel(text(lang, "dates.day")).fill(digitsOf(String(d.day), digits));
  await group.getByLabel(text(lang, "dates.month")).selectOption(String(d.month));
  await group.getByLabel(text(lang, "dates.year")).fill(digitsOf(String(d.year), digits));
  await expect.poll(() => group.locator(".date-input__twin").innerText(), WAIT).toContain(text(lang, "dates.twin_prefix"));
}

interface Season {
  id: string;
  code: string;
  startsOn: string;
  endsOn: string;
}

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  const suffix = Math.random().toString(36).slice(2, 8);
  const now = today();
  const hijriNow = gregorianToHijri(now);
  // This year's meeting today; next year's on the same Hijri day (the 29th at most).
  const day1 = civilToIso(now);
  const day2 = civilToIso(hijriToGregorian({ year: hijriNow.year + 1, month: hijriNow.month, day: Math.min(hijriNow.day, 29) }));
  const meeting = (year: number) => ({
    titleAr: `الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون ${year} هـ ${suffix}`,
    titleEn: `Annual meeting of the GCC Hajj-affairs offices ${year} AH ${suffix}`,
  });
  const [M1, M2] = [meeting(hijriNow.year), meeting(hijriNow.year + 1)];
  const titleOf = (m: { titleAr: string; titleEn: string }) => (lang === "ar" ? m.titleAr : m.titleEn);
  const qatar = lang === "ar" ? "بعثة الحج القطرية" : "Qatari Hajj Mission";
  const kuwait = lang === "ar" ? "بعثة الحج الكويتية" : "Kuwaiti Hajj Mission";
  const official = lang === "ar" ? "محمد جاسم النعيمي" : "Mohammed Jassim Al-Nuaimi";
  const proposal =
    lang === "ar"
      ? {
          title: `بطاقة تعريف موحدة لحجاج دول المجلس ${suffix}`,
          problem: "تصدر كل بعثة بطاقة تعريف بشكل مختلف، فيصعب على مقدمي الخدمات في المشاعر التعرف على الحجاج التائهين.",
          proposal: "اعتماد بطاقة تعريف موحدة لحجاج دول المجلس برمز استجابة سريعة يدل على البعثة ومخيمها.",
          benefit: "إرشاد الحجاج التائهين إلى مخيماتهم بسرعة أكبر.",
        }
      : {
          title: `A common ID card for the GCC missions' pilgrims ${suffix}`,
          problem: "Each mission issues its own kind of ID card, so service providers in the holy sites struggle to identify lost pilgrims.",
          proposal: "Adopt a common ID card for the GCC missions' pilgrims with a QR code naming the mission and its camp.",
          benefit: "Lost pilgrims are guided back to their camps faster.",
        };
  const decisionRef = `GCC-${hijriNow.year}/${suffix}`;
  // The decision's due date, typed in Hijri: 1 Dhu al-Qa'dah of next Hijri year.
  const due = { year: hijriNow.year + 1, month: 11, day: 1 };
  const dueIso = civilToIso(hijriToGregorian(due));
  // The action's, typed in Gregorian: 120 days from today.
  const actionDueIso = new Date(Date.parse(`${day1}T00:00:00Z`) + 120 * 86_400_000).toISOString().slice(0, 10);
  const actionAr = `تصميم نموذج البطاقة الموحدة وعرضه على المكاتب ${suffix}`;
  const actionEn = `Design the common card and present it to the offices ${suffix}`;
  const actionTitle = lang === "ar" ? actionAr : actionEn;

  describe(`follow-up of the GCC offices' annual meeting: a proposal becomes a recommendation and an open item next year (${lang})`, () => {
    const sessions: Session[] = [];
    const ids = { m1: "", m2: "" };
    let qatarMember: Session;
    let kuwaitAdmin: Session;
    let recPath = "";

    beforeAll(async () => {
      const kw = await apiAs(KUWAIT_ADMIN);
      const group = await kw<{ id: string }>("GET", `/api/groups/${GCC_GROUP}`);
      const seasonFor = async (iso: string): Promise<Season> => {
        const { items } = await kw<{ items: Season[] }>("GET", "/api/seasons");
        const found = items.find((s) => s.startsOn <= iso && iso <= s.endsOn);
        if (found) return found;
        // Only coordinators open a season: the Hijri year of that day, with its default bounds.
        const coordinator = await apiAs(COORDINATOR);
        return coordinator<Season>("POST", "/api/seasons", { hijriYear: gregorianToHijri(isoToCivil(iso)).year });
      };
      const create = async (m: { titleAr: string; titleEn: string }, iso: string, previousEventId?: string) => {
        const season = await seasonFor(iso);
        expect(season.startsOn <= iso && iso <= season.endsOn).toBe(true);
        const event = await kw<{ id: string }>("POST", "/api/events", {
          seasonId: season.id,
          kind: "meeting",
          mode: "in_person",
          ...m,
          venueAr: "مقر بعثة الحج الكويتية، مكة المكرمة",
          venueEn: "Kuwaiti Hajj office, Mecca",
          startsLocal: `${iso}T20:00`,
          endsLocal: `${iso}T22:00`,
          timeZone: "Asia/Riyadh",
          registration: "invitation",
          visibility: "group",
          shareGroupId: group.id,
          ...(previousEventId ? { previousEventId } : {}),
        });
        await kw("POST", `/api/events/${encodeURIComponent(event.id)}/invitations`, { groupCodes: [GCC_GROUP] });
        return event.id;
      };
      ids.m1 = await create(M1, day1);
      ids.m2 = await create(M2, day2, ids.m1);
    });

    afterAll(async () => {
      for (const s of sessions) await s.context.close();
    });

    it("a member of the Qatari mission submits a proposal on the meeting's follow-up tab", async () => {
      qatarMember = await signIn(lang, QATAR_MEMBER);
      sessions.push(qatarMember);
      const { page } = qatarMember;
      await page.goto(`/events?when=all&q=${encodeURIComponent(suffix)}`);
      await page.getByRole("link", { name: titleOf(M1), exact: true }).click();
      await shown(page.getByRole("heading", { level: 1, name: titleOf(M1) }));
      expect(new URL(page.url()).pathname).toBe(`/events/${ids.m1}`);
      await openFollowupTab(page, lang);

      const section = page.getByRole("region", { name: t("followup.proposals.title"), exact: true });
      await shown(section.getByText(t("followup.proposals.none")));
      await section.getByRole("button", { name: t("followup.proposals.new") }).click();
      const form = section.getByRole("form", { name: t("followup.proposals.submit_title") });
      await shown(form);
      // Written in the interface language, which is chosen already.
      expect(await form.getByRole("radio", { name: t(`common.languages.${lang}`) }).isChecked()).toBe(true);
      await form.getByRole("textbox", { name: startsWith(t("followup.proposals.title_label")) }).fill(proposal.title);
      await form.getByRole("textbox", { name: startsWith(t("followup.proposals.problem")) }).fill(proposal.problem);
      await form.getByRole("textbox", { name: startsWith(t("followup.proposals.proposal")) }).fill(proposal.proposal);
      await form.getByRole("textbox", { name: startsWith(t("followup.proposals.benefit")) }).fill(proposal.benefit);
      await screenshot(page, `${lang}-followup-gcc-01-proposal-form`);
      await form.getByRole("button", { name: t("followup.proposals.submit") }).click();
      await shown(section.getByText(t("followup.proposals.submitted")));

      const card = section.getByRole("article", { name: proposal.title });
      await shown(card);
      await shown(card.getByText(t("followup.proposal_status.submitted"), { exact: true }));
      await shown(card.getByText(fmt(lang, "followup.proposals.submitted_by", { organisation: qatar })));
      await shown(card.getByText(t("followup.proposals.no_sponsors")));
      for (const part of [proposal.problem, proposal.proposal, proposal.benefit]) await shown(card.getByText(part, { exact: true }));
      // Its own mission may withdraw it, not co-sponsor it; only the host decides.
      await shown(card.getByRole("button", { name: t("followup.proposals.withdraw") }));
      expect(await card.getByRole("button", { name: t("followup.proposals.sponsor"), exact: true }).count()).toBe(0);
      expect(await card.getByRole("button", { name: t("followup.proposals.decide") }).count()).toBe(0);
      await screenshot(page, `${lang}-followup-gcc-02-proposal-submitted`);
      expect(qatarMember.errors).toEqual([]);
    });

    it("the Kuwaiti office co-sponsors it, and its admin records the meeting's decision: adopted, with a reference and a due date in Hijri", async () => {
      kuwaitAdmin = await signIn(lang, KUWAIT_ADMIN);
      sessions.push(kuwaitAdmin);
      const { page, digits } = kuwaitAdmin;
      await page.goto(`/events/${encodeURIComponent(ids.m1)}`);
      await shown(page.getByRole("heading", { level: 1, name: titleOf(M1) }));
      await openFollowupTab(page, lang);
      const section = page.getByRole("region", { name: t("followup.proposals.title"), exact: true });
      const card = section.getByRole("article", { name: proposal.title });
      await card.getByRole("button", { name: t("followup.proposals.sponsor"), exact: true }).click();
      await shown(card.getByText(t("followup.proposals.done_sponsor")));
      await expect.poll(() => card.locator(".proposal-sponsors").innerText(), WAIT).toContain(kuwait);
      await shown(card.getByRole("button", { name: t("followup.proposals.unsponsor") }));

      await card.getByRole("button", { name: t("followup.proposals.decide") }).click();
      const dialog = page.getByRole("dialog", { name: fmt(lang, "followup.proposals.decide_title", { title: proposal.title }) });
      await shown(dialog);
      await choose(dialog.getByRole("radio", { name: t("followup.proposals.outcome.adopted"), exact: true }));
      await dialog.getByRole("textbox", { name: startsWith(t("followup.proposals.decision_reference")) }).fill(decisionRef);
      await dialog.getByRole("textbox", { name: t("followup.proposals.decision_note"), exact: true }).fill(lang === "ar" ? "اعتُمد بالإجماع." : "Adopted unanimously.");
      await typeDate(dialog, lang, digits, t("followup.fields.due_on"), "hijri", due);
      // The dialog scrolls within the window: capture the window with its lower half, the date and the buttons.
      await dialog.getByRole("button", { name: t("followup.proposals.decide_submit") }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(ARTIFACTS, `${lang}-followup-gcc-03-decision.png`) });
      await dialog.getByRole("button", { name: t("followup.proposals.decide_submit") }).click();
      await shown(card.getByText(t("followup.proposals.decided_said.adopted")));
      expect(await dialog.isVisible()).toBe(false);
      await shown(card.getByText(t("followup.proposal_status.adopted"), { exact: true }).first());
      await expect.poll(() => card.locator(".proposal-decision").innerText(), WAIT).toContain(decisionRef);
      await shown(card.getByRole("link", { name: t("followup.proposals.view_recommendation") }));
      // A decided proposal is no longer co-sponsored or decided.
      expect(await card.getByRole("button", { name: t("followup.proposals.unsponsor") }).count()).toBe(0);
      expect(await card.getByRole("button", { name: t("followup.proposals.decide") }).count()).toBe(0);
      // And the meeting now lists the recommendation that came out of it.
      const recs = page.getByRole("region", { name: t("followup.event.recommendations_title"), exact: true });
      await page.reload();
      await shown(recs.getByRole("link", { name: startsWith(decisionRef) }));
      await screenshot(page, `${lang}-followup-gcc-04-adopted`);
      expect(kuwaitAdmin.errors).toEqual([]);
    });

    it("the recommendation starts with the proposal's history; an action is assigned to the Qatari mission with a due date", async () => {
      const { page, digits } = kuwaitAdmin;
      await page.getByRole("region", { name: t("followup.proposals.title"), exact: true }).getByRole("article", { name: proposal.title }).getByRole("link", { name: t("followup.proposals.view_recommendation") }).click();
      await page.waitForURL((url) => /^\/recommendations\/[^/]+$/.test(url.pathname), WAIT);
      recPath = new URL(page.url()).pathname;
      await shown(page.getByRole("heading", { level: 1, name: `${t("followup.rec.title")} ${decisionRef}` }));
      await shown(page.getByRole("region", { name: t("followup.rec.text_title") }).getByText(`${proposal.title} — ${proposal.proposal}`));
      await shown(page.getByRole("region", { name: t("followup.rec.status_title"), exact: true }).getByText(t("followup.status.approved"), { exact: true }));
      const details = page.getByRole("region", { name: t("followup.rec.about"), exact: true });
      // Responsible: the submitting mission and its co-sponsor; due on the date of the decision.
      await expect.poll(() => details.innerText(), WAIT).toContain(qatar);
      expect(await details.innerText()).toContain(kuwait);
      expect(await details.locator(`time[datetime="${dueIso}"]`).count()).toBe(1);
      const source = page.getByRole("region", { name: t("followup.rec.sources"), exact: true });
      await shown(source.getByRole("link", { name: titleOf(M1) }));
      await shown(source.getByRole("link", { name: proposal.title }));
      const timeline = page.getByRole("region", { name: t("followup.timeline.title"), exact: true });
      const first = timeline.locator(".timeline-item").first();
      await shown(first.getByText(t("followup.timeline.kind.created"), { exact: true }));
      const history = await first.locator(".timeline-text").innerText();
      for (const piece of [proposal.title, qatar, kuwait, decisionRef]) expect(history).toContain(piece);

      const actions = page.getByRole("region", { name: t("followup.actions.title"), exact: true });
      await actions.getByRole("button", { name: t("followup.actions.add") }).click();
      const form = actions.getByRole("form", { name: t("followup.actions.new_title") });
      await form.getByRole("textbox", { name: t("followup.actions.title_ar"), exact: true }).fill(actionAr);
      await form.getByRole("textbox", { name: t("followup.actions.title_en"), exact: true }).fill(actionEn);
      await form.getByLabel(t("followup.pickers.search_organisation")).fill(lang === "ar" ? "القطرية" : "Qatari");
      await selectContaining(form.getByRole("combobox", { name: startsWith(t("followup.actions.organisation")) }), qatar);
      await selectContaining(form.getByRole("combobox", { name: t("followup.actions.person") }), official);
      await typeDate(form, lang, digits, t("followup.fields.due_on"), "gregorian", isoToCivil(actionDueIso));
      await screenshot(page, `${lang}-followup-gcc-05-action-form`);
      await form.getByRole("button", { name: t("followup.actions.create") }).click();
      await shown(actions.getByText(t("followup.actions.created")));
      const item = actions.getByRole("listitem").filter({ hasText: actionTitle });
      await shown(item);
      const shownText = await item.innerText();
      for (const piece of [qatar, official, t("followup.action_status.open")]) expect(shownText).toContain(piece);
      expect(await item.locator(`time[datetime="${actionDueIso}"]`).count()).toBe(1);
      // The timeline records it without reloading the page.
      await expect.poll(() => timeline.locator(".timeline-item .timeline-what").first().innerText(), WAIT).toBe(fmt(lang, "followup.timeline.action_verb.created", { title: actionTitle }));
      await shown(actions.getByRole("listitem").filter({ hasText: actionTitle }));
      await screenshot(page, `${lang}-followup-gcc-06-recommendation`);
      expect(kuwaitAdmin.errors).toEqual([]);
    });

    it("next year's edition shows it among the open items of the previous edition; the host puts it on the new meeting's follow-up", async () => {
      const { page, digits } = kuwaitAdmin;
      await page.goto(`/events/${encodeURIComponent(ids.m2)}`);
      await shown(page.getByRole("heading", { level: 1, name: titleOf(M2) }));
      await openFollowupTab(page, lang);
      const open = page.getByRole("region", { name: t("followup.open_items.title"), exact: true });
      await shown(open.getByRole("link", { name: titleOf(M1), exact: true }));
      await shown(open.getByRole("heading", { name: fmt(lang, "followup.open_items.recommendations", { count: 1, n: digitsOf("1", digits) }) }));
      const item = open.getByRole("listitem").filter({ has: page.getByRole("link", { name: startsWith(decisionRef) }) });
      await shown(item);
      await expect.poll(() => item.innerText(), WAIT).toContain(t("followup.status.approved"));
      expect(await item.innerText()).toContain(qatar);
      // Nothing else was left open: the proposal was decided.
      expect(await open.getByRole("link", { name: startsWith(decisionRef) }).count()).toBe(1);
      expect(await open.getByText(proposal.title, { exact: true }).count()).toBe(0);
      await screenshot(page, `${lang}-followup-gcc-07-open-items`);

      await item.getByRole("button", { name: t("followup.open_items.follow_here") }).click();
      await shown(open.getByText(t("followup.open_items.followed")));
      await shown(item.getByText(t("followup.open_items.on_this_meeting")));
      const recs = page.getByRole("region", { name: t("followup.event.recommendations_title"), exact: true });
      await shown(recs.getByRole("heading", { name: t("followup.event.serves_title") }));
      await shown(recs.getByRole("link", { name: startsWith(decisionRef) }));
      await screenshot(page, `${lang}-followup-gcc-08-followed`);
      expect(kuwaitAdmin.errors).toEqual([]);
    });

    it("the Qatari member reads the open item on next year's meeting, without the host's buttons", async () => {
      const { page } = qatarMember;
      await page.goto(`/events/${encodeURIComponent(ids.m2)}`);
      await shown(page.getByRole("heading", { level: 1, name: titleOf(M2) }));
      await openFollowupTab(page, lang);
      const open = page.getByRole("region", { name: t("followup.open_items.title"), exact: true });
      const item = open.getByRole("listitem").filter({ has: page.getByRole("link", { name: startsWith(decisionRef) }) });
      await shown(item);
      await shown(item.getByText(t("followup.open_items.on_this_meeting")));
      expect(await open.getByRole("button").count()).toBe(0);
      // The recommendation is the Qatari mission's to carry out: it may report progress on it.
      await item.getByRole("link", { name: startsWith(decisionRef) }).click();
      await page.waitForURL((url) => url.pathname === recPath, WAIT);
      const actions = page.getByRole("region", { name: t("followup.actions.title"), exact: true });
      await shown(actions.getByRole("listitem").filter({ hasText: actionTitle }).getByRole("button", { name: `${t("followup.actions.mark_done")}: ${actionTitle}` }));
      await shown(page.getByRole("region", { name: t("followup.timeline.title"), exact: true }).getByRole("button", { name: t("followup.timeline.add") }));
      await screenshot(page, `${lang}-followup-gcc-09-qatar`);
      expect(qatarMember.errors).toEqual([]);
    });
  });
}
