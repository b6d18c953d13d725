/**
 * A test set for the library search: a small corpus of realistic practices of Hajj
 * missions (Arabic with natural hamza, ة, ى, some diacritics and prefixes; English;
 * bilingual; Arabic with English terms), and queries with the entries each must find
 * and must not find. Used by search-quality.test.ts on SQLite and PostgreSQL.
 *
 * Every expectation is one the analyzer guarantees (checked against analyzer.ts alone
 * in search-quality.test.ts before any database is involved). Broken plurals such as
 * حاج/حجاج are beyond a light stemmer and are not relied upon; the cases analyzer.ts
 * handles beyond light10 (إلكتروني, خيمته, مسؤولًا, الطوارىء, buses) are in analyzer.test.ts.
 */
import type { LibraryCategory } from "../../../../common/library.js";
import type { LOGINS } from "../../test/app.js";

export type LoginKey = keyof typeof LOGINS;

export const GCC_GROUP = "gcc-hajj-offices";

/** The organisation (code) of each demo login that writes or reads here. */
export const LOGIN_ORGANISATION: Partial<Record<LoginKey, string>> = {
  kuwaitAdmin: "hajj-kw",
  qatarAdmin: "hajj-qa",
  qatarMember: "hajj-qa",
  indonesiaMember: "hajj-id",
  ministryCoordinator: "moh-sa",
  oicCoordinator: "oic",
};

export interface FixtureEntry {
  key: string;
  /** The demo login that writes it. */
  by: LoginKey;
  scope: "private" | "group" | "members" | "public";
  groupCode?: string;
  category: LibraryCategory;
  language: "ar" | "en";
  /** Title and body in `language`. */
  title: string;
  body: string;
  /** The translation, for bilingual entries. */
  titleAr?: string;
  bodyAr?: string;
  titleEn?: string;
  bodyEn?: string;
  tags?: string[];
}

export interface FixtureQuery {
  q: string;
  /** What the query exercises. */
  why: string;
  /** Who searches (default: qatarMember, who reads "members" and GCC-group entries). */
  as?: LoginKey;
  mustFind: string[];
  mustNotFind: string[];
  /** The entry expected first. */
  top?: string;
  /** The corpus entries found are exactly `mustFind` (and `total` counts only them). */
  exact?: boolean;
  /**
   * The order is not meaningful: every word occurs nearly everywhere, so BM25 (SQLite) and
   * ts_rank_cd (PostgreSQL) give them no real weight. The dialects must agree on the set only.
   */
  unranked?: boolean;
}

export const DEFAULT_READER: LoginKey = "qatarMember";

