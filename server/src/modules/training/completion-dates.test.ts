/**
 * The dates a certificate records (certificates.service.ts `completionDates`): a workshop counts
 * from its start, so a trainee who completes during one in progress completes today, not on the
 * day it will end.
 */
import { describe, expect, it } from "vitest";
import { completionDates } from "./certificates.service.js";
import type { TraineeFacts } from "./completion.service.js";
import type { WorkshopRow } from "./completion.repository.js";

const riyadhDay = (instant: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Riyadh" }).format(instant);
const rule = { minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false };
const workshop = (id: string, startsAt: string, endsAt: string): WorkshopRow => ({ id, titleAr: "ورشة", titleEn: "Workshop", startsAt, endsAt, timeZone: "Asia/Riyadh", status: "published" });
const trainee = (shares: Record<string, number>) => ({ shares: new Map(Object.entries(shares)), postSubmittedAt: null, surveySubmittedAt: null }) as unknown as TraineeFacts;

describe("completionDates", () => {
  it("takes the last attended workshop's end day once it has ended", () => {
    const held = [workshop("a", "2024-05-26T07:00:00.000Z", "2024-05-26T09:30:00.000Z"), workshop("b", "2024-05-27T22:00:00.000Z", "2024-05-28T01:00:00.000Z")];
    expect(completionDates({ held, hasPostTest: false, rule }, trainee({ a: 1, b: 1 }))).toEqual({ startsOn: "2024-05-26", endsOn: "2024-05-28", completedOn: "2024-05-28" });
  });

  it("completes today during a workshop still in progress, even one ending on a later day", () => {
    const now = Date.now();
    const live = workshop("live", new Date(now - 3_600_000).toISOString(), new Date(now + 48 * 3_600_000).toISOString());
    const dates = completionDates({ held: [live], hasPostTest: false, rule }, trainee({ live: 1 }));
    expect(dates.completedOn).toBe(riyadhDay(new Date()));
    expect(dates.startsOn).toBe(riyadhDay(new Date(now - 3_600_000)));
  });
});
