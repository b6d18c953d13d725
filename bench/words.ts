/**
 * Word lists for the benchmark data generator: [Arabic, English] pairs, so a
 * generated record reads naturally in both languages (and is found by
 * searches in either). Names are common given names and family names of the
 * regions the missions come from; companies and titles are invented.
 */

export type Pair = readonly [ar: string, en: string];

/** A naming tradition: how a person's full name is composed. */
export interface Culture {
  male: readonly Pair[];
  female: readonly Pair[];
  /** Father's names (Arab tradition: given name + father's name + family name). */
  fathers?: readonly Pair[];
  family: readonly Pair[];
  /** Share of records whose preferred language is Arabic. */
  arabic: number;
}

const ARAB_MALE: Pair[] = [
  ["محمد", "Mohammed"], ["أحمد", "Ahmed"], ["عبدالله", "Abdullah"], ["عبدالرحمن", "Abdulrahman"], ["عبدالعزيز", "Abdulaziz"],
  ["خالد", "Khalid"], ["فهد", "Fahd"], ["سعود", "Saud"], ["سلطان", "Sultan"], ["عمر", "Omar"], ["علي", "Ali"],
  ["يوسف", "Yousef"], ["إبراهيم", "Ibrahim"], ["حسن", "Hassan"], ["حسين", "Hussein"], ["ماجد", "Majed"], ["نايف", "Naif"],
  ["تركي", "Turki"], ["فيصل", "Faisal"], ["بندر", "Bandar"], ["سلمان", "Salman"], ["مشاري", "Mishari"], ["جاسم", "Jassim"],
  ["حمد", "Hamad"], ["راشد", "Rashid"], ["سالم", "Salem"], ["ناصر", "Nasser"], ["طارق", "Tariq"], ["ياسر", "Yasser"],
  ["هشام", "Hisham"], ["وليد", "Waleed"], ["مصطفى", "Mustafa"], ["عثمان", "Othman"], ["بلال", "Bilal"], ["زياد", "Ziyad"],
  ["عادل", "Adel"], ["منصور", "Mansour"], ["صالح", "Saleh"], ["أنس", "Anas"], ["عبدالكريم", "Abdulkarim"], ["عبدالإله", "Abdulilah"],
  ["مؤيد", "Muayyad"], ["أسامة", "Osama"], ["حمزة", "Hamza"], ["إسماعيل", "Ismail"],
];

const ARAB_FEMALE: Pair[] = [
  ["نورة", "Noura"], ["فاطمة", "Fatimah"], ["عائشة", "Aisha"], ["مريم", "Maryam"], ["سارة", "Sarah"], ["هند", "Hind"],
  ["ريم", "Reem"], ["لطيفة", "Latifa"], ["منى", "Mona"], ["أسماء", "Asma"], ["خديجة", "Khadija"], ["هيفاء", "Haifa"],
  ["دانة", "Dana"], ["شهد", "Shahad"], ["رغد", "Raghad"], ["أمل", "Amal"], ["سلمى", "Salma"], ["ليلى", "Layla"],
  ["زينب", "Zainab"], ["حصة", "Hessa"], ["رقية", "Ruqayya"], ["آمنة", "Amna"], ["جواهر", "Jawaher"], ["ابتسام", "Ibtisam"],
];

const ARAB_FAMILY: Pair[] = [
  ["القحطاني", "Al-Qahtani"], ["الزهراني", "Al-Zahrani"], ["الغامدي", "Al-Ghamdi"], ["العتيبي", "Al-Otaibi"], ["الشمري", "Al-Shammari"],
  ["الدوسري", "Al-Dosari"], ["الحربي", "Al-Harbi"], ["المطيري", "Al-Mutairi"], ["العمري", "Al-Omari"], ["الشريف", "Al-Sharif"],
  ["الكواري", "Al-Kuwari"], ["النعيمي", "Al-Nuaimi"], ["الرشيدان", "Al-Rashidan"], ["المري", "Al-Marri"], ["البلوشي", "Al-Balushi"],
  ["الهاشمي", "Al-Hashemi"], ["الأنصاري", "Al-Ansari"], ["المصري", "Al-Masri"], ["التميمي", "Al-Tamimi"], ["السويدي", "Al-Suwaidi"],
  ["الكعبي", "Al-Kaabi"], ["البنا", "Al-Banna"], ["الخطيب", "Al-Khatib"], ["حداد", "Haddad"], ["العلوي", "Al-Alawi"],
  ["الجبوري", "Al-Jubouri"], ["السعدي", "Al-Saadi"], ["الفاسي", "Al-Fassi"], ["بن سالم", "Ben Salem"], ["المنصوري", "Al-Mansouri"],
  ["الشهري", "Al-Shehri"], ["العنزي", "Al-Anazi"], ["اليامي", "Al-Yami"], ["الصباغ", "Al-Sabbagh"], ["الإدريسي", "Al-Idrissi"],
  ["بوزيد", "Bouzid"], ["الطرابلسي", "Al-Trabelsi"], ["عبدالقادر", "Abdelkader"], ["النجار", "Al-Najjar"], ["الحسيني", "Al-Husseini"],
];

