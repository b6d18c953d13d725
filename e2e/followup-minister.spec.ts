/**
 * Follow-up, situation 1, in the browser (Arabic and English): from the Minister's meeting with
 * member-state representatives (13 June 2023), the OIC coordinator records a recommendation on
 * training service providers' staff (proposed, owned by the Ministry, the Ministry and the
 * Secretariat responsible, due date typed in Hijri), approves it and links it to the Asas and
 * Terhab workshops (the impact lists both, held, with their participants and countries); the
 * Ministry's coordinator posts an update with evidence (text, a link, a PDF, progress 40 %), moves
 * it to in progress, then done; the timeline shows every step. A member of an organisation that
 * is not responsible reads it without any status or progress control; the meeting's and the
 * workshop's follow-up tabs list it.
 *
 * Each run records its own recommendation (a random suffix in its reference and text), so the
 * seeded 1444/1 recommendation is never touched. Screenshots go to
 * e2e/artifacts/<lang>-followup-minister-<step>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { civilToIso, gregorianToHijri, hijriToGregorian } from "../common/dates.js";
import { launchBrowser, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { choose, digitsOf, fmt, shown, signIn as signInAs, WAIT, type Digits, type Session } from "./scenario.js";

const OIC_COORDINATOR = "coordinator@oic.rifada.test";
const MOH_COORDINATOR = "coordinator@moh-sa.rifada.test";
/** A member of the Indonesian mission: neither owner nor responsible; reads what all platform users may. */
const OUTSIDER = "siti.rahmawati@hajj-id.rifada.test";

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

