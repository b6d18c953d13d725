/**
 * Benchmark data for the library search: best-practice entries, lessons and
 * experiences written by the demo organisations about Hajj field work — transport
 * between the holy sites, the Mina camps, Arafat, Muzdalifah and the Jamarat, heat
 * stroke and hydration, elderly pilgrims and wheelchairs, luggage, catering, Nusuk
 * cards, training service-provider staff, talking to pilgrims in their languages.
 *
 * Text is composed from phrase banks of [Arabic, English] pairs with slots, so a
 * bilingual entry's two bodies are translations of each other. About 60 % of the
 * entries are Arabic only, 30 % English only, 10 % bilingual; bodies have 150–600
 * words (of the entry's first language) as sanitised HTML (paragraphs, sometimes a
 * list of recommendations). Arabic is written as people write it: hamza forms, ة
 * and ى, the article with و ب ل ف ك, occasional diacritics, and some writers who
 * drop the hamza or write ه for ة and ي for ى. Numbers are in Arabic-Indic digits
 * in half of the Arabic entries.
 *
 * Works on a migrated, demo-seeded database of either dialect (readDirectory), with
 * a seeded PRNG (the same seed, the same entries), and writes library_entries,
 * library_entry_tags and library_entry_versions (version 1) in chunks of a few
 * thousand entries, each in one transaction (bench/rows.ts).
 */
import type SqliteDatabase from "better-sqlite3";
import { LIBRARY_CATEGORIES, LIBRARY_KINDS, type LibraryCategory, type LibraryKind } from "../common/library.js";
import type { Visibility } from "../common/roles.js";
import { SEASONS } from "./event-words.js";
import { uuid, type Directory } from "./events-generate.js";
import { pick, rng, weighted, type Rand } from "./generate.js";
import { push, tableRows, writePostgres, writeSqlite, type TableRows } from "./rows.js";
import { BRANDS, CULTURE_OF_COUNTRY, type Pair } from "./words.js";

// ---------------------------------------------------------------- phrase banks

/** What was done: verbal nouns (masdar) in construct, so they follow تم، ب، ل، في without agreement. */
const TASKS: Record<LibraryCategory, Pair[]> = {
  transport: [
    ["نقل الحجاج بين المشاعر المقدسة", "moving pilgrims between the holy sites"],
    ["تفويج الحجاج إلى عرفات", "dispatching pilgrims to Arafat in groups"],
    ["تشغيل قطار المشاعر", "running the Mashaer train"],
    ["جدولة رحلات الحافلات الترددية", "scheduling the shuttle bus runs"],
    ["تنظيم النفرة من عرفات إلى مزدلفة", "organising the Nafrah from Arafat to Muzdalifah"],
    ["إعادة الحجاج من مزدلفة إلى منى", "bringing pilgrims back from Muzdalifah to Mina"],
    ["استقبال الحجاج في مطار الملك عبدالعزيز الدولي", "receiving pilgrims at King Abdulaziz International Airport"],
    ["نقل الأمتعة من الفنادق إلى المخيمات", "moving luggage from the hotels to the camps"],
    ["توزيع أساور التفويج", "handing out the dispatch wristbands"],
    ["تحديد نقاط تجمع الحافلات", "marking the bus assembly points"],
    ["تأمين حافلات احتياطية", "keeping spare buses ready"],
    ["نقل الحجاج من المدينة المنورة إلى مكة المكرمة", "taking pilgrims from Madinah to Makkah"],
  ],
  housing: [
    ["تجهيز مخيمات منى", "preparing the Mina camps"],
    ["توزيع الحجاج على الخيام", "assigning pilgrims to tents"],
    ["صيانة أجهزة التكييف في الخيام", "servicing the tent air conditioners"],
    ["فحص مخارج الطوارئ في المخيم", "checking the camp's emergency exits"],
    ["تسكين الحجاج في فنادق العزيزية", "housing pilgrims in the Al-Aziziyah hotels"],
    ["تخصيص أسرّة قريبة من دورات المياه لكبار السن", "giving elderly pilgrims beds near the washrooms"],
    ["ترقيم الخيام وتوضيح اللوحات الإرشادية", "numbering the tents and making the signs clearer"],
    ["تنظيف دورات المياه في المخيمات", "cleaning the camp washrooms"],
    ["تجهيز مخيمات عرفات بالمراوح والمظلات", "fitting the Arafat camps with fans and shades"],
  ],
  health: [
    ["الوقاية من ضربات الشمس", "preventing heat stroke"],
    ["توعية الحجاج بشرب الماء بانتظام", "reminding pilgrims to drink water regularly"],
    ["توزيع المياه الباردة والمظلات", "handing out cold water and umbrellas"],
    ["تقديم الإسعافات الأولية", "giving first aid"],
    ["متابعة الحجاج المصابين بالأمراض المزمنة", "following up pilgrims with chronic diseases"],
    ["رصد حالات الإجهاد الحراري", "spotting cases of heat exhaustion"],
    ["نقل الحالات الحرجة إلى المستشفى", "taking critical cases to hospital"],
    ["تطعيم الحجاج قبل السفر", "vaccinating pilgrims before travel"],
    ["تجهيز عيادة المخيم بالأدوية", "stocking the camp clinic with medicines"],
    ["توفير رذاذ الماء في الممرات", "providing water misting along the walkways"],
    ["الكشف الطبي على الحجاج عند الوصول", "screening pilgrims on arrival"],
  ],
  crowd_management: [
    ["تنظيم حركة الحشود عند جسر الجمرات", "managing crowd flow at the Jamarat Bridge"],
    ["تطبيق جداول رمي الجمرات", "enforcing the stoning schedules"],
    ["إرشاد الحجاج التائهين", "guiding lost pilgrims"],
    ["إدارة مسارات المشاة بين منى وعرفات", "managing the pedestrian routes between Mina and Arafat"],
    ["مراقبة الكثافة في الممرات", "monitoring density in the walkways"],
    ["البحث عن الحجاج المفقودين", "searching for missing pilgrims"],
    ["تنظيم الدخول إلى المسجد الحرام", "managing entry to the Grand Mosque"],
  ],
  training: [
    ["تدريب منسوبي مقدمي الخدمات", "training service-provider staff"],
    ["تأهيل المرشدين الميدانيين", "preparing field guides"],
    ["تدريب المتطوعين على الإسعافات الأولية", "training volunteers in first aid"],
    ["إعداد حقيبة تدريبية للمشرفين", "preparing a training kit for supervisors"],
    ["تنفيذ تمارين الإخلاء الافتراضية", "running evacuation drills"],
    ["تقييم أداء المتدربين بعد الموسم", "assessing trainees after the season"],
    ["تدريب قادة الأفواج على التعامل مع كبار السن", "training group leaders to care for elderly pilgrims"],
    ["تدريب سائقي الحافلات على المسارات", "training bus drivers on the routes"],
  ],
  communication: [
    ["التواصل مع الحجاج بلغاتهم", "communicating with pilgrims in their own languages"],
    ["ترجمة الإرشادات إلى {lang}", "translating the guidance into {lang}"],
    ["إرسال الرسائل النصية التوعوية", "sending awareness text messages"],
    ["تشغيل مركز الاتصال على مدار الساعة", "running the call centre around the clock"],
    ["إعداد مطويات مصورة", "preparing illustrated leaflets"],
    ["الإعلان عن مواعيد التفويج عبر مكبرات الصوت", "announcing dispatch times over loudspeakers"],
    ["إنشاء مجموعات تواصل لقادة الأفواج", "setting up messaging groups for group leaders"],
    ["استقبال بلاغات الحجاج وشكاواهم", "taking pilgrims' reports and complaints"],
  ],
  catering: [
    ["توزيع الوجبات في المخيمات", "serving meals in the camps"],
    ["مراقبة سلامة الغذاء", "monitoring food safety"],
    ["تقديم وجبات تناسب مرضى السكري", "providing meals suited to diabetic pilgrims"],
    ["حفظ الأطعمة في درجات حرارة مناسبة", "keeping food at safe temperatures"],
    ["توزيع الوجبات الجاهزة في عرفات", "distributing packed meals at Arafat"],
    ["توفير أطعمة تراعي عادات الحجاج الغذائية", "providing food that respects pilgrims' dietary habits"],
    ["توزيع مياه الشرب المبردة", "distributing chilled drinking water"],
  ],
  technology: [
    ["تفعيل بطاقات نسك", "activating Nusuk cards"],
    ["طباعة بطاقات نسك وتسليمها", "printing and handing out Nusuk cards"],
    ["استخدام تطبيق نسك", "using the Nusuk app"],
    ["ربط أساور الحجاج بقاعدة البيانات", "linking pilgrims' wristbands to the database"],
    ["تحديث بيانات الحجاج في المنصة", "updating pilgrim records on the platform"],
    ["تتبع مواقع الحافلات", "tracking bus locations"],
    ["تشغيل شاشات الإرشاد الإلكترونية", "running the electronic information screens"],
  ],
  other: [
    ["توفير الكراسي المتحركة لكبار السن", "providing wheelchairs for elderly pilgrims"],
    ["مرافقة الحجاج من ذوي الإعاقة", "accompanying pilgrims with disabilities"],
    ["استلام الأمتعة وتسليمها", "receiving and handing back luggage"],
    ["حصر الأمتعة المفقودة", "tracing lost luggage"],
    ["التنسيق مع الجهات الحكومية", "coordinating with government agencies"],
    ["إصدار التصاريح للعاملين", "issuing staff permits"],
  ],
};

