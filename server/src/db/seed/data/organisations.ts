import type { SeedOrganisation } from "./types.js";

/**
 * Demo organisations. The secretariat, the Ministry and the OIC institutions
 * are real bodies; all contact data is fictional (the reserved `.test` TLD).
 * The service providers are fictional companies.
 */

const MAKKAH = { cityAr: "مكة المكرمة", cityEn: "Makkah" } as const;

/** A national Hajj mission / Hajj-affairs office; its office is in Makkah during the season. */
function mission(country: string, nameAr: string, nameEn: string, extra: Partial<SeedOrganisation> = {}): SeedOrganisation {
  const code = `hajj-${country.toLowerCase()}`;
  return {
    code,
    kind: "hajj_mission",
    nameAr,
    nameEn,
    country,
    ...MAKKAH,
    email: `office@${code}.rifada.test`,
    visibility: "members",
    ...extra,
  };
}

export const SECRETARIAT: SeedOrganisation = {
  code: "oic",
  kind: "secretariat",
  nameAr: "الأمانة العامة لمنظمة التعاون الإسلامي",
  nameEn: "General Secretariat of the Organisation of Islamic Cooperation",
  country: "SA",
  cityAr: "جدة",
  cityEn: "Jeddah",
  email: "office@oic.rifada.test",
  website: "https://oic.rifada.test",
  visibility: "public",
};

export const MINISTRY: SeedOrganisation = {
  code: "moh-sa",
  kind: "ministry",
  nameAr: "وزارة الحج والعمرة",
  nameEn: "Ministry of Hajj and Umrah",
  country: "SA",
  ...MAKKAH,
  email: "office@moh-sa.rifada.test",
  website: "https://moh-sa.rifada.test",
  visibility: "public",
};

/** One mission / office per OIC member state, in the order of COUNTRIES. */
export const MISSIONS: SeedOrganisation[] = [
  mission("AF", "بعثة الحج الأفغانية", "Afghan Hajj Mission"),
  mission("AL", "بعثة الحج الألبانية", "Albanian Hajj Mission"),
  mission("DZ", "بعثة الحج الجزائرية", "Algerian Hajj Mission"),
  mission("AZ", "بعثة الحج الأذربيجانية", "Azerbaijani Hajj Mission"),
  mission("BH", "بعثة حج مملكة البحرين", "Bahrain Hajj Mission"),
  mission("BD", "بعثة الحج البنغلاديشية", "Bangladesh Hajj Mission"),
  mission("BJ", "بعثة الحج البنينية", "Beninese Hajj Mission"),
  mission("BN", "بعثة حج بروناي دار السلام", "Brunei Darussalam Hajj Mission"),
  mission("BF", "بعثة حج بوركينا فاسو", "Burkina Faso Hajj Mission"),
  mission("CM", "بعثة الحج الكاميرونية", "Cameroonian Hajj Mission"),
  mission("TD", "بعثة الحج التشادية", "Chadian Hajj Mission"),
  mission("KM", "بعثة حج جزر القمر", "Comorian Hajj Mission"),
  mission("CI", "بعثة الحج الإيفوارية", "Côte d'Ivoire Hajj Mission"),
  mission("DJ", "بعثة الحج الجيبوتية", "Djiboutian Hajj Mission"),
  mission("EG", "بعثة الحج المصرية", "Egyptian Hajj Mission"),
  mission("GA", "بعثة الحج الغابونية", "Gabonese Hajj Mission"),
  mission("GM", "بعثة الحج الغامبية", "Gambian Hajj Mission"),
  mission("GN", "بعثة الحج الغينية", "Guinean Hajj Mission"),
  mission("GW", "بعثة حج غينيا بيساو", "Guinea-Bissau Hajj Mission"),
  mission("GY", "بعثة حج غيانا", "Guyana Hajj Mission"),
  mission("ID", "بعثة الحج الإندونيسية", "Indonesian Hajj Mission"),
  mission("IR", "بعثة الحج الإيرانية", "Iranian Hajj Mission"),
  mission("IQ", "بعثة الحج العراقية", "Iraqi Hajj Mission"),
  mission("JO", "بعثة الحج الأردنية", "Jordanian Hajj Mission"),
  mission("KZ", "بعثة الحج الكازاخستانية", "Kazakhstan Hajj Mission"),
  mission("KW", "بعثة الحج الكويتية", "Kuwaiti Hajj Mission", {
    // Venue of the 1446 GCC meeting (2 June 2025). Fictional street detail.
    addressAr: "مقر بعثة الحج الكويتية، حي العزيزية، مكة المكرمة",
    addressEn: "Kuwaiti Hajj Mission office, Al-Aziziyah district, Makkah",
  }),
  mission("KG", "بعثة الحج القيرغيزية", "Kyrgyz Hajj Mission"),
  mission("LB", "بعثة الحج اللبنانية", "Lebanese Hajj Mission"),
  mission("LY", "بعثة الحج الليبية", "Libyan Hajj Mission"),
  mission("MY", "بعثة الحج الماليزية", "Malaysian Hajj Mission"),
  mission("MV", "بعثة الحج المالديفية", "Maldivian Hajj Mission"),
  // "بعثة الحج المالية" would read as "the financial Hajj mission".
  mission("ML", "بعثة حج جمهورية مالي", "Malian Hajj Mission"),
  mission("MR", "بعثة الحج الموريتانية", "Mauritanian Hajj Mission"),
  mission("MA", "بعثة الحج المغربية", "Moroccan Hajj Mission"),
  mission("MZ", "بعثة حج موزمبيق", "Mozambican Hajj Mission"),
  mission("NE", "بعثة حج النيجر", "Niger Hajj Mission"),
  mission("NG", "بعثة الحج النيجيرية", "Nigerian Hajj Mission"),
  mission("OM", "بعثة الحج العُمانية الرسمية", "Omani Official Hajj Mission"),
  mission("PK", "بعثة الحج الباكستانية", "Pakistan Hajj Mission"),
  mission("PS", "بعثة الحج الفلسطينية", "Palestinian Hajj Mission"),
  mission("QA", "بعثة الحج القطرية", "Qatari Hajj Mission"),
  // The host state has no foreign mission: the Ministry's office for domestic pilgrims stands in.
  mission("SA", "مكتب شؤون حجاج الداخل", "Office of Domestic Pilgrims' Affairs"),
  mission("SN", "بعثة الحج السنغالية", "Senegalese Hajj Mission"),
  mission("SL", "بعثة حج سيراليون", "Sierra Leone Hajj Mission"),
  mission("SO", "بعثة الحج الصومالية", "Somali Hajj Mission"),
  mission("SD", "بعثة الحج السودانية", "Sudanese Hajj Mission"),
  mission("SR", "بعثة حج سورينام", "Suriname Hajj Mission"),
  mission("SY", "بعثة الحج السورية", "Syrian Hajj Mission"),
  mission("TJ", "بعثة الحج الطاجيكية", "Tajik Hajj Mission"),
  mission("TG", "بعثة حج توغو", "Togolese Hajj Mission"),
  mission("TN", "بعثة الحج التونسية", "Tunisian Hajj Mission"),
  mission("TR", "بعثة الحج التركية", "Türkiye Hajj Mission"),
  mission("TM", "بعثة الحج التركمانية", "Turkmen Hajj Mission"),
  mission("UG", "بعثة الحج الأوغندية", "Ugandan Hajj Mission"),
  mission("AE", "بعثة الحج الإماراتية", "UAE Hajj Mission"),
  mission("UZ", "بعثة الحج الأوزبكية", "Uzbek Hajj Mission"),
  mission("YE", "بعثة الحج اليمنية", "Yemeni Hajj Mission"),
];

