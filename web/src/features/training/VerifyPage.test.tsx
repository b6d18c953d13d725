import { fireEvent, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { VerifyPage } from "./VerifyPage.js";

afterEach(() => vi.unstubAllGlobals());

const valid = { code: "RFD-ABCD-EFGH-JKLM", status: "valid", nameAr: "عبدالرحمن بن سعيد الغامدي", nameEn: "Abdulrahman Saeed Al-Ghamdi", programmeTitleAr: "أساس", programmeTitleEn: "Asas", completedOn: "2024-05-26" };

describe("VerifyPage", () => {
  it("confirms a valid certificate with the names, programme and date in both calendars, signed out", async () => {
    mockFetch({ "GET /api/verify/RFD-ABCD-EFGH-JKLM": () => jsonResponse(valid) });
    renderPage(<VerifyPage />, { route: "/verify/RFD-ABCD-EFGH-JKLM", path: "/verify/:code", locale: "en", user: null });
    expect(await screen.findByRole("heading", { name: "Valid certificate" })).toBeTruthy();
    expect(screen.getByText("Abdulrahman Saeed Al-Ghamdi")).toBeTruthy();
    expect(screen.getByText("عبدالرحمن بن سعيد الغامدي")).toBeTruthy();
    expect(screen.getByText("Asas")).toBeTruthy();
    const date = document.querySelector("time")!;
    expect(date.textContent).toContain("18 Dhu al-Qadah 1445 AH");
    expect(date.textContent).toContain("26 May 2024");
  });

  it("shows a revoked certificate as revoked, in Arabic", async () => {
    mockFetch({ "GET /api/verify/RFD-ABCD-EFGH-JKLM": () => jsonResponse({ ...valid, status: "revoked", revokedAt: "2024-06-01T09:00:00.000Z" }) });
    renderPage(<VerifyPage />, { route: "/verify/RFD-ABCD-EFGH-JKLM", path: "/verify/:code", locale: "ar", user: null });
    expect(await screen.findByRole("heading", { name: "شهادة ملغاة" })).toBeTruthy();
    expect(screen.getByText("تاريخ الإلغاء")).toBeTruthy();
  });

  it("says when no certificate has the code, and checks a code as typed", async () => {
    const fetchMock = mockFetch({
      "GET /api/verify/RFD-2222-3333-4444": () => jsonResponse({ code: "CERTIFICATE_NOT_FOUND", message: "Certificate not found." }, 404),
      "GET /api/verify/RFD-ABCD-EFGH-JKLM": () => jsonResponse(valid),
    });
    renderPage(<VerifyPage />, { route: "/verify/RFD-2222-3333-4444", path: "/verify/:code", locale: "en", user: null });
    expect(await screen.findByRole("heading", { name: "No certificate found" })).toBeTruthy();
    const input = screen.getByRole("textbox", { name: /Certificate code/ });
    fireEvent.change(input, { target: { value: "nonsense" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    expect(await screen.findByText("This is not a certificate code: it has the form RFD-XXXX-XXXX-XXXX.")).toBeTruthy();
    fireEvent.change(input, { target: { value: "rfd abcd efgh jklm" } });
    fireEvent.click(screen.getByRole("button", { name: "Verify" }));
    await vi.waitFor(() => expect(screen.getByTestId("location").textContent).toBe("/verify/RFD-ABCD-EFGH-JKLM"));
    expect(await screen.findByRole("heading", { name: "Valid certificate" })).toBeTruthy();
    expect(fetchMock.mock.calls.map(([u]) => String(u))).toEqual(["/api/verify/RFD-2222-3333-4444", "/api/verify/RFD-ABCD-EFGH-JKLM"]);
  });

  it("does not ask the server about something that is not a code", async () => {
    const fetchMock = mockFetch({});
    renderPage(<VerifyPage />, { route: "/verify/hello", path: "/verify/:code", locale: "en", user: null });
    expect(await screen.findByRole("heading", { name: "No certificate found" })).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
