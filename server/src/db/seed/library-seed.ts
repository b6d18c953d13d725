import type { Insertable, Kysely } from "kysely";
import type { DB } from "../schema.js";
import { newId, nowIso } from "../../lib/tokens.js";

export const DEMO_LIBRARY_KEY = "demo_library_seeded_at";

interface SeedComment {
  key?: string;
  /** The commenter's login email (the comment is from their organisation). */
  by: string;
  kind: "comment" | "question";
  body: string;
  /** A reply to the comment with this key. */
  replyTo?: string;
  at: string;
}

interface SeedEntry {
  organisation: string;
  author: string;
  kind: "practice" | "lesson" | "experience";
  language: "ar" | "en";
  category: string;
  scope: "private" | "group" | "members" | "public";
  group?: string;
  season?: string;
  /** The English title of a demo event it comes from. */
  event?: string;
  titleAr?: string;
  titleEn?: string;
  bodyAr?: string;
  bodyEn?: string;
  tags: string[];
  at: string;
  usefulBy?: string[];
  comments?: SeedComment[];
}

const KW_ADMIN = "mishari.alrashidan@hajj-kw.rifada.test";
const QA_ADMIN = "khalid.alkuwari@hajj-qa.rifada.test";
const QA_MEMBER = "mohammed.alnuaimi@hajj-qa.rifada.test";
const ID_MEMBER = "siti.rahmawati@hajj-id.rifada.test";
const MOH_COORDINATOR = "coordinator@moh-sa.rifada.test";
const MOH_TRAINER = "noura.alzahrani@moh-sa.rifada.test";
const OIC_COORDINATOR = "coordinator@oic.rifada.test";

/**
 * Practices, lessons learned and experiences the missions and the Ministry share with each
 * other. Illustrative: the figures are examples, not official statistics.
 */