export const ENTRIES: FixtureEntry[] = [
  // ── Transport ───────────────────────────────────────────────────────────────
  {
    key: "transport-mashaer-buses",
    by: "kuwaitAdmin",
    scope: "members",
    category: "transport",
    language: "ar",
    title: "تفويج الحجاج بالحافلات بين المشاعر المقدسة",
    body:
      "<p>اعتمدت البعثة جدولاً لتفويج الحجاج من مِنى إلى عرفات ثم إلى مزدلفة وبالحافلاتِ المكيّفة، ويرافق كلَّ حافلةٍ مشرفٌ يتأكد من اكتمال العدد قبل الانطلاق من مقر البعثة بمكة.</p>" +
      "<p>خُصِّصت حافلتان احتياطيتان لكبار السن وذوي الإعاقة، وتُبلَّغ مواعيد التحرك للحجاج برسالة نصية قبل ساعتين، مع ترك مسافة آمنة بين الحافلات عند نقاط التجمع.</p>",
    tags: ["تفويج", "حافلات"],
  },
  {
    key: "transport-mashaer-train",
    by: "qatarAdmin",
    scope: "members",
    category: "transport",
    language: "ar",
    title: "قطار المشاعر: إرشادات الصعود والنزول في المحطات",
    body: "<p>وُزِّع الحجاج على أفواج بحسب المحطة وموعد الصعود، وحمل كل قائد فوج تذاكر فوجه. نوصي بالوصول إلى المحطة قبل الموعد بنصف ساعة وعدم حمل الأمتعة الكبيرة.</p>",
    titleEn: "Mashaer metro: boarding and alighting at the stations",
    bodyEn: "<p>Pilgrims were grouped by station and boarding time, and each group leader carried the tickets of the group. Arrive at the station half an hour early and leave large luggage behind.</p>",
  },
  {
    key: "transport-arafat-buses-en",
    by: "indonesiaMember",
    scope: "members",
    category: "transport",
    language: "en",
    title: "Bus waves from Arafat to Muzdalifah",
    body:
      "<p>After sunset on the day of Arafat, buses left in waves of twenty. Each bus had a numbered card on the windscreen matching the pilgrims' wristbands, so nobody boarded the wrong vehicle.</p>" +
      "<p>Drivers were briefed the night before &amp; walked the route once.</p>",
    tags: ["buses", "Arafat"],
  },
  {
    key: "transport-airport-arrival",
    by: "ministryCoordinator",
    scope: "members",
    category: "transport",
    language: "ar",
    title: "استقبال الحجاج في صالة الحج بمطار الملك عبدالعزيز",
    body: "<p>تُنسِّق الوزارة مع شركات النقل لنقل الحجاج من المطار إلى مكة المكرمة خلال ست ساعات من الوصول، مع توفير مياه الشرب ونقاط استراحة داخل الصالة.</p>",
  },

  // ── Housing ─────────────────────────────────────────────────────────────────
  {
    key: "housing-mina-tents",
    by: "kuwaitAdmin",
    scope: "members",
    category: "housing",
    language: "ar",
    title: "توزيع الحجاج على مخيمات منى",
    body:
      "<p>قُسِّمت المخيّمات في مِنى بحسب المجموعات، ووُضعت لوحات إرشادية عند كل مدخل تحمل رقم المخيم واسم المشرف.</p>" +
      "<ul><li>مكيّفات احتياطية في كل مخيم</li><li>بطاقات تعريف معلّقة على الأسِرّة</li></ul>",
    tags: ["منى", "سكن"],
  },
  {
    key: "housing-tent-fire-en",
    by: "qatarAdmin",
    scope: "members",
    category: "housing",
    language: "en",
    title: "Fire safety in the Mina tents",
    body: "<p>The fire-resistant tents in Mina are safe only when the aisles stay clear. Our supervisors inspect every tent twice a day, remove cooking stoves and extension cords, and show pilgrims the nearest exit on the first night.</p>",
  },
  {
    key: "housing-makkah-hotels",
    by: "indonesiaMember",
    scope: "members",
    category: "housing",
    language: "en",
    title: "Allocating hotel rooms in Makkah by flight",
    body: "<p>Rooms are allocated per flight group so that pilgrims who travelled together stay on the same floor. Elderly pilgrims get rooms near the lifts.</p>",
    titleAr: "توزيع غرف الفنادق في مكة المكرمة بحسب الرحلات",
    bodyAr: "<p>تُوزَّع الغرف على مجموعات الطيران حتى يسكن من سافروا معاً في الطابق نفسه، ويُسكَن كبار السن قرب المصاعد.</p>",
  },

  // ── Health ──────────────────────────────────────────────────────────────────
  {
    key: "health-heatstroke",
    by: "ministryCoordinator",
    scope: "members",
    category: "health",
    language: "ar",
    title: "الوقاية من ضربات الشمس والإجهاد الحراري",
    body:
      "<p>تبلغ درجات الحرارة في المشاعر خمسًا وأربعين درجة، لذلك نُذكِّر الحجاج بشرب الماء كل ساعة واستعمال المظلّات وتجنّب الخروج وقت الظهيرة.</p>" +
      "<p>عند ظهور أعراض ضربة الشمس تُقدَّم <strong>الإسعافات الأولية</strong>: نقل المصاب إلى الظل، وتبريد جسمه بالماء، ثم الاتصال بالإسعاف.</p>",
    tags: ["حرارة"],
  },
  {
    key: "health-first-aid-training",
    by: "qatarMember",
    scope: "members",
    category: "health",
    language: "ar",
    title: "تدريب المتطوعين على الإسعافات الأوّليّة",
    body: "<p>نظّمنا ثلاث دورات تدريبية للمتطوعين في الإنعاش القلبي الرئوي وإيقاف النزيف والتعامل مع حالات الإغماء، وحصل كل متطوع على حقيبة إسعاف.</p>",
    titleEn: "First-aid training for volunteers",
    bodyEn: "<p>Three courses covered CPR, bleeding control and fainting. Every volunteer received a first-aid kit.</p>",
  },
  {
    key: "health-chronic-en",
    by: "indonesiaMember",
    scope: "members",
    category: "health",
    language: "en",
    title: "Caring for pilgrims with chronic diseases",
    body: "<p>Pilgrims with diabetes or heart disease are registered before departure. Insulin is kept in the clinic's refrigerators, and the doctors visit the tents daily during the days of Mina.</p>",
  },
  {
    key: "health-hydration",
    by: "qatarMember",
    scope: "members",
    category: "health",
    language: "ar",
    title: "حملة «اشرب ماءً» للتوعية بخطر الجفاف",
    body: "<p>وزّع المسؤولون عن الأفواج قوارير الماء على الحجاج عند كل محطة، ونُشرت ملصقات في المخيّمات تذكّر بأعراض الجفاف. وسجّلت العيادة انخفاضًا في حالات الإجهاد مقارنةً بالموسم الماضي.</p>",
  },
  {
    key: "health-field-hospital",
    by: "kuwaitAdmin",
    scope: "members",
    category: "health",
    language: "ar",
    title: "خطة الطوارئ في المستشفى الميداني",
    body: "<p>تتضمن الخطة مسارًا مخصصًا لسيارات الإسعاف، ومسؤول مناوب في كل نوبة، وتُختبر بتمرين سنوي قبل يوم عرفة بأسبوع.</p>",
  },

  // ── Crowd management ────────────────────────────────────────────────────────
  {
    key: "crowd-jamarat-gcc",
    by: "kuwaitAdmin",
    scope: "group",
    groupCode: GCC_GROUP,
    category: "crowd_management",
    language: "ar",
    title: "إدارة الحشود عند جسر الجمرات",
    body: "<p>نسّقت مكاتب دول الخليج جداول رمي الجمرات بحيث لا يتحرك أكثر من فوج واحد من المخيم في الوقت نفسه. ويرافق كل فوج دليلان، ويُمنع الرجوع عكس اتجاه السير على الجسر.</p>",
  },
  {
    key: "crowd-jamarat-en",
    by: "ministryCoordinator",
    scope: "members",
    category: "crowd_management",
    language: "en",
    title: "Crowd flow on the Jamarat bridge",
    body: "<p>Schedules for the stoning give each mission a time window. One-way routes, counting sensors at the ramps and stewards on every level keep the density below four people per square metre.</p>",
  },
  {
    key: "crowd-tawaf",
    by: "qatarAdmin",
    scope: "members",
    category: "crowd_management",
    language: "ar",
    title: "تنظيم طواف الإفاضة لكبار السن",
    body: "<p>نصحنا الحجاج من كبار السن بتأخير طواف الإفاضة إلى الليل تجنّبًا للزحام، واستُخدمت العربات الكهربائية في الدور الأول من المطاف.</p>",
  },

  // ── Training ────────────────────────────────────────────────────────────────
  {
    key: "training-staff-en",
    by: "ministryCoordinator",
    scope: "members",
    category: "training",
    language: "en",
    title: "Trainings for service-provider staff before the season",
    body: "<p>Service-provider staff attend three trainings: customer care, first response and the geography of the holy sites. Trainers assess every trainee, and only trained staff receive a field badge.</p>",
  },
  {
    key: "training-guides-gcc",
    by: "qatarAdmin",
    scope: "group",
    groupCode: GCC_GROUP,
    category: "training",
    language: "ar",
    title: "برنامج تأهيل المرشدين الميدانيين",
    body: "<p>يتعلّم المرشدون قراءة الخرائط والتعامل مع الحاجّ التائه وكتابة التقارير اليومية، ثم يرافقون مرشدًا متمرّسًا أسبوعًا كاملًا.</p>",
    titleEn: "Qualifying field guides",
    bodyEn: "<p>Guides learn map reading, how to help a lost pilgrim and how to write the daily report, then shadow an experienced guide for a week.</p>",
  },
  {
    key: "training-tawafa-courses",
    by: "kuwaitAdmin",
    scope: "members",
    category: "training",
    language: "ar",
    title: "دورات تدريبية لموظفي مؤسسات الطوافة",
    body: "<p>قدّمت البعثة دورات تدريبية قصيرة لموظفي مؤسسات الطوافة حول ثقافة الحجاج القادمين من الكويت، كالعادة في كل موسم، مع محاكاة لمواقف الخدمة اليومية.</p>",
  },

  // ── Communication ───────────────────────────────────────────────────────────
  {
    key: "communication-broadcast-en",
    by: "indonesiaMember",
    scope: "members",
    category: "communication",
    language: "en",
    title: "Broadcast groups for pilgrim announcements",
    body: "<p>Each group leader runs a WhatsApp broadcast list. Announcements about departure times, meals and weather are sent in Indonesian and Arabic, and a voice note is added for pilgrims who cannot read.</p>",
  },
  {
    key: "communication-languages",
    by: "qatarMember",
    scope: "members",
    category: "communication",
    language: "ar",
    title: "التواصل مع الحجاج بلغاتهم",
    body: "<p>أعددنا بطاقات مصوّرة بست لغات لأكثر العبارات استخدامًا في الطريق والمخيم والعيادة، ووُزِّعت على المرشدين والمتطوعين.</p>",
  },
  {
    key: "communication-lost-pilgrims",
    by: "qatarMember",
    scope: "members",
    category: "communication",
    language: "ar",
    title: "مركز إرشاد الحجاج التائهين",
    body: "<p>يستقبل المركز الحجاج التائهين ويتعرّف على مخيّم كل منهم من السوار أو من رمز QR على بطاقة الحاج، ثم يوصله متطوع إلى مخيّمه. بلغ عدد الحالات في يوم التروية ٢٣٠ حالة.</p>",
  },
  {
    key: "communication-religious-guidance",
    by: "qatarAdmin",
    scope: "members",
    category: "communication",
    language: "ar",
    title: "التوعية الدينية في المخيمات",
    body: "<p>عُقدت في المخيمات حلقات لتعليم المناسك وتلاوة القرآن الكريم بعد صلاة العصر، وأجاب المرشدون الدينيون عن أسئلة الحجاج بالعربية والأردية.</p>",
  },

  // ── Catering ────────────────────────────────────────────────────────────────
  {
    key: "catering-contracts-private-kw",
    by: "kuwaitAdmin",
    scope: "private",
    category: "catering",
    language: "ar",
    title: "عقود الإعاشة ووجبات الحجاج",
    body: "<p>ملاحظات داخلية: يُراجَع عقد الإعاشة مع المتعهد قبل الموسم، وتُخصم الغرامات عن كل وجبة تتأخر أكثر من ساعة. لا تُنشر أسعار الوجبات خارج البعثة.</p>",
  },
  {
    key: "catering-diabetic-meals",
    by: "qatarAdmin",
    scope: "members",
    category: "catering",
    language: "en",
    title: "Special meals for diabetic pilgrims",
    body: "<p>Diabetic pilgrims order low-sugar meals when they register. The caterer labels each box with the pilgrim's name and tent number.</p>",
    titleAr: "وجبات خاصة للحجاج المصابين بالسكري",
    bodyAr: "<p>يطلب الحاج المصاب بالسكري وجبات قليلة السكر عند التسجيل، وتكتب شركة الإعاشة اسم الحاج ورقم خيمته على كل علبة.</p>",
  },
  {
    key: "catering-arafat-en",
    by: "indonesiaMember",
    scope: "members",
    category: "catering",
    language: "en",
    title: "Meals on the day of Arafat",
    body: "<p>Cold meals were packed the night before and delivered to the tents in Arafat by nine in the morning; hot meals resumed in Muzdalifah.</p>",
  },
  {
    key: "catering-unified-menu-gcc",
    by: "kuwaitAdmin",
    scope: "group",
    groupCode: GCC_GROUP,
    category: "catering",
    language: "ar",
    title: "قائمة طعام موحّدة لمكاتب الخليج",
    body: "<p>اتفقت المكاتب على قائمة موحّدة للوجبات في أيام التشريق، وعلى معايير مشتركة لسلامة الغذاء تُطالَب بها شركات الإعاشة.</p>",
  },

  // ── Technology ──────────────────────────────────────────────────────────────
  {
    key: "technology-nusuk-card",
    by: "ministryCoordinator",
    scope: "members",
    category: "technology",
    language: "ar",
    title: "بطاقة نسك الذكية وتطبيق Nusuk",
    body: "<p>تحمل بطاقة «نسك» الذكية بيانات الحاج ورمز QR يُقرأ عند بوابات المشاعر، ويُظهر تطبيق Nusuk موقع المخيم ومواعيد التفويج. على البعثات التأكد من طباعة البطاقات قبل الثامن من ذي الحجة.</p>",
    tags: ["نسك", "Nusuk"],
  },
  {
    key: "technology-wristbands-gcc",
    by: "qatarAdmin",
    scope: "group",
    groupCode: GCC_GROUP,
    category: "technology",
    language: "en",
    title: "Smart wristbands for elderly pilgrims",
    body: "<p>Elderly pilgrims wore wristbands with a QR code and the office's hotline. Field staff scanned the code to find the pilgrim's camp.</p>",
  },
  {
    key: "technology-nusuk-permits-en",
    by: "indonesiaMember",
    scope: "members",
    category: "technology",
    language: "en",
    title: "Issuing permits through the Nusuk app",
    body: "<p>Our office issued the permits through Nusuk and checked each pilgrim's vaccination record before printing the card.</p>",
  },
  {
    key: "technology-dashboard-private-kw",
    by: "kuwaitAdmin",
    scope: "private",
    category: "technology",
    language: "en",
    title: "Internal dashboard of vehicle positions",
    body: "<p>A private dashboard tracks the GPS position of every coach we chartered. Access is limited to the operations room.</p>",
  },

  // ── Other ───────────────────────────────────────────────────────────────────
  {
    key: "other-budget-private-id",
    by: "indonesiaMember",
    scope: "private",
    category: "other",
    language: "en",
    title: "Notes for next season's budget",
    body: "<p>Internal notes on the budget for tents and transport.</p>",
  },
];

