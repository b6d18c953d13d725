import { describe, it, expect } from "vitest";
import fc from "fast-check";
import {
  HIJRI_MONTHS_AR,
  HIJRI_MONTHS_EN,
  civilToIso,
  formatDate,
  formatMonthYear,
  gregorianToHijri,
  hijriMonthLength,
  hijriToGregorian,
  instantToCivil,
  isoToCivil,
  monthNames,
  parseDateText,
  zonedTimeToUtc,
  type CivilDate,
} from "./dates.js";

const iso = (s: string): CivilDate => isoToCivil(s);
const hijri = (year: number, month: number, day: number): CivilDate => ({ year, month, day });

describe("DOMAIN.md checks", () => {
  it("6 Dhu al-Hijjah 1446 = Monday 2 June 2025", () => {
    expect(hijriToGregorian(hijri(1446, 12, 6))).toEqual(iso("2025-06-02"));
    expect(gregorianToHijri(iso("2025-06-02"))).toEqual(hijri(1446, 12, 6));
    expect(formatDate("2025-06-02", { locale: "en", digits: "latn", calendar: "gregorian", weekday: true })).toBe(
      "Monday, 2 June 2025",
    );
  });

  it("1 Muharram 1447 = 26 June 2025", () => {
    expect(hijriToGregorian(hijri(1447, 1, 1))).toEqual(iso("2025-06-26"));
    expect(gregorianToHijri(iso("2025-06-26"))).toEqual(hijri(1447, 1, 1));
  });

  it("1 Ramadan 1446 = 1 March 2025", () => {
    expect(hijriToGregorian(hijri(1446, 9, 1))).toEqual(iso("2025-03-01"));
    expect(gregorianToHijri(iso("2025-03-01"))).toEqual(hijri(1446, 9, 1));
  });
});

/**
 * Umm al-Qura (calendar, not moon-sighting) dates. Each pair was checked three
 * ways: against ICU (`Intl`, calendar islamic-umalqura), against a table of
 * month starts 1420–1450 taken from the published Umm al-Qura calendar
 * (ummulqura.org.sa, as tabulated in the public alnafie/hijri repository: all
 * 132 month starts of 1440–1450 agree with ICU), and, for 1440–1447, against
 * the dates Saudi Arabia used for the new year, Ramadan, Eid al-Fitr and
 * Eid al-Adha. 10 Dhu al-Hijjah is 1 Dhu al-Hijjah + 9 days.
 */
const REFERENCE_PAIRS: Array<[hijri: string, gregorian: string]> = [
  ["1440-01-01", "2018-09-11"],
  ["1440-09-01", "2019-05-06"],
  ["1440-10-01", "2019-06-04"],
  ["1440-12-10", "2019-08-11"],
  ["1441-01-01", "2019-08-31"],
  ["1441-09-01", "2020-04-24"],
  ["1441-10-01", "2020-05-24"],
  ["1441-12-10", "2020-07-31"],
  ["1442-01-01", "2020-08-20"],
  ["1442-09-01", "2021-04-13"],
  ["1442-10-01", "2021-05-13"],
  ["1442-12-10", "2021-07-20"],
  ["1443-01-01", "2021-08-09"],
  ["1443-09-01", "2022-04-02"],
  ["1443-10-01", "2022-05-02"],
  ["1443-12-10", "2022-07-09"],
  ["1444-01-01", "2022-07-30"],
  ["1444-09-01", "2023-03-23"],
  ["1444-10-01", "2023-04-21"],
  ["1444-12-10", "2023-06-28"],
  ["1445-01-01", "2023-07-19"],
  ["1445-09-01", "2024-03-11"],
  ["1445-10-01", "2024-04-10"],
  ["1445-12-09", "2024-06-15"],
  ["1445-12-10", "2024-06-16"],
  ["1446-01-01", "2024-07-07"],
  ["1446-10-01", "2025-03-30"],
  ["1446-12-01", "2025-05-28"],
  ["1446-12-10", "2025-06-06"],
  ["1447-09-01", "2026-02-18"],
  ["1447-10-01", "2026-03-20"],
  ["1447-12-10", "2026-05-27"],
  ["1448-01-01", "2026-06-16"],
  ["1448-09-01", "2027-02-08"],
  ["1448-12-01", "2027-05-07"],
  ["1449-01-01", "2027-06-06"],
  ["1449-09-01", "2028-01-28"],
  ["1449-12-01", "2028-04-26"],
  ["1450-01-01", "2028-05-25"],
  ["1450-09-01", "2029-01-16"],
  ["1450-12-01", "2029-04-15"],
];

