import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { QuestionsTab } from "./QuestionsTab.js";
import type { BankQuestion } from "./TestTypes.js";
import type { ProgrammeDetail } from "./types.js";

const programme = { id: "p-asas", code: "ASAS-1445", titleAr: "أساس", titleEn: "Asas", can: { manage: true, enrolOthers: true, selfEnrol: false, results: "all" } } as unknown as ProgrammeDetail;

function question(overrides: Partial<BankQuestion>): BankQuestion {
  return {
    id: "q-1", programmeId: "p-asas", position: 1, kind: "single", textAr: "ما أول منفذ لوصول الحجاج جوًا؟", textEn: "Which is the main air entry point for pilgrims?",
    options: [{ id: "a", textAr: "جدة", textEn: "Jeddah" }, { id: "b", textAr: "الرياض", textEn: "Riyadh" }], answerKey: { optionIds: ["a"] }, points: 2, version: 1,
    inUse: false, usedIn: ["pre", "post"], archivedAt: null, createdAt: "2024-05-20T08:00:00.000Z", updatedAt: "2024-05-20T08:00:00.000Z",
    ...overrides,
  };
}

const BANK = [
  question({}),
  question({ id: "q-2", position: 2, kind: "numeric", textAr: "كم عدد الدول الأعضاء في المنظمة؟", textEn: "How many member states does the OIC have?", options: [], answerKey: { value: "57", tolerance: "0.5" }, points: 4, inUse: true, usedIn: ["pre"] }),
];

const bodies = (fetchMock: ReturnType<typeof mockFetch>, method: string) => fetchMock.mock.calls.filter(([, init]) => init?.method === method).map(([, init]) => JSON.parse(String(init!.body ?? "null")) as Record<string, unknown>);

afterEach(() => vi.unstubAllGlobals());

