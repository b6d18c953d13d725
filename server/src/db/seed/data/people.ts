import type { SeedPerson, SeedUser } from "./types.js";

/**
 * Fictional people. Names are invented; what matters is each one's position
 * and organisation (see DOMAIN.md, situations 1 and 2). Emails follow
 * `firstname.lastname@<org code>.rifada.test`.
 */
export const PEOPLE: SeedPerson[] = [
  // — OIC General Secretariat (co-organiser of the Asas and Terhab workshops)
  {
    key: "oic-coordinator",
    organisation: "oic",
    nameAr: "هشام عبدالرحمن الشريف",
    nameEn: "Hisham Abdulrahman Al-Sharif",
    position: "official",
    titleAr: "مدير إدارة التعاون وشؤون الحج",
    titleEn: "Director, Department of Cooperation and Hajj Affairs",
    email: "hisham.alsharif@oic.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    // Spoke for the OIC at the opening session of the workshops.
    key: "oic-representative",
    organisation: "oic",
    nameAr: "ياسر أحمد العمري",
    nameEn: "Yasser Ahmed Al-Omari",
    position: "official",
    titleAr: "الأمين العام المساعد للشؤون الإنسانية والثقافية والاجتماعية",
    titleEn: "Assistant Secretary-General for Humanitarian, Cultural and Social Affairs",
    email: "yasser.alomari@oic.rifada.test",
    preferredLanguage: "ar",
    visibility: "public",
  },

  // — Ministry of Hajj and Umrah
  {
    key: "moh-coordinator",
    organisation: "moh-sa",
    nameAr: "فهد سعود القحطاني",
    nameEn: "Fahd Saud Al-Qahtani",
    position: "official",
    titleAr: "منسق برنامج التعاون مع منظمة التعاون الإسلامي",
    titleEn: "Coordinator, Cooperation Programme with the OIC",
    email: "fahd.alqahtani@moh-sa.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    // Facilitator of the virtual workshops (Asas, Terhab).
    key: "moh-trainer",
    organisation: "moh-sa",
    nameAr: "نورة عبدالله الزهراني",
    nameEn: "Noura Abdullah Al-Zahrani",
    position: "trainer",
    titleAr: "مدربة وميسّرة ورش العمل التوعوية",
    titleEn: "Trainer and facilitator, awareness workshops",
    email: "noura.alzahrani@moh-sa.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },

  // — Kuwait (host and chair of the 1446 GCC meeting)
  {
    key: "kw-head",
    organisation: "hajj-kw",
    nameAr: "مشاري خالد الرشيدان",
    nameEn: "Mishari Khaled Al-Rashidan",
    position: "head",
    titleAr: "رئيس بعثة الحج الكويتية",
    titleEn: "Head of the Kuwaiti Hajj Mission",
    email: "mishari.alrashidan@hajj-kw.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "kw-official",
    organisation: "hajj-kw",
    nameAr: "بدر ناصر المطيري",
    nameEn: "Bader Nasser Al-Mutairi",
    position: "official",
    titleAr: "مسؤول العلاقات والتنسيق مع البعثات",
    titleEn: "Relations and liaison officer with other missions",
    email: "bader.almutairi@hajj-kw.rifada.test",
    preferredLanguage: "ar",
    visibility: "group",
  },

  // — Qatar (delegation to the 1446 GCC meeting led by the deputy head)
  {
    key: "qa-head",
    organisation: "hajj-qa",
    nameAr: "علي حمد المري",
    nameEn: "Ali Hamad Al-Marri",
    position: "head",
    titleAr: "رئيس بعثة الحج القطرية",
    titleEn: "Head of the Qatari Hajj Mission",
    email: "ali.almarri@hajj-qa.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "qa-deputy",
    organisation: "hajj-qa",
    nameAr: "خالد سالم الكواري",
    nameEn: "Khalid Salem Al-Kuwari",
    position: "deputy_head",
    titleAr: "نائب رئيس بعثة الحج القطرية",
    titleEn: "Deputy Head of the Qatari Hajj Mission",
    email: "khalid.alkuwari@hajj-qa.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "qa-official-1",
    organisation: "hajj-qa",
    nameAr: "محمد جاسم النعيمي",
    nameEn: "Mohammed Jassim Al-Nuaimi",
    position: "official",
    titleAr: "مسؤول الشؤون الإدارية",
    titleEn: "Administrative affairs officer",
    email: "mohammed.alnuaimi@hajj-qa.rifada.test",
    preferredLanguage: "ar",
    visibility: "group",
  },
  {
    key: "qa-official-2",
    organisation: "hajj-qa",
    nameAr: "عبدالله راشد السليطي",
    nameEn: "Abdullah Rashid Al-Sulaiti",
    position: "official",
    titleAr: "مسؤول الخدمات الميدانية",
    titleEn: "Field services officer",
    email: "abdullah.alsulaiti@hajj-qa.rifada.test",
    preferredLanguage: "ar",
    visibility: "private",
  },

  // — Other GCC heads
  {
    key: "bh-head",
    organisation: "hajj-bh",
    nameAr: "يوسف إبراهيم الدوسري",
    nameEn: "Yousif Ibrahim Al-Dosari",
    position: "head",
    titleAr: "رئيس بعثة حج مملكة البحرين",
    titleEn: "Head of the Bahrain Hajj Mission",
    email: "yousif.aldosari@hajj-bh.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "om-head",
    organisation: "hajj-om",
    nameAr: "سالم حمود الحارثي",
    nameEn: "Salim Hamood Al-Harthy",
    position: "head",
    titleAr: "رئيس بعثة الحج العُمانية الرسمية",
    titleEn: "Head of the Omani Official Hajj Mission",
    email: "salim.alharthy@hajj-om.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "ae-head",
    organisation: "hajj-ae",
    nameAr: "سعيد راشد الكعبي",
    nameEn: "Saeed Rashid Al-Kaabi",
    position: "head",
    titleAr: "رئيس بعثة الحج الإماراتية",
    titleEn: "Head of the UAE Hajj Mission",
    email: "saeed.alkaabi@hajj-ae.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },
  {
    key: "sa-head",
    organisation: "hajj-sa",
    nameAr: "ماجد عبدالرحمن الحربي",
    nameEn: "Majed Abdulrahman Al-Harbi",
    position: "head",
    titleAr: "مدير مكتب شؤون حجاج الداخل",
    titleEn: "Director of the Office of Domestic Pilgrims' Affairs",
    email: "majed.alharbi@hajj-sa.rifada.test",
    preferredLanguage: "ar",
    visibility: "members",
  },

  // — Indonesia (a non-GCC member state; workshop participants)
  {
    key: "id-head",
    organisation: "hajj-id",
    nameAr: "أحمد فوزي نور الدين",
    nameEn: "Ahmad Fauzi Nurdin",
    position: "head",
    titleAr: "رئيس بعثة الحج الإندونيسية",
    titleEn: "Head of the Indonesian Hajj Mission",
    email: "ahmad.nurdin@hajj-id.rifada.test",
    preferredLanguage: "en",
    visibility: "members",
  },
  {
    key: "id-official",
    organisation: "hajj-id",
    nameAr: "سيتي رحمواتي",
    nameEn: "Siti Rahmawati",
    position: "official",
    titleAr: "مسؤولة خدمات الحجاج",
    titleEn: "Pilgrim services officer",
    email: "siti.rahmawati@hajj-id.rifada.test",
    preferredLanguage: "en",
    visibility: "group",
  },

  // — Service provider (a trainee of the workshops)
  {
    key: "sp-trainee",
    organisation: "sp-field",
    nameAr: "بلال أحمد قريشي",
    nameEn: "Bilal Ahmed Qureshi",
    position: "staff",
    titleAr: "مشرف ميداني لخدمة الحجاج",
    titleEn: "Field supervisor, pilgrim services",
    email: "bilal.qureshi@sp-field.rifada.test",
    preferredLanguage: "en",
    visibility: "group",
  },
];

/**
 * Demo logins (one shared password, set by the seeding code). Users linked to
 * a person use that person's email, except the two coordinator accounts,
 * which keep role addresses and are linked to the coordinating officials.
 */
export const USERS: SeedUser[] = [
  { email: "coordinator@oic.rifada.test", name: "هشام عبدالرحمن الشريف", role: "coordinator", organisation: "oic", person: "oic-coordinator", locale: "ar" },
  { email: "coordinator@moh-sa.rifada.test", name: "فهد سعود القحطاني", role: "coordinator", organisation: "moh-sa", person: "moh-coordinator", locale: "ar" },
  { email: "mishari.alrashidan@hajj-kw.rifada.test", name: "مشاري خالد الرشيدان", role: "org_admin", organisation: "hajj-kw", person: "kw-head", locale: "ar" },
  { email: "khalid.alkuwari@hajj-qa.rifada.test", name: "خالد سالم الكواري", role: "org_admin", organisation: "hajj-qa", person: "qa-deputy", locale: "ar" },
  { email: "mohammed.alnuaimi@hajj-qa.rifada.test", name: "محمد جاسم النعيمي", role: "member", organisation: "hajj-qa", person: "qa-official-1", locale: "ar" },
  { email: "siti.rahmawati@hajj-id.rifada.test", name: "Siti Rahmawati", role: "member", organisation: "hajj-id", person: "id-official", locale: "en" },
  { email: "noura.alzahrani@moh-sa.rifada.test", name: "نورة عبدالله الزهراني", role: "trainer", organisation: "moh-sa", person: "moh-trainer", locale: "ar" },
  { email: "bilal.qureshi@sp-field.rifada.test", name: "Bilal Ahmed Qureshi", role: "participant", organisation: "sp-field", person: "sp-trainee", locale: "en" },
];
