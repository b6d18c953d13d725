/**
 * Benchmark data for follow-up and the accountability view: meetings and workshops
 * (bench/events-generate.ts), cooperation programmes with their areas, parties and
 * workshops, and recommendations out of those meetings (or entered directly) with their
 * responsible organisations, actions, links to the workshops that implement them and
 * their timelines — about ten timeline entries per recommendation, so 100k
 * recommendations come with a million entries.
 *
 * Seasons 1440–1448; a recommendation's status follows its season's age (old ones mostly
 * done or dropped, recent ones proposed, approved or in progress), its due date falls 2–18
 * months after it was made (so many open ones are overdue), and its timeline tells the same
 * story: created, approved, work started, progress reports (text, sometimes evidence links),
 * actions created and closed, done or dropped with a reason. Responsible organisations are
 * mostly the member states' Hajj missions of the demo directory. Texts are Arabic and English
 * (recommendations and actions in both; reports in the reporting organisation's language).
 *
 * Works on a migrated, demo-seeded database of either dialect (readDirectory), with a seeded
 * PRNG (the same seed, the same data), and writes in chunks of a few thousand
 * recommendations, each in one transaction (bench/rows.ts).
 */
import type SqliteDatabase from "better-sqlite3";
import type { RecommendationStatus } from "../common/followup.js";
import type { Visibility } from "../common/roles.js";
import { SEASON_WEIGHTS, SEASONS } from "./event-words.js";
import { buildEvents, EVENT_COLUMNS, uuid, type Directory } from "./events-generate.js";
import { pick, rng, weighted, type Rand } from "./generate.js";
import { push, tableRows, writePostgres, writeSqlite, type TableRows } from "./rows.js";
import { CULTURE_OF_COUNTRY, type Pair } from "./words.js";

// ---------------------------------------------------------------- phrase banks

/** Areas of cooperation: [code, Arabic, English]. */
const AREAS: ReadonlyArray<readonly [string, string, string]> = [
  ["training", "التدريب", "Training"],
  ["awareness", "التوعية", "Awareness"],
  ["service_quality", "جودة الخدمات", "Service quality"],
  ["field_coordination", "التنسيق الميداني", "Field coordination"],
  ["transport", "النقل والتفويج", "Transport and dispatch"],
  ["health", "الرعاية الصحية", "Health care"],
  ["housing", "السكن والمخيمات", "Housing and camps"],
  ["catering", "الإعاشة", "Catering"],
  ["digital", "التحول الرقمي", "Digital services"],
  ["crowd", "إدارة الحشود", "Crowd management"],
  ["communication", "التواصل مع الحجاج", "Communicating with pilgrims"],
  ["data", "تبادل البيانات", "Data exchange"],
];

/** What a recommendation is about, by area: verbal nouns in construct / gerund phrases. */
const OBJECTS: Record<string, Pair[]> = {
  training: [
    ["تدريب منسوبي مقدمي الخدمات", "training service-provider staff"],
    ["تأهيل المرشدين الميدانيين", "preparing field guides"],
    ["تدريب قادة الأفواج على التعامل مع كبار السن", "training group leaders to care for elderly pilgrims"],
    ["تنفيذ تمارين الإخلاء الافتراضية", "running evacuation drills"],
    ["اعتماد حقيبة تدريبية موحدة للبعثات", "adopting a common training kit for the missions"],
  ],
  awareness: [
    ["توعية الحجاج بشرب الماء بانتظام", "reminding pilgrims to drink water regularly"],
    ["إعداد مطويات مصورة عن مناسك الحج", "preparing illustrated leaflets on the Hajj rites"],
    ["توعية الحجاج قبل السفر بالإجراءات الصحية", "briefing pilgrims on health requirements before travel"],
    ["نشر الإرشادات بلغات الحجاج", "publishing guidance in the pilgrims' languages"],
  ],
  service_quality: [
    ["قياس رضا الحجاج بعد الموسم", "measuring pilgrim satisfaction after the season"],
    ["رصد ملاحظات الحجاج ومعالجتها", "recording and resolving pilgrims' complaints"],
    ["تطبيق معايير جودة الخدمات في الفنادق", "applying service-quality standards in the hotels"],
    ["تقييم أداء شركات تقديم الخدمات", "assessing the service companies' performance"],
  ],
  field_coordination: [
    ["تنسيق مواعيد وصول البعثات", "coordinating the missions' arrival times"],
    ["تحديث قوائم الاتصال بين البعثات والوزارة", "keeping the contact lists between the missions and the Ministry up to date"],
    ["إنشاء غرفة عمليات مشتركة في المشاعر", "setting up a joint operations room at the holy sites"],
    ["تبادل التقارير اليومية خلال أيام الحج", "exchanging daily reports during the days of Hajj"],
  ],
  transport: [
    ["تفويج الحجاج إلى عرفات في مواعيد محددة", "dispatching pilgrims to Arafat at set times"],
    ["تشغيل قطار المشاعر لحجاج البعثات", "running the Mashaer train for the missions' pilgrims"],
    ["تأمين حافلات احتياطية", "keeping spare buses ready"],
    ["نقل الأمتعة من الفنادق إلى المخيمات", "moving luggage from the hotels to the camps"],
    ["تنظيم النفرة من عرفات إلى مزدلفة", "organising the Nafrah from Arafat to Muzdalifah"],
  ],
  health: [
    ["الوقاية من ضربات الشمس", "preventing heat stroke"],
    ["متابعة الحجاج المصابين بالأمراض المزمنة", "following up pilgrims with chronic diseases"],
    ["تطعيم الحجاج قبل السفر", "vaccinating pilgrims before travel"],
    ["تجهيز عيادات المخيمات بالأدوية", "stocking the camp clinics with medicines"],
  ],
  housing: [
    ["تجهيز مخيمات منى قبل يوم التروية", "preparing the Mina camps before the Day of Tarwiyah"],
    ["صيانة أجهزة التكييف في الخيام", "servicing the tent air conditioners"],
    ["تخصيص أسرّة قريبة من دورات المياه لكبار السن", "giving elderly pilgrims beds near the washrooms"],
    ["فحص مخارج الطوارئ في المخيمات", "checking the camps' emergency exits"],
  ],
  catering: [
    ["مراقبة سلامة الغذاء في مطابخ الإعاشة", "monitoring food safety in the catering kitchens"],
    ["تقديم وجبات تناسب مرضى السكري", "providing meals suited to diabetic pilgrims"],
    ["توزيع الوجبات الجاهزة في عرفات", "distributing packed meals at Arafat"],
  ],
  digital: [
    ["تفعيل بطاقات نسك قبل وصول الحجاج", "activating Nusuk cards before the pilgrims arrive"],
    ["ربط أنظمة البعثات بمنصة الوزارة", "connecting the missions' systems to the Ministry's platform"],
    ["تتبع مواقع الحافلات", "tracking bus locations"],
    ["تطوير تطبيق موحد للبلاغات", "building a single app for reports"],
  ],
  crowd: [
    ["تطبيق جداول رمي الجمرات", "enforcing the stoning schedules"],
    ["إدارة مسارات المشاة بين منى وعرفات", "managing the pedestrian routes between Mina and Arafat"],
    ["البحث عن الحجاج التائهين", "searching for lost pilgrims"],
  ],
  communication: [
    ["التواصل مع الحجاج بلغاتهم", "communicating with pilgrims in their own languages"],
    ["تشغيل مركز اتصال على مدار الساعة", "running a call centre around the clock"],
    ["إرسال رسائل نصية بمواعيد التفويج", "sending text messages with dispatch times"],
  ],
  data: [
    ["تبادل بيانات الحجاج قبل الموسم", "exchanging pilgrim data before the season"],
    ["توحيد نماذج الإحصاءات بين البعثات", "harmonising the missions' statistics forms"],
    ["نشر مؤشرات الأداء في تقرير سنوي", "publishing performance indicators in a yearly report"],
  ],
};

