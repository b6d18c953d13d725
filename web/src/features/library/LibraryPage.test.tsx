import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { COUNTRIES, KUWAIT_OFFICE, QATAR_MISSION, buildSummary } from "./fixtures.js";
import { LibraryPage } from "./LibraryPage.js";

const SEASONS = {
  items: [{ id: "s-1446", code: "1446", hijriYear: 1446, nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH", startsOn: "2024-07-07", endsOn: "2025-06-25", eventCount: 1, abilities: { update: false } }],
  abilities: { create: false },
};

function mockLibrary() {
  return mockFetch({
    "GET /api/library/entries": () =>
      jsonResponse({
        items: [
          buildSummary(),
          buildSummary({
            id: "le-2",
            kind: "lesson",
            language: "en",
            title: "Colour-coded wristbands for elderly pilgrims",
            titleAr: null,
            titleEn: "Colour-coded wristbands for elderly pilgrims",
            excerpt: "Each camp gave its elderly pilgrims a wristband in the camp's colour.",
            category: "crowd_management",
            tags: ["wristbands"],
            organisation: QATAR_MISSION,
            scope: "members",
            group: null,
            usefulCount: 0,
            commentCount: 11,
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 12,
      }),
    "GET /api/countries": () => jsonResponse(COUNTRIES),
    "GET /api/organisations": () => jsonResponse({ items: [{ ...KUWAIT_OFFICE, kind: "hajj_mission" }, { ...QATAR_MISSION, kind: "hajj_mission" }], total: 2, page: 1, pageSize: 100 }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
  });
}

const libraryCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.map(([u]) => new URL(String(u), "http://localhost")).filter((u) => u.pathname === "/api/library/entries");

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
  invalidateSeasons();
});

describe("LibraryPage", () => {
  it("shows each entry as a card in Arabic: title, language, scope, tags, organisation with its country, counts and date", async () => {
    mockLibrary();
    renderPage(<LibraryPage />, { route: "/library", locale: "ar" });
    expect(await screen.findByRole("heading", { level: 1, name: "مكتبة الممارسات" })).toBeTruthy();

    const link = await screen.findByRole("link", { name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" });
    expect(link.getAttribute("href")).toBe("/library/le-1");
    expect(link.closest("h2")!.getAttribute("lang")).toBe("ar");
    const card = link.closest("li")!;
    expect(within(card).getByText("ممارسة جيدة", { exact: false })).toBeTruthy();
    expect(within(card).getByText("مكاتب شؤون الحجاج بدول مجلس التعاون")).toBeTruthy();
    expect(within(card).getByRole("link", { name: "الأمتعة" }).getAttribute("href")).toBe(`/library?tag=${encodeURIComponent("الأمتعة")}`);
    await waitFor(() => expect(within(card).getByText("مكتب شؤون الحجاج الكويتي (دولة الكويت)")).toBeTruthy());
    expect(within(card).getByText("مفيدة لـ٣ أشخاص")).toBeTruthy();
    expect(within(card).getByText("تعليقان")).toBeTruthy();
    expect(card.querySelector("time")?.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)");
    expect(within(card).queryByText("بالإنجليزية فقط")).toBeNull();

    // An entry written only in English keeps its English title, marked as such.
    const english = screen.getByRole("link", { name: "Colour-coded wristbands for elderly pilgrims" });
    expect(english.closest("h2")!.getAttribute("lang")).toBe("en");
    const englishCard = english.closest("li")!;
    expect(within(englishCard).getByText("بالإنجليزية فقط")).toBeTruthy();
    expect(within(englishCard).getByText("جميع الأعضاء")).toBeTruthy();
    expect(within(englishCard).getByText("لم يُشر أحد بعدُ إلى فائدتها")).toBeTruthy();
    expect(within(englishCard).getByText("١١ تعليقًا")).toBeTruthy();

    expect(screen.getByText("مادتان")).toBeTruthy();
    expect(screen.getByRole("link", { name: "مادة جديدة" }).getAttribute("href")).toBe("/library/new");
  });

  it("keeps the filters in the address and sends them to the API", async () => {
    const fetchMock = mockLibrary();
    renderPage(<LibraryPage />, { route: "/library?tag=" + encodeURIComponent("الأمتعة"), locale: "en", user: buildMe({ organisation: { ...KUWAIT_OFFICE, kind: "hajj_mission" } }) });
    await screen.findByRole("link", { name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" });
    expect(libraryCalls(fetchMock)[0]!.searchParams.get("tag")).toBe("الأمتعة");
    expect(screen.getByText("Tag: الأمتعة")).toBeTruthy();

    fireEvent.change(screen.getByLabelText("Category"), { target: { value: "transport" } });
    await waitFor(() => expect(screen.getByTestId("location").textContent).toContain("category=transport"));
    fireEvent.change(screen.getByLabelText("Sort by"), { target: { value: "useful" } });
    fireEvent.click(screen.getByLabelText("My organisation's entries only"));
    const season = screen.getByLabelText("Season") as HTMLSelectElement;
    await waitFor(() => expect(season.options).toHaveLength(2));
    fireEvent.change(season, { target: { value: "1446" } });
    const organisation = screen.getByLabelText("Organisation") as HTMLSelectElement;
    await waitFor(() => expect(organisation.options).toHaveLength(3));
    fireEvent.change(organisation, { target: { value: "hajj-qa" } });

    await waitFor(() => {
      const last = libraryCalls(fetchMock).at(-1)!.searchParams;
      expect(Object.fromEntries(last)).toEqual({ tag: "الأمتعة", category: "transport", sort: "useful", mine: "true", season: "1446", organisation: "hajj-qa", page: "1", pageSize: "12" });
    });

    fireEvent.click(screen.getByRole("button", { name: "Remove the filter on the tag الأمتعة" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).not.toContain("tag="));
    fireEvent.click(screen.getAllByRole("link", { name: "wristbands" })[0]!);
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/library?tag=wristbands"));
  });

  it("searches the library through the one search", async () => {
    mockLibrary();
    renderPage(<LibraryPage />, { route: "/library", locale: "ar" });
    const box = await screen.findByRole("searchbox", { name: "البحث في المكتبة" });
    fireEvent.change(box, { target: { value: "الإسعافات الأولية" } });
    fireEvent.click(screen.getByRole("button", { name: "بحث" }));
    expect(screen.getByTestId("location").textContent).toBe(`/search?type=library&q=${encodeURIComponent("الإسعافات الأولية")}`);
  });

  it("offers visitors the public entries without a new-entry button, a season filter or 'my organisation'", async () => {
    const fetchMock = mockLibrary();
    renderPage(<LibraryPage />, { route: "/library", locale: "en", user: null });
    await screen.findByRole("link", { name: "Colour-coded wristbands for elderly pilgrims" });
    expect(screen.queryByRole("link", { name: "New entry" })).toBeNull();
    expect(screen.queryByLabelText("Season")).toBeNull();
    expect(screen.queryByLabelText("My organisation's entries only")).toBeNull();
    expect(fetchMock.mock.calls.some(([u]) => String(u).startsWith("/api/seasons"))).toBe(false);
  });
});
