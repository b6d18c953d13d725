import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { attemptStorageKey } from "./AttemptAnswers.js";
import { NUMBER_SAVE_DELAY_MS } from "./AttemptQuestion.js";
import { AttemptPage } from "./AttemptPage.js";
import type { Attempt } from "./TestTypes.js";

function buildAttempt(overrides: Partial<Attempt> = {}): Attempt {
  const now = new Date().toISOString();
  return {
    id: "at-1",
    programme: { id: "p-asas", code: "ASAS-1445", titleAr: "أساس", titleEn: "Asas" },
    kind: "pre",
    trainee: { nameAr: "بلال أحمد قريشي", nameEn: "Bilal Ahmed Qureshi" },
    mine: true,
    status: "in_progress",
    startedAt: now,
    deadlineAt: null,
    graceSeconds: 30,
    serverNow: now,
    submittedAt: null,
    autoSubmitted: false,
    answeredCount: 0,
    score: null,
    maxScore: 6,
    percent: null,
    questions: [
      {
        id: "q-single", number: 1, kind: "single", points: 2, textAr: "ما أول منفذ لوصول الحجاج جوًا؟", textEn: "Which is the main air entry point for pilgrims?",
        options: [{ id: "a", textAr: "جدة", textEn: "Jeddah" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }], response: null, savedAt: null,
      },
      { id: "q-number", number: 2, kind: "numeric", points: 4, textAr: "كم عدد الدول الأعضاء في المنظمة؟", textEn: "How many member states does the OIC have?", options: [], response: null, savedAt: null },
    ],
    ...overrides,
  };
}

const submitted = (a: Attempt): Attempt => ({
  ...a,
  status: "submitted",
  submittedAt: new Date().toISOString(),
  autoSubmitted: true,
  score: 2,
  percent: 33,
  answeredCount: 1,
  questions: a.questions.map((q, i) => ({ ...q, correct: i === 0, pointsEarned: i === 0 ? 2 : 0, response: i === 0 ? { optionIds: ["a"] } : null })),
});

/** Text without direction marks (Intl puts them around percent signs). */
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u200e\u200f\u061c]/g, "");

const puts = (fetchMock: ReturnType<typeof mockFetch>) => fetchMock.mock.calls.filter(([, init]) => init?.method === "PUT");

beforeEach(() => window.localStorage.clear());
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  window.localStorage.clear();
});

