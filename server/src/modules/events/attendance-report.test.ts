import { describe, expect, it } from "vitest";
import { parseAttendanceReport, parseMinutes } from "./attendance-report.js";

describe("attendance reports of virtual platforms", () => {
  it("reads a Zoom participants export after its meeting summary, quoted names included", () => {
    const csv = [
      "Meeting ID,Topic,Start Time",
      "812 3456,Asas,06/02/2025 09:00",
      "",
      "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest",
      "Ali Hassan,ali@hajj-kw.rifada.test,06/02/2025 09:01,06/02/2025 10:30,89,No",
      '"Rahmawati, Siti",siti@hajj-id.rifada.test,,,12,Yes',
    ].join("\r\n");
    const report = parseAttendanceReport(`\uFEFF${csv}`);
    expect(report.columns).toEqual({ name: "Name (Original Name)", email: "User Email", minutes: "Duration (Minutes)" });
    expect(report.rows).toEqual([
      { line: 5, name: "Ali Hassan", email: "ali@hajj-kw.rifada.test", minutes: 89 },
      { line: 6, name: "Rahmawati, Siti", email: "siti@hajj-id.rifada.test", minutes: 12 },
    ]);
  });

  it("reads a Teams tab-separated report's participants section and stops at the next section", () => {
    const tsv = ["1. Summary", "Meeting title\tTerhab", "", "2. Participants", "Name\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\tRole", "Amina\t5/26/24, 11:00:00 AM\t5/26/24, 12:05:30 PM\t1h 5m 30s\tamina@x.test\tAttendee", "", "3. In-Meeting Activities", "Name\tEmail", "Z\tz@x.test"].join("\n");
    const report = parseAttendanceReport(tsv);
    expect(report.rows).toEqual([{ line: 6, name: "Amina", email: "amina@x.test", minutes: 66 }]);
  });

  it("reads Arabic headers and semicolons", () => {
    const report = parseAttendanceReport("الاسم;البريد الإلكتروني;المدة\nمحمد;m@x.test;45 min\n");
    expect(report.rows).toEqual([{ line: 2, name: "محمد", email: "m@x.test", minutes: 45 }]);
  });

  it("refuses a file with no email column", () => {
    expect(() => parseAttendanceReport("name,phone\nA,1\n")).toThrow("no_header");
  });

  it("reads the duration formats platforms write", () => {
    expect([parseMinutes("75"), parseMinutes("75.6"), parseMinutes("1:15:03"), parseMinutes("12:30"), parseMinutes("45 min"), parseMinutes("2h"), parseMinutes("abc"), parseMinutes("")]).toEqual([75, 76, 75, 13, 45, 120, null, null]);
  });
});