const ENTRIES: SeedEntry[] = [
  {
    organisation: "hajj-kw",
    author: KW_ADMIN,
    kind: "practice",
    language: "ar",
    category: "transport",
    scope: "group",
    group: "gcc-hajj-offices",
    season: "1446",
    titleAr: "تجميع أمتعة الحجاج حسب لون المخيم في منى",
    bodyAr:
      "<p>تعتمد بعثة الحج الكويتية نظامًا لتجميع أمتعة الحجاج بحسب لون المخيم الذي ينزلون فيه بمنى. يتسلّم كل حاج قبل مغادرة الكويت بطاقتين بلون مخيمه لحقيبتيه، مدوَّنًا عليهما رقم الحافلة ورقم الحاج.</p>" +
      "<ul><li>تُفرز الحقائب عند وصولها إلى مقر السكن في مكة المكرمة بحسب اللون، ثم تُحمَّل صباح يوم التروية في شاحنة مخصصة لكل مخيم.</li>" +
      "<li>يتسلّم مشرف المخيم الحقائب بكشف يطابق الأرقام، ويُبلَّغ الحاج برسالة نصية عند وصول أمتعته.</li>" +
      "<li>تُعاد العملية بالترتيب نفسه عند النفرة من منى إلى مقر السكن ثم إلى المطار.</li></ul>" +
      "<p>خفّض هذا النظام بلاغات الأمتعة المفقودة بنحو الثلثين مقارنةً بالموسم السابق، وقصّر مدة تسليم الحقائب في المخيمات إلى أقل من ساعتين.</p>",
    tags: ["الأمتعة", "منى", "المخيمات", "التفويج"],
    at: "2025-06-20T09:00:00.000Z",
    usefulBy: [QA_ADMIN, QA_MEMBER],
    comments: [
      {
        key: "qa-question",
        by: QA_MEMBER,
        kind: "question",
        body: "هل تُطبع البطاقات الملونة في الكويت أم تُوزَّع بعد الوصول إلى مكة المكرمة؟ ونودّ الاطلاع على نموذج الكشف الذي يستخدمه مشرف المخيم.",
        at: "2025-06-21T07:30:00.000Z",
      },
      {
        by: KW_ADMIN,
        kind: "comment",
        replyTo: "qa-question",
        body: "تُطبع في الكويت وتُسلَّم مع وثائق السفر. عرضنا نموذج الكشف في الاجتماع السنوي للمكاتب، ويسعدنا إرساله إليكم.",
        at: "2025-06-21T10:15:00.000Z",
      },
    ],
  },
  {
    organisation: "hajj-qa",
    author: QA_ADMIN,
    kind: "lesson",
    language: "ar",
    category: "health",
    scope: "members",
    season: "1446",
    titleAr: "الوقاية من الإجهاد الحراري أثناء رمي الجمرات",
    bodyAr:
      "<p>رُصدت في موسم 1445هـ حالات إجهاد حراري بين حجاج البعثة القطرية في أثناء التوجه إلى الجمرات ظهر يوم النحر. وفي موسم 1446هـ عدّلت البعثة خطتها على النحو الآتي:</p>" +
      "<ul><li>جدولة أفواج الرمي في الصباح الباكر وبعد العصر، وتجنيب كبار السن وأصحاب الأمراض المزمنة الفترة من الحادية عشرة صباحًا حتى الرابعة عصرًا.</li>" +
      "<li>مرافقة كل فوج بمرشد يحمل مظلات وماءً ورذاذًا للتبريد، مع نقاط توقف محددة على مسار المشاة.</li>" +
      "<li>تدريب المرشدين على العلامات المبكرة لضربة الشمس، وعلى الإسعافات الأولية والإبلاغ الفوري للفرق الطبية.</li></ul>" +
      "<p>لم تُسجَّل أي حالة ضربة شمس بين حجاج البعثة هذا الموسم، وانخفضت مراجعات العيادة بسبب الإجهاد الحراري بأكثر من النصف.</p>",
    titleEn: "Preventing heat stress during the stoning of the Jamarat",
    bodyEn:
      "<p>In 1445 AH the Qatari mission saw cases of heat stress among its pilgrims walking to the Jamarat at midday on the Day of Sacrifice. For 1446 AH it changed its plan:</p>" +
      "<ul><li>Stoning groups are scheduled early in the morning and after the afternoon prayer; the elderly and pilgrims with chronic illnesses avoid 11:00 to 16:00.</li>" +
      "<li>Each group walks with a guide carrying umbrellas, water and cooling sprays, and stops at set points along the pedestrian route.</li>" +
      "<li>Guides are trained to recognise the early signs of heat stroke, give first aid and alert the medical teams at once.</li></ul>" +
      "<p>No heat-stroke case was recorded among the mission's pilgrims this season, and clinic visits for heat stress fell by more than half.</p>",
    tags: ["الجمرات", "ضربة الشمس", "الإجهاد الحراري", "heat stress"],
    at: "2025-06-22T12:00:00.000Z",
    usefulBy: [KW_ADMIN, ID_MEMBER, OIC_COORDINATOR],
    comments: [
      {
        by: OIC_COORDINATOR,
        kind: "comment",
        body: "تجربة قيّمة، ونقترح عرضها في ورشة «أساس» القادمة لتستفيد منها البعثات الأخرى.",
        at: "2025-06-23T08:00:00.000Z",
      },
    ],
  },
  {
    organisation: "hajj-id",
    author: ID_MEMBER,
    kind: "experience",
    language: "en",
    category: "training",
    scope: "public",
    season: "1446",
    titleEn: "Training elderly pilgrims before departure",
    bodyEn:
      "<p>A large share of Indonesia's pilgrims are over 65, many of them travelling for the first time. Before the 1446 AH season the Indonesian Hajj mission ran a six-week preparation programme in the districts for every elderly pilgrim.</p>" +
      "<ul><li>Weekly manasik sessions on full-scale models of the Kaaba, Mina and the Jamarat, walking the real distances between the sites.</li>" +
      "<li>A health check at the start and a walking plan that builds up to five kilometres a day by the departure date.</li>" +
      "<li>Each group of ten elderly pilgrims is paired with a younger companion from the same village, who travels with them and is trained in first aid.</li></ul>" +
      "<p>Elderly pilgrims who completed the programme needed far fewer ambulance transfers during the days in Mina, and group leaders reported fewer pilgrims lost on the way to the Jamarat.</p>",
    tags: ["elderly pilgrims", "manasik", "pre-departure training"],
    at: "2025-06-24T05:00:00.000Z",
    usefulBy: [MOH_TRAINER, KW_ADMIN, QA_MEMBER],
    comments: [
      {
        by: MOH_TRAINER,
        kind: "comment",
        body: "برنامج متميز، ونودّ الاستفادة من فكرة المرافق الشاب في برامجنا التدريبية لمقدمي الخدمات.",
        at: "2025-06-25T09:00:00.000Z",
      },
    ],
  },
  {
    organisation: "moh-sa",
    author: MOH_COORDINATOR,
    kind: "practice",
    language: "ar",
    category: "crowd_management",
    scope: "public",
    season: "1446",
    titleAr: "إدارة الحشود في منى بجداول التفويج الزمنية",
    bodyAr:
      "<p>تنظّم وزارة الحج والعمرة حركة الحجاج بين المخيمات في منى والجمرات بجداول تفويج زمنية تُعدّ لكل مكتب ومخيم قبل الموسم، وتُبلَّغ بها البعثات ومقدمو الخدمات.</p>" +
      "<ul><li>يُخصَّص لكل مخيم موعد محدد للرمي ومسار محدد للمشاة، ولا يُسمح بالتفويج خارج الموعد إلا بتنسيق مع غرفة العمليات.</li>" +
      "<li>تتابع غرفة العمليات كثافة الحشود على الجسور بالكاميرات والحساسات، وتؤجّل الأفواج أو تحوّل مسارها عند تجاوز الكثافة الحد الآمن.</li>" +
      "<li>يرافق كل فوج مندوب من مقدم الخدمة يحمل راية المخيم، ويتلقى التعليمات عبر تطبيق ميداني.</li></ul>" +
      "<p>أسهمت الجداول الزمنية في توزيع الحشود على ساعات اليوم وخفض أوقات الانتظار عند منشأة الجمرات.</p>",
    titleEn: "Crowd management in Mina through timed departure schedules",
    bodyEn:
      "<p>The Ministry of Hajj and Umrah manages the movement of pilgrims between the Mina camps and the Jamarat with timed departure schedules, prepared for each office and camp before the season and shared with the missions and service providers.</p>" +
      "<ul><li>Each camp has a set time for the stoning and a set pedestrian route; leaving outside that time needs the operations room's agreement.</li>" +
      "<li>The operations room follows crowd density on the bridges with cameras and sensors, and delays or reroutes groups when density passes the safe limit.</li>" +
      "<li>Each group walks with a service-provider representative carrying the camp's flag, who receives instructions through a field app.</li></ul>" +
      "<p>The schedules spread the crowds over the hours of the day and cut waiting times at the Jamarat facility.</p>",
    tags: ["منى", "إدارة الحشود", "التفويج", "crowd management"],
    at: "2025-06-18T06:00:00.000Z",
    usefulBy: [ID_MEMBER, KW_ADMIN, QA_ADMIN, OIC_COORDINATOR],
    comments: [
      {
        by: ID_MEMBER,
        kind: "question",
        body: "We would like to adapt the timed schedules for our groups next season. Could the Ministry share the template it sends to the missions?",
        at: "2025-06-19T04:00:00.000Z",
      },
    ],
  },
  {
    organisation: "hajj-qa",
    author: QA_MEMBER,
    kind: "lesson",
    language: "ar",
    category: "health",
    scope: "private",
    season: "1446",
    titleAr: "متابعة ملفات الحجاج المنوَّمين في المستشفيات",
    bodyAr:
      "<p>ملاحظات داخلية للبعثة: تأخر في موسم 1446هـ إبلاغ أسر بعض الحجاج المنوَّمين في مستشفيات مكة المكرمة لأن الملفات الطبية لم تكن مرتبطة برقم الحاج في نظام البعثة.</p>" +
      "<ul><li>يُسجَّل رقم الحاج ورقم المستشفى في سجل موحد فور النقل.</li><li>يتولى طبيب مناوب متابعة الحالة يوميًا وإبلاغ الأسرة عبر مكتب الاتصال.</li></ul>",
    tags: ["المستشفيات", "الملفات الطبية"],
    at: "2025-06-26T10:00:00.000Z",
  },
  {
    organisation: "oic",
    author: OIC_COORDINATOR,
    kind: "experience",
    language: "ar",
    category: "training",
    scope: "members",
    season: "1445",
    event: "Asas workshop",
    titleAr: "دروس من ورشتي «أساس» و«ترحاب» الافتراضيتين",
    bodyAr:
      "<p>نظّمت الأمانة العامة لمنظمة التعاون الإسلامي بالتعاون مع وزارة الحج والعمرة ورشتي «أساس» و«ترحاب» عن بُعد لمنظمي الحج ومقدمي الخدمات في الدول الأعضاء.</p>" +
      "<ul><li>الجلسات القصيرة (تسعون دقيقة) مع استراحة أبقت نسبة الحضور مرتفعة حتى النهاية.</li><li>الترجمة الفورية إلى الإنجليزية والفرنسية وسّعت المشاركة من الدول غير الناطقة بالعربية.</li><li>إرسال المواد قبل الورشة بأسبوع حسّن جودة الأسئلة والنقاش.</li></ul>",
    titleEn: "Lessons from the virtual Asas and Terhab workshops",
    bodyEn:
      "<p>The OIC General Secretariat, with the Ministry of Hajj and Umrah, ran the Asas and Terhab workshops online for Hajj organisers and service providers of the member states.</p>" +
      "<ul><li>Short sessions (ninety minutes) with a break kept attendance high to the end.</li><li>Simultaneous interpretation into English and French widened participation beyond Arabic-speaking countries.</li><li>Sending the material a week ahead improved the questions and the discussion.</li></ul>",
    tags: ["ورش العمل", "التدريب عن بعد", "أساس", "ترحاب"],
    at: "2024-06-10T08:00:00.000Z",
    usefulBy: [MOH_COORDINATOR],
  },
  {
    organisation: "moh-sa",
    author: MOH_TRAINER,
    kind: "practice",
    language: "ar",
    category: "communication",
    scope: "public",
    season: "1446",
    titleAr: "رسائل توعوية متعددة اللغات عبر رموز الاستجابة السريعة",
    bodyAr:
      "<p>تُثبَّت في المخيمات ومقار السكن لوحات تحمل رموز استجابة سريعة تفتح إرشادات مصوّرة قصيرة بلغة الحاج: مواعيد التفويج، والوقاية من الحر، وأرقام الطوارئ، وآداب المشاعر.</p>" +
      "<p>تُحدَّث الرسائل يوميًا من غرفة العمليات، فلا حاجة إلى إعادة طباعة اللوحات عند تغيّر المواعيد.</p>",
    titleEn: "Multilingual guidance through QR codes",
    bodyEn:
      "<p>Boards with QR codes in the camps and residences open short illustrated guidance in the pilgrim's language: departure times, heat protection, emergency numbers and conduct at the holy sites.</p>" +
      "<p>The operations room updates the messages daily, so the boards need no reprinting when times change.</p>",
    tags: ["التوعية", "تعدد اللغات", "رمز الاستجابة السريعة"],
    at: "2025-06-12T07:00:00.000Z",
    usefulBy: [ID_MEMBER],
  },
  {
    organisation: "hajj-kw",
    author: KW_ADMIN,
    kind: "practice",
    language: "ar",
    category: "catering",
    scope: "group",
    group: "gcc-hajj-offices",
    season: "1446",
    titleAr: "توزيع وجبات يوم عرفة في فترات زمنية لكل مخيم",
    bodyAr:
      "<p>قسّمت البعثة توزيع وجبات يوم عرفة إلى ثلاث فترات زمنية لكل مخيم، وسلّمت الوجبات في عبوات مبرّدة إلى مشرفي الخيام بدلًا من طوابير التوزيع المفتوحة.</p>" +
      "<p>قلّ الازدحام عند نقاط التوزيع، ولم تُسجَّل حالات تسمم غذائي.</p>",
    tags: ["الإعاشة", "عرفة"],
    at: "2025-06-15T11:00:00.000Z",
  },
  {
    organisation: "hajj-id",
    author: ID_MEMBER,
    kind: "practice",
    language: "en",
    category: "technology",
    scope: "members",
    season: "1446",
    titleEn: "QR wristbands to reunite lost pilgrims with their groups",
    bodyEn:
      "<p>Every Indonesian pilgrim wears a wristband with a QR code linked to their group, hotel and group leader's phone number. Anyone who finds a lost pilgrim can scan it; the mission's call centre is notified and the group leader is called.</p>" +
      "<p>Lost elderly pilgrims were brought back to their groups in under two hours on average.</p>",
    tags: ["lost pilgrims", "wristbands", "QR"],
    at: "2025-06-16T13:00:00.000Z",
  },
];

