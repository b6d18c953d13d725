import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildProgramme, OIC_ORG, SEASONS } from "./ProgrammeFixtures.js";
import { ProgrammeFormPage } from "./ProgrammeFormPage.js";

function mockForm(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/training/programmes/tp-asas": () => jsonResponse(buildProgramme()),
    "GET /api/training/programmes": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 1, abilities: { create: true } }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/organisations/oic": () => jsonResponse({ ...OIC_ORG, groups: [] }),
    "GET /api/organisations": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 50 }),
    "GET /api/programmes": () => jsonResponse({ items: [{ id: "cp-1", code: "oic-moh-1445", titleAr: "برنامج التعاون", titleEn: "Cooperation programme" }], total: 1, page: 1, pageSize: 100 }),
    ...extra,
  });
}

const calls = (fetchMock: ReturnType<typeof mockFetch>, method: string) => fetchMock.mock.calls.filter(([, init]) => init?.method === method);
const bodyOf = (fetchMock: ReturnType<typeof mockFetch>, method: string, index = 0) => JSON.parse(String(calls(fetchMock, method)[index]![1]!.body));

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("ProgrammeFormPage", () => {
  it("names each missing field in Arabic before sending, then shows the server's message under its field", async () => {
    const fetchMock = mockForm({
      "POST /api/training/programmes": () =>
        jsonResponse(
          {
            code: "VALIDATION_FAILED",
            message: "بعض الحقول تحتاج إلى مراجعة.",
            fields: [
              { field: "code", message: "صيغة «الرمز» غير صحيحة." },
              { field: "survey.1.textEn", message: "سؤال الاستبانة 2 — النص (بالإنجليزية) مطلوب." },
            ],
          },
          400,
        ),
    });
    renderPage(<ProgrammeFormPage />, { route: "/training/new", path: "/training/new", locale: "ar" });
    const save = await screen.findByRole("button", { name: "إنشاء البرنامج" });
    fireEvent.change(screen.getByLabelText(/^الحد الأدنى للحضور/), { target: { value: "١٢٠" } });
    fireEvent.click(save);
    const code = screen.getByLabelText(/^الرمز/);
    await waitFor(() => expect(code.getAttribute("aria-invalid")).toBe("true"));
    expect(screen.getByText("حقل «الرمز» مطلوب.")).toBeTruthy();
    expect(screen.getByText("حقل «العنوان (بالعربية)» مطلوب.")).toBeTruthy();
    expect(screen.getByText("حقل «الفئة المستهدفة» مطلوب.")).toBeTruthy();
    expect(screen.getByText(/الحد الأدنى للحضور \(٪\) يجب أن يكون عددًا صحيحًا من ٠ إلى ١٠٠/)).toBeTruthy();
    expect(calls(fetchMock, "POST")).toHaveLength(0);

    fireEvent.change(code, { target: { value: "asas 1445" } });
    fireEvent.change(screen.getByLabelText(/^الموسم/), { target: { value: "1445" } });
    fireEvent.change(screen.getByLabelText(/^العنوان \(بالعربية\)/), { target: { value: "برنامج أساس" } });
    fireEvent.change(screen.getByLabelText(/^العنوان \(بالإنجليزية\)/), { target: { value: "Asas" } });
    fireEvent.click(screen.getByLabelText("منظمو الحج"));
    fireEvent.change(screen.getByLabelText(/^الحد الأدنى للحضور/), { target: { value: "٨٠" } });
    fireEvent.change(within(screen.getByRole("group", { name: "سؤال الاستبانة ٢" })).getByLabelText(/^السؤال \(بالإنجليزية\)/), { target: { value: "  " } });
    fireEvent.click(save);
    // The blank English text of question 2 is caught before sending, as the code's format is not.
    await waitFor(() => expect(within(screen.getByRole("group", { name: "سؤال الاستبانة ٢" })).getByText("حقل «السؤال (بالإنجليزية)» مطلوب.")).toBeTruthy());
    expect(screen.getByText("يقتصر الرمز على الحروف اللاتينية والأرقام والنقطة والشرطة والشرطة السفلية، ويبدأ بحرف أو رقم.")).toBeTruthy();
    fireEvent.change(code, { target: { value: "asas-1445" } });
    fireEvent.change(within(screen.getByRole("group", { name: "سؤال الاستبانة ٢" })).getByLabelText(/^السؤال \(بالإنجليزية\)/), { target: { value: "The trainer" } });
    fireEvent.click(save);
    await waitFor(() => expect(calls(fetchMock, "POST")).toHaveLength(1));
    const body = bodyOf(fetchMock, "POST");
    expect(body).toMatchObject({ code: "asas-1445", seasonId: "1445", audience: ["organisers"], minAttendancePct: 80, minPostScorePct: 60, ownerIds: [], visibility: "members", enrolment: "open", cooperationProgrammeId: null });
    expect(body.survey).toHaveLength(5);
    expect(await screen.findByText("صيغة «الرمز» غير صحيحة.")).toBeTruthy();
    expect(code.getAttribute("aria-invalid")).toBe("true");
    expect(within(screen.getByRole("group", { name: "سؤال الاستبانة ٢" })).getByText("سؤال الاستبانة 2 — النص (بالإنجليزية) مطلوب.")).toBeTruthy();
  });

  it("keeps the user's changes when someone else saved first, and saves them over the new version on request", async () => {
    let patches = 0;
    const fetchMock = mockForm({
      "GET /api/training/programmes/tp-asas": () => jsonResponse(buildProgramme({ version: patches === 0 ? 3 : 4, titleEn: patches === 0 ? "Asas programme" : "Asas (Ministry edit)" })),
      "PATCH /api/training/programmes/tp-asas": () => {
        patches += 1;
        return patches === 1
          ? jsonResponse({ code: "TRAINING_PROGRAMME_CONFLICT", message: "Someone else changed this programme after you opened it." }, 409)
          : jsonResponse(buildProgramme({ version: 5 }));
      },
    });
    renderPage(<ProgrammeFormPage />, { route: "/training/tp-asas/edit", path: "/training/:id/edit", locale: "en", user: buildMe({ locale: "en", digits: "latn" }) });
    const title = await screen.findByLabelText(/^Title \(English\)/);
    fireEvent.change(title, { target: { value: "Asas: awareness for service providers" } });
    fireEvent.click(screen.getByRole("button", { name: "Save changes" }));
    const conflict = await screen.findByRole("region", { name: "Someone else saved this programme" });
    expect(within(conflict).getByText("Asas (Ministry edit)")).toBeTruthy();
    expect((title as HTMLInputElement).value).toBe("Asas: awareness for service providers");
    expect(bodyOf(fetchMock, "PATCH", 0).version).toBe(3);
    fireEvent.click(within(conflict).getByRole("button", { name: "Save my version over it" }));
    await waitFor(() => expect(calls(fetchMock, "PATCH")).toHaveLength(2));
    expect(bodyOf(fetchMock, "PATCH", 1)).toMatchObject({ version: 4, titleEn: "Asas: awareness for service providers" });
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/training/tp-asas"));
  });
});
