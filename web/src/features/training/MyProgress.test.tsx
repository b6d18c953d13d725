import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { MyProgress } from "./MyProgress.js";
import { buildProgramme } from "./ProgrammeFixtures.js";
import { buildProgress } from "./ResultsFixtures.js";

afterEach(() => vi.unstubAllGlobals());

/** Matches an element whose text is `expected` once bidi marks (which Intl puts around Arabic percentages) are dropped. */
const plain = (expected: string) => (_: string, el: Element | null) => !!el && el.children.length === 0 && (el.textContent ?? "").replace(/[\u061c\u200e\u200f\u2066-\u2069]/g, "") === expected;

const enrolled = buildProgramme({ myEnrolment: { id: "en-1", status: "enrolled", createdAt: "2024-05-20T09:00:00.000Z" }, can: { manage: false, enrolOthers: false, selfEnrol: false, results: "none" } });
const survey = () => jsonResponse({ items: DEFAULT_SURVEY, response: null, canRespond: true, opensAfter: null, enrolled: true });

describe("MyProgress", () => {
  it("shows each step with its state and the rule in words, in Arabic digits", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () => jsonResponse(buildProgress()),
      "GET /api/training/programmes/tp-asas/survey": survey,
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "ar" });
    const steps = await screen.findAllByRole("listitem", { name: undefined });
    expect(steps.length).toBeGreaterThan(0);
    const titles = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(titles).toEqual(["الاختبار القبلي (مكتمل)", "الورش (مكتمل)", "الاختبار البعدي (مطلوب)", "استبانة الرضا (لم يُفتح بعد)", "الشهادة (لم يُفتح بعد)"]);
    expect(screen.getByText(plain("سُلِّم: ٤٠٪"))).toBeTruthy();
    expect(screen.getByText(plain("حضور ٧٥٪ على الأقل من الورش التي بدأت — نسبتك ٨٠٪."))).toBeTruthy();
    expect(screen.getByText(plain("الحضور: ٨٠٪"))).toBeTruthy();
    expect(screen.getByText("لم تبدأ بعد")).toBeTruthy();
    expect(screen.getByText(plain("درجة ٦٠٪ على الأقل — لم تؤدِّه بعد."))).toBeTruthy();
    // What is missing, in the server's words; the survey waits for the post-test, and says so.
    expect(screen.getByText("استبانة الرضا (لم تُجَب بعد)")).toBeTruthy();
    expect(screen.getByText("تُفتح الاستبانة بعد أن تُسلّم الاختبار البعدي.")).toBeTruthy();
    expect(screen.queryByRole("group", { name: "مدى فائدة المحتوى لعملي" })).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes("/survey"))).toBe(false);
    expect(screen.queryByRole("button", { name: "احصل على شهادتي" })).toBeNull();
  });

  it("opens the survey once the post-test is submitted, passed or not", async () => {
    const submitted = buildProgress({ post: { ...buildProgress().post, status: "submitted", attemptId: "at-post", scorePct: 50 }, missing: ["post_test", "survey"] });
    mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () => jsonResponse(submitted),
      "GET /api/training/programmes/tp-asas/survey": survey,
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByRole("group", { name: "How useful the content is for my work" })).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Satisfaction survey (To do)" })).toBeTruthy();
    expect(screen.queryByText("The survey opens once you have submitted the post-test.")).toBeNull();
  });

  it("without a post-test, waits for the programme's last workshop to start (a cancelled one does not count)", async () => {
    const noPost = buildProgress({ hasPostTest: false, post: { ...buildProgress().post, available: false }, missing: ["survey"] });
    const fetchMock = mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () => jsonResponse(noPost),
      "GET /api/training/programmes/tp-asas/survey": survey,
    });
    const first = renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByText("The survey opens once the programme's last workshop has started.")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Satisfaction survey (Not open yet)" })).toBeTruthy();
    expect(fetchMock.mock.calls.some(([url]) => String(url).includes("/survey"))).toBe(false);
    first.unmount();

    const lastCancelled = { ...noPost, workshops: noPost.workshops.map((w) => (w.held ? w : { ...w, status: "cancelled" })) };
    mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () => jsonResponse(lastCancelled),
      "GET /api/training/programmes/tp-asas/survey": survey,
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByRole("group", { name: "How useful the content is for my work" })).toBeTruthy();
  });

  it("starts the post-test and goes to the attempt", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () => jsonResponse(buildProgress()),
      "GET /api/training/programmes/tp-asas/survey": survey,
      "POST /api/training/programmes/tp-asas/assessments/post/attempt": () => jsonResponse({ id: "at-post" }, 201),
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Start the test" }));
    await vi.waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/training/attempts/at-post"));
    expect(fetchMock.mock.calls.some(([url, init]) => String(url).endsWith("/assessments/post/attempt") && init?.method === "POST")).toBe(true);
  });

  it("once complete, gets the certificate and then offers its download and verification page", async () => {
    let issued = false;
    const complete = buildProgress({ post: { ...buildProgress().post, status: "submitted", scorePct: 80 }, gain: 40, surveyDone: true, missing: [], missingText: [], complete: true });
    mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () =>
        jsonResponse(issued ? { ...complete, certificate: { id: "c-1", code: "RFD-ABCD-EFGH-JKLM", status: "valid", issuedAt: "2024-05-27T09:00:00.000Z", revokedAt: null, pdfUrl: "/api/training/certificates/c-1/pdf" } } : complete),
      "POST /api/training/programmes/tp-asas/my-certificate": () => {
        issued = true;
        return jsonResponse({ id: "c-1", code: "RFD-ABCD-EFGH-JKLM" }, 201);
      },
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByText("You have completed the programme.")).toBeTruthy();
    expect(screen.getByText(plain("Your awareness gain: +40 points (pre-test 40%, post-test 80%)."))).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Get my certificate" }));
    const download = await screen.findByRole("link", { name: "Download the certificate (PDF)" });
    expect(download.getAttribute("href")).toBe("/api/training/certificates/c-1/pdf");
    expect(screen.getByRole("link", { name: "Public verification page" }).getAttribute("href")).toBe("/verify/RFD-ABCD-EFGH-JKLM");
    const step = screen.getByRole("heading", { name: "Certificate (Done)" }).closest("li")!;
    expect(within(step).getByText("RFD-ABCD-EFGH-JKLM")).toBeTruthy();
  });

  it("says when the certificate was revoked and lists what is missing when refused", async () => {
    mockFetch({
      "GET /api/training/programmes/tp-asas/my-progress": () =>
        jsonResponse(buildProgress({ surveyDone: true, missing: [], missingText: [], complete: true, post: { ...buildProgress().post, status: "submitted", scorePct: 70 }, certificate: { id: "c-0", code: "RFD-2222-3333-4444", status: "revoked", issuedAt: "2024-05-27T09:00:00.000Z", revokedAt: "2024-06-01T09:00:00.000Z", pdfUrl: "/x" } })),
      "POST /api/training/programmes/tp-asas/my-certificate": () => jsonResponse({ code: "TRAINING_NOT_COMPLETE", message: "The programme's completion requirements are not met yet.", fields: [{ field: "attendance", message: "Attendance" }] }, 409),
    });
    renderPage(<MyProgress programme={enrolled} onChanged={() => undefined} />, { locale: "en" });
    expect(await screen.findByText("Your certificate RFD-2222-3333-4444 was revoked.")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Get a new certificate" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The programme's completion requirements are not met yet.");
    expect(alert.textContent).toContain("Attendance");
  });

  it("renders nothing for someone not enrolled", () => {
    const fetchMock = mockFetch({});
    const { container } = renderPage(<MyProgress programme={buildProgramme()} onChanged={() => undefined} />, { locale: "en" });
    expect(container.querySelector("section")).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
