import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { formatDate } from "../../../../common/dates.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildRecommendation, KUWAIT, QATAR, SEASONS } from "./fixtures.js";
import { RecommendationPage } from "./RecommendationPage.js";
import type { Recommendation, RecommendationUpdate } from "./types.js";

/** The page of recommendation r-1 as the server would answer; `updates` is its timeline. */
function mockPage(rec: Recommendation, updates: RecommendationUpdate[] = [], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/recommendations/r-1": () => jsonResponse(rec),
    "GET /api/recommendations/r-1/updates": () => jsonResponse({ items: updates, total: updates.length, page: 1, pageSize: 20 }),
    "GET /api/recommendations/r-1/actions": () => jsonResponse({ items: [], abilities: { create: false } }),
    // The season's name as the server stores it: with Latin digits.
    "GET /api/seasons": () => jsonResponse({ ...SEASONS, items: SEASONS.items.map((s) => ({ ...s, nameAr: `موسم حج ${s.hijriYear} هـ` })) }),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 30 }),
    ...extra,
  });
}

const bodies = (fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) =>
  fetchMock.mock.calls.filter(([url, init]) => init?.method === method && String(url).split("?")[0] === path).map(([, init]) => JSON.parse(String(init!.body)));

const SUBMITTED = "2025-05-20T09:00:00.000Z";

/** The first entry of a recommendation from an adopted English proposal; `text` is what the server told an English reader. */
const FROM_PROPOSAL: RecommendationUpdate = {
  id: "u-1",
  kind: "created",
  text: "Created from the proposal “Shared shuttle timetable” submitted by Qatari Hajj Mission on …",
  statusFrom: null,
  statusTo: "approved",
  progressFrom: null,
  progressTo: 0,
  links: [],
  target: null,
  fromProposal: {
    id: "p-1",
    title: "Shared shuttle timetable",
    language: "en",
    submittedAt: SUBMITTED,
    organisation: { nameAr: QATAR.nameAr, nameEn: QATAR.nameEn },
    sponsors: [{ nameAr: KUWAIT.nameAr, nameEn: KUWAIT.nameEn }],
    earlier: [],
    reference: "1446/5",
  },
  files: [],
  author: null,
  organisation: { id: "o-kw", code: "hajj-kw", nameAr: KUWAIT.nameAr, nameEn: KUWAIT.nameEn },
  createdAt: "2025-06-02T19:30:00.000Z",
};

