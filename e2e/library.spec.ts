/**
 * The library of practices and the one search box, in the browser (Arabic and English):
 * the Kuwaiti office's admin writes a practice in Arabic shared with the GCC Hajj-affairs
 * offices; a member of the Qatari mission finds it from the header's search box with a
 * differently spelled query (no hamza, other prefixes: "والاسعافات الحافلات" finds
 * "الإسعافات" and "بالحافلات"), sees the words highlighted, opens it and asks a question;
 * a member of the Indonesian mission, outside the group, finds nothing and does not see it
 * in the library.
 *
 * Each run writes its own entry (a random code in its title and text, also in the query,
 * so the seeded practices never match). Screenshots go to e2e/artifacts/<lang>-library-<step>.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { choose, digitsOf, fmt, shown, signIn as signInAs, WAIT, type Session } from "./scenario.js";

const KUWAIT_ADMIN = "mishari.alrashidan@hajj-kw.rifada.test";
const QATAR_MEMBER = "mohammed.alnuaimi@hajj-qa.rifada.test";
const INDONESIA_MEMBER = "siti.rahmawati@hajj-id.rifada.test";

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

/** Type a query in the header's search box and submit it. */
async function searchFromHeader(page: Page, lang: Lang, query: string): Promise<void> {
  const box = page.getByRole("search", { name: text(lang, "search.header_label") }).getByRole("searchbox");
  await box.fill(query);
  await box.press("Enter");
  await page.waitForURL((url) => url.pathname === "/search" && url.searchParams.get("q") === query);
}

