import { fireEvent, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { AcceptInvitationPage } from "./AcceptInvitationPage.js";

const TOKEN = "invitation-token-123";

afterEach(() => vi.unstubAllGlobals());

describe("AcceptInvitationPage", () => {
  it("shows the organisation and role, checks the passwords, then creates the account", async () => {
    const fetchMock = mockFetch({
      [`GET /api/auth/invitations/${TOKEN}`]: () =>
        jsonResponse({
          email: "deputy@hajj-qa.rifada.test",
          name: "خالد الكواري",
          role: "org_admin",
          organisation: { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", kind: "hajj_mission" },
          expiresAt: "2025-06-09T09:00:00.000Z",
        }),
      "POST /api/auth/invitations/accept": () => jsonResponse({ user: buildMe({ name: "خالد الكواري" }), csrfToken: "c" }),
    });
    const setUser = vi.fn();
    renderPage(<AcceptInvitationPage />, { route: `/invite/${TOKEN}`, path: "/invite/:token", user: null, session: { setUser } });

    expect(await screen.findByText("بعثة الحج القطرية")).toBeTruthy();
    expect(screen.getByText("مسؤول الجهة")).toBeTruthy();
    expect(screen.getByText("deputy@hajj-qa.rifada.test")).toBeTruthy();
    const name = screen.getByLabelText(/الاسم الكامل/);
    expect(name).toHaveProperty("value", "خالد الكواري");

    fireEvent.change(screen.getByLabelText(/^كلمة المرور/), { target: { value: "a long enough password" } });
    fireEvent.change(screen.getByLabelText(/تأكيد كلمة المرور/), { target: { value: "another password!!" } });
    fireEvent.click(screen.getByRole("button", { name: "إنشاء حسابي" }));
    expect(await screen.findByText("كلمتا المرور غير متطابقتين.")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    fireEvent.change(screen.getByLabelText(/تأكيد كلمة المرور/), { target: { value: "a long enough password" } });
    fireEvent.click(screen.getByRole("button", { name: "إنشاء حسابي" }));
    await waitFor(() => expect(setUser).toHaveBeenCalled());
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ token: TOKEN, name: "خالد الكواري", password: "a long enough password" });
    // setUser runs before the navigation: wait for the address rather than race it.
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/"));
  });

  it("explains an expired or used link", async () => {
    mockFetch({ [`GET /api/auth/invitations/${TOKEN}`]: () => jsonResponse({ code: "TOKEN_INVALID", message: "" }, 410) });
    renderPage(<AcceptInvitationPage />, { route: `/invite/${TOKEN}`, path: "/invite/:token", user: null, locale: "en" });
    expect(await screen.findByText("This link is invalid, already used or expired.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to the sign-in page" })).toBeTruthy();
  });
});