/** How a recommendation opens ({o}: the object; {actor}: an agency). */
const OPENERS: Pair[] = [
  ["العمل على {o}", "Work towards {o}"],
  ["التأكيد على أهمية {o}", "Stress the importance of {o}"],
  ["إعطاء الأولوية ل{o}", "Give priority to {o}"],
  ["إعداد خطة مشتركة ل{o}", "Draw up a joint plan for {o}"],
  ["إعداد دليل إجرائي ل{o}", "Prepare a procedures guide for {o}"],
  ["توحيد معايير {o}", "Adopt common standards for {o}"],
  ["تبادل الخبرات بين البعثات في {o}", "Share experience between the missions on {o}"],
  ["دراسة جدوى {o}", "Study the feasibility of {o}"],
  ["رفع تقرير إلى الاجتماع القادم عن {o}", "Report to the next meeting on {o}"],
  ["تكليف فريق عمل مشترك ب{o}", "Task a joint working group with {o}"],
  ["التنسيق مع {actor} في {o}", "Coordinate with {actor} on {o}"],
  ["تخصيص ميزانية ل{o}", "Set aside a budget for {o}"],
  ["متابعة {o}", "Follow up on {o}"],
];

const QUALIFIERS: Pair[] = [
  ["", ""], ["", ""], ["", ""], ["", ""],
  [" قبل موسم حج {year} هـ", " before the {year} AH Hajj season"],
  [" في المشاعر المقدسة", " at the holy sites"],
  [" لكبار السن وذوي الإعاقة", " for elderly and disabled pilgrims"],
  [" بالتعاون مع وزارة الحج والعمرة", " together with the Ministry of Hajj and Umrah"],
  [" خلال ثلاثة أشهر", " within three months"],
  [" في مطاري جدة والمدينة المنورة", " at the Jeddah and Madinah airports"],
];

const SECOND_SENTENCES: Pair[] = [
  ["على أن تُعرض النتائج في الاجتماع القادم.", "Results to be presented at the next meeting."],
  ["مع مراعاة احتياجات الحجاج من كبار السن.", "Taking into account the needs of elderly pilgrims."],
  ["وتعميم التجربة على جميع البعثات.", "The experience to be shared with all missions."],
  ["بالتنسيق مع الأمانة العامة لمنظمة التعاون الإسلامي.", "In coordination with the OIC General Secretariat."],
];

const ACTORS: Pair[] = [
  ["وزارة الحج والعمرة", "the Ministry of Hajj and Umrah"],
  ["الهيئة العامة للنقل", "the Transport General Authority"],
  ["وزارة الصحة", "the Ministry of Health"],
  ["الدفاع المدني", "Civil Defence"],
  ["شركات تقديم الخدمات", "the service companies"],
  ["الأمانة العامة لمنظمة التعاون الإسلامي", "the OIC General Secretariat"],
];

const PLACES: Pair[] = [
  ["مخيمات منى", "the Mina camps"], ["عرفات", "Arafat"], ["مزدلفة", "Muzdalifah"], ["جسر الجمرات", "the Jamarat Bridge"],
  ["مطار الملك عبدالعزيز الدولي", "King Abdulaziz International Airport"], ["المدينة المنورة", "Madinah"], ["مكة المكرمة", "Makkah"],
];

