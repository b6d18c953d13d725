import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { TestsTab } from "./TestsTab.js";
import type { Assessment, BankQuestion } from "./TestTypes.js";
import type { ProgrammeDetail } from "./types.js";

const programme = { id: "p-asas", titleAr: "أساس", titleEn: "Asas" } as unknown as ProgrammeDetail;
const q = (id: string, textEn: string, points: number): BankQuestion => ({
  id, programmeId: "p-asas", position: 1, kind: "true_false", textAr: `سؤال ${id}`, textEn, options: [], answerKey: { optionIds: ["true"] }, points, version: 1,
  inUse: false, usedIn: [], archivedAt: null, createdAt: "2024-05-20T08:00:00.000Z", updatedAt: "2024-05-20T08:00:00.000Z",
});
const BANK = [q("q-1", "Hajj begins on 8 Dhu al-Hijjah.", 1), q("q-2", "Mina is a holy site.", 2)];
const PRE: Assessment = {
  id: "a-pre", kind: "pre", timeLimitMinutes: 20, opensAt: "2024-05-26T06:00:00.000Z", closesAt: null, published: true, isOpen: true, questionCount: 2, maxScore: 3, version: 3,
  questions: BANK.map((x, i) => ({ id: x.id, position: i + 1, kind: x.kind, textAr: x.textAr, textEn: x.textEn, points: x.points })), attemptsCount: 4, submittedCount: 3, locked: true,
};

afterEach(() => vi.unstubAllGlobals());

describe("TestsTab", () => {
  it("shows a started test as locked but lets its settings change; sets up the post-test from the pre-test's questions", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/assessments": () => jsonResponse({ pre: PRE, post: null, manages: true, enrolled: false, serverNow: new Date().toISOString() }),
      "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: BANK }),
      "GET /api/training/programmes/p-asas/survey/summary": () => jsonResponse({ responses: 0, enrolled: 4, items: [], texts: [], textsTotal: 0 }),
      "PUT /api/training/programmes/p-asas/assessments/post": (_u, init) => jsonResponse({ ...PRE, id: "a-post", kind: "post", ...JSON.parse(String(init.body)), version: 1, locked: false, attemptsCount: 0 }),
    });
    renderPage(<TestsTab programme={programme} onChanged={() => undefined} />, { locale: "en", digits: "latn" });
    const pre = await screen.findByRole("form", { name: "Pre-test" });
    expect(within(pre).getByText("Questions locked")).toBeTruthy();
    expect(within(pre).getByText(/4 trainees have started this test/)).toBeTruthy();
    expect(within(pre).queryByRole("button", { name: /Remove/ })).toBeNull();
    expect((within(pre).getByRole("textbox", { name: /Time limit/ }) as HTMLInputElement).value).toBe("20");
    expect((within(pre).getByLabelText("Opening time") as HTMLInputElement).value).toBe("09:00");

    const post = screen.getByRole("form", { name: "Post-test" });
    fireEvent.click(within(post).getByRole("button", { name: "Use the pre-test's questions" }));
    expect(within(post).getByText("Total: 3 points")).toBeTruthy();
    fireEvent.change(within(post).getByRole("textbox", { name: /Time limit/ }), { target: { value: "٣٠" } });
    fireEvent.click(within(post).getByRole("checkbox", { name: /Published/ }));
    fireEvent.click(within(post).getByRole("button", { name: "Save" }));
    await within(post).findByText("Post-test saved.");
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(JSON.parse(String(put[1]!.body))).toEqual({ questionIds: ["q-1", "q-2"], timeLimitMinutes: 30, opensAt: null, closesAt: null, published: true });
  });

  it("refuses a time limit that is not a whole number before sending", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/assessments": () => jsonResponse({ pre: null, post: null, manages: true, enrolled: false, serverNow: new Date().toISOString() }),
      "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: BANK }),
      "GET /api/training/programmes/p-asas/survey/summary": () => jsonResponse({ responses: 0, enrolled: 0, items: [], texts: [], textsTotal: 0 }),
    });
    renderPage(<TestsTab programme={programme} onChanged={() => undefined} />, { locale: "ar" });
    const pre = await screen.findByRole("form", { name: "الاختبار القبلي" });
    const limit = within(pre).getByRole("textbox", { name: /المدة المحددة/ });
    fireEvent.change(limit, { target: { value: "١٢٫٥" } });
    fireEvent.click(within(pre).getByRole("button", { name: "حفظ" }));
    await waitFor(() => expect(limit.getAttribute("aria-invalid")).toBe("true"));
    expect(within(pre).getByText("أدخل عددًا صحيحًا من الدقائق.")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(false);
  });
});
