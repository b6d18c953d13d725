import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { EventDetailPage } from "./EventDetailPage.js";
import { buildEvent, KUWAIT } from "./fixtures.js";
import type { Minutes } from "./types.js";

const QATAR = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", kind: "hajj_mission" as const };
const HOSTED = buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } });

function minutes(overrides: Partial<Minutes> = {}): Minutes {
  return { bodyHtml: "", version: 0, updatedAt: null, updatedBy: null, decisions: [], attachments: [], abilities: { edit: true }, ...overrides };
}

function mockEvent(extra: Parameters<typeof mockFetch>[0]) {
  return mockFetch({
    "GET /api/events/e-gcc": () => jsonResponse(HOSTED),
    "GET /api/events/e-gcc/agenda": () => jsonResponse({ items: [] }),
    "GET /api/events/e-gcc/attachments": () => jsonResponse({ items: [], abilities: { upload: true } }),
    "GET /api/organisations": () => jsonResponse({ items: [QATAR, KUWAIT], total: 2, page: 1, pageSize: 20 }),
    ...extra,
  });
}

/** Type into the contentEditable minutes as a user would (the editor reads its content on input). */
function typeMinutes(html: string) {
  const editor = screen.getByRole("textbox", { name: "Minutes" });
  editor.innerHTML = html;
  fireEvent.input(editor);
  return editor;
}

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string, index = 0) {
  const calls = fetchMock.mock.calls.filter(([, init]) => init?.method === method);
  return calls[index] ? JSON.parse(String(calls[index][1]!.body)) : undefined;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe("Minutes and decisions", () => {
  it("writes the minutes with decisions added and removed, and shows them once saved", async () => {
    const fetchMock = mockEvent({
      "GET /api/events/e-gcc/minutes": () => jsonResponse(minutes()),
      "PUT /api/events/e-gcc/minutes": (_url, init) => {
        const body = JSON.parse(String(init.body));
        return jsonResponse(
          minutes({
            bodyHtml: body.bodyHtml,
            version: 1,
            updatedAt: "2025-06-02T19:30:00.000Z",
            updatedBy: "Kuwait office admin",
            decisions: [{ id: "d-1", number: 1, reference: "GCC-1446/3", textAr: "", textEn: body.decisions[0].textEn, dueOn: "2025-08-01", responsible: QATAR }],
          }),
        );
      },
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=minutes", path: "/events/:id", locale: "en" });

    expect(await screen.findByRole("link", { name: "Minutes and decisions", current: "page" })).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Write the minutes" }));
    typeMinutes("افتتح رئيس الاجتماع الجلسة.<div>The chair opened the session.</div>");

    fireEvent.click(screen.getByRole("button", { name: "Add a decision" }));
    fireEvent.click(screen.getByRole("button", { name: "Add a decision" }));
    // A decision without any text is refused before sending, naming it.
    fireEvent.click(screen.getByRole("button", { name: "Save the minutes" }));
    expect(await screen.findByText("Decision 1: enter its text in Arabic or English.")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PUT")).toBe(false);

    const second = screen.getByRole("group", { name: "Decision 2" });
    fireEvent.change(within(second).getByLabelText("Text in English"), { target: { value: "Share the camp maps by 1 August." } });
    fireEvent.change(within(second).getByLabelText(/^Reference/), { target: { value: "GCC-1446/3" } });
    const responsible = within(second).getByLabelText("Responsible organisation") as HTMLSelectElement;
    await waitFor(() => expect(responsible.options.length).toBe(3));
    fireEvent.change(responsible, { target: { value: "o-qa" } });
    fireEvent.change(within(second).getByLabelText("Day"), { target: { value: "1/8/2025" } });
    fireEvent.click(screen.getByRole("button", { name: "Remove decision 1" }));
    expect(screen.queryByRole("group", { name: "Decision 2" })).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Save the minutes" }));
    expect(await screen.findByText("The minutes have been saved.")).toBeTruthy();
    expect(bodyOf(fetchMock, "PUT")).toEqual({
      bodyHtml: '<p dir="auto">افتتح رئيس الاجتماع الجلسة.</p><p dir="auto">The chair opened the session.</p>',
      version: 0,
      decisions: [{ reference: "GCC-1446/3", textAr: "", textEn: "Share the camp maps by 1 August.", responsibleOrganisationId: "o-qa", dueOn: "2025-08-01" }],
    });

    const section = screen.getByRole("region", { name: "Minutes and decisions" });
    expect(within(section).getByText("The chair opened the session.")).toBeTruthy();
    const decision = within(section).getByText("Share the camp maps by 1 August.").closest("li")!;
    expect(within(decision).getByText("Decision 1")).toBeTruthy();
    expect(within(decision).getByText("GCC-1446/3")).toBeTruthy();
    expect(within(decision).getByText("Qatari Hajj Mission")).toBeTruthy();
    expect(decision.querySelector("time")!.textContent).toBe("7 Safar 1447 AH (1 August 2025)");
  }, 20_000);

  it("keeps the typed text when someone else saved first (409), shows their version, and saves over it on request", async () => {
    const saved = minutes({
      bodyHtml: '<p dir="auto">نص المحضر الأول.</p>',
      version: 3,
      updatedAt: "2025-06-02T19:00:00.000Z",
      updatedBy: "Kuwait office admin",
      decisions: [{ id: "d-1", number: 1, reference: null, textAr: "اعتماد جدول الأعمال", textEn: "Agenda adopted", dueOn: null, responsible: null }],
    });
    const theirs = { ...saved, bodyHtml: '<p dir="auto">نص أضافه زميل.</p>', version: 4, updatedBy: "Colleague" };
    let gets = 0;
    const puts: { version: number; bodyHtml: string }[] = [];
    mockEvent({
      "GET /api/events/e-gcc/minutes": () => jsonResponse(gets++ === 0 ? saved : theirs),
      "PUT /api/events/e-gcc/minutes": (_url, init) => {
        const body = JSON.parse(String(init.body));
        puts.push(body);
        if (body.version !== 4)
          return jsonResponse({ code: "MINUTES_CONFLICT", message: "Someone else saved these minutes while you were editing." }, 409);
        return jsonResponse({ ...theirs, bodyHtml: body.bodyHtml, version: 5 });
      },
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=minutes", path: "/events/:id", locale: "en" });

    fireEvent.click(await screen.findByRole("button", { name: "Edit the minutes" }));
    const editor = typeMinutes('<p dir="auto">نص المحضر الأول.</p><p>My careful additions.</p>');
    fireEvent.click(screen.getByRole("button", { name: "Save the minutes" }));

    expect(await screen.findByText(/Someone else saved these minutes while you were editing\. Your text is still in the form/)).toBeTruthy();
    expect(editor.textContent).toContain("My careful additions.");
    const conflict = await screen.findByRole("region", { name: "The version saved in the meantime" });
    expect(within(conflict).getByText("نص أضافه زميل.")).toBeTruthy();
    expect(puts[0]!.version).toBe(3);

    fireEvent.click(within(conflict).getByRole("button", { name: "Save my version over it" }));
    expect(await screen.findByText("The minutes have been saved.")).toBeTruthy();
    expect(puts[1]).toMatchObject({ version: 4, bodyHtml: '<p dir="auto">نص المحضر الأول.</p><p dir="auto">My careful additions.</p>' });
  }, 20_000);

  it("is not offered to those who may not read the minutes", async () => {
    mockEvent({ "GET /api/events/e-gcc/minutes": () => jsonResponse({ code: "FORBIDDEN", message: "No." }, 403) });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=minutes", path: "/events/:id", locale: "ar" });
    expect(await screen.findByRole("link", { name: "نظرة عامة وجدول الأعمال", current: "page" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "المحضر والقرارات" })).toBeNull();
  });
});