describe("QuestionsTab", () => {
  it("lists the bank in the interface language with kind, points and correct answer; both texts on demand", async () => {
    mockFetch({ "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: BANK }) });
    renderPage(<QuestionsTab programme={programme} onChanged={() => undefined} />, { locale: "ar" });
    expect(await screen.findByText("ما أول منفذ لوصول الحجاج جوًا؟")).toBeTruthy();
    const first = screen.getByText("ما أول منفذ لوصول الحجاج جوًا؟").closest("li")!;
    expect(within(first).getByText("اختيار واحد")).toBeTruthy();
    expect(within(first).getByText("درجتان")).toBeTruthy();
    expect(within(first).getByText("في الاختبار القبلي")).toBeTruthy();
    expect(within(first).getByText("(صحيح)", { exact: false }).closest("li")!.textContent).toContain("جدة");
    const second = screen.getByText("كم عدد الدول الأعضاء في المنظمة؟").closest("li")!;
    expect(within(second).getByText("٥٧ (± ٠٫٥)")).toBeTruthy();
    expect(within(second).getByText("أجاب عنه متدربون")).toBeTruthy();
    expect(within(first).queryByText("Which is the main air entry point for pilgrims?")).toBeNull();
    fireEvent.click(within(first).getByRole("button", { name: "عرض اللغتين: السؤال ١" }));
    expect(within(first).getByText("Which is the main air entry point for pilgrims?").getAttribute("lang")).toBe("en");
  });

  it("shows the server's errors next to each field of a new question, then saves it", async () => {
    let posts = 0;
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: posts > 1 ? [...BANK, question({ id: "q-3", kind: "multiple" })] : BANK }),
      "POST /api/training/programmes/p-asas/questions": () => {
        posts += 1;
        if (posts === 1) {
          return jsonResponse({
            code: "VALIDATION_FAILED",
            message: "Some fields need attention.",
            fields: [
              { field: "options.1.textEn", message: "Option 2 — Text (English) is required." },
              { field: "answerKey", message: "Correct answer: mark at least one option as correct." },
            ],
          }, 400);
        }
        return jsonResponse(question({ id: "q-3", kind: "multiple" }), 201);
      },
    });
    renderPage(<QuestionsTab programme={programme} onChanged={() => undefined} />, { locale: "en", digits: "latn" });
    fireEvent.click(await screen.findByRole("button", { name: "Add a question" }));
    const dialog = screen.getByRole("dialog", { name: "New question" });
    fireEvent.change(within(dialog).getByRole("combobox", { name: "Question type" }), { target: { value: "multiple" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Question \(Arabic\)/ }), { target: { value: "أي مما يلي من المشاعر المقدسة؟" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Question \(English\)/ }), { target: { value: "Which of these are holy sites?" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Option 1 — Text (Arabic)" }), { target: { value: "منى" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Option 1 — Text (English)" }), { target: { value: "Mina" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Option 2 — Text (Arabic)" }), { target: { value: "تبوك" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save the question" }));

    const optionText = await within(dialog).findByRole("textbox", { name: "Option 2 — Text (English)" });
    await waitFor(() => expect(optionText.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = optionText.getAttribute("aria-describedby")!.split(" ");
    expect(describedBy.map((id) => document.getElementById(id)?.textContent).join(" ")).toContain("Option 2 — Text (English) is required.");
    expect(within(dialog).getByText("Correct answer: mark at least one option as correct.")).toBeTruthy();
    expect(bodies(fetchMock, "POST")[0]).toEqual({
      kind: "multiple", textAr: "أي مما يلي من المشاعر المقدسة؟", textEn: "Which of these are holy sites?", points: 1,
      options: [{ id: "a", textAr: "منى", textEn: "Mina" }, { id: "b", textAr: "تبوك", textEn: "" }], answerKey: { optionIds: [] },
    });

    fireEvent.change(optionText, { target: { value: "Tabuk" } });
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "Correct — Option 1" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Add an option" }));
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Option 3 — Text (Arabic)" }), { target: { value: "عرفات" } });
    fireEvent.change(within(dialog).getByRole("textbox", { name: "Option 3 — Text (English)" }), { target: { value: "Arafat" } });
    fireEvent.click(within(dialog).getByRole("checkbox", { name: "Correct — Option 3" }));
    fireEvent.click(within(dialog).getByRole("button", { name: "Save the question" }));
    expect(await screen.findByText("Question saved.")).toBeTruthy();
    expect(bodies(fetchMock, "POST")[1]).toMatchObject({ options: [{ id: "a" }, { id: "b", textEn: "Tabuk" }, { id: "c", textAr: "عرفات", textEn: "Arafat" }], answerKey: { optionIds: ["a", "c"] } });
  });

  it("lets only the wording of a question in use change", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: BANK }),
      "PATCH /api/training/questions/q-2": () => jsonResponse({ ...BANK[1], version: 2, textEn: "How many member states does the OIC have today?" }),
    });
    renderPage(<QuestionsTab programme={programme} onChanged={() => undefined} />, { locale: "en", digits: "latn" });
    fireEvent.click(await screen.findByRole("button", { name: "Edit: Question 2" }));
    const dialog = screen.getByRole("dialog", { name: "Edit question 2" });
    expect(within(dialog).getByText(/only its wording can be corrected/)).toBeTruthy();
    expect((within(dialog).getByRole("combobox", { name: "Question type" }) as HTMLSelectElement).disabled).toBe(true);
    expect((within(dialog).getByRole("textbox", { name: /Correct value/ }) as HTMLInputElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Question \(English\)/ }), { target: { value: "How many member states does the OIC have today?" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Save the question" }));
    await screen.findByText("Question saved.");
    expect(bodies(fetchMock, "PATCH")).toEqual([{ version: 1, textAr: "كم عدد الدول الأعضاء في المنظمة؟", textEn: "How many member states does the OIC have today?" }]);
  });

  it("archives a question after confirmation", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/questions": () => jsonResponse({ items: BANK }),
      "DELETE /api/training/questions/q-1": () => jsonResponse(null, 204),
    });
    renderPage(<QuestionsTab programme={programme} onChanged={() => undefined} />, { locale: "en", digits: "latn" });
    fireEvent.click(await screen.findByRole("button", { name: "Archive: Question 1" }));
    const dialog = screen.getByRole("dialog", { name: "Archive this question?" });
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Archive" }));
    expect(await screen.findByText("Question archived.")).toBeTruthy();
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "DELETE")).toHaveLength(1);
  });
});
