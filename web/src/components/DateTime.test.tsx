import { describe, it, expect } from "vitest";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { DisplaySettingsContext, type DisplaySettings } from "../app/useDisplaySettings.js";
import { setLanguage } from "../i18n.js";
import { CivilDateText, DateTime } from "./DateTime.js";

const MEETING = "2025-06-02T16:00:00.000Z"; // 19:00 in Mecca, 6 Dhu al-Hijjah 1446

function renderWith(settings: Partial<DisplaySettings>, ui: ReactElement) {
  const value: DisplaySettings = { locale: "ar", digits: "arab", timeZone: "Asia/Riyadh", ...settings };
  setLanguage(value.locale);
  return render(<DisplaySettingsContext.Provider value={value}>{ui}</DisplaySettingsContext.Provider>);
}

describe("DateTime", () => {
  it("shows Hijri and Gregorian side by side in Arabic with Arabic-Indic digits", () => {
    const { container } = renderWith({ locale: "ar", digits: "arab" }, <DateTime value={MEETING} />);
    const time = container.querySelector("time")!;
    expect(time.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)");
    expect(time.querySelector("bdi")!.textContent).toBe("٢ يونيو ٢٠٢٥");
    expect(time.getAttribute("datetime")).toBe("2025-06-02");
    expect(time.getAttribute("title")).toBe("الاثنين ٦ ذو الحجة ١٤٤٦ هـ الموافق الاثنين ٢ يونيو ٢٠٢٥ (التوقيت العربي الرسمي)");
  });

  it("uses Latin digits in Arabic when the user prefers them, isolating the Gregorian part", () => {
    const { container } = renderWith({ locale: "ar", digits: "latn" }, <DateTime value={MEETING} />);
    expect(container.querySelector("time")!.textContent).toBe("6 ذو الحجة 1446 هـ (2 يونيو 2025)");
    expect(container.querySelector("time bdi")!.textContent).toBe("2 يونيو 2025");
  });

  it("shows English with the common Hijri month spelling and Latin digits", () => {
    const { container } = renderWith({ locale: "en", digits: "arab" }, <DateTime value={new Date(MEETING)} />);
    const time = container.querySelector("time")!;
    expect(time.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025)");
    expect(time.getAttribute("title")).toContain("Monday, 6 Dhu al-Hijjah 1446 AH = Monday, 2 June 2025");
  });

  it("adds the local time in the event's zone in datetime mode", () => {
    const { container } = renderWith({ locale: "en", digits: "latn" }, <DateTime value={MEETING} mode="datetime" />);
    const time = container.querySelector("time")!;
    expect(time.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025), 7:00 PM");
    expect(time.getAttribute("datetime")).toBe(MEETING);
    expect(time.getAttribute("title")).toBe(
      "Monday, 6 Dhu al-Hijjah 1446 AH = Monday, 2 June 2025, 7:00 PM (Arabian Standard Time)",
    );
  });

  it("shows the Arabic time with the user's digits", () => {
    const { container } = renderWith({ locale: "ar", digits: "arab" }, <DateTime value={MEETING} mode="datetime" />);
    expect(container.querySelector("time")!.textContent).toBe("٦ ذو الحجة ١٤٤٦ هـ (٢ يونيو ٢٠٢٥)، ٧:٠٠ م");
  });

  it("reads the date in the given zone", () => {
    // 22:30Z on 1 June is 2 June in Riyadh but still 1 June (5 Dhu al-Hijjah) in UTC.
    const late = "2025-06-01T22:30:00Z";
    const riyadh = renderWith({ locale: "en", digits: "latn" }, <DateTime value={late} />);
    expect(riyadh.container.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025)");
    riyadh.unmount();
    const utc = renderWith({ locale: "en", digits: "latn" }, <DateTime value={late} timeZone="UTC" />);
    expect(utc.container.textContent).toBe("5 Dhu al-Hijjah 1446 AH (1 June 2025)");
  });

  it("shows an unreadable value as given instead of failing", () => {
    const { container } = renderWith({ locale: "en", digits: "latn" }, <DateTime value="soon" />);
    expect(container.textContent).toBe("soon");
    expect(container.querySelector("time")).toBeNull();
  });
});

describe("CivilDateText", () => {
  it("shows a date-only value in both calendars without a zone", () => {
    const { container } = renderWith({ locale: "ar", digits: "arab" }, <CivilDateText value="2025-06-26" />);
    const time = container.querySelector("time")!;
    expect(time.textContent).toBe("١ محرم ١٤٤٧ هـ (٢٦ يونيو ٢٠٢٥)");
    expect(time.getAttribute("datetime")).toBe("2025-06-26");
    expect(time.getAttribute("title")).toBe("الخميس ١ محرم ١٤٤٧ هـ الموافق الخميس ٢٦ يونيو ٢٠٢٥");
  });

  it("is not shifted by the user's zone", () => {
    const { container } = renderWith(
      { locale: "en", digits: "latn", timeZone: "America/Los_Angeles" },
      <CivilDateText value="2025-03-01" />,
    );
    expect(container.textContent).toBe("1 Ramadan 1446 AH (1 March 2025)");
  });

  it("DateTime given a bare date treats it as a calendar date", () => {
    const { container } = renderWith(
      { locale: "en", digits: "latn", timeZone: "America/Los_Angeles" },
      <DateTime value="2025-06-02" />,
    );
    expect(container.textContent).toBe("6 Dhu al-Hijjah 1446 AH (2 June 2025)");
  });
});