const PLACES: Pair[] = [
  ["في مشعر منى", "in Mina"], ["في مخيمات منى", "in the Mina camps"], ["على صعيد عرفات", "on the plain of Arafat"], ["في مزدلفة", "in Muzdalifah"],
  ["عند جسر الجمرات", "at the Jamarat Bridge"], ["في المسجد الحرام", "at the Grand Mosque"], ["في المسجد النبوي", "at the Prophet's Mosque"],
  ["بمكة المكرمة", "in Makkah"], ["بالمدينة المنورة", "in Madinah"], ["في مطار الملك عبدالعزيز الدولي بجدة", "at King Abdulaziz International Airport in Jeddah"],
  ["في صالة الحجاج", "in the Hajj terminal"], ["في محطات قطار المشاعر", "at the Mashaer train stations"], ["في فنادق العزيزية", "in the Al-Aziziyah hotels"],
  ["في حي الششة", "in Al-Shisha district"], ["في منطقة كدي", "in Kudai"], ["على طرق المشاة", "on the pedestrian routes"], ["عند مسجد نمرة", "near Namirah Mosque"],
  ["عند جبل الرحمة", "near Jabal al-Rahmah"], ["في مستشفى منى للطوارئ", "at Mina Emergency Hospital"], ["في مراكز الرعاية الصحية الأولية", "at the primary health-care centres"],
  ["في ميقات ذي الحليفة", "at the Dhul-Hulayfah miqat"], ["في منفذ الوديعة", "at the Al-Wadiah crossing"], ["في مقر البعثة", "at the mission's office"],
  ["في المخيم رقم {camp}", "in camp {camp}"], ["في المربع {block}", "in block {block}"], ["في المحطة {station}", "at station {station}"],
  ["في فندق {brand}", "at the {brand} hotel"], ["في مطار الأمير محمد بن عبدالعزيز بالمدينة", "at Prince Mohammad bin Abdulaziz Airport in Madinah"],
];

const TIMES: Pair[] = [
  ["يوم التروية", "on the Day of Tarwiyah"], ["يوم عرفة", "on the Day of Arafah"], ["ليلة المبيت بمزدلفة", "on the night at Muzdalifah"],
  ["يوم النحر", "on the Day of Sacrifice"], ["في أيام التشريق", "during the days of Tashreeq"], ["قبل صلاة الفجر", "before the dawn prayer"],
  ["بعد صلاة الظهر", "after the noon prayer"], ["في ذروة الحر", "at the hottest time of day"], ["خلال النفرة", "during the Nafrah"],
  ["قبل وصول الحجاج بأسبوعين", "two weeks before the pilgrims arrived"], ["في الأيام الأولى من ذي الحجة", "in the first days of Dhul Hijjah"],
  ["عند مغادرة الحجاج", "as the pilgrims left"], ["طوال الموسم", "throughout the season"], ["في موسم حج {year}هـ", "in the {year} AH season"],
  ["بعد انتهاء رمي الجمرات", "after the stoning was over"], ["في ليلة الثامن من ذي الحجة", "on the eve of the eighth of Dhul Hijjah"],
];

/** Who did it (in the genitive: after بإشراف، بمشاركة، مع). */
const ACTORS: Pair[] = [
  ["فرق الخدمة الميدانية", "the field service teams"], ["المرشدين الدينيين", "the religious guides"], ["قادة الأفواج", "the group leaders"],
  ["الكوادر الصحية", "the medical staff"], ["المتطوعين", "the volunteers"], ["الكشافة", "the scouts"], ["منسوبي شركات الطوافة", "the staff of the mutawwif companies"],
  ["مقدمي الخدمات", "the service providers"], ["مشرفي المخيمات", "the camp supervisors"], ["الهلال الأحمر السعودي", "the Saudi Red Crescent"],
  ["الدفاع المدني", "Civil Defence"], ["وزارة الحج والعمرة", "the Ministry of Hajj and Umrah"], ["وزارة الصحة", "the Ministry of Health"],
  ["مكتب شؤون الحجاج", "the Hajj affairs office"], ["الفريق الطبي للبعثة", "the mission's medical team"], ["المترجمين", "the interpreters"],
  ["سائقي الحافلات", "the bus drivers"], ["شركة {brand}", "the {brand} company"], ["متعهد الإعاشة", "the caterer"],
];

