import { screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../test-utils.js";
import { FormPageLoader } from "./FormPageLoader.js";

interface Thing {
  id: string;
  name: string;
  abilities: { update: boolean };
}

function ThingFormPage() {
  return (
    <FormPageLoader<Thing> titles={{ create: "New thing", edit: "Edit thing" }} recordPath={(id) => `/api/things/${id}`} listPath="/api/things" canEdit={(thing) => thing.abilities.update}>
      {(existing) => <p>{existing ? `Form for ${existing.name}` : "Empty form"}</p>}
    </FormPageLoader>
  );
}

const LIST = (create: boolean) => () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 1, abilities: { create } });
const THING = (update: boolean) => () => jsonResponse({ id: "t-1", name: "Lamp", abilities: { update } });

afterEach(() => vi.unstubAllGlobals());

describe("FormPageLoader", () => {
  it("opens an empty form to create only when the list says the user may", async () => {
    const fetchMock = mockFetch({ "GET /api/things": LIST(true) });
    renderPage(<ThingFormPage />, { route: "/things/new", path: "/things/new", locale: "en" });
    expect(await screen.findByText("Empty form")).toBeTruthy();
    expect(document.title).toContain("New thing");
    expect(String(fetchMock.mock.calls[0]![0])).toContain("pageSize=1");
  });

  it("refuses to create when the list says the user may not", async () => {
    mockFetch({ "GET /api/things": LIST(false) });
    renderPage(<ThingFormPage />, { route: "/things/new", path: "/things/new", locale: "en" });
    expect(await screen.findByRole("heading", { name: "Access not permitted" })).toBeTruthy();
    expect(screen.queryByText("Empty form")).toBeNull();
  });

  it("loads the record to edit, and refuses one the user may not change", async () => {
    mockFetch({ "GET /api/things/t-1": THING(true) });
    const { unmount } = renderPage(<ThingFormPage />, { route: "/things/t-1/edit", path: "/things/:id/edit", locale: "en" });
    expect(await screen.findByText("Form for Lamp")).toBeTruthy();
    expect(document.title).toContain("Edit thing");
    unmount();

    mockFetch({ "GET /api/things/t-1": THING(false) });
    renderPage(<ThingFormPage />, { route: "/things/t-1/edit", path: "/things/:id/edit", locale: "en" });
    expect(await screen.findByRole("heading", { name: "Access not permitted" })).toBeTruthy();
    expect(screen.queryByText(/Form for/)).toBeNull();
  });
});
