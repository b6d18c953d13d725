/** Shared steps of the scenario specs: sign in as someone, digits, messages, tabs, radio cards. */
import { expect } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { newContext, PASSWORD, type Server } from "./harness.js";
import { text, type Lang } from "./i18n.js";

export const WAIT = { timeout: 15_000 };

export type Digits = "arab" | "latn";

export interface Session {
  context: BrowserContext;
  page: Page;
  /** The digit style the interface shows to this user in this language. */
  digits: Digits;
  errors: string[];
}

/** Sign in through the form in a fresh context, then put the account in `lang` (the saved language wins at sign-in). */
export async function signIn(browser: Browser, server: Server, lang: Lang, email: string): Promise<Session> {
  const context = await newContext(browser, server, lang);
  context.setDefaultTimeout(WAIT.timeout);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto("/login");
  await page.locator("#login-email").fill(email);
  await page.locator("#login-password").fill(PASSWORD);
  await page.getByRole("button", { name: text(lang, "auth.sign_in"), exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const me = await page.evaluate(async (locale) => {
    const session = await (await fetch("/api/auth/session")).json();
    const r = await fetch("/api/me", { method: "PATCH", headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken }, body: JSON.stringify({ locale }) });
    return { status: r.status, body: await r.json() };
  }, lang);
  expect(me.status).toBe(200);
  await page.reload();
  await expect.poll(() => page.locator("html").getAttribute("lang")).toBe(lang);
  // English text always takes Latin digits; Arabic follows the account's setting.
  const digits: Digits = lang === "en" ? "latn" : me.body.digits === "latn" ? "latn" : "arab";
  return { context, page, digits, errors };
}

/** Latin digits → Arabic-Indic when the user reads those. */
export function digitsOf(s: string, digits: Digits): string {
  return digits === "arab" ? s.replace(/[0-9]/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!) : s;
}

/** A catalog message formatted as the interface does (ICU: placeholders and plural forms). */
export function fmt(lang: Lang, key: string, values: Record<string, string | number>): string {
  return String(new IntlMessageFormat(text(lang, key), lang).format(values));
}

/** Open one of the event page's tabs (?tab=…) and wait until it is the current one. */
export async function openTab(page: Page, lang: Lang, tab: "overview" | "participants" | "attendance" | "minutes" | "files"): Promise<void> {
  const link = page.getByRole("navigation", { name: text(lang, "events.tabs.label") }).getByRole("link", { name: text(lang, `events.tabs.${tab}`) });
  await link.click();
  await expect.poll(() => link.getAttribute("aria-current"), WAIT).toBe("page");
}

export const shown = (locator: Locator) => locator.waitFor({ state: "visible", ...WAIT });

/**
 * Choose a radio of a RadioGroupField. Its option is a card whose label covers the input (the
 * whole surface selects it), so Playwright sees the label "intercept" a click on the input;
 * clicking there is what a user does, and `check` then verifies the radio really got checked.
 */
export async function choose(radio: Locator): Promise<void> {
  await radio.waitFor({ state: "attached", ...WAIT });
  if (!(await radio.isChecked())) await radio.check({ force: true });
}

/**
 * Call the API from a signed-in page (its session cookie and CSRF token), for set-up that is not
 * the point of a test. Answers the status and the parsed JSON body (or the text).
 */
export async function callApi<T = any>(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = await (await fetch("/api/auth/session")).json();
      const headers: Record<string, string> = { "x-csrf-token": session.csrfToken };
      if (body !== undefined) headers["content-type"] = "application/json";
      const r = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await r.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON */
      }
      return { status: r.status, body: parsed as never };
    },
    { method, url, body },
  );
}

/**
 * Text as read, without the invisible direction marks and isolates (Intl and bidi-safe rendering
 * add them around numbers and percent signs) and with plain spaces: for comparing what the page
 * shows with a message formatted here.
 */
export function plain(s: string): string {
  return s.replace(/[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g, "").replace(/[\u00a0\u202f]/g, " ").replace(/\s+/g, " ").trim();
}
