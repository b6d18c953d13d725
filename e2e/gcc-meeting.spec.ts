/**
 * Situation 2, played from scratch in the browser (Arabic and English): the Kuwaiti office's
 * admin creates the annual meeting of the GCC Hajj-affairs offices for Monday 6 Dhu al-Hijjah
 * 1446 (= 2 June 2025), typing the date in Hijri; invites the GCC group; writes the agenda; the
 * Qatari admin (deputy head of the mission) nominates a delegation led by himself; the host sees
 * it; the event's .ics file carries the evening in Asia/Riyadh with its VTIMEZONE.
 *
 * Each run creates its own meeting (a random suffix in the titles), so it never touches the
 * seeded 1446 meeting. Screenshots go to e2e/artifacts/<lang>-gcc-<step>.png, the downloaded
 * calendar file to e2e/artifacts/<lang>-gcc-meeting.ics.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ARTIFACTS, launchBrowser, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { choose, digitsOf, fmt, openTab, shown, signIn as signInAs, WAIT, type Session } from "./scenario.js";

const KUWAIT_ADMIN = "mishari.alrashidan@hajj-kw.rifada.test";
const QATAR_ADMIN = "khalid.alkuwari@hajj-qa.rifada.test";

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

/** Sign in through the form in a fresh context, in `lang`. */
const signIn = (lang: Lang, email: string) => signInAs(browser, server, lang, email);

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  const suffix = Math.random().toString(36).slice(2, 8);
  const titleAr = `الاجتماع السنوي لرؤساء مكاتب شؤون الحجاج بدول مجلس التعاون ${suffix}`;
  const titleEn = `Annual meeting of the GCC Hajj-affairs offices ${suffix}`;
  const title = lang === "ar" ? titleAr : titleEn;
  const venueAr = "مكتب شؤون حجاج الكويت، مكة المكرمة";
  const venueEn = "Kuwaiti Hajj office, Mecca";
  const qatar = lang === "ar" ? "بعثة الحج القطرية" : "Qatari Hajj Mission";
  const deputy = lang === "ar" ? "خالد سالم الكواري" : "Khalid Salem Al-Kuwari";
  const official = lang === "ar" ? "محمد جاسم النعيمي" : "Mohammed Jassim Al-Nuaimi";
  const agenda: Array<[string, string]> = [
    ["موضوعات الموسم", "Topics of the season"],
    ["تبادل التجارب والممارسات الناجحة بين البعثات", "Exchange of successful experiences and practices between missions"],
    ["مقترحات تطوير العمل المشترك بين المكاتب", "Proposals to develop how the offices work together"],
  ];

  describe(`the GCC offices' annual meeting, from scratch (${lang})`, () => {
    let kuwait: Session;
    let eventId = "";

    afterAll(async () => {
      await kuwait?.context.close();
    });

    it("the Kuwaiti admin creates the meeting for 6 Dhu al-Hijjah 1446, typed in Hijri, and the page shows 2 June 2025", async () => {
      kuwait = await signIn(lang, KUWAIT_ADMIN);
      const { page, digits } = kuwait;
      await page.goto("/events");
      await page.getByRole("link", { name: t("events.new_event") }).click();
      await page.waitForURL(/\/events\/new$/);
      await shown(page.getByRole("heading", { level: 1, name: t("events.new_event") }));

      await page.getByLabel(t("events.season")).selectOption({ label: lang === "ar" ? "موسم حج 1446 هـ" : "Hajj season 1446 AH" });
      await page.getByLabel(t("fields.kind")).selectOption({ label: t("events.kinds.meeting") });
      await page.getByLabel(t("events.title_ar")).fill(titleAr);
      await page.getByLabel(t("events.title_en")).fill(titleEn);
      // The head of the Kuwaiti mission chairs the meeting.
      await page
        .getByLabel(t("events.chair"))
        .selectOption({ label: lang === "ar" ? "مشاري خالد الرشيدان — رئيس بعثة الحج الكويتية" : "Mishari Khaled Al-Rashidan — Head of the Kuwaiti Hajj Mission" });

      // The date, in Hijri: day 6, Dhu al-Hijjah (month 12), 1446.
      const date = page.getByRole("group", { name: t("events.event_date"), exact: true });
      await date.getByRole("radio", { name: t("dates.hijri") }).check();
      await date.getByLabel(t("dates.day")).fill(digitsOf("6", digits));
      await date.getByLabel(t("dates.month")).selectOption("12");
      await date.getByLabel(t("dates.year")).fill(digitsOf("1446", digits));
      // The same day in the other calendar, shown live under the fields.
      const gregorian = lang === "ar" ? digitsOf("2 يونيو 2025", digits) : "2 June 2025";
      await shown(date.getByText(gregorian));

      await page.getByLabel(t("events.starts_time")).fill("20:00");
      await page.getByLabel(t("events.ends_time")).fill("22:00");
      const zone = page.getByLabel(t("events.time_zone"));
      await zone.selectOption("Asia/Riyadh");
      expect(await zone.inputValue()).toBe("Asia/Riyadh");
      await page.getByLabel(t("fields.mode")).selectOption({ label: t("events.modes.in_person") });
      await page.getByLabel(t("events.venue_ar")).fill(venueAr);
      await page.getByLabel(t("events.venue_en")).fill(venueEn);
      await choose(page.getByRole("radio", { name: t("events.registration_modes.invitation") }));
      // Seen by the GCC offices' group.
      await choose(page.getByRole("radio", { name: t("directory.visibilities.group") }));
      await page.getByLabel(t("fields.shareGroupId")).selectOption({ label: lang === "ar" ? "مكاتب شؤون الحجاج بدول مجلس التعاون" : "GCC Hajj-affairs offices" });
      await screenshot(page, `${lang}-gcc-01-form`);

      await page.getByRole("button", { name: t("events.create_event") }).click();
      await page.waitForURL((url) => /^\/events\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), WAIT);
      eventId = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
      await shown(page.getByRole("heading", { level: 1, name: title }));

      const about = page.getByRole("region", { name: t("events.about") });
      const expected =
        lang === "ar"
          ? [digitsOf("6 ذو الحجة 1446", digits), digitsOf("2 يونيو 2025", digits), digitsOf("8:00 م", digits), digitsOf("10:00 م", digits), venueAr, "مشاري خالد الرشيدان", "موسم حج 1446 هـ"]
          : ["6 Dhu al-Hijjah 1446", "2 June 2025", "8:00 PM", "10:00 PM", venueEn, "Mishari Khaled Al-Rashidan", "Hajj season 1446 AH"];
      for (const piece of expected) await expect.poll(() => about.innerText(), WAIT).toContain(piece);
      await expect.poll(() => about.innerText()).toContain(t("events.registration_modes.invitation"));
      await screenshot(page, `${lang}-gcc-02-created`);
      expect(kuwait.errors).toEqual([]);
    });

    it("invites the GCC Hajj-affairs offices as a group", async () => {
      const { page, digits } = kuwait;
      await openTab(page, lang, "participants");
      const invitations = page.getByRole("region", { name: t("events.invitations_title") });
      await shown(invitations.getByText(t("events.no_invitations")));
      await choose(invitations.getByRole("radio", { name: t("events.invite_by_group") }));
      await invitations.getByRole("combobox", { name: t("fields.group") }).selectOption({ label: lang === "ar" ? "مكاتب شؤون الحجاج بدول مجلس التعاون" : "GCC Hajj-affairs offices" });
      await invitations.getByRole("button", { name: t("events.invite_button") }).click();
      // The other five GCC offices (the host is not invited to its own meeting).
      const others =
        lang === "ar"
          ? ["بعثة حج مملكة البحرين", "بعثة الحج القطرية"]
          : ["Bahrain Hajj Mission", "Qatari Hajj Mission"];
      await shown(invitations.getByText(fmt(lang, "events.invited_count", { count: 5, n: digitsOf("5", digits) })));
      for (const name of others) await shown(invitations.getByRole("link", { name, exact: true }));
      await expect.poll(() => invitations.locator("tbody tr").count(), WAIT).toBe(5);
      expect(await invitations.getByRole("link", { name: lang === "ar" ? "بعثة الحج الكويتية" : "Kuwaiti Hajj Mission", exact: true }).count()).toBe(0);
      await expect.poll(() => invitations.getByText(t("events.invitation_statuses.invited"), { exact: true }).count()).toBe(5);
      await screenshot(page, `${lang}-gcc-03-invited`);
      expect(kuwait.errors).toEqual([]);
    });

    it("writes the agenda: the season's topics, exchange of experiences, proposals", async () => {
      const { page, digits } = kuwait;
      await openTab(page, lang, "overview");
      const section = page.getByRole("region", { name: t("events.agenda"), exact: true });
      await shown(section.getByText(t("events.no_agenda")));
      await section.getByRole("button", { name: t("events.agenda_edit") }).click();
      for (const [i, [ar, en]] of agenda.entries()) {
        await section.getByRole("button", { name: t("events.add_item") }).click();
        const item = section.getByRole("group", { name: fmt(lang, "events.item_n", { n: digitsOf(String(i + 1), digits) }), exact: true });
        await shown(item);
        await item.getByLabel(t("events.item_kind")).selectOption({ label: t("events.agenda_kinds.session") });
        await item.getByLabel(t("events.title_ar")).fill(ar);
        await item.getByLabel(t("events.title_en")).fill(en);
      }
      await screenshot(page, `${lang}-gcc-04-agenda-edit`);
      await section.getByRole("button", { name: t("events.save_agenda") }).click();
      await shown(section.getByText(t("events.agenda_saved")));
      const items = section.getByRole("listitem").filter({ has: page.locator(".agenda-title") });
      await expect.poll(() => items.count(), WAIT).toBe(3);
      for (const [i, [ar, en]] of agenda.entries()) expect(await items.nth(i).innerText()).toContain(lang === "ar" ? ar : en);
      await screenshot(page, `${lang}-gcc-05-agenda`);
      expect(kuwait.errors).toEqual([]);
    });

    it("the Qatari admin, deputy head of the mission, nominates a delegation led by himself", async () => {
      const qa = await signIn(lang, QATAR_ADMIN);
      const { page } = qa;
      // The meeting (2 June 2025) is in the past: find it among past events by its suffix.
      await page.goto(`/events?when=past&q=${encodeURIComponent(suffix)}`);
      await page.getByRole("link", { name: title }).click();
      await shown(page.getByRole("heading", { level: 1, name: title }));
      expect(new URL(page.url()).pathname).toBe(`/events/${eventId}`);
      await openTab(page, lang, "participants");

      const invitations = page.getByRole("region", { name: t("events.invitations_title") });
      // An invitee sees only its own invitation.
      await shown(invitations.getByRole("link", { name: qatar, exact: true }));
      expect(await invitations.locator("tbody tr").count()).toBe(1);
      await invitations.getByRole("button", { name: t("events.nominate") }).click();
      const form = page.getByRole("form", { name: `${t("events.nominate")}: ${qatar}` });
      await shown(form);
      await form
        .getByLabel(t("events.head_of_delegation"))
        .selectOption({ label: lang === "ar" ? "خالد سالم الكواري — نائب رئيس بعثة الحج القطرية" : "Khalid Salem Al-Kuwari — Deputy Head of the Qatari Hajj Mission" });
      await form.getByRole("checkbox", { name: lang === "ar" ? "محمد جاسم النعيمي — مسؤول الشؤون الإدارية" : "Mohammed Jassim Al-Nuaimi — Administrative affairs officer" }).check();
      await form.getByRole("checkbox", { name: lang === "ar" ? "عبدالله راشد السليطي — مسؤول الخدمات الميدانية" : "Abdullah Rashid Al-Sulaiti — Field services officer" }).check();
      // The leader is not offered as a member too.
      expect(await form.getByRole("checkbox", { name: deputy }).count()).toBe(0);
      await screenshot(page, `${lang}-gcc-06-nominate`);
      await form.getByRole("button", { name: t("events.save_delegation") }).click();
      await shown(invitations.getByText(t("events.delegation_saved")));
      const row = invitations.locator("tbody tr").filter({ has: page.getByRole("link", { name: qatar, exact: true }) });
      await shown(row.getByText(t("events.invitation_statuses.accepted"), { exact: true }));
      const leader = row.getByRole("listitem").first();
      expect(await leader.innerText()).toContain(deputy);
      expect(await leader.innerText()).toContain(t("events.head_of_delegation"));
      await screenshot(page, `${lang}-gcc-07-delegation-qatar`);
      expect(qa.errors).toEqual([]);
      await qa.context.close();
    });

    it("the Kuwaiti admin sees Qatar's delegation with its leader", async () => {
      const { page } = kuwait;
      await page.reload();
      await openTab(page, lang, "participants");
      const invitations = page.getByRole("region", { name: t("events.invitations_title") });
      const row = invitations.locator("tbody tr").filter({ has: page.getByRole("link", { name: qatar, exact: true }) });
      await shown(row.getByText(t("events.invitation_statuses.accepted"), { exact: true }));
      const delegates = row.getByRole("listitem");
      await expect.poll(() => delegates.count(), WAIT).toBe(3);
      // The leader comes first, with the badge; the members follow without it.
      expect(await delegates.nth(0).innerText()).toContain(deputy);
      expect(await delegates.nth(0).innerText()).toContain(t("events.head_of_delegation"));
      await expect.poll(() => row.innerText()).toContain(official);
      expect(await row.getByText(t("events.head_of_delegation"), { exact: true }).count()).toBe(1);
      // The host cannot nominate for Qatar.
      expect(await row.getByRole("button", { name: t("events.nominate") }).count()).toBe(0);
      await screenshot(page, `${lang}-gcc-08-delegations`);
      expect(kuwait.errors).toEqual([]);
    });

    it("the Kuwaiti admin records the minutes with two decisions; the Qatari office reads them", async () => {
      const { page, digits } = kuwait;
      await openTab(page, lang, "minutes");
      await page.getByRole("button", { name: t("events.minutes.write") }).click();
      const body = page.getByRole("textbox", { name: t("events.minutes.body") });
      await body.click();
      await page.keyboard.type(lang === "ar" ? "عُقد الاجتماع في مقر مكتب شؤون حجاج الكويت بمكة المكرمة، وتبادلت المكاتب تجاربها." : "The meeting was held at the Kuwaiti Hajj office in Mecca; the offices exchanged their experiences.");
      const decisions: Array<[string, string]> = [
        ["توحيد نماذج تقارير الميدان بين المكاتب", "Unify the field report forms across the offices"],
        ["عقد الاجتماع القادم في دولة قطر", "Hold the next meeting in Qatar"],
      ];
      for (const [i, [ar, en]] of decisions.entries()) {
        await page.getByRole("button", { name: t("events.decisions.add") }).click();
        const item = page.getByRole("group", { name: fmt(lang, "events.decisions.number", { n: digitsOf(String(i + 1), digits) }), exact: true });
        await item.getByLabel(t("events.decisions.text_ar")).fill(ar);
        await item.getByLabel(t("events.decisions.text_en")).fill(en);
      }
      await screenshot(page, `${lang}-gcc-09-minutes-editor`);
      await page.getByRole("button", { name: t("events.minutes.save") }).click();
      await shown(page.getByText(t("events.minutes.saved")));
      for (const [ar, en] of decisions) await shown(page.getByText(lang === "ar" ? ar : en, { exact: true }));
      await screenshot(page, `${lang}-gcc-10-minutes`);

      // An invited office reads the minutes and their decisions, without editing them.
      const qa = await signIn(lang, QATAR_ADMIN);
      await qa.page.goto(`/events/${encodeURIComponent(eventId)}?tab=minutes`);
      for (const [ar, en] of decisions) await shown(qa.page.getByText(lang === "ar" ? ar : en, { exact: true }));
      expect(await qa.page.getByRole("button", { name: t("events.minutes.edit") }).count()).toBe(0);
      await screenshot(qa.page, `${lang}-gcc-11-minutes-qatar`);
      expect(qa.errors).toEqual([]);
      await qa.context.close();
    });

    it("the event page's .ics file holds the evening in Asia/Riyadh with its VTIMEZONE", async () => {
      const { page } = kuwait;
      const link = page.getByRole("link", { name: /\.ics/ });
      await shown(link);
      const [download] = await Promise.all([page.waitForEvent("download", WAIT), link.click()]);
      expect(download.suggestedFilename()).toMatch(/\.ics$/);
      const file = path.join(ARTIFACTS, `${lang}-gcc-meeting.ics`);
      await download.saveAs(file);
      const ics = fs.readFileSync(file, "utf8").replace(/\r\n[ \t]/g, ""); // unfold long lines
      expect(ics).toContain("BEGIN:VCALENDAR");
      expect(ics).toMatch(/^DTSTART;TZID=Asia\/Riyadh:20250602T200000\r?$/m);
      expect(ics).toMatch(/^DTEND;TZID=Asia\/Riyadh:20250602T220000\r?$/m);
      const vtimezone = /BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE/.exec(ics)?.[0] ?? "";
      expect(vtimezone).toMatch(/^TZID:Asia\/Riyadh\r?$/m);
      expect(vtimezone).toContain("TZOFFSETTO:+0300");
      expect(ics).toContain(titleEn);
      expect(ics).toContain(titleAr);
      // RFC 5545 escapes commas in text values.
      expect(ics).toContain(`LOCATION:${venueAr} — ${venueEn.replace(/,/g, "\\,")}`);
      // The same file through the API with the page's cookies.
      const response = await page.request.get(`/api/events/${encodeURIComponent(eventId)}/calendar.ics`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toContain("text/calendar");
      expect((await response.text()).replace(/\r\n[ \t]/g, "")).toContain("DTSTART;TZID=Asia/Riyadh:20250602T200000");
    });
  });
}