const render = (locale: "ar" | "en", digits?: "arab" | "latn") => renderPage(<RecommendationPage />, { route: "/recommendations/r-1", path: "/recommendations/:id", locale, digits });
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u2066-\u2069]/g, "");

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("RecommendationPage — in the reader's language and digits", () => {
  it("tells an adopted English proposal's history in Arabic, with Hijri and Gregorian dates in Arabic-Indic digits", async () => {
    mockPage(buildRecommendation({ textAr: "", textEn: "Shared shuttle timetable — Agree one timetable", sourceProposal: { id: "p-1", title: "Shared shuttle timetable" } }), [FROM_PROPOSAL]);
    const { container } = render("ar");
    await waitFor(() => expect(container.querySelector(".timeline-text")).toBeTruthy());
    const history = plain(container.querySelector(".timeline-text")?.textContent);
    const day = (calendar: "hijri" | "gregorian") => formatDate(SUBMITTED, { locale: "ar", digits: "arab", calendar, timeZone: "Asia/Riyadh" });
    expect(history).toBe(
      `أُنشئت من المقترح «Shared shuttle timetable» المقدَّم من ${QATAR.nameAr} بتاريخ ${day("hijri")} (${day("gregorian")})، وشارك في رعايته: ${KUWAIT.nameAr}. واعتمده الاجتماع (القرار 1446/5).`,
    );
    expect(day("hijri")).toMatch(/^[٠-٩]+ .+ [٠-٩]{4} هـ$/);
    expect(history).not.toContain("Created from");
    // Written in English only: the English text, marked as such — not passed off as Arabic.
    const text = screen.getByText("Shared shuttle timetable — Agree one timetable");
    expect(text.getAttribute("lang")).toBe("en");
    expect(screen.getByText("هذا النص متاح بالإنجليزية فقط.")).toBeTruthy();
    // The season's name in the reader's digits.
    expect(await screen.findByText("موسم حج ١٤٤٦ هـ")).toBeTruthy();
  });

  it("tells it in English to an English reader", async () => {
    mockPage(buildRecommendation(), [FROM_PROPOSAL]);
    const { container } = render("en");
    await waitFor(() => expect(container.querySelector(".timeline-text")).toBeTruthy());
    const history = plain(container.querySelector(".timeline-text")?.textContent);
    expect(history).toMatch(/^Created from the proposal “Shared shuttle timetable” submitted by Qatari Hajj Mission on \d+ .+ \d{4} AH \(\d+ [A-Za-z]+ 2025\), co-sponsored by Kuwait Hajj Affairs Office\. Adopted by the meeting \(decision 1446\/5\)\.$/);
  });

  it("shows and reads the progress in Arabic-Indic digits, and refuses a number out of range without sending it", async () => {
    const fetchMock = mockPage(buildRecommendation(), [], {
      "PATCH /api/recommendations/r-1": (_url, init) => jsonResponse(buildRecommendation({ progress: JSON.parse(String(init.body)).progress, updatedAt: "2025-06-12T08:00:00.000Z" })),
    });
    render("ar");
    const number = (await screen.findByRole("spinbutton", { name: "النسبة المئوية" })) as HTMLInputElement;
    expect(number.value).toBe("٤٠");
    fireEvent.change(number, { target: { value: "150" } });
    expect(number.value).toBe("١٥٠");
    fireEvent.click(screen.getByRole("button", { name: "حفظ نسبة الإنجاز" }));
    expect(await screen.findByText("النسبة المئوية: أدخل عددًا صحيحًا من ٠ إلى ١٠٠.")).toBeTruthy();
    expect(number.getAttribute("aria-invalid")).toBe("true");
    expect(bodies(fetchMock, "PATCH", "/api/recommendations/r-1")).toEqual([]);
    // Typed in Latin digits: shown in the user's, and read back.
    fireEvent.change(number, { target: { value: "65" } });
    expect(number.value).toBe("٦٥");
    expect((screen.getByRole("slider") as HTMLInputElement).value).toBe("65");
    fireEvent.keyDown(number, { key: "ArrowUp" });
    expect(number.value).toBe("٦٦");
    fireEvent.change(number, { target: { value: "٧٠" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ نسبة الإنجاز" }));
    await waitFor(() => expect(bodies(fetchMock, "PATCH", "/api/recommendations/r-1")).toEqual([{ updatedAt: "2025-06-10T08:00:00.000Z", progress: 70 }]));
    // The slider writes the user's digits into the field too.
    fireEvent.change(screen.getByRole("slider"), { target: { value: "85" } });
    expect(number.value).toBe("٨٥");
  });

  it("keeps Latin digits for an Arabic reader who chose them", async () => {
    mockPage(buildRecommendation());
    render("ar", "latn");
    expect(((await screen.findByRole("spinbutton", { name: "النسبة المئوية" })) as HTMLInputElement).value).toBe("40");
    expect(await screen.findByText("موسم حج 1446 هـ")).toBeTruthy();
  });

  it("takes the new progress of an update in Arabic-Indic digits", async () => {
    const fetchMock = mockPage(buildRecommendation(), [], {
      "POST /api/recommendations/r-1/updates": () => jsonResponse({ ...FROM_PROPOSAL, id: "u-9", kind: "progress", text: "تم", fromProposal: null, progressFrom: 40, progressTo: 70 }, 201),
    });
    render("ar");
    fireEvent.click(await screen.findByRole("button", { name: "إضافة تحديث" }));
    fireEvent.change(screen.getByLabelText(/^ما الذي أُنجز/), { target: { value: "وُزّعت الخرائط." } });
    const progress = screen.getByRole("spinbutton", { name: "نسبة الإنجاز الجديدة (٪)" }) as HTMLInputElement;
    fireEvent.change(progress, { target: { value: "1O" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التحديث" }));
    expect(await screen.findByText("نسبة الإنجاز الجديدة (٪): أدخل عددًا صحيحًا من ٠ إلى ١٠٠.")).toBeTruthy();
    expect(bodies(fetchMock, "POST", "/api/recommendations/r-1/updates")).toEqual([]);
    fireEvent.change(progress, { target: { value: "٧٠" } });
    fireEvent.click(screen.getByRole("button", { name: "حفظ التحديث" }));
    await waitFor(() => expect(bodies(fetchMock, "POST", "/api/recommendations/r-1/updates")).toEqual([{ text: "وُزّعت الخرائط.", progress: 70 }]));
  });
});
