import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { buildProgramme } from "./ProgrammeFixtures.js";
import { ProgrammePage, visibleTabs } from "./ProgrammePage.js";

afterEach(() => vi.unstubAllGlobals());

describe("ProgrammePage", () => {
  it("shows a trainee the programme's own tabs only, and asks for his names when the directory does not know him", async () => {
    let enrolled = false;
    const posts: unknown[] = [];
    mockFetch({
      "GET /api/training/programmes/tp-asas": () =>
        jsonResponse(
          buildProgramme({
            can: { manage: false, enrolOthers: false, selfEnrol: !enrolled, results: "none" },
            myEnrolment: enrolled ? { id: "e-1", status: "enrolled", createdAt: "2024-05-20T08:00:00.000Z" } : null,
          }),
        ),
      "POST /api/training/programmes/tp-asas/enrolments/self": (_url, init) => {
        const body = JSON.parse(String(init.body));
        posts.push(body);
        if (!body.nameAr) {
          return jsonResponse({ code: "VALIDATION_FAILED", message: "", fields: [{ field: "nameAr", message: "Name in Arabic is required." }, { field: "nameEn", message: "Name in English is required." }] }, 400);
        }
        enrolled = true;
        return jsonResponse({ id: "e-1", status: "enrolled", createdAt: "2024-05-20T08:00:00.000Z" }, 201);
      },
    });
    renderPage(<ProgrammePage />, { route: "/training/tp-asas", path: "/training/:id", locale: "en", user: buildMe({ role: "participant", locale: "en", digits: "latn" }) });
    expect(await screen.findByRole("heading", { level: 1, name: "Asas programme" })).toBeTruthy();
    const tabs = screen.getByRole("navigation", { name: "Programme sections" });
    expect(within(tabs).getAllByRole("link").map((a) => a.textContent)).toEqual(["Overview", "Workshops1"]);
    expect(screen.queryByRole("button", { name: "Publish" })).toBeNull();
    expect(screen.getByText("scored at least 60% in the post-test (when the programme has one)")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Enrol me" }));
    const nameAr = await screen.findByLabelText(/^Full name in Arabic/);
    // Being asked for one's names is not an error.
    expect(screen.queryByRole("alert")).toBeNull();
    fireEvent.change(nameAr, { target: { value: "يوسف دمير" } });
    fireEvent.change(screen.getByLabelText(/^Full name in Latin letters/), { target: { value: "Yusuf Demir" } });
    fireEvent.click(screen.getByRole("button", { name: "Enrol me" }));
    await waitFor(() => expect(posts).toEqual([{}, { nameAr: "يوسف دمير", nameEn: "Yusuf Demir" }]));
    expect(await screen.findByRole("button", { name: "Withdraw from the programme" })).toBeTruthy();
  });

  it("gives managers every tab, an organisation's admin the trainees and his results", () => {
    const managed = buildProgramme();
    expect(visibleTabs(managed)).toEqual(["overview", "modules", "workshops", "enrolments", "questions", "tests", "results", "certificates"]);
    const admin = buildProgramme({ can: { manage: false, enrolOthers: true, selfEnrol: false, results: "own" } });
    expect(visibleTabs(admin)).toEqual(["overview", "workshops", "enrolments", "results", "certificates"]);
  });
});