describe("AttemptPage", () => {
  it("saves an answer as soon as it is chosen and says it is saved", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/attempts/at-1": () => jsonResponse(buildAttempt()),
      "PUT /api/training/attempts/at-1/answers/q-single": (_u, init) => {
        const { response } = JSON.parse(String(init.body)) as { response: unknown };
        return jsonResponse({ questionId: "q-single", response, savedAt: new Date().toISOString(), serverNow: new Date().toISOString() });
      },
    });
    renderPage(<AttemptPage />, { route: "/training/attempts/at-1", path: "/training/attempts/:id", locale: "ar" });
    expect(await screen.findByRole("heading", { level: 1, name: "الاختبار القبلي — أساس" })).toBeTruthy();
    const question = screen.getByRole("group", { name: /السؤال ١ من ٢/ });
    expect(within(question).getByText("ما أول منفذ لوصول الحجاج جوًا؟")).toBeTruthy();
    fireEvent.click(within(question).getByRole("radio", { name: "جدة" }));
    await waitFor(() => expect(within(question).getByRole("status").textContent).toBe("تم الحفظ"));
    expect(puts(fetchMock)).toHaveLength(1);
    expect(JSON.parse(String(puts(fetchMock)[0]![1]!.body))).toEqual({ response: { optionIds: ["a"] } });
    expect(screen.getByText("أُجيب عن ١ من ٢")).toBeTruthy();
    // Saved on the server: nothing left on the device.
    expect(window.localStorage.getItem(attemptStorageKey("at-1"))).toBeNull();
  });

  it("keeps a failed save on the device and retries it when the connection is back", async () => {
    let online = false;
    const fetchMock = mockFetch({
      "GET /api/training/attempts/at-1": () => jsonResponse(buildAttempt()),
      "PUT /api/training/attempts/at-1/answers/q-number": (_u, init) => {
        if (!online) throw new TypeError("Failed to fetch");
        const { response } = JSON.parse(String(init.body)) as { response: unknown };
        return jsonResponse({ questionId: "q-number", response, savedAt: new Date().toISOString(), serverNow: new Date().toISOString() });
      },
    });
    renderPage(<AttemptPage />, { route: "/training/attempts/at-1", path: "/training/attempts/:id", locale: "en", digits: "latn" });
    const question = await screen.findByRole("group", { name: /Question 2 of 2/ });
    // Typed in Arabic-Indic digits with the Arabic decimal separator.
    fireEvent.change(within(question).getByRole("textbox", { name: "Your answer (a number)" }), { target: { value: "٥٧٫٥" } });
    await waitFor(() => expect(within(question).getByRole("status").textContent).toBe("Not saved — retrying"), { timeout: NUMBER_SAVE_DELAY_MS + 2000 });
    expect(JSON.parse(window.localStorage.getItem(attemptStorageKey("at-1"))!)).toEqual({ "q-number": { value: "57.5" } });
    const failed = puts(fetchMock).length;
    expect(failed).toBeGreaterThanOrEqual(1);

    online = true;
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    await waitFor(() => expect(within(question).getByRole("status").textContent).toBe("Saved"), { timeout: 5000 });
    expect(JSON.parse(String(puts(fetchMock).at(-1)![1]!.body))).toEqual({ response: { value: "57.5" } });
    expect(window.localStorage.getItem(attemptStorageKey("at-1"))).toBeNull();
  });

  it("sends answers left on the device by a closed page when the attempt is opened again", async () => {
    window.localStorage.setItem(attemptStorageKey("at-1"), JSON.stringify({ "q-single": { optionIds: ["b"] } }));
    const fetchMock = mockFetch({
      "GET /api/training/attempts/at-1": () => jsonResponse(buildAttempt()),
      "PUT /api/training/attempts/at-1/answers/q-single": (_u, init) =>
        jsonResponse({ questionId: "q-single", response: JSON.parse(String(init.body)).response, savedAt: new Date().toISOString(), serverNow: new Date().toISOString() }),
    });
    renderPage(<AttemptPage />, { route: "/training/attempts/at-1", path: "/training/attempts/:id", locale: "en" });
    const question = await screen.findByRole("group", { name: /Question 1 of 2/ });
    await waitFor(() => expect((within(question).getByRole("radio", { name: "Riyadh" }) as HTMLInputElement).checked).toBe(true), { timeout: 5000 });
    await waitFor(() => expect(within(question).getByRole("status").textContent).toBe("Saved"), { timeout: 5000 });
    expect(puts(fetchMock)).toHaveLength(1);
    expect(window.localStorage.getItem(attemptStorageKey("at-1"))).toBeNull();
  });

  it("counts down on the server's clock, warns, and submits when the time is up", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
    // This device's clock is three hours behind the server's: the countdown must follow the server.
    const serverNow = new Date(Date.now() + 3 * 3_600_000);
    const attempt = buildAttempt({ serverNow: serverNow.toISOString(), startedAt: serverNow.toISOString(), deadlineAt: new Date(serverNow.getTime() + 61_000).toISOString() });
    const fetchMock = mockFetch({
      "GET /api/training/attempts/at-1": () => jsonResponse(attempt),
      "POST /api/training/attempts/at-1/submit": () => jsonResponse(submitted(attempt)),
    });
    renderPage(<AttemptPage />, { route: "/training/attempts/at-1", path: "/training/attempts/:id", locale: "en", digits: "latn" });
    await screen.findByRole("heading", { level: 1, name: "Pre-test — Asas" });
    const timer = screen.getByRole("timer");
    expect(timer.textContent).toMatch(/^01:0[01]$/);

    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(screen.getByRole("alert").textContent).toBe("1 minute left. The test is submitted when the time is up.");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    await act(async () => {
      vi.advanceTimersByTime(60_000);
    });
    await waitFor(() => expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "POST")).toHaveLength(1));
    expect(await screen.findByText((_, el) => el?.classList.contains("attempt-score") === true && plain(el.textContent) === "2 of 6 points (33%)")).toBeTruthy();
    expect(screen.getByText("The time ran out: the answers saved in time were graded.")).toBeTruthy();
  });

  it("lists unanswered questions before submitting, then shows the result", async () => {
    const attempt = buildAttempt();
    const fetchMock = mockFetch({
      "GET /api/training/attempts/at-1": () => jsonResponse(attempt),
      "POST /api/training/attempts/at-1/submit": () => jsonResponse({ ...submitted(attempt), autoSubmitted: false }),
    });
    renderPage(<AttemptPage />, { route: "/training/attempts/at-1", path: "/training/attempts/:id", locale: "ar" });
    fireEvent.click(await screen.findByRole("button", { name: "تسليم الاختبار" }));
    const dialog = screen.getByRole("dialog", { name: "تسليم الاختبار؟" });
    expect(within(dialog).getByText("السؤالان ١، ٢ بلا إجابة.")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "تسليم" }));
    expect(await screen.findByText((_, el) => el?.classList.contains("attempt-score") === true && plain(el.textContent) === "٢ من ٦ درجات (٣٣٪)")).toBeTruthy();
    expect(screen.getByText("لا تُعرض الإجابات الصحيحة للاختبار القبلي لأن الأسئلة نفسها تتكرر في الاختبار البعدي.")).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "POST")).toHaveLength(1);
  });
});