for (const lang of ["ar", "en"] as const) {
  const t = (key: string) => text(lang, key);
  // Letters and digits: one index term of its own, found only in this run's entry.
  const code = `k${Math.random().toString(36).slice(2, 7)}7`;
  const title = `تجميع أمتعة الحجاج حسب ألوان المخيمات ${code}`;
  const body = `يتسلّم كل حاج بطاقة بلون مخيمه، وتُنقل الأمتعة بالحافلات إلى المخيمات في منى. ويرافق كل حافلة مشرف مدرَّب على الإسعافات الأولية. الرمز ${code}.`;
  // No hamza on الإسعافات, another prefix (و), and الحافلات for بالحافلات.
  const query = `والاسعافات الحافلات ${code}`;
  const question = "هل تُستخدم الألوان نفسها للحافلات في عرفات؟";

  describe(`the library of practices and the search box (${lang})`, () => {
    const sessions: Session[] = [];
    let entryPath = "";

    afterAll(async () => {
      for (const s of sessions) await s.context.close();
    });

    it("the Kuwaiti admin writes a practice in Arabic, shared with the GCC Hajj-affairs offices", async () => {
      const kuwait = await signIn(lang, KUWAIT_ADMIN);
      sessions.push(kuwait);
      const { page } = kuwait;
      await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.library") }).click();
      await page.waitForURL(/\/library$/);
      await shown(page.getByRole("heading", { level: 1, name: t("library.title") }));
      await shown(page.locator(".library-card").first());
      await screenshot(page, `${lang}-library-list`);

      await page.getByRole("link", { name: t("library.new_entry") }).click();
      await page.waitForURL(/\/library\/new$/);
      await shown(page.getByRole("heading", { level: 1, name: t("library.form.new_title") }));
      await page.getByLabel(t("library.kind_label")).selectOption("practice");
      await page.getByLabel(t("library.category_label")).selectOption("transport");
      await page.getByLabel(t("library.form.title_ar"), { exact: true }).fill(title);
      const editor = page.getByRole("textbox", { name: t("library.form.body_ar"), exact: true });
      await editor.click();
      await page.keyboard.type(body);
      const tags = page.getByLabel(t("library.tags_label"), { exact: true });
      for (const tag of ["الأمتعة", "الحافلات"]) {
        await tags.fill(tag);
        await tags.press("Enter");
      }
      await shown(page.getByRole("button", { name: fmt(lang, "library.form.tag_remove", { tag: "الحافلات" }) }));
      await page.getByLabel(t("library.season_label"), { exact: true }).selectOption("1446");
      await choose(page.getByRole("radio", { name: t("library.form.scope.group") }));
      const group = page.getByRole("combobox", { name: t("library.form.group_label") });
      await expect.poll(() => group.locator("option").count(), WAIT).toBeGreaterThan(1);
      await group.selectOption("gcc-hajj-offices");
      await screenshot(page, `${lang}-library-form`);

      await page.getByRole("button", { name: t("library.form.create") }).click();
      await page.waitForURL((url) => /^\/library\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith("/new"));
      entryPath = new URL(page.url()).pathname;
      await shown(page.getByRole("heading", { level: 1, name: title }));
      const main = page.locator("main");
      await expect.poll(() => main.innerText(), WAIT).toContain("الإسعافات الأولية");
      await expect.poll(() => main.innerText(), WAIT).toContain(lang === "ar" ? "مكاتب شؤون الحجاج بدول مجلس التعاون" : "GCC Hajj-affairs offices");
      // The text reads right to left whatever the interface language.
      expect(await page.locator(".entry-text .library-body").getAttribute("dir")).toBe("rtl");
      await screenshot(page, `${lang}-library-entry`);
      expect(kuwait.errors).toEqual([]);
    });

    it("a Qatari member finds it from the header with another spelling, sees the words highlighted, and asks a question", async () => {
      expect(entryPath).not.toBe("");
      const qatar = await signIn(lang, QATAR_MEMBER);
      sessions.push(qatar);
      const { page, digits } = qatar;
      await searchFromHeader(page, lang, query);
      const result = page.getByRole("link", { name: title });
      await shown(result);
      expect(await result.getAttribute("href")).toBe(entryPath);
      await expect.poll(() => page.locator(".result-count").innerText(), WAIT).toContain(fmt(lang, "search.count", { count: 1, n: digitsOf("1", digits) }));
      const marks = await page.locator(".search-snippet mark").allInnerTexts();
      expect(marks.length).toBeGreaterThan(0);
      expect(marks.some((m) => m.includes("الإسعافات") || m.includes("الحافلات"))).toBe(true);
      // The facets offer the type with its count.
      const facets = page.getByRole("complementary", { name: t("search.filters") });
      await shown(facets.getByRole("button", { name: fmt(lang, "search.facet_option", { label: t("search.type.library"), n: digitsOf("1", digits) }) }));
      await screenshot(page, `${lang}-library-search`);

      await result.click();
      await page.waitForURL((url) => url.pathname === entryPath);
      await shown(page.getByRole("heading", { level: 1, name: title }));
      const comments = page.getByRole("region", { name: t("library.comments.title") });
      await choose(comments.getByRole("radio", { name: t("library.comments.kind.question") }));
      await comments.getByLabel(t("library.comments.body_label")).fill(question);
      await comments.getByRole("button", { name: t("library.comments.post"), exact: true }).click();
      await shown(comments.getByText(t("library.comments.posted")));
      const posted = comments.getByRole("article", { name: "محمد جاسم النعيمي" });
      await shown(posted.getByText(question));
      await shown(posted.getByText(t("library.comments.kind.question"), { exact: true }));
      await screenshot(page, `${lang}-library-question`);
      expect(qatar.errors).toEqual([]);
    });

    it("an Indonesian member, outside the GCC group, finds nothing and does not see it in the library", async () => {
      const indonesia = await signIn(lang, INDONESIA_MEMBER);
      sessions.push(indonesia);
      const { page, digits } = indonesia;
      await searchFromHeader(page, lang, query);
      await shown(page.getByText(fmt(lang, "search.empty", { q: query })));
      await expect.poll(() => page.locator(".result-count").innerText(), WAIT).toContain(fmt(lang, "search.count", { count: 0, n: digitsOf("0", digits) }));
      expect(await page.getByRole("link", { name: title }).count()).toBe(0);
      await screenshot(page, `${lang}-library-search-outsider`);
      // On a phone the header's search box takes a row of its own.
      await page.setViewportSize({ width: 390, height: 844 });
      await screenshot(page, `${lang}-library-search-phone`);
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.goto("/library");
      await shown(page.locator(".library-card").first());
      expect(await page.getByRole("link", { name: title }).count()).toBe(0);
      // Nor can the entry be opened by its address.
      await page.goto(entryPath);
      await shown(page.getByText(t("errors.LIBRARY_ENTRY_NOT_FOUND")));
      expect(indonesia.errors).toEqual([]);
    });

    it("the Kuwaiti admin adds the English translation; the entry keeps its history", async () => {
      const kuwait = sessions[0]!;
      const { page, digits } = kuwait;
      await page.goto(entryPath);
      await page.getByRole("link", { name: t("common.edit"), exact: true }).click();
      await page.waitForURL((url) => url.pathname === `${entryPath}/edit`);
      const titleEn = `Grouping pilgrims' luggage by camp colour ${code}`;
      await page.getByLabel(t("library.form.title_en"), { exact: true }).fill(titleEn);
      await page.getByRole("textbox", { name: t("library.form.body_en"), exact: true }).click();
      await page.keyboard.type("Each bag carries a tag in the camp's colour; buses take the luggage to the camps in Mina, with a supervisor trained in first aid.");
      // Both languages are written now: Arabic stays the main one.
      expect(await page.getByRole("radio", { name: t("common.languages.ar") }).isChecked()).toBe(true);
      await page.getByRole("button", { name: t("common.save_changes") }).click();
      await page.waitForURL((url) => url.pathname === entryPath);
      const other = lang === "ar" ? "en" : "ar";
      await shown(page.getByRole("button", { name: t(`library.entry.read_in.${other}`) }));
      await shown(page.getByRole("heading", { level: 1, name: lang === "ar" ? title : titleEn }));

      await page.getByRole("button", { name: t("library.entry.history_show") }).click();
      await shown(page.getByRole("button", { name: fmt(lang, "library.entry.history_view", { n: digitsOf("1", digits) }) }));
      await page.getByRole("button", { name: fmt(lang, "library.entry.history_view", { n: digitsOf("1", digits) }) }).click();
      await shown(page.locator(".version-text").getByText("الإسعافات الأولية", { exact: false }));
      await screenshot(page, `${lang}-library-history`);
      expect(kuwait.errors).toEqual([]);
    });
  });
}
