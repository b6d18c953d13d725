import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildSummary, SEASONS } from "./ProgrammeFixtures.js";
import { ProgrammesPage } from "./ProgrammesPage.js";

function mockList(create: boolean) {
  return mockFetch({
    "GET /api/training/programmes": (url) =>
      jsonResponse({
        items:
          url.searchParams.get("mine") === "enrolled"
            ? [buildSummary({ myEnrolment: { id: "e-1", status: "enrolled", createdAt: "2024-05-01T08:00:00.000Z" } })]
            : [buildSummary(), buildSummary({ id: "tp-terhab", code: "terhab-1445", titleAr: "برنامج ترحاب", titleEn: "Terhab programme", status: "draft", counts: { workshops: 0, modules: 0, enrolled: 0 }, startsAt: null, endsAt: null })],
        total: url.searchParams.get("mine") === "enrolled" ? 1 : 2,
        page: 1,
        pageSize: 12,
        abilities: { create },
      }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
  });
}

const listCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.map(([u]) => new URL(String(u), "http://localhost")).filter((u) => u.pathname === "/api/training/programmes");

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("ProgrammesPage", () => {
  it("shows each programme as a card in Arabic: season, title, status, owners, first workshop in both calendars, counts", async () => {
    mockList(true);
    renderPage(<ProgrammesPage />, { route: "/training", locale: "ar" });
    expect(await screen.findByRole("heading", { level: 1, name: "البرامج التدريبية" })).toBeTruthy();
    const asas = (await screen.findByRole("link", { name: "برنامج أساس" })).closest("li")!;
    expect(asas.getAttribute("class")).toContain("card");
    expect(within(asas).getByText("Asas programme").closest("[lang]")!.getAttribute("lang")).toBe("en");
    expect(within(asas).getByText("منشور")).toBeTruthy();
    expect(within(asas).getByText("موسم حج ١٤٤٥ هـ")).toBeTruthy();
    expect(within(asas).getByText("الأمانة العامة لمنظمة التعاون الإسلامي ووزارة الحج والعمرة")).toBeTruthy();
    // Sunday 26 May 2024 = 18 Dhu al-Qa'dah 1445, in the user's Arabic-Indic digits.
    expect(within(asas).getByText(/١٨ ذو القعدة ١٤٤٥/)).toBeTruthy();
    expect(within(asas).getByText("ورشة واحدة")).toBeTruthy();
    expect(within(asas).getByText("وحدتان")).toBeTruthy();
    expect(within(asas).getByText("١٤ متدربًا")).toBeTruthy();
    const terhab = screen.getByRole("link", { name: "برنامج ترحاب" }).closest("li")!;
    expect(within(terhab).getByText("مسودة")).toBeTruthy();
    expect(within(terhab).getByText("لا توجد ورشة بعد")).toBeTruthy();
    expect(screen.getByRole("link", { name: "برنامج جديد" }).getAttribute("href")).toBe("/training/new");
    expect(screen.getByText("برنامجان")).toBeTruthy();
  });

  it("filters the programmes the user is enrolled in, in English, and hides what he may not do", async () => {
    const fetchMock = mockList(false);
    renderPage(<ProgrammesPage />, { route: "/training", locale: "en", user: buildMe({ role: "member", locale: "en", digits: "latn" }) });
    expect(await screen.findByRole("link", { name: "Asas programme" })).toBeTruthy();
    expect(screen.queryByRole("link", { name: "New programme" })).toBeNull();
    expect(screen.queryByLabelText("Status")).toBeNull();
    fireEvent.click(screen.getByLabelText("Only the programmes I am enrolled in"));
    await waitFor(() => expect(listCalls(fetchMock).some((u) => u.searchParams.get("mine") === "enrolled")).toBe(true));
    expect(await screen.findByText("Enrolled")).toBeTruthy();
    expect(screen.getByText("1 programme")).toBeTruthy();
    expect(screen.getByTestId("location").textContent).toBe("/training?mine=enrolled");
  });
});
