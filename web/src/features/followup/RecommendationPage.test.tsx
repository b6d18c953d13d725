import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateSeasons } from "../events/useEventsData.js";
import { buildRecommendation, openDialog, SEASONS } from "./fixtures.js";
import { RecommendationPage } from "./RecommendationPage.js";
import type { Recommendation } from "./types.js";

function mockRecommendation(rec: Recommendation | (() => Recommendation), extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/recommendations/r-1": () => jsonResponse(typeof rec === "function" ? rec() : rec),
    "GET /api/recommendations/r-1/updates": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
    "GET /api/recommendations/r-1/actions": () => jsonResponse({ items: [], abilities: { create: false } }),
    "GET /api/seasons": () => jsonResponse(SEASONS),
    "GET /api/events": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 30 }),
    ...extra,
  });
}

function bodiesOf(fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) {
  return fetchMock.mock.calls.filter(([url, init]) => init?.method === method && String(url).split("?")[0] === path).map(([, init]) => JSON.parse(String(init!.body)));
}

const render = (locale: "ar" | "en" = "en") => renderPage(<RecommendationPage />, { route: "/recommendations/r-1", path: "/recommendations/:id", locale });

// These pages render many fields (date inputs, pickers): allow for a slow machine.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateSeasons();
});

describe("RecommendationPage — status", () => {
  it("offers exactly the moves the server allows (abilities.transitions)", async () => {
    mockRecommendation(buildRecommendation({ status: "approved", abilities: { manage: true, progress: true, transitions: ["in_progress", "done", "dropped"] } }));
    render();
    const moves = await screen.findByRole("group", { name: "Change the status" });
    expect(within(moves).getAllByRole("button").map((b) => b.textContent)).toEqual(["Start implementation", "Mark as done", "Drop"]);
    expect(screen.queryByRole("button", { name: "Approve" })).toBeNull();
    // The text in the interface language first; the other one on demand.
    expect(screen.getByText("Share the camp maps between missions before 1 Safar.")).toBeTruthy();
    expect(screen.queryByText("تبادل خرائط المخيمات بين البعثات قبل الأول من صفر.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Show the Arabic text" }));
    expect(screen.getByText("تبادل خرائط المخيمات بين البعثات قبل الأول من صفر.").getAttribute("lang")).toBe("ar");
  });

  it("shows no move to a reader who may not change the status, in Arabic", async () => {
    mockRecommendation(buildRecommendation({ status: "done", progress: 100, abilities: { manage: false, progress: false, transitions: [] } }));
    render("ar");
    expect(await screen.findByText("لا يمكنك تغيير حالة هذه التوصية.")).toBeTruthy();
    expect(screen.queryByRole("group", { name: "تغيير الحالة" })).toBeNull();
    expect(screen.getAllByText("منفذة").length).toBeGreaterThan(0);
  });

  it("asks for a reason before dropping, and shows the server's message under the reason field", async () => {
    let patches = 0;
    const fetchMock = mockRecommendation(buildRecommendation(), {
      "PATCH /api/recommendations/r-1": (_url, init) => {
        patches++;
        const body = JSON.parse(String(init.body));
        if (body.reason === "x") return jsonResponse({ code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: [{ field: "reason", message: "The reason is too short." }] }, 400);
        return jsonResponse(buildRecommendation({ status: "dropped", statusReason: body.reason, updatedAt: "2025-06-11T08:00:00.000Z", abilities: { manage: true, progress: true, transitions: ["proposed"] } }));
      },
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Drop" }));
    const dialog = await openDialog();
    expect(within(dialog).getByText("Drop: give the reason")).toBeTruthy();

    // Without a reason nothing is sent.
    fireEvent.click(within(dialog).getByRole("button", { name: "Drop" }));
    expect(await within(dialog).findByText(/Give the reason: it is kept/)).toBeTruthy();
    expect(patches).toBe(0);

    const reason = within(dialog).getByLabelText(/^Reason/) as HTMLTextAreaElement;
    fireEvent.change(reason, { target: { value: "x" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Drop" }));
    await waitFor(() => expect(reason.getAttribute("aria-invalid")).toBe("true"));
    expect(document.getElementById("rec-status-reason-error")?.textContent).toContain("The reason is too short.");
    expect(reason.value).toBe("x");

    fireEvent.change(reason, { target: { value: "Replaced by the shared maps platform." } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Drop" }));
    expect(await screen.findByText("The status is now: Dropped.")).toBeTruthy();
    expect(bodiesOf(fetchMock, "PATCH", "/api/recommendations/r-1").at(-1)).toEqual({ updatedAt: "2025-06-10T08:00:00.000Z", status: "dropped", reason: "Replaced by the shared maps platform." });
    expect(screen.getByRole("button", { name: "Reopen" })).toBeTruthy();
  });

  it("moves without a reason when none is needed", async () => {
    const fetchMock = mockRecommendation(buildRecommendation(), {
      "PATCH /api/recommendations/r-1": () => jsonResponse(buildRecommendation({ status: "in_progress", abilities: { manage: true, progress: true, transitions: ["done", "dropped"] } })),
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Start implementation" }));
    expect(await screen.findByText("The status is now: In progress.")).toBeTruthy();
    expect(bodiesOf(fetchMock, "PATCH", "/api/recommendations/r-1")).toEqual([{ updatedAt: "2025-06-10T08:00:00.000Z", status: "in_progress" }]);
  });
});

describe("RecommendationPage — progress", () => {
  it("hides the progress controls and the update form without abilities.progress", async () => {
    mockRecommendation(buildRecommendation({ abilities: { manage: false, progress: false, transitions: [] } }));
    render();
    expect(await screen.findByRole("progressbar", { name: "Progress" })).toBeTruthy();
    expect(screen.queryByRole("slider")).toBeNull();
    expect(screen.queryByLabelText("Percentage")).toBeNull();
    expect(screen.queryByRole("button", { name: "Add an update" })).toBeNull();
    expect(screen.queryByRole("heading", { name: "Link a workshop" })).toBeNull();
  });

  it("keeps the entered progress when someone else changed the recommendation (409), and saves it after a reload", async () => {
    let version = "2025-06-10T08:00:00.000Z";
    const fetchMock = mockRecommendation(() => buildRecommendation({ updatedAt: version }), {
      "PATCH /api/recommendations/r-1": (_url, init) => {
        const body = JSON.parse(String(init.body));
        if (body.updatedAt !== version) return jsonResponse({ code: "RECOMMENDATION_CONFLICT", message: "Changed since." }, 409);
        return jsonResponse(buildRecommendation({ progress: body.progress, updatedAt: "2025-06-12T08:00:00.000Z" }));
      },
    });
    render();
    const number = (await screen.findByLabelText("Percentage")) as HTMLInputElement;
    expect(number.value).toBe("40");
    fireEvent.change(number, { target: { value: "60" } });
    expect((screen.getByRole("slider") as HTMLInputElement).value).toBe("60");

    // Meanwhile someone else saved.
    version = "2025-06-11T09:00:00.000Z";
    fireEvent.click(screen.getByRole("button", { name: "Save the progress" }));
    expect(await screen.findByText("Someone else changed this recommendation after you opened it.")).toBeTruthy();
    expect(number.value).toBe("60");

    fireEvent.click(screen.getByRole("button", { name: "Reload the recommendation" }));
    await waitFor(() => expect(fetchMock.mock.calls.filter(([url, init]) => String(url) === "/api/recommendations/r-1" && !init?.method?.match(/PATCH/)).length).toBe(2));
    expect(number.value).toBe("60");

    fireEvent.click(screen.getByRole("button", { name: "Save the progress" }));
    expect(await screen.findByText("The progress is now 60%.")).toBeTruthy();
    expect(bodiesOf(fetchMock, "PATCH", "/api/recommendations/r-1").map((b) => b.updatedAt)).toEqual(["2025-06-10T08:00:00.000Z", "2025-06-11T09:00:00.000Z"]);
  });

  it("adds an update with a link and a file, uploading the file to the new update", async () => {
    const fetchMock = mockRecommendation(buildRecommendation(), {
      "POST /api/recommendations/r-1/updates": () =>
        jsonResponse(
          { id: "u-9", kind: "update", text: "Maps shared", statusFrom: null, statusTo: null, progressFrom: null, progressTo: null, links: [], files: [], author: null, organisation: { id: "o-qa", code: "hajj-qa", nameAr: "", nameEn: "Qatar" }, createdAt: "2025-06-12T08:00:00.000Z" },
          201,
        ),
      "POST /api/recommendations/r-1/updates/u-9/files": () => jsonResponse({ id: "f-1", fileName: "maps.pdf", contentType: "application/pdf", size: 4, createdAt: "2025-06-12T08:00:00.000Z", url: "/x" }, 201),
    });
    render();
    fireEvent.click(await screen.findByRole("button", { name: "Add an update" }));
    fireEvent.change(screen.getByLabelText(/^What was done/), { target: { value: "Maps shared with all six offices." } });
    fireEvent.click(screen.getByRole("button", { name: "Add a link" }));
    fireEvent.change(screen.getByLabelText(/^Address/), { target: { value: "https://example.org/maps" } });
    fireEvent.change(screen.getByLabelText(/^New progress/), { target: { value: "70" } });
    const file = new File(["%PDF"], "maps.pdf", { type: "application/pdf" });
    fireEvent.change(screen.getByLabelText("Choose a file", { selector: "input" }), { target: { files: [file] } });
    fireEvent.click(screen.getByRole("button", { name: "Add the file" }));
    fireEvent.click(screen.getByRole("button", { name: "Save the update" }));
    expect(await screen.findByText("The update has been added to the timeline.")).toBeTruthy();
    expect(bodiesOf(fetchMock, "POST", "/api/recommendations/r-1/updates")[0]).toEqual({ text: "Maps shared with all six offices.", links: [{ url: "https://example.org/maps" }], progress: 70 });
    const upload = fetchMock.mock.calls.find(([url]) => String(url).startsWith("/api/recommendations/r-1/updates/u-9/files"));
    expect(String(upload?.[0])).toBe("/api/recommendations/r-1/updates/u-9/files?fileName=maps.pdf");
  });
});
