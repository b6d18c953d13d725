import { describe, it, expect, vi } from "vitest";
import { fireEvent, render, screen } from "@testing-library/react";
import { useState, type ReactElement } from "react";
import { DisplaySettingsContext, type DisplaySettings } from "../app/useDisplaySettings.js";
import { setLanguage } from "../i18n.js";
import { DateInput, type DateInputProps } from "./DateInput.js";

function renderWith(settings: Partial<DisplaySettings>, ui: ReactElement) {
  const value: DisplaySettings = { locale: "ar", digits: "arab", timeZone: "Asia/Riyadh", ...settings };
  setLanguage(value.locale);
  const wrap = (node: ReactElement) => (
    <DisplaySettingsContext.Provider value={value}>{node}</DisplaySettingsContext.Provider>
  );
  const result = render(wrap(ui));
  return { ...result, rerender: (node: ReactElement) => result.rerender(wrap(node)) };
}

/** A parent that keeps the value, as a form would. */
function Controlled({
  initial = null,
  spy,
  ...rest
}: { initial?: string | null; spy: (value: string | null) => void } & Partial<DateInputProps>): ReactElement {
  const [value, setValue] = useState<string | null>(initial);
  return (
    <DateInput
      id="meeting-date"
      label={rest.label ?? "Meeting date"}
      value={value}
      onChange={(next) => {
        spy(next);
        setValue(next);
      }}
      {...rest}
    />
  );
}

const day = () => document.getElementById("meeting-date") as HTMLInputElement;
const month = () => document.getElementById("meeting-date-month") as HTMLSelectElement;
const year = () => document.getElementById("meeting-date-year") as HTMLInputElement;
const twin = () => document.getElementById("meeting-date-twin")!;
const errors = () => document.getElementById("meeting-date-error")!;

function enter(d: string, m: string, y: string): void {
  fireEvent.change(day(), { target: { value: d } });
  fireEvent.change(month(), { target: { value: m } });
  fireEvent.change(year(), { target: { value: y } });
}