describe("Umm al-Qura reference pairs", () => {
  it.each(REFERENCE_PAIRS)("%s AH = %s", (h, g) => {
    const [year, month, day] = h.split("-").map(Number);
    expect(hijriToGregorian(hijri(year, month, day))).toEqual(iso(g));
    expect(gregorianToHijri(iso(g))).toEqual(hijri(year, month, day));
  });
});

describe("every day from 1 Muharram 1440 to the end of 1450", () => {
  it("round-trips, runs day by day and has months of 29/30 and years of 354/355 days", () => {
    const DAY = 86_400_000;
    const toMs = (d: CivilDate) => Date.UTC(d.year, d.month - 1, d.day);
    let previousMs: number | null = null;
    let days = 0;
    for (let year = 1440; year <= 1450; year++) {
      let yearLength = 0;
      for (let month = 1; month <= 12; month++) {
        const length = hijriMonthLength(year, month);
        expect([29, 30]).toContain(length);
        yearLength += length;
        for (let day = 1; day <= length; day++) {
          const h = hijri(year, month, day);
          const g = hijriToGregorian(h);
          // Compare plain fields: toEqual in a 4,000-iteration loop is slow.
          const back = gregorianToHijri(g);
          if (back.year !== year || back.month !== month || back.day !== day) {
            throw new Error(`${year}-${month}-${day} → ${civilToIso(g)} → ${back.year}-${back.month}-${back.day}`);
          }
          const ms = toMs(g);
          if (previousMs !== null && ms - previousMs !== DAY) {
            throw new Error(`${year}-${month}-${day} is not the day after the previous one`);
          }
          previousMs = ms;
          days++;
        }
        // The day after the last one starts the next month.
        const next = gregorianToHijri(isoToCivil(new Date(previousMs! + DAY).toISOString().slice(0, 10)));
        expect(next.day).toBe(1);
      }
      expect([354, 355]).toContain(yearLength);
    }
    expect(days).toBeGreaterThan(3890);
    // The day before 1 Muharram 1440 closes 1439 (its Dhu al-Hijjah has 30 days: 12 Aug–10 Sep 2018).
    expect(gregorianToHijri(iso("2018-09-10"))).toEqual(hijri(1439, 12, hijriMonthLength(1439, 12)));
    expect(hijriMonthLength(1439, 12)).toBe(30);
  });

  it("gregorian → hijri → gregorian is the identity (property)", () => {
    const start = Date.UTC(2018, 8, 11);
    const end = Date.UTC(2029, 4, 13);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (end - start) / 86_400_000 }), (offset) => {
        const g = isoToCivil(new Date(start + offset * 86_400_000).toISOString().slice(0, 10));
        expect(hijriToGregorian(gregorianToHijri(g))).toEqual(g);
      }),
      { numRuns: 300 },
    );
  });
});

describe("invalid dates", () => {
  it("rejects day 30 of a 29-day month", () => {
    expect(hijriMonthLength(1446, 12)).toBe(29);
    expect(() => hijriToGregorian(hijri(1446, 12, 30))).toThrow(RangeError);
    expect(hijriMonthLength(1446, 8)).toBe(29);
    expect(() => hijriToGregorian(hijri(1446, 8, 30))).toThrow(RangeError);
    // A 30-day month accepts day 30.
    expect(hijriMonthLength(1447, 1)).toBe(30);
    expect(hijriToGregorian(hijri(1447, 1, 30))).toEqual(iso("2025-07-25"));
  });

  it("rejects out-of-range fields", () => {
    for (const h of [hijri(1446, 13, 1), hijri(1446, 0, 1), hijri(1446, 1, 0), hijri(1446, 1, 31), hijri(1446.5, 1, 1)]) {
      expect(() => hijriToGregorian(h)).toThrow(RangeError);
    }
    expect(() => gregorianToHijri({ year: 2025, month: 2, day: 29 })).toThrow(RangeError);
    expect(() => isoToCivil("2025-02-30")).toThrow(RangeError);
    expect(() => isoToCivil("2025-6-2")).toThrow(RangeError);
    expect(() => civilToIso({ year: 2025, month: 13, day: 1 })).toThrow(RangeError);
    expect(() => instantToCivil("not a date", "Asia/Riyadh", "hijri")).toThrow(RangeError);
  });

  it("knows Gregorian leap years", () => {
    expect(gregorianToHijri({ year: 2024, month: 2, day: 29 })).toEqual(hijri(1445, 8, 19));
    expect(civilToIso({ year: 2024, month: 2, day: 29 })).toBe("2024-02-29");
  });
});

