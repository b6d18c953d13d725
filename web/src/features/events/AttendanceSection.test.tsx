import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { AttendanceSection } from "./AttendanceSection.js";
import { buildEvent, KUWAIT } from "./fixtures.js";
import type { AttendanceEntry, AttendanceList, ImportResult } from "./types.js";

const QATAR = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", kind: "hajj_mission" as const };
const GCC = buildEvent({ abilities: { update: true, register: false, viewRegistrations: true } });

function entry(key: string, nameEn: string, organisation: typeof QATAR, checkedInAt: string | null, role: AttendanceEntry["role"] = "delegate"): AttendanceEntry {
  return { key, nameAr: nameEn, nameEn, email: `${key.slice(2)}@example.org`, role, organisation, country: organisation === QATAR ? "QA" : "KW", checkedInAt, source: checkedInAt ? "organiser" : null, minutes: null };
}

/** The list as the server computes it from who is checked in. */
function attendance(present: Set<string>): AttendanceList {
  const items = [
    entry("p:qa-head", "Head of the Qatari mission", QATAR, present.has("p:qa-head") ? "2025-06-02T16:55:00.000Z" : null, "leader"),
    entry("p:qa-off", "Qatari official", QATAR, present.has("p:qa-off") ? "2025-06-02T16:58:00.000Z" : null),
    entry("p:kw-head", "Head of the Kuwaiti office", KUWAIT, present.has("p:kw-head") ? "2025-06-02T16:50:00.000Z" : null, "leader"),
  ];
  const tally = (org: string) => ({ expected: items.filter((i) => i.organisation.id === org).length, attended: items.filter((i) => i.organisation.id === org && i.checkedInAt).length });
  return {
    items,
    totals: { expected: 3, attended: items.filter((i) => i.checkedInAt).length },
    byOrganisation: [
      { organisation: QATAR, country: "QA", ...tally("o-qa") },
      { organisation: KUWAIT, country: "KW", ...tally("o-kw") },
    ],
    byCountry: [
      { country: "QA", nameAr: "قطر", nameEn: "Qatar", organisations: tally("o-qa").attended > 0 ? 1 : 0, ...tally("o-qa") },
      { country: "KW", nameAr: "الكويت", nameEn: "Kuwait", organisations: tally("o-kw").attended > 0 ? 1 : 0, ...tally("o-kw") },
    ],
  };
}

const LINK = { url: "http://localhost/events/e-gcc/check-in?code=secret", opensAt: "2025-06-02T05:00:00.000Z", closesAt: "2025-06-02T19:00:00.000Z" };

afterEach(() => vi.unstubAllGlobals());

