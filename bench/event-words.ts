/**
 * Word lists for generated meetings and workshops (Arabic, English), in the
 * style of the demo seed: the Asas and Terhab workshops, the annual meeting
 * of the Hajj-affairs offices, the Minister's meeting with member states.
 */
import type { Pair } from "./words.js";

/** Hajj seasons 1440–1448 AH with their Gregorian bounds (1 Muharram to 29/30 Dhu al-Hijjah). */
export const SEASONS: ReadonlyArray<readonly [year: number, startsOn: string, endsOn: string]> = [
  [1440, "2018-09-11", "2019-08-30"],
  [1441, "2019-08-31", "2020-08-19"],
  [1442, "2020-08-20", "2021-08-08"],
  [1443, "2021-08-09", "2022-07-29"],
  [1444, "2022-07-30", "2023-07-18"],
  [1445, "2023-07-19", "2024-07-06"],
  [1446, "2024-07-07", "2025-06-25"],
  [1447, "2025-06-26", "2026-06-15"],
  [1448, "2026-06-16", "2027-06-05"],
];

/** Relative number of events per season of the generated history (1441 and 1442: the pandemic seasons). */
export const SEASON_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [1440, 8], [1441, 3], [1442, 4], [1443, 9], [1444, 12], [1445, 14], [1446, 16], [1447, 18],
];

export const WORKSHOPS: Pair[] = [
  ["ورشة عمل أساس لتأهيل مقدمي الخدمات", "Asas workshop for service providers"],
  ["ورشة ترحاب لاستقبال ضيوف الرحمن", "Terhab workshop on welcoming the guests of the Most Merciful"],
  ["ورشة عمل إدارة الحشود في المشاعر المقدسة", "Workshop on crowd management at the holy sites"],
  ["ورشة عمل الإسعافات الأولية للعاملين في خدمة الحجاج", "First-aid workshop for staff serving pilgrims"],
  ["ورشة عمل خدمة الحجاج من كبار السن وذوي الإعاقة", "Workshop on serving elderly and disabled pilgrims"],
  ["ورشة عمل المسار الإلكتروني لحجاج الخارج", "Workshop on the e-track for pilgrims from abroad"],
  ["ورشة عمل سلامة الغذاء في مطابخ الإعاشة", "Workshop on food safety in catering kitchens"],
  ["ورشة عمل خطط الإخلاء والطوارئ في مخيمات منى", "Workshop on evacuation and emergency plans in the Mina camps"],
  ["ورشة عمل تفويج الحجاج إلى الجمرات", "Workshop on scheduling pilgrim groups to the Jamarat"],
  ["ورشة عمل النقل الترددي بين المشاعر", "Workshop on shuttle transport between the holy sites"],
  ["ورشة عمل الوقاية من الإجهاد الحراري", "Workshop on preventing heat stress"],
  ["ورشة عمل جودة خدمات السكن في مكة المكرمة", "Workshop on the quality of housing services in Makkah"],
  ["ورشة عمل رصد ملاحظات الحجاج ومعالجتها", "Workshop on recording and resolving pilgrims' complaints"],
  ["برنامج تدريبي لمرشدي الحجاج", "Training programme for pilgrim guides"],
  ["دورة تدريبية في التواصل مع الحجاج بلغاتهم", "Training course on communicating with pilgrims in their languages"],
];

export const MEETINGS: Pair[] = [
  ["الاجتماع السنوي لمكاتب شؤون الحجاج", "Annual meeting of the Hajj-affairs offices"],
  ["الاجتماع التحضيري لموسم الحج", "Preparatory meeting for the Hajj season"],
  ["اجتماع تنسيقي مع شركات تقديم الخدمات", "Coordination meeting with the service companies"],
  ["لقاء معالي الوزير بممثلي الدول الأعضاء", "The Minister's meeting with member-state representatives"],
  ["اجتماع لجنة النقل والتفويج", "Meeting of the transport and scheduling committee"],
  ["اجتماع تقييم الموسم واستخلاص الدروس", "Season review and lessons-learned meeting"],
  ["اجتماع توقيع اتفاقيات ترتيبات شؤون الحجاج", "Signing of the Hajj-arrangements agreements"],
  ["اجتماع رؤساء بعثات الحج", "Meeting of the heads of Hajj missions"],
  ["اجتماع مراجعة خطط السكن في المشاعر", "Review of the housing plans at the holy sites"],
  ["اجتماع متابعة حصص الحجاج", "Follow-up meeting on pilgrim quotas"],
  ["لقاء تعريفي بالخدمات الصحية للحجاج", "Briefing on health services for pilgrims"],
];

export const DESCRIPTIONS: Pair[] = [
  ["لرفع وعي منظمي الحج ومقدمي الخدمات وجودة عمل العاملين في خدمة ضيوف الرحمن.", "To raise the awareness of Hajj organisers and service providers and the quality of work of those who serve the guests of the Most Merciful."],
  ["تبادل التجارب والممارسات الناجحة بين البعثات.", "An exchange of successful experiences and practices between missions."],
  ["متابعة تنفيذ توصيات الاجتماع السابق.", "Follow-up of the recommendations of the previous meeting."],
  ["عرض خطة الموسم والأدوار والمسؤوليات.", "The season's plan, roles and responsibilities."],
  ["تدريب عملي مع حالات من المواسم السابقة.", "Hands-on training with cases from earlier seasons."],
];

/** Where in-person and hybrid events take place. */
export const VENUES: Pair[] = [
  ["مقر وزارة الحج والعمرة، جدة", "Ministry of Hajj and Umrah, Jeddah"],
  ["مقر الأمانة العامة لمنظمة التعاون الإسلامي، جدة", "OIC General Secretariat, Jeddah"],
  ["قاعة المؤتمرات بمقر البعثة، مكة المكرمة", "Mission conference hall, Makkah"],
  ["مخيمات منى", "Mina camps"],
  ["مشعر عرفات", "Arafat"],
  ["فندق في المنطقة المركزية، المدينة المنورة", "Hotel in the central area, Madinah"],
  ["صالة الحجاج بمطار الملك عبدالعزيز الدولي، جدة", "Hajj Terminal, King Abdulaziz International Airport, Jeddah"],
  ["مقر الشركة، مكة المكرمة", "Company headquarters, Makkah"],
];

/** Edition or group suffixes: "{n}" is replaced by a number. */
export const SUFFIXES: Pair[] = [
  [" - الدورة {n}", " (edition {n})"],
  [" - المجموعة {n}", " (group {n})"],
];

/** Capacities of open workshops. */
export const CAPACITIES = [30, 40, 50, 80, 100, 150, 200, 300, 500] as const;