const LANGUAGES: Pair[] = [
  ["الأردية", "Urdu"], ["الإندونيسية", "Indonesian"], ["التركية", "Turkish"], ["الفرنسية", "French"], ["الهوسا", "Hausa"], ["البنغالية", "Bengali"], ["الفارسية", "Persian"],
];

/** Progress reports ({n}, {big}, {place}, {lang}). */
const REPORTS: Pair[] = [
  ["تم عقد اجتماع تنسيقي مع الجهات المعنية.", "Coordination meeting held with the agencies concerned."],
  ["تم تنفيذ {n} دورات تدريبية.", "{n} training sessions held."],
  ["أُعدّت المسودة الأولى وأُرسلت للمراجعة.", "First draft prepared and sent for review."],
  ["بانتظار اعتماد الميزانية.", "Awaiting budget approval."],
  ["تم توزيع {big} نسخة من المواد التوعوية.", "{big} copies of the awareness material distributed."],
  ["سمّت البعثة منسقًا للمتابعة.", "The mission named a follow-up coordinator."],
  ["اكتملت المرحلة الأولى من التنفيذ.", "First phase of implementation completed."],
  ["تأخر التنفيذ بسبب تغيير مواعيد التفويج.", "Delayed by the change in the dispatch schedule."],
  ["تمت زيارة ميدانية إلى {place}.", "Field visit to {place}."],
  ["أُرفقت صور ومحاضر التنفيذ.", "Photos and minutes of the work attached."],
  ["عُرض التقدم في اجتماع رؤساء البعثات.", "Progress presented at the meeting of the heads of mission."],
  ["اكتملت ترجمة المواد إلى {lang}.", "Translation of the material into {lang} completed."],
  ["استُكمل تدريب {n} موظفًا.", "{n} staff trained."],
  ["حُدّثت الخطة بناءً على ملاحظات الوزارة.", "Plan updated following the Ministry's comments."],
];

const STARTED: Pair[] = [["بدأ التنفيذ.", "Work started."], ["بدأ العمل وفق الخطة المعتمدة.", "Work started on the approved plan."]];
const COMPLETED: Pair[] = [["اكتمل التنفيذ.", "Completed."], ["نُفذت التوصية بالكامل وأُرفق التقرير الختامي.", "Fully implemented; final report attached."]];
const DROP_REASONS: Pair[] = [
  ["تجاوزتها الخطة الجديدة للنقل.", "Overtaken by the new transport plan."],
  ["دُمجت في توصية أخرى.", "Merged into another recommendation."],
  ["لم يُعتمد التمويل.", "No funding was approved."],
  ["لم تعد ذات صلة بعد تغيير الإجراءات.", "No longer relevant after the procedures changed."],
];

const ACTION_TITLES: Pair[] = [
  ["إعداد خطة تنفيذية", "Prepare an implementation plan"],
  ["تسمية منسق للمتابعة", "Name a follow-up coordinator"],
  ["عقد ورشة عمل تعريفية", "Hold an introductory workshop"],
  ["رفع تقرير إنجاز ربع سنوي", "Submit a quarterly progress report"],
  ["ترجمة المواد التوعوية إلى {lang}", "Translate the awareness material into {lang}"],
  ["تحديث قوائم الاتصال بالبعثات", "Update the missions' contact lists"],
  ["حصر الاحتياجات التدريبية", "Survey training needs"],
  ["التعاقد مع مقدم خدمة", "Contract a service provider"],
  ["زيارة ميدانية إلى {place}", "Field visit to {place}"],
  ["إعداد مؤشرات قياس الأداء", "Define performance indicators"],
];

const PROGRAMME_TITLES: Pair[] = [
  ["برنامج التعاون بين {a} و{b} لموسم حج {year} هـ", "Cooperation programme between {A} and {B}, {year} AH Hajj season"],
  ["البرنامج التنفيذي لرفع جودة خدمات الحجاج {year} هـ", "Executive programme for better pilgrim services, {year} AH"],
  ["برنامج {area} لبعثات الحج {year} هـ", "{Area} programme for the Hajj missions, {year} AH"],
];

// ---------------------------------------------------------------- helpers

const DAY = 86_400_000;
const between = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));
const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]);
const iso = (ms: number) => new Date(ms).toISOString();
const dateOnly = (ms: number) => iso(ms).slice(0, 10);

/** Fill {n} {big} {place} {lang} {year} {actor} in both languages. */
function fill(r: Rand, p: Pair, values: Record<string, Pair> = {}): Pair {
  if (!p[0].includes("{") && !p[1].includes("{")) return p;
  const chosen: Record<string, Pair> = { ...values };
  const value = (key: string): Pair => {
    if (!chosen[key]) {
      if (key === "n") { const n = String(between(r, 2, 40)); chosen[key] = [n, n]; }
      else if (key === "big") { const n = between(r, 5, 200) * 100; chosen[key] = [String(n), n.toLocaleString("en")]; }
      else if (key === "place") chosen[key] = pick(r, PLACES);
      else if (key === "lang") chosen[key] = pick(r, LANGUAGES);
      else if (key === "actor") chosen[key] = pick(r, ACTORS);
      else throw new Error(`no slot {${key}}`);
    }
    return chosen[key];
  };
  const ar = p[0].replace(/\{(\w+)\}/g, (_, k: string) => value(k.toLowerCase())[0]);
  const en = p[1].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = value(k.toLowerCase())[1];
    return k[0] === k[0].toUpperCase() ? v.charAt(0).toUpperCase() + v.slice(1) : v;
  });
  return [ar, en];
}

