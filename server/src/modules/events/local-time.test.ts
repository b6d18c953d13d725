import { describe, expect, it } from "vitest";
import { localToUtc, utcToLocal } from "./local-time.js";

describe("event local times", () => {
  it("reads the GCC meeting's evening in Mecca as UTC and back", () => {
    // Monday 6 Dhu al-Hijjah 1446 = 2 June 2025, 19:30 in Asia/Riyadh (UTC+3).
    expect(localToUtc("2025-06-02T19:30", "Asia/Riyadh", "startsLocal")).toBe("2025-06-02T16:30:00.000Z");
    expect(utcToLocal("2025-06-02T16:30:00.000Z", "Asia/Riyadh")).toBe("2025-06-02T19:30");
  });
  it("handles zones with daylight saving", () => {
    expect(localToUtc("2025-07-01T10:00", "Europe/Istanbul", "startsLocal")).toBe("2025-07-01T07:00:00.000Z");
    expect(utcToLocal("2025-01-15T12:00:00.000Z", "Europe/London")).toBe("2025-01-15T12:00");
    expect(utcToLocal("2025-07-15T12:00:00.000Z", "Europe/London")).toBe("2025-07-15T13:00");
  });
  it("rejects impossible dates naming the field", () => {
    expect(() => localToUtc("2025-02-30T10:00", "Asia/Riyadh", "endsLocal")).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED", fields: [{ field: "endsLocal", message: "validation.invalid_format" }] }));
  });
});