const MALAY_MALE: Pair[] = [
  ["بودي", "Budi"], ["أغوس", "Agus"], ["أحمد", "Ahmad"], ["محمد", "Muhammad"], ["رضوان", "Ridwan"], ["هداية", "Hidayat"],
  ["فجر", "Fajar"], ["عارف", "Arif"], ["إيكو", "Eko"], ["ريزال", "Rizal"], ["فيصل", "Faizal"], ["حافظ", "Hafiz"], ["عزيز", "Aziz"],
];
const MALAY_FEMALE: Pair[] = [
  ["سيتي", "Siti"], ["ديوي", "Dewi"], ["نور", "Nur"], ["فطري", "Fitri"], ["أيو", "Ayu"], ["عائشة", "Aisyah"], ["إندة", "Indah"],
  ["رحمة", "Rahmah"], ["واهيوني", "Wahyuni"], ["نورالعين", "Nurul Ain"],
];
const MALAY_FAMILY: Pair[] = [
  ["رحماواتي", "Rahmawati"], ["سانتوسو", "Santoso"], ["هداية الله", "Hidayatullah"], ["واهيودي", "Wahyudi"], ["سوسانتو", "Susanto"],
  ["كورنياوان", "Kurniawan"], ["سابوترا", "Saputra"], ["بن عبدالله", "bin Abdullah"], ["بنت إسماعيل", "binti Ismail"],
  ["بن يوسف", "bin Yusof"], ["نوغروهو", "Nugroho"], ["سيتياوان", "Setiawan"], ["هاريونو", "Haryono"],
];

const TURKIC_MALE: Pair[] = [
  ["محمد", "Mehmet"], ["أحمد", "Ahmet"], ["مصطفى", "Mustafa"], ["أمين", "Emin"], ["حسن", "Hasan"], ["إبراهيم", "İbrahim"],
  ["يوسف", "Yusuf"], ["عمر", "Ömer"], ["رستم", "Rustam"], ["نور سلطان", "Nursultan"], ["أيدين", "Aydın"], ["بهادر", "Bahodir"],
];
const TURKIC_FEMALE: Pair[] = [
  ["إليف", "Elif"], ["زينب", "Zeynep"], ["عائشة", "Ayşe"], ["فاطمة", "Fatma"], ["مريم", "Meryem"], ["غلنار", "Gulnara"],
  ["ديلنوزا", "Dilnoza"], ["أمينة", "Emine"],
];
const TURKIC_FAMILY: Pair[] = [
  ["يلماز", "Yılmaz"], ["قايا", "Kaya"], ["دمير", "Demir"], ["شاهين", "Şahin"], ["جليك", "Çelik"], ["أرسلان", "Arslan"],
  ["أوزتورك", "Öztürk"], ["علييف", "Aliyev"], ["كريموف", "Karimov"], ["نظربايف", "Nazarbayev"], ["رحيموف", "Rakhimov"], ["دوغان", "Doğan"],
];

