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
  shareGroup: null,
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

  const GCC = { id: "g-gcc", code: "gcc-hajj-offices", nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون", nameEn: "GCC Hajj-affairs offices" };
  const OIC_STATES = { id: "g-oic", code: "oic-member-states", nameAr: "الدول الأعضاء في المنظمة", nameEn: "OIC member states" };

  it("asks for the group only with visibility \"group\", requires it, keeps it across switches and sends it once chosen", async () => {
    const fetchMock = mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, groups: [GCC, OIC_STATES] }),
      "PATCH /api/organisations/o-qa": () => jsonResponse({ ...QATAR, visibility: "group", shareGroup: GCC }),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit", locale: "en" });

    const group = await screen.findByRole("radio", { name: "Organisations of one group" });
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toContain("one chosen group");
    expect(screen.queryByLabelText(/Shared with group/)).toBeNull();

    fireEvent.click(group);
    const select = screen.getByLabelText(/Shared with group/) as HTMLSelectElement;
    expect(select.getAttribute("aria-required")).toBe("true");
    expect([...select.options].map((o) => o.textContent)).toEqual(["Choose…", "GCC Hajj-affairs offices", "OIC member states"]);

    // Required: nothing is sent without a group.
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(select.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("org-visibility-shareGroupId-error")?.textContent).toContain("Shared with group is required.");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(false);

    fireEvent.change(select, { target: { value: "g-gcc" } });
    // The "required" message goes once a group is chosen.
    expect(document.getElementById("org-visibility-shareGroupId-error")).toBeNull();
    expect(select.getAttribute("aria-invalid")).toBeNull();
    // Leaving "group" hides the select; coming back shows the same choice.
    fireEvent.click(screen.getByRole("radio", { name: "Public" }));
    expect(screen.queryByLabelText(/Shared with group/)).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Organisations of one group" }));
    expect(screen.getByLabelText(/Shared with group/)).toHaveProperty("value", "g-gcc");

    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/directory/organisations/hajj-qa"));
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH")!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ visibility: "group", shareGroupId: "g-gcc" });
  });

  it("sends neither the group nor anything else unchanged when the shared group is kept", async () => {
    const fetchMock = mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, visibility: "group", shareGroup: GCC, groups: [GCC, OIC_STATES] }),
      "PATCH /api/organisations/o-qa": () => jsonResponse({ ...QATAR, visibility: "group", shareGroup: GCC }),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit", locale: "en" });
    expect(await screen.findByLabelText(/Shared with group/)).toHaveProperty("value", "g-gcc");
    fireEvent.change(screen.getByLabelText("City (English)"), { target: { value: "Doha" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(true));
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH")!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ cityEn: "Doha" });
  });

  it("shows the server's message about the group next to the group select", async () => {
    mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, groups: [GCC] }),
      "PATCH /api/organisations/o-qa": () =>
        jsonResponse({ code: "VALIDATION_FAILED", message: "بعض الحقول تحتاج إلى مراجعة.", fields: [{ field: "shareGroupId", message: "يجب أن تكون «المجموعة المشارَك معها» إحدى القيم المسموح بها." }] }, 400),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit" });
    fireEvent.click(await screen.findByRole("radio", { name: "جهات مجموعة محددة" }));
    const select = screen.getByLabelText(/المجموعة المشارَك معها/);
    fireEvent.change(select, { target: { value: "g-gcc" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التغييرات" }));

    await waitFor(() => expect(select.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("org-visibility-shareGroupId-error")?.textContent).toContain("إحدى القيم المسموح بها");
    expect(select.getAttribute("aria-describedby")).toContain("org-visibility-shareGroupId-error");
    // Shown by the select, so not repeated in the summary.
    expect(screen.getByRole("alert").querySelector("ul")).toBeNull();
    // Focus moves to the field in an effect after the error renders.
    await waitFor(() => expect(document.activeElement).toBe(select));
  });

  it("explains that a new organisation cannot be shared with a group yet", async () => {
    mockFetch({ "GET /api/countries": () => jsonResponse({ items: [] }) });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/new", path: "/directory/organisations/new", locale: "en" });
    const group = await screen.findByRole("radio", { name: "Organisations of one group" });
    expect(group).toHaveProperty("disabled", true);
    expect(document.getElementById(group.getAttribute("aria-describedby")!)?.textContent).toContain("once it has been added to one");
    expect(screen.getByRole("radio", { name: "All platform users" })).toHaveProperty("checked", true);
  });

  it("shows the code and the kind read-only to an organisation admin, and never sends them", async () => {
    const fetchMock = mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, groups: [] }),
      "PATCH /api/organisations/o-qa": () => jsonResponse(QATAR),
    });
    const admin = buildMe({
      role: "org_admin",
      organisation: { id: "o-qa", code: "hajj-qa", nameAr: QATAR.nameAr, nameEn: QATAR.nameEn, kind: "hajj_mission" },
      can: { manageUsers: true, manageDirectory: true, viewAudit: false, viewOutbox: false, createOrganisation: false, createGroup: false, createPerson: true },
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit", locale: "en", user: admin });

    const code = await screen.findByLabelText("Code");
    const kind = screen.getByLabelText("Kind");
    for (const field of [code, kind]) {
      expect(field.tagName).toBe("INPUT");
      expect(field).toHaveProperty("readOnly", true);
      expect(field).toHaveProperty("disabled", false);
      expect(document.getElementById(field.getAttribute("aria-describedby")!)?.textContent).toBe("Only the platform coordinators can change this.");
    }
    expect(code).toHaveProperty("value", "hajj-qa");
    expect(kind).toHaveProperty("value", "Hajj mission / Hajj-affairs office");

    fireEvent.change(screen.getByLabelText(/^Name in English/), { target: { value: "Qatar Hajj Mission" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(true));
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === "PATCH")!;
    expect(JSON.parse(String(patch[1]!.body))).toEqual({ nameEn: "Qatar Hajj Mission" });
  });

  it("lets a coordinator change the code and the kind", async () => {
    mockFetch({
      "GET /api/countries": () => jsonResponse({ items: [] }),
      "GET /api/organisations/hajj-qa": () => jsonResponse({ ...QATAR, groups: [] }),
    });
    renderPage(<OrganisationFormPage />, { route: "/directory/organisations/hajj-qa/edit", path: "/directory/organisations/:code/edit", locale: "en" });
    expect(await screen.findByLabelText(/^Code/)).toHaveProperty("readOnly", false);
    expect(screen.getByLabelText(/^Kind/).tagName).toBe("SELECT");
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
