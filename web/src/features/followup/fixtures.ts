import { screen, waitFor } from "@testing-library/react";
import type { Accountability, AwarenessGain, FollowupOrg, Programme, Proposal, Recommendation, RecommendationSummary } from "./types.js";

export const KUWAIT = { id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office", kind: "hajj_mission" as const, country: "KW" } satisfies FollowupOrg;
export const QATAR = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", kind: "hajj_mission" as const, country: "QA" } satisfies FollowupOrg;
export const OIC = { id: "o-oic", code: "oic", nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي", nameEn: "OIC General Secretariat", kind: "secretariat" as const, country: null } satisfies FollowupOrg;
export const MINISTRY = { id: "o-moh", code: "moh", nameAr: "وزارة الحج والعمرة", nameEn: "Ministry of Hajj and Umrah", kind: "ministry" as const, country: "SA" } satisfies FollowupOrg;

export const SEASONS = {
  items: [
    { id: "s-1446", code: "1446", hijriYear: 1446, nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH", startsOn: "2024-07-07", endsOn: "2025-06-25", eventCount: 2, abilities: { update: true } },
    { id: "s-1445", code: "1445", hijriYear: 1445, nameAr: "موسم حج ١٤٤٥ هـ", nameEn: "Hajj season 1445 AH", startsOn: "2023-07-19", endsOn: "2024-07-06", eventCount: 2, abilities: { update: true } },
  ],
  abilities: { create: true },
};

/** A recommendation of the GCC offices' 1446 meeting, approved, with Qatar responsible. */
export function buildSummary(overrides: Partial<RecommendationSummary> = {}): RecommendationSummary {
  return {
    id: "r-1",
    reference: "GCC-1446/3",
    textAr: "تبادل خرائط المخيمات بين البعثات قبل الأول من صفر.",
    textEn: "Share the camp maps between missions before 1 Safar.",
    status: "approved",
    progress: 40,
    dueOn: "2025-08-01",
    overdue: false,
    daysOverdue: 0,
    season: { id: "s-1446", code: "1446" },
    programme: null,
    area: null,
    owner: KUWAIT,
    responsibles: [QATAR],
    sourceEvent: { id: "e-gcc", titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون", titleEn: "Annual meeting of the GCC Hajj-affairs offices", startsAt: "2025-06-02T17:00:00.000Z" },
    updatedAt: "2025-06-10T08:00:00.000Z",
    ...overrides,
  };
}

export function buildRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    ...buildSummary(),
    statusReason: null,
    visibility: "private",
    shareGroupId: null,
    sourceDecisionId: "d-3",
    sourceProposal: null,
    createdAt: "2025-06-02T19:30:00.000Z",
    approvedAt: "2025-06-02T19:30:00.000Z",
    closedAt: null,
    createdBy: { id: "u-kw", name: "Mishari Al-Rashidan" },
    links: [],
    impact: { workshops: [], participants: 0, countries: 0, awarenessGain: null },
    abilities: { manage: true, progress: true, transitions: ["in_progress", "done", "dropped"] },
    ...overrides,
  };
}

/** The Asas and Terhab training programmes (season 1445), as the link chooser lists them. */
export const TRAINING_PROGRAMMES = [
  { id: "tp-asas", code: "asas-1445", titleAr: "أساس: برنامج توعية منظمي الحج ومقدمي الخدمات", titleEn: "Asas: awareness programme for Hajj organisers and service providers", season: { id: "s-1445", code: "1445", nameAr: "موسم حج 1445 هـ", nameEn: "Hajj season 1445 AH" } },
  { id: "tp-terhab", code: "terhab-1445", titleAr: "ترحاب: برنامج رفع جودة استقبال ضيوف الرحمن", titleEn: "Terhab: raising the quality of welcoming the guests of the Most Merciful", season: { id: "s-1445", code: "1445", nameAr: "موسم حج 1445 هـ", nameEn: "Hajj season 1445 AH" } },
];

/** The awareness gain of both programmes' trainees, as in the demo. */
export function buildAwarenessGain(overrides: Partial<AwarenessGain> = {}): AwarenessGain {
  return {
    programmes: TRAINING_PROGRAMMES.map(({ id, titleAr, titleEn }) => ({ id, titleAr, titleEn })),
    trainees: 20,
    withPre: 19,
    withPost: 16,
    paired: 16,
    avgPre: 37.7,
    avgPost: 84.4,
    avgGain: 44.8,
    ...overrides,
  };
}

export function buildProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: "p-1",
    event: { id: "e-gcc", titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون", titleEn: "Annual meeting of the GCC Hajj-affairs offices", startsAt: "2025-06-02T17:00:00.000Z" },
    organisation: KUWAIT,
    language: "en",
    title: "A shared lost-pilgrims desk in Mina",
    problem: "Each office searches for its lost pilgrims alone.",
    proposal: "Staff one desk together during the days of Mina.",
    benefit: "Lost pilgrims are found sooner.",
    status: "submitted",
    decision: null,
    recommendationId: null,
    carriedFrom: null,
    sponsors: [],
    commentCount: 0,
    author: { id: "u-kw", name: "Mishari Al-Rashidan" },
    createdAt: "2025-06-01T10:00:00.000Z",
    updatedAt: "2025-06-01T10:00:00.000Z",
    abilities: { edit: false, withdraw: false, sponsor: false, unsponsor: false, comment: true, decide: false },
    ...overrides,
  };
}

/** The OIC × Ministry programme of season 1446, with two areas of cooperation. */
export function buildProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: "pr-1",
    code: "OIC-MOH-1446",
    season: { id: "s-1446", code: "1446", nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH" },
    titleAr: "برنامج التعاون بين الأمانة العامة ووزارة الحج والعمرة",
    titleEn: "OIC–Ministry cooperation programme",
    startsOn: "2024-07-07",
    endsOn: "2025-06-25",
    visibility: "members",
    descriptionAr: null,
    descriptionEn: null,
    shareGroupId: null,
    owner: OIC,
    parties: [
      { organisation: OIC, signatory: { personId: null, name: "Secretary-General" }, signedOn: "2024-07-10" },
      { organisation: MINISTRY, signatory: null, signedOn: null },
    ],
    areas: [
      { id: "a-1", position: 0, code: "AWR", titleAr: "توعية مقدمي الخدمة", titleEn: "Service-provider awareness" },
      { id: "a-2", position: 1, code: "QLT", titleAr: "جودة الخدمة", titleEn: "Service quality" },
    ],
    events: [],
    counts: { areas: 2, events: 0, recommendations: 0 },
    archivedAt: null,
    abilities: { update: true, archive: true },
    ...overrides,
  };
}