function shuffle<T>(r: Rand, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** Weighted choice in O(log n) over a fixed list (cumulative weights). */
function sampler<T>(choices: ReadonlyArray<readonly [T, number]>): (r: Rand) => T {
  const items = choices.map(([v]) => v);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of choices) cumulative.push((total += w));
  return (r) => {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo];
  };
}

/** Statuses by the season's age in years (0: the current season, 1448). */
const STATUS_BY_AGE: ReadonlyArray<ReadonlyArray<readonly [RecommendationStatus, number]>> = [
  [["proposed", 35], ["approved", 30], ["in_progress", 28], ["done", 4], ["dropped", 3]],
  [["proposed", 10], ["approved", 18], ["in_progress", 40], ["done", 27], ["dropped", 5]],
  [["proposed", 5], ["approved", 12], ["in_progress", 30], ["done", 45], ["dropped", 8]],
  [["proposed", 2], ["approved", 5], ["in_progress", 15], ["done", 66], ["dropped", 12]],
];
/** Mean progress reports by final status, before scaling to the wanted entries per recommendation. */
const REPORT_MEAN: Record<RecommendationStatus, number> = { proposed: 0.3, approved: 1.2, in_progress: 5, done: 5.5, dropped: 1.5 };
const VISIBILITY: ReadonlyArray<readonly [Visibility, number]> = [["members", 50], ["public", 15], ["group", 15], ["private", 20]];
const CURRENT_SEASON = 1448;
/** Direct entries (no source meeting) by season, the current one included. */
const DIRECT_SEASON_WEIGHTS: ReadonlyArray<readonly [number, number]> = [...SEASON_WEIGHTS, [CURRENT_SEASON, 10]];

export const RECOMMENDATION_COLUMNS = "id, programme_id, area_id, season_id, source_event_id, source_decision_id, source_proposal_id, reference, text_ar, text_en, status, status_reason, progress, due_on, organisation_id, visibility, share_group_id, created_by, created_at, updated_at, approved_at, closed_at";
export const UPDATE_COLUMNS = "id, recommendation_id, user_id, organisation_id, kind, text, status_from, status_to, progress_from, progress_to, links, created_at";
export const ACTION_COLUMNS = "id, recommendation_id, title_ar, title_en, organisation_id, person_id, due_on, status, note, done_at, reminded_at, overdue_notified_at, created_by, created_at, updated_at";

export interface FollowupOptions {
  recommendations: number;
  /** Timeline entries per recommendation on average (default 10). */
  updatesPerRecommendation?: number;
  /** Meetings and workshops to add first (default recommendations / 10, at least 200). */
  events?: number;
  seed?: number;
  /** Recommendations per transaction (default 5,000). */
  chunk?: number;
  /** The clock (ms; default now): nothing is dated after it, and it decides what is overdue. */
  now?: number;
}

export interface FollowupCounts {
  events: number;
  meetings: number;
  programmes: number;
  areas: number;
  recommendations: number;
  responsibles: number;
  actions: number;
  updates: number;
  links: number;
  /** Rows written in all (events, invitations… included). */
  rows: number;
  byStatus: Record<RecommendationStatus, number>;
  /** Approved or in progress with a due date before today. */
  overdue: number;
  fromMeetings: number;
  inProgrammes: number;
  maxUpdates: number;
}

export interface FollowupResult {
  counts: FollowupCounts;
  ms: number;
}

interface Meeting { id: string; seasonCode: string; hostId: string; visibility: Visibility; shareGroupId: string | null; endsAt: number; seq: number }
interface Workshop { id: string; titleAr: string; titleEn: string }
interface Programme { id: string; ownerId: string; areas: Array<{ id: string; code: string }> }