describe("DateInput in English", () => {
  it("labels every control and starts in the Gregorian calendar", () => {
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={vi.fn()} />);
    expect(screen.getByRole("group", { name: "Meeting date" })).toBeTruthy();
    expect(screen.getByLabelText("Day")).toBe(day());
    expect(screen.getByLabelText("Month")).toBe(month());
    expect(screen.getByLabelText("Year")).toBe(year());
    expect((screen.getByLabelText("Gregorian") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText("Hijri") as HTMLInputElement).checked).toBe(false);
    expect(day().getAttribute("aria-describedby")).toBe("meeting-date-help meeting-date-twin");
    expect(document.getElementById("meeting-date-help")!.textContent).toContain("2/6/2025");
  });

  it("entering 6 / Dhu al-Hijjah / 1446 in Hijri gives 2025-06-02 and shows 2 June 2025", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={spy} />);
    fireEvent.click(screen.getByLabelText("Hijri"));
    expect(screen.getByRole("option", { name: "Dhu al-Hijjah (12)" })).toBeTruthy();
    enter("6", "12", "1446");
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenLastCalledWith("2025-06-02");
    expect(twin().textContent).toBe("= 2 June 2025");
    expect(errors().textContent).toBe("");
  });

  it("works with a parent that does not store the value", () => {
    const onChange = vi.fn();
    renderWith(
      { locale: "en", digits: "latn" },
      <DateInput id="meeting-date" label="Meeting date" value={null} onChange={onChange} />,
    );
    fireEvent.click(screen.getByLabelText("Hijri"));
    enter("6", "12", "1446");
    expect(onChange).toHaveBeenLastCalledWith("2025-06-02");
    expect(day().value).toBe("6");
    expect(twin().textContent).toBe("= 2 June 2025");
  });

  it("switching the calendar keeps the same day", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled initial="2025-06-02" spy={spy} />);
    expect([day().value, month().value, year().value]).toEqual(["2", "6", "2025"]);
    expect(twin().textContent).toBe("= 6 Dhu al-Hijjah 1446 AH");

    fireEvent.click(screen.getByLabelText("Hijri"));
    expect([day().value, month().value, year().value]).toEqual(["6", "12", "1446"]);
    expect(twin().textContent).toBe("= 2 June 2025");

    fireEvent.click(screen.getByLabelText("Gregorian"));
    expect([day().value, month().value, year().value]).toEqual(["2", "6", "2025"]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports day 30 of a 29-day Hijri month on the day field", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={spy} />);
    fireEvent.click(screen.getByLabelText("Hijri"));
    enter("30", "12", "1446");
    expect(errors().textContent).toBe("Day 30 does not exist: Dhu al-Hijjah 1446 AH has 29 days.");
    expect(day().getAttribute("aria-invalid")).toBe("true");
    expect(day().getAttribute("aria-describedby")).toContain("meeting-date-error");
    expect(year().getAttribute("aria-invalid")).toBeNull();
    expect(twin().textContent).toBe("");
    expect(spy).not.toHaveBeenCalled();

    fireEvent.change(day(), { target: { value: "29" } });
    expect(errors().textContent).toBe("");
    expect(spy).toHaveBeenLastCalledWith("2025-06-25");
  });

  it("clears the value when a valid date becomes invalid", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled initial="2025-02-28" spy={spy} />);
    fireEvent.change(day(), { target: { value: "29" } });
    expect(errors().textContent).toBe("Day 29 does not exist: February 2025 has 28 days.");
    expect(spy).toHaveBeenLastCalledWith(null);
  });

  it("reports a day out of range and a bad year", () => {
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={vi.fn()} />);
    fireEvent.change(day(), { target: { value: "32" } });
    expect(errors().textContent).toBe("Day must be from 1 to 31.");
    fireEvent.change(day(), { target: { value: "2" } });
    fireEvent.change(year(), { target: { value: "20255" } });
    expect(errors().textContent).toBe("Year must be a four-digit number from 1883 to 2173.");
    expect(year().getAttribute("aria-invalid")).toBe("true");
  });

  it("asks for missing parts and a required date only after the user leaves the group", () => {
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={vi.fn()} required />);
    fireEvent.focus(day());
    expect(errors().textContent).toBe("");
    fireEvent.blur(day());
    expect(errors().textContent).toBe("Meeting date is required.");
    expect(day().getAttribute("aria-required")).toBe("true");

    fireEvent.change(day(), { target: { value: "2" } });
    fireEvent.blur(day());
    expect(errors().textContent).toBe("Choose the month.Enter the year.");
    expect(month().getAttribute("aria-invalid")).toBe("true");
  });

  it("fills all fields from a full date typed in the day field", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={spy} />);
    fireEvent.change(day(), { target: { value: "2/6/2025" } });
    expect([day().value, month().value, year().value]).toEqual(["2", "6", "2025"]);
    expect(spy).toHaveBeenLastCalledWith("2025-06-02");

    fireEvent.change(day(), { target: { value: "31/6/2025" } });
    expect(errors().textContent).toBe("This is not a valid date. Write it as day/month/year, for example 2/6/2025.");
  });

  it("enforces min and max", () => {
    const spy = vi.fn();
    renderWith({ locale: "en", digits: "latn" }, <Controlled spy={spy} min="2025-06-01" max="2025-06-30" />);
    enter("31", "5", "2025");
    expect(errors().textContent).toBe("The date must be on or after 1 June 2025.");
    expect(spy).not.toHaveBeenCalled();
    fireEvent.change(day(), { target: { value: "1" } });
    fireEvent.change(month(), { target: { value: "7" } });
    expect(errors().textContent).toBe("The date must be on or before 30 June 2025.");
    fireEvent.change(month(), { target: { value: "6" } });
    expect(spy).toHaveBeenLastCalledWith("2025-06-01");
  });

  it("shows an error passed by the parent", () => {
    renderWith(
      { locale: "en", digits: "latn" },
      <DateInput id="meeting-date" label="Meeting date" value={null} onChange={vi.fn()} error="Pick a date in the season." />,
    );
    expect(errors().textContent).toBe("Pick a date in the season.");
    expect(day().getAttribute("aria-invalid")).toBe("true");
  });

  it("follows a value changed by the parent", () => {
    const onChange = vi.fn();
    const { rerender } = renderWith(
      { locale: "en", digits: "latn" },
      <DateInput id="meeting-date" label="Meeting date" value="2025-06-02" onChange={onChange} />,
    );
    rerender(<DateInput id="meeting-date" label="Meeting date" value="2025-03-01" onChange={onChange} />);
    expect([day().value, month().value, year().value]).toEqual(["1", "3", "2025"]);
    rerender(<DateInput id="meeting-date" label="Meeting date" value={null} onChange={onChange} />);
    expect([day().value, month().value, year().value]).toEqual(["", "", ""]);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe("DateInput in Arabic", () => {
  it("starts in Hijri with Arabic labels and month names", () => {
    renderWith({ locale: "ar", digits: "arab" }, <Controlled spy={vi.fn()} label="تاريخ الاجتماع" />);
    expect(screen.getByRole("group", { name: "تاريخ الاجتماع" })).toBeTruthy();
    expect((screen.getByLabelText("هجري") as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText("اليوم")).toBe(day());
    expect(screen.getByLabelText("الشهر")).toBe(month());
    expect(screen.getByLabelText("السنة")).toBe(year());
    expect(screen.getByRole("option", { name: "ذو الحجة (١٢)" })).toBeTruthy();
  });

  it("accepts Arabic-Indic digits and shows the Gregorian twin", () => {
    const spy = vi.fn();
    renderWith({ locale: "ar", digits: "arab" }, <Controlled spy={spy} />);
    enter("٦", "12", "١٤٤٦");
    expect(spy).toHaveBeenLastCalledWith("2025-06-02");
    expect(twin().textContent).toBe("الموافق ٢ يونيو ٢٠٢٥");
    expect(twin().querySelector("bdi")!.textContent).toBe("٢ يونيو ٢٠٢٥");
  });

  it("shows a stored value with the user's digits and switches to Gregorian", () => {
    const spy = vi.fn();
    renderWith({ locale: "ar", digits: "arab" }, <Controlled initial="2025-06-02" spy={spy} />);
    expect([day().value, month().value, year().value]).toEqual(["٦", "12", "١٤٤٦"]);
    fireEvent.click(screen.getByLabelText("ميلادي"));
    expect([day().value, month().value, year().value]).toEqual(["٢", "6", "٢٠٢٥"]);
    expect(twin().textContent).toBe("الموافق ٦ ذو الحجة ١٤٤٦ هـ");
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports an invalid day in Arabic", () => {
    renderWith({ locale: "ar", digits: "arab" }, <Controlled spy={vi.fn()} />);
    enter("٣٠", "12", "١٤٤٦");
    expect(errors().textContent).toBe("اليوم ٣٠ غير موجود، فعدد أيام الشهر (ذو الحجة ١٤٤٦ هـ) ٢٩ يومًا.");
    expect(day().getAttribute("aria-invalid")).toBe("true");
  });

  it("uses Latin digits when the user prefers them", () => {
    const spy = vi.fn();
    renderWith({ locale: "ar", digits: "latn" }, <Controlled spy={spy} />);
    fireEvent.change(day(), { target: { value: "1/9/1446" } });
    expect([day().value, month().value, year().value]).toEqual(["1", "9", "1446"]);
    expect(spy).toHaveBeenLastCalledWith("2025-03-01");
    expect(twin().textContent).toBe("الموافق 1 مارس 2025");
  });
});
