import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../api/client.js";
import { buildMe, jsonResponse, LocationProbe, mockFetch } from "../test-utils.js";
import { Layout } from "./Layout.js";
import { SessionProvider } from "./SessionProvider.js";

function renderApp() {
  return render(
    <SessionProvider>
      <MemoryRouter initialEntries={["/"]}>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<h1>page</h1>} />
            <Route path="search" element={<h1>results</h1>} />
          </Route>
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
  document.cookie = "rifada_lang=; max-age=0; path=/";
});

describe("Layout", () => {
  it("switches the language, remembers it and saves it for the signed-in user", async () => {
    const fetchMock = mockFetch({
      "GET /api/auth/session": () => jsonResponse({ user: buildMe(), csrfToken: "csrf-1" }),
      "PATCH /api/me": () => jsonResponse(buildMe({ locale: "en" })),
    });
    renderApp();

    expect(await screen.findByRole("banner")).toBeTruthy();
    expect(screen.getByRole("main")).toBeTruthy();
    expect(screen.getByRole("contentinfo")).toBeTruthy();
    expect(screen.getByText("منسّق الأمانة")).toBeTruthy();
    expect(screen.getByText("الأمانة العامة لمنظمة التعاون الإسلامي")).toBeTruthy();
    expect(document.documentElement.dir).toBe("rtl");

    const toEnglish = screen.getByRole("button", { name: "English" });
    expect(toEnglish.getAttribute("lang")).toBe("en");
    fireEvent.click(toEnglish);

    await waitFor(() => expect(document.documentElement.lang).toBe("en"));
    expect(document.documentElement.dir).toBe("ltr");
    expect(localStorage.getItem("rifada_lang")).toBe("en");
    expect(document.cookie).toContain("rifada_lang=en");
    expect(screen.getByRole("navigation", { name: "Main navigation" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "العربية" })).toBeTruthy();

    const patch = fetchMock.mock.calls.find(([url, init]) => String(url) === "/api/me" && init?.method === "PATCH");
    expect(patch?.[1]?.body).toBe(JSON.stringify({ locale: "en" }));
    expect((patch?.[1]?.headers as Record<string, string>)["X-CSRF-Token"]).toBe("csrf-1");
  });

  it("shows administration in the menu only when Me.can allows it", async () => {
    mockFetch({
      "GET /api/auth/session": () =>
        jsonResponse({
          user: buildMe({ role: "member", can: { manageUsers: false, manageDirectory: false, viewAudit: false, viewOutbox: false, createOrganisation: false, createGroup: false, createPerson: false }, assignableRoles: [] }),
          csrfToken: "csrf-1",
        }),
    });
    renderApp();
    const nav = await screen.findByRole("navigation", { name: "القائمة الرئيسية" });
    expect(nav.textContent).toContain("الجهات");
    expect(nav.textContent).not.toContain("الإدارة");
  });

  it("offers the search box in the header to visitors and members alike, opening /search?q=", async () => {
    mockFetch({ "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon" }) });
    renderApp();
    const search = await screen.findByRole("search", { name: "البحث في المنصة" });
    const box = within(search).getByRole("searchbox", { name: "البحث في المنصة" });
    fireEvent.change(box, { target: { value: "  الإسعافات الأولية " } });
    fireEvent.click(within(search).getByRole("button", { name: "بحث" }));
    await waitFor(() => expect(screen.getByTestId("location").textContent).toBe(`/search?q=${encodeURIComponent("الإسعافات الأولية")}`));
    // On the results page the box keeps the query.
    expect((box as HTMLInputElement).value).toBe("الإسعافات الأولية");
  });

  it("links the library in the main navigation", async () => {
    mockFetch({ "GET /api/auth/session": () => jsonResponse({ user: buildMe(), csrfToken: "csrf-1" }) });
    renderApp();
    const nav = await screen.findByRole("navigation", { name: "القائمة الرئيسية" });
    expect(within(nav).getByRole("link", { name: "مكتبة الممارسات" }).getAttribute("href")).toBe("/library");
  });

  it("remembers a visitor's language without calling the server", async () => {
    const fetchMock = mockFetch({ "GET /api/auth/session": () => jsonResponse({ user: null, csrfToken: "anon" }) });
    renderApp();
    fireEvent.click(await screen.findByRole("button", { name: "English" }));
    await waitFor(() => expect(document.documentElement.dir).toBe("ltr"));
    expect(localStorage.getItem("rifada_lang")).toBe("en");
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "PATCH")).toBe(false);
  });
});
