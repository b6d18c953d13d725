import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { buildProgramme } from "./ProgrammeFixtures.js";
import { buildResults } from "./ResultsFixtures.js";
import { ResultsTab } from "./ResultsTab.js";

afterEach(() => vi.unstubAllGlobals());

const plain = (s: string) => s.replace(/[\u061c\u200e\u200f\u2066-\u2069]/g, "");
const summary = () => jsonResponse({ responses: 0, enrolled: 5, items: [], texts: [] });

describe("ResultsTab", () => {
  it("shows the totals, the averages by organisation and country, and who is missing what", async () => {
    mockFetch({
      "GET /api/training/programmes/tp-asas/results": () => jsonResponse(buildResults()),
      "GET /api/training/programmes/tp-asas/survey/summary": summary,
    });
    renderPage(<ResultsTab programme={buildProgramme()} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByText("Programme results")).toBeTruthy();
    expect(screen.getByTestId("total-trainees").textContent).toBe("5");
    expect(screen.getByTestId("total-avg_post").textContent).toBe("67.5%");
    expect(plain(screen.getByTestId("total-avg_gain").textContent ?? "")).toBe("+23.3");
    expect(screen.getByTestId("total-completed").textContent).toBe("3 of 5");
    expect(screen.getAllByRole("table")).toHaveLength(3);
    const orgSection = screen.getByRole("heading", { name: "By organisation" }).closest("section")!;
    const qatarRow = within(orgSection).getByRole("row", { name: /Qatar Hajj Mission/ });
    expect(within(qatarRow).getAllByRole("cell").map((c) => plain(c.textContent ?? ""))).toEqual(["State of Qatar", "3", "45% (2)", "75% (2)", "+40 (1)", "2 (67%)"]);
    const countrySection = screen.getByRole("heading", { name: "By country" }).closest("section")!;
    expect(within(countrySection).getByRole("row", { name: /State of Kuwait/ })).toBeTruthy();
    const traineeRow = screen.getByRole("row", { name: /Nasser Al-Enezi/ });
    expect(within(traineeRow).getByText("Attendance")).toBeTruthy();
    expect(within(traineeRow).getByText("Post-test")).toBeTruthy();
    const done = screen.getByRole("row", { name: /Mohammed Jassim Al-Nuaimi/ });
    expect(within(done).getByText("RFD-ABCD-EFGH-JKLM")).toBeTruthy();
    expect(within(done).getByText("Valid")).toBeTruthy();
  });

  it("filters by what is missing and carries the filters to the exports", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/tp-asas/results": (url) => jsonResponse(buildResults(url.searchParams.get("missing") === "attendance" ? { trainees: { items: [buildResults().trainees.items[1]!], total: 1, page: 1, pageSize: 25 } } : {})),
      "GET /api/training/programmes/tp-asas/survey/summary": summary,
    });
    renderPage(<ResultsTab programme={buildProgramme()} onChanged={() => undefined} />, { locale: "en" });
    fireEvent.change(await screen.findByRole("combobox", { name: "Missing" }), { target: { value: "attendance" } });
    await vi.waitFor(() => expect(screen.queryByRole("row", { name: /Mohammed Jassim/ })).toBeNull());
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes("missing=attendance"))).toBe(true);
    expect(screen.getByRole("link", { name: "Export CSV" }).getAttribute("href")).toBe("/api/training/programmes/tp-asas/results/export?missing=attendance&format=csv");
    expect(screen.getByRole("link", { name: "Export Excel" }).getAttribute("href")).toContain("format=xlsx");
  });

  it("for an organisation admin: his own trainees, no organisation or country filter, in Arabic digits", async () => {
    mockFetch({ "GET /api/training/programmes/tp-asas/results": () => jsonResponse(buildResults({ scope: "own" })) });
    renderPage(<ResultsTab programme={buildProgramme({ can: { manage: false, enrolOthers: true, selfEnrol: false, results: "own" } })} onChanged={() => undefined} />, { locale: "ar" });
    expect(await screen.findByText("متدربو جهتك فقط.")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: "الجهة" })).toBeNull();
    expect(plain(screen.getByTestId("total-avg_post").textContent ?? "")).toBe("٦٧٫٥٪");
    expect(screen.queryByText("استبانة الرضا", { selector: "h2" })).toBeNull();
  });
});
