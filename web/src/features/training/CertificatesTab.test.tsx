import { fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { CertificatesTab } from "./CertificatesTab.js";
import { buildProgramme } from "./ProgrammeFixtures.js";
import { buildCertificates } from "./ResultsFixtures.js";

afterEach(() => vi.unstubAllGlobals());

describe("CertificatesTab", () => {
  it("lists certificates with their state, PDF links and a ZIP per workshop", async () => {
    mockFetch({ "GET /api/training/programmes/tp-asas/certificates": () => jsonResponse(buildCertificates()) });
    renderPage(<CertificatesTab programme={buildProgramme()} onChanged={() => undefined} />, { locale: "en" });
    const valid = await screen.findByRole("row", { name: /Mohammed Jassim Al-Nuaimi/ });
    expect(within(valid).getByText("RFD-ABCD-EFGH-JKLM")).toBeTruthy();
    expect(within(valid).getByRole("link", { name: "Download the certificate of Mohammed Jassim Al-Nuaimi (PDF)" }).getAttribute("href")).toBe("/api/training/certificates/c-1/pdf");
    expect(within(valid).getByRole("button", { name: "Revoke" })).toBeTruthy();
    const revoked = screen.getByRole("row", { name: /Fahad Al-Kandari/ });
    expect(within(revoked).getByText("Revoked")).toBeTruthy();
    expect(within(revoked).getByText("Recorded for the wrong person")).toBeTruthy();
    expect(within(revoked).queryByRole("button", { name: "Revoke" })).toBeNull();
    expect(screen.getByRole("link", { name: "Download the certificates of Asas workshop (ZIP)" }).getAttribute("href")).toBe("/api/events/ev-asas/certificates.zip");
  });

  it("issues for every complete trainee and says how many, in Arabic", async () => {
    let calls = 0;
    mockFetch({
      "GET /api/training/programmes/tp-asas/certificates": () => jsonResponse(buildCertificates()),
      "POST /api/training/programmes/tp-asas/certificates/issue": () => {
        calls++;
        return jsonResponse({ issued: 3, alreadyIssued: 1, notComplete: 2 });
      },
    });
    renderPage(<CertificatesTab programme={buildProgramme()} onChanged={() => undefined} />, { locale: "ar" });
    fireEvent.click(await screen.findByRole("button", { name: "إصدار الشهادات لكل من أتمّ البرنامج" }));
    const status = await screen.findByText(/صدرت ٣ شهادات/);
    expect(status.textContent).toContain("متدرب واحد ممن أتمّوا لديه شهادة من قبل.");
    expect(status.textContent).toContain("متدربان لم يُتمّا البرنامج بعد.");
    expect(calls).toBe(1);
  });

  it("revokes with a reason: the server's message shows under the field, then it is sent", async () => {
    const bodies: unknown[] = [];
    mockFetch({
      "GET /api/training/programmes/tp-asas/certificates": () => jsonResponse(buildCertificates()),
      "POST /api/training/certificates/c-1/revoke": (_url, init) => {
        const body = JSON.parse(String(init.body)) as { reason: string };
        bodies.push(body);
        if (!body.reason.trim()) return jsonResponse({ code: "VALIDATION_FAILED", message: "Some fields need attention.", fields: [{ field: "reason", message: "Reason is required." }] }, 400);
        return jsonResponse({ id: "c-1", status: "revoked" });
      },
    });
    renderPage(<CertificatesTab programme={buildProgramme()} onChanged={() => undefined} />, { locale: "en" });
    fireEvent.click(within(await screen.findByRole("row", { name: /Mohammed Jassim/ })).getByRole("button", { name: "Revoke" }));
    const dialog = screen.getByRole("dialog", { name: "Revoke the certificate RFD-ABCD-EFGH-JKLM" });
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    expect(await within(dialog).findByText("Reason is required.")).toBeTruthy();
    fireEvent.change(within(dialog).getByRole("textbox", { name: /Reason/ }), { target: { value: "Issued by mistake" } });
    fireEvent.click(within(dialog).getByRole("button", { name: "Revoke" }));
    expect(await screen.findByText("The certificate RFD-ABCD-EFGH-JKLM was revoked.")).toBeTruthy();
    expect(bodies).toEqual([{ reason: "" }, { reason: "Issued by mistake" }]);
  });
});