/**
 * The demo library, once: entries with their first version, tags, comments and "useful" marks,
 * by the demo logins' organisations. Needs the directory (and, for seasons and the event link,
 * the demo events).
 */
export async function seedDemoLibrary(db: Kysely<DB>): Promise<boolean> {
  if (await db.selectFrom("meta").select("value").where("key", "=", DEMO_LIBRARY_KEY).executeTakeFirst()) return false;
  // Look everything up before the transaction: on SQLite a query outside it would wait for it forever.
  const orgs = new Map((await db.selectFrom("organisations").select(["id", "code"]).where("code", "in", [...new Set(ENTRIES.map((e) => e.organisation))]).execute()).map((o) => [o.code, o.id]));
  const emails = [...new Set(ENTRIES.flatMap((e) => [e.author, ...(e.usefulBy ?? []), ...(e.comments ?? []).map((c) => c.by)]))];
  const users = new Map((await db.selectFrom("users").select(["id", "email", "organisationId"]).where("email", "in", emails).execute()).map((u) => [u.email, u]));
  const groups = new Map((await db.selectFrom("groups").select(["id", "code"]).execute()).map((g) => [g.code, g.id]));
  const seasons = new Map((await db.selectFrom("seasons").select(["id", "code"]).execute()).map((s) => [s.code, s.id]));
  const eventTitles = ENTRIES.map((e) => e.event).filter((t): t is string => Boolean(t));
  const events = new Map(eventTitles.length ? (await db.selectFrom("events").select(["id", "titleEn"]).where("titleEn", "in", eventTitles).execute()).map((e) => [e.titleEn, e.id]) : []);
  if (orgs.size === 0 || users.size === 0) return false; // the directory demo was not loaded

  const now = nowIso();
  await db.transaction().execute(async (tx) => {
    for (const e of ENTRIES) {
      const organisationId = orgs.get(e.organisation);
      const author = users.get(e.author);
      if (!organisationId || !author) continue;
      const shareGroupId = e.scope === "group" ? (groups.get(e.group ?? "") ?? null) : null;
      const visibility = e.scope === "group" && !shareGroupId ? "private" : e.scope;
      const useful = (e.usefulBy ?? []).map((email) => users.get(email)).filter((u) => u !== undefined);
      const comments = (e.comments ?? []).filter((c) => users.has(c.by));
      const entry: Insertable<DB["libraryEntries"]> = {
        id: newId(),
        organisationId,
        authorId: author.id,
        kind: e.kind,
        language: e.language,
        titleAr: e.titleAr ?? null,
        titleEn: e.titleEn ?? null,
        bodyAr: e.bodyAr ?? null,
        bodyEn: e.bodyEn ?? null,
        category: e.category,
        seasonId: e.season ? (seasons.get(e.season) ?? null) : null,
        eventId: e.event ? (events.get(e.event) ?? null) : null,
        visibility,
        shareGroupId,
        version: 1,
        usefulCount: useful.length,
        commentCount: comments.length,
        updatedBy: author.id,
        archivedAt: null,
        createdAt: e.at,
        updatedAt: e.at,
      };
      await tx.insertInto("libraryEntries").values(entry).execute();
      await tx.insertInto("libraryEntryTags").values(e.tags.map((tag) => ({ entryId: entry.id, tag }))).execute();
      await tx
        .insertInto("libraryEntryVersions")
        .values({
          id: newId(), entryId: entry.id, version: 1, kind: e.kind, language: e.language, titleAr: entry.titleAr, titleEn: entry.titleEn,
          bodyAr: entry.bodyAr, bodyEn: entry.bodyEn, category: e.category, tags: JSON.stringify(e.tags), editedBy: author.id, editedAt: e.at,
        })
        .execute();
      if (useful.length) await tx.insertInto("libraryUseful").values(useful.map((u) => ({ entryId: entry.id, userId: u.id, createdAt: e.at }))).execute();
      const commentIds = new Map<string, string>();
      for (const c of comments) {
        const user = users.get(c.by)!;
        const id = newId();
        if (c.key) commentIds.set(c.key, id);
        await tx
          .insertInto("libraryComments")
          .values({ id, entryId: entry.id, parentId: c.replyTo ? (commentIds.get(c.replyTo) ?? null) : null, userId: user.id, organisationId: user.organisationId, kind: c.kind, body: c.body, deletedAt: null, createdAt: c.at, updatedAt: c.at })
          .execute();
      }
    }
    await tx.insertInto("meta").values({ key: DEMO_LIBRARY_KEY, value: now }).execute();
  });
  return true;
}