const SOUTH_ASIAN_MALE: Pair[] = [
  ["عمران", "Imran"], ["بلال", "Bilal"], ["عثمان", "Usman"], ["فيصل", "Faisal"], ["حمزة", "Hamza"], ["رضا", "Raza"],
  ["عبدالرحيم", "Abdul Rahim"], ["شاهد", "Shahid"], ["طارق", "Tariq"], ["أسد", "Asad"], ["أنور", "Anwar"], ["محب الله", "Mohibullah"],
];
const SOUTH_ASIAN_FEMALE: Pair[] = [
  ["عائشة", "Ayesha"], ["فاطمة", "Fatima"], ["سعدية", "Sadia"], ["نسرين", "Nasreen"], ["رخسانة", "Rukhsana"], ["شازية", "Shazia"],
  ["ثمينة", "Samina"], ["تسنيم", "Tasnim"],
];
const SOUTH_ASIAN_FAMILY: Pair[] = [
  ["قريشي", "Qureshi"], ["خان", "Khan"], ["مالك", "Malik"], ["حسين", "Hussain"], ["شودري", "Chaudhry"], ["رحمن", "Rahman"],
  ["أختر", "Akter"], ["الدين", "Uddin"], ["صديقي", "Siddiqui"], ["أحمدزي", "Ahmadzai"], ["بيغ", "Baig"], ["حيدري", "Haidari"],
];

const WEST_AFRICAN_MALE: Pair[] = [
  ["أبوبكر", "Abubakar"], ["موسى", "Musa"], ["أمينو", "Aminu"], ["مامادو", "Mamadou"], ["إبراهيم", "Ibrahim"], ["عثمان", "Usman"],
  ["شيخ", "Cheikh"], ["سليمان", "Souleymane"], ["عمر", "Oumar"], ["آدم", "Adamu"], ["يحيى", "Yahaya"], ["حامدو", "Hamidou"],
];
const WEST_AFRICAN_FEMALE: Pair[] = [
  ["فاتو", "Fatou"], ["أميناتا", "Aminata"], ["عائشة", "Aishatu"], ["مريم", "Mariam"], ["هاوا", "Hawa"], ["زينب", "Zainab"],
  ["كاديجاتو", "Kadiatou"], ["رقية", "Rukayya"],
];
const WEST_AFRICAN_FAMILY: Pair[] = [
  ["بيلو", "Bello"], ["ديالو", "Diallo"], ["انجاي", "Ndiaye"], ["سو", "Sow"], ["با", "Ba"], ["توري", "Touré"], ["كامارا", "Camara"],
  ["تراوري", "Traoré"], ["سيسي", "Cissé"], ["يوسف", "Yusuf"], ["أبوبكر", "Abubakar"], ["كيتا", "Keïta"], ["جالو", "Jallow"],
];

export const CULTURES = {
  arab: { male: ARAB_MALE, female: ARAB_FEMALE, fathers: ARAB_MALE, family: ARAB_FAMILY, arabic: 0.85 },
  malay: { male: MALAY_MALE, female: MALAY_FEMALE, family: MALAY_FAMILY, arabic: 0.1 },
  turkic: { male: TURKIC_MALE, female: TURKIC_FEMALE, family: TURKIC_FAMILY, arabic: 0.1 },
  southAsian: { male: SOUTH_ASIAN_MALE, female: SOUTH_ASIAN_FEMALE, family: SOUTH_ASIAN_FAMILY, arabic: 0.15 },
  westAfrican: { male: WEST_AFRICAN_MALE, female: WEST_AFRICAN_FEMALE, family: WEST_AFRICAN_FAMILY, arabic: 0.3 },
} satisfies Record<string, Culture>;

export type CultureName = keyof typeof CULTURES;

/** Naming tradition by ISO country code (anything not listed: Arab). */
export const CULTURE_OF_COUNTRY: Record<string, CultureName> = {
  ID: "malay", MY: "malay", BN: "malay", MV: "malay", SR: "malay", GY: "malay",
  TR: "turkic", AZ: "turkic", KZ: "turkic", KG: "turkic", TJ: "turkic", TM: "turkic", UZ: "turkic", AL: "turkic",
  PK: "southAsian", BD: "southAsian", AF: "southAsian", IR: "southAsian",
  NG: "westAfrican", SN: "westAfrican", ML: "westAfrican", NE: "westAfrican", GN: "westAfrican", GM: "westAfrican",
  SL: "westAfrican", CI: "westAfrican", BF: "westAfrican", TG: "westAfrican", BJ: "westAfrican", CM: "westAfrican",
  TD: "westAfrican", GA: "westAfrican", GW: "westAfrican", UG: "westAfrican", MZ: "westAfrican",
};