const OUTCOMES: Pair[] = [
  ["مما خفّض زمن الانتظار إلى النصف", "which halved waiting times"],
  ["مما قلّل حالات الإجهاد الحراري بنسبة {pct}٪", "which cut heat-exhaustion cases by {pct}%"],
  ["وأسهم ذلك في رفع رضا الحجاج", "which raised pilgrim satisfaction"],
  ["مما حدّ من التكدس عند المداخل", "which reduced crowding at the entrances"],
  ["وقد لاحظنا انخفاض عدد البلاغات", "and we saw fewer complaints"],
  ["مما سهّل وصول الفرق الإسعافية", "which made it easier for ambulance teams to get through"],
  ["وأدى ذلك إلى وصول جميع الحافلات في موعدها", "and every bus arrived on time"],
  ["مما وفّر على الحجاج عناء الانتظار تحت الشمس", "which spared pilgrims waiting in the sun"],
  ["لكن النتائج جاءت دون المتوقع", "but the results fell short of what we expected"],
  ["وتبيّن أن {n} حاجًا احتاجوا إلى رعاية إضافية", "and {n} pilgrims turned out to need extra care"],
  ["وهو ما أثنى عليه الحجاج في الاستبانة", "which pilgrims praised in the survey"],
  ["فلم تُسجَّل أي حالة وفاة في المخيم", "and no death was recorded in the camp"],
];

/** Why (a clause after إذ / because). */
const REASONS: Pair[] = [
  ["تجاوزت درجات الحرارة {temp} درجة مئوية", "temperatures passed {temp} °C"],
  ["كان أكثر من نصف الحجاج فوق الستين", "more than half of the pilgrims were over sixty"],
  ["لا يتحدث معظم الحجاج العربية", "most pilgrims do not speak Arabic"],
  ["تأخر وصول بعض الحافلات", "some buses arrived late"],
  ["ازدحمت الطرق المؤدية إلى المشاعر", "the roads to the holy sites were congested"],
  ["تعطلت أجهزة التكييف في بعض الخيام", "air conditioning failed in some tents"],
  ["لم تكن بطاقات نسك مفعّلة لدى بعض الحجاج", "some pilgrims' Nusuk cards were not activated"],
  ["اختلطت أمتعة الأفواج في الفندق", "the groups' luggage got mixed up at the hotel"],
  ["يصعب على كبار السن المشي لمسافات طويلة", "elderly pilgrims find long walks hard"],
  ["كان الحجاج يصلون على دفعات متقاربة", "pilgrims arrived in closely spaced waves"],
  ["قلّت خبرة بعض العاملين الجدد", "some new staff lacked experience"],
];

const LANGUAGES: Pair[] = [
  ["الأردية", "Urdu"], ["الإندونيسية", "Indonesian"], ["الملايوية", "Malay"], ["التركية", "Turkish"], ["الفارسية", "Persian"], ["البنغالية", "Bengali"],
  ["الهوسا", "Hausa"], ["السواحيلية", "Swahili"], ["الفرنسية", "French"], ["الإنجليزية", "English"], ["الروسية", "Russian"], ["الأوزبكية", "Uzbek"],
  ["البشتو", "Pashto"], ["الصومالية", "Somali"], ["الأمهرية", "Amharic"], ["الألبانية", "Albanian"], ["الولوف", "Wolof"], ["اليوروبا", "Yoruba"],
];

/** Sentences with slots, for any category ({task} is mostly of the entry's category). */
const TEMPLATES: Pair[] = [
  ["تم {task} {place} {time}، {outcome}.", "{Task} {place} {time} went as planned, {outcome}."],
  ["جرى {task} بإشراف {actor} {place}.", "{Task} was supervised by {actor} {place}."],
  ["من أبرز الدروس المستفادة أهمية {task} {time}.", "One of the main lessons learned is the importance of {task} {time}."],
  ["نوصي ب{task} {time}، إذ {reason}.", "We recommend {task} {time}, because {reason}."],
  ["واجهنا صعوبة في {task} {place}، إذ {reason}.", "We struggled with {task} {place} because {reason}."],
  ["وبالتنسيق مع {actor} تم {task}، {outcome}.", "Working with {actor}, we took care of {task}, {outcome}."],
  ["وقد خصصنا {n} موظفًا ل{task} {place}.", "We assigned {n} staff to {task} {place}."],
  ["لا ينبغي البدء ب{task} قبل التأكد من جاهزية {actor}.", "{Task} should not start until {actor} are ready."],
  ["وفي الموسم القادم سنعمل على تحسين {task} {place}.", "Next season we will improve {task} {place}."],
  ["كما تم توزيع المياه الباردة والتمور على الحجاج {place} {time}.", "Cold water and dates were also handed out to pilgrims {place} {time}."],
  ["استغرق {task} نحو {hours} ساعات {time}.", "{Task} took about {hours} hours {time}."],
  ["بلغ عدد الحجاج المستفيدين من {task} {big} حاج.", "{big} pilgrims benefited from {task}."],
  ["وقد أسهم {task} في الحد من الحوادث {place}.", "{Task} helped reduce incidents {place}."],
  ["ولضمان نجاح {task} ينبغي إشراك {actor} منذ مرحلة التخطيط.", "For {task} to succeed, {actor} should be involved from the planning stage."],
  ["فوجئنا {time} بأن {reason}، فاضطررنا إلى تعديل خطة {task}.", "{Time} we found that {reason}, so we had to change the plan for {task}."],
  ["وكان ل{actor} دور كبير في {task}.", "{Actor} played a big part in {task}."],
  ["وتكررت الملاحظات نفسها {place} {time}.", "The same remarks came up {place} {time}."],
];

