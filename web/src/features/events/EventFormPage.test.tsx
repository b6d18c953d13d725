import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { EventFormPage } from "./EventFormPage.js";
import { buildEvent, KUWAIT } from "./fixtures.js";
import { invalidateSeasons } from "./useEventsData.js";

const SEASONS = {
  items: [{ id: "s-1446", code: "1446", hijriYear: 1446, nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH", startsOn: "2024-07-07", endsOn: "2025-06-25", eventCount: 0, abilities: { update: true } }],
  abilities: { create: true },
};
const KUWAIT_ORG = { ...KUWAIT, groups: [{ id: "g-gcc", code: "gcc-hajj-offices", nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون", nameEn: "GCC Hajj-affairs offices" }] };
const KUWAITI_ADMIN = buildMe({ role: "org_admin", organisation: KUWAIT });

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string): Record<string, unknown> | undefined {
  const call = fetchMock.mock.calls.find(([, init]) => init?.method === method);
  return call ? JSON.parse(String(call[1]!.body)) : undefined;
}

function mockForm(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/organisations/hajj-kw": () => jsonResponse(KUWAIT_ORG),
    "GET /api/people": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100, abilities: { create: true } }),
    ...extra,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("EventFormPage", () => {
  it("turns a Hijri date and wall-clock times into startsLocal/endsLocal (6 Dhu al-Hijjah 1446, 20:00 → 2025-06-02T20:00)", async () => {
    const fetchMock = mockForm({ "POST /api/events": () => jsonResponse(buildEvent({ id: "e-new" }), 201) });
    renderPage(<EventFormPage />, { route: "/events/new", path: "/events/new", locale: "ar", user: KUWAITI_ADMIN });

    const season = (await screen.findByLabelText(/^الموسم/)) as HTMLSelectElement;
    await waitFor(() => expect(season.options).toHaveLength(2));
    fireEvent.change(season, { target: { value: "s-1446" } });
    fireEvent.change(screen.getByLabelText(/^العنوان بالعربية/), { target: { value: "الاجتماع السنوي لمكاتب شؤون الحجاج" } });
    fireEvent.change(screen.getByLabelText(/^العنوان بالإنجليزية/), { target: { value: "Annual meeting of the GCC Hajj offices" } });

    // Arabic starts in the Hijri calendar.
    expect((screen.getByLabelText("هجري") as HTMLInputElement).checked).toBe(true);
    fireEvent.change(document.getElementById("event-date")!, { target: { value: "٦" } });
    fireEvent.change(document.getElementById("event-date-month")!, { target: { value: "12" } });
    fireEvent.change(document.getElementById("event-date-year")!, { target: { value: "١٤٤٦" } });
    fireEvent.change(screen.getByLabelText(/^وقت البدء/), { target: { value: "20:00" } });
    fireEvent.change(screen.getByLabelText(/^وقت الانتهاء/), { target: { value: "22:00" } });
    fireEvent.change(screen.getByLabelText(/^المكان بالعربية/), { target: { value: "مقر مكتب شؤون الحجاج الكويتي بمكة المكرمة" } });

    fireEvent.click(screen.getByRole("button", { name: "إنشاء الفعالية" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/events/e-new"));
    expect(bodyOf(fetchMock, "POST")).toEqual({
      seasonId: "s-1446",
      kind: "meeting",
      mode: "in_person",
      titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج",
      titleEn: "Annual meeting of the GCC Hajj offices",
      venueAr: "مقر مكتب شؤون الحجاج الكويتي بمكة المكرمة",
      startsLocal: "2025-06-02T20:00",
      endsLocal: "2025-06-02T22:00",
      timeZone: "Asia/Riyadh",
      registration: "invitation",
      visibility: "members",
    });
  });

  it("sends only the changed fields, and shows the server's message beside the field, keeping the input", async () => {
    const fetchMock = mockForm({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } })),
      "PATCH /api/events/e-gcc": () =>
        jsonResponse({ code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: [{ field: "endsLocal", message: "End must not be before the start." }] }, 400),
    });
    renderPage(<EventFormPage />, { route: "/events/e-gcc/edit", path: "/events/:id/edit", locale: "en", user: KUWAITI_ADMIN });

    const end = (await screen.findByLabelText(/^End time/)) as HTMLInputElement;
    expect(end.value).toBe("22:00");
    fireEvent.change(end, { target: { value: "19:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));

    await waitFor(() => expect(bodyOf(fetchMock, "PATCH")).toBeDefined());
    expect(bodyOf(fetchMock, "PATCH")).toEqual({ startsLocal: "2025-06-02T20:00", endsLocal: "2025-06-02T19:00", timeZone: "Asia/Riyadh" });
    await waitFor(() => expect(end.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("event-endTime-error")?.textContent).toContain("End must not be before the start.");
    expect(end.value).toBe("19:00");
  });
});

describe("EventFormPage — status and host", () => {
  it("lets a coordinator create the event on behalf of another organisation, as a draft", async () => {
    const coordinator = buildMe();
    const fetchMock = mockForm({
      "GET /api/organisations": () => jsonResponse({ items: [KUWAIT_ORG, { ...KUWAIT_ORG, ...buildMe().organisation, groups: [] }], total: 2, page: 1, pageSize: 100 }),
      "GET /api/organisations/oic": () => jsonResponse({ ...buildMe().organisation, groups: [] }),
      "POST /api/events": () => jsonResponse(buildEvent({ id: "e-new" }), 201),
    });
    renderPage(<EventFormPage />, { route: "/events/new", path: "/events/new", locale: "en", user: coordinator });

    const host = (await screen.findByLabelText(/^Host organisation/)) as HTMLSelectElement;
    expect(host.value).toBe("o-oic");
    await waitFor(() => expect([...host.options].map((o) => o.value)).toContain("o-kw"));
    fireEvent.change(host, { target: { value: "o-kw" } });
    await waitFor(() => expect(screen.getByText(KUWAIT.nameEn, { selector: ".page-subtitle" })).toBeTruthy());

    const season = (await screen.findByLabelText(/^Season/)) as HTMLSelectElement;
    await waitFor(() => expect(season.options).toHaveLength(2));
    fireEvent.change(season, { target: { value: "s-1446" } });
    fireEvent.change(screen.getByLabelText(/^Title \(Arabic\)/), { target: { value: "اجتماع تنسيقي" } });
    fireEvent.change(screen.getByLabelText(/^Title \(English\)/), { target: { value: "Coordination meeting" } });
    fireEvent.change(document.getElementById("event-date")!, { target: { value: "2/6/2025" } });
    fireEvent.change(screen.getByLabelText(/^Start time/), { target: { value: "20:00" } });
    fireEvent.change(screen.getByLabelText(/^End time/), { target: { value: "22:00" } });
    fireEvent.click(screen.getByLabelText("Draft"));
    fireEvent.click(screen.getByRole("button", { name: "Create the event" }));

    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/events/e-new"));
    expect(bodyOf(fetchMock, "POST")).toMatchObject({ hostOrganisationId: "o-kw", status: "draft", seasonId: "s-1446", startsLocal: "2025-06-02T20:00" });
  });

  it("does not offer another host to an organisation's admin, and cancels an event by its status", async () => {
    const fetchMock = mockForm({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } })),
      "PATCH /api/events/e-gcc": () => jsonResponse(buildEvent({ status: "cancelled" })),
    });
    renderPage(<EventFormPage />, { route: "/events/e-gcc/edit", path: "/events/:id/edit", locale: "ar", user: KUWAITI_ADMIN });

    const published = (await screen.findByLabelText("منشورة")) as HTMLInputElement;
    expect(published.checked).toBe(true);
    expect(screen.queryByLabelText(/^الجهة المستضيفة/)).toBeNull();
    fireEvent.click(screen.getByLabelText("ملغاة"));
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));
    await waitFor(() => expect(bodyOf(fetchMock, "PATCH")).toEqual({ status: "cancelled" }));
  });
});