/** Everything before the recommendations: events, programmes with areas, parties and workshops. */
function setup(r: Rand, dir: Directory, options: FollowupOptions, now: number, counts: FollowupCounts) {
  const eventCount = options.events ?? Math.max(200, Math.round(options.recommendations / 10));
  const events = buildEvents(dir, { events: eventCount, seed: (options.seed ?? 1449) + 1 });
  counts.events = events.counts.events;
  const eventRows = events.tables.find((t) => t.table === "events")!;
  const col = (name: string) => EVENT_COLUMNS.split(",").map((c) => c.trim()).indexOf(name);
  const [ID, SEASON, KIND, STATUS, TITLE_AR, TITLE_EN, HOST, VIS, GROUP, ENDS, ARCHIVED] =
    ["id", "season_id", "kind", "status", "title_ar", "title_en", "host_organisation_id", "visibility", "share_group_id", "ends_at", "archived_at"].map(col);
  const codeOfSeason = new Map([...dir.seasons].map(([code, id]) => [id, code]));
  const meetings = new Map<string, Meeting[]>();
  const workshops = new Map<string, Workshop[]>();
  for (const row of eventRows.rows) {
    if (row[STATUS] !== "published" || row[ARCHIVED] !== null) continue;
    const seasonCode = codeOfSeason.get(row[SEASON] as string)!;
    const endsAt = Date.parse(row[ENDS] as string);
    if (endsAt >= now) continue;
    if (row[KIND] === "meeting") {
      const list = meetings.get(seasonCode) ?? [];
      list.push({ id: row[ID] as string, seasonCode, hostId: row[HOST] as string, visibility: row[VIS] as Visibility, shareGroupId: row[GROUP] as string | null, endsAt, seq: list.length + 1 });
      meetings.set(seasonCode, list);
    } else {
      const list = workshops.get(seasonCode) ?? [];
      list.push({ id: row[ID] as string, titleAr: row[TITLE_AR] as string, titleEn: row[TITLE_EN] as string });
      workshops.set(seasonCode, list);
    }
  }
  counts.meetings = [...meetings.values()].reduce((n, l) => n + l.length, 0);
  if (counts.meetings === 0) throw new Error("no past meeting was generated");

  // Programmes: 3–7 per season, owned by the OIC secretariat or the Ministry, with 3–6 areas, 2–5 parties and a few workshops.
  const programmes = tableRows("cooperation_programmes", "id, code, season_id, organisation_id, title_ar, title_en, description_ar, description_en, starts_on, ends_on, visibility, share_group_id, created_by, created_at, updated_at, archived_at");
  const parties = tableRows("programme_parties", "programme_id, organisation_id, signatory_person_id, signatory_name, signed_on");
  const areas = tableRows("cooperation_areas", "id, programme_id, position, code, title_ar, title_en");
  const programmeEvents = tableRows("programme_events", "programme_id, event_id");
  const coordinators = dir.orgs.filter((o) => o.kind === "secretariat" || o.kind === "ministry");
  const partners = dir.orgs.filter((o) => o.kind !== "secretariat");
  const usersOf = usersByOrganisation(dir);
  const programmesOf = new Map<string, Programme[]>();
  const bounds = new Map(SEASONS.map(([year, startsOn, endsOn]) => [String(year), { startsOn, endsOn, start: Date.parse(`${startsOn}T00:00:00Z`) }]));
  for (const [year] of SEASONS) {
    const code = String(year);
    const seasonId = dir.seasons.get(code);
    const b = bounds.get(code)!;
    if (!seasonId || b.start >= now) continue;
    const list: Programme[] = [];
    for (let i = 1, n = between(r, 3, 7); i <= n; i++) {
      const owner = pick(r, coordinators.length ? coordinators : dir.orgs);
      const partner = pick(r, partners);
      const areaCodes = shuffle(r, [...AREAS]).slice(0, between(r, 3, 6));
      const [titleAr, titleEn] = fill(r, pick(r, PROGRAMME_TITLES), {
        a: [owner.nameAr, owner.nameEn], b: [partner.nameAr, partner.nameEn], year: [code, code], area: [areaCodes[0][1], areaCodes[0][2]],
      });
      const id = uuid(r);
      const createdAt = iso(Math.min(now - DAY, b.start + between(r, 0, 60) * DAY));
      const writers = usersOf.get(owner.id);
      push(programmes, {
        id, code: `p${code}-${i}`, season_id: seasonId, organisation_id: owner.id, title_ar: titleAr, title_en: titleEn,
        description_ar: null, description_en: null, starts_on: b.startsOn, ends_on: b.endsOn, visibility: r() < 0.85 ? "members" : "public", share_group_id: null,
        created_by: writers ? pick(r, writers) : null, created_at: createdAt, updated_at: createdAt, archived_at: null,
      });
      const signed = new Set([owner.id, partner.id]);
      for (let k = between(r, 0, 3); k > 0; k--) signed.add(pick(r, partners).id);
      for (const organisationId of signed) {
        const people = dir.peopleOf.get(organisationId);
        push(parties, { programme_id: id, organisation_id: organisationId, signatory_person_id: people?.length ? people[0] : null, signatory_name: null, signed_on: createdAt.slice(0, 10) });
      }
      const programme: Programme = { id, ownerId: owner.id, areas: [] };
      areaCodes.forEach(([areaCode, ar, en], position) => {
        const areaId = uuid(r);
        programme.areas.push({ id: areaId, code: areaCode });
        push(areas, { id: areaId, programme_id: id, position, code: areaCode, title_ar: ar, title_en: en });
      });
      const linked = new Set<string>();
      for (let k = between(r, 0, 4); k > 0 && workshops.get(code)?.length; k--) linked.add(pick(r, workshops.get(code)!).id);
      for (const eventId of linked) push(programmeEvents, { programme_id: id, event_id: eventId });
      list.push(programme);
    }
    programmesOf.set(code, list);
    counts.programmes += list.length;
  }
  counts.areas = areas.rows.length;
  return { tables: [...events.tables, programmes, parties, areas, programmeEvents], meetings, workshops, programmesOf, bounds };
}

function usersByOrganisation(dir: Directory): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const u of dir.users) out.set(u.organisationId, [...(out.get(u.organisationId) ?? []), u.id]);
  return out;
}