/** Sentences as written, by category (some with slots). */
const SENTENCES: Record<LibraryCategory, Pair[]> = {
  transport: [
    ["خصصنا حافلة احتياطية لكل عشر حافلات تحسبًا للأعطال.", "We kept one spare bus for every ten in case of breakdowns."],
    ["كان قطار المشاعر أسرع وسيلة لنقل الحجاج من عرفات إلى مزدلفة.", "The Mashaer train was the fastest way to move pilgrims from Arafat to Muzdalifah."],
    ["يجب أن يرافق كل حافلة مشرف يحمل قائمة بأسماء الحجاج.", "Every bus should carry a supervisor with the list of its pilgrims."],
    ["تأخرت النفرة من عرفات ساعتين بسبب الازدحام على الطرق.", "The Nafrah from Arafat ran two hours late because of road congestion."],
    ["وُزعت على الحجاج أساور ملونة تبين رقم الحافلة ونقطة التجمع.", "Pilgrims were given coloured wristbands showing their bus number and assembly point."],
    ["نُقلت الأمتعة إلى مكة قبل وصول الحجاج بيوم كامل.", "The luggage was taken to Makkah a full day before the pilgrims arrived."],
    ["اعتمدنا جدولًا زمنيًا لتفويج الحجاج على دفعات كل ثلاثين دقيقة.", "We dispatched pilgrims in waves every thirty minutes."],
    ["أبلغ السائقون عن صعوبة الوصول إلى المخيمات بسبب إغلاق بعض الطرق.", "Drivers reported difficulty reaching the camps because some roads were closed."],
    ["كانت محطات قطار المشاعر مزدحمة بعد صلاة المغرب.", "The Mashaer train stations were crowded after the sunset prayer."],
    ["خُصصت مقاعد أمامية في الحافلات لكبار السن ومستخدمي الكراسي المتحركة.", "Front seats on the buses were kept for the elderly and wheelchair users."],
    ["تعطلت الحافلة رقم {bus} على طريق عرفات فنُقل ركابها إلى حافلة أخرى.", "Bus {bus} broke down on the Arafat road and its passengers moved to another bus."],
  ],
  housing: [
    ["وُزعت الخيام بحيث يبقى أفراد الأسرة الواحدة متقاربين.", "Tents were allocated so that families stayed close together."],
    ["تعطل التكييف في عدد من الخيام في ذروة الحر فاستُبدلت الوحدات خلال ساعتين.", "Air conditioning failed in several tents at the hottest time and the units were replaced within two hours."],
    ["تم وضع لوحات إرشادية بلغات الحجاج عند مداخل المخيم.", "Signs in the pilgrims' languages were put up at the camp entrances."],
    ["خُصصت خيمة قرب العيادة للحجاج الذين يحتاجون إلى رعاية خاصة.", "A tent near the clinic was set aside for pilgrims needing special care."],
    ["تم فحص طفايات الحريق ومخارج الطوارئ قبل يوم التروية.", "Fire extinguishers and emergency exits were checked before the Day of Tarwiyah."],
    ["اشتكى بعض الحجاج من بُعد دورات المياه عن خيامهم.", "Some pilgrims complained that the washrooms were far from their tents."],
    ["كانت الفنادق في العزيزية أقرب إلى المشاعر وأنسب لكبار السن.", "The hotels in Al-Aziziyah were closer to the holy sites and better for the elderly."],
    ["سُلّمت مفاتيح الغرف للحجاج في الحافلات قبل الوصول إلى الفندق.", "Room keys were handed to pilgrims on the buses before they reached the hotel."],
  ],
  health: [
    ["ننصح الحجاج بشرب الماء كل نصف ساعة حتى لو لم يشعروا بالعطش.", "We advise pilgrims to drink water every half hour even when they are not thirsty."],
    ["تم تجهيز حقائب الإسعافات الأولية في كل حافلة وكل خيمة.", "First-aid kits were placed on every bus and in every tent."],
    ["ظهرت معظم حالات ضربات الشمس بين الحجاج الذين ساروا إلى الجمرات وقت الظهيرة.", "Most heat-stroke cases were among pilgrims who walked to the Jamarat at midday."],
    ["يجب نقل الحاج المصاب بضربة شمس إلى مكان مظلل وتبريد جسمه فورًا.", "A pilgrim with heat stroke must be moved into the shade and cooled down at once."],
    ["وزعنا المظلات والمراوح اليدوية على كبار السن قبل الخروج إلى عرفات.", "We handed out umbrellas and hand fans to elderly pilgrims before leaving for Arafat."],
    ["احتفظ الفريق الطبي بسجل لكل حاج مصاب بالسكري أو ارتفاع ضغط الدم.", "The medical team kept a record of every pilgrim with diabetes or high blood pressure."],
    ["كانت سيارات الإسعاف تتمركز عند مداخل المخيمات طوال يوم عرفة.", "Ambulances were stationed at the camp entrances throughout the Day of Arafah."],
    ["تبيّن أن كثيرًا من الحجاج لا يحملون أدويتهم المعتادة معهم.", "Many pilgrims turned out not to carry their usual medicines with them."],
    ["أسهمت مراوح الرذاذ في خفض درجة الحرارة في الممرات.", "Misting fans helped lower the temperature along the walkways."],
    ["يحتاج الحجاج المسنون إلى متابعة يومية لضغط الدم ومستوى السكر.", "Elderly pilgrims need daily checks of blood pressure and blood sugar."],
    ["تلقّى المرشدون تدريبًا على الإسعافات الأولية والإنعاش القلبي الرئوي.", "The guides were trained in first aid and CPR."],
    ["سُجلت {n} حالة إجهاد حراري عولجت كلها في عيادة المخيم.", "{n} cases of heat exhaustion were recorded, all treated at the camp clinic."],
  ],
  crowd_management: [
    ["التزام الحجاج بمواعيد رمي الجمرات المحددة لكل بعثة خفّف الازدحام كثيرًا.", "Pilgrims keeping to each mission's stoning times eased the crowding a great deal."],
    ["وُضع متطوعون عند كل تقاطع لتوجيه الحجاج إلى مخيماتهم.", "Volunteers stood at each junction to direct pilgrims to their camps."],
    ["حمل كل قائد فوج راية بلون مميز يسهل على الحجاج متابعتها.", "Each group leader carried a flag of a distinct colour for pilgrims to follow."],
    ["تم الإبلاغ عن {n} حالة تيه أعيد أصحابها إلى مخيماتهم.", "{n} lost pilgrims were reported and taken back to their camps."],
    ["نوصي بتقسيم الحجاج إلى مجموعات صغيرة لا تزيد على خمسين حاجًا لكل مرشد.", "We recommend small groups of no more than fifty pilgrims per guide."],
    ["كانت الكثافة على جسر الجمرات في أعلى مستوياتها صباح يوم النحر.", "Density on the Jamarat Bridge peaked on the morning of the Day of Sacrifice."],
    ["ساعدت الكاميرات في رصد التكدس عند مداخل الأنفاق.", "Cameras helped spot crowding at the tunnel entrances."],
    ["خُصص مسار منفصل لمستخدمي الكراسي المتحركة.", "A separate lane was set aside for wheelchair users."],
  ],
  training: [
    ["درّبنا {n} متطوعًا على الإسعافات الأولية قبل بدء الموسم.", "We trained {n} volunteers in first aid before the season started."],
    ["شمل البرنامج التدريبي محاكاة لإخلاء مخيم في حالة حريق.", "The training programme included a simulated camp evacuation in case of fire."],
    ["لاحظ المدربون أن المتطوعين المدرَّبين كانوا أسرع في التعامل مع الحالات الطارئة.", "Trainers noted that trained volunteers handled emergencies faster."],
    ["استمرت الدورة ثلاثة أيام وتضمنت تمارين ميدانية في منى.", "The course lasted three days and included field exercises in Mina."],
    ["يجب تدريب منسوبي مقدمي الخدمات على التعامل مع الحجاج من مختلف الثقافات.", "Service-provider staff should be trained to deal with pilgrims from many cultures."],
    ["قُدّمت ورش عمل عن مهارات الاتصال وخدمة ضيوف الرحمن.", "Workshops covered communication skills and serving the guests of God."],
    ["أعددنا دليلًا مختصرًا للمرشد الميداني يشمل أرقام الطوارئ والمسارات.", "We prepared a short handbook for field guides with emergency numbers and routes."],
    ["اجتاز {pct}٪ من المتدربين الاختبار النهائي من المحاولة الأولى.", "{pct}% of the trainees passed the final test at the first attempt."],
    ["تدرّب قادة الأفواج على استخدام تطبيق نسك ومساعدة الحجاج في تفعيل بطاقاتهم.", "Group leaders were trained to use the Nusuk app and help pilgrims activate their cards."],
  ],
  communication: [
    ["ترجمنا الإرشادات الصحية إلى {lang} و{lang2}.", "We translated the health guidance into {lang} and {lang2}."],
    ["أرسلنا رسائل نصية يومية بمواعيد التفويج وأرقام الحافلات.", "We sent daily text messages with dispatch times and bus numbers."],
    ["استعان الفريق بمترجمين يتحدثون {lang} في نقاط الاستقبال.", "The team brought in interpreters who speak {lang} at the reception points."],
    ["كانت الرسائل الصوتية أوضح لكبار السن من الرسائل المكتوبة.", "Voice messages were clearer for the elderly than written ones."],
    ["وُزعت مطويات مصورة تشرح مناسك الحج خطوة بخطوة.", "Illustrated leaflets explaining the Hajj rites step by step were handed out."],
    ["أنشأنا رقمًا موحدًا للبلاغات يعمل على مدار الساعة.", "We set up a single hotline for reports, open around the clock."],
    ["كثير من الحجاج لا يقرؤون العربية ولا الإنجليزية، فاعتمدنا على الرموز والصور.", "Many pilgrims read neither Arabic nor English, so we relied on symbols and pictures."],
    ["نُشرت التعليمات عبر مجموعات التواصل الخاصة بقادة الأفواج.", "Instructions went out through the group leaders' messaging groups."],
  ],
  catering: [
    ["قُدمت ثلاث وجبات يوميًا إضافة إلى وجبة خفيفة في عرفات.", "Three meals a day were served, plus a snack at Arafat."],
    ["تم فحص درجات حرارة الثلاجات في المطابخ مرتين يوميًا.", "Fridge temperatures in the kitchens were checked twice a day."],
    ["راعت قوائم الطعام عادات الحجاج الغذائية في بلدانهم.", "The menus took account of the pilgrims' home food habits."],
    ["خُصصت وجبات قليلة السكر والملح لمرضى السكري والضغط.", "Low-sugar, low-salt meals were set aside for diabetic and hypertensive pilgrims."],
    ["تأخر توزيع الوجبات في مزدلفة بسبب صعوبة وصول شاحنات الإعاشة.", "Meals at Muzdalifah were late because the catering trucks could not get through."],
    ["وُزعت عبوات المياه المبردة مع كل وجبة.", "Bottles of chilled water came with every meal."],
    ["ألزمنا متعهد الإعاشة بتقديم شهادات صحية لجميع العاملين.", "We required the caterer to provide health certificates for all staff."],
  ],
  technology: [
    ["تم تفعيل بطاقات نسك لجميع الحجاج قبل مغادرتهم إلى منى.", "Nusuk cards were activated for all pilgrims before they left for Mina."],
    ["واجه بعض الحجاج صعوبة في استخدام تطبيق نسك فخصصنا فريقًا للمساعدة.", "Some pilgrims struggled with the Nusuk app, so we set up a help team."],
    ["ساعدت بطاقة نسك في التحقق من هوية الحاج عند دخول المشاعر.", "The Nusuk card helped check pilgrims' identity at the entrances to the holy sites."],
    ["أتاح نظام تتبع الحافلات معرفة موقع كل حافلة لحظة بلحظة.", "The bus tracking system showed where every bus was in real time."],
    ["استُخدمت رموز الاستجابة السريعة على الأمتعة لتسريع تسليمها.", "QR codes on the luggage sped up its delivery."],
    ["حدّثنا بيانات الحجاج في المنصة قبل الموسم بشهر.", "We updated pilgrim records on the platform a month before the season."],
    ["انقطعت شبكة الاتصالات في عرفات لفترة قصيرة فاعتمدنا على أجهزة اللاسلكي.", "The mobile network went down briefly at Arafat, so we relied on radios."],
  ],
  other: [
    ["خُصص لكل عشرة من كبار السن مرافق يتحدث لغتهم.", "Every ten elderly pilgrims had a companion who speaks their language."],
    ["وفّرنا {n} كرسيًا متحركًا في المخيمات وعند محطات القطار.", "We provided {n} wheelchairs in the camps and at the train stations."],
    ["فُقدت بعض الحقائب بسبب تشابه الملصقات، فاعتمدنا ملصقات بألوان البعثة.", "Some bags went missing because the labels looked alike, so we switched to labels in the mission's colours."],
    ["يحتاج الحجاج من ذوي الإعاقة إلى خطة نقل خاصة بين المشاعر.", "Pilgrims with disabilities need their own transport plan between the holy sites."],
    ["نسّقنا مع الجهات الأمنية لتسهيل مرور حافلات كبار السن.", "We coordinated with the security agencies to let the buses of elderly pilgrims through."],
    ["أُعيدت الأمتعة المفقودة إلى أصحابها خلال يومين في الغالب.", "Lost luggage was mostly returned to its owners within two days."],
  ],
};

