import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { EventsPage } from "./EventsPage.js";
import { buildEvent, buildWorkshop } from "./fixtures.js";
import { invalidateSeasons } from "./useEventsData.js";

const SEASONS = {
  items: [
    { id: "s-1446", code: "1446", hijriYear: 1446, nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH", startsOn: "2024-07-07", endsOn: "2025-06-25", eventCount: 1, abilities: { update: false } },
  ],
  abilities: { create: false },
};

function mockEvents() {
  return mockFetch({
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/events": () =>
      jsonResponse({
        items: [buildEvent(), buildWorkshop({ myRegistration: { id: "r1", status: "waitlisted", waitlistPosition: 3 } })],
        total: 2,
        page: 1,
        pageSize: 20,
        abilities: { create: true },
      }),
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("EventsPage", () => {
  it("lists events in Arabic, right to left, with Hijri and Gregorian dates side by side", async () => {
    const fetchMock = mockEvents();
    renderPage(<EventsPage />, { route: "/events", locale: "ar" });
    expect(document.documentElement.dir).toBe("rtl");
    expect(await screen.findByRole("heading", { level: 1, name: "الفعاليات" })).toBeTruthy();

    const link = await screen.findByRole("link", { name: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون" });
    expect(link.getAttribute("href")).toBe("/events/e-gcc");
    const row = link.closest("tr")!;
    expect(within(row).getByText("اجتماع")).toBeTruthy();
    expect(within(row).getByText("حضوري")).toBeTruthy();
    expect(within(row).getByText("مكتب شؤون الحجاج الكويتي")).toBeTruthy();
    expect(row.querySelector("time")?.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)");
    expect(within(row).getByText("بالدعوة")).toBeTruthy();

    const workshop = screen.getByRole("link", { name: "ورشة ترحاب" }).closest("tr")!;
    expect(within(workshop).getByText("ورشة عمل")).toBeTruthy();
    expect(within(workshop).getByText("افتراضي")).toBeTruthy();
    expect(within(workshop).getByText("عبر الإنترنت")).toBeTruthy();
    expect(within(workshop).getByText("في قائمة الانتظار رقم ٣")).toBeTruthy();
    expect(screen.getByText("فعاليتان")).toBeTruthy();
    expect(screen.getByRole("link", { name: "فعالية جديدة" }).getAttribute("href")).toBe("/events/new");
    expect(screen.getByRole("link", { name: "القادمة" }).getAttribute("aria-current")).toBe("page");

    const url = new URL(String(fetchMock.mock.calls.find(([u]) => String(u).startsWith("/api/events"))![0]), "http://localhost");
    expect(url.searchParams.get("when")).toBe("upcoming");
  });

  it("lists the same events in English, left to right, and sends the filters of the address", async () => {
    const fetchMock = mockEvents();
    renderPage(<EventsPage />, { route: "/events?season=1446&when=all&kind=meeting&q=GCC", locale: "en" });
    expect(document.documentElement.dir).toBe("ltr");
    const link = await screen.findByRole("link", { name: "Annual meeting of the GCC Hajj-affairs offices" });
    const row = link.closest("tr")!;
    expect(row.querySelector("time")?.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025)");
    expect(within(row).getByText("Meeting")).toBeTruthy();
    expect(within(row).getByText("In person")).toBeTruthy();
    expect(within(row).getByText("Kuwaiti Hajj office, Mecca")).toBeTruthy();
    const workshop = screen.getByRole("link", { name: "Terhab workshop" }).closest("tr")!;
    expect(within(workshop).getByText("Waitlisted #3")).toBeTruthy();
    expect(screen.getByRole("link", { name: "All" }).getAttribute("aria-current")).toBe("page");
    await waitFor(() => expect(screen.getByLabelText("Season")).toHaveProperty("value", "1446"));

    const url = new URL(String(fetchMock.mock.calls.find(([u]) => String(u).startsWith("/api/events"))![0]), "http://localhost");
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ season: "1446", when: "all", kind: "meeting", q: "GCC" });
  });

  it("shows the seats taken of an open event without a registration", async () => {
    mockFetch({
      "GET /api/seasons": () => jsonResponse(SEASONS),
      "GET /api/events": () => jsonResponse({ items: [buildWorkshop({ capacity: 40, confirmedCount: 12 })], total: 1, page: 1, pageSize: 20, abilities: { create: false } }),
    });
    renderPage(<EventsPage />, { route: "/events", locale: "en" });
    expect(await screen.findByText("12 of 40 seats")).toBeTruthy();
    expect(screen.queryByRole("link", { name: "New event" })).toBeNull();
  });
});
