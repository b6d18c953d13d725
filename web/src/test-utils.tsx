import type { ReactElement, ReactNode } from "react";
import { render } from "@testing-library/react";
import { MemoryRouter, Route, Routes, useLocation } from "react-router";
import { vi } from "vitest";
import type { Digits, Locale } from "../../common/roles.js";
import type { Me } from "./api/types.js";
import { DisplaySettingsContext, DEFAULT_DISPLAY_SETTINGS } from "./app/useDisplaySettings.js";
import { SessionContext, type SessionState } from "./app/useSession.js";
import { setLanguage } from "./i18n.js";

/** A signed-in coordinator of the OIC secretariat. */
export function buildMe(overrides: Partial<Me> = {}): Me {
  return {
    id: "u-1",
    email: "coordinator@oic.rifada.test",
    name: "منسّق الأمانة",
    role: "coordinator",
    locale: "ar",
    digits: "arab",
    organisation: { id: "o-oic", code: "oic", nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي", nameEn: "OIC General Secretariat", kind: "secretariat" },
    can: { manageUsers: true, manageDirectory: true, viewAudit: true, viewOutbox: true, createOrganisation: true, createGroup: true, createPerson: true },
    assignableRoles: ["coordinator", "org_admin", "member", "trainer", "participant"],
    ...overrides,
  };
}

/** Where the router is, for assertions on the address. */
export function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

interface Options {
  route?: string;
  path?: string;
  locale?: Locale;
  digits?: Digits;
  user?: Me | null;
  session?: Partial<SessionState>;
}

/**
 * Render a page inside the providers the app gives it (session, display
 * settings, router), in the given language.
 */
export function renderPage(ui: ReactElement, { route = "/", path = "*", locale = "ar", digits, user = buildMe(), session = {} }: Options = {}) {
  setLanguage(locale);
  const value: SessionState = {
    status: "ready",
    user,
    error: null,
    sessionEnded: false,
    locale,
    digits: digits ?? (locale === "ar" ? "arab" : "latn"),
    login: vi.fn(),
    logout: vi.fn(),
    setUser: vi.fn(),
    changeLanguage: vi.fn(),
    reload: vi.fn(),
    ...session,
  };
  const Providers = ({ children }: { children: ReactNode }) => (
    <SessionContext.Provider value={value}>
      <DisplaySettingsContext.Provider value={{ ...DEFAULT_DISPLAY_SETTINGS, locale, digits: value.digits }}>
        <MemoryRouter initialEntries={[route]}>
          <Routes>
            <Route path={path} element={children} />
          </Routes>
          <LocationProbe />
        </MemoryRouter>
      </DisplaySettingsContext.Provider>
    </SessionContext.Provider>
  );
  return render(ui, { wrapper: Providers });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/**
 * Replace fetch with a router of handlers keyed by "METHOD /path";
 * an unknown request fails the test loudly (404 with its name).
 */
export function mockFetch(handlers: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), "http://localhost");
    const method = (init.method ?? "GET").toUpperCase();
    const handler = handlers[`${method} ${url.pathname}`];
    if (!handler) return jsonResponse({ code: "NOT_FOUND", message: `no mock for ${method} ${url.pathname}` }, 404);
    return handler(url, init);
  });
  vi.stubGlobal("fetch", fetchMock);
  return fetchMock;
}