/** Sentences any entry may contain. */
const GENERAL: Pair[] = [
  ["الحمد لله، انتهى الموسم دون حوادث كبيرة.", "Thank God, the season ended without any major incidents."],
  ["شارك في إعداد هذه الورقة فريق البعثة في مكة والمدينة.", "The mission's team in Makkah and Madinah contributed to this paper."],
  ["نأمل أن تفيد هذه التجربة البعثات الأخرى في المواسم القادمة.", "We hope this experience helps other missions in the coming seasons."],
  ["كان التنسيق مع وزارة الحج والعمرة ممتازًا طوال الموسم.", "Coordination with the Ministry of Hajj and Umrah was excellent all season."],
  ["رُفع تقرير يومي إلى رئيس البعثة بأعداد الحجاج وحالاتهم.", "A daily report on pilgrim numbers and conditions went to the head of the mission."],
  ["يبقى رضا ضيوف الرحمن وسلامتهم هو الهدف الأول.", "The safety and satisfaction of the guests of God remain the first goal."],
  ["استفدنا من ملاحظات الحجاج في استبانة ما بعد الموسم.", "We drew on pilgrims' comments in the post-season survey."],
  ["عُقد اجتماع تقييمي بعد أيام التشريق لمراجعة ما تحقق.", "An evaluation meeting was held after the days of Tashreeq to review the results."],
  ["وزّعنا على كل حاج حقيبة فيها مظلة وقارورة ماء وبطاقة بأرقام الطوارئ.", "Every pilgrim got a bag with an umbrella, a water bottle and a card of emergency numbers."],
];

/** A sentence few entries contain (the "rare word" of the benchmark: الكلوي). */
const RARE: Pair = ["ويحتاج مرضى الغسيل الكلوي إلى جدول خاص لمواعيد جلساتهم في مكة وأيام المشاعر.", "Dialysis patients need a special schedule for their sessions in Makkah and on the days at the holy sites."];
export const RARE_SHARE = 0.004;

