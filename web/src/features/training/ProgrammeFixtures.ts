import { DEFAULT_SURVEY } from "../../../../common/training.js";
import type { ProgrammeDetail, ProgrammeSummary } from "./types.js";

/** Test data: the Asas programme of season 1445, owned by the OIC secretariat with the Ministry. */

export const OIC_ORG = { id: "o-oic", code: "oic", nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي", nameEn: "OIC General Secretariat", kind: "secretariat", country: null };
export const MINISTRY_ORG = { id: "o-moh", code: "moh-sa", nameAr: "وزارة الحج والعمرة", nameEn: "Ministry of Hajj and Umrah", kind: "ministry", country: "SA" };
export const SEASON_1445 = { id: "s-1445", code: "1445", nameAr: "موسم حج 1445 هـ", nameEn: "Hajj season 1445 AH" };

export const SEASONS = {
  items: [{ id: "s-1445", code: "1445", hijriYear: 1445, nameAr: "موسم حج 1445 هـ", nameEn: "Hajj season 1445 AH", startsOn: "2023-07-19", endsOn: "2024-07-06", eventCount: 2, abilities: { update: false } }],
  abilities: { create: false },
};

export function buildSummary(overrides: Partial<ProgrammeSummary> = {}): ProgrammeSummary {
  return {
    id: "tp-asas",
    code: "asas-1445",
    season: SEASON_1445,
    titleAr: "برنامج أساس",
    titleEn: "Asas programme",
    status: "published",
    enrolment: "open",
    audience: ["organisers", "service_providers"],
    owners: [OIC_ORG, MINISTRY_ORG],
    counts: { workshops: 1, modules: 2, enrolled: 14 },
    startsAt: "2024-05-26T07:00:00.000Z",
    endsAt: "2024-05-26T09:30:00.000Z",
    myEnrolment: null,
    archivedAt: null,
    ...overrides,
  };
}

export function buildProgramme(overrides: Partial<ProgrammeDetail> = {}): ProgrammeDetail {
  return {
    ...buildSummary(),
    descriptionAr: "رفع وعي العاملين في خدمة ضيوف الرحمن.",
    descriptionEn: "Raising the awareness of those who serve the guests of the Most Merciful.",
    objectivesAr: ["التعريف بالأنظمة"],
    objectivesEn: ["Know the regulations"],
    visibility: "members",
    shareGroup: null,
    cooperationProgramme: null,
    minAttendancePct: 75,
    minPostScorePct: 60,
    requireSurvey: false,
    survey: [...DEFAULT_SURVEY],
    version: 3,
    modules: [],
    workshops: [
      { id: "ev-asas", titleAr: "ورشة أساس", titleEn: "Asas workshop", startsAt: "2024-05-26T07:00:00.000Z", endsAt: "2024-05-26T09:30:00.000Z", timeZone: "Asia/Riyadh", mode: "virtual", status: "published" },
    ],
    can: { manage: true, enrolOthers: true, selfEnrol: false, results: "all" },
    ...overrides,
  };
}
