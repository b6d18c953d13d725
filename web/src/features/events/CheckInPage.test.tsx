import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { CheckInPage } from "./CheckInPage.js";
import { buildEvent } from "./fixtures.js";

const QATARI = buildMe({ name: "مسؤول قطري", email: "official@hajj-qa.rifada.test", role: "member" });

afterEach(() => vi.unstubAllGlobals());

describe("CheckInPage", () => {
  it("checks the participant in with the QR code's code and says so", async () => {
    const fetchMock = mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent()),
      "POST /api/events/e-gcc/check-in": () =>
        jsonResponse({ checkedInAt: "2025-06-02T16:55:00.000Z", nameAr: "مسؤول قطري", nameEn: "Qatari official", titleAr: "الاجتماع السنوي", titleEn: "Annual meeting" }),
    });
    renderPage(<CheckInPage />, { route: "/events/e-gcc/check-in?code=abc%2B123", path: "/events/:id/check-in", locale: "ar", user: QATARI });

    expect(await screen.findByRole("heading", { level: 2, name: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "تسجيل حضوري" }));
    expect(await screen.findByText("تم تسجيل حضورك")).toBeTruthy();
    expect(screen.getByText(/أهلًا بك يا مسؤول قطري/)).toBeTruthy();
    expect(screen.getByText("تم تسجيل حضورك").closest("[role=status]")!.querySelector("time")!.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)، ٧:٥٥ م");
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ code: "abc+123" });
    expect(screen.queryByRole("button", { name: "تسجيل حضوري" })).toBeNull();
  });

  it("explains NOT_EXPECTED and shows which account is signed in", async () => {
    mockFetch({
      "GET /api/events/e-gcc": () => jsonResponse(buildEvent()),
      "POST /api/events/e-gcc/check-in": () =>
        jsonResponse({ code: "NOT_EXPECTED", message: "You are not on this event's list of participants." }, 409),
    });
    renderPage(<CheckInPage />, { route: "/events/e-gcc/check-in?code=abc", path: "/events/:id/check-in", locale: "en", user: QATARI });
    fireEvent.click(await screen.findByRole("button", { name: "I am here" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("You are not on this event's list of participants (delegation or confirmed registration). Ask the organisers to check you in.");
    expect(alert.textContent).toContain("You are signed in as official@hajj-qa.rifada.test");
    expect(screen.getByRole("button", { name: "I am here" })).toBeTruthy();
  });

  it("says so when the link has no code", async () => {
    const fetchMock = mockFetch({ "GET /api/events/e-gcc": () => jsonResponse(buildEvent()) });
    renderPage(<CheckInPage />, { route: "/events/e-gcc/check-in", path: "/events/:id/check-in", locale: "en", user: QATARI });
    expect(await screen.findByText("This check-in link is incomplete. Scan the QR code shown at the venue again.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "I am here" })).toBeNull();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);
  });
});

describe("CheckInPage behind sign-in", () => {
  it("sends a visitor to sign in and back to the same check-in address", async () => {
    const { render } = await import("@testing-library/react");
    const { MemoryRouter, Route, Routes } = await import("react-router");
    const { SessionContext } = await import("../../app/useSession.js");
    const { RequireAuth } = await import("../../app/RequireAuth.js");
    const { LocationProbe } = await import("../../test-utils.js");
    const session = { status: "ready", user: null, error: null, sessionEnded: false, locale: "ar", digits: "arab", login: vi.fn(), logout: vi.fn(), setUser: vi.fn(), changeLanguage: vi.fn(), reload: vi.fn() } as const;
    render(
      <SessionContext.Provider value={session}>
        <MemoryRouter initialEntries={["/events/e-gcc/check-in?code=abc"]}>
          <Routes>
            <Route element={<RequireAuth />}>
              <Route path="events/:id/check-in" element={<CheckInPage />} />
            </Route>
            <Route path="login" element={<p>login</p>} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </SessionContext.Provider>,
    );
    expect((await screen.findByTestId("location")).textContent).toBe(`/login?next=${encodeURIComponent("/events/e-gcc/check-in?code=abc")}`);
  });
});