/** Departments, for position titles: [Arabic (as the second term of an idafa), English]. */
export const DEPARTMENTS: Pair[] = [
  ["شؤون الحجاج", "Pilgrim Affairs"], ["النقل", "Transport"], ["الإسكان", "Housing"], ["الإعاشة", "Catering"],
  ["الخدمات الصحية", "Health Services"], ["التوعية والإرشاد", "Awareness and Guidance"], ["العلاقات العامة", "Public Relations"],
  ["تقنية المعلومات", "Information Technology"], ["الشؤون المالية", "Finance"], ["الموارد البشرية", "Human Resources"],
  ["التدريب", "Training"], ["العمليات الميدانية", "Field Operations"], ["الجودة", "Quality"], ["الاتصال المؤسسي", "Corporate Communication"],
  ["السلامة", "Safety"], ["المشاعر المقدسة", "Holy Sites"], ["الاستقبال والتوديع", "Arrivals and Departures"], ["الترجمة", "Translation"],
];

/** Title templates by position; `{d}` is a department (same index in both languages). */
export const TITLES: Record<"head" | "deputy_head" | "official" | "staff" | "trainer" | "other", Pair[]> = {
  head: [["رئيس البعثة", "Head of Mission"], ["الرئيس التنفيذي", "Chief Executive Officer"], ["المدير العام", "Director-General"]],
  deputy_head: [["نائب رئيس البعثة", "Deputy Head of Mission"], ["نائب الرئيس التنفيذي", "Deputy Chief Executive Officer"], ["نائب المدير العام", "Deputy Director-General"]],
  official: [["مدير إدارة {d}", "Director, {d} Department"], ["رئيس قسم {d}", "Head of {d} Section"], ["منسق {d}", "{d} Coordinator"]],
  staff: [["أخصائي {d}", "{d} Specialist"], ["موظف {d}", "{d} Officer"], ["مشرف ميداني", "Field Supervisor"], ["محلل {d}", "{d} Analyst"]],
  trainer: [["مدرب {d}", "{d} Trainer"], ["ميسّر ورش العمل", "Workshop Facilitator"]],
  other: [["مستشار {d}", "{d} Adviser"], ["متطوع", "Volunteer"], ["مترجم", "Interpreter"]],
};

/** Service-provider brand names. */
export const BRANDS: Pair[] = [
  ["درب الضيوف", "Darb Al-Duyuf"], ["نور المشاعر", "Noor Al-Mashaer"], ["الرحاب", "Al-Rehab"], ["السكينة", "Al-Sakinah"],
  ["بوابة الحرمين", "Bawabat Al-Haramain"], ["ضيوف الرحمن", "Duyuf Al-Rahman"], ["الصفا", "Al-Safa"], ["المروة", "Al-Marwah"],
  ["زمزم", "Zamzam"], ["البيت العتيق", "Al-Bayt Al-Ateeq"], ["منى", "Mina"], ["عرفات", "Arafat"], ["الفرقان", "Al-Furqan"],
  ["الهدى", "Al-Huda"], ["الإحسان", "Al-Ihsan"], ["طيبة", "Taibah"], ["أجياد", "Ajyad"], ["الحجاز", "Al-Hijaz"], ["المنار", "Al-Manar"],
  ["الوفاء", "Al-Wafa"], ["الريادة", "Al-Riyadah"], ["الأمانة", "Al-Amanah"], ["قباء", "Quba"], ["الميقات", "Al-Miqat"],
];

/** What a provider does: [Arabic (with its preposition), English]. */
export const SERVICES: Pair[] = [
  ["لنقل الحجاج", "Pilgrim Transport"], ["للإسكان والضيافة", "Housing and Hospitality"], ["للإعاشة", "Catering"],
  ["للخدمات الميدانية", "Field Services"], ["للخدمات الصحية", "Health Services"], ["للسياحة الدينية", "Religious Tourism"],
  ["لخدمات الحجاج", "Pilgrim Services"], ["للتدريب والتطوير", "Training and Development"], ["للحلول التقنية", "Technology Solutions"],
  ["للحراسات الأمنية", "Security Services"],
];

/** Legal forms: [Arabic, English]. */
export const FORMS: Pair[] = [["شركة", "Company"], ["مؤسسة", "Establishment"], ["مجموعة", "Group"]];

/** Cities where providers have branches. */
export const CITIES: Pair[] = [
  ["مكة المكرمة", "Makkah"], ["المدينة المنورة", "Madinah"], ["جدة", "Jeddah"], ["الطائف", "Taif"], ["ينبع", "Yanbu"], ["الرياض", "Riyadh"],
];