describe("ISO dates and zones", () => {
  it("writes and reads YYYY-MM-DD", () => {
    expect(civilToIso({ year: 2025, month: 6, day: 2 })).toBe("2025-06-02");
    expect(isoToCivil("2025-06-02")).toEqual({ year: 2025, month: 6, day: 2 });
  });

  it("converts Riyadh wall time to UTC", () => {
    expect(zonedTimeToUtc(iso("2025-06-02"), { hour: 19, minute: 0 }, "Asia/Riyadh").toISOString()).toBe(
      "2025-06-02T16:00:00.000Z",
    );
    expect(zonedTimeToUtc(iso("2025-06-02"), { hour: 1, minute: 30 }, "Asia/Riyadh").toISOString()).toBe(
      "2025-06-01T22:30:00.000Z",
    );
  });

  it("uses the real offset of zones with daylight saving", () => {
    expect(zonedTimeToUtc(iso("2025-01-15"), { hour: 9, minute: 0 }, "Europe/London").toISOString()).toBe(
      "2025-01-15T09:00:00.000Z",
    );
    expect(zonedTimeToUtc(iso("2025-07-15"), { hour: 9, minute: 0 }, "Europe/London").toISOString()).toBe(
      "2025-07-15T08:00:00.000Z",
    );
    expect(zonedTimeToUtc(iso("2025-06-02"), { hour: 12, minute: 0 }, "Asia/Jakarta").toISOString()).toBe(
      "2025-06-02T05:00:00.000Z",
    );
  });

  it("reads the local date of an instant in either calendar", () => {
    // 22:30Z on 1 June is already 2 June (6 Dhu al-Hijjah) in Riyadh.
    expect(instantToCivil("2025-06-01T22:30:00Z", "Asia/Riyadh", "gregorian")).toEqual(iso("2025-06-02"));
    expect(instantToCivil("2025-06-01T22:30:00Z", "Asia/Riyadh", "hijri")).toEqual(hijri(1446, 12, 6));
    expect(instantToCivil(new Date("2025-06-01T22:30:00Z"), "UTC", "hijri")).toEqual(hijri(1446, 12, 5));
  });
});

describe("formatDate", () => {
  const meeting = "2025-06-02T16:00:00.000Z";

  it("formats Hijri in Arabic with Arabic-Indic digits", () => {
    const text = formatDate(meeting, { locale: "ar", digits: "arab", calendar: "hijri" });
    expect(text).toBe("٦ ذو الحجة ١٤٤٦ هـ");
    expect(text).toContain("٦");
    expect(text).toContain("١٤٤٦");
    expect(formatDate(meeting, { locale: "ar", digits: "arab", calendar: "hijri", weekday: true })).toBe(
      "الاثنين ٦ ذو الحجة ١٤٤٦ هـ",
    );
  });

  it("formats Hijri in Arabic with Latin digits", () => {
    expect(formatDate(meeting, { locale: "ar", digits: "latn", calendar: "hijri" })).toBe("6 ذو الحجة 1446 هـ");
  });

  it("formats Hijri in English with the common month spelling", () => {
    expect(formatDate(meeting, { locale: "en", digits: "latn", calendar: "hijri", weekday: true })).toBe(
      "Monday, 6 Dhu al-Hijjah 1446 AH",
    );
    // English ignores the Arabic-Indic setting.
    expect(formatDate(meeting, { locale: "en", digits: "arab", calendar: "hijri" })).toBe("6 Dhu al-Hijjah 1446 AH");
  });

  it("formats Gregorian in both languages", () => {
    expect(formatDate(meeting, { locale: "en", digits: "latn", calendar: "gregorian" })).toBe("2 June 2025");
    expect(formatDate(meeting, { locale: "ar", digits: "arab", calendar: "gregorian" })).toBe("٢ يونيو ٢٠٢٥");
    expect(formatDate(meeting, { locale: "ar", digits: "latn", calendar: "gregorian", weekday: true })).toBe(
      "الاثنين 2 يونيو 2025",
    );
  });

  it("adds the local time in the event's zone", () => {
    expect(formatDate(meeting, { locale: "en", digits: "latn", calendar: "gregorian", withTime: true })).toBe(
      "2 June 2025, 7:00 PM",
    );
    expect(formatDate(meeting, { locale: "ar", digits: "arab", calendar: "hijri", withTime: true })).toBe(
      "٦ ذو الحجة ١٤٤٦ هـ، ٧:٠٠ م",
    );
    expect(
      formatDate(meeting, { locale: "en", digits: "latn", calendar: "gregorian", withTime: true, timeZone: "UTC" }),
    ).toBe("2 June 2025, 4:00 PM");
  });

  it("formats civil dates without shifting them by a zone", () => {
    const opts = { locale: "en", digits: "latn", calendar: "hijri", timeZone: "America/Los_Angeles" } as const;
    expect(formatDate("2025-06-02", opts)).toBe("6 Dhu al-Hijjah 1446 AH");
    expect(formatDate({ year: 2025, month: 6, day: 2 }, opts)).toBe("6 Dhu al-Hijjah 1446 AH");
  });

  it("has a short numeric style, day first", () => {
    expect(formatDate("2025-06-02", { locale: "en", digits: "latn", calendar: "hijri", style: "short" })).toBe(
      "6/12/1446 AH",
    );
    expect(formatDate("2025-06-02", { locale: "ar", digits: "arab", calendar: "hijri", style: "short" })).toBe(
      "٦/١٢/١٤٤٦ هـ",
    );
    expect(formatDate("2025-06-02", { locale: "en", digits: "latn", calendar: "gregorian", style: "short" })).toBe(
      "2/6/2025",
    );
  });

  it("formats a month and year", () => {
    expect(formatMonthYear(1446, 12, { locale: "en", digits: "latn", calendar: "hijri" })).toBe("Dhu al-Hijjah 1446 AH");
    expect(formatMonthYear(1446, 12, { locale: "ar", digits: "arab", calendar: "hijri" })).toBe("ذو الحجة ١٤٤٦ هـ");
    expect(formatMonthYear(2025, 6, { locale: "ar", digits: "arab", calendar: "gregorian" })).toBe("يونيو ٢٠٢٥");
  });

  it("throws on an invalid value", () => {
    expect(() => formatDate("yesterday", { locale: "en", digits: "latn", calendar: "hijri" })).toThrow(RangeError);
  });
});

