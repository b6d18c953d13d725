import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ApiToken } from "../../api/types.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { TokensSection } from "./TokensSection.js";

const EXISTING: ApiToken = {
  id: "t-1",
  name: "Monthly report",
  prefix: "rfd_abc123",
  createdAt: "2025-06-01T09:00:00.000Z",
  lastUsedAt: null,
  expiresAt: null,
  revokedAt: null,
};

afterEach(() => vi.unstubAllGlobals());

describe("TokensSection", () => {
  it("shows a new token once, with a curl example", async () => {
    let tokens: ApiToken[] = [];
    const fetchMock = mockFetch({
      "GET /api/me/tokens": () => jsonResponse({ items: tokens }),
      "POST /api/me/tokens": () => {
        const created = { ...EXISTING, id: "t-2", name: "Statistics export", prefix: "rfd_secret" };
        tokens = [created];
        return jsonResponse({ ...created, token: "rfd_secretTOKENvalue" }, 201);
      },
    });
    renderPage(<TokensSection />, { locale: "en" });

    expect(await screen.findByText("You have no API tokens.")).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Token name/), { target: { value: "Statistics export" } });
    fireEvent.click(screen.getByRole("button", { name: "Create token" }));

    const value = await screen.findByLabelText("Token");
    expect(value).toHaveProperty("value", "rfd_secretTOKENvalue");
    expect(screen.getByText(/curl -H "Authorization: Bearer rfd_secretTOKENvalue" http:\/\/localhost(:\d+)?\/api\/organisations/)).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ name: "Statistics export" });
    // The form is emptied for the next token; the list shows the new one.
    expect(screen.getByLabelText(/Token name/)).toHaveProperty("value", "");
    expect(await screen.findByRole("rowheader", { name: "Statistics export" })).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "I have copied it" }));
    expect(screen.queryByLabelText("Token")).toBeNull();
  });

  it("revokes a token only after confirmation", async () => {
    let revoked = false;
    mockFetch({
      "GET /api/me/tokens": () => jsonResponse({ items: revoked ? [{ ...EXISTING, revokedAt: "2025-06-02T00:00:00.000Z" }] : [EXISTING] }),
      "DELETE /api/me/tokens/t-1": () => {
        revoked = true;
        return jsonResponse(null, 204);
      },
    });
    renderPage(<TokensSection />, { locale: "ar" });
    const row = (await screen.findByRole("rowheader", { name: "Monthly report" })).closest("tr")!;
    expect(within(row).getByText("فعّال")).toBeTruthy();
    expect(within(row).getByText("لم يُستخدم")).toBeTruthy();
    fireEvent.click(within(row).getByRole("button", { name: /إلغاء/ }));

    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog.textContent).toContain("إلغاء الرمز «Monthly report»؟");
    expect(revoked).toBe(false);
    fireEvent.click(within(dialog).getAllByRole("button", { hidden: true }).find((b) => b.textContent === "إلغاء" && b.className.includes("danger"))!);

    await waitFor(() => expect(within(screen.getByRole("rowheader", { name: "Monthly report" }).closest("tr")!).getByText("ملغى")).toBeTruthy());
    expect(revoked).toBe(true);
  });
});