export function buildAccountability(overrides: Partial<Accountability> = {}): Accountability {
  return {
    totals: { total: 5, proposed: 1, approved: 1, inProgress: 1, done: 2, dropped: 0, overdue: 1, implementationRate: 2 / 4 },
    byArea: [
      { areaId: "a-1", code: "AWR", titleAr: "توعية مقدمي الخدمة", titleEn: "Service-provider awareness", total: 3, done: 2, rate: 2 / 3, averageProgress: 80 },
      { areaId: null, code: null, titleAr: null, titleEn: null, total: 2, done: 0, rate: 0, averageProgress: 20 },
    ],
    byOrganisation: [{ organisationId: "o-qa", nameAr: QATAR.nameAr, nameEn: QATAR.nameEn, country: "QA", total: 3, done: 1, rate: 1 / 3, averageProgress: 55, overdue: 1 }],
    overdue: [
      { id: "r-2", reference: "GCC-1446/5", textAr: "نص", textEn: "Train the guides of Mina", status: "in_progress", progress: 30, dueOn: "2025-06-20", daysOverdue: 12, responsibles: [{ id: "o-qa", nameAr: QATAR.nameAr, nameEn: QATAR.nameEn }] },
    ],
    timeline: [],
    ...overrides,
  };
}

/** The dialog on screen (closed ones stay in the page, hidden). */
export async function openDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const open = screen.getAllByRole("dialog", { hidden: true }).find((d) => d.hasAttribute("open"));
    if (!open) throw new Error("no open dialog");
    return open;
  });
}
