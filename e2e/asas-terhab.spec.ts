/**
 * Situation 1, played from scratch in the browser (Arabic and English): the OIC coordinator
 * creates two virtual workshops, Asas and Terhab, each with an online join link, open
 * registration for 2 seats, visible to all members, and an opening session with a speaker;
 * invites all OIC member states; three delegates of three member states (Qatar, Indonesia,
 * Kuwait) register for Asas in their own browsers: two are confirmed and get the join link, the
 * third waits at position 1 without it, and is promoted when a confirmed delegate cancels. The
 * coordinator follows the registrations by country, then imports the platform's attendance
 * report (preview first: unknown and invalid lines reported, nothing written; then commit) and
 * reads the attendance per country — all through the event page's tabs.
 *
 * Each run creates its own workshops (a random suffix in the titles), held today from 00:00 to
 * 23:59 Riyadh time: registration is open (until the end) and the attendance report can be
 * imported (from the start), as on the day of a live virtual workshop. Screenshots go to e2e/artifacts/<lang>-asas-<step>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { choose, digitsOf, fmt, openTab, shown, signIn as signInAs, WAIT, type Session } from "./scenario.js";

const COORDINATOR = "coordinator@oic.rifada.test";
/** Delegates of three member states, in the order they register. */
const DELEGATES = [
  { key: "qatar", email: "mohammed.alnuaimi@hajj-qa.rifada.test", country: "QA", countryAr: "دولة قطر", countryEn: "State of Qatar" },
  { key: "indonesia", email: "siti.rahmawati@hajj-id.rifada.test", country: "ID", countryAr: "جمهورية إندونيسيا", countryEn: "Republic of Indonesia" },
  { key: "kuwait", email: "mishari.alrashidan@hajj-kw.rifada.test", country: "KW", countryAr: "دولة الكويت", countryEn: "State of Kuwait" },
] as const;
const [FIRST, SECOND, THIRD] = DELEGATES;

let server: Server;
let browser: Browser;

/** Riyadh's wall clock now, in minutes since midnight. */
function riyadhMinutes(): number {
  const [h, m] = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Riyadh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date()).split(":").map(Number);
  return h * 60 + m;
}

beforeAll(async () => {
  // The workshops run until 23:59 today: too close to midnight, wait for the next day.
  const left = 24 * 60 - riyadhMinutes();
  if (left <= 20) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 60_000));
  server = await startServer();
  browser = await launchBrowser();
}, 25 * 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Sign in through the form in a fresh context, in `lang`. */
const signIn = (lang: Lang, email: string) => signInAs(browser, server, lang, email);