/** Real OIC institutions (specialised / subsidiary organs), fictional contact data. */
export const INSTITUTIONS: SeedOrganisation[] = [
  {
    code: "isdb",
    kind: "oic_institution",
    nameAr: "البنك الإسلامي للتنمية",
    nameEn: "Islamic Development Bank",
    country: "SA",
    cityAr: "جدة",
    cityEn: "Jeddah",
    email: "office@isdb.rifada.test",
    website: "https://isdb.rifada.test",
    visibility: "public",
  },
  {
    code: "isf",
    kind: "oic_institution",
    nameAr: "صندوق التضامن الإسلامي",
    nameEn: "Islamic Solidarity Fund",
    country: "SA",
    cityAr: "جدة",
    cityEn: "Jeddah",
    email: "office@isf.rifada.test",
    website: "https://isf.rifada.test",
    visibility: "public",
  },
  {
    code: "sesric",
    kind: "oic_institution",
    nameAr: "مركز الأبحاث الإحصائية والاقتصادية والاجتماعية والتدريب للدول الإسلامية",
    nameEn: "Statistical, Economic and Social Research and Training Centre for Islamic Countries",
    country: "TR",
    cityAr: "أنقرة",
    cityEn: "Ankara",
    email: "office@sesric.rifada.test",
    website: "https://sesric.rifada.test",
    visibility: "public",
  },
  {
    code: "icesco",
    kind: "oic_institution",
    nameAr: "منظمة العالم الإسلامي للتربية والعلوم والثقافة",
    nameEn: "Islamic World Educational, Scientific and Cultural Organization",
    country: "MA",
    cityAr: "الرباط",
    cityEn: "Rabat",
    email: "office@icesco.rifada.test",
    website: "https://icesco.rifada.test",
    visibility: "public",
  },
];

/** Fictional service providers whose staff meet pilgrims. */
export const SERVICE_PROVIDERS: SeedOrganisation[] = [
  {
    code: "sp-transport",
    kind: "service_provider",
    nameAr: "شركة درب الضيوف لنقل الحجاج",
    nameEn: "Darb Al-Duyuf Pilgrim Transport Company",
    country: "SA",
    ...MAKKAH,
    email: "office@sp-transport.rifada.test",
    visibility: "members",
  },
  {
    code: "sp-housing",
    kind: "service_provider",
    nameAr: "شركة منازل السكينة للإسكان والضيافة",
    nameEn: "Manazil Al-Sakinah Housing and Hospitality Company",
    country: "SA",
    ...MAKKAH,
    email: "office@sp-housing.rifada.test",
    visibility: "members",
  },
  {
    code: "sp-catering",
    kind: "service_provider",
    nameAr: "شركة مائدة الضيافة للإعاشة",
    nameEn: "Maidat Al-Diyafah Catering Company",
    country: "SA",
    cityAr: "المدينة المنورة",
    cityEn: "Madinah",
    email: "office@sp-catering.rifada.test",
    visibility: "members",
  },
  {
    code: "sp-field",
    kind: "service_provider",
    nameAr: "شركة رحاب المشاعر للخدمات الميدانية",
    nameEn: "Rihab Al-Mashaer Field Services Company",
    country: "SA",
    ...MAKKAH,
    email: "office@sp-field.rifada.test",
    visibility: "members",
  },
];

export const ORGANISATIONS: SeedOrganisation[] = [
  SECRETARIAT,
  MINISTRY,
  ...MISSIONS,
  ...INSTITUTIONS,
  ...SERVICE_PROVIDERS,
];
