import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { COUNTRIES } from "../library/fixtures.js";
import { resultPath, SearchPage } from "./SearchPage.js";
import type { SearchAnswer, SearchHit } from "./types.js";

const KUWAIT = { id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office" };
const SEASON = { id: "s-1446", code: "1446", nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH" };

function hit(overrides: Partial<SearchHit>): SearchHit {
  return { id: "x", type: "library", title: "", snippet: "", score: 1, language: "ar", category: null, organisation: null, country: null, season: null, updatedAt: null, ...overrides };
}

const ANSWER: SearchAnswer = {
  total: 3,
  items: [
    hit({
      id: "le-1",
      title: "تجميع أمتعة الحجاج حسب ألوان المخيمات",
      snippet: "ثم تُنقل <mark>بالحافلات</mark> إلى المشاعر &lt;بعد&gt; الفجر",
      category: "transport",
      organisation: KUWAIT,
      country: "KW",
      season: SEASON,
      updatedAt: "2025-06-02T16:00:00.000Z",
    }),
    hit({ id: "e-gcc", type: "event", title: "الاجتماع السنوي لمكاتب شؤون الحجاج", snippet: "تنظيم <mark>الحافلات</mark>", organisation: KUWAIT, season: SEASON }),
    hit({ id: "p-1", type: "person", title: "مشاري الرشيدان", snippet: "", organisation: KUWAIT }),
  ],
  facets: {
    type: [
      { value: "library", count: 1 },
      { value: "event", count: 1 },
      { value: "person", count: 1 },
    ],
    category: [{ value: "transport", count: 1 }],
    organisation: [{ value: "o-kw", label: KUWAIT, count: 3 }],
    country: [{ value: "KW", count: 3 }],
    season: [{ value: "s-1446", label: SEASON, count: 2 }],
    language: [{ value: "ar", count: 3 }],
  },
};

function mockSearch(answer: (url: URL) => SearchAnswer = () => ANSWER) {
  return mockFetch({
    "GET /api/search": (url) => jsonResponse(answer(url)),
    "GET /api/countries": () => jsonResponse(COUNTRIES),
  });
}

const searchCalls = (fetchMock: ReturnType<typeof mockFetch>) =>
  fetchMock.mock.calls.map(([u]) => new URL(String(u), "http://localhost")).filter((u) => u.pathname === "/api/search");

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("SearchPage", () => {
  it("shows the results with their type, link, highlighted snippet and details, and a plural total in Arabic", async () => {
    const fetchMock = mockSearch();
    renderPage(<SearchPage />, { route: `/search?q=${encodeURIComponent("بالحافلات")}`, locale: "ar" });

    const practice = await screen.findByRole("link", { name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" });
    expect(practice.getAttribute("href")).toBe("/library/le-1");
    expect(screen.getByRole("link", { name: "الاجتماع السنوي لمكاتب شؤون الحجاج" }).getAttribute("href")).toBe("/events/e-gcc");
    expect(screen.getByRole("link", { name: "مشاري الرشيدان" }).getAttribute("href")).toBe("/directory/people/p-1");
    expect(screen.getByText("٣ نتائج")).toBeTruthy();

    const result = practice.closest("li")!;
    expect(within(result).getByText("ممارسة")).toBeTruthy();
    expect(within(result).getByText("النقل")).toBeTruthy();
    const mark = result.querySelector(".search-snippet mark")!;
    expect(mark.textContent).toBe("بالحافلات");
    expect(mark.parentElement!.getAttribute("dir")).toBe("auto");
    // The server's escaping stands: "<بعد>" is text, not an element.
    expect(result.querySelector(".search-snippet")!.textContent).toContain("<بعد>");
    expect(within(result).getByText("مكتب شؤون الحجاج الكويتي")).toBeTruthy();
    expect(within(result).getByText("موسم حج ١٤٤٦ هـ")).toBeTruthy();
    await waitFor(() => expect(within(result).getByText("دولة الكويت")).toBeTruthy());
    expect(result.querySelector("time")?.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)");

    const call = searchCalls(fetchMock)[0]!;
    expect(Object.fromEntries(call.searchParams)).toEqual({ q: "بالحافلات", limit: "20" });
  });

  it("toggles facets in the address, sends them, and shows their counts", async () => {
    const fetchMock = mockSearch();
    renderPage(<SearchPage />, { route: "/search?q=buses", locale: "en" });

    const facets = await screen.findByRole("complementary", { name: "Refine the results" });
    const typeFacet = await within(facets).findByRole("region", { name: "Type" });
    const practice = within(typeFacet).getByRole("button", { name: "Practice, 1" });
    expect(practice.getAttribute("aria-pressed")).toBe("false");
    expect(within(facets).getByRole("button", { name: "Kuwait Hajj Affairs Office, 3" })).toBeTruthy();
    expect(within(facets).getByRole("button", { name: "Hajj season 1446 AH, 2" })).toBeTruthy();
    expect(within(facets).getByRole("button", { name: "Arabic, 3" })).toBeTruthy();
    expect(await within(facets).findByRole("button", { name: "State of Kuwait, 3" })).toBeTruthy();

    fireEvent.click(practice);
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=buses&type=library"));
    fireEvent.click(within(facets).getByRole("button", { name: "Kuwait Hajj Affairs Office, 3" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=buses&type=library&organisation=o-kw"));
    await waitFor(() => expect(Object.fromEntries(searchCalls(fetchMock).at(-1)!.searchParams)).toEqual({ q: "buses", type: "library", organisation: "o-kw", limit: "20" }));
    expect(within(typeFacet).getByRole("button", { name: "Practice, 1" }).getAttribute("aria-pressed")).toBe("true");

    // Pressing it again removes the filter.
    fireEvent.click(within(typeFacet).getByRole("button", { name: "Practice, 1" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=buses&organisation=o-kw"));
    fireEvent.click(within(facets).getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=buses"));
  });

  it("pages with limit and offset", async () => {
    const fetchMock = mockSearch(() => ({ ...ANSWER, total: 22, items: ANSWER.items.slice(0, 2) }));
    renderPage(<SearchPage />, { route: "/search?q=x&page=2", locale: "ar" });
    await screen.findByRole("link", { name: "تجميع أمتعة الحجاج حسب ألوان المخيمات" });
    expect(screen.getByText("٢٢ نتيجة")).toBeTruthy();
    expect(searchCalls(fetchMock)[0]!.searchParams.get("offset")).toBe("20");
    expect(screen.getByText("الصفحة ٢ من ٢", { exact: false })).toBeTruthy();
  });

  it("uses every Arabic plural form for the total", async () => {
    const cases: Array<[number, string]> = [
      [0, "لا توجد نتائج"],
      [1, "نتيجة واحدة"],
      [2, "نتيجتان"],
      [5, "٥ نتائج"],
      [11, "١١ نتيجة"],
      [100, "١٠٠ نتيجة"],
    ];
    for (const [total, expected] of cases) {
      mockSearch(() => ({ total, items: [], facets: {} }));
      const view = renderPage(<SearchPage />, { route: "/search?q=x", locale: "ar" });
      expect(await screen.findByText(expected)).toBeTruthy();
      view.unmount();
    }
  });

  it("links each type of result to its page", () => {
    expect(resultPath({ type: "library", id: "le-1" })).toBe("/library/le-1");
    expect(resultPath({ type: "event", id: "e-gcc" })).toBe("/events/e-gcc");
    // The directory's organisation page takes an id as well as a code.
    expect(resultPath({ type: "organisation", id: "o-kw" })).toBe("/directory/organisations/o-kw");
    expect(resultPath({ type: "person", id: "p-1" })).toBe("/directory/people/p-1");
    expect(resultPath({ type: "recommendation", id: "r-1" })).toBe("/recommendations/r-1");
  });

  it("says when nothing matches, and asks for words when there is no query", async () => {
    const fetchMock = mockSearch(() => ({ total: 0, items: [], facets: {} }));
    const view = renderPage(<SearchPage />, { route: "/search?q=zzz", locale: "en" });
    expect(await screen.findByText("Nothing matches “zzz”. Try fewer words, or other ones.")).toBeTruthy();
    expect(screen.getByText("No results")).toBeTruthy();
    view.unmount();

    fetchMock.mockClear();
    renderPage(<SearchPage />, { route: "/search", locale: "en" });
    expect(screen.getByText("Type what you are looking for: a practice, a meeting, an organisation or a person.")).toBeTruthy();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search for" }), { target: { value: "first aid" } });
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/search?q=first+aid"));
  });
});