describe("month names", () => {
  it("Arabic Hijri names are ICU's", () => {
    const f = new Intl.DateTimeFormat("ar-SA-u-ca-islamic-umalqura", { month: "long", timeZone: "UTC" });
    // The 15th of each Hijri month of 1446.
    const fromIntl = Array.from({ length: 12 }, (_, i) => {
      const g = hijriToGregorian(hijri(1446, i + 1, 15));
      return f.format(new Date(Date.UTC(g.year, g.month - 1, g.day, 12)));
    });
    expect(fromIntl).toEqual([...HIJRI_MONTHS_AR]);
    expect(HIJRI_MONTHS_AR[11]).toBe("ذو الحجة");
    expect(HIJRI_MONTHS_AR[8]).toBe("رمضان");
  });

  it("English Hijri names use the common spellings", () => {
    expect(HIJRI_MONTHS_EN).toHaveLength(12);
    expect(HIJRI_MONTHS_EN[11]).toBe("Dhu al-Hijjah");
    expect(monthNames("hijri", "en")[0]).toBe("Muharram");
  });

  it("Gregorian names come from Intl", () => {
    expect(monthNames("gregorian", "en")[5]).toBe("June");
    expect(monthNames("gregorian", "ar")[5]).toBe("يونيو");
  });
});

describe("parseDateText", () => {
  it.each([
    ["6/12/1446", "hijri", hijri(1446, 12, 6)],
    ["06-12-1446", "hijri", hijri(1446, 12, 6)],
    ["1446-12-06", "hijri", hijri(1446, 12, 6)],
    ["1446/12/6", "hijri", hijri(1446, 12, 6)],
    ["6.12.1446", "hijri", hijri(1446, 12, 6)],
    ["٦/١٢/١٤٤٦", "hijri", hijri(1446, 12, 6)],
    ["٦/١٢/١٤٤٦ هـ", "hijri", hijri(1446, 12, 6)],
    ["۶/۱۲/۱۴۴۶", "hijri", hijri(1446, 12, 6)],
    [" 6 / 12 / 1446 AH ", "hijri", hijri(1446, 12, 6)],
    ["2/6/2025", "gregorian", { year: 2025, month: 6, day: 2 }],
    ["02-06-2025", "gregorian", { year: 2025, month: 6, day: 2 }],
    ["2025-06-02", "gregorian", { year: 2025, month: 6, day: 2 }],
    ["٢/٦/٢٠٢٥", "gregorian", { year: 2025, month: 6, day: 2 }],
  ] as const)("reads %s (%s)", (text, calendar, expected) => {
    expect(parseDateText(text, calendar)).toEqual(expected);
  });

  it.each([
    ["30/12/1446", "hijri"], // Dhu al-Hijjah 1446 has 29 days
    ["31/1/1447", "hijri"],
    ["1/13/1446", "hijri"],
    ["0/1/1446", "hijri"],
    ["29/2/2025", "gregorian"],
    ["2/13/2025", "gregorian"],
    ["2/6/25", "gregorian"], // two-digit years are ambiguous
    ["6/12/2025", "hijri"], // out of the Umm al-Qura range
    ["2/6/1446", "gregorian"],
    ["", "hijri"],
    ["yesterday", "gregorian"],
    ["6/12", "hijri"],
  ] as const)("rejects %s (%s)", (text, calendar) => {
    expect(parseDateText(text, calendar)).toBeNull();
  });
});