/** A small but real PDF: the evidence file. */
const PDF = Buffer.from(
  [
    "%PDF-1.4",
    "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj",
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj",
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >> endobj",
    "trailer << /Root 1 0 R >>",
    "%%EOF",
    "",
  ].join("\n"),
  "latin1",
);

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  const suffix = Math.random().toString(36).slice(2, 8);
  const reference = `1444/T-${suffix}`;
  const textAr = `تدريب العاملين لدى مقدمي الخدمات على استقبال ضيوف الرحمن، عبر ورشتي أساس وترحاب (${suffix}).`;
  const textEn = `Train service providers' staff in receiving the guests of the Most Merciful, through the Asas and Terhab workshops (${suffix}).`;
  const recText = lang === "ar" ? textAr : textEn;
  const minister = lang === "ar" ? "لقاء معالي الوزير بممثلي الدول الأعضاء" : "The Minister's meeting with member-state representatives";
  const ministry = lang === "ar" ? "وزارة الحج والعمرة" : "Ministry of Hajj and Umrah";
  const secretariat = lang === "ar" ? "الأمانة العامة لمنظمة التعاون الإسلامي" : "General Secretariat of the Organisation of Islamic Cooperation";
  const WORKSHOPS = [
    { slug: "asas", title: lang === "ar" ? "ورشة أساس" : "Asas workshop", query: lang === "ar" ? "أساس" : "Asas" },
    { slug: "terhab", title: lang === "ar" ? "ورشة ترحاب" : "Terhab workshop", query: lang === "ar" ? "ترحاب" : "Terhab" },
  ] as const;
  // Due on 1 Dhu al-Hijjah of next Hijri year, typed in Hijri.
  const hijriNow = gregorianToHijri(today());
  const due = { year: hijriNow.year + 1, month: 12, day: 1 };
  const dueIso = civilToIso(hijriToGregorian(due));
  const update = lang === "ar" ? `عُقدت ورشتا أساس وترحاب وحضرهما ممثلو خمس بعثات؛ التقرير مرفق (${suffix}).` : `The Asas and Terhab workshops were held, attended by five missions; the report is attached (${suffix}).`;
  const evidenceUrl = `https://rifada.example.org/reports/asas-terhab-${suffix}`;
  const evidenceTitle = lang === "ar" ? "تقرير ورشتي أساس وترحاب" : "Report of the Asas and Terhab workshops";
  const fileName = `asas-terhab-report-${suffix}.pdf`;
  const status = (s: string) => t(`followup.status.${s}`);
  const statusChange = (from: string, to: string) => fmt(lang, "followup.timeline.status_change", { from: status(from), to: status(to) });

  describe(`follow-up of the Minister's meeting: a recommendation on training service providers (${lang})`, () => {
    const sessions: Session[] = [];
    let coordinator: Session;
    let ministryCoordinator: Session;
    let recPath = "";

    afterAll(async () => {
      for (const s of sessions) await s.context.close();
    });

    it("the OIC coordinator opens the Minister's meeting of 13 June 2023: its decisions are already followed as recommendations", async () => {
      coordinator = await signIn(lang, OIC_COORDINATOR);
      sessions.push(coordinator);
      const { page } = coordinator;
      await page.goto(`/events?when=past&q=${encodeURIComponent(lang === "ar" ? "الوزير" : "Minister")}`);
      await page.getByRole("link", { name: minister, exact: true }).click();
      await shown(page.getByRole("heading", { level: 1, name: minister }));
      await openFollowupTab(page, lang);
      const recs = page.getByRole("region", { name: t("followup.event.recommendations_title"), exact: true });
      await shown(recs.getByRole("heading", { name: t("followup.event.source_title") }));
      for (const ref of ["1444/1", "1444/2", "1444/3"]) await shown(recs.getByRole("link", { name: startsWith(ref) }));
      await screenshot(page, `${lang}-followup-minister-01-meeting`);
      expect(coordinator.errors).toEqual([]);
    });

    it("records a proposed recommendation from that meeting: owned by the Ministry, the Ministry and the Secretariat responsible, due date in Hijri", async () => {
      const { page, digits } = coordinator;
      await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.followup") }).click();
      await page.waitForURL((url) => url.pathname === "/recommendations");
      await page.getByRole("link", { name: t("followup.recommendations.new") }).click();
      await page.waitForURL((url) => url.pathname === "/recommendations/new");
      await shown(page.getByRole("heading", { level: 1, name: t("followup.form.new_title") }));

      await page.getByRole("textbox", { name: t("followup.form.text_ar") }).fill(textAr);
      await page.getByRole("textbox", { name: t("followup.form.text_en") }).fill(textEn);
      await page.getByRole("textbox", { name: t("followup.fields.reference"), exact: true }).fill(reference);

      // The source meeting (the season comes from it) and the owner: the Ministry, which hosted it.
      const frame = page.getByRole("group", { name: t("followup.form.section_frame"), exact: true });
      await frame.getByLabel(t("followup.pickers.search_event")).fill(lang === "ar" ? "الوزير" : "Minister");
      await selectContaining(frame.getByLabel(t("followup.form.source_event")), minister);
      await frame.getByLabel(t("followup.pickers.search_organisation")).fill(lang === "ar" ? "وزارة الحج" : "Ministry of Hajj");
      const owner = frame.getByRole("combobox", { name: startsWith(t("followup.fields.owner")) });
      await selectContaining(owner, ministry);
      expect(await owner.locator("option:checked").innerText()).toBe(ministry);

      // Responsible: the Ministry and the Secretariat.
      const responsibles = page.getByRole("group", { name: t("followup.fields.responsibles"), exact: true });
      for (const [query, name] of [[lang === "ar" ? "وزارة الحج" : "Ministry of Hajj", ministry], [lang === "ar" ? "الأمانة العامة" : "General Secretariat", secretariat]] as const) {
        await responsibles.getByLabel(t("followup.pickers.search_organisation")).fill(query);
        await selectContaining(responsibles.getByRole("combobox", { name: t("followup.pickers.organisation_to_add") }), name);
        await responsibles.getByRole("button", { name: t("followup.pickers.add_organisation") }).click();
        await shown(responsibles.getByRole("button", { name: fmt(lang, "followup.pickers.remove_named", { name }) }));
      }

      await typeDate(page, lang, digits, t("followup.fields.due_on"), "hijri", due);
      await choose(page.getByRole("radio", { name: status("proposed"), exact: true }));
      await choose(page.getByRole("radio", { name: t("directory.visibilities.members") }));
      await screenshot(page, `${lang}-followup-minister-02-form`);

      await page.getByRole("button", { name: t("followup.form.create") }).click();
      await page.waitForURL((url) => /^\/recommendations\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), WAIT);
      recPath = new URL(page.url()).pathname;
      await shown(page.getByRole("heading", { level: 1, name: `${t("followup.rec.title")} ${reference}` }));
      const body = page.getByRole("region", { name: t("followup.rec.text_title") });
      await shown(body.getByText(recText));
      const statusCard = page.getByRole("region", { name: t("followup.rec.status_title"), exact: true });
      await shown(statusCard.getByText(status("proposed"), { exact: true }));
      const details = page.getByRole("region", { name: t("followup.rec.about"), exact: true });
      await expect.poll(() => details.innerText(), WAIT).toContain(ministry);
      expect(await details.innerText()).toContain(secretariat);
      expect(await details.innerText()).toContain(t("directory.visibilities.members"));
      expect(await details.locator(`time[datetime="${dueIso}"]`).count()).toBe(1);
      const source = page.getByRole("region", { name: t("followup.rec.sources"), exact: true });
      await shown(source.getByRole("link", { name: minister }));
      await screenshot(page, `${lang}-followup-minister-03-proposed`);
      expect(coordinator.errors).toEqual([]);
    });

    it("approves it and links it to the Asas and Terhab workshops: both held, with their participants and countries", async () => {
      const { page, digits } = coordinator;
      const statusCard = page.getByRole("region", { name: t("followup.rec.status_title"), exact: true });
      await statusCard.getByRole("group", { name: t("followup.rec.change_status") }).getByRole("button", { name: t("followup.transition.approved") }).click();
      await shown(statusCard.getByText(fmt(lang, "followup.rec.status_changed", { status: status("approved") })));
      await shown(statusCard.getByText(status("approved"), { exact: true }));

      const impact = page.getByRole("region", { name: t("followup.impact.title") });
      await shown(impact.getByText(t("followup.impact.none")));
      for (const w of WORKSHOPS) {
        await impact.getByLabel(t("followup.pickers.search_event")).fill(w.query);
        await selectContaining(impact.getByRole("combobox", { name: t("followup.impact.event_to_link") }), w.title);
        await impact.getByRole("button", { name: t("followup.impact.link"), exact: true }).click();
        await shown(impact.getByText(fmt(lang, "followup.impact.linked", { title: w.title })));
        await shown(impact.getByRole("rowheader", { name: w.title }));
      }
      // Both were held on 26 May 2024; with the demo trainees, 14 people of 9 countries attended (Asas 13, Terhab 6).
      const rows = impact.locator("tbody tr");
      await expect.poll(() => rows.count(), WAIT).toBe(2);
      for (const [w, n] of [[WORKSHOPS[0], "13"], [WORKSHOPS[1], "6"]] as const) {
        const row = rows.filter({ has: page.getByRole("rowheader", { name: w.title }) });
        expect(await row.getByRole("cell").allInnerTexts()).toEqual(expect.arrayContaining([t("followup.impact.held_yes"), digitsOf(n, digits)]));
      }
      const stat = (key: string) => impact.locator(".stat").filter({ has: page.getByText(t(key), { exact: true }) }).locator("dd");
      await expect.poll(() => stat("followup.impact.workshops_held").innerText(), WAIT).toBe(digitsOf("2", digits));
      expect(await stat("followup.impact.participants").innerText()).toBe(digitsOf("14", digits));
      expect(await stat("followup.impact.countries").innerText()).toBe(digitsOf("9", digits));
      await screenshot(page, `${lang}-followup-minister-04-linked`);
      expect(coordinator.errors).toEqual([]);
    });

    it("the Ministry's coordinator posts an update with evidence: text, a link and a PDF, progress 40 %", async () => {
      ministryCoordinator = await signIn(lang, MOH_COORDINATOR);
      sessions.push(ministryCoordinator);
      const { page, digits } = ministryCoordinator;
      await page.goto(recPath);
      await shown(page.getByRole("heading", { level: 1, name: `${t("followup.rec.title")} ${reference}` }));
      const timeline = page.getByRole("region", { name: t("followup.timeline.title"), exact: true });
      await timeline.getByRole("button", { name: t("followup.timeline.add") }).click();
      const form = timeline.getByRole("form", { name: t("followup.timeline.add") });
      await form.getByRole("textbox", { name: startsWith(t("followup.timeline.text")) }).fill(update);
      await form.getByRole("button", { name: t("followup.timeline.link_add") }).click();
      await form.getByRole("textbox", { name: startsWith(t("followup.timeline.link_url")) }).fill(evidenceUrl);
      await form.getByRole("textbox", { name: t("followup.timeline.link_title"), exact: true }).fill(evidenceTitle);
      await form.getByRole("spinbutton", { name: t("followup.timeline.new_progress") }).fill("40");
      await form.getByLabel(t("followup.timeline.file_label")).setInputFiles({ name: fileName, mimeType: "application/pdf", buffer: PDF });
      await form.getByRole("button", { name: t("followup.timeline.file_add") }).click();
      await shown(form.getByRole("button", { name: fmt(lang, "followup.pickers.remove_named", { name: fileName }) }));
      await screenshot(page, `${lang}-followup-minister-05-update-form`);
      await form.getByRole("button", { name: t("followup.timeline.submit") }).click();
      await shown(timeline.getByText(t("followup.timeline.added")));

      const newest = timeline.locator(".timeline-item").first();
      await shown(newest.getByText(update));
      expect(await newest.locator(".timeline-what").innerText()).toContain(t("followup.timeline.progress_change").split("{")[0]!);
      expect(await newest.locator(".timeline-what").innerText()).toContain(digitsOf("40", digits));
      expect(await newest.getByRole("link", { name: evidenceTitle }).getAttribute("href")).toBe(evidenceUrl);
      const file = newest.getByRole("link", { name: fileName });
      await shown(file);
      // The evidence file downloads as the PDF that was uploaded.
      const download = await page.request.get(new URL((await file.getAttribute("href"))!, server.url).toString());
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toContain("application/pdf");
      expect((await download.body()).equals(PDF)).toBe(true);
      const progress = page.getByRole("region", { name: t("followup.fields.progress"), exact: true }).getByRole("progressbar");
      await expect.poll(() => progress.getAttribute("aria-valuenow"), WAIT).toBe("40");
      await screenshot(page, `${lang}-followup-minister-06-update`);
      expect(ministryCoordinator.errors).toEqual([]);
    });

    it("moves it to in progress, then closes it as done: 100 %, a closing date, and the timeline shows every step", async () => {
      const { page } = ministryCoordinator;
      const statusCard = page.getByRole("region", { name: t("followup.rec.status_title"), exact: true });
      const moves = statusCard.getByRole("group", { name: t("followup.rec.change_status") });
      await moves.getByRole("button", { name: t("followup.transition.in_progress") }).click();
      await shown(statusCard.getByText(fmt(lang, "followup.rec.status_changed", { status: status("in_progress") })));
      await moves.getByRole("button", { name: t("followup.transition.done") }).click();
      await shown(statusCard.getByText(fmt(lang, "followup.rec.status_changed", { status: status("done") })));
      await shown(statusCard.getByText(status("done"), { exact: true }));
      // Only reopening is left.
      await expect.poll(() => moves.getByRole("button").allInnerTexts(), WAIT).toEqual([t("followup.transition.reopen")]);
      const progress = page.getByRole("region", { name: t("followup.fields.progress"), exact: true }).getByRole("progressbar");
      await expect.poll(() => progress.getAttribute("aria-valuenow"), WAIT).toBe("100");
      const details = page.getByRole("region", { name: t("followup.rec.about"), exact: true });
      await shown(details.getByText(t("followup.rec.closed_at"), { exact: true }));

      // Newest first: done, in progress, the update with evidence, the two links, approval, creation.
      const timeline = page.getByRole("region", { name: t("followup.timeline.title"), exact: true });
      const heads = timeline.locator(".timeline-item .timeline-what");
      await expect.poll(() => heads.count(), WAIT).toBe(7);
      const all = await heads.allInnerTexts();
      expect(all[0]).toBe(statusChange("in_progress", "done"));
      expect(all[1]).toBe(statusChange("approved", "in_progress"));
      expect(all[2]).toContain(digitsOf("40", ministryCoordinator.digits));
      expect(all[3]).toBe(fmt(lang, "followup.timeline.link_named", { title: WORKSHOPS[1].title }));
      expect(all[4]).toBe(fmt(lang, "followup.timeline.link_named", { title: WORKSHOPS[0].title }));
      expect(all[5]).toBe(statusChange("proposed", "approved"));
      expect(all[6]).toBe(t("followup.timeline.kind.created"));
      // Who did what: the coordinator of the Ministry closed it, the Secretariat's linked the workshops.
      const by = await timeline.locator(".timeline-item .timeline-by").allInnerTexts();
      expect(by[0]).toContain(ministry);
      expect(by[3]).toContain(secretariat);
      // The impact section still lists both workshops.
      const impact = page.getByRole("region", { name: t("followup.impact.title") });
      for (const w of WORKSHOPS) await shown(impact.getByRole("rowheader", { name: w.title }));
      await screenshot(page, `${lang}-followup-minister-07-done`);
      expect(ministryCoordinator.errors).toEqual([]);
    });

    it("a member of an organisation that is not responsible reads it, without status, progress or evidence controls", async () => {
      const outsider = await signIn(lang, OUTSIDER);
      sessions.push(outsider);
      const { page } = outsider;
      await page.goto(recPath);
      await shown(page.getByRole("heading", { level: 1, name: `${t("followup.rec.title")} ${reference}` }));
      await shown(page.getByRole("region", { name: t("followup.rec.text_title") }).getByText(recText));
      const statusCard = page.getByRole("region", { name: t("followup.rec.status_title"), exact: true });
      await shown(statusCard.getByText(t("followup.rec.no_transitions")));
      expect(await statusCard.getByRole("button").count()).toBe(0);
      const progress = page.getByRole("region", { name: t("followup.fields.progress"), exact: true });
      await expect.poll(() => progress.getByRole("progressbar").getAttribute("aria-valuenow"), WAIT).toBe("100");
      expect(await progress.getByRole("slider").count()).toBe(0);
      expect(await progress.getByRole("button").count()).toBe(0);
      const timeline = page.getByRole("region", { name: t("followup.timeline.title"), exact: true });
      await expect.poll(() => timeline.locator(".timeline-item").count(), WAIT).toBe(7);
      expect(await timeline.getByRole("button", { name: t("followup.timeline.add") }).count()).toBe(0);
      const impact = page.getByRole("region", { name: t("followup.impact.title") });
      for (const w of WORKSHOPS) await shown(impact.getByRole("rowheader", { name: w.title }));
      expect(await impact.getByRole("button").count()).toBe(0);
      expect(await impact.getByLabel(t("followup.pickers.search_event")).count()).toBe(0);
      const actions = page.getByRole("region", { name: t("followup.actions.title"), exact: true });
      await shown(actions.getByText(t("followup.actions.none")));
      expect(await actions.getByRole("button", { name: t("followup.actions.add") }).count()).toBe(0);
      expect(await page.getByRole("link", { name: t("common.edit"), exact: true }).count()).toBe(0);
      // The server refuses too.
      const refused = await page.evaluate(async (path) => {
        const session = await (await fetch("/api/auth/session")).json();
        const r = await fetch(`/api${path}/updates`, { method: "POST", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ text: "x" }) });
        return r.status;
      }, recPath);
      expect(refused).toBe(403);
      await screenshot(page, `${lang}-followup-minister-08-outsider`);
      expect(outsider.errors).toEqual([]);
    });

    it("the meeting's follow-up tab lists it as done, and the Asas workshop's as a recommendation it puts into effect", async () => {
      const { page } = coordinator;
      await page.reload();
      await shown(page.getByRole("region", { name: t("followup.rec.status_title"), exact: true }).getByText(status("done"), { exact: true }));
      await page.getByRole("region", { name: t("followup.rec.sources"), exact: true }).getByRole("link", { name: minister }).click();
      await shown(page.getByRole("heading", { level: 1, name: minister }));
      await openFollowupTab(page, lang);
      const recs = page.getByRole("region", { name: t("followup.event.recommendations_title"), exact: true });
      const mine = recs.getByRole("listitem").filter({ has: page.getByRole("link", { name: startsWith(reference) }) });
      await shown(mine);
      await expect.poll(() => mine.innerText(), WAIT).toContain(status("done"));
      await screenshot(page, `${lang}-followup-minister-09-meeting-after`);

      await page.goto(recPath);
      await page.getByRole("region", { name: t("followup.impact.title") }).getByRole("link", { name: WORKSHOPS[0].title, exact: true }).click();
      await shown(page.getByRole("heading", { level: 1, name: WORKSHOPS[0].title }));
      await openFollowupTab(page, lang);
      const serves = page.getByRole("region", { name: t("followup.event.recommendations_title"), exact: true });
      await shown(serves.getByRole("heading", { name: t("followup.event.serves_title") }));
      await shown(serves.getByRole("link", { name: startsWith(reference) }));
      await screenshot(page, `${lang}-followup-minister-10-asas`);
      expect(coordinator.errors).toEqual([]);
    });
  });
}
