import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildProgramme, MINISTRY, OIC, SEASONS } from "./fixtures.js";
import { areasBody, draftAreas } from "./ProgrammeFormPage.js";
import { ProgrammeFormPage } from "./ProgrammeFormPage.js";

function mockForm(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/programmes/pr-1": () => jsonResponse(buildProgramme()),
    "GET /api/programmes": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 1, abilities: { create: true } }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/organisations/oic": () => jsonResponse({ ...OIC, groups: [] }),
    "GET /api/organisations": () => jsonResponse({ items: [OIC, MINISTRY], total: 2, page: 1, pageSize: 50 }),
    "GET /api/people": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 100 }),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 30 }),
    ...extra,
  });
}

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string) {
  const call = fetchMock.mock.calls.find(([, init]) => init?.method === method);
  return call ? JSON.parse(String(call[1]!.body)) : undefined;
}

// These pages render many fields (date inputs, pickers): allow for a slow machine.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("ProgrammeFormPage", () => {
  it("keeps the ids of saved areas when they are renamed and reordered; new areas go without one", async () => {
    const fetchMock = mockForm({ "PATCH /api/programmes/pr-1": () => jsonResponse(buildProgramme()) });
    renderPage(<ProgrammeFormPage />, { route: "/programmes/pr-1/edit", path: "/programmes/:id/edit", locale: "en" });

    const second = await screen.findByRole("group", { name: "Area 2" });
    fireEvent.change(within(second).getByLabelText(/^Title \(English\)/), { target: { value: "Quality of service to pilgrims" } });
    fireEvent.click(within(second).getByRole("button", { name: "Move up: Area 2" }));
    await waitFor(() => expect((within(screen.getByRole("group", { name: "Area 1" })).getByLabelText(/^Code/) as HTMLInputElement).value).toBe("QLT"));

    fireEvent.click(screen.getByRole("button", { name: "Add an area" }));
    const third = screen.getByRole("group", { name: "Area 3" });
    fireEvent.change(within(third).getByLabelText(/^Code/), { target: { value: "TRN" } });
    fireEvent.change(within(third).getByLabelText(/^Title \(Arabic\)/), { target: { value: "التدريب" } });
    fireEvent.change(within(third).getByLabelText(/^Title \(English\)/), { target: { value: "Training" } });

    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(bodyOf(fetchMock, "PATCH")).toBeDefined());
    const body = bodyOf(fetchMock, "PATCH");
    expect(body.areas).toEqual([
      { id: "a-2", code: "QLT", titleAr: "جودة الخدمة", titleEn: "Quality of service to pilgrims" },
      { id: "a-1", code: "AWR", titleAr: "توعية مقدمي الخدمة", titleEn: "Service-provider awareness" },
      { code: "TRN", titleAr: "التدريب", titleEn: "Training" },
    ]);
    expect(body.parties).toEqual([{ organisationId: "o-oic", signatoryName: "Secretary-General", signedOn: "2024-07-10" }, { organisationId: "o-moh" }]);
    expect(body).not.toHaveProperty("seasonCode");
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/programmes/pr-1"));
  }, 20_000);

  it("refuses an area without its code or titles before sending, naming the row", async () => {
    const fetchMock = mockForm();
    renderPage(<ProgrammeFormPage />, { route: "/programmes/pr-1/edit", path: "/programmes/:id/edit", locale: "ar" });
    fireEvent.click(await screen.findByRole("button", { name: "إضافة مجال" }));
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));
    const third = screen.getByRole("group", { name: "المجال ٣" });
    await waitFor(() => expect(within(third).getByLabelText(/^الرمز/).getAttribute("aria-invalid")).toBe("true"));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(false);
  });

  it("builds the areas' body from saved ones in their order", () => {
    const drafts = draftAreas([
      { id: "a-2", position: 1, code: "B", titleAr: "ب", titleEn: "B" },
      { id: "a-1", position: 0, code: "A", titleAr: "أ", titleEn: "A" },
    ]);
    expect(areasBody(drafts).map((a) => a.id)).toEqual(["a-1", "a-2"]);
  });
});
