import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { CalendarFeedSection } from "./CalendarFeedSection.js";

afterEach(() => vi.unstubAllGlobals());

describe("CalendarFeedSection", () => {
  it("creates the feed link after a warning, shows it to copy, and rotates it the same way", async () => {
    let n = 0;
    const fetchMock = mockFetch({
      "POST /api/me/calendar-feed": () => jsonResponse({ url: `http://localhost/api/calendar/cal_secret${++n}AAAAAAAAAAAAAAAAAAAA.ics` }),
    });
    renderPage(<CalendarFeedSection />, { locale: "en" });

    expect(screen.getByText(/Creating a new link ends any link created before/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create my calendar link" }));
    const dialog = await screen.findByRole("dialog", { hidden: true });
    expect(dialog.textContent).toContain("If you created a link before, it stops working now");
    expect(fetchMock).not.toHaveBeenCalled();
    fireEvent.click(within(dialog).getAllByRole("button", { hidden: true }).find((b) => b.textContent === "Create my calendar link")!);

    const field = (await screen.findByLabelText("Your private calendar link")) as HTMLInputElement;
    expect(field.value).toBe("http://localhost/api/calendar/cal_secret1AAAAAAAAAAAAAAAAAAAA.ics");
    expect(field.getAttribute("dir")).toBe("ltr");
    expect(screen.getByRole("button", { name: "Copy" })).toBeTruthy();
    expect(screen.getByText("Your calendar link has been created. Copy it now: it will not be shown again.")).toBeTruthy();
    const post = fetchMock.mock.calls[0]!;
    expect(post[1]!.method).toBe("POST");

    fireEvent.click(screen.getByRole("button", { name: "Create a new link" }));
    const again = await screen.findByRole("dialog", { hidden: true });
    fireEvent.click(within(again).getAllByRole("button", { hidden: true }).find((b) => b.textContent === "Create a new link")!);
    expect(await screen.findByDisplayValue("http://localhost/api/calendar/cal_secret2AAAAAAAAAAAAAAAAAAAA.ics")).toBeTruthy();
  });
});
