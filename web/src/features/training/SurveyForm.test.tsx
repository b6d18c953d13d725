import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SURVEY } from "../../../../common/training.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { SurveyForm } from "./SurveyForm.js";

afterEach(() => vi.unstubAllGlobals());

describe("SurveyForm", () => {
  it("asks each scale as five labelled choices, sends once and thanks", async () => {
    const fetchMock = mockFetch({
      "GET /api/training/programmes/p-asas/survey": () => jsonResponse({ items: DEFAULT_SURVEY, response: null, canRespond: true, opensAfter: null, enrolled: true }),
      "POST /api/training/programmes/p-asas/survey": (_u, init) => jsonResponse({ answers: JSON.parse(String(init.body)).answers, submittedAt: "2024-05-26T12:00:00.000Z" }, 201),
    });
    renderPage(<SurveyForm programmeId="p-asas" />, { locale: "ar" });
    const content = await screen.findByRole("group", { name: "مدى فائدة المحتوى لعملي" });
    expect(within(content).getAllByRole("radio").map((r) => r.getAttribute("aria-label"))).toEqual(["١ من ٥", "٢ من ٥", "٣ من ٥", "٤ من ٥", "٥ من ٥"]);
    for (const [name, value] of [["مدى فائدة المحتوى لعملي", "٥ من ٥"], ["أداء المدرب ووضوح العرض", "٤ من ٥"], ["تنظيم الورشة والمنصة", "٣ من ٥"], ["رضاي العام عن البرنامج", "٤ من ٥"]] as const) {
      fireEvent.click(within(screen.getByRole("group", { name })).getByRole("radio", { name: value }));
    }
    fireEvent.change(screen.getByRole("textbox", { name: "ما الذي يمكن تحسينه؟" }), { target: { value: "وقت أطول للأسئلة" } });
    fireEvent.click(screen.getByRole("button", { name: "إرسال" }));
    expect(await screen.findByText("شكرًا لك: وصلت إجاباتك.")).toBeTruthy();
    const post = fetchMock.mock.calls.filter(([, init]) => init?.method === "POST");
    expect(post).toHaveLength(1);
    expect(JSON.parse(String(post[0]![1]!.body))).toEqual({ answers: { content: 5, trainer: 4, organisation: 3, overall: 4, improve: "وقت أطول للأسئلة" } });
    expect(screen.queryByRole("button", { name: "إرسال" })).toBeNull();
  });

  it("shows the server's message under the scale it concerns", async () => {
    mockFetch({
      "GET /api/training/programmes/p-asas/survey": () => jsonResponse({ items: DEFAULT_SURVEY, response: null, canRespond: true, opensAfter: null, enrolled: true }),
      "POST /api/training/programmes/p-asas/survey": () =>
        jsonResponse({ code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: [{ field: "answers.trainer", message: "The trainer and the clarity of the presentation is required." }] }, 400),
    });
    renderPage(<SurveyForm programmeId="p-asas" />, { locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Send" }));
    const group = screen.getByRole("group", { name: "The trainer and the clarity of the presentation" });
    expect(await within(group).findByText("The trainer and the clarity of the presentation is required.")).toBeTruthy();
  });

  it("before it opens says when it will; a refusal from the server turns the form into that sentence", async () => {
    let opensAfter: string | null = null;
    mockFetch({
      "GET /api/training/programmes/p-asas/survey": () => jsonResponse({ items: DEFAULT_SURVEY, response: null, canRespond: opensAfter === null, opensAfter, enrolled: true }),
      "POST /api/training/programmes/p-asas/survey": () => {
        // The post-test's submission was undone meanwhile (e.g. the test was republished): the server refuses.
        opensAfter = "post_test";
        return jsonResponse({ code: "TRAINING_SURVEY_NOT_OPEN", message: "The satisfaction survey opens at the end of the training." }, 409);
      },
    });
    renderPage(<SurveyForm programmeId="p-asas" />, { locale: "en" });
    fireEvent.click(await screen.findByRole("button", { name: "Send" }));
    expect(await screen.findByText("The survey opens once you have submitted the post-test.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Send" })).toBeNull();
  });

  it("renders nothing for someone who is not a trainee", async () => {
    const fetchMock = mockFetch({ "GET /api/training/programmes/p-asas/survey": () => jsonResponse({ items: DEFAULT_SURVEY, response: null, canRespond: false, opensAfter: null, enrolled: false }) });
    const { container } = renderPage(<SurveyForm programmeId="p-asas" />, { locale: "en" });
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalled());
    await vi.waitFor(() => expect(container.querySelector("form, section, .loading")).toBeNull());
  });
});
