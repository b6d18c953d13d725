import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { jsonResponse, mockFetch, renderPage } from "../../test-utils.js";
import { invalidateDirectoryCache } from "../directory/useDirectoryData.js";
import { EnrolmentsTab } from "./EnrolmentsTab.js";
import { buildProgramme, MINISTRY_ORG } from "./ProgrammeFixtures.js";
import type { Enrolment, EnrolmentList } from "./useTraining.js";

const NOURA: Enrolment = {
  id: "en-1",
  status: "enrolled",
  source: "admin",
  person: { id: "p-noura", nameAr: "نورة الزهراني", nameEn: "Noura Alzahrani", email: "noura@moh-sa.example" },
  organisation: MINISTRY_ORG,
  hasAccount: true,
  createdAt: "2024-05-20T08:00:00.000Z",
  updatedAt: "2024-05-20T08:00:00.000Z",
  withdrawnAt: null,
  abilities: { withdraw: true },
};

const LIST: EnrolmentList = { items: [NOURA], total: 1, page: 1, pageSize: 50, scope: "all", organisations: [MINISTRY_ORG] };
const COUNTRIES = { items: [{ code: "SA", nameAr: "المملكة العربية السعودية", nameEn: "Kingdom of Saudi Arabia", oicStatus: "member" }] };

afterEach(() => {
  vi.unstubAllGlobals();
  invalidateDirectoryCache();
});

describe("EnrolmentsTab — the trainees", () => {
  it.each([
    ["ar", "المملكة العربية السعودية"],
    ["en", "Kingdom of Saudi Arabia"],
  ] as const)("shows the trainee's country by its name in the reader's language (%s), not its code", async (locale, country) => {
    mockFetch({
      "GET /api/training/programmes/tp-asas/enrolments": () => jsonResponse(LIST),
      "GET /api/countries": () => jsonResponse(COUNTRIES),
      "GET /api/people": () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderPage(<EnrolmentsTab programme={buildProgramme()} onChanged={vi.fn()} />, { locale });
    const row = (await screen.findByText(NOURA.person.nameAr)).closest("tr")!;
    const organisationCell = within(row).getByText(locale === "ar" ? MINISTRY_ORG.nameAr : MINISTRY_ORG.nameEn, { exact: false }).closest("td")!;
    expect(await within(organisationCell).findByText(country)).toBeTruthy();
    expect(within(organisationCell).queryByText("SA")).toBeNull();
  });
});
