import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { buildMe, jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { buildProposal, KUWAIT, openDialog, QATAR } from "./fixtures.js";
import { ProposalComments } from "./ProposalComments.js";
import type { ProposalComment } from "./types.js";

const comment = (id: string, name: string, body: string, canDelete: boolean, organisation = QATAR): ProposalComment => ({
  id,
  body,
  author: { id: `u-${id}`, name },
  organisation,
  createdAt: "2025-06-01T12:00:00.000Z",
  abilities: { delete: canDelete },
});

vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ProposalComments — removing a comment", () => {
  it("offers it where the server allows, asks first, and takes the comment away", async () => {
    const onCount = vi.fn();
    const fetchMock = mockFetch({
      "GET /api/proposals/p-1/comments": () =>
        jsonResponse({ items: [comment("c-1", "Khalid", "We support starting in Mina.", true), comment("c-2", "Mishari", "Agreed.", false, KUWAIT)] }),
      "DELETE /api/proposals/p-1/comments/c-1": () => new Response(null, { status: 204 }),
    });
    renderPage(<ProposalComments proposal={buildProposal()} onCount={onCount} />, { locale: "en", user: buildMe({ role: "org_admin", organisation: QATAR }) });
    const remove = await screen.findByRole("button", { name: "Delete the comment by Khalid" });
    expect(screen.queryByRole("button", { name: "Delete the comment by Mishari" })).toBeNull();
    fireEvent.click(remove);
    const dialog = await openDialog();
    expect(within(dialog).getByText("Delete this comment?")).toBeTruthy();
    expect(within(dialog).getByText("We support starting in Mina.")).toBeTruthy();
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "DELETE")).toBe(false);
    fireEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("The comment has been deleted.")).toBeTruthy();
    await waitFor(() => expect(screen.queryByText("We support starting in Mina.")).toBeNull());
    expect(screen.getByText("Agreed.")).toBeTruthy();
    expect(onCount).toHaveBeenLastCalledWith(1);
    expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "DELETE").map(([url]) => String(url))).toEqual(["/api/proposals/p-1/comments/c-1"]);
  });

  it("keeps the comment and says why when the server refuses, in Arabic", async () => {
    mockFetch({
      "GET /api/proposals/p-1/comments": () => jsonResponse({ items: [comment("c-1", "خالد", "نؤيد البدء بمنى.", true)] }),
      "DELETE /api/proposals/p-1/comments/c-1": () => jsonResponse({ code: "FORBIDDEN", message: "ليس لديك صلاحية لهذا الإجراء." }, 403),
    });
    renderPage(<ProposalComments proposal={buildProposal()} onCount={vi.fn()} />, { locale: "ar" });
    fireEvent.click(await screen.findByRole("button", { name: "حذف تعليق خالد" }));
    const dialog = await openDialog();
    fireEvent.click(within(dialog).getByRole("button", { name: "حذف" }));
    expect(await within(dialog).findByRole("alert")).toBeTruthy();
    expect(screen.getAllByText("نؤيد البدء بمنى.").length).toBeGreaterThan(0);
    expect(dialog.hasAttribute("open")).toBe(true);
  });
});
