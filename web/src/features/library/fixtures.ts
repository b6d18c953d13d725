import type { Entry, EntryComment, EntrySummary } from "./types.js";

export const KUWAIT_OFFICE = { id: "o-kw", code: "hajj-kw", nameAr: "مكتب شؤون الحجاج الكويتي", nameEn: "Kuwait Hajj Affairs Office", country: "KW" };
export const QATAR_MISSION = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatari Hajj Mission", country: "QA" };
export const GCC_GROUP = { id: "g-gcc", code: "gcc-hajj-offices", nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون", nameEn: "GCC Hajj-affairs offices" };
export const COUNTRIES = {
  items: [
    { code: "KW", nameAr: "دولة الكويت", nameEn: "State of Kuwait", oicStatus: "member" },
    { code: "QA", nameAr: "دولة قطر", nameEn: "State of Qatar", oicStatus: "member" },
  ],
};

/** A practice of the Kuwaiti office written in Arabic only, shared with the GCC offices. */
export function buildSummary(overrides: Partial<EntrySummary> = {}): EntrySummary {
  return {
    id: "le-1",
    kind: "practice",
    language: "ar",
    title: "تجميع أمتعة الحجاج حسب ألوان المخيمات",
    titleAr: "تجميع أمتعة الحجاج حسب ألوان المخيمات",
    titleEn: null,
    excerpt: "نجمع الأمتعة في ساحة المخيم حسب لون البطاقة، ثم تُنقل بالحافلات.",
    category: "transport",
    tags: ["الأمتعة", "المخيمات"],
    organisation: KUWAIT_OFFICE,
    season: { id: "s-1446", code: "1446", nameAr: "موسم حج ١٤٤٦ هـ", nameEn: "Hajj season 1446 AH" },
    scope: "group",
    group: GCC_GROUP,
    usefulCount: 3,
    commentCount: 2,
    version: 2,
    createdAt: "2025-06-01T08:00:00.000Z",
    updatedAt: "2025-06-02T16:00:00.000Z",
    ...overrides,
  };
}

export function buildEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    ...buildSummary(),
    bodyAr: '<p dir="auto">نجمع الأمتعة في ساحة المخيم حسب لون البطاقة، ثم تُنقل <strong>بالحافلات</strong>.</p>',
    bodyEn: null,
    event: null,
    author: { id: "u-kw", name: "مشاري الرشيدان" },
    updatedBy: { id: "u-kw", name: "مشاري الرشيدان" },
    markedUseful: false,
    attachments: [],
    abilities: { update: false, comment: true },
    ...overrides,
  };
}

export function buildComment(overrides: Partial<EntryComment> = {}): EntryComment {
  return {
    id: "c-1",
    parentId: null,
    kind: "question",
    body: "كم حافلة تحتاجون لكل مخيم؟",
    author: { id: "u-qa", name: "محمد النعيمي" },
    organisation: QATAR_MISSION,
    createdAt: "2025-06-03T10:00:00.000Z",
    deleted: false,
    abilities: { delete: false },
    ...overrides,
  };
}