const INTROS: Record<LibraryKind, Pair[]> = {
  practice: [
    ["تعرض هذه الورقة ممارسة اتبعناها في {task} {place} خلال موسم حج {year}هـ.", "This paper sets out a practice we followed for {task} {place} in the {year} AH Hajj season."],
    ["نصف فيما يلي طريقتنا في {task}، وقد أثبتت نجاحها {time}.", "Below we describe how we handle {task}; it proved itself {time}."],
  ],
  lesson: [
    ["نلخص هنا الدروس التي خرجنا بها من {task} {time}.", "Here we sum up what we learned from {task} {time}."],
    ["لم يسر {task} كما خططنا له في موسم حج {year}هـ، وهذه أبرز الأسباب.", "{Task} did not go as planned in the {year} AH season; these are the main reasons."],
  ],
  experience: [
    ["نشارككم تجربة {org} في {task} خلال موسم حج {year}هـ.", "We share {org}'s experience of {task} in the {year} AH Hajj season."],
    ["هذه تجربتنا في {task} {place}، كما عاشها فريقنا الميداني.", "This is our experience of {task} {place}, as our field team lived it."],
  ],
};

const TITLES: Record<LibraryKind, Pair[]> = {
  practice: [
    ["أفضل الممارسات في {task}", "Best practices for {task}"], ["دليل عملي ل{task}", "A practical guide to {task}"],
    ["إجراءات مقترحة ل{task} {place}", "Proposed procedures for {task} {place}"], ["خطوات {task} {place}", "Steps for {task} {place}"],
  ],
  lesson: [
    ["دروس مستفادة من {task} {time}", "Lessons learned from {task} {time}"], ["ما تعلمناه من {task}", "What we learned from {task}"],
    ["أخطاء شائعة في {task}", "Common mistakes in {task}"],
  ],
  experience: [
    ["تجربة {org} في {task}", "{Org}'s experience of {task}"], ["تجربتنا في {task} {place}", "Our experience of {task} {place}"],
    ["من الميدان: {task}", "From the field: {task}"],
  ],
};

const RECOMMENDATIONS: Pair[] = [
  ["البدء ب{task} مبكرًا.", "Start {task} early."],
  ["تخصيص فريق ل{task} {place}.", "Assign a team to {task} {place}."],
  ["تدريب {actor} على {task}.", "Train {actor} in {task}."],
  ["متابعة {task} يوميًا مع {actor}.", "Follow up {task} daily with {actor}."],
  ["توفير المياه الباردة والمظلات {place}.", "Provide cold water and shade {place}."],
  ["إشراك {actor} في التخطيط ل{task}.", "Involve {actor} in planning {task}."],
];

/** Tags: [Arabic, English]; an entry's tags are in its language (either, when bilingual). */
const TAGS: Record<LibraryCategory | "any", Pair[]> = {
  transport: [["النقل", "transport"], ["الحافلات", "buses"], ["قطار المشاعر", "Mashaer train"], ["التفويج", "dispatching"], ["النفرة", "Nafrah"]],
  housing: [["الإسكان", "housing"], ["الخيام", "tents"], ["التكييف", "air conditioning"], ["الفنادق", "hotels"]],
  health: [["الصحة", "health"], ["الإجهاد الحراري", "heat stress"], ["ضربات الشمس", "heat stroke"], ["الترطيب", "hydration"], ["الإسعافات الأولية", "first aid"]],
  crowd_management: [["الحشود", "crowds"], ["الجمرات", "Jamarat"], ["السلامة", "safety"], ["التائهون", "lost pilgrims"]],
  training: [["التدريب", "training"], ["التطوع", "volunteering"], ["المرشدون", "guides"], ["مقدمو الخدمات", "service providers"]],
  communication: [["الاتصال", "communication"], ["الترجمة", "interpreting"], ["التوعية", "awareness"], ["اللغات", "languages"]],
  catering: [["الإعاشة", "catering"], ["سلامة الغذاء", "food safety"], ["الوجبات", "meals"]],
  technology: [["نسك", "Nusuk"], ["بطاقة نسك", "Nusuk card"], ["التقنية", "technology"], ["التتبع", "tracking"]],
  other: [["الأمتعة", "luggage"], ["الكراسي المتحركة", "wheelchairs"], ["ذوو الإعاقة", "disabilities"]],
  any: [["منى", "Mina"], ["عرفات", "Arafat"], ["مزدلفة", "Muzdalifah"], ["كبار السن", "elderly"], ["المشاعر", "holy sites"], ["موسم الحج", "Hajj season"]],
};

/** Some writers add diacritics to common words. */
const DIACRITICS: Array<[RegExp, string]> = [
  [/الحجاج/g, "الحُجّاج"], [/(^|\s)تم /g, "$1تمّ "], [/المشاعر/g, "المَشاعر"], [/عرفة/g, "عَرَفة"], [/(^|\s)الحج(\s|$)/g, "$1الحجّ$2"],
  [/مكة/g, "مكّة"], [/الخيام/g, "الخِيام"], [/منى/g, "مِنى"], [/ضيوف الرحمن/g, "ضيوف الرحمٰن"],
];

// ---------------------------------------------------------------- composition

const CATEGORY_WEIGHTS: ReadonlyArray<readonly [LibraryCategory, number]> = [
  ["transport", 15], ["housing", 10], ["health", 18], ["crowd_management", 10], ["training", 14], ["communication", 10], ["catering", 8], ["technology", 8], ["other", 7],
];
const KIND_WEIGHTS: ReadonlyArray<readonly [LibraryKind, number]> = [["practice", 45], ["lesson", 30], ["experience", 25]];
const LANGUAGE_WEIGHTS = [["ar", 60], ["en", 30], ["both", 10]] as const;
const VISIBILITY_WEIGHTS: ReadonlyArray<readonly [Visibility, number]> = [["private", 15], ["group", 20], ["members", 45], ["public", 20]];
/** Who writes: the Ministry and the missions most, the GCC missions above all. */
const AUTHOR_WEIGHTS: Record<string, number> = { ministry: 12, secretariat: 3, oic_institution: 1.5, service_provider: 4, hajj_mission: 2 };
const GCC_MISSION_WEIGHT = 6;
const SEASON_WEIGHTS: Record<string, number> = { "1444": 20, "1445": 25, "1446": 30, "1447": 30, "1448": 15 };

const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const between = (r: Rand, min: number, max: number) => min + Math.floor(r() * (max - min + 1));

interface Writer {
  r: Rand;
  category: LibraryCategory;
  year: string;
  org: Pair;
  /** Arabic-Indic digits in the Arabic text. */
  indic: boolean;
}

function numberPair(w: Writer, n: number, grouped = false): Pair {
  const latin = String(n);
  return [w.indic ? arabicDigits(latin) : latin, grouped ? latin.replace(/\B(?=(\d{3})+$)/g, ",") : latin];
}

