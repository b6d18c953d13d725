import fs from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Logger } from "pino";
import { AppError } from "./errors.js";

/**
 * HTML → PDF with one headless Chromium, launched on first use and shared by every request.
 * At most `concurrency` pages render at once (the others wait their turn); pages are reused.
 * A browser that died is launched again on the next render. Without Chromium, rendering answers
 * PDF_RENDERER_UNAVAILABLE (503) instead of crashing the app.
 */
export interface PdfRenderer {
  /**
   * Render a self-contained HTML document (no network, no scripts) as A4.
   * @throws AppError PDF_RENDERER_UNAVAILABLE when Chromium cannot be started
   */
  render(html: string, options?: { landscape?: boolean }): Promise<Buffer>;
  /**
   * Start the browser now (before a long stream is begun, e.g. a ZIP of certificates).
   * @throws AppError PDF_RENDERER_UNAVAILABLE
   */
  ensureAvailable(): Promise<void>;
  /** Close the browser (the app's onClose). Later renders launch it again. */
  close(): Promise<void>;
}

export interface PdfRendererOptions {
  /** The Chromium binary: CHROMIUM_PATH, else /usr/bin/chromium. */
  executablePath?: string;
  /** Pages rendering at the same time (default 3). */
  concurrency?: number;
  log?: Pick<Logger, "warn" | "error">;
}

const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const RENDER_TIMEOUT_MS = 30_000;

interface Running {
  browser: Browser;
  context: BrowserContext;
  idle: Page[];
}

export function createPdfRenderer(options: PdfRendererOptions = {}): PdfRenderer {
  const executablePath = options.executablePath ?? (process.env.CHROMIUM_PATH || "/usr/bin/chromium");
  const concurrency = Math.max(1, options.concurrency ?? 3);
  let running: Running | null = null;
  let launching: Promise<Running> | null = null;
  let active = 0;
  const waiting: Array<() => void> = [];

  const unavailable = (why: string) => new AppError("PDF_RENDERER_UNAVAILABLE", { message: `PDF renderer unavailable: ${why}` });

  async function launch(): Promise<Running> {
    if (!fs.existsSync(executablePath)) throw unavailable(`${executablePath} is missing`);
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, headless: true, args: ARGS });
    } catch (err) {
      options.log?.error({ err }, "Chromium could not be started for PDF rendering");
      throw unavailable(err instanceof Error ? err.message : String(err));
    }
    // The documents are built by the app and self-contained: no scripts run, nothing is fetched.
    const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await context.route("**/*", (route) => route.abort());
    const state: Running = { browser, context, idle: [] };
    browser.on("disconnected", () => {
      if (running === state) {
        running = null;
        options.log?.warn({}, "the PDF rendering browser exited; it is started again on the next render");
      }
    });
    return state;
  }

  async function current(): Promise<Running> {
    if (running && running.browser.isConnected()) return running;
    running = null;
    if (!launching) {
      launching = launch().then(
        (state) => {
          running = state;
          launching = null;
          return state;
        },
        (err: unknown) => {
          launching = null;
          throw err;
        },
      );
    }
    return launching;
  }

  async function acquireSlot(): Promise<void> {
    if (active < concurrency) {
      active++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }

  function releaseSlot(): void {
    const next = waiting.shift();
    if (next) next();
    else active--;
  }

  async function renderOnce(html: string, landscape: boolean): Promise<Buffer> {
    const state = await current();
    const page = state.idle.pop() ?? (await state.context.newPage());
    let reusable = false;
    try {
      await page.setContent(html, { waitUntil: "load", timeout: RENDER_TIMEOUT_MS });
      const pdf = await page.pdf({ format: "A4", landscape, printBackground: true, preferCSSPageSize: false });
      reusable = true;
      return pdf;
    } finally {
      if (reusable && running === state && !page.isClosed()) state.idle.push(page);
      else await page.close().catch(() => undefined);
    }
  }

  return {
    async render(html, { landscape = false } = {}) {
      await acquireSlot();
      try {
        try {
          return await renderOnce(html, landscape);
        } catch (err) {
          // The browser may have died under us (killed, out of memory): start it again, once.
          if (err instanceof AppError || (running && running.browser.isConnected())) throw err;
          options.log?.warn({ err }, "PDF rendering failed with the browser gone; retrying once");
          return await renderOnce(html, landscape);
        }
      } finally {
        releaseSlot();
      }
    },

    async ensureAvailable() {
      await current();
    },

    async close() {
      const state = running ?? (launching ? await launching.catch(() => null) : null);
      running = null;
      if (state) await state.browser.close().catch(() => undefined);
    },
  };
}
