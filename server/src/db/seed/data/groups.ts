import { GCC_CODES } from "./countries.js";
import { INSTITUTIONS, MISSIONS, SERVICE_PROVIDERS } from "./organisations.js";
import type { SeedGroup } from "./types.js";

const missionCode = (iso: string): string => `hajj-${iso.toLowerCase()}`;

export const GROUPS: SeedGroup[] = [
  {
    code: "gcc-hajj-offices",
    nameAr: "مكاتب شؤون الحجاج بدول مجلس التعاون",
    nameEn: "GCC Hajj-affairs offices",
    descriptionAr: "مكاتب شؤون الحجاج وبعثات الحج لدول مجلس التعاون لدول الخليج العربية، وتعقد اجتماعها السنوي خلال موسم الحج.",
    descriptionEn: "The Hajj-affairs offices and Hajj missions of the Gulf Cooperation Council states, which meet once a year during the season.",
    members: GCC_CODES.map(missionCode),
  },
  {
    code: "oic-members",
    nameAr: "الدول الأعضاء في منظمة التعاون الإسلامي",
    nameEn: "OIC member states",
    descriptionAr: "بعثات الحج ومكاتب شؤون الحجاج للدول الأعضاء في منظمة التعاون الإسلامي.",
    descriptionEn: "The Hajj missions and Hajj-affairs offices of the member states of the Organisation of Islamic Cooperation.",
    members: MISSIONS.map((o) => o.code),
  },
  {
    code: "oic-institutions",
    nameAr: "مؤسسات منظمة التعاون الإسلامي",
    nameEn: "OIC institutions",
    descriptionAr: "الأجهزة المتخصصة والمتفرعة التابعة لمنظمة التعاون الإسلامي.",
    descriptionEn: "Specialised and subsidiary organs of the Organisation of Islamic Cooperation.",
    members: INSTITUTIONS.map((o) => o.code),
  },
  {
    code: "service-providers",
    nameAr: "مقدمو الخدمات",
    nameEn: "Service providers",
    descriptionAr: "الشركات التي يخدم منسوبوها ضيوف الرحمن في النقل والإسكان والإعاشة والخدمات الميدانية.",
    descriptionEn: "Companies whose staff serve pilgrims in transport, housing, catering and field services.",
    members: SERVICE_PROVIDERS.map((o) => o.code),
  },
];
