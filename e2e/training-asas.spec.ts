/**
 * Training, issue 4, in the browser (Arabic and English): the Asas programme delivered by a
 * virtual workshop. The OIC coordinator creates the programme (owned with the Ministry of Hajj and
 * Umrah, enrolment by admins, completion at attendance ≥ 75 % and post-test ≥ 60 %), links the
 * workshop happening now, publishes it and enrols the demo service-provider supervisor Bilal
 * Qureshi; Bilal takes the pre-test (answers saved as he goes, some wrong; the survey waits for his
 * post-test), the workshop ends and the coordinator imports the virtual platform's report (Bilal
 * connected 80 % of it); Bilal takes the post-test (the number typed in Arabic-Indic digits in
 * Arabic), then answers the survey, which has opened, completes,
 * gets and downloads his certificate (a PDF with his names in both scripts); its code verifies
 * publicly, signed out, showing nothing but names, programme, date and status; the coordinator
 * revokes it with a reason, and the public page then says revoked (without the reason).
 *
 * Each language runs its own programme and workshop (a random suffix in codes and titles). The
 * workshop starts 30 minutes before the run and is scheduled for two more hours; a workshop counts
 * for attendance from its start, so Bilal, not recorded yet, first sees 0 % of it; the coordinator
 * moves its end to the current minute, so the report is of a finished session of known length,
 * before importing it (set-up through the API, as are the questions and the tests). Screenshots
 * go to e2e/artifacts/<lang>-training-<step>.png (the certificate, rendered, to …-certificate-pdf.png).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Locator, Page } from "playwright-core";
import { attendancePercent, CERTIFICATE_CODE_PATTERN, workshopAttendance } from "../common/training.js";
import { gregorianToHijri } from "../common/dates.js";
import { ARTIFACTS, launchBrowser, newContext, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { callApi, choose, digitsOf, fmt, openTab, plain, shown, signIn as signInAs, WAIT, type Digits, type Session } from "./scenario.js";

const COORDINATOR = "coordinator@oic.rifada.test";
const TRAINEE = { email: "bilal.qureshi@sp-field.rifada.test", nameAr: "بلال أحمد قريشي", nameEn: "Bilal Ahmed Qureshi" };
const OIC = { ar: "الأمانة العامة لمنظمة التعاون الإسلامي", en: "General Secretariat of the Organisation of Islamic Cooperation" };
const MINISTRY = { ar: "وزارة الحج والعمرة", en: "Ministry of Hajj and Umrah" };
const hasTool = (tool: string) => spawnSync("which", [tool]).status === 0;

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
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** An accessible name that starts with `label` (required fields add a hidden "required"; tabs a count). */
const startsWith = (label: string) => new RegExp(`^${escape(label)}`);

/** Riyadh's wall clock `minutes` from now, as an event's local time (YYYY-MM-DDTHH:mm). */
const riyadhLocal = (minutes: number) => new Date(Date.now() + 3 * 3_600_000 + minutes * 60_000).toISOString().slice(0, 16);
/** Riyadh's date today (YYYY-MM-DD). */
const riyadhToday = () => new Date(Date.now() + 3 * 3_600_000).toISOString().slice(0, 10);
const minutesBetween = (fromLocal: string, toLocal: string) => Math.round((Date.parse(`${toLocal}:00Z`) - Date.parse(`${fromLocal}:00Z`)) / 60_000);

/** A percentage as the interface writes it (the language, the user's digits). */
const pct = (lang: Lang, digits: Digits, value: number) => new Intl.NumberFormat(`${lang}-u-nu-${digits}`, { style: "percent", maximumFractionDigits: 0 }).format(value / 100);
/** A whole number in the user's digits. */
const num = (digits: Digits, value: number) => digitsOf(String(value), digits);

/** Choose in a select the option whose text contains `label`, once the search has brought it. */
async function selectContaining(select: Locator, label: string): Promise<string> {
  const option = select.locator("option", { hasText: label }).first();
  await option.waitFor({ state: "attached", ...WAIT });
  await select.selectOption((await option.getAttribute("value"))!);
  return option.innerText();
}

/** Open one of the programme page's tabs (?tab=…) and wait until it is the current one. */
async function openProgrammeTab(page: Page, lang: Lang, tab: string): Promise<void> {
  const link = page.getByRole("navigation", { name: text(lang, "training.programme.tabs.label") }).getByRole("link", { name: startsWith(text(lang, `training.programme.tabs.${tab}`)) });
  await link.click();
  await expect.poll(() => link.getAttribute("aria-current"), WAIT).toBe("page");
}

