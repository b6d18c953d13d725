import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildAwarenessGain, buildRecommendation, openDialog, SEASONS, TRAINING_PROGRAMMES } from "./fixtures.js";
import { RecommendationPage } from "./RecommendationPage.js";
import type { Recommendation, RecommendationLink, RecommendationUpdate } from "./types.js";

const ASAS_WORKSHOP: RecommendationLink = { targetType: "event", targetId: "e-asas", title: { ar: "ورشة أساس", en: "Asas workshop" }, startsAt: "2024-05-26T06:00:00.000Z", createdAt: "2025-06-03T08:00:00.000Z" };
const ASAS_PROGRAMME: RecommendationLink = {
  targetType: "training_programme",
  targetId: "tp-asas",
  title: { ar: TRAINING_PROGRAMMES[0]!.titleAr, en: TRAINING_PROGRAMMES[0]!.titleEn },
  startsAt: null,
  createdAt: "2025-06-03T08:05:00.000Z",
};
const WORKSHOP_FIGURES = { id: "e-asas", titleAr: "ورشة أساس", titleEn: "Asas workshop", startsAt: "2024-05-26T06:00:00.000Z", endsAt: "2024-05-26T08:30:00.000Z", held: true, participants: 13, countries: 9 };

/** Recommendation r-1 linked to the Asas workshop and, unless told otherwise, the Asas programme. */
function linked(overrides: Partial<Recommendation> = {}): Recommendation {
  return buildRecommendation({
    links: [ASAS_WORKSHOP, ASAS_PROGRAMME],
    impact: { workshops: [WORKSHOP_FIGURES], participants: 13, countries: 9, awarenessGain: buildAwarenessGain() },
    ...overrides,
  });
}

function mockPage(rec: Recommendation | (() => Recommendation), updates: RecommendationUpdate[] = [], extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/recommendations/r-1": () => jsonResponse(typeof rec === "function" ? rec() : rec),
    "GET /api/recommendations/r-1/updates": () => jsonResponse({ items: updates, total: updates.length, page: 1, pageSize: 20 }),
    "GET /api/recommendations/r-1/actions": () => jsonResponse({ items: [], abilities: { create: false } }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 30 }),
    "GET /api/training/programmes": () => jsonResponse({ items: TRAINING_PROGRAMMES, total: 2, page: 1, pageSize: 100, abilities: { create: false } }),
    ...extra,
  });
}

