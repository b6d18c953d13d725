import type { Kysely } from "kysely";
import { normalizeForSearch } from "../../../../common/text.js";
import type { DB } from "../schema.js";
import { newId, newSecret, nowIso } from "../../lib/tokens.js";
import { PEOPLE } from "./data/index.js";

export const DEMO_EVENTS_KEY = "demo_events_seeded_at";

/** Riyadh wall time → UTC ISO (Asia/Riyadh is UTC+3 all year). */
const riyadh = (local: string) => new Date(`${local}:00+03:00`).toISOString();

/**
 * The two seed situations as events, from the public record in DOMAIN.md: the Minister's
 * meeting with member-state representatives (13 June 2023), the Asas and Terhab virtual
 * workshops (26 May 2024) and the GCC offices' annual meeting of 6 Dhu al-Hijjah 1446
 * (2 June 2025) with the GCC group invited and Qatar's delegation led by its deputy head.
 * Times of day are illustrative (the record gives dates). Loads once; never overwrites.
 */
export async function seedDemoEvents(db: Kysely<DB>): Promise<boolean> {
  if (await db.selectFrom("meta").select("value").where("key", "=", DEMO_EVENTS_KEY).executeTakeFirst()) return false;
  const now = nowIso();
  const org = async (code: string) => (await db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn"]).where("code", "=", code).executeTakeFirst()) ?? null;
  const person = async (key: string) => {
    const seed = PEOPLE.find((p) => p.key === key);
    if (!seed) return null;
    return (await db.selectFrom("people").select("id").where("email", "=", seed.email).executeTakeFirst())?.id ?? null;
  };
  const [oic, moh, kw, qa] = await Promise.all([org("oic"), org("moh-sa"), org("hajj-kw"), org("hajj-qa")]);
  if (!oic || !moh || !kw || !qa) return false; // the directory demo was not loaded: nothing to attach events to
  // Look people up before the transaction: on SQLite a query outside it would wait for it forever.
  const ids: Record<string, string | null> = {};
  for (const key of ["moh-coordinator", "oic-representative", "kw-head", "qa-deputy", "qa-official-1", "qa-official-2"]) ids[key] = await person(key);

  await db.transaction().execute(async (tx) => {
    const seasons: Record<number, string> = {};
    for (const [year, startsOn, endsOn] of [
      [1444, "2022-07-30", "2023-07-18"],
      [1445, "2023-07-19", "2024-07-06"],
      [1446, "2024-07-07", "2025-06-25"],
      [1448, "2026-06-16", "2027-06-05"],
    ] as const) {
      const existing = await tx.selectFrom("seasons").select("id").where("code", "=", String(year)).executeTakeFirst();
      seasons[year] = existing?.id ?? newId();
      if (!existing) {
        await tx.insertInto("seasons").values({ id: seasons[year], code: String(year), hijriYear: year, nameAr: `موسم حج ${year} هـ`, nameEn: `Hajj season ${year} AH`, startsOn, endsOn, createdAt: now, updatedAt: now }).execute();
      }
    }

    const event = async (e: {
      season: number; kind: string; mode: string; titleAr: string; titleEn: string; descriptionAr?: string; descriptionEn?: string;
      host: { id: string; code: string; nameAr: string; nameEn: string }; chair?: string | null; venueAr?: string; venueEn?: string; joinUrl?: string;
      starts: string; ends: string; registration: string; capacity?: number; visibility: string; shareGroupId?: string | null;
    }) => {
      const id = newId();
      await tx.insertInto("events").values({
        id, seasonId: seasons[e.season], kind: e.kind, mode: e.mode, status: "published", titleAr: e.titleAr, titleEn: e.titleEn,
        descriptionAr: e.descriptionAr ?? null, descriptionEn: e.descriptionEn ?? null, hostOrganisationId: e.host.id, chairPersonId: e.chair ?? null,
        venueAr: e.venueAr ?? null, venueEn: e.venueEn ?? null, joinUrl: e.joinUrl ?? null, timeZone: "Asia/Riyadh", startsAt: riyadh(e.starts), endsAt: riyadh(e.ends),
        registration: e.registration, capacity: e.capacity ?? null, previousEventId: null, visibility: e.visibility, shareGroupId: e.shareGroupId ?? null,
        checkInSecret: newSecret(), searchText: normalizeForSearch([e.titleAr, e.titleEn, e.venueAr, e.venueEn, e.host.code, e.host.nameAr, e.host.nameEn, String(e.season)].filter(Boolean).join(" ")),
        createdBy: null, archivedAt: null, createdAt: now, updatedAt: now,
      }).execute();
      return id;
    };
    const invite = async (eventId: string, groupCode: string, hostId: string) => {
      const members = await tx.selectFrom("groupMembers").innerJoin("groups", "groups.id", "groupMembers.groupId").select(["groupMembers.organisationId", "groups.id as groupId"]).where("groups.code", "=", groupCode).execute();
      const rows = members.filter((m) => m.organisationId !== hostId).map((m) => ({ id: newId(), eventId, organisationId: m.organisationId, viaGroupId: m.groupId, status: "invited", quota: null, respondedAt: null, createdAt: now }));
      if (rows.length) await tx.insertInto("eventInvitations").values(rows).execute();
    };

    await event({
      season: 1444, kind: "meeting", mode: "in_person", host: moh, chair: ids["moh-coordinator"],
      titleAr: "لقاء معالي الوزير بممثلي الدول الأعضاء", titleEn: "The Minister's meeting with member-state representatives",
      descriptionAr: "خرج اللقاء بتوصيات تنفّذها ورش العمل التوعوية لمقدمي الخدمات.", descriptionEn: "The meeting issued recommendations that the awareness workshops for service providers put into effect.",
      venueAr: "وزارة الحج والعمرة", venueEn: "Ministry of Hajj and Umrah", starts: "2023-06-13T11:00", ends: "2023-06-13T13:00", registration: "invitation", visibility: "members",
    });

    const speaker = ids["oic-representative"];
    for (const [titleAr, titleEn, slug] of [["ورشة أساس", "Asas workshop", "asas"], ["ورشة ترحاب", "Terhab workshop", "terhab"]] as const) {
      const id = await event({
        season: 1445, kind: "workshop", mode: "virtual", host: oic, titleAr, titleEn, joinUrl: `https://meet.rifada.test/${slug}`,
        descriptionAr: "ورشة عمل افتراضية تنظمها الأمانة العامة لمنظمة التعاون الإسلامي بالتعاون مع وزارة الحج والعمرة لرفع وعي منظمي الحج ومقدمي الخدمات وجودة عمل العاملين في خدمة ضيوف الرحمن.",
        descriptionEn: "A virtual workshop of the OIC General Secretariat with the Ministry of Hajj and Umrah to raise the awareness of Hajj organisers and service providers and the quality of work of the staff who serve the guests of the Most Merciful.",
        starts: slug === "asas" ? "2024-05-26T10:00" : "2024-05-26T13:00", ends: slug === "asas" ? "2024-05-26T12:30" : "2024-05-26T15:30",
        registration: "open", capacity: 300, visibility: "members",
      });
      await invite(id, "oic-members", oic.id);
      const opening = newId();
      await tx.insertInto("agendaItems").values({ id: opening, eventId: id, position: 1, kind: "session", titleAr: "الجلسة الافتتاحية", titleEn: "Opening session", descriptionAr: null, descriptionEn: null, startsAt: riyadh(slug === "asas" ? "2024-05-26T10:00" : "2024-05-26T13:00"), endsAt: riyadh(slug === "asas" ? "2024-05-26T10:30" : "2024-05-26T13:30"), createdAt: now, updatedAt: now }).execute();
      if (speaker) await tx.insertInto("agendaSpeakers").values({ id: newId(), agendaItemId: opening, position: 1, personId: speaker, guestNameAr: null, guestNameEn: null, guestTitleAr: null, guestTitleEn: null, role: "speaker" }).execute();
    }

    const gccGroup = await tx.selectFrom("groups").select("id").where("code", "=", "gcc-hajj-offices").executeTakeFirst();
    const gcc = await event({
      season: 1446, kind: "meeting", mode: "in_person", host: kw, chair: ids["kw-head"],
      titleAr: "الاجتماع السنوي لرؤساء مكاتب شؤون الحجاج بدول مجلس التعاون", titleEn: "Annual meeting of the heads of the GCC Hajj-affairs offices",
      venueAr: "مقر بعثة الحج الكويتية، مكة المكرمة", venueEn: "Kuwaiti Hajj office, Mecca", starts: "2025-06-02T20:00", ends: "2025-06-02T22:00",
      registration: "invitation", visibility: gccGroup ? "group" : "members", shareGroupId: gccGroup?.id ?? null,
    });
    await invite(gcc, "gcc-hajj-offices", kw.id);
    const items: Array<[string, string]> = [
      ["كلمة رئيس بعثة الحج الكويتية", "Opening words by the head of the Kuwaiti mission"],
      ["موضوعات الموسم", "Topics of the season"],
      ["تبادل التجارب والممارسات الناجحة بين البعثات", "Exchange of successful experiences and practices between missions"],
      ["سبل رفع مستوى الأداء وجودة الخدمات", "Ways to raise performance and service quality"],
      ["مقترحات تطوير العمل المشترك بين المكاتب", "Proposals to develop how the offices work together"],
    ];
    const chair = ids["kw-head"];
    for (const [i, [titleAr, titleEn]] of items.entries()) {
      const itemId = newId();
      await tx.insertInto("agendaItems").values({ id: itemId, eventId: gcc, position: i + 1, kind: i === 0 ? "item" : "session", titleAr, titleEn, descriptionAr: null, descriptionEn: null, startsAt: null, endsAt: null, createdAt: now, updatedAt: now }).execute();
      if (i === 0 && chair) await tx.insertInto("agendaSpeakers").values({ id: newId(), agendaItemId: itemId, position: 1, personId: chair, guestNameAr: null, guestNameEn: null, guestTitleAr: null, guestTitleEn: null, role: "chair" }).execute();
    }
    const delegation = [["qa-deputy", 1], ["qa-official-1", 0], ["qa-official-2", 0]] as const;
    for (const [key, leader] of delegation) {
      const id = ids[key];
      if (id) await tx.insertInto("delegationMembers").values({ id: newId(), eventId: gcc, organisationId: qa.id, personId: id, isLeader: leader, createdAt: now }).execute();
    }
    await tx.updateTable("eventInvitations").set({ status: "accepted", respondedAt: now }).where("eventId", "=", gcc).where("organisationId", "=", qa.id).execute();

    await tx.insertInto("meta").values({ key: DEMO_EVENTS_KEY, value: now }).execute();
  });
  return true;
}
