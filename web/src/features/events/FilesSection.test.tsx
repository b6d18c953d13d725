import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { setCsrfToken } from "../../api/client.js";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { EventDetailPage } from "./EventDetailPage.js";
import { buildEvent } from "./fixtures.js";
import type { Attachment } from "./types.js";

const HOSTED = buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } });
const AGENDA_FILE: Attachment = {
  id: "f-1",
  target: "event",
  agendaItemId: null,
  fileName: "جدول أعمال الاجتماع.pdf",
  contentType: "application/pdf",
  size: 1_572_864,
  createdAt: "2025-05-20T09:00:00.000Z",
  uploadedBy: "مشاري الرشيدان",
  url: "/api/events/e-gcc/attachments/f-1",
};

function mockFiles(extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    "GET /api/events/e-gcc": () => jsonResponse(HOSTED),
    "GET /api/events/e-gcc/agenda": () => jsonResponse({ items: [] }),
    "GET /api/events/e-gcc/minutes": () => jsonResponse({ code: "FORBIDDEN", message: "" }, 403),
    "GET /api/events/e-gcc/attachments": () => jsonResponse({ items: [AGENDA_FILE], abilities: { upload: true } }),
    ...extra,
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

describe("Files of an event", () => {
  it("lists files with Arabic names and sizes in the user's digits", async () => {
    mockFiles();
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=files", path: "/events/:id", locale: "ar" });
    const link = await screen.findByRole("link", { name: "جدول أعمال الاجتماع.pdf" });
    expect(link.getAttribute("href")).toBe("/api/events/e-gcc/attachments/f-1");
    expect(link.querySelector("bdi")!.textContent).toBe("جدول أعمال الاجتماع.pdf");
    expect(link.closest("li")!.textContent).toContain("١٫٥ ميغابايت");
  });

  it("shows the server's message for the file under the field, and refuses an unaccepted type before sending", async () => {
    setCsrfToken("csrf-token");
    const fetchMock = mockFiles({
      "POST /api/events/e-gcc/attachments": () =>
        jsonResponse({ code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: [{ field: "file", message: "File: the file's content is not a .pdf file." }] }, 400),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=files", path: "/events/:id", locale: "en" });

    const input = (await screen.findByLabelText("Add a document")) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(["MZ..."], "setup.exe")] } });
    expect(await screen.findByText(/File: this kind of file is not accepted\. Accepted: pdf, png/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Upload" }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByRole("button", { name: "Upload" }));
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === "POST")).toBe(false);

    fireEvent.change(input, { target: { files: [new File(["not really a pdf"], "محضر الاجتماع.pdf")] } });
    fireEvent.click(screen.getByRole("button", { name: "Upload" }));
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"));
    const message = document.getElementById(input.getAttribute("aria-describedby")!.split(" ").find((id) => id.endsWith("-error"))!)!;
    expect(message.textContent).toContain("File: the file's content is not a .pdf file.");

    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === "POST")!;
    const sent = new URL(String(url), "http://localhost");
    expect(sent.pathname).toBe("/api/events/e-gcc/attachments");
    expect(sent.searchParams.get("target")).toBe("event");
    expect(sent.searchParams.get("fileName")).toBe("محضر الاجتماع.pdf");
    expect((init!.headers as Record<string, string>)["Content-Type"]).toBe("application/octet-stream");
    expect((init!.headers as Record<string, string>)["X-CSRF-Token"]).toBe("csrf-token");
    expect(init!.body).toBeInstanceOf(File);
  });

  it("adds an uploaded file to the list", async () => {
    mockFiles({
      "POST /api/events/e-gcc/attachments": (url) =>
        jsonResponse({ ...AGENDA_FILE, id: "f-2", fileName: url.searchParams.get("fileName"), size: 2048, url: "/api/events/e-gcc/attachments/f-2" }, 201),
    });
    renderPage(<EventDetailPage />, { route: "/events/e-gcc?tab=files", path: "/events/:id", locale: "en" });
    fireEvent.change(await screen.findByLabelText("Add a document"), { target: { files: [new File(["%PDF-1.7"], "Camp map.pdf")] } });
    fireEvent.click(screen.getByRole("button", { name: "Upload" }));
    expect(await screen.findByText("“Camp map.pdf” has been uploaded.")).toBeTruthy();
    const item = screen.getByRole("link", { name: "Camp map.pdf" }).closest("li")!;
    expect(within(item).getByText("2 kB")).toBeTruthy();
    expect(screen.getByRole("link", { name: /Files/, current: "page" }).textContent).toContain("2");
  });
});