const render = (locale: "ar" | "en" = "en", digits?: "arab" | "latn") => renderPage(<RecommendationPage />, { route: "/recommendations/r-1", path: "/recommendations/:id", locale, digits });
/** Text without the bidi marks Intl and the page put around numbers and names. */
const plain = (text: string | null | undefined) => (text ?? "").replace(/[\u061c\u200e\u200f\u2066-\u2069]/g, "");
const impactRegion = async (name = "Linked workshops and training, and what happened") => screen.findByRole("region", { name });
const stat = (region: HTMLElement, label: string) => within(region).getByText(label, { selector: "dt" }).nextElementSibling as HTMLElement;

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("RecommendationImpact — awareness gain", () => {
  it("shows the gain in points, the averages before and after, and the programmes it covers", async () => {
    mockPage(linked());
    render("en");
    const region = await impactRegion();
    expect(plain(stat(region, "Awareness gain").textContent)).toBe("+44.8 points");
    expect(within(region).getByText("Average score: 37.7% before the training, 84.4% after it; 16 trainees took both tests.")).toBeTruthy();
    const covered = region.querySelector(".awareness-programmes") as HTMLElement;
    expect(within(covered).getAllByRole("link").map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      [TRAINING_PROGRAMMES[0]!.titleEn, "/training/tp-asas"],
      [TRAINING_PROGRAMMES[1]!.titleEn, "/training/tp-terhab"],
    ]);
    expect(plain(stat(region, "Participants").textContent)).toBe("13");
  });

  it("writes the figures in the user's digits, in Arabic", async () => {
    mockPage(linked());
    render("ar", "arab");
    const region = await impactRegion("ورش العمل والبرامج التدريبية المرتبطة وما تحقق فيها");
    expect(plain(stat(region, "ارتفاع الوعي").textContent)).toBe("+٤٤٫٨ نقطة");
    expect(plain(region.querySelector(".awareness-detail")?.textContent)).toContain("متوسط الدرجات: ٣٧٫٧٪ قبل التدريب، و٨٤٫٤٪ بعده؛ وأدّى الاختبارين ١٦ متدربًا.");
  });

  it("keeps Latin digits in Arabic when the user chose them; a loss shows with its sign", async () => {
    mockPage(linked({ impact: { workshops: [WORKSHOP_FIGURES], participants: 13, countries: 9, awarenessGain: buildAwarenessGain({ avgGain: -3, paired: 2 }) } }));
    render("ar", "latn");
    const region = await impactRegion("ورش العمل والبرامج التدريبية المرتبطة وما تحقق فيها");
    expect(plain(stat(region, "ارتفاع الوعي").textContent)).toBe("-3 نقاط");
    expect(plain(region.querySelector(".awareness-detail")?.textContent)).toContain("وأدّى الاختبارين متدربان.");
  });

  it("says when no training programme is linked, and when nobody has taken both tests yet", async () => {
    mockPage(linked({ links: [ASAS_WORKSHOP], impact: { workshops: [WORKSHOP_FIGURES], participants: 13, countries: 9, awarenessGain: null } }));
    const { unmount } = render("en");
    let region = await impactRegion();
    expect(stat(region, "Awareness gain").textContent).toBe("No training programme linked");
    expect(region.querySelector(".awareness-detail")).toBeNull();
    expect(within(region).queryByRole("columnheader", { name: "Training programme" })).toBeNull();
    unmount();
    vi.unstubAllGlobals();

    mockPage(linked({ impact: { workshops: [WORKSHOP_FIGURES], participants: 13, countries: 9, awarenessGain: buildAwarenessGain({ paired: 0, withPost: 0, avgPost: null, avgGain: null }) } }));
    render("en");
    region = await impactRegion();
    expect(stat(region, "Awareness gain").textContent).toBe("No trainee has taken both tests yet");
    expect(within(region).queryByText(/Average score/)).toBeNull();
    expect(within(region.querySelector(".awareness-programmes") as HTMLElement).getAllByRole("link")).toHaveLength(2);
  });
});

