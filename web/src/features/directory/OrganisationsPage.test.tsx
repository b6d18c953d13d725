import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Organisation } from "../../api/types.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "./useDirectoryData.js";
import { OrganisationsPage } from "./OrganisationsPage.js";

function buildOrganisation(overrides: Partial<Organisation> = {}): Organisation {
  return {
    id: "o-qa",
    code: "hajj-qa",
    kind: "hajj_mission",
    nameAr: "بعثة الحج القطرية",
    nameEn: "Qatar Hajj Mission",
    country: "QA",
    cityAr: "الدوحة",
    cityEn: "Doha",
    email: null,
    phone: null,
    website: null,
    addressAr: null,
    addressEn: null,
    visibility: "members",
    shareGroup: null,
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    abilities: { update: false, archive: false },
    ...overrides,
  };
}

const ITEMS = [
  buildOrganisation(),
  buildOrganisation({ id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office", country: "KW", cityAr: "مكة المكرمة", cityEn: "Mecca" }),
];

function mockDirectory(total: number) {
  return mockFetch({
    "GET /api/countries": () =>
      jsonResponse({
        items: [
          { code: "QA", nameAr: "قطر", nameEn: "Qatar", oicStatus: "member" },
          { code: "KW", nameAr: "الكويت", nameEn: "Kuwait", oicStatus: "member" },
        ],
      }),
    "GET /api/groups": () => jsonResponse({ items: [{ id: "g1", code: "gcc", nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون", nameEn: "GCC Hajj offices", descriptionAr: null, descriptionEn: null, memberCount: 6 }] }),
    "GET /api/organisations": (url) => jsonResponse({ items: total === 0 ? [] : ITEMS, total, page: Number(url.searchParams.get("page") ?? 1), pageSize: 20 }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("OrganisationsPage", () => {
  it("lists organisations in Arabic, right to left, with Arabic names, countries and cities", async () => {
    mockDirectory(57);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations", locale: "ar" });

    expect(document.documentElement.dir).toBe("rtl");
    expect(document.documentElement.lang).toBe("ar");
    expect(await screen.findByRole("heading", { level: 1, name: "دليل الجهات" })).toBeTruthy();

    const link = await screen.findByRole("link", { name: "بعثة الحج القطرية" });
    expect(link.getAttribute("href")).toBe("/directory/organisations/hajj-qa");
    const row = link.closest("tr")!;
    expect(within(row).getByText("بعثة حج / مكتب شؤون حجاج")).toBeTruthy();
    expect(await within(row).findByText("قطر")).toBeTruthy();
    expect(within(row).getByText("الدوحة")).toBeTruthy();

    // 57 is in Arabic's "many" category (11–99): "٥٧ جهة", with Arabic-Indic digits.
    expect(screen.getByText("٥٧ جهة")).toBeTruthy();
  });

  it.each([
    [0, "لا توجد جهات"],
    [1, "جهة واحدة"],
    [2, "جهتان"],
    [3, "٣ جهات"],
    [10, "١٠ جهات"],
    [11, "١١ جهة"],
    [100, "١٠٠ جهة"],
  ])("says %i organisations with the right Arabic plural form", async (total, text) => {
    mockDirectory(total);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations", locale: "ar" });
    expect(await screen.findByText(text)).toBeTruthy();
  });

  it("lists the same organisations in English, left to right", async () => {
    mockDirectory(57);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations", locale: "en" });

    expect(document.documentElement.dir).toBe("ltr");
    expect(await screen.findByRole("heading", { level: 1, name: "Directory of organisations" })).toBeTruthy();
    const link = await screen.findByRole("link", { name: "Qatar Hajj Mission" });
    const row = link.closest("tr")!;
    expect(await within(row).findByText("Qatar")).toBeTruthy();
    expect(within(row).getByText("Doha")).toBeTruthy();
    expect(screen.getByText("57 organisations")).toBeTruthy();
  });

  it("sends the filters of a shared address to the server", async () => {
    const fetchMock = mockDirectory(2);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations?q=%D9%82%D8%B7%D8%B1&kind=hajj_mission&group=gcc&page=2", locale: "ar" });
    await screen.findByText("جهتان");
    const call = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith("/api/organisations"))!;
    const params = new URL(call, "http://localhost").searchParams;
    expect(params.get("q")).toBe("قطر");
    expect(params.get("kind")).toBe("hajj_mission");
    expect(params.get("group")).toBe("gcc");
    expect(params.get("page")).toBe("2");
    expect(screen.getByRole("searchbox", { name: "البحث في الجهات" })).toHaveProperty("value", "قطر");
  });

  it("writes the search into the address after a pause in typing", async () => {
    const fetchMock = mockDirectory(2);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations?page=3", locale: "ar" });
    const box = await screen.findByRole("searchbox", { name: "البحث في الجهات" });
    fireEvent.change(box, { target: { value: "الكويت" } });

    await waitFor(() => expect(decodeURIComponent(screen.getByTestId("location").textContent ?? "")).toBe("/directory/organisations?q=الكويت"));
    await waitFor(() => {
      const urls = fetchMock.mock.calls.map(([url]) => decodeURIComponent(String(url)));
      expect(urls.some((url) => url.startsWith("/api/organisations?q=الكويت"))).toBe(true);
    });
  });

  it("filters by kind and includes archived records through the address", async () => {
    mockDirectory(2);
    renderPage(<OrganisationsPage />, { route: "/directory/organisations", locale: "en" });
    await screen.findByText("2 organisations");
    fireEvent.change(screen.getByLabelText("Kind"), { target: { value: "ministry" } });
    fireEvent.click(screen.getByLabelText("Include archived records"));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/directory/organisations?kind=ministry&archived=include"));
  });
});