/** The four questions of the bank, one of each kind, in Arabic and English. */
const QUESTIONS = {
  single: {
    kind: "single", points: 2, textAr: "ما المنفذ الجوي الرئيس لوصول الحجاج؟", textEn: "Which is the main air entry point for pilgrims?",
    options: [{ id: "a", textAr: "جدة", textEn: "Jeddah" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }, { id: "c", textAr: "الدمام", textEn: "Dammam" }],
    answerKey: { optionIds: ["a"] },
  },
  multiple: {
    kind: "multiple", points: 3, textAr: "أيٌّ مما يلي من المشاعر المقدسة؟", textEn: "Which of these are holy sites of Hajj?",
    options: [{ id: "a", textAr: "منى", textEn: "Mina" }, { id: "b", textAr: "عرفات", textEn: "Arafat" }, { id: "c", textAr: "تبوك", textEn: "Tabuk" }, { id: "d", textAr: "مزدلفة", textEn: "Muzdalifah" }],
    answerKey: { optionIds: ["a", "b", "d"] },
  },
  trueFalse: { kind: "true_false", points: 1, textAr: "يبدأ الحج في الثامن من ذي الحجة.", textEn: "Hajj begins on 8 Dhu al-Hijjah.", answerKey: { optionIds: ["true"] } },
  numeric: { kind: "numeric", points: 4, textAr: "كم عدد الدول الأعضاء في منظمة التعاون الإسلامي؟", textEn: "How many member states does the OIC have?", answerKey: { value: "57", tolerance: "0" } },
} as const;
const MAX_SCORE = 10;

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  const pick = (ar: string, en: string) => (lang === "ar" ? ar : en);
  const suffix = Math.random().toString(36).slice(2, 8);
  const code = `asas-${suffix}`;
  const titleAr = `برنامج أساس لتأهيل العاملين لدى مقدمي الخدمة ${suffix}`;
  const titleEn = `Asas: preparing service providers' staff ${suffix}`;
  const title = pick(titleAr, titleEn);
  const workshopAr = `ورشة أساس الافتراضية ${suffix}`;
  const workshopEn = `Asas virtual workshop ${suffix}`;
  const workshopTitle = pick(workshopAr, workshopEn);
  const joinUrl = `https://meet.rifada.test/asas-${suffix}`;
  const reason = pick(`صدرت الشهادة قبل تدقيق كشف الحضور ${suffix}`, `Issued before the attendance list was audited ${suffix}`);
  const questionText = (q: keyof typeof QUESTIONS) => pick(QUESTIONS[q].textAr, QUESTIONS[q].textEn);

  describe(`the Asas programme with a virtual workshop: tests, attendance, completion and a verifiable certificate (${lang})`, () => {
    const sessions: Session[] = [];
    let coordinator: Session;
    let trainee: Session;
    let programmePath = "";
    let programmeId = "";
    let eventId = "";
    const schedule = { startsLocal: riyadhLocal(-30), endsLocal: riyadhLocal(120) };
    let attended = { minutes: 0, pct: 0 };
    let certificateCode = "";
    let completedOn: string[] = [];
    let traineeOrg = { nameAr: "", nameEn: "" };

    afterAll(async () => {
      for (const s of sessions) await s.context.close();
    });

    /** The trainee's progress panel on the programme's overview, and one of its steps. */
    const progressPanel = (page: Page) => page.getByRole("region", { name: t("training.results.progress.title"), exact: true });
    const step = (page: Page, key: string) => progressPanel(page).getByRole("listitem").filter({ has: page.getByRole("heading", { name: startsWith(t(`training.results.progress.${key}`)) }) });
    const stepHeading = (key: string, state: string) => `${t(`training.results.progress.${key}`)} (${t(`training.results.progress.state_${state}`)})`;
    /** A question's verdict on a submitted attempt: the mark, then "Correct" or "Incorrect". */
    const verdict = (key: string) => new RegExp(`^[✓✗]\\s*${escape(t(`training.assessment.${key}`))}$`);
    const missingItems = async (page: Page) => (await progressPanel(page).locator(".progress-summary li").allInnerTexts()).map(plain);

    it("the OIC coordinator creates the Asas programme with the Ministry: a virtual workshop happening now, four questions, pre- and post-tests", async () => {
      coordinator = await signIn(lang, COORDINATOR);
      sessions.push(coordinator);
      const { page, digits } = coordinator;

      // Set-up: the season of today and the virtual workshop (started 30 minutes ago, two hours to go).
      const hijriYear = gregorianToHijri((([y, m, d]) => ({ year: y!, month: m!, day: d! }))(riyadhToday().split("-").map(Number))).year;
      const created = await callApi(page, "POST", "/api/seasons", { hijriYear });
      expect([201, 409]).toContain(created.status);
      const seasons: Array<{ id: string; code: string; hijriYear: number }> = (await callApi(page, "GET", "/api/seasons")).body.items;
      const season = seasons.find((s) => s.hijriYear === hijriYear)!;
      expect(season).toBeTruthy();
      const event = await callApi(page, "POST", "/api/events", {
        seasonId: season.id, kind: "workshop", mode: "virtual", titleAr: workshopAr, titleEn: workshopEn, joinUrl, timeZone: "Asia/Riyadh",
        ...schedule, registration: "invitation", visibility: "members", status: "published",
      });
      expect(event.status, JSON.stringify(event.body)).toBe(201);
      eventId = event.body.id;

      // The programme, through the form.
      await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.training") }).click();
      await page.waitForURL((url) => url.pathname === "/training");
      await page.getByRole("link", { name: t("training.programme.new") }).click();
      await page.waitForURL((url) => url.pathname === "/training/new");
      await shown(page.getByRole("heading", { level: 1, name: t("training.programme.form.new_title") }));
      await page.getByRole("textbox", { name: startsWith(t("training.programme.form.code")) }).fill(code);
      const seasonSelect = page.getByRole("combobox", { name: startsWith(t("training.programme.season")) });
      await seasonSelect.locator(`option[value="${season.code}"]`).waitFor({ state: "attached", ...WAIT });
      await seasonSelect.selectOption(season.code);
      await page.getByRole("textbox", { name: startsWith(t("training.programme.form.title_ar")) }).fill(titleAr);
      await page.getByRole("textbox", { name: startsWith(t("training.programme.form.title_en")) }).fill(titleEn);
      await page.getByRole("textbox", { name: t("training.programme.form.description_ar"), exact: true }).fill("رفع وعي منظمي الحج والعاملين لدى مقدمي الخدمة بأسس استقبال ضيوف الرحمن وخدمتهم.");
      await page.getByRole("textbox", { name: t("training.programme.form.description_en"), exact: true }).fill("Raising the awareness of Hajj organisers and service providers' staff of the basics of receiving and serving pilgrims.");
      for (const a of ["organisers", "service_providers"]) await page.getByRole("checkbox", { name: t(`training.programme.audience.${a}`) }).check();
      // Co-owned with the Ministry (the creator's organisation, the Secretariat, leads).
      const owners = page.getByRole("group", { name: t("training.programme.form.co_owners"), exact: true });
      await owners.getByLabel(t("followup.pickers.search_organisation")).fill(pick("وزارة الحج", "Ministry of Hajj"));
      await selectContaining(owners.getByRole("combobox", { name: t("followup.pickers.organisation_to_add") }), pick(MINISTRY.ar, MINISTRY.en));
      await owners.getByRole("button", { name: t("followup.pickers.add_organisation") }).click();
      await shown(owners.getByRole("button", { name: fmt(lang, "followup.pickers.remove_named", { name: pick(MINISTRY.ar, MINISTRY.en) }) }));
      await choose(page.getByRole("radio", { name: startsWith(t("training.programme.enrolment_modes.managed")) }));
      // The completion rule: 75 % attendance and 60 % in the post-test (the defaults, shown in the user's digits).
      const minAttendance = page.getByRole("spinbutton", { name: t("training.programme.form.min_attendance") });
      const minPost = page.getByRole("spinbutton", { name: t("training.programme.form.min_post_score") });
      expect(await minAttendance.inputValue()).toBe(num(digits, 75));
      expect(await minPost.inputValue()).toBe(num(digits, 60));
      await minAttendance.fill(num(digits, 75));
      await minPost.fill(num(digits, 60));
      await screenshot(page, `${lang}-training-01-form`);
      await page.getByRole("button", { name: t("training.programme.form.create") }).click();
      await page.waitForURL((url) => /^\/training\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), WAIT);
      programmePath = new URL(page.url()).pathname;
      programmeId = decodeURIComponent(programmePath.split("/")[2]!);
      await shown(page.getByRole("heading", { level: 1, name: title }));
      await shown(page.getByText(t("training.programme.draft_note")));
      const rule = page.getByRole("region", { name: t("training.programme.rule_title"), exact: true });
      await expect.poll(() => rule.innerText(), WAIT).toContain(fmt(lang, "training.programme.rule.attendance", { pct: num(digits, 75) }));
      expect(await rule.innerText()).toContain(fmt(lang, "training.programme.rule.post_test", { pct: num(digits, 60) }));
      const facts = await page.locator(".programme-facts").innerText();
      expect(facts).toContain(pick(OIC.ar, OIC.en));
      expect(facts).toContain(pick(MINISTRY.ar, MINISTRY.en));

      // The workshop that delivers it, linked from the workshops tab.
      await openProgrammeTab(page, lang, "workshops");
      const workshops = page.getByRole("region", { name: t("training.programme.workshops"), exact: true });
      await workshops.getByLabel(t("followup.pickers.search_event")).fill(suffix);
      await selectContaining(workshops.getByRole("combobox", { name: t("training.programme.workshop_to_add") }), workshopTitle);
      await workshops.getByRole("button", { name: t("training.programme.link_workshop") }).click();
      await shown(workshops.getByRole("link", { name: workshopTitle, exact: true }));
      await shown(workshops.getByText(t("events.modes.virtual"), { exact: true }));

      // Set-up: the question bank (one question of each kind) and both tests built from it, published.
      const ids: string[] = [];
      for (const body of Object.values(QUESTIONS)) {
        const r = await callApi(page, "POST", `/api/training/programmes/${encodeURIComponent(programmeId)}/questions`, body);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        ids.push(r.body.id);
      }
      for (const kind of ["pre", "post"]) {
        const r = await callApi(page, "PUT", `/api/training/programmes/${encodeURIComponent(programmeId)}/assessments/${kind}`, { questionIds: ids, timeLimitMinutes: null, opensAt: null, closesAt: null, published: true });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }

      // Published from the page header.
      await page.getByRole("button", { name: t("training.programme.publish"), exact: true }).click();
      await shown(page.getByRole("button", { name: t("training.programme.unpublish"), exact: true }));
      await expect.poll(() => page.getByText(t("training.programme.draft_note")).count(), WAIT).toBe(0);
      await openProgrammeTab(page, lang, "tests");
      await screenshot(page, `${lang}-training-02-published`);
      expect(coordinator.errors).toEqual([]);
    });

    it("enrols Bilal Qureshi, a service provider's field supervisor, from the Trainees tab", async () => {
      const { page, digits } = coordinator;
      await openProgrammeTab(page, lang, "enrolments");
      const form = page.getByRole("form", { name: t("training.programme.enrolments.enrol_person") });
      await form.getByLabel(t("directory.people_search_label")).fill(pick("قريشي", "Qureshi"));
      const chosen = await selectContaining(form.getByRole("combobox", { name: startsWith(t("training.programme.enrolments.person")) }), pick(TRAINEE.nameAr, TRAINEE.nameEn));
      await form.getByRole("button", { name: t("training.programme.enrolments.enrol"), exact: true }).click();
      await shown(page.getByText(fmt(lang, "training.programme.enrolments.enrolled_done", { name: chosen })));
      const list = page.getByRole("region", { name: t("training.programme.enrolments.title"), exact: true });
      const row = list.getByRole("row").filter({ hasText: TRAINEE.email });
      await shown(row);
      const shownRow = await row.innerText();
      expect(shownRow).toContain(TRAINEE.nameAr);
      expect(shownRow).toContain(TRAINEE.nameEn);
      expect(shownRow).toContain(t("training.programme.enrolments.has_account"));
      await shown(list.getByText(fmt(lang, "training.programme.enrolments.count", { count: 1, n: num(digits, 1) })));
      const enrolments = (await callApi(page, "GET", `/api/training/programmes/${encodeURIComponent(programmeId)}/enrolments`)).body;
      expect(enrolments.items).toHaveLength(1);
      traineeOrg = { nameAr: enrolments.items[0].organisation.nameAr, nameEn: enrolments.items[0].organisation.nameEn };
      await screenshot(page, `${lang}-training-03-enrolled`);
      expect(coordinator.errors).toEqual([]);
    });

    it("Bilal opens the programme, sees his progress, and takes the pre-test: answers saved as he goes, some wrong", async () => {
      trainee = await signIn(lang, TRAINEE.email);
      sessions.push(trainee);
      const { page, digits } = trainee;
      await page.goto(`/training?q=${encodeURIComponent(suffix)}`);
      await page.getByRole("link", { name: title }).click();
      await shown(page.getByRole("heading", { level: 1, name: title }));
      expect(new URL(page.url()).pathname).toBe(programmePath);
      await shown(progressPanel(page));
      // Everything to do: the workshop is under way (it counts from its start), his attendance not recorded yet; no test taken.
      await expect.poll(() => missingItems(page), WAIT).toEqual([
        plain(fmt(lang, "training.results.missing_text.attendance", { min: num(digits, 75), value: num(digits, 0) })),
        plain(fmt(lang, "training.results.missing_text.post_test_not_taken", { min: num(digits, 60) })),
      ]);
      await shown(step(page, "step_pre").getByRole("heading", { name: stepHeading("step_pre", "todo"), exact: true }));
      await shown(step(page, "step_workshops").getByRole("heading", { name: stepHeading("step_workshops", "todo"), exact: true }));
      const workshops = step(page, "step_workshops");
      expect(plain(await workshops.innerText())).toContain(plain(fmt(lang, "training.results.progress.rule_attendance", { min: pct(lang, digits, 75), value: pct(lang, digits, 0) })));
      expect(await workshops.innerText()).toContain(workshopTitle);
      expect(plain(await workshops.innerText())).toContain(plain(fmt(lang, "training.results.progress.workshop_attended", { value: pct(lang, digits, 0) })));
      // The satisfaction survey opens at the end: after his post-test.
      await shown(step(page, "step_survey").getByRole("heading", { name: stepHeading("step_survey", "waiting"), exact: true }));
      await shown(step(page, "step_survey").getByText(t("training.results.progress.survey_opens_post_test"), { exact: true }));
      await shown(step(page, "step_certificate").getByText(t("training.results.progress.certificate_not_yet")));
      // The workshop itself is on the overview, with the way to its join details.
      await shown(page.getByRole("region", { name: t("training.programme.workshops"), exact: true }).getByRole("link", { name: `${t("training.programme.join_details")}: ${workshopTitle}` }));
      await screenshot(page, `${lang}-training-04-progress-start`);

      await step(page, "step_pre").getByRole("button", { name: t("training.results.progress.start") }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/training/attempts/"), WAIT);
      await shown(page.getByRole("heading", { level: 1, name: `${t("training.assessment.kind_pre")} — ${title}` }));
      const question = (q: keyof typeof QUESTIONS) => page.getByRole("group", { name: new RegExp(escape(questionText(q))) });
      const saved = (q: keyof typeof QUESTIONS) => shown(question(q).getByRole("status").getByText(t("training.assessment.save_saved"), { exact: true }));
      // Right, wrong (one holy site of three), right, wrong.
      await question("single").getByRole("radio", { name: pick("جدة", "Jeddah"), exact: true }).check();
      await saved("single");
      await question("multiple").getByRole("checkbox", { name: pick("منى", "Mina"), exact: true }).check();
      await saved("multiple");
      await question("trueFalse").getByRole("radio", { name: t("training.assessment.true"), exact: true }).check();
      await saved("trueFalse");
      await question("numeric").getByLabel(t("training.assessment.numeric_answer")).fill(num(digits, 50));
      await saved("numeric");
      await shown(page.getByText(fmt(lang, "training.assessment.answered_count", { answered: num(digits, 4), total: num(digits, 4) })));
      // The answers are on the server: a reload brings them back.
      await page.reload();
      await shown(question("single"));
      await expect.poll(() => question("single").getByRole("radio", { name: pick("جدة", "Jeddah"), exact: true }).isChecked(), WAIT).toBe(true);
      expect(await question("multiple").getByRole("checkbox", { name: pick("منى", "Mina"), exact: true }).isChecked()).toBe(true);
      expect(await question("multiple").getByRole("checkbox", { name: pick("عرفات", "Arafat"), exact: true }).isChecked()).toBe(false);
      expect(await question("trueFalse").getByRole("radio", { name: t("training.assessment.true"), exact: true }).isChecked()).toBe(true);
      expect(await question("numeric").getByLabel(t("training.assessment.numeric_answer")).inputValue()).toBe(num(digits, 50));
      await screenshot(page, `${lang}-training-05-pre-answers`);

      await page.getByRole("button", { name: t("training.assessment.submit"), exact: true }).click();
      const dialog = page.getByRole("dialog");
      await shown(dialog.getByText(t("training.assessment.all_answered")));
      await dialog.getByRole("button", { name: t("training.assessment.submit_confirm"), exact: true }).click();
      const result = page.getByRole("region", { name: t("training.assessment.result_title"), exact: true });
      await shown(result);
      const score = fmt(lang, "training.assessment.result_score", { score: num(digits, 3), count: MAX_SCORE, max: num(digits, MAX_SCORE), percent: new Intl.NumberFormat(`${lang}-u-nu-${digits}`, { style: "percent" }).format(0.3) });
      await expect.poll(async () => plain(await result.locator(".attempt-score").innerText()), WAIT).toBe(plain(score));
      await shown(result.getByText(t("training.assessment.keys_hidden")));
      // Two right, two wrong; the pre-test does not show the correct answers.
      expect(await page.getByText(verdict("result_correct")).count()).toBe(2);
      expect(await page.getByText(verdict("result_incorrect")).count()).toBe(2);
      expect(await page.getByText(`${t("training.assessment.correct_answer")}:`).count()).toBe(0);
      await screenshot(page, `${lang}-training-06-pre-result`);

      await page.getByRole("link", { name: t("training.assessment.back_to_programme") }).click();
      await shown(step(page, "step_pre").getByRole("heading", { name: stepHeading("step_pre", "done"), exact: true }));
      expect(plain(await step(page, "step_pre").innerText())).toContain(plain(fmt(lang, "training.results.progress.test_submitted", { score: pct(lang, digits, 30) })));
      expect(trainee.errors).toEqual([]);
    });

    it("he is on the workshop's attendance list as a trainee; once it ends, the coordinator imports the platform's report: 80 % of it connected", async () => {
      const { page, digits } = coordinator;
      await page.goto(`/events/${encodeURIComponent(eventId)}`);
      await shown(page.getByRole("heading", { level: 1, name: workshopTitle }));
      await openTab(page, lang, "attendance");
      const list = page.getByRole("region", { name: t("events.attendance.list_title"), exact: true });
      const row = list.locator("tbody tr").filter({ hasText: TRAINEE.email });
      await shown(row);
      expect(await row.innerText()).toContain(t("events.attendance.roles.trainee"));
      expect(await row.innerText()).toContain(t("events.attendance.not_recorded"));

      // Set-up: the workshop ends now (its end moved to the current minute).
      const endsLocal = riyadhLocal(-1);
      const ended = await callApi(page, "PATCH", `/api/events/${encodeURIComponent(eventId)}`, { endsLocal });
      expect(ended.status, JSON.stringify(ended.body)).toBe(200);
      const length = minutesBetween(schedule.startsLocal, endsLocal);
      const minutes = Math.ceil(length * 0.8);
      attended = { minutes, pct: attendancePercent([workshopAttendance(minutes, length)], 1) };
      expect(attended.pct).toBeGreaterThanOrEqual(75);
      expect(attended.pct).toBeLessThan(90);

      await page.reload();
      await openTab(page, lang, "attendance");
      const csv = ["Name,User Email,Duration (Minutes)", `${TRAINEE.nameEn},${TRAINEE.email},${minutes}`].join("\n");
      const importer = page.getByRole("region", { name: t("events.import.title") });
      await importer.getByLabel(t("events.import.file")).setInputFiles({ name: "teams-attendance.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await importer.getByRole("button", { name: t("events.import.preview"), exact: true }).click();
      await shown(importer.getByText(`${t("events.import.statuses.new")}: ${num(digits, 1)}`, { exact: true }));
      await importer.getByRole("button", { name: fmt(lang, "events.import.confirm", { count: 1, n: num(digits, 1) }) }).click();
      await shown(importer.getByText(fmt(lang, "events.import.done", { count: 1, n: num(digits, 1) })));
      const present = page.getByRole("region", { name: t("events.attendance.list_title"), exact: true }).locator("tbody tr").filter({ hasText: TRAINEE.email });
      await shown(present.getByText(t("events.attendance.present"), { exact: true }));
      expect(await present.innerText()).toContain(fmt(lang, "events.attendance.minutes", { count: minutes, n: num(digits, minutes) }));
      await screenshot(page, `${lang}-training-07-attendance`);
      expect(coordinator.errors).toEqual([]);
    });

    it("Bilal's attendance counts; he takes the post-test and passes it", async () => {
      const { page, digits } = trainee;
      await page.goto(programmePath);
      await shown(step(page, "step_workshops").getByRole("heading", { name: stepHeading("step_workshops", "done"), exact: true }));
      const workshops = plain(await step(page, "step_workshops").innerText());
      expect(workshops).toContain(plain(fmt(lang, "training.results.progress.rule_attendance", { min: pct(lang, digits, 75), value: pct(lang, digits, attended.pct) })));
      expect(workshops).toContain(plain(fmt(lang, "training.results.progress.workshop_attended", { value: pct(lang, digits, attended.pct) })));
      await expect.poll(() => missingItems(page), WAIT).toEqual([plain(fmt(lang, "training.results.missing_text.post_test_not_taken", { min: num(digits, 60) }))]);
      await screenshot(page, `${lang}-training-08-progress-attended`);

      await step(page, "step_post").getByRole("button", { name: t("training.results.progress.start") }).click();
      await page.waitForURL((url) => url.pathname.startsWith("/training/attempts/"), WAIT);
      await shown(page.getByRole("heading", { level: 1, name: `${t("training.assessment.kind_post")} — ${title}` }));
      const question = (q: keyof typeof QUESTIONS) => page.getByRole("group", { name: new RegExp(escape(questionText(q))) });
      const saved = (q: keyof typeof QUESTIONS) => shown(question(q).getByRole("status").getByText(t("training.assessment.save_saved"), { exact: true }));
      // All right but the true/false one.
      await question("single").getByRole("radio", { name: pick("جدة", "Jeddah"), exact: true }).check();
      await saved("single");
      for (const site of [pick("منى", "Mina"), pick("عرفات", "Arafat"), pick("مزدلفة", "Muzdalifah")]) await question("multiple").getByRole("checkbox", { name: site, exact: true }).check();
      await saved("multiple");
      await question("trueFalse").getByRole("radio", { name: t("training.assessment.false"), exact: true }).check();
      await saved("trueFalse");
      // In Arabic the number is typed in Arabic-Indic digits.
      const typed = lang === "ar" ? "٥٧" : "57";
      await question("numeric").getByLabel(t("training.assessment.numeric_answer")).fill(typed);
      await saved("numeric");
      await screenshot(page, `${lang}-training-09-post-answers`);
      await page.getByRole("button", { name: t("training.assessment.submit"), exact: true }).click();
      await page.getByRole("dialog").getByRole("button", { name: t("training.assessment.submit_confirm"), exact: true }).click();
      const before = riyadhToday();
      const result = page.getByRole("region", { name: t("training.assessment.result_title"), exact: true });
      await shown(result);
      completedOn = [before, riyadhToday()];
      const score = fmt(lang, "training.assessment.result_score", { score: num(digits, 9), count: MAX_SCORE, max: num(digits, MAX_SCORE), percent: new Intl.NumberFormat(`${lang}-u-nu-${digits}`, { style: "percent" }).format(0.9) });
      await expect.poll(async () => plain(await result.locator(".attempt-score").innerText()), WAIT).toBe(plain(score));
      expect(await page.getByText(verdict("result_correct")).count()).toBe(3);
      expect(await page.getByText(verdict("result_incorrect")).count()).toBe(1);
      // The post-test shows the correct answers; his number is shown as he reads numbers.
      expect(await page.getByText(`${t("training.assessment.correct_answer")}:`).count()).toBe(4);
      const numeric = page.getByRole("listitem").filter({ hasText: questionText("numeric") });
      expect(plain(await numeric.innerText())).toContain(`${t("training.assessment.your_answer")}: ${num(digits, 57)}`);
      await screenshot(page, `${lang}-training-10-post-result`);
      expect(trainee.errors).toEqual([]);
    });

    it("answers the satisfaction survey, has completed the programme, gets and downloads his certificate", async () => {
      const { page, digits } = trainee;
      await page.getByRole("link", { name: t("training.assessment.back_to_programme") }).click();
      await shown(progressPanel(page).getByText(t("training.results.progress.complete")));
      expect(await progressPanel(page).locator(".progress-summary li").count()).toBe(0);
      await shown(step(page, "step_post").getByRole("heading", { name: stepHeading("step_post", "done"), exact: true }));
      expect(plain(await step(page, "step_post").innerText())).toContain(plain(fmt(lang, "training.results.progress.rule_post", { min: pct(lang, digits, 60), value: pct(lang, digits, 90) })));
      const gain = `\u2066+${num(digits, 60)}\u2069`;
      expect(plain(await progressPanel(page).innerText())).toContain(plain(fmt(lang, "training.results.progress.gain", { gain, pre: pct(lang, digits, 30), post: pct(lang, digits, 90) })));

      // The survey (optional here): four scales and a comment.
      const survey = step(page, "step_survey").getByRole("form", { name: t("training.assessment.survey_title") });
      await shown(survey);
      for (const [item, value] of [["content", 5], ["trainer", 4], ["organisation", 4], ["overall", 5]] as const) {
        const itemText = { content: ["مدى فائدة المحتوى لعملي", "How useful the content is for my work"], trainer: ["أداء المدرب ووضوح العرض", "The trainer and the clarity of the presentation"], organisation: ["تنظيم الورشة والمنصة", "The organisation of the workshop and the platform"], overall: ["رضاي العام عن البرنامج", "My overall satisfaction with the programme"] }[item];
        const scale = survey.getByRole("group", { name: pick(itemText[0]!, itemText[1]!) });
        await choose(scale.getByRole("radio", { name: fmt(lang, "training.assessment.scale_value", { value: num(digits, value), max: num(digits, 5) }), exact: true }));
      }
      await survey.getByRole("textbox", { name: pick("ما الذي يمكن تحسينه؟", "What could be improved?") }).fill(pick("إتاحة تسجيل الورشة بعد انتهائها.", "Making the workshop's recording available afterwards."));
      await screenshot(page, `${lang}-training-11-survey`);
      await survey.getByRole("button", { name: t("training.assessment.send_survey"), exact: true }).click();
      await shown(step(page, "step_survey").getByRole("heading", { name: stepHeading("step_survey", "done"), exact: true }));

      // The certificate.
      const certificate = step(page, "step_certificate");
      await certificate.getByRole("button", { name: t("training.results.progress.certificate_get") }).click();
      await shown(certificate.getByRole("heading", { name: stepHeading("step_certificate", "done"), exact: true }));
      await shown(certificate.getByText(t("training.results.progress.certificate_issued")));
      certificateCode = (await certificate.locator("bdi.progress-code").innerText()).trim();
      expect(certificateCode).toMatch(CERTIFICATE_CODE_PATTERN);
      expect(await certificate.getByRole("link", { name: t("training.results.progress.certificate_verify") }).getAttribute("href")).toBe(`/verify/${certificateCode}`);
      await screenshot(page, `${lang}-training-12-complete`);

      const [download] = await Promise.all([page.waitForEvent("download", WAIT), certificate.getByRole("link", { name: t("training.results.progress.certificate_download") }).click()]);
      expect(download.suggestedFilename()).toBe(`certificate-${certificateCode}.pdf`);
      const file = path.join(ARTIFACTS, `${lang}-training-certificate.pdf`);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await download.saveAs(file);
      const pdf = fs.readFileSync(file);
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      if (hasTool("pdftotext")) {
        const content = execFileSync("pdftotext", ["-layout", file, "-"]).toString("utf8");
        expect(content).toContain(TRAINEE.nameAr);
        expect(content).toContain(TRAINEE.nameEn);
        expect(content).toContain(certificateCode);
        // The title wraps on the certificate: its words before the run's suffix, in both languages.
        expect(content).toContain(titleEn.replace(` ${suffix}`, ""));
        expect(content).toContain(titleAr.replace(` ${suffix}`, ""));
      }
      // The certificate as an image, to look at.
      if (hasTool("pdftoppm")) execFileSync("pdftoppm", ["-png", "-r", "60", "-singlefile", file, path.join(ARTIFACTS, `${lang}-training-certificate-pdf`)]);
      expect(trainee.errors).toEqual([]);
    });

    it("its code verifies publicly, signed out: valid, his names, the programme and the date, and nothing else", async () => {
      const context = await newContext(browser, server, lang);
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.goto(`/verify/${certificateCode}`);
        await shown(page.getByRole("heading", { level: 1, name: t("training.results.verify.title") }));
        const result = page.getByRole("status").filter({ has: page.getByRole("heading", { level: 2, name: t("training.results.verify.valid"), exact: true }) });
        await shown(result);
        const shownText = await result.innerText();
        for (const expected of [t("training.results.verify.valid_text"), TRAINEE.nameAr, TRAINEE.nameEn, titleAr, titleEn, certificateCode]) expect(shownText).toContain(expected);
        const day = await result.locator("time").first().getAttribute("datetime");
        expect(completedOn).toContain(day);
        // Nothing else: no email, no organisation, no score.
        const body = await page.locator("body").innerText();
        expect(shownText).not.toContain("@");
        for (const hidden of [TRAINEE.email, traineeOrg.nameAr, traineeOrg.nameEn, pick(MINISTRY.ar, MINISTRY.en), t("training.results.verify.revoked_on")]) expect(body).not.toContain(hidden);
        const api = await page.request.get(`/api/verify/${certificateCode}`);
        expect(api.status()).toBe(200);
        expect(Object.keys(await api.json()).sort()).toEqual(["code", "completedOn", "nameAr", "nameEn", "programmeTitleAr", "programmeTitleEn", "status"]);
        await screenshot(page, `${lang}-training-13-verify-valid`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });

    it("the coordinator sees the results, revokes the certificate with a reason; the public page then says revoked, without the reason", async () => {
      const { page, digits } = coordinator;
      await page.goto(`${programmePath}?tab=results`);
      await shown(page.getByRole("heading", { level: 1, name: title }));
      const resultRow = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(escape(pick(TRAINEE.nameAr, TRAINEE.nameEn))) }) });
      await shown(resultRow);
      const cells = (await resultRow.getByRole("cell").allInnerTexts()).map(plain);
      expect(cells).toEqual(expect.arrayContaining([pct(lang, digits, attended.pct), pct(lang, digits, 30), pct(lang, digits, 90), `+${num(digits, 60)}`, t("training.results.yes"), t("training.results.tab.complete")].map(plain)));
      expect(cells.join(" ")).toContain(certificateCode);
      await screenshot(page, `${lang}-training-14-results`);

      await openProgrammeTab(page, lang, "certificates");
      const row = page.getByRole("row").filter({ hasText: certificateCode });
      await shown(row.getByText(t("training.results.certificate_status.valid"), { exact: true }));
      expect(await row.innerText()).toContain(pick(TRAINEE.nameAr, TRAINEE.nameEn));
      await row.getByRole("button", { name: t("training.results.certificates.revoke"), exact: true }).click();
      const dialog = page.getByRole("dialog", { name: fmt(lang, "training.results.certificates.revoke_title", { code: certificateCode }) });
      await shown(dialog);
      await dialog.getByRole("textbox", { name: startsWith(t("training.results.certificates.reason")) }).fill(reason);
      await screenshot(page, `${lang}-training-15-revoke`);
      await dialog.getByRole("button", { name: t("training.results.certificates.revoke"), exact: true }).click();
      await shown(page.getByText(fmt(lang, "training.results.certificates.revoked_done", { code: certificateCode })));
      await shown(row.getByText(t("training.results.certificate_status.revoked"), { exact: true }));
      expect(await row.innerText()).toContain(reason);
      expect(await row.getByRole("button", { name: t("training.results.certificates.revoke"), exact: true }).count()).toBe(0);
      await screenshot(page, `${lang}-training-16-revoked`);
      expect(coordinator.errors).toEqual([]);

      // The public page, signed out.
      const context = await newContext(browser, server, lang);
      try {
        const pub = await context.newPage();
        const errors: string[] = [];
        pub.on("pageerror", (e) => errors.push(String(e)));
        await pub.goto(`/verify/${certificateCode}`);
        const result = pub.getByRole("status").filter({ has: pub.getByRole("heading", { level: 2, name: t("training.results.verify.revoked"), exact: true }) });
        await shown(result);
        const shownText = await result.innerText();
        for (const expected of [t("training.results.verify.revoked_text"), t("training.results.verify.revoked_on"), TRAINEE.nameAr, TRAINEE.nameEn, titleAr, certificateCode]) expect(shownText).toContain(expected);
        expect(await pub.locator("body").innerText()).not.toContain(reason);
        expect(await pub.getByRole("heading", { level: 2, name: t("training.results.verify.valid"), exact: true }).count()).toBe(0);
        const api = await (await pub.request.get(`/api/verify/${certificateCode}`)).json();
        expect(api.status).toBe("revoked");
        expect(JSON.stringify(api)).not.toContain(reason);
        await screenshot(pub, `${lang}-training-17-verify-revoked`);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }

      // Bilal sees it too.
      await trainee.page.reload();
      await shown(step(trainee.page, "step_certificate").getByText(fmt(lang, "training.results.progress.certificate_revoked", { code: certificateCode })));
      await screenshot(trainee.page, `${lang}-training-18-trainee-revoked`);
      expect(trainee.errors).toEqual([]);
    });
  });
}
