/**
 * The foundation in a real browser (Debian's Chromium, headless), once in Arabic and
 * once in English: sign in, switch language, search the directory across Arabic
 * spelling variants, edit an organisation as its admin, be refused as a member of
 * another mission. Screenshots of the key pages go to e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchBrowser, newContext, PASSWORD, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";

const KUWAIT_ADMIN = "mishari.alrashidan@hajj-kw.rifada.test";
const INDONESIA_MEMBER = "siti.rahmawati@hajj-id.rifada.test";
const COORDINATOR = "coordinator@oic.rifada.test";

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

/** Sign in through the form, then make sure the interface is in `lang` (the user's saved language wins at sign-in). */
async function signIn(context: BrowserContext, email: string, lang: Lang): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/login");
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(PASSWORD);
  await page.getByRole("button", { name: text(lang, "auth.sign_in"), exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  // The account's saved language wins at sign-in; set it to the language under test, then reload.
  const status = await page.evaluate(async (locale) => {
    const session = await (await fetch("/api/auth/session")).json();
    const r = await fetch("/api/me", { method: "PATCH", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ locale }) });
    return r.status;
  }, lang);
  expect(status).toBe(200);
  await page.reload();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
  expect(errors).toEqual([]);
  return page;
}

for (const lang of ["ar", "en"] as const) {
  const dir = lang === "ar" ? "rtl" : "ltr";

  describe(`foundation in the browser (${lang})`, () => {
    it("shows the sign-in page in the remembered language, signs in, and remembers a switch", async () => {
      const context = await newContext(browser, server, lang);
      const page = await context.newPage();
      await page.goto("/login");
      expect(await page.locator("html").getAttribute("dir")).toBe(dir);
      await expect.poll(() => page.getByRole("heading", { name: text(lang, "auth.login_title") }).isVisible()).toBe(true);
      await screenshot(page, `${lang}-login`);

      // A wrong password: the server's message in this language, and the email stays typed.
      await page.locator("#login-email").fill(COORDINATOR);
      await page.locator("#login-password").fill("not-the-password");
      await page.getByRole("button", { name: text(lang, "auth.sign_in"), exact: true }).click();
      await expect.poll(() => page.getByText(text(lang, "errors.INVALID_CREDENTIALS")).first().isVisible()).toBe(true);
      expect(await page.locator("#login-email").inputValue()).toBe(COORDINATOR);
      await page.close();

      const signed = await signIn(context, COORDINATOR, lang);
      await screenshot(signed, `${lang}-home`);
      // Switch to the other language and back: <html lang dir> follow, and a reload keeps the choice.
      const other: Lang = lang === "ar" ? "en" : "ar";
      const saved = signed.waitForResponse((r) => r.url().endsWith("/api/me") && r.request().method() === "PATCH");
      await signed.locator(".language-switch").click();
      expect((await saved).status()).toBe(200);
      await expect.poll(() => signed.locator("html").getAttribute("lang")).toBe(other);
      expect(await signed.locator("html").getAttribute("dir")).toBe(other === "ar" ? "rtl" : "ltr");
      await signed.reload();
      await expect.poll(() => signed.locator("html").getAttribute("lang")).toBe(other);
      await signed.locator(".language-switch").click();
      await expect.poll(() => signed.locator("html").getAttribute("lang")).toBe(lang);
      await context.close();
    });

    it("searches the directory across Arabic spelling variants and filters by group", async () => {
      const context = await newContext(browser, server, lang);
      const page = await signIn(context, COORDINATOR, lang);
      await page.goto("/directory/organisations");
      const search = page.getByLabel(text(lang, "directory.search_label"));
      // ة typed as ه, no article: still the Kuwaiti mission.
      await search.fill("الكويتيه");
      const kuwait = lang === "ar" ? "بعثة الحج الكويتية" : "Kuwaiti Hajj Mission";
      await expect.poll(() => page.getByRole("link", { name: kuwait }).isVisible(), { timeout: 10_000 }).toBe(true);
      expect(new URL(page.url()).searchParams.get("q")).toBe("الكويتيه");
      await screenshot(page, `${lang}-directory-search`);

      await page.goto("/directory/organisations?group=gcc-hajj-offices");
      await expect.poll(() => page.locator("table tbody tr").count(), { timeout: 10_000 }).toBe(6);
      await screenshot(page, `${lang}-directory-gcc`);

      await page.goto("/directory/people?q=" + encodeURIComponent("الكواري"));
      const deputy = lang === "ar" ? "خالد سالم الكواري" : "Khalid Salem Al-Kuwari";
      await expect.poll(() => page.getByRole("link", { name: deputy }).isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, `${lang}-people-search`);
      await page.getByRole("link", { name: deputy }).click();
      await expect.poll(() => page.getByRole("heading", { name: deputy }).isVisible()).toBe(true);
      await screenshot(page, `${lang}-person`);
      await context.close();
    });

    it("lets the Kuwaiti mission's admin edit their own organisation", async () => {
      const context = await newContext(browser, server, lang);
      const page = await signIn(context, KUWAIT_ADMIN, lang);
      await page.goto("/directory/organisations/hajj-kw");
      await page.getByRole("link", { name: text(lang, "common.edit") }).first().click();
      await page.waitForURL(/\/edit$/);
      const phone = lang === "ar" ? "+965 2200 0001" : "+965 2200 0002";
      await page.locator("#org-phone").fill(phone);
      await screenshot(page, `${lang}-organisation-edit`);
      await page.getByRole("button", { name: text(lang, "common.save_changes") }).click();
      await page.waitForURL((url) => url.pathname === "/directory/organisations/hajj-kw");
      await expect.poll(() => page.getByText(phone).isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, `${lang}-organisation`);

      // Bad input: an error naming the field, in this language, and what was typed stays.
      await page.goto("/directory/organisations/hajj-kw/edit");
      await page.locator("#org-phone").fill("call us");
      await page.getByRole("button", { name: text(lang, "common.save_changes") }).click();
      await expect.poll(() => page.getByText(text(lang, "fields.phone"), { exact: false }).count()).toBeGreaterThan(1);
      expect(await page.locator("#org-phone").inputValue()).toBe("call us");
      expect(await page.locator("#org-phone").getAttribute("aria-invalid")).toBe("true");
      await screenshot(page, `${lang}-organisation-edit-error`);
      await context.close();
    });

    it("refuses a member of another mission", async () => {
      const context = await newContext(browser, server, lang);
      const page = await signIn(context, INDONESIA_MEMBER, lang);
      await page.goto("/directory/organisations/hajj-kw");
      const kuwait = lang === "ar" ? "بعثة الحج الكويتية" : "Kuwaiti Hajj Mission";
      await expect.poll(() => page.getByRole("heading", { name: kuwait }).isVisible()).toBe(true);
      expect(await page.getByRole("link", { name: text(lang, "common.edit") }).count()).toBe(0);
      await page.goto("/directory/organisations/hajj-kw/edit");
      await expect.poll(() => page.getByRole("heading", { name: text(lang, "common.forbidden_title") }).isVisible()).toBe(true);
      await screenshot(page, `${lang}-forbidden`);
      // And the API itself refuses, whatever the page shows.
      const status = await page.evaluate(async () => {
        const session = await (await fetch("/api/auth/session")).json();
        const org = await (await fetch("/api/organisations/hajj-kw")).json();
        const r = await fetch(`/api/organisations/${org.id}`, { method: "PATCH", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ phone: "+1 000" }) });
        return r.status;
      });
      expect(status).toBe(403);
      await page.goto("/admin/users");
      await expect.poll(() => page.getByRole("heading", { name: text(lang, "common.forbidden_title") }).isVisible()).toBe(true);
      await context.close();
    });

    it("shows the account and administration pages", async () => {
      const context = await newContext(browser, server, lang);
      const page = await signIn(context, COORDINATOR, lang);
      for (const [url, name] of [
        ["/account", "account"],
        ["/admin/users", "admin-users"],
        ["/admin/audit", "admin-audit"],
        ["/admin/outbox", "admin-outbox"],
        ["/directory/groups/gcc-hajj-offices", "group"],
      ] as const) {
        await page.goto(url);
        await page.waitForLoadState("networkidle");
        expect(await page.locator(".alert--error, [role=alert].error").count(), url).toBe(0);
        await screenshot(page, `${lang}-${name}`);
      }
      await context.close();
    });
  });
}
