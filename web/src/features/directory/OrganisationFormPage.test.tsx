import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Organisation } from "../../api/types.js";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { OrganisationFormPage } from "./OrganisationFormPage.js";
import { invalidateDirectoryCache } from "./useDirectoryData.js";

const QATAR: Organisation = {
  id: "o-qa",
  code: "hajj-qa",
  kind: "hajj_mission",
  nameAr: "بعثة الحج القطرية",
  nameEn: "Qatari Hajj Mission",
  country: "QA",
  cityAr: "مكة المكرمة",
  cityEn: "Makkah",
  email: "office@hajj-qa.rifada.test",
  phone: null,
  website: null,
  addressAr: null,
  addressEn: null,
  visibility: "members",
  archivedAt: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  abilities: { update: true, archive: true },
};

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("OrganisationFormPage", () => {
  it("sends only the changed fields and shows the server's field error next to the field, keeping the input", async () => {
    let answer!: (response: Response) => void;
    const fetchMock = mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [{ code: "QA", nameAr: "قطر", nameEn: "Qatar", oicStatus: "member" }] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse(QATAR),
      "PATCH /api/organisations/o-qa": () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit" });

    const phone = await screen.findByLabelText("الهاتف");
    fireEvent.change(phone, { target: { value: "call us" } });
    fireEvent.change(screen.getByLabelText("المدينة (بالإنجليزية)"), { target: { value: "Makkah al-Mukarramah" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));

    expect(await screen.findByRole("button", { name: "جارٍ الحفظ…" })).toHaveProperty("disabled", true);
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH")!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ cityEn: "Makkah al-Mukarramah", phone: "call us" });

    await act(async () =>
      answer(jsonResponse({ code: "VALIDATION_FAILED", message: "بعض الحقول تحتاج إلى مراجعة.", fields: [{ field: "phone", message: "صيغة «الهاتف» غير صحيحة." }] }, 400)),
    );

    await waitFor(() => expect(phone.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("org-phone-error")?.textContent).toContain("صيغة «الهاتف» غير صحيحة.");
    expect(phone.getAttribute("aria-describedby")).toContain("org-phone-error");
    expect(screen.getByRole("alert").textContent).toContain("بعض الحقول تحتاج إلى مراجعة.");
    expect(phone).toHaveProperty("value", "call us");
    expect(screen.getByLabelText("المدينة (بالإنجليزية)")).toHaveProperty("value", "Makkah al-Mukarramah");
    // The keyboard is taken to the field to fix.
    expect(document.activeElement).toBe(phone);
  });

  it("explains each visibility level", async () => {
    mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse(QATAR),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit", locale: "en" });
    const members = await screen.findByRole("radio", { name: "All platform users" });
    expect(members).toHaveProperty("checked", true);
    const description = document.getElementById(members.getAttribute("aria-describedby")!);
    expect(description?.textContent).toBe("Visible to every signed-in user of the platform.");
    expect(screen.getByRole("radio", { name: "Own organisation only" })).toBeTruthy();
    expect(screen.getByRole("radio", { name: "Public" })).toBeTruthy();
  });

  it("refuses the form when the record's abilities do not allow an update", async () => {
    mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, abilities: { update: false, archive: false } }),
    });
    renderPage(<OrganisationFormPage />, {
      route: "/directory/organisations/hajj-qa/edit",
      path: "/directory/organisations/:code/edit",
      user: buildMe({ role: "member" }),
    });
    expect(await screen.findByRole("heading", { name: "لا تملك صلاحية الوصول" })).toBeTruthy();
  });
});
