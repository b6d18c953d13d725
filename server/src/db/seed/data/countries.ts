import type { SeedCountry } from "./types.js";

/**
 * The 57 member states of the Organisation of Islamic Cooperation, with their
 * official full names in Arabic and English (UN / OIC usage), in the order of
 * DOMAIN.md. Membership status is data, not code: see Syria below.
 */
export const COUNTRIES: SeedCountry[] = [
  // The OIC still lists the state under its pre-August-2021 official name;
  // we follow the OIC list here (no "Islamic Emirate" naming).
  { code: "AF", nameAr: "جمهورية أفغانستان الإسلامية", nameEn: "Islamic Republic of Afghanistan", oicStatus: "member" },
  { code: "AL", nameAr: "جمهورية ألبانيا", nameEn: "Republic of Albania", oicStatus: "member" },
  { code: "DZ", nameAr: "الجمهورية الجزائرية الديمقراطية الشعبية", nameEn: "People's Democratic Republic of Algeria", oicStatus: "member" },
  { code: "AZ", nameAr: "جمهورية أذربيجان", nameEn: "Republic of Azerbaijan", oicStatus: "member" },
  { code: "BH", nameAr: "مملكة البحرين", nameEn: "Kingdom of Bahrain", oicStatus: "member" },
  { code: "BD", nameAr: "جمهورية بنغلاديش الشعبية", nameEn: "People's Republic of Bangladesh", oicStatus: "member" },
  { code: "BJ", nameAr: "جمهورية بنين", nameEn: "Republic of Benin", oicStatus: "member" },
  { code: "BN", nameAr: "بروناي دار السلام", nameEn: "Brunei Darussalam", oicStatus: "member" },
  { code: "BF", nameAr: "بوركينا فاسو", nameEn: "Burkina Faso", oicStatus: "member" },
  { code: "CM", nameAr: "جمهورية الكاميرون", nameEn: "Republic of Cameroon", oicStatus: "member" },
  { code: "TD", nameAr: "جمهورية تشاد", nameEn: "Republic of Chad", oicStatus: "member" },
  { code: "KM", nameAr: "اتحاد جزر القمر", nameEn: "Union of the Comoros", oicStatus: "member" },
  { code: "CI", nameAr: "جمهورية كوت ديفوار", nameEn: "Republic of Côte d'Ivoire", oicStatus: "member" },
  { code: "DJ", nameAr: "جمهورية جيبوتي", nameEn: "Republic of Djibouti", oicStatus: "member" },
  { code: "EG", nameAr: "جمهورية مصر العربية", nameEn: "Arab Republic of Egypt", oicStatus: "member" },
  { code: "GA", nameAr: "الجمهورية الغابونية", nameEn: "Gabonese Republic", oicStatus: "member" },
  { code: "GM", nameAr: "جمهورية غامبيا", nameEn: "Republic of The Gambia", oicStatus: "member" },
  { code: "GN", nameAr: "جمهورية غينيا", nameEn: "Republic of Guinea", oicStatus: "member" },
  { code: "GW", nameAr: "جمهورية غينيا بيساو", nameEn: "Republic of Guinea-Bissau", oicStatus: "member" },
  { code: "GY", nameAr: "جمهورية غيانا التعاونية", nameEn: "Co-operative Republic of Guyana", oicStatus: "member" },
  { code: "ID", nameAr: "جمهورية إندونيسيا", nameEn: "Republic of Indonesia", oicStatus: "member" },
  { code: "IR", nameAr: "جمهورية إيران الإسلامية", nameEn: "Islamic Republic of Iran", oicStatus: "member" },
  { code: "IQ", nameAr: "جمهورية العراق", nameEn: "Republic of Iraq", oicStatus: "member" },
  { code: "JO", nameAr: "المملكة الأردنية الهاشمية", nameEn: "Hashemite Kingdom of Jordan", oicStatus: "member" },
  { code: "KZ", nameAr: "جمهورية كازاخستان", nameEn: "Republic of Kazakhstan", oicStatus: "member" },
  { code: "KW", nameAr: "دولة الكويت", nameEn: "State of Kuwait", oicStatus: "member" },
  { code: "KG", nameAr: "جمهورية قيرغيزستان", nameEn: "Kyrgyz Republic", oicStatus: "member" },
  { code: "LB", nameAr: "الجمهورية اللبنانية", nameEn: "Lebanese Republic", oicStatus: "member" },
  { code: "LY", nameAr: "دولة ليبيا", nameEn: "State of Libya", oicStatus: "member" },
  { code: "MY", nameAr: "ماليزيا", nameEn: "Malaysia", oicStatus: "member" },
  { code: "MV", nameAr: "جمهورية ملديف", nameEn: "Republic of Maldives", oicStatus: "member" },
  { code: "ML", nameAr: "جمهورية مالي", nameEn: "Republic of Mali", oicStatus: "member" },
  { code: "MR", nameAr: "الجمهورية الإسلامية الموريتانية", nameEn: "Islamic Republic of Mauritania", oicStatus: "member" },
  { code: "MA", nameAr: "المملكة المغربية", nameEn: "Kingdom of Morocco", oicStatus: "member" },
  { code: "MZ", nameAr: "جمهورية موزمبيق", nameEn: "Republic of Mozambique", oicStatus: "member" },
  { code: "NE", nameAr: "جمهورية النيجر", nameEn: "Republic of the Niger", oicStatus: "member" },
  { code: "NG", nameAr: "جمهورية نيجيريا الاتحادية", nameEn: "Federal Republic of Nigeria", oicStatus: "member" },
  { code: "OM", nameAr: "سلطنة عُمان", nameEn: "Sultanate of Oman", oicStatus: "member" },
  { code: "PK", nameAr: "جمهورية باكستان الإسلامية", nameEn: "Islamic Republic of Pakistan", oicStatus: "member" },
  { code: "PS", nameAr: "دولة فلسطين", nameEn: "State of Palestine", oicStatus: "member" },
  { code: "QA", nameAr: "دولة قطر", nameEn: "State of Qatar", oicStatus: "member" },
  { code: "SA", nameAr: "المملكة العربية السعودية", nameEn: "Kingdom of Saudi Arabia", oicStatus: "member" },
  { code: "SN", nameAr: "جمهورية السنغال", nameEn: "Republic of Senegal", oicStatus: "member" },
  { code: "SL", nameAr: "جمهورية سيراليون", nameEn: "Republic of Sierra Leone", oicStatus: "member" },
  { code: "SO", nameAr: "جمهورية الصومال الفيدرالية", nameEn: "Federal Republic of Somalia", oicStatus: "member" },
  { code: "SD", nameAr: "جمهورية السودان", nameEn: "Republic of the Sudan", oicStatus: "member" },
  { code: "SR", nameAr: "جمهورية سورينام", nameEn: "Republic of Suriname", oicStatus: "member" },
  // Membership suspended by the OIC in August 2012 and restored in 2024; kept
  // as "member". A season-accurate history would record "suspended" for 2012–2024.
  { code: "SY", nameAr: "الجمهورية العربية السورية", nameEn: "Syrian Arab Republic", oicStatus: "member" },
  { code: "TJ", nameAr: "جمهورية طاجيكستان", nameEn: "Republic of Tajikistan", oicStatus: "member" },
  { code: "TG", nameAr: "جمهورية توغو", nameEn: "Togolese Republic", oicStatus: "member" },
  { code: "TN", nameAr: "الجمهورية التونسية", nameEn: "Republic of Tunisia", oicStatus: "member" },
  { code: "TR", nameAr: "الجمهورية التركية", nameEn: "Republic of Türkiye", oicStatus: "member" },
  { code: "TM", nameAr: "تركمانستان", nameEn: "Turkmenistan", oicStatus: "member" },
  { code: "UG", nameAr: "جمهورية أوغندا", nameEn: "Republic of Uganda", oicStatus: "member" },
  { code: "AE", nameAr: "الإمارات العربية المتحدة", nameEn: "United Arab Emirates", oicStatus: "member" },
  { code: "UZ", nameAr: "جمهورية أوزبكستان", nameEn: "Republic of Uzbekistan", oicStatus: "member" },
  { code: "YE", nameAr: "الجمهورية اليمنية", nameEn: "Republic of Yemen", oicStatus: "member" },
];

/** The six states of the Gulf Cooperation Council. */
export const GCC_CODES = ["BH", "KW", "OM", "QA", "SA", "AE"];