/** The workshops' day: today in Riyadh. */
function workshopDay(): { iso: string; year: number; month: number; day: number } {
  const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh", year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date())
    .split("-")
    .map(Number) as [number, number, number];
  return { iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`, year, month, day };
}

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  const suffix = Math.random().toString(36).slice(2, 8);
  const WORKSHOPS = [
    { slug: "asas", titleAr: `ورشة أساس ${suffix}`, titleEn: `Asas workshop ${suffix}`, start: "00:00", end: "23:59", openingEnd: "00:30" },
    { slug: "terhab", titleAr: `ورشة ترحاب ${suffix}`, titleEn: `Terhab workshop ${suffix}`, start: "00:00", end: "23:59", openingEnd: "00:30" },
  ] as const;
  const [ASAS] = WORKSHOPS;
  const titleOf = (w: (typeof WORKSHOPS)[number]) => (lang === "ar" ? w.titleAr : w.titleEn);
  const joinUrl = (slug: string) => `https://meet.rifada.test/${slug}-${suffix}`;
  const countryName = (d: (typeof DELEGATES)[number]) => (lang === "ar" ? d.countryAr : d.countryEn);

  describe(`the Asas and Terhab virtual workshops, from scratch (${lang})`, () => {
    let coordinator: Session;
    const ids: Record<string, string> = {};
    const delegates: Record<string, Session> = {};

    afterAll(async () => {
      for (const s of [coordinator, ...Object.values(delegates)]) await s?.context.close();
    });

    for (const w of WORKSHOPS) {
      it(`the OIC coordinator creates the ${w.slug} workshop: virtual, open registration for 2 seats, an opening session with a speaker`, async () => {
        coordinator ??= await signIn(lang, COORDINATOR);
        const { page, digits } = coordinator;
        const day = workshopDay();
        // The season whose dates hold the day (else the latest one).
        const seasons: Array<{ nameAr: string; nameEn: string; startsOn: string; endsOn: string }> = (await (await page.request.get("/api/seasons")).json()).items;
        const season = seasons.find((s) => s.startsOn <= day.iso && day.iso <= s.endsOn) ?? [...seasons].sort((a, b) => a.endsOn.localeCompare(b.endsOn)).at(-1)!;

        await page.goto("/events");
        await page.getByRole("link", { name: t("events.new_event") }).click();
        await page.waitForURL(/\/events\/new$/);
        await shown(page.getByRole("heading", { level: 1, name: t("events.new_event") }));
        await page.getByLabel(t("events.season")).selectOption({ label: lang === "ar" ? season.nameAr : season.nameEn });
        // Hosted by the secretariat itself (a coordinator may also host on another organisation's behalf).
        await page.getByLabel(t("fields.hostOrganisationId")).selectOption({ label: lang === "ar" ? "الأمانة العامة لمنظمة التعاون الإسلامي" : "General Secretariat of the Organisation of Islamic Cooperation" });
        await page.getByLabel(t("fields.kind")).selectOption({ label: t("events.kinds.workshop") });
        await page.getByLabel(t("events.title_ar")).fill(w.titleAr);
        await page.getByLabel(t("events.title_en")).fill(w.titleEn);
        await page.getByLabel(t("events.description_ar")).fill("رفع وعي منظمي الحج ومقدمي الخدمات وجودة عمل العاملين في خدمة ضيوف الرحمن.");
        await page.getByLabel(t("events.description_en")).fill("Raising the awareness of Hajj organisers and service providers and the quality of work of the staff who serve pilgrims.");

        // This time the date is typed in Gregorian.
        const date = page.getByRole("group", { name: t("events.event_date"), exact: true });
        await date.getByRole("radio", { name: t("dates.gregorian") }).check();
        await date.getByLabel(t("dates.day")).fill(digitsOf(String(day.day), digits));
        await date.getByLabel(t("dates.month")).selectOption(String(day.month));
        await date.getByLabel(t("dates.year")).fill(digitsOf(String(day.year), digits));
        // The Hijri twin appears once the date is complete.
        await expect.poll(() => date.locator(".date-input__twin").innerText(), WAIT).toContain(t("dates.twin_prefix"));

        await page.getByLabel(t("events.starts_time")).fill(w.start);
        await page.getByLabel(t("events.ends_time")).fill(w.end);
        await page.getByLabel(t("events.time_zone")).selectOption("Asia/Riyadh");
        await page.getByLabel(t("fields.mode")).selectOption({ label: t("events.modes.virtual") });
        await page.getByLabel(t("events.join_url")).fill(joinUrl(w.slug));
        await choose(page.getByRole("radio", { name: t("events.registration_modes.open") }));
        await page.getByLabel(t("events.capacity")).fill("2");
        await choose(page.getByRole("radio", { name: t("events.statuses.published"), exact: true }));
        await choose(page.getByRole("radio", { name: t("directory.visibilities.members") }));
        await screenshot(page, `${lang}-${w.slug}-01-form`);

        await page.getByRole("button", { name: t("events.create_event") }).click();
        await page.waitForURL((url) => /^\/events\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"), WAIT);
        ids[w.slug] = decodeURIComponent(new URL(page.url()).pathname.split("/")[2]!);
        await shown(page.getByRole("heading", { level: 1, name: titleOf(w) }));
        const about = page.getByRole("region", { name: t("events.about") });
        await shown(about.getByText(t("events.registration_modes.open"), { exact: true }));
        // Those who run the event see the join link.
        expect(await about.getByRole("link", { name: t("events.join") }).getAttribute("href")).toBe(joinUrl(w.slug));
        const panel = page.getByRole("region", { name: t("events.registration_title"), exact: true });
        await shown(panel.getByText(fmt(lang, "events.seats", { confirmed: digitsOf("0", digits), capacity: digitsOf("2", digits) })));

        // The agenda: the opening session with its speaker — from the directory for Asas, a guest for Terhab.
        const agenda = page.getByRole("region", { name: t("events.agenda"), exact: true });
        await agenda.getByRole("button", { name: t("events.agenda_edit") }).click();
        await agenda.getByRole("button", { name: t("events.add_item") }).click();
        const item = agenda.getByRole("group", { name: fmt(lang, "events.item_n", { n: digitsOf("1", digits) }), exact: true });
        await item.getByLabel(t("events.item_kind")).selectOption({ label: t("events.agenda_kinds.session") });
        await item.getByLabel(t("events.title_ar")).fill("الجلسة الافتتاحية");
        await item.getByLabel(t("events.title_en")).fill("Opening session");
        await item.getByLabel(t("events.item_starts")).fill(w.start);
        await item.getByLabel(t("events.item_ends")).fill(w.openingEnd);
        await item.getByRole("button", { name: t("events.add_speaker") }).click();
        let speaker: string;
        if (w.slug === "asas") {
          await choose(item.getByRole("radio", { name: t("events.speaker_from_directory") }));
          await item.getByLabel(t("directory.people_search_label")).fill("العمري");
          await item
            .getByRole("combobox", { name: t("events.speaker_person") })
            .selectOption({ label: lang === "ar" ? "ياسر أحمد العمري — الأمانة العامة لمنظمة التعاون الإسلامي" : "Yasser Ahmed Al-Omari — General Secretariat of the Organisation of Islamic Cooperation" });
          speaker = lang === "ar" ? "ياسر أحمد العمري" : "Yasser Ahmed Al-Omari";
        } else {
          await choose(item.getByRole("radio", { name: t("events.speaker_guest") }));
          await item.getByLabel(t("events.guest_name_ar")).fill("عبدالعزيز سعد الغامدي");
          await item.getByLabel(t("events.guest_name_en")).fill("Abdulaziz Saad Al-Ghamdi");
          speaker = lang === "ar" ? "عبدالعزيز سعد الغامدي" : "Abdulaziz Saad Al-Ghamdi";
        }
        await item.getByRole("combobox", { name: t("events.speaker_role") }).selectOption({ label: t("events.speaker_roles.speaker") });
        await screenshot(page, `${lang}-${w.slug}-02-agenda-edit`);
        await agenda.getByRole("button", { name: t("events.save_agenda") }).click();
        await shown(agenda.getByText(t("events.agenda_saved")));
        const opening = agenda.getByRole("listitem").filter({ hasText: lang === "ar" ? "الجلسة الافتتاحية" : "Opening session" }).first();
        await shown(opening);
        await expect.poll(() => opening.innerText(), WAIT).toContain(speaker);
        expect(await opening.innerText()).toContain(t("events.speaker_roles.speaker"));
        if (w.slug === "asas") await shown(opening.getByRole("link", { name: speaker }));
        await screenshot(page, `${lang}-${w.slug}-03-created`);
        expect(coordinator.errors).toEqual([]);
      });
    }

    it("invites all OIC member states to both workshops, as a group", async () => {
      const { page, digits } = coordinator;
      const oicMembers = lang === "ar" ? "الدول الأعضاء في منظمة التعاون الإسلامي" : "OIC member states";
      for (const w of WORKSHOPS) {
        await page.goto(`/events/${encodeURIComponent(ids[w.slug]!)}?tab=participants`);
        await shown(page.getByRole("heading", { level: 1, name: titleOf(w) }));
        // For an open workshop the invitations give each organisation seats (a quota is optional).
        const invitations = page.getByRole("region", { name: t("events.quotas_title") });
        await shown(invitations.getByText(t("events.no_invitations")));
        await choose(invitations.getByRole("radio", { name: t("events.invite_by_group") }));
        await invitations.getByRole("combobox", { name: t("fields.group") }).selectOption({ label: oicMembers });
        await invitations.getByRole("button", { name: t("events.invite_button") }).click();
        await shown(invitations.getByText(fmt(lang, "events.invited_count", { count: 57, n: digitsOf("57", digits) })));
        await expect.poll(() => invitations.locator("tbody tr").count(), WAIT).toBe(57);
        for (const d of DELEGATES) {
          const mission = { qatar: ["بعثة الحج القطرية", "Qatari Hajj Mission"], indonesia: ["بعثة الحج الإندونيسية", "Indonesian Hajj Mission"], kuwait: ["بعثة الحج الكويتية", "Kuwaiti Hajj Mission"] }[d.key];
          await shown(invitations.getByRole("link", { name: lang === "ar" ? mission[0] : mission[1], exact: true }));
        }
        if (w.slug === "asas") await screenshot(page, `${lang}-asas-03b-invited`);
      }
      expect(coordinator.errors).toEqual([]);
    });

    it("the first two delegates register for Asas, are confirmed and see the join link", async () => {
      for (const d of [FIRST, SECOND]) {
        const s = (delegates[d.key] = await signIn(lang, d.email));
        const { page, digits } = s;
        await page.goto(`/events?q=${encodeURIComponent(suffix)}`);
        await page.getByRole("link", { name: titleOf(ASAS) }).click();
        await shown(page.getByRole("heading", { level: 1, name: titleOf(ASAS) }));
        const about = page.getByRole("region", { name: t("events.about") });
        // Before registering: no join link, only the note.
        await shown(about.getByText(t("events.join_hidden")));
        const panel = page.getByRole("region", { name: t("events.registration_title"), exact: true });
        await panel.getByRole("button", { name: t("events.register") }).click();
        await shown(panel.getByText(t("events.registered_confirmed")).first());
        await shown(about.getByRole("link", { name: t("events.join") }));
        expect(await about.getByRole("link", { name: t("events.join") }).getAttribute("href")).toBe(joinUrl("asas"));
        await shown(panel.getByRole("button", { name: t("events.cancel_registration") }));
        const confirmed = d === FIRST ? "1" : "2";
        await shown(panel.getByText(fmt(lang, "events.seats", { confirmed: digitsOf(confirmed, digits), capacity: digitsOf("2", digits) })));
        await screenshot(page, `${lang}-asas-04-confirmed-${d.key}`);
        expect(s.errors).toEqual([]);
      }
    });

    it("the third delegate finds the seats taken, lands on the waitlist at position 1 and gets no join link", async () => {
      const s = (delegates[THIRD.key] = await signIn(lang, THIRD.email));
      const { page, digits } = s;
      await page.goto(`/events?q=${encodeURIComponent(suffix)}`);
      await page.getByRole("link", { name: titleOf(ASAS) }).click();
      await shown(page.getByRole("heading", { level: 1, name: titleOf(ASAS) }));
      const panel = page.getByRole("region", { name: t("events.registration_title"), exact: true });
      await shown(panel.getByText(t("events.full_note")));
      await panel.getByRole("button", { name: t("events.register") }).click();
      const waitlisted = fmt(lang, "events.registered_waitlisted", { position: digitsOf("1", digits) });
      await shown(panel.getByText(waitlisted).first());
      const about = page.getByRole("region", { name: t("events.about") });
      await shown(about.getByText(t("events.join_hidden")));
      expect(await about.getByRole("link", { name: t("events.join") }).count()).toBe(0);
      // Still so after a reload.
      await page.reload();
      await shown(panel.getByText(waitlisted));
      expect(await page.getByRole("link", { name: t("events.join") }).count()).toBe(0);
      await screenshot(page, `${lang}-asas-05-waitlisted`);
      expect(s.errors).toEqual([]);
    });

    it("the coordinator sees the three registrations with their countries", async () => {
      const { page, digits } = coordinator;
      await page.goto(`/events/${encodeURIComponent(ids.asas!)}`);
      await shown(page.getByRole("heading", { level: 1, name: titleOf(ASAS) }));
      await openTab(page, lang, "participants");
      const section = page.getByRole("region", { name: t("events.registrations_title"), exact: true });
      await expect.poll(() => section.locator("tbody tr").count(), WAIT).toBe(3);
      for (const d of DELEGATES) await shown(section.getByText(`${countryName(d)}: ${digitsOf("1", digits)}`, { exact: true }));
      const rows = section.locator("tbody tr");
      for (const [i, d] of DELEGATES.entries()) expect(await rows.nth(i).innerText()).toContain(d.email);
      expect(await rows.nth(0).innerText()).toContain(t("events.registration_statuses.confirmed"));
      expect(await rows.nth(1).innerText()).toContain(t("events.registration_statuses.confirmed"));
      expect(await rows.nth(2).innerText()).toContain(fmt(lang, "events.state_waitlisted", { position: digitsOf("1", digits) }));
      await screenshot(page, `${lang}-asas-06-registrations`);
      expect(coordinator.errors).toEqual([]);
    });

    it("when a confirmed delegate cancels, the waitlisted one is promoted and gets the join link", async () => {
      const leaving = delegates[SECOND.key]!;
      const panel = leaving.page.getByRole("region", { name: t("events.registration_title"), exact: true });
      await panel.getByRole("button", { name: t("events.cancel_registration") }).click();
      await shown(panel.getByText(t("events.registration_cancelled")));
      await shown(panel.getByRole("button", { name: t("events.register") }));
      await shown(leaving.page.getByRole("region", { name: t("events.about") }).getByText(t("events.join_hidden")));
      await screenshot(leaving.page, `${lang}-asas-07-cancelled-${SECOND.key}`);
      expect(leaving.errors).toEqual([]);

      const promoted = delegates[THIRD.key]!;
      await promoted.page.reload();
      const mine = promoted.page.getByRole("region", { name: t("events.registration_title"), exact: true });
      await shown(mine.getByText(t("events.registered_confirmed")));
      const about = promoted.page.getByRole("region", { name: t("events.about") });
      expect(await about.getByRole("link", { name: t("events.join") }).getAttribute("href")).toBe(joinUrl("asas"));
      await screenshot(promoted.page, `${lang}-asas-08-promoted-${THIRD.key}`);
      expect(promoted.errors).toEqual([]);
    });

    it("the coordinator's registrations list follows: Qatar and Kuwait confirmed, Indonesia gone", async () => {
      const { page, digits } = coordinator;
      await page.reload();
      await openTab(page, lang, "participants");
      const section = page.getByRole("region", { name: t("events.registrations_title"), exact: true });
      await expect.poll(() => section.locator("tbody tr").count(), WAIT).toBe(2);
      for (const d of [FIRST, THIRD]) await shown(section.getByText(`${countryName(d)}: ${digitsOf("1", digits)}`, { exact: true }));
      expect(await section.getByText(countryName(SECOND), { exact: false }).count()).toBe(0);
      await expect.poll(() => section.getByText(t("events.registration_statuses.confirmed"), { exact: true }).count()).toBe(2);
      await screenshot(page, `${lang}-asas-09-registrations-after`);
      expect(coordinator.errors).toEqual([]);
    });

    // Attendance: the import of the platform's report and the report per country.
    const csv = [
      "Name,User Email,Duration (Minutes)",
      `Mohammed Al-Nuaimi,${FIRST.email},95`,
      `Mishari Al-Rashidan,${THIRD.email},120`,
      "Unknown Guest,unknown.guest@example.org,40",
      "Broken Line,not-an-email,12",
    ].join("\n");

    it("previews the attendance report: unmatched and invalid lines reported, nothing written", async () => {
      const { page, digits } = coordinator;
      await openTab(page, lang, "attendance");
      const attendance = page.getByRole("region", { name: t("events.attendance.title"), exact: true });
      const stat = (key: string) => attendance.locator(".stat").filter({ has: page.getByText(t(key), { exact: true }) }).locator("dd");
      await expect.poll(() => stat("events.attendance.expected").innerText(), WAIT).toBe(digitsOf("2", digits));
      expect(await stat("events.attendance.attended").innerText()).toBe(digitsOf("0", digits));

      const importer = page.getByRole("region", { name: t("events.import.title") });
      await importer.getByLabel(t("events.import.file")).setInputFiles({ name: "teams-attendance.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await importer.getByRole("button", { name: t("events.import.preview"), exact: true }).click();
      await shown(importer.getByRole("heading", { name: t("events.import.preview_title") }));
      await shown(importer.getByText(t("events.import.nothing_yet")));
      for (const [status, count] of [["new", 2], ["unmatched", 1], ["invalid", 1]] as const) {
        await shown(importer.getByText(`${t(`events.import.statuses.${status}`)}: ${digitsOf(String(count), digits)}`, { exact: true }));
      }
      const row = (email: string) => importer.locator("tbody tr").filter({ hasText: email });
      await expect.poll(() => importer.locator("tbody tr").count()).toBe(4);
      expect(await row(FIRST.email).innerText()).toContain(t("events.import.statuses.new"));
      expect(await row(THIRD.email).innerText()).toContain(t("events.import.statuses.new"));
      expect(await row("unknown.guest@example.org").innerText()).toContain(t("events.import.unmatched_hint"));
      expect(await row("not-an-email").innerText()).toContain(t("events.import.statuses.invalid"));
      await screenshot(page, `${lang}-asas-10-import-preview`);

      // Nothing written yet: the list and the totals still say nobody attended (and so does the server).
      expect(await stat("events.attendance.attended").innerText()).toBe(digitsOf("0", digits));
      const list = page.getByRole("region", { name: t("events.attendance.list_title"), exact: true });
      await expect.poll(() => list.getByText(t("events.attendance.not_recorded"), { exact: true }).count()).toBe(2);
      const server = await (await page.request.get(`/api/events/${encodeURIComponent(ids.asas!)}/attendance`)).json();
      expect(server.totals).toEqual({ expected: 2, attended: 0 });
      expect(coordinator.errors).toEqual([]);
    });

    it("commits the attendance report and reads attendance per country", async () => {
      const { page, digits } = coordinator;
      const importer = page.getByRole("region", { name: t("events.import.title") });
      await importer.getByRole("button", { name: fmt(lang, "events.import.confirm", { count: 2, n: digitsOf("2", digits) }) }).click();
      await shown(importer.getByText(fmt(lang, "events.import.done", { count: 2, n: digitsOf("2", digits) })));

      const attendance = page.getByRole("region", { name: t("events.attendance.title"), exact: true });
      const stat = (key: string) => attendance.locator(".stat").filter({ has: page.getByText(t(key), { exact: true }) }).locator("dd");
      await expect.poll(() => stat("events.attendance.attended").innerText(), WAIT).toBe(digitsOf("2", digits));
      const byCountry = attendance.getByRole("table", { name: t("events.attendance.by_country") });
      for (const d of [FIRST, THIRD]) {
        const row = byCountry.getByRole("row").filter({ has: page.getByRole("rowheader", { name: countryName(d), exact: true }) });
        await shown(row);
        // Organisations present, expected, attended.
        expect(await row.getByRole("cell").allInnerTexts()).toEqual([digitsOf("1", digits), digitsOf("1", digits), digitsOf("1", digits)]);
      }
      expect(await byCountry.getByRole("rowheader", { name: countryName(SECOND), exact: true }).count()).toBe(0);

      // Each delegate present, from the report, with the minutes connected.
      const list = page.getByRole("region", { name: t("events.attendance.list_title"), exact: true });
      for (const [d, minutes] of [[FIRST, 95], [THIRD, 120]] as const) {
        const row = list.locator("tbody tr").filter({ hasText: d.email });
        await shown(row.getByText(t("events.attendance.present"), { exact: true }));
        const shownText = await row.innerText();
        expect(shownText).toContain(t("events.attendance.sources.import"));
        expect(shownText).toContain(fmt(lang, "events.attendance.minutes", { count: minutes, n: digitsOf(String(minutes), digits) }));
      }
      await screenshot(page, `${lang}-asas-11-attendance`);

      // Importing the same report again would write nothing new.
      await importer.getByLabel(t("events.import.file")).setInputFiles({ name: "teams-attendance.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
      await importer.getByRole("button", { name: t("events.import.preview"), exact: true }).click();
      await shown(importer.getByText(`${t("events.import.statuses.already")}: ${digitsOf("2", digits)}`, { exact: true }));
      expect(await importer.getByRole("button", { name: fmt(lang, "events.import.confirm", { count: 0, n: digitsOf("0", digits) }) }).isDisabled()).toBe(true);
      const server = await (await page.request.get(`/api/events/${encodeURIComponent(ids.asas!)}/attendance`)).json();
      expect(server.totals).toEqual({ expected: 2, attended: 2 });
      expect(coordinator.errors).toEqual([]);
    });
  });
}