function slot(w: Writer, name: string): Pair {
  const { r } = w;
  switch (name) {
    case "task": return pick(r, TASKS[r() < 0.75 ? w.category : pick(r, LIBRARY_CATEGORIES)]);
    case "place": return pick(r, PLACES);
    case "time": return pick(r, TIMES);
    case "actor": return pick(r, ACTORS);
    case "outcome": return pick(r, OUTCOMES);
    case "reason": return pick(r, REASONS);
    case "lang": return pick(r, LANGUAGES);
    case "brand": return pick(r, BRANDS);
    case "org": return w.org;
    case "year": return numberPair(w, Number(w.year));
    case "n": return numberPair(w, between(r, 11, 99));
    case "pct": return numberPair(w, between(r, 10, 60));
    case "temp": return numberPair(w, between(r, 44, 50));
    case "hours": return numberPair(w, between(r, 3, 10));
    case "big": return numberPair(w, between(r, 12, 480) * 100, true);
    case "camp": return numberPair(w, between(r, 1, 240));
    case "block": return numberPair(w, between(r, 1, 60));
    case "station": return numberPair(w, between(r, 1, 3));
    case "bus": return numberPair(w, between(r, 1, 900));
    default: throw new Error(`no slot {${name}}`);
  }
}

type Part = string | { index: number; capital: boolean };
interface Compiled {
  ar: Part[];
  en: Part[];
  /** The bank of each distinct slot, in order of first appearance (Arabic first). */
  slots: string[];
}
const compiled = new WeakMap<Pair, Compiled | null>();