/** Rows chunk by chunk: first the setup (events, programmes), then recommendations with everything they own. */
export function* followupChunks(dir: Directory, options: FollowupOptions, counts: FollowupCounts): Generator<TableRows[]> {
  const r = rng(options.seed ?? 1449);
  const now = options.now ?? Date.now();
  const today = dateOnly(now + 3 * 3_600_000); // Riyadh (UTC+3), as todayIso() decides
  const chunk = options.chunk ?? 5000;
  const { tables, meetings, workshops, programmesOf, bounds } = setup(r, dir, options, now, counts);
  yield tables;

  const usersOf = usersByOrganisation(dir);
  const orgById = new Map(dir.orgs.map((o) => [o.id, o]));
  const arabic = (orgId: string) => {
    const country = orgById.get(orgId)?.country ?? null;
    return !country || !CULTURE_OF_COUNTRY[country];
  };
  const missions = dir.orgs.filter((o) => o.kind === "hajj_mission");
  const others = dir.orgs.filter((o) => o.kind === "ministry" || o.kind === "service_provider" || o.kind === "oic_institution");
  const coordinators = dir.orgs.filter((o) => o.kind === "secretariat" || o.kind === "ministry");
  // Meetings by season, each with a size drawn once (some meetings decide much more than others).
  const meetingSeasons = [...meetings.keys()];
  const meetingOf = new Map(meetingSeasons.map((s) => [s, sampler(meetings.get(s)!.map((m) => [m, 1 + 9 * r() * r()] as const))]));
  const meetingSeason = sampler(SEASON_WEIGHTS.filter(([y]) => meetings.has(String(y))).map(([y, w]) => [String(y), w] as const));
  const directSeason = sampler(DIRECT_SEASON_WEIGHTS.filter(([y]) => dir.seasons.has(String(y)) && bounds.get(String(y))!.start < now).map(([y, w]) => [String(y), w] as const));
  const perRecommendation = options.updatesPerRecommendation ?? 10;
  // Calibrated so that the default seed and statuses give `perRecommendation` entries on average (fixed entries ≈ 6.7).
  const reportScale = Math.max(0, (perRecommendation - 6.7) / 3.6);
  const referenceSeq = new Map<string, number>();

  let made = 0;
  while (made < options.recommendations) {
    const recs = tableRows("recommendations", RECOMMENDATION_COLUMNS);
    const responsibles = tableRows("recommendation_responsibles", "recommendation_id, organisation_id");
    const links = tableRows("recommendation_links", "recommendation_id, target_type, target_id, created_by, created_at");
    const actions = tableRows("actions", ACTION_COLUMNS);
    const updates = tableRows("recommendation_updates", UPDATE_COLUMNS);
    const end = Math.min(options.recommendations, made + chunk);
    for (; made < end; made++) {
      const id = uuid(r);
      // Where it comes from: three in four out of a meeting, the rest entered directly.
      const meeting = r() < 0.75 ? meetingOf.get(meetingSeason(r))!(r) : null;
      const seasonCode = meeting ? meeting.seasonCode : directSeason(r);
      const season = bounds.get(seasonCode)!;
      const programmes = programmesOf.get(seasonCode) ?? [];
      const programme = programmes.length && r() < 0.7 ? pick(r, programmes) : null;
      const area = programme && r() < 0.9 ? pick(r, programme.areas) : null;
      const owner = meeting ? orgById.get(meeting.hostId)! : programme && r() < 0.5 ? orgById.get(programme.ownerId)! : r() < 0.6 ? pick(r, coordinators) : pick(r, missions);
      let visibility: Visibility = meeting && r() < 0.7 ? meeting.visibility : weighted(r, VISIBILITY);
      let shareGroup = visibility === "group" ? (meeting && meeting.visibility === "group" ? meeting.shareGroupId : dir.shareGroupOf(owner.id)) : null;
      if (visibility === "group" && !shareGroup) visibility = "members";
      if (visibility !== "group") shareGroup = null;

      // Text.
      const areaCode = area?.code ?? pick(r, AREAS)[0];
      const object = fill(r, pick(r, OBJECTS[areaCode]));
      const qualifier = fill(r, pick(r, QUALIFIERS), { year: [seasonCode, seasonCode] });
      let [textAr, textEn] = fill(r, pick(r, OPENERS), { o: object });
      textAr += `${qualifier[0]}.`;
      textEn += `${qualifier[1]}.`;
      if (r() < 0.3) {
        const second = pick(r, SECOND_SENTENCES);
        textAr += ` ${second[0]}`;
        textEn += ` ${second[1]}`;
      }
      let reference: string | null = null;
      if (meeting) {
        const n = (referenceSeq.get(meeting.id) ?? 0) + 1;
        referenceSeq.set(meeting.id, n);
        reference = `${seasonCode}-M${String(meeting.seq).padStart(3, "0")}/${n}`;
      } else if (r() < 0.6) {
        const key = `direct-${seasonCode}`;
        const n = (referenceSeq.get(key) ?? 0) + 1;
        referenceSeq.set(key, n);
        reference = `R-${seasonCode}-${String(n).padStart(5, "0")}`;
      }

      // Responsible organisations: 1–3, mostly missions.
      const responsibleIds: string[] = [];
      const wanted = weighted(r, [[1, 55], [2, 30], [3, 15]] as const);
      while (responsibleIds.length < wanted) {
        const o = r() < 0.8 || others.length === 0 ? pick(r, missions) : pick(r, others);
        if (!responsibleIds.includes(o.id)) responsibleIds.push(o.id);
      }
      for (const organisationId of responsibleIds) push(responsibles, { recommendation_id: id, organisation_id: organisationId });

      // Dates and status.
      const age = Math.min(3, Math.max(0, CURRENT_SEASON - Number(seasonCode)));
      const status = weighted(r, STATUS_BY_AGE[age]);
      const seasonEnd = Math.min(now - DAY, Date.parse(`${season.endsOn}T00:00:00Z`));
      const createdAt = Math.min(now - 3_600_000, meeting ? meeting.endsAt + Math.floor(r() * 7 * DAY) : season.start + Math.floor(r() * Math.max(DAY, seasonEnd - season.start)));
      const room = (from: number) => Math.max(0, now - 60_000 - from);
      // Dropped ones: three in ten before they were ever approved.
      const neverApproved = status === "proposed" || (status === "dropped" && r() < 0.3);
      const createdApproved = !neverApproved && r() < 0.3;
      const approvedAt = neverApproved ? null : createdApproved ? createdAt : createdAt + Math.floor(r() * Math.min(30 * DAY, room(createdAt) * 0.2));
      const dueOn = r() < 0.9 ? createdAt + between(r, 60, 540) * DAY : null;
      const workFrom = approvedAt ?? createdAt;
      // When it was closed (done, dropped), or its last activity (open ones).
      const closedAt = status === "done"
        ? workFrom + Math.floor(Math.min(room(workFrom), Math.max(30 * DAY, (dueOn ?? workFrom + 365 * DAY) - workFrom + 120 * DAY)) * (0.3 + 0.7 * r()))
        : status === "dropped" ? workFrom + Math.floor(room(workFrom) * (0.1 + 0.6 * r())) : null;
      const lastActivity = closedAt ?? (status === "proposed" ? createdAt + Math.floor(room(createdAt) * r() * 0.5) : now - 60_000 - Math.floor(Math.min(room(workFrom), 60 * DAY) * r()));

      // Timeline: created, approved, started, reports, done / dropped; actions and links interleaved.
      type Entry = { at: number; org: string; kind: string; text: string | null; from?: string; to?: string; pFrom?: number | null; pTo?: number | null; links?: string | null };
      const entries: Entry[] = [];
      const reporter = () => pick(r, responsibleIds);
      const say = (org: string, p: Pair) => (arabic(org) ? (r() < 0.3 ? arabicDigits(p[0]) : p[0]) : p[1]);
      entries.push({ at: createdAt, org: owner.id, kind: "created", text: null, to: createdApproved ? "approved" : "proposed", pTo: 0 });
      if (approvedAt !== null && !createdApproved) entries.push({ at: approvedAt, org: owner.id, kind: "status", text: null, from: "proposed", to: "approved" });
      const started = status === "in_progress" || status === "done" || (status === "dropped" && approvedAt !== null && r() < 0.5);
      const span = Math.max(1, lastActivity - workFrom);
      const startedAt = workFrom + Math.floor(span * 0.1 * r());
      let progress = 0;
      let statusReason: string | null = null;
      if (started) {
        const org = reporter();
        const text = say(org, pick(r, STARTED));
        entries.push({ at: startedAt, org, kind: "status", text, from: "approved", to: "in_progress" });
        statusReason = text;
      }
      const reports = Math.floor(-Math.log(1 - r()) * REPORT_MEAN[status] * reportScale);
      const finalProgress = status === "in_progress" ? between(r, 2, 18) * 5 : status === "done" ? between(r, 12, 19) * 5 : status === "dropped" && started ? between(r, 1, 10) * 5 : status === "approved" && r() < 0.3 ? between(r, 1, 4) * 5 : 0;
      const progressEntries = finalProgress > 0 ? Math.max(1, Math.round(reports * 0.6)) : 0;
      const reportFrom = started ? startedAt : workFrom;
      const times = Array.from({ length: Math.max(reports, progressEntries) }, () => reportFrom + Math.floor(r() * Math.max(1, lastActivity - reportFrom))).sort((a, b) => a - b);
      let p = 0;
      times.forEach((at, i) => {
        const org = reporter();
        const text = say(org, fill(r, pick(r, REPORTS)));
        const evidence = r() < 0.15 ? JSON.stringify([{ url: `https://docs.rifada.test/${seasonCode}/${id.slice(0, 8)}-${i + 1}.pdf`, title: arabic(org) ? "تقرير الإنجاز" : "Progress report" }]) : null;
        // The last `progressEntries` reports move the progress up to its final value.
        const k = i - (times.length - progressEntries);
        if (k >= 0) {
          const next = Math.max(p + 5, Math.round((finalProgress * (k + 1)) / progressEntries / 5) * 5);
          const to = k === progressEntries - 1 ? finalProgress : Math.min(finalProgress, next);
          if (to > p) {
            entries.push({ at, org, kind: "progress", text, pFrom: p, pTo: to, links: evidence });
            p = to;
            return;
          }
        }
        entries.push({ at, org, kind: "update", text, links: evidence });
      });
      progress = p;
      if (status === "done") {
        const org = reporter();
        const text = say(org, pick(r, COMPLETED));
        entries.push({ at: closedAt!, org, kind: "status", text, from: started ? "in_progress" : "approved", to: "done", pFrom: p, pTo: 100 });
        progress = 100;
        statusReason = text;
      } else if (status === "dropped") {
        const text = say(owner.id, pick(r, DROP_REASONS));
        entries.push({ at: closedAt!, org: owner.id, kind: "status", text, from: started ? "in_progress" : approvedAt ? "approved" : "proposed", to: "dropped" });
        statusReason = text;
      } else if (status === "approved") statusReason = null;

      // Actions: 1–3 once approved (a proposed one sometimes has one already), assigned to a responsible organisation.
      const actionCount = status === "proposed" ? (r() < 0.2 ? 1 : 0) : weighted(r, [[1, 35], [2, 40], [3, 25]] as const);
      for (let a = 0; a < actionCount; a++) {
        const actionId = uuid(r);
        const org = pick(r, responsibleIds);
        const [titleAr, titleEn] = fill(r, pick(r, ACTION_TITLES));
        const created = workFrom + Math.floor(r() * Math.max(1, (lastActivity - workFrom) * 0.5));
        const due = dueOn !== null ? Math.min(dueOn, created + between(r, 14, 120) * DAY) : r() < 0.5 ? created + between(r, 14, 120) * DAY : null;
        const actionStatus = status === "done" ? (r() < 0.9 ? "done" : "cancelled") : status === "dropped" ? "cancelled" : status === "in_progress" ? weighted(r, [["open", 50], ["done", 45], ["cancelled", 5]] as const) : "open";
        const closed = actionStatus === "open" ? null : created + Math.floor(r() * Math.max(1, lastActivity - created));
        const people = dir.peopleOf.get(org);
        const writers = usersOf.get(owner.id);
        const dueIso = due === null ? null : dateOnly(due);
        const overdueOpen = actionStatus === "open" && dueIso !== null && dueIso < today;
        push(actions, {
          id: actionId, recommendation_id: id, title_ar: titleAr, title_en: titleEn, organisation_id: org, person_id: people?.length && r() < 0.5 ? pick(r, people) : null,
          due_on: dueIso, status: actionStatus, note: null, done_at: actionStatus === "done" ? iso(closed!) : null,
          // As if the reminder job had run: reminded before due, notified once overdue.
          reminded_at: actionStatus === "open" && due !== null && due - 3 * DAY < now ? iso(Math.max(created, due - 3 * DAY)) : null,
          overdue_notified_at: overdueOpen ? iso(Math.min(now - 60_000, due! + DAY)) : null,
          created_by: writers ? pick(r, writers) : null, created_at: iso(created), updated_at: iso(closed ?? created),
        });
        const actionLink = JSON.stringify([{ type: "action", id: actionId, titleAr, titleEn }]);
        entries.push({ at: created, org: owner.id, kind: "action", text: "created", links: actionLink });
        if (closed !== null) entries.push({ at: closed, org, kind: "action", text: actionStatus, links: actionLink });
        counts.actions++;
      }

      // A workshop that implements it (of its season), sometimes.
      const seasonWorkshops = workshops.get(seasonCode);
      if (approvedAt !== null && seasonWorkshops?.length && r() < 0.12) {
        const w = pick(r, seasonWorkshops);
        const at = workFrom + Math.floor(r() * Math.max(1, lastActivity - workFrom));
        push(links, { recommendation_id: id, target_type: "event", target_id: w.id, created_by: null, created_at: iso(at) });
        entries.push({ at, org: owner.id, kind: "link", text: "linked", links: JSON.stringify([{ type: "event", id: w.id, titleAr: w.titleAr, titleEn: w.titleEn }]) });
        counts.links++;
      }

      entries.sort((a, b) => a.at - b.at);
      let updatedAt = createdAt;
      for (const e of entries) {
        const at = Math.min(e.at, now - 60_000);
        if (at > updatedAt) updatedAt = at;
        const writers = usersOf.get(e.org);
        push(updates, {
          id: uuid(r), recommendation_id: id, user_id: writers && r() < 0.7 ? pick(r, writers) : null, organisation_id: e.org, kind: e.kind, text: e.text,
          status_from: e.from ?? null, status_to: e.to ?? null, progress_from: e.pFrom ?? null, progress_to: e.pTo ?? null, links: e.links ?? null, created_at: iso(at),
        });
      }
      counts.updates += entries.length;
      if (entries.length > counts.maxUpdates) counts.maxUpdates = entries.length;

      const writers = usersOf.get(owner.id);
      const dueIso = dueOn === null ? null : dateOnly(dueOn);
      push(recs, {
        id, programme_id: programme?.id ?? null, area_id: area?.id ?? null, season_id: dir.seasons.get(seasonCode)!, source_event_id: meeting?.id ?? null,
        source_decision_id: null, source_proposal_id: null, reference, text_ar: textAr, text_en: textEn, status, status_reason: statusReason, progress,
        due_on: dueIso, organisation_id: owner.id, visibility, share_group_id: shareGroup, created_by: writers && r() < 0.8 ? pick(r, writers) : null,
        created_at: iso(createdAt), updated_at: iso(updatedAt), approved_at: approvedAt === null ? null : iso(approvedAt), closed_at: closedAt === null ? null : iso(closedAt),
      });
      counts.byStatus[status]++;
      if ((status === "approved" || status === "in_progress") && dueIso !== null && dueIso < today) counts.overdue++;
      if (meeting) counts.fromMeetings++;
      if (programme) counts.inProgrammes++;
    }
    counts.recommendations = made;
    counts.responsibles += responsibles.rows.length;
    yield [recs, responsibles, links, actions, updates];
  }
}

