/**
 * Events in the browser, on the demo data of both seed situations: the GCC offices' meeting
 * of 6 Dhu al-Hijjah 1446 (2 June 2025) with Qatar's delegation, and the Asas workshop.
 * Runs in Arabic and in English; screenshots go to e2e/artifacts/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, screenshot, startServer, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";
import { signIn as signInAs } from "./scenario.js";

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

/** Sign in through the form in a fresh context, in `lang` (the scenario specs' sign-in). */
async function signIn(lang: Lang, email: string): Promise<Page> {
  return (await signInAs(browser, server, lang, email)).page;
}

for (const lang of ["ar", "en"] as const) {
  describe(`events in the browser (${lang})`, () => {
    it("shows the GCC meeting on 6 Dhu al-Hijjah 1446 = 2 June 2025 with Qatar's delegation led by its deputy head", async () => {
      const page = await signIn(lang, "khalid.alkuwari@hajj-qa.rifada.test");
      await page.goto("/events?when=past");
      const title = lang === "ar" ? "الاجتماع السنوي لرؤساء مكاتب شؤون الحجاج بدول مجلس التعاون" : "Annual meeting of the heads of the GCC Hajj-affairs offices";
      const link = page.getByRole("link", { name: title, exact: true });
      await expect.poll(() => link.isVisible(), { timeout: 10_000 }).toBe(true);
      await screenshot(page, `${lang}-events`);
      await link.click();
      await expect.poll(() => page.getByRole("heading", { name: title }).isVisible(), { timeout: 10_000 }).toBe(true);
      const expected = lang === "ar" ? ["٦ ذو الحجة ١٤٤٦", "٢ يونيو ٢٠٢٥"] : ["6 Dhu al-Hijjah 1446", "2 June 2025"];
      for (const piece of expected) {
        await expect.poll(() => page.locator("main").innerText(), { timeout: 10_000 }).toContain(piece);
      }
      await screenshot(page, `${lang}-event-gcc`);
      // The delegation is on the participants' tab.
      await page.getByRole("navigation", { name: text(lang, "events.tabs.label") }).getByRole("link", { name: text(lang, "events.tabs.participants") }).click();
      await expect.poll(() => page.locator("main").innerText(), { timeout: 10_000 }).toContain(lang === "ar" ? "خالد سالم الكواري" : "Khalid Salem Al-Kuwari");
      await screenshot(page, `${lang}-event-gcc-participants`);
    });

    it("shows the Asas workshop with its opening session and speaker", async () => {
      const page = await signIn(lang, "siti.rahmawati@hajj-id.rifada.test");
      await page.goto("/events?when=past&q=" + encodeURIComponent(lang === "ar" ? "أساس" : "Asas"));
      const title = lang === "ar" ? "ورشة أساس" : "Asas workshop";
      const link = page.getByRole("link", { name: title });
      await expect.poll(() => link.isVisible(), { timeout: 10_000 }).toBe(true);
      await link.click();
      await expect.poll(() => page.getByRole("heading", { name: title }).isVisible(), { timeout: 10_000 }).toBe(true);
      for (const piece of lang === "ar" ? ["الجلسة الافتتاحية", "ياسر أحمد العمري"] : ["Opening session", "Yasser Ahmed Al-Omari"]) {
        await expect.poll(() => page.locator("main").innerText(), { timeout: 10_000 }).toContain(piece);
      }
      await screenshot(page, `${lang}-event-asas`);
    });
  });
}