/** Split a template into text and slot references once (null: no slots). */
function compile(template: Pair): Compiled | null {
  if (compiled.has(template)) return compiled.get(template)!;
  const keys: string[] = [];
  const split = (text: string): Part[] => {
    const parts: Part[] = [];
    let last = 0;
    for (const m of text.matchAll(/\{(\w+)\}/g)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      const key = m[1].toLowerCase();
      if (!keys.includes(key)) keys.push(key);
      parts.push({ index: keys.indexOf(key), capital: m[1][0] !== key[0] });
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  };
  const result = { ar: split(template[0]), en: split(template[1]), slots: keys.map((k) => k.replace(/\d+$/, "")) };
  const value = keys.length > 0 ? result : null;
  compiled.set(template, value);
  return value;
}

/** Fill a template's slots (the same value in both languages; slots may nest). */
function expand(w: Writer, template: Pair): Pair {
  if (!template[0].includes("{") && !template[1].includes("{")) return template;
  const c = compile(template);
  if (!c) return template;
  const values = c.slots.map((bank) => expand(w, slot(w, bank)));
  let ar = "";
  for (const p of c.ar) ar += typeof p === "string" ? p : values[p.index][0];
  let en = "";
  for (const p of c.en) en += typeof p === "string" ? p : p.capital ? capitalise(values[p.index][1]) : values[p.index][1];
  return [ar, en];
}

/** ل before the article merges with it: ل + التدريب → للتدريب. */
const mergeLam = (ar: string) => ar.replace(/(^|[\s(>])(و?)لال/g, "$1$2لل");

function wordCount(s: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = s.charCodeAt(i) <= 32;
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/** A writer's Arabic spelling habits, applied to everything they write. */
function arabicHand(r: Rand): (s: string) => string {
  const dropsHamza = r() < 0.3;
  const loose = r() < 0.1;
  const vowels = r() < 0.15;
  const tatweel = r() < 0.02;
  return (s) => {
    let t = s;
    // Hamza on alef dropped at the start of words, after any prefix (اسعاف for إسعاف, الاولية for الأولية).
    if (dropsHamza) t = t.replace(/(^|[^\u0621-\u064A])([وفبلك]?(?:ال|لل)?)[أإ]/g, (m, before: string, prefix: string) => (r() < 0.7 ? `${before}${prefix}ا` : m));
    if (loose) t = t.replace(/ة(?=[\s.،:]|$)/g, (m) => (r() < 0.2 ? "ه" : m)).replace(/ى(?=[\s.،:]|$)/g, (m) => (r() < 0.3 ? "ي" : m));
    if (vowels) for (const [re, to] of DIACRITICS) if (r() < 0.5) t = t.replace(re, to);
    if (tatweel) t = t.replace(/الحج(?=[\s.،]|$)/g, "الحـــج");
    return t;
  };
}

interface Body {
  ar: string;
  en: string;
  words: number;
}

/** Paragraphs of sentences (and sometimes a list of recommendations) until `target` words of the `primary` language. */
function composeBody(w: Writer, kind: LibraryKind, primary: 0 | 1, target: number): Body {
  const { r } = w;
  const sentence = (): Pair => {
    const x = r();
    if (x < 0.45) return expand(w, pick(r, SENTENCES[r() < 0.85 ? w.category : pick(r, LIBRARY_CATEGORIES)]));
    if (x < 0.9) return expand(w, pick(r, TEMPLATES));
    return pick(r, GENERAL);
  };
  const ar: string[] = [];
  const en: string[] = [];
  let words = 0;
  let paragraph: Pair[] = [];
  const addSentence = (p: Pair) => {
    paragraph.push(p);
    words += wordCount(p[primary]);
  };
  const flush = () => {
    if (paragraph.length === 0) return;
    ar.push(`<p>${paragraph.map((p) => p[0]).join(" ")}</p>`);
    en.push(`<p>${paragraph.map((p) => p[1]).join(" ")}</p>`);
    paragraph = [];
  };
  addSentence(expand(w, pick(r, INTROS[kind])));
  let listed = false;
  let size = 2 + Math.floor(r() * 4);
  while (words < target) {
    if (!listed && words > target * 0.6 && r() < 0.4) {
      flush();
      listed = true;
      const items = Array.from({ length: 3 + Math.floor(r() * 3) }, () => expand(w, pick(r, RECOMMENDATIONS)));
      ar.push(`<h3>التوصيات</h3><ul>${items.map((i) => `<li>${i[0]}</li>`).join("")}</ul>`);
      en.push(`<h3>Recommendations</h3><ul>${items.map((i) => `<li>${i[1]}</li>`).join("")}</ul>`);
      words += 1 + items.reduce((n, i) => n + wordCount(i[primary]), 0);
      continue;
    }
    addSentence(sentence());
    if (paragraph.length >= size) {
      flush();
      size = 2 + Math.floor(r() * 4);
    }
  }
  if (r() < RARE_SHARE) addSentence(RARE);
  flush();
  return { ar: mergeLam(ar.join("\n")), en: en.join("\n"), words };
}

// ---------------------------------------------------------------- entries

export const ENTRY_COLUMNS = "id, organisation_id, author_id, kind, language, title_ar, title_en, body_ar, body_en, category, season_id, event_id, visibility, share_group_id, version, useful_count, comment_count, updated_by, archived_at, created_at, updated_at";
export const VERSION_COLUMNS = "id, entry_id, version, kind, language, title_ar, title_en, body_ar, body_en, category, tags, edited_by, edited_at";

export interface LibraryOptions {
  entries: number;
  seed?: number;
  /** Entries per transaction (default 5,000). */
  chunk?: number;
}

export interface LibraryResult {
  /** Ids of the entries written, archived ones included, in generation order. */
  ids: string[];
  counts: { entries: number; archived: number; tags: number; ar: number; en: number; both: number; words: number };
  ms: number;
}

const DAY = 86_400_000;

/** The entries of one chunk, built in memory. */
function* entryChunks(dir: Directory, options: LibraryOptions, counts: LibraryResult["counts"]): Generator<{ tables: TableRows[]; ids: string[] }> {
  const r = rng(options.seed ?? 1448);
  const chunk = options.chunk ?? 5000;
  const now = Date.now();
  const gcc = new Set(dir.groups.get("gcc-hajj-offices")?.members ?? []);
  const arab = (country: string | null) => !country || !CULTURE_OF_COUNTRY[country];
  const authorWeight = (o: Directory["orgs"][number]) => (o.kind === "hajj_mission" && gcc.has(o.id) ? GCC_MISSION_WEIGHT : (AUTHOR_WEIGHTS[o.kind] ?? 1));
  // Arabic entries come mostly from Arab organisations, English ones from the others.
  const authors = {
    ar: dir.orgs.map((o) => [o, authorWeight(o) * (arab(o.country) ? 4 : 1)] as const),
    en: dir.orgs.map((o) => [o, authorWeight(o) * (arab(o.country) ? 1 : 4)] as const),
    both: dir.orgs.map((o) => [o, authorWeight(o)] as const),
  };
  const usersOf = new Map<string, string[]>();
  for (const u of dir.users) usersOf.set(u.organisationId, [...(usersOf.get(u.organisationId) ?? []), u.id]);
  const seasons = SEASONS.filter(([year]) => dir.seasons.has(String(year))).map(([year, startsOn, endsOn]) => {
    const start = Date.parse(`${startsOn}T00:00:00Z`);
    return { code: String(year), id: dir.seasons.get(String(year))!, start, days: Math.max(1, Math.floor((Math.min(Date.parse(`${endsOn}T00:00:00Z`), now - DAY) - start) / DAY)) };
  }).filter((s) => s.start < now - DAY);
  if (seasons.length === 0) throw new Error("no past season in the database (seed the demo data first)");
  const seasonChoices = seasons.map((s) => [s, SEASON_WEIGHTS[s.code] ?? 10] as const);

  let made = 0;
  while (made < options.entries) {
    const entries = tableRows("library_entries", ENTRY_COLUMNS);
    const tags = tableRows("library_entry_tags", "entry_id, tag");
    const versions = tableRows("library_entry_versions", VERSION_COLUMNS);
    const ids: string[] = [];
    const end = Math.min(options.entries, made + chunk);
    for (; made < end; made++) {
      const language = weighted(r, LANGUAGE_WEIGHTS);
      counts[language]++;
      const org = weighted(r, authors[language]);
      const category = weighted(r, CATEGORY_WEIGHTS);
      const kind = weighted(r, KIND_WEIGHTS);
      const season = r() < 0.9 ? weighted(r, seasonChoices) : null;
      const year = season?.code ?? weighted(r, seasonChoices).code;
      const w: Writer = { r, category, year, org: [org.nameAr, org.nameEn], indic: r() < 0.5 };
      const hand = arabicHand(r);
      const primary = language === "en" ? 1 : 0;
      const expanded = expand(w, pick(r, TITLES[kind]));
      let title: [string, string] = [mergeLam(expanded[0]), expanded[1]];
      if (r() < 0.3) title = [`${title[0]} - موسم حج ${w.indic ? arabicDigits(year) : year}هـ`, `${title[1]} (${year} AH season)`];
      const body = composeBody(w, kind, primary, between(r, 150, 600));
      counts.words += body.words;
      const hasAr = language !== "en";
      const hasEn = language !== "ar";
      const titleAr = hasAr ? hand(title[0]) : null;
      const bodyAr = hasAr ? hand(body.ar) : null;
      const entryTags = new Set<string>();
      const tagCount = Math.floor(r() * 6);
      for (let t = 0; t < tagCount; t++) {
        const tag = pick(r, r() < 0.7 ? TAGS[category] : TAGS.any);
        const ar = language === "ar" || (language === "both" && r() < 0.5);
        entryTags.add(ar ? tag[0] : tag[1]);
      }
      let visibility = weighted(r, VISIBILITY_WEIGHTS);
      const shareGroup = visibility === "group" ? dir.shareGroupOf(org.id) : null;
      if (visibility === "group" && !shareGroup) visibility = "members";
      const writers = usersOf.get(org.id);
      const author = writers && r() < 0.8 ? pick(r, writers) : null;
      const s = season ?? weighted(r, seasonChoices);
      const created = s.start + Math.floor(r() * s.days * DAY);
      const updated = Math.min(now - 60_000, created + (r() < 0.3 ? Math.floor(r() * 30 * DAY) : 0));
      const archived = r() < 0.01;
      const id = uuid(r);
      const createdAt = new Date(created).toISOString();
      const updatedAt = new Date(updated).toISOString();
      const entryLanguage = language === "both" ? (r() < 0.7 ? "ar" : "en") : language;
      push(entries, {
        id, organisation_id: org.id, author_id: author, kind, language: entryLanguage,
        title_ar: titleAr, title_en: hasEn ? title[1] : null, body_ar: bodyAr, body_en: hasEn ? body.en : null,
        category, season_id: season?.id ?? null, event_id: null, visibility, share_group_id: shareGroup, version: 1,
        useful_count: 0, comment_count: 0, updated_by: author, archived_at: archived ? updatedAt : null, created_at: createdAt, updated_at: updatedAt,
      });
      for (const tag of entryTags) push(tags, { entry_id: id, tag });
      push(versions, {
        id: uuid(r), entry_id: id, version: 1, kind, language: entryLanguage, title_ar: titleAr, title_en: hasEn ? title[1] : null,
        body_ar: bodyAr, body_en: hasEn ? body.en : null, category, tags: JSON.stringify([...entryTags]), edited_by: author, edited_at: createdAt,
      });
      counts.tags += entryTags.size;
      if (archived) counts.archived++;
      ids.push(id);
    }
    yield { tables: [entries, tags, versions], ids };
  }
  counts.entries = made;
}

/**
 * Add `options.entries` library entries (with tags and version 1) to the database read into
 * `dir`: SQLite through `raw`, PostgreSQL through `postgresUrl` — one transaction per chunk.
 */
export async function generateLibrary(target: { raw: SqliteDatabase.Database } | { postgresUrl: string }, dir: Directory, options: LibraryOptions, progress?: (done: number) => void): Promise<LibraryResult> {
  const started = performance.now();
  const counts = { entries: 0, archived: 0, tags: 0, ar: 0, en: 0, both: 0, words: 0 };
  const ids: string[] = [];
  for (const { tables, ids: chunkIds } of entryChunks(dir, options, counts)) {
    if ("raw" in target) writeSqlite(target.raw, tables);
    else await writePostgres(target.postgresUrl, tables);
    ids.push(...chunkIds);
    progress?.(ids.length);
  }
  return { ids, counts, ms: performance.now() - started };
}

/** The entries only, in memory (no database), for tests and inspection. */
export function sampleEntries(dir: Directory, options: LibraryOptions): TableRows[] {
  const counts = { entries: 0, archived: 0, tags: 0, ar: 0, en: 0, both: 0, words: 0 };
  const out: TableRows[] = [];
  for (const { tables } of entryChunks(dir, options, counts)) out.push(...tables);
  return out;
}
