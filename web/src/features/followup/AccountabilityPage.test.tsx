import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { AccountabilityPage, exportUrl } from "./AccountabilityPage.js";
import { buildAccountability, buildProgramme, QATAR, SEASONS } from "./fixtures.js";
import type { Accountability } from "./types.js";

function mockPage(answer: Accountability = buildAccountability()) {
  const programme = buildProgramme();
  return mockFetch({
    "GET /api/accountability": () => jsonResponse(answer),
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/programmes": () => jsonResponse({ items: [programme], total: 1, page: 1, pageSize: 100, abilities: { create: true } }),
    "GET /api/programmes/pr-1": () => jsonResponse(programme),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }),
    "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
    "GET /api/countries": () => jsonResponse({ items: [{ code: "QA", nameAr: "دولة قطر", nameEn: "State of Qatar", oicStatus: "member" }] }),
  });
}

// These pages render many fields (date inputs, pickers): allow for a slow machine.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  invalidateSeasons();
  invalidateDirectoryCache();
});

describe("AccountabilityPage", () => {
  it("shows the implementation rate as a percentage in the user's digits, and the rates per area", async () => {
    mockPage();
    renderPage(<AccountabilityPage />, { route: "/accountability", path: "/accountability", locale: "ar" });
    // Intl puts an Arabic letter mark (U+061C) after the sign, to keep it on the number's side.
    const plain = (text: string | null | undefined) => (text ?? "").replace(/\u061c/g, "");
    expect(plain((await screen.findByTestId("implementation-rate")).textContent)).toBe("٥٠٪");
    expect(screen.getByText("نُفذت ٢ من ٤ توصيات معتمدة")).toBeTruthy();
    const byArea = screen.getByRole("region", { name: "التقدم حسب مجال التعاون" });
    expect(plain(within(byArea).getByRole("progressbar", { name: "نسبة تنفيذ توعية مقدمي الخدمة" }).getAttribute("aria-valuetext"))).toBe("٦٧٪");
    expect(within(byArea).getByText("دون مجال")).toBeTruthy();
    const byOrg = screen.getByRole("region", { name: "التقدم حسب الجهة المسؤولة" });
    expect(within(byOrg).getByText("بعثة الحج القطرية")).toBeTruthy();
    await waitFor(() => expect(within(byOrg).getByText("دولة قطر")).toBeTruthy());
  });

  it("says there is nothing to measure when no recommendation is approved (rate null), in English", async () => {
    mockPage(buildAccountability({ totals: { total: 1, proposed: 1, approved: 0, inProgress: 0, done: 0, dropped: 0, overdue: 0, implementationRate: null } }));
    renderPage(<AccountabilityPage />, { route: "/accountability", path: "/accountability", locale: "en" });
    expect((await screen.findByTestId("implementation-rate")).textContent).toBe("—");
    expect(screen.getByText("No approved recommendation yet.")).toBeTruthy();
  });

  it("carries the filters of the address to the view, to both exports and to the printed summary", async () => {
    const fetchMock = mockPage();
    renderPage(<AccountabilityPage />, { route: "/accountability?season=1446&programme=pr-1&status=done", path: "/accountability", locale: "en" });
    await screen.findByTestId("implementation-rate");
    const view = fetchMock.mock.calls.map(([url]) => String(url)).find((u) => u.startsWith("/api/accountability?"));
    expect(view).toBe("/api/accountability?season=1446&programme=pr-1&status=done");
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/accountability/export?format=csv&season=1446&programme=pr-1&status=done");
    expect(screen.getByRole("link", { name: "Export XLSX" }).getAttribute("href")).toBe("/api/accountability/export?format=xlsx&season=1446&programme=pr-1&status=done");
    const summary = screen.getByRole("region", { name: "Covers" });
    await waitFor(() => expect(summary.textContent).toContain("Cooperation programme: OIC–Ministry cooperation programme"));
    expect(summary.textContent).toContain("Season: Hajj season 1446 AH");
    expect(summary.textContent).toContain("Status: Done");
    expect(exportUrl("csv", {})).toBe("/api/accountability/export?format=csv");
  });

  it("prints the page with the browser's print", async () => {
    mockPage();
    const print = vi.fn();
    vi.stubGlobal("print", print);
    renderPage(<AccountabilityPage />, { route: "/accountability", path: "/accountability", locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Print" }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  it("lists what is overdue with its days and Hijri and Gregorian due date", async () => {
    mockPage();
    renderPage(<AccountabilityPage />, { route: "/accountability", path: "/accountability", locale: "en" });
    const overdue = await screen.findByRole("region", { name: "Overdue (1)" });
    const row = within(overdue).getByRole("link", { name: /GCC-1446\/5/ }).closest("tr")!;
    expect(within(row).getByText("12")).toBeTruthy();
    expect(row.querySelector("time")?.textContent).toMatch(/^24 Dhu al-Hijjah 1446 AH \(20 June 2025\)$/);
  });
});
