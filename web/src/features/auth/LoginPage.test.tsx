import { act, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/client.js";
import { SessionProvider } from "../../app/SessionProvider.js";
import { buildMe, jsonResponse, LocationProbe, mockFetch } from "../../test-utils.js";
import { LoginPage } from "./LoginPage.js";

function renderLogin(route = "/login") {
  return render(
    <SessionProvider>
      <MemoryRouter initialEntries={[route]}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="*" element={<p>signed in page</p>} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </SessionProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  localStorage.clear();
});

describe("LoginPage", () => {
  it("shows the server's error, keeps what was typed and re-enables the button", async () => {
    let answer!: (response: Response) => void;
    const fetchMock = mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon-csrf" }),
      "POST /api/auth/login": () => new Promise<Response>((resolve) => (answer = resolve)),
    });
    renderLogin();

    const email = await screen.findByLabelText(/البريد الإلكتروني/);
    const password = screen.getByLabelText(/^كلمة المرور/);
    fireEvent.change(email, { target: { value: "head@hajj-qa.rifada.test" } });
    fireEvent.change(password, { target: { value: "wrong password" } });
    fireEvent.click(screen.getByRole("button", { name: "تسجيل الدخول" }));

    // While the request runs the button is disabled, so a second click cannot send it twice.
    const busy = await screen.findByRole("button", { name: "جارٍ تسجيل الدخول…" });
    expect(busy).toHaveProperty("disabled", true);
    const loginCall = fetchMock.mock.calls.find(([url]) => String(url) === "/api/auth/login");
    expect((loginCall?.[1]?.headers as Record<string, string>)["X-CSRF-Token"]).toBe("anon-csrf");

    await act(async () => answer(jsonResponse({ code: "INVALID_CREDENTIALS", message: "The email or password is incorrect." }, 401)));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("البريد الإلكتروني أو كلمة المرور غير صحيحة.");
    expect(alert.closest("[aria-live]")).not.toBeNull();
    expect(email).toHaveProperty("value", "head@hajj-qa.rifada.test");
    expect(password).toHaveProperty("value", "wrong password");
    expect(screen.getByRole("button", { name: "تسجيل الدخول" })).toHaveProperty("disabled", false);
  });

  it("puts the server's per-field message next to the field", async () => {
    mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon-csrf" }),
      "POST /api/auth/login": () =>
        jsonResponse({ code: "VALIDATION_FAILED", message: "", fields: [{ field: "email", message: "يجب أن يكون «البريد الإلكتروني» بريدًا إلكترونيًا صحيحًا." }] }, 400),
    });
    renderLogin();
    const email = await screen.findByLabelText(/البريد الإلكتروني/);
    fireEvent.change(email, { target: { value: "not-an-email" } });
    fireEvent.change(screen.getByLabelText(/^كلمة المرور/), { target: { value: "secret-secret" } });
    fireEvent.click(screen.getByRole("button", { name: "تسجيل الدخول" }));

    await waitFor(() => expect(email.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = email.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy)?.textContent).toContain("بريدًا إلكترونيًا صحيحًا");
    expect(email).toHaveProperty("value", "not-an-email");
  });

  it("asks for empty fields without calling the server", async () => {
    const fetchMock = mockFetch({ "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon-csrf" }) });
    renderLogin();
    fireEvent.click(await screen.findByRole("button", { name: "تسجيل الدخول" }));
    expect(await screen.findByText("حقل «البريد الإلكتروني» مطلوب.")).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("signs in and returns to the page asked for, in the user's language", async () => {
    mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon-csrf" }),
      "POST /api/auth/login": () => jsonResponse({ user: buildMe({ locale: "en", digits: "latn" }), csrfToken: "user-csrf" }),
    });
    renderLogin("/login?next=%2Fdirectory%2Fpeople");
    fireEvent.change(await screen.findByLabelText(/البريد الإلكتروني/), { target: { value: "coordinator@oic.rifada.test" } });
    fireEvent.change(screen.getByLabelText(/^كلمة المرور/), { target: { value: "correct horse" } });
    fireEvent.click(screen.getByRole("button", { name: "تسجيل الدخول" }));

    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/directory/people"));
    expect(document.documentElement.lang).toBe("en");
    expect(document.documentElement.dir).toBe("ltr");
  });
});