export function emptyCounts(): FollowupCounts {
  return {
    events: 0, meetings: 0, programmes: 0, areas: 0, recommendations: 0, responsibles: 0, actions: 0, updates: 0, links: 0, rows: 0,
    byStatus: { proposed: 0, approved: 0, in_progress: 0, done: 0, dropped: 0 }, overdue: 0, fromMeetings: 0, inProgrammes: 0, maxUpdates: 0,
  };
}

/**
 * Add events, programmes and `options.recommendations` recommendations (with responsibles,
 * actions, links and timelines) to the database read into `dir`: SQLite through `raw`,
 * PostgreSQL through `postgresUrl` — one transaction per chunk.
 */
export async function generateFollowup(target: { raw: SqliteDatabase.Database } | { postgresUrl: string }, dir: Directory, options: FollowupOptions, progress?: (done: number) => void): Promise<FollowupResult> {
  const started = performance.now();
  const counts = emptyCounts();
  for (const tables of followupChunks(dir, options, counts)) {
    if ("raw" in target) writeSqlite(target.raw, tables);
    else await writePostgres(target.postgresUrl, tables);
    counts.rows += tables.reduce((n, t) => n + t.rows.length, 0);
    progress?.(counts.recommendations);
  }
  return { counts, ms: performance.now() - started };
}