const ALL_KEYS = ENTRIES.map((e) => e.key);
/** Every corpus entry but these. */
const except = (...keys: string[]) => ALL_KEYS.filter((k) => !keys.includes(k));

export const QUERIES: FixtureQuery[] = [
  // ── Hamza and alef variants ────────────────────────────────────────────────
  {
    q: "الاسعافات الاولية",
    why: "missing hamza (الإسعافات الأولية), two words both required",
    mustFind: ["health-first-aid-training", "health-heatstroke"],
    mustNotFind: ["health-field-hospital", "crowd-tawaf", "transport-mashaer-buses"],
    top: "health-first-aid-training",
    exact: true,
  },
  {
    q: "الإِسْعَافَاتُ الأَوَّلِيَّةُ",
    why: "full diacritics in the query",
    mustFind: ["health-first-aid-training", "health-heatstroke"],
    mustNotFind: ["health-field-hospital"],
    top: "health-first-aid-training",
    exact: true,
  },
  {
    q: "إسعاف",
    why: "hamza below; singular finds the plural الإسعافات and the prefixed بالإسعاف",
    mustFind: ["health-first-aid-training", "health-heatstroke", "health-field-hospital"],
    mustNotFind: ["health-hydration", "health-chronic-en"],
    exact: true,
  },
  {
    q: "الافواج",
    why: "hamza above missing (أفواج / الأفواج)",
    mustFind: ["transport-mashaer-train", "health-hydration"],
    mustNotFind: ["crowd-jamarat-gcc"],
    exact: true,
  },
  {
    q: "القران الكريم",
    why: "alef madda in the text (القرآن), not in the query",
    mustFind: ["communication-religious-guidance"],
    mustNotFind: except("communication-religious-guidance"),
    exact: true,
  },
  {
    q: "مسافه امنه",
    why: "alef madda missing (آمنة) and ه for ة in both words",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["housing-tent-fire-en"],
    exact: true,
  },

  // ── ى / ي, ة / ه, ؤ / ئ ───────────────────────────────────────────────────────
  {
    q: "المستشفي الميداني",
    why: "ي written for ى (المستشفى)",
    mustFind: ["health-field-hospital"],
    mustNotFind: except("health-field-hospital"),
    top: "health-field-hospital",
    exact: true,
  },
  {
    q: "مخيمات مني",
    why: "ي for ى in منى; plural + place name",
    mustFind: ["housing-mina-tents"],
    mustNotFind: ["transport-mashaer-buses", "housing-tent-fire-en", "health-hydration"],
    top: "housing-mina-tents",
  },
  {
    q: "حافله",
    why: "ه written for ة (حافلة), also finds the plural الحافلات",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["transport-arafat-buses-en", "transport-mashaer-train"],
    exact: true,
  },
  {
    q: "الاعاشه",
    why: "missing hamza and ه for ة (الإعاشة); the private Kuwaiti entry stays hidden",
    mustFind: ["catering-diabetic-meals", "catering-unified-menu-gcc"],
    mustNotFind: ["catering-contracts-private-kw", "catering-arafat-en"],
    exact: true,
  },
  {
    q: "مسئول",
    why: "ئ written for ؤ (المسؤولون, مسؤول)",
    mustFind: ["health-hydration", "health-field-hospital"],
    mustNotFind: ["health-heatstroke"],
    exact: true,
  },
  {
    q: "تائه",
    why: "ئ; singular finds التائهين and التائه",
    mustFind: ["communication-lost-pilgrims", "training-guides-gcc"],
    mustNotFind: ["communication-languages"],
    exact: true,
  },
  {
    q: "الطوارئ",
    why: "word with final hamza on ya",
    mustFind: ["health-field-hospital"],
    mustNotFind: except("health-field-hospital"),
    exact: true,
  },

  {
    q: "ذى الحجه",
    why: "ى written for ي (ذي) and ه for ة",
    mustFind: ["technology-nusuk-card"],
    mustNotFind: except("technology-nusuk-card"),
    exact: true,
  },

  // ── Tatweel ─────────────────────────────────────────────────────────────────
  {
    q: "الحـــافلات",
    why: "tatweel in the query",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["transport-arafat-buses-en"],
    top: "transport-mashaer-buses",
    exact: true,
  },
  {
    q: "المخـيّـمات",
    why: "tatweel and shadda in the query",
    mustFind: ["housing-mina-tents", "health-hydration", "communication-religious-guidance"],
    mustNotFind: ["housing-tent-fire-en"],
  },

  // ── Article and prefixes ────────────────────────────────────────────────────
  {
    q: "وبالحافلات",
    why: "combined prefix وبال",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["transport-arafat-buses-en", "transport-airport-arrival"],
    exact: true,
  },
  {
    q: "فبالماء",
    why: "combined prefix فبال finds بالماء and الماء",
    mustFind: ["health-heatstroke", "health-hydration"],
    mustNotFind: ["transport-airport-arrival"],
    exact: true,
  },
  {
    q: "للمتطوعين",
    why: "prefix لل finds المتطوعين and متطوع",
    mustFind: ["health-first-aid-training", "communication-languages", "communication-lost-pilgrims"],
    mustNotFind: ["training-guides-gcc"],
    exact: true,
  },
  {
    q: "وللمرشدين",
    why: "combined prefix ولل finds المرشدون and المرشدين",
    mustFind: ["training-guides-gcc", "communication-languages", "communication-religious-guidance"],
    mustNotFind: ["communication-lost-pilgrims"],
    exact: true,
  },
  {
    q: "للحجاج التائهين",
    why: "prefix لل, two words both required",
    mustFind: ["communication-lost-pilgrims"],
    mustNotFind: ["training-guides-gcc", "communication-languages"],
    top: "communication-lost-pilgrims",
    exact: true,
  },
  {
    q: "فالمخيمات",
    why: "prefix فال",
    mustFind: ["housing-mina-tents", "health-hydration", "communication-religious-guidance"],
    mustNotFind: ["housing-tent-fire-en", "health-chronic-en"],
    top: "housing-mina-tents",
  },
  {
    q: "كالعادة",
    why: "prefix كال",
    mustFind: ["training-tawafa-courses"],
    mustNotFind: except("training-tawafa-courses"),
    exact: true,
  },
  {
    q: "مكة",
    why: "finds the one-letter-prefixed بمكة and مكة المكرمة",
    mustFind: ["transport-mashaer-buses", "transport-airport-arrival", "housing-makkah-hotels"],
    mustNotFind: ["housing-mina-tents"],
    exact: true,
  },
  {
    q: "بالمشاعر",
    why: "prefix بال finds المشاعر (titles and text)",
    mustFind: ["transport-mashaer-buses", "transport-mashaer-train", "health-heatstroke", "technology-nusuk-card"],
    mustNotFind: ["transport-arafat-buses-en"],
    exact: true,
  },
  {
    q: "بعرفة",
    why: "prefix ب and ة: finds عرفة and عرفات",
    mustFind: ["transport-mashaer-buses", "health-field-hospital"],
    mustNotFind: ["transport-arafat-buses-en", "catering-arafat-en"],
    exact: true,
  },

  // ── Plurals and light suffixes ──────────────────────────────────────────────
  {
    q: "حافلة",
    why: "singular finds the sound plural الحافلات",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["transport-airport-arrival"],
    exact: true,
  },
  {
    q: "مخيم",
    why: "singular finds المخيمات, المخيم, مخيّمه",
    mustFind: ["housing-mina-tents", "health-hydration", "crowd-jamarat-gcc", "communication-languages", "communication-lost-pilgrims", "communication-religious-guidance", "technology-nusuk-card"],
    mustNotFind: ["housing-tent-fire-en", "transport-mashaer-buses"],
    top: "housing-mina-tents",
    exact: true,
  },
  {
    q: "تدريب",
    why: "finds تدريبية (suffix يه) and the title تدريب",
    mustFind: ["health-first-aid-training", "training-tawafa-courses"],
    mustNotFind: ["training-staff-en", "training-guides-gcc"],
    exact: true,
  },
  {
    q: "البطاقات",
    why: "plural finds بطاقة and بطاقات",
    mustFind: ["housing-mina-tents", "communication-languages", "communication-lost-pilgrims", "technology-nusuk-card"],
    mustNotFind: ["transport-arafat-buses-en"],
    top: "technology-nusuk-card",
    exact: true,
  },
  {
    q: "المحطات",
    why: "plural finds المحطة and محطة",
    mustFind: ["transport-mashaer-train", "health-hydration"],
    mustNotFind: ["transport-mashaer-buses"],
    top: "transport-mashaer-train",
    exact: true,
  },

  // ── English stemming ────────────────────────────────────────────────────────
  {
    q: "trainings",
    why: "English plural finds training and trained",
    mustFind: ["training-staff-en", "health-first-aid-training"],
    mustNotFind: ["training-guides-gcc", "housing-tent-fire-en"],
    top: "training-staff-en",
    exact: true,
  },
  {
    q: "trained",
    why: "past participle",
    mustFind: ["training-staff-en", "health-first-aid-training"],
    mustNotFind: ["housing-tent-fire-en"],
    exact: true,
  },
  {
    q: "TRAINING",
    why: "case",
    mustFind: ["training-staff-en", "health-first-aid-training"],
    mustNotFind: ["housing-tent-fire-en"],
    exact: true,
  },
  {
    q: "meal",
    why: "singular finds meals",
    mustFind: ["catering-diabetic-meals", "catering-arafat-en", "communication-broadcast-en"],
    mustNotFind: ["catering-unified-menu-gcc"],
    exact: true,
  },
  {
    q: "scheduled crowds",
    why: "stems of both words (schedules, crowd)",
    mustFind: ["crowd-jamarat-en"],
    mustNotFind: ["crowd-jamarat-gcc", "crowd-tawaf"],
    exact: true,
  },
  {
    q: "the tents in Mina",
    why: "English stop words dropped, plural",
    mustFind: ["housing-tent-fire-en", "health-chronic-en"],
    mustNotFind: ["catering-arafat-en", "housing-mina-tents"],
    top: "housing-tent-fire-en",
    exact: true,
  },
  {
    q: "wristband",
    why: "singular finds wristbands (title and text)",
    mustFind: ["technology-wristbands-gcc", "transport-arafat-buses-en"],
    mustNotFind: [],
    top: "technology-wristbands-gcc",
    exact: true,
  },
  {
    q: "diabetes",
    why: "diabetes and diabetic share a stem",
    mustFind: ["health-chronic-en", "catering-diabetic-meals"],
    mustNotFind: [],
    exact: true,
  },
  {
    q: "boarded the stations",
    why: "boarding/boarded, station/stations (bilingual entry found through its English text)",
    mustFind: ["transport-mashaer-train"],
    mustNotFind: ["transport-arafat-buses-en"],
    exact: true,
  },

  // ── Every word must match ───────────────────────────────────────────────────
  {
    q: "الجمرات السكري",
    why: "words spread over two entries: neither is found",
    mustFind: [],
    mustNotFind: ["crowd-jamarat-gcc", "catering-diabetic-meals"],
    exact: true,
  },
  {
    q: "fire diabetes",
    why: "words spread over two English entries: neither is found",
    mustFind: [],
    mustNotFind: ["housing-tent-fire-en", "health-chronic-en", "catering-diabetic-meals"],
    exact: true,
  },
  {
    q: "حافلات منى",
    why: "both words in one entry; منى alone is not enough",
    mustFind: ["transport-mashaer-buses"],
    mustNotFind: ["housing-mina-tents"],
    exact: true,
  },
  {
    q: "في من على",
    why: "a query of grammar words only is kept, every word still required",
    mustFind: ["housing-makkah-hotels", "crowd-jamarat-gcc", "communication-lost-pilgrims"],
    mustNotFind: ["housing-mina-tents", "housing-tent-fire-en"],
    exact: true,
    unranked: true,
  },

  // ── Mixed-language entries ──────────────────────────────────────────────────
  {
    q: "Nusuk",
    why: "an Arabic entry found by its English term, and an English one",
    mustFind: ["technology-nusuk-card", "technology-nusuk-permits-en"],
    mustNotFind: ["housing-mina-tents"],
    exact: true,
  },
  {
    q: "تطبيق nusuk",
    why: "Arabic and English words in one query",
    mustFind: ["technology-nusuk-card"],
    mustNotFind: ["technology-nusuk-permits-en"],
    exact: true,
  },
  {
    q: "qr",
    why: "Latin term in Arabic text, lower case",
    mustFind: ["technology-nusuk-card", "communication-lost-pilgrims", "technology-wristbands-gcc"],
    mustNotFind: ["housing-mina-tents"],
    exact: true,
  },
  {
    q: "WhatsApp",
    why: "a product name in English text",
    mustFind: ["communication-broadcast-en"],
    mustNotFind: except("communication-broadcast-en"),
    exact: true,
  },
  {
    q: "رمز QR",
    why: "mixed query; both words needed",
    mustFind: ["technology-nusuk-card", "communication-lost-pilgrims"],
    mustNotFind: ["technology-wristbands-gcc"],
    exact: true,
  },
  {
    q: "first aid",
    why: "the English side of a bilingual entry",
    mustFind: ["health-first-aid-training"],
    mustNotFind: ["health-heatstroke"],
    top: "health-first-aid-training",
  },
  {
    q: "٢٣٠",
    why: "Arabic-Indic digits match as Latin ones",
    mustFind: ["communication-lost-pilgrims"],
    mustNotFind: except("communication-lost-pilgrims"),
    exact: true,
  },
  {
    q: "230 حالة",
    why: "Latin digits find Arabic-Indic ones in the text",
    mustFind: ["communication-lost-pilgrims"],
    mustNotFind: except("communication-lost-pilgrims"),
    exact: true,
  },

  // ── Who may read what ───────────────────────────────────────────────────────
  {
    q: "الغرامات",
    why: "a Kuwaiti private entry is not found by Qatar",
    as: "qatarAdmin",
    mustFind: [],
    mustNotFind: ["catering-contracts-private-kw"],
    exact: true,
  },
  {
    q: "الغرامات",
    why: "… but by Kuwait",
    as: "kuwaitAdmin",
    mustFind: ["catering-contracts-private-kw"],
    mustNotFind: [],
    exact: true,
  },
  {
    q: "وجبات",
    why: "Kuwait sees its private entry among the others",
    as: "kuwaitAdmin",
    mustFind: ["catering-contracts-private-kw", "catering-diabetic-meals", "catering-unified-menu-gcc"],
    mustNotFind: [],
    exact: true,
  },
  {
    q: "وجبات",
    why: "… Qatar the same query without it",
    as: "qatarMember",
    mustFind: ["catering-diabetic-meals", "catering-unified-menu-gcc"],
    mustNotFind: ["catering-contracts-private-kw"],
    exact: true,
  },
  {
    q: "dashboard",
    why: "private from other members",
    as: "qatarMember",
    mustFind: [],
    mustNotFind: ["technology-dashboard-private-kw"],
    exact: true,
  },
  {
    q: "dashboard",
    why: "private from coordinators too",
    as: "oicCoordinator",
    mustFind: [],
    mustNotFind: ["technology-dashboard-private-kw"],
    exact: true,
  },
  {
    q: "budget",
    why: "an Indonesian private entry, not found by Qatar",
    as: "qatarAdmin",
    mustFind: [],
    mustNotFind: ["other-budget-private-id"],
    exact: true,
  },
  {
    q: "budget",
    why: "… but by Indonesia",
    as: "indonesiaMember",
    mustFind: ["other-budget-private-id"],
    mustNotFind: [],
    exact: true,
  },
  {
    q: "الجمرات",
    why: "a GCC-group entry is found by Qatar",
    as: "qatarMember",
    mustFind: ["crowd-jamarat-gcc"],
    mustNotFind: [],
    exact: true,
  },
  {
    q: "الجمرات",
    why: "… not by Indonesia",
    as: "indonesiaMember",
    mustFind: [],
    mustNotFind: ["crowd-jamarat-gcc"],
    exact: true,
  },
  {
    q: "wristbands",
    why: "Indonesia finds its own entry, not the GCC one",
    as: "indonesiaMember",
    mustFind: ["transport-arafat-buses-en"],
    mustNotFind: ["technology-wristbands-gcc"],
    exact: true,
  },
  {
    q: "المرشدين",
    why: "Indonesia does not find the GCC guides programme",
    as: "indonesiaMember",
    mustFind: ["communication-languages", "communication-religious-guidance"],
    mustNotFind: ["training-guides-gcc"],
    exact: true,
  },
  {
    q: "qr",
    why: "Indonesia: the QR entries it may read, not the GCC one",
    as: "indonesiaMember",
    mustFind: ["technology-nusuk-card", "communication-lost-pilgrims"],
    mustNotFind: ["technology-wristbands-gcc"],
    exact: true,
  },
  {
    q: "tents",
    why: "Kuwait does not see the Indonesian private entry",
    as: "kuwaitAdmin",
    mustFind: ["housing-tent-fire-en", "health-chronic-en", "catering-arafat-en", "catering-diabetic-meals"],
    mustNotFind: ["other-budget-private-id"],
    exact: true,
  },
];
