import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Me, Organisation, Person } from "../../api/types.js";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { PersonDetailPage } from "./PersonDetailPage.js";
import { PersonFormPage } from "./PersonFormPage.js";
import { invalidateDirectoryCache } from "./useDirectoryData.js";

const GCC = { id: "g-gcc", code: "gcc-hajj-offices", nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون", nameEn: "GCC Hajj-affairs offices" };
const OIC_STATES = { id: "g-oic", code: "oic-member-states", nameAr: "الدول الأعضاء في المنظمة", nameEn: "OIC member states" };

const QATAR: Organisation = {
  id: "o-qa",
  code: "hajj-qa",
  kind: "hajj_mission",
  nameAr: "بعثة الحج القطرية",
  nameEn: "Qatari Hajj Mission",
  country: "QA",
  cityAr: null,
  cityEn: null,
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
  groups: [OIC_STATES, GCC],
  abilities: { update: true, archive: true, createPerson: true },
};

const PERSON: Person = {
  id: "p-1",
  organisation: { id: "o-qa", code: "hajj-qa", nameAr: QATAR.nameAr, nameEn: QATAR.nameEn, kind: "hajj_mission" },
  nameAr: "سعد ناصر الهاجري",
  nameEn: "Saad Nasser Al-Hajri",
  position: "official",
  titleAr: null,
  titleEn: null,
  email: null,
  phone: null,
  preferredLanguage: "ar",
  visibility: "group",
  shareGroup: GCC,
  archivedAt: null,
  createdAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  abilities: { update: true, archive: true },
};

const QATARI_ADMIN: Me = buildMe({
  role: "org_admin",
  organisation: PERSON.organisation,
  can: { manageUsers: true, manageDirectory: true, viewAudit: false, viewOutbox: false, createOrganisation: false, createGroup: false, createPerson: true },
});

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string): unknown {
  const call = fetchMock.mock.calls.find(([, init]) => init?.method === method);
  return call ? JSON.parse(String(call[1]!.body)) : undefined;
}

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("PersonFormPage", () => {
  it("asks for one of the organisation's groups only with visibility \"group\", requires it and sends it", async () => {
    const fetchMock = mockFetch({
      "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
      "GET /api/organisations/o-qa": () => jsonResponse(QATAR),
      "POST /api/people": () => jsonResponse({ ...PERSON, id: "p-new" }, 201),
    });
    renderPage(<PersonFormPage />, { route: "/directory/people/new", path: "/directory/people/new", locale: "en", user: QATARI_ADMIN });

    await waitFor(() => expect(screen.getByLabelText(/^Organisation(?!s)/)).toHaveProperty("value", "o-qa"));
    fireEvent.change(screen.getByLabelText(/^Name in Arabic/), { target: { value: "سعد ناصر الهاجري" } });
    fireEvent.change(screen.getByLabelText(/^Name in English/), { target: { value: "Saad Nasser Al-Hajri" } });
    expect(screen.queryByLabelText(/Shared with group/)).toBeNull();

    fireEvent.click(screen.getByRole("radio", { name: "Organisations of one group" }));
    const select = (await screen.findByLabelText(/Shared with group/)) as HTMLSelectElement;
    await waitFor(() => expect(select.options).toHaveLength(3));
    expect(select.getAttribute("aria-required")).toBe("true");
    // Sorted by name in the interface language.
    expect([...select.options].map((o) => o.textContent)).toEqual(["Choose…", "GCC Hajj-affairs offices", "OIC member states"]);

    fireEvent.click(screen.getByRole("button", { name: "Add the person" }));
    await waitFor(() => expect(select.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("person-visibility-shareGroupId-error")?.textContent).toContain("Shared with group is required.");
    expect(bodyOf(fetchMock, "POST")).toBeUndefined();

    fireEvent.change(select, { target: { value: "g-gcc" } });
    fireEvent.click(screen.getByRole("button", { name: "Add the person" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/directory/people/p-new"));
    expect(bodyOf(fetchMock, "POST")).toEqual({
      organisationId: "o-qa",
      nameAr: "سعد ناصر الهاجري",
      nameEn: "Saad Nasser Al-Hajri",
      position: "official",
      preferredLanguage: "ar",
      visibility: "group",
      shareGroupId: "g-gcc",
    });
  });

  it("does not send a group picked and then left for another visibility", async () => {
    const fetchMock = mockFetch({
      "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
      "GET /api/organisations/o-qa": () => jsonResponse(QATAR),
      "POST /api/people": () => jsonResponse({ ...PERSON, id: "p-new" }, 201),
    });
    renderPage(<PersonFormPage />, { route: "/directory/people/new", path: "/directory/people/new", locale: "en", user: QATARI_ADMIN });
    await waitFor(() => expect(screen.getByLabelText(/^Organisation(?!s)/)).toHaveProperty("value", "o-qa"));
    fireEvent.change(screen.getByLabelText(/^Name in Arabic/), { target: { value: "سعد" } });
    fireEvent.change(screen.getByLabelText(/^Name in English/), { target: { value: "Saad" } });
    fireEvent.click(screen.getByRole("radio", { name: "Organisations of one group" }));
    const select = await screen.findByLabelText(/Shared with group/);
    await waitFor(() => expect(select).toHaveProperty("disabled", false));
    fireEvent.change(select, { target: { value: "g-oic" } });
    fireEvent.click(screen.getByRole("radio", { name: "Own organisation only" }));
    fireEvent.click(screen.getByRole("button", { name: "Add the person" }));
    await waitFor(() => expect(bodyOf(fetchMock, "POST")).toBeDefined());
    expect(bodyOf(fetchMock, "POST")).toMatchObject({ visibility: "private" });
    expect(bodyOf(fetchMock, "POST")).not.toHaveProperty("shareGroupId");
  });

  it("keeps the shared group of an existing person, sends only a change and shows the server's message beside the select", async () => {
    const fetchMock = mockFetch({
      "GET /api/people/p-1": () => jsonResponse(PERSON),
      "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
      "GET /api/organisations/hajj-qa": () => jsonResponse(QATAR),
      "PATCH /api/people/p-1": () =>
        jsonResponse(
          { code: "VALIDATION_FAILED", message: "بعض الحقول تحتاج إلى مراجعة.", fields: [{ field: "shareGroupId", message: "يجب أن تكون «المجموعة المشارَك معها» إحدى القيم المسموح بها." }] },
          400,
        ),
    });
    renderPage(<PersonFormPage />, { route: "/directory/people/p-1/edit", path: "/directory/people/:id/edit", user: QATARI_ADMIN });

    const select = (await screen.findByLabelText(/المجموعة المشارَك معها/)) as HTMLSelectElement;
    await waitFor(() => expect(select.value).toBe("g-gcc"));
    fireEvent.click(screen.getByRole("radio", { name: "جميع مستخدمي المنصة" }));
    expect(screen.queryByLabelText(/المجموعة المشارَك معها/)).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "جهات مجموعة محددة" }));
    expect(screen.getByLabelText(/المجموعة المشارَك معها/)).toHaveProperty("value", "g-gcc");

    fireEvent.change(screen.getByLabelText(/المجموعة المشارَك معها/), { target: { value: "g-oic" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));
    await waitFor(() => expect(bodyOf(fetchMock, "PATCH")).toEqual({ shareGroupId: "g-oic" }));

    const shown = screen.getByLabelText(/المجموعة المشارَك معها/);
    await waitFor(() => expect(shown.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("person-visibility-shareGroupId-error")?.textContent).toContain("إحدى القيم المسموح بها");
    expect(shown.getAttribute("aria-describedby")).toContain("person-visibility-shareGroupId-error");
    expect(shown).toHaveProperty("value", "g-oic");
  });

  it("explains why a person of an organisation without groups cannot be shared with one", async () => {
    mockFetch({
      "GET /api/organisations": () => jsonResponse({ items: [QATAR], total: 1, page: 1, pageSize: 100 }),
      "GET /api/organisations/o-qa": () => jsonResponse({ ...QATAR, groups: [] }),
    });
    renderPage(<PersonFormPage />, { route: "/directory/people/new", path: "/directory/people/new", locale: "en", user: QATARI_ADMIN });
    const group = await screen.findByRole("radio", { name: "Organisations of one group" });
    await waitFor(() => expect(group).toHaveProperty("disabled", true));
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toContain("belongs to no group");
  });
});

describe("PersonDetailPage", () => {
  it("names the group a person is shared with", async () => {
    mockFetch({ "GET /api/people/p-1": () => jsonResponse(PERSON) });
    renderPage(<PersonDetailPage />, { route: "/directory/people/p-1", path: "/directory/people/:id" });
    const link = await screen.findByRole("link", { name: "مكاتب شؤون الحجاج بدول مجلس التعاون" });
    expect(link.getAttribute("href")).toBe("/directory/groups/gcc-hajj-offices");
    expect(link.parentElement?.textContent).toBe("مشارَكة مع: مكاتب شؤون الحجاج بدول مجلس التعاون");
  });
});