describe("AttendanceSection", () => {
  it("checks someone in and undoes it, with the totals per country", async () => {
    const present = new Set(["p:kw-head"]);
    const fetchMock = mockFetch({
      "GET /api/events/e-gcc/attendance": () => jsonResponse(attendance(present)),
      "PUT /api/events/e-gcc/attendance/p%3Aqa-off": () => {
        present.add("p:qa-off");
        return jsonResponse(null, 204);
      },
      "DELETE /api/events/e-gcc/attendance/p%3Aqa-off": () => {
        present.delete("p:qa-off");
        return jsonResponse(null, 204);
      },
      "GET /api/events/e-gcc/check-in-link": () => jsonResponse(LINK),
    });
    renderPage(<AttendanceSection event={GCC} />, { locale: "en" });

    const byCountry = await screen.findByRole("table", { name: "Attendance by country" });
    const qatar = () => within(byCountry).getByRole("rowheader", { name: "Qatar" }).closest("tr")!;
    expect(within(qatar()).getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "2", "0"]);
    expect(within(within(byCountry).getByRole("rowheader", { name: "Kuwait" }).closest("tr")!).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1", "1", "1"]);

    fireEvent.click(screen.getByRole("button", { name: "Check in Qatari official" }));
    expect(await screen.findByText("Qatari official has been checked in.")).toBeTruthy();
    await waitFor(() => expect(within(qatar()).getAllByRole("cell").map((c) => c.textContent)).toEqual(["1", "2", "1"]));
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === "PUT")!;
    expect(String(put[0])).toBe("/api/events/e-gcc/attendance/p%3Aqa-off");
    const row = screen.getByRole("rowheader", { name: /Qatari official/ }).closest("tr")!;
    expect(within(row).getByText("Present")).toBeTruthy();

    fireEvent.click(within(row).getByRole("button", { name: "Undo the check-in of Qatari official" }));
    expect(await screen.findByText("The check-in of Qatari official has been undone.")).toBeTruthy();
    await waitFor(() => expect(within(qatar()).getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "2", "0"]));
    expect(fetchMock.mock.calls.some(([url, init]) => init?.method === "DELETE" && String(url).endsWith("/attendance/p%3Aqa-off"))).toBe(true);
  });

  it("previews a Teams report (UTF-16) and writes nothing until the import is confirmed", async () => {
    const report = "Full Name\tUser Action\tEmail\tDuration\nQatari official\tJoined\tqa-off@example.org\t95\nGuest\tJoined\tguest@example.org\t40\nNo email\tJoined\tnot-an-email\t10\n";
    const preview: ImportResult = {
      columns: { name: "Full Name", email: "Email", minutes: "Duration" },
      rows: [
        { line: 2, name: "Qatari official", email: "qa-off@example.org", minutes: 95, status: "new", message: null, attendee: { key: "p:qa-off", nameAr: "مسؤول قطري", nameEn: "Qatari official", organisationId: "o-qa" } },
        { line: 3, name: "Guest", email: "guest@example.org", minutes: 40, status: "unmatched", message: null, attendee: null },
        { line: 4, name: "No email", email: "not-an-email", minutes: 10, status: "invalid", message: "validation.invalid_email", attendee: null },
      ],
      summary: { new: 1, already: 0, unmatched: 1, invalid: 1, repeat: 0, too_short: 0 },
      committed: false,
      written: 0,
    };
    const bodies: { csv: string; commit: boolean; minMinutes?: number }[] = [];
    let reloads = 0;
    mockFetch({
      "GET /api/events/e-terhab/attendance": () => {
        reloads++;
        return jsonResponse(attendance(new Set()));
      },
      "POST /api/events/e-terhab/attendance/import": (_url, init) => {
        const body = JSON.parse(String(init.body));
        bodies.push(body);
        return jsonResponse(body.commit ? { ...preview, committed: true, written: 1 } : preview);
      },
    });
    const workshop = buildEvent({ id: "e-terhab", mode: "virtual", abilities: { update: true, register: false, viewRegistrations: true } });
    renderPage(<AttendanceSection event={workshop} />, { locale: "en" });

    // Teams writes UTF-16 little-endian with a byte-order mark.
    const utf16 = new Uint8Array(2 + report.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < report.length; i++) new DataView(utf16.buffer).setUint16(2 + i * 2, report.charCodeAt(i), true);
    const file = new File([utf16], "AttendanceReport.csv", { type: "text/csv" });
    fireEvent.change(await screen.findByLabelText("Attendance report (CSV)"), { target: { files: [file] } });
    fireEvent.change(screen.getByLabelText(/Minimum minutes connected/), { target: { value: "30" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));

    expect(await screen.findByText("Nothing has been recorded yet. Check the lines below, then confirm the import.")).toBeTruthy();
    expect(bodies).toEqual([{ csv: report, commit: false, minMinutes: 30 }]);
    const unmatched = screen.getByRole("rowheader", { name: "Guest" }).closest("tr")!;
    expect(unmatched.className).toContain("import-row--problem");
    expect(within(unmatched).getByText("No expected participant has this email address.")).toBeTruthy();
    const invalid = screen.getByRole("rowheader", { name: "No email" }).closest("tr")!;
    expect(within(invalid).getByText("Email must be a valid email address.")).toBeTruthy();

    const before = reloads;
    fireEvent.click(screen.getByRole("button", { name: "Import 1 attendee" }));
    expect(await screen.findByText("The attendance of 1 participant has been recorded.")).toBeTruthy();
    expect(bodies).toEqual([
      { csv: report, commit: false, minMinutes: 30 },
      { csv: report, commit: true, minMinutes: 30 },
    ]);
    await waitFor(() => expect(reloads).toBeGreaterThan(before));
    expect(screen.queryByRole("heading", { name: "Preview of the report" })).toBeNull();
  });

  it("needs a new preview when the threshold changes", async () => {
    const bodies: unknown[] = [];
    mockFetch({
      "GET /api/events/e-terhab/attendance": () => jsonResponse(attendance(new Set())),
      "POST /api/events/e-terhab/attendance/import": (_url, init) => {
        bodies.push(JSON.parse(String(init.body)));
        return jsonResponse({ columns: { name: null, email: "Email", minutes: null }, rows: [], summary: { new: 0, already: 0, unmatched: 0, invalid: 0, repeat: 0, too_short: 0 }, committed: false, written: 0 });
      },
    });
    renderPage(<AttendanceSection event={buildEvent({ id: "e-terhab", mode: "virtual", abilities: { update: true, register: false, viewRegistrations: true } })} />, { locale: "ar" });
    fireEvent.change(await screen.findByLabelText("ملف تقرير الحضور (CSV)"), { target: { files: [new File(["Email\nx@example.org\n"], "r.csv")] } });
    fireEvent.click(screen.getByRole("button", { name: "معاينة" }));
    expect(await screen.findByRole("heading", { name: "معاينة التقرير" })).toBeTruthy();
    expect((screen.getByRole("button", { name: "لا يوجد من يُستورَد حضوره" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/الحد الأدنى لدقائق الاتصال/), { target: { value: "15" } });
    expect(screen.queryByRole("heading", { name: "معاينة التقرير" })).toBeNull();
    expect(bodies).toHaveLength(1);
  });
});
