import type { EventRecord } from "./types.js";

export const KUWAIT = { id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office", kind: "hajj_mission" as const };
export const OIC = { id: "o-oic", code: "oic", nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي", nameEn: "OIC General Secretariat", kind: "secretariat" as const };
export const SEASON_1446 = { id: "s-1446", code: "1446", nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH" };

/** Overrides of a test event; abilities not given are false, except recordAttendance, which follows update (as on the server). */
export type EventOverrides = Partial<Omit<EventRecord, "abilities">> & { abilities?: Partial<EventRecord["abilities"]> };

/** An event like the GCC offices' 1446 meeting (6 Dhu al-Hijjah 1446 = 2 June 2025, 20:00 Mecca time). */
export function buildEvent(overrides: EventOverrides = {}): EventRecord {
  const abilities = { update: false, register: false, viewRegistrations: false, ...overrides.abilities };
  return {
    id: "e-gcc",
    season: SEASON_1446,
    kind: "meeting",
    mode: "in_person",
    status: "published",
    titleAr: "الاجتماع السنوي لمكاتب شؤون الحجاج بدول مجلس التعاون",
    titleEn: "Annual meeting of the GCC Hajj-affairs offices",
    descriptionAr: null,
    descriptionEn: null,
    host: KUWAIT,
    chair: null,
    venueAr: "مقر مكتب شؤون الحجاج الكويتي بمكة المكرمة",
    venueEn: "Kuwaiti Hajj office, Mecca",
    joinUrl: null,
    hasJoinUrl: false,
    timeZone: "Asia/Riyadh",
    startsAt: "2025-06-02T17:00:00.000Z",
    endsAt: "2025-06-02T19:00:00.000Z",
    startsLocal: "2025-06-02T20:00",
    endsLocal: "2025-06-02T22:00",
    registration: "invitation",
    capacity: null,
    confirmedCount: 0,
    waitlistCount: 0,
    previousEventId: null,
    visibility: "members",
    archivedAt: null,
    createdAt: "2025-01-01T00:00:00.000Z",
    updatedAt: "2025-01-01T00:00:00.000Z",
    myRegistration: null,
    ...overrides,
    abilities: { ...abilities, recordAttendance: abilities.recordAttendance ?? abilities.update },
  };
}

/** An open virtual workshop like Terhab (26 May 2024). */
export function buildWorkshop(overrides: EventOverrides = {}): EventRecord {
  return buildEvent({
    id: "e-terhab",
    season: { id: "s-1445", code: "1445", nameAr: "موسم حج ١٤٤٥ هـ", nameEn: "Hajj season 1445 AH" },
    kind: "workshop",
    mode: "virtual",
    titleAr: "ورشة ترحاب",
    titleEn: "Terhab workshop",
    host: OIC,
    venueAr: null,
    venueEn: null,
    hasJoinUrl: true,
    startsAt: "2024-05-26T08:00:00.000Z",
    endsAt: "2024-05-26T11:00:00.000Z",
    startsLocal: "2024-05-26T11:00",
    endsLocal: "2024-05-26T14:00",
    registration: "open",
    capacity: 2,
    confirmedCount: 1,
    abilities: { update: false, register: true, viewRegistrations: false },
    ...overrides,
  });
}
