import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildProgramme, openDialog, SEASONS } from "./fixtures.js";
import { ProgrammePage } from "./ProgrammePage.js";
import { ProgrammesPage } from "./ProgrammesPage.js";
import type { Programme } from "./types.js";

const NO_RECOMMENDATIONS = { items: [], total: 0, page: 1, pageSize: 100, abilities: { create: true } };
/** As the server stores it: the year in Latin digits. */
const SEASON = { id: "s-1446", code: "1446", nameAr: "موسم حج 1446 هـ", nameEn: "Hajj season 1446 AH" };

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("ProgrammePage — archiving", () => {
  it("archives the programme after confirming, then shows it archived with a way back", async () => {
    let programme: Programme = buildProgramme({ season: SEASON });
    const fetchMock = mockFetch({
      "GET /api/programmes/pr-1": () => jsonResponse(programme),
      "GET /api/recommendations": () => jsonResponse(NO_RECOMMENDATIONS),
      "POST /api/programmes/pr-1/archive": () => {
        programme = { ...programme, archivedAt: "2025-07-01T08:00:00.000Z" };
        return jsonResponse(programme);
      },
      "POST /api/programmes/pr-1/restore": () => {
        programme = { ...programme, archivedAt: null };
        return jsonResponse(programme);
      },
    });
    renderPage(<ProgrammePage />, { route: "/programmes/pr-1", path: "/programmes/:id", locale: "ar" });
    // The season in the reader's Arabic-Indic digits.
    expect((await screen.findAllByText("موسم حج ١٤٤٦ هـ")).length).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole("button", { name: "أرشفة" }));
    const dialog = await openDialog();
    expect(within(dialog).getByText("أرشفة «برنامج التعاون بين الأمانة العامة ووزارة الحج والعمرة»؟")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith("/archive"))).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "أرشفة" }));
    expect(await screen.findByText("هذا البرنامج مؤرشف: لا يظهر في القائمة، ولا يمكن تسجيل توصيات جديدة في إطاره. وتبقى توصياته كما هي.")).toBeTruthy();
    expect(screen.getByText("مؤرشف")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "استعادة" }));
    await waitFor(() => expect(screen.queryByText("مؤرشف")).toBeNull());
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "POST").map(([url]) => String(url))).toEqual(["/api/programmes/pr-1/archive", "/api/programmes/pr-1/restore"]);
  });

  it("offers no archiving to those who may not manage the programme", async () => {
    mockFetch({
      "GET /api/programmes/pr-1": () => jsonResponse(buildProgramme({ abilities: { update: false, archive: false } })),
      "GET /api/recommendations": () => jsonResponse(NO_RECOMMENDATIONS),
    });
    renderPage(<ProgrammePage />, { route: "/programmes/pr-1", path: "/programmes/:id", locale: "en" });
    expect(await screen.findByRole("heading", { level: 1 })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Archive" })).toBeNull();
  });
});

describe("ProgrammesPage — archived programmes", () => {
  it("leaves them out unless asked, and marks them", async () => {
    const fetchMock = mockFetch({
      "GET /api/seasons": () => jsonResponse(SEASONS),
      "GET /api/programmes": (url) => {
        const archived = url.searchParams.get("archived") === "include";
        const items = [buildProgramme({ season: SEASON }), ...(archived ? [buildProgramme({ id: "pr-0", code: "OIC-MOH-1445", titleEn: "Last year's programme", archivedAt: "2025-07-01T08:00:00.000Z" })] : [])];
        return jsonResponse({ items, total: items.length, page: 1, pageSize: 20, abilities: { create: true } });
      },
    });
    renderPage(<ProgrammesPage />, { route: "/programmes", path: "/programmes", locale: "en" });
    expect(await screen.findByRole("link", { name: "OIC–Ministry cooperation programme" })).toBeTruthy();
    expect(screen.queryByText("Archived")).toBeNull();
    fireEvent.click(screen.getByLabelText("Include archived programmes"));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/programmes?archived=include"));
    expect(await screen.findByRole("link", { name: "Last year's programme" })).toBeTruthy();
    expect(screen.getByText("Archived")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes("archived=include"))).toBe(true);
  });
});