describe("RecommendationImpact — linked training programmes", () => {
  it("lists them apart from the workshops, linking to their pages, without workshop columns", async () => {
    mockPage(linked());
    render("en");
    const region = await impactRegion();
    const [workshops, programmes] = within(region).getAllByRole("table");
    expect(within(workshops!).getAllByRole("rowheader").map((r) => r.textContent)).toEqual(["Asas workshop"]);
    expect(within(programmes!).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Training programme", "Actions"]);
    const row = within(programmes!).getByRole("rowheader");
    expect(within(row).getByRole("link").getAttribute("href")).toBe("/training/tp-asas");
    expect(within(programmes!).queryByText("Held")).toBeNull();
  });

  it("links a programme chosen among those not linked yet", async () => {
    let current = linked();
    const fetchMock = mockPage(() => current, [], {
      "POST /api/recommendations/r-1/links": () => {
        current = linked({ links: [ASAS_WORKSHOP, ASAS_PROGRAMME, { ...ASAS_PROGRAMME, targetId: "tp-terhab", title: { ar: TRAINING_PROGRAMMES[1]!.titleAr, en: TRAINING_PROGRAMMES[1]!.titleEn } }] });
        return jsonResponse({ links: current.links }, 201);
      },
    });
    render("en");
    const region = await impactRegion();
    const select = (await within(region).findByRole("combobox", { name: "Training programme to link" })) as HTMLSelectElement;
    await waitFor(() => expect(select.options.length).toBe(2));
    // Asas is linked already: only Terhab is offered (with its season).
    expect([...select.options].slice(1).map((o) => [o.value, o.textContent])).toEqual([["tp-terhab", `${TRAINING_PROGRAMMES[1]!.titleEn} (Hajj season 1445 AH)`]]);
    const query = fetchMock.mock.calls.map(([url]) => String(url)).find((u) => u.startsWith("/api/training/programmes"));
    expect(new URL(query!, "http://x").searchParams.get("pageSize")).toBe("100");
    const button = within(region).getByRole("button", { name: "Link the programme" }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(select, { target: { value: "tp-terhab" } });
    fireEvent.click(button);
    expect(await within(region).findByText(`Linked: ${TRAINING_PROGRAMMES[1]!.titleEn}.`)).toBeTruthy();
    const posted = fetchMock.mock.calls.filter(([url, init]) => init?.method === "POST" && String(url) === "/api/recommendations/r-1/links").map(([, init]) => JSON.parse(String(init!.body)));
    expect(posted).toEqual([{ targetType: "training_programme", targetId: "tp-terhab" }]);
    await waitFor(() => expect(within(region).getAllByRole("table")[1]!.querySelectorAll("tbody tr").length).toBe(2));
  });

  it("unlinks a programme after confirming", async () => {
    let current = linked();
    const fetchMock = mockPage(() => current, [], {
      "DELETE /api/recommendations/r-1/links/training_programme/tp-asas": () => {
        current = linked({ links: [ASAS_WORKSHOP] });
        return new Response(null, { status: 204 });
      },
    });
    render("en");
    const region = await impactRegion();
    fireEvent.click(within(region).getByRole("button", { name: `Unlink ${TRAINING_PROGRAMMES[0]!.titleEn}` }));
    const dialog = await openDialog();
    expect(within(dialog).getByText(/its trainees' results will no longer count towards this recommendation/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Unlink" }));
    expect(await within(region).findByText(`Unlinked: ${TRAINING_PROGRAMMES[0]!.titleEn}.`)).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === "DELETE" && String(url) === "/api/recommendations/r-1/links/training_programme/tp-asas")).toBe(true);
  });

  it("offers no link controls to a reader who may not link", async () => {
    const fetchMock = mockPage(linked({ abilities: { manage: false, progress: false, transitions: [] } }));
    render("en");
    const region = await impactRegion();
    expect(within(region).queryByRole("heading", { name: "Link a training programme" })).toBeNull();
    expect(within(region).queryByRole("button", { name: /^Unlink/ })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith("/api/training/programmes"))).toBe(false);
  });
});

describe("RecommendationTimeline — link entries", () => {
  const entry = (id: string, text: string, target: RecommendationUpdate["target"]): RecommendationUpdate => ({
    id,
    kind: "link",
    text,
    statusFrom: null,
    statusTo: null,
    progressFrom: null,
    progressTo: null,
    links: [],
    target,
    files: [],
    author: { id: "u-oic", name: "Coordinator" },
    organisation: { id: "o-oic", code: "oic", nameAr: "", nameEn: "OIC General Secretariat" },
    createdAt: "2025-06-03T08:05:00.000Z",
  });

  it("links the workshop or training programme named", async () => {
    mockPage(linked(), [
      entry("u-2", "unlinked", { type: "training_programme", id: "tp-terhab", titleAr: TRAINING_PROGRAMMES[1]!.titleAr, titleEn: "Terhab programme" }),
      entry("u-1", "linked", { type: "event", id: "e-asas", titleAr: "ورشة أساس", titleEn: "Asas workshop" }),
    ]);
    render("en");
    const timeline = await screen.findByRole("region", { name: "Timeline" });
    await waitFor(() => expect(timeline.querySelectorAll(".timeline-what").length).toBe(2));
    const [first, second] = [...timeline.querySelectorAll(".timeline-what")] as HTMLElement[];
    expect(first!.textContent).toBe("Unlinked from: Terhab programme");
    expect(within(first!).getByRole("link").getAttribute("href")).toBe("/training/tp-terhab");
    expect(second!.textContent).toBe("Linked to: Asas workshop");
    expect(within(second!).getByRole("link").getAttribute("href")).toBe("/events/e-asas");
  });
});
