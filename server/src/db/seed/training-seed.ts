import { randomInt } from "node:crypto";
import type { Insertable, Kysely } from "kysely";
import type { DB, TrainingAnswerTable } from "../schema.js";
import { newId, nowIso } from "../../lib/tokens.js";
import { normalizeForSearch } from "../../../../common/text.js";
import { PEOPLE } from "./data/index.js";
import {
  CERTIFICATE_CODE_ALPHABET,
  DEFAULT_SURVEY,
  attendancePercent,
  percent,
  pointsFor,
  workshopAttendance,
  type AnswerKey,
  type AnswerResponse,
  type QuestionKind,
  type QuestionOption,
} from "../../../../common/training.js";

export const DEMO_TRAINING_KEY = "demo_training_seeded_at";

/** Riyadh wall time → UTC ISO (Asia/Riyadh is UTC+3 all year). */
const riyadh = (local: string) => new Date(`${local}:00+03:00`).toISOString();

function certificateCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CERTIFICATE_CODE_ALPHABET[randomInt(CERTIFICATE_CODE_ALPHABET.length)]).join("");
  return `RFD-${pick()}-${pick()}-${pick()}`;
}

interface SeedQuestion {
  kind: QuestionKind;
  textAr: string;
  textEn: string;
  options: QuestionOption[];
  key: AnswerKey;
  points: number;
  /** A plausible wrong answer, for trainees who got it wrong. */
  wrong: AnswerResponse;
}

const opt = (id: string, textAr: string, textEn: string): QuestionOption => ({ id, textAr, textEn });

const ASAS_QUESTIONS: SeedQuestion[] = [
  {
    kind: "single", points: 1, textAr: "كم عدد الدول الأعضاء في منظمة التعاون الإسلامي؟", textEn: "How many member states does the Organisation of Islamic Cooperation have?",
    options: [opt("a", "٤٥", "45"), opt("b", "٥٧", "57"), opt("c", "٢٢", "22"), opt("d", "١٩٣", "193")], key: { optionIds: ["b"] }, wrong: { optionIds: ["a"] },
  },
  {
    kind: "true_false", points: 1, textAr: "يوم التروية هو اليوم الثامن من ذي الحجة.", textEn: "The Day of Tarwiyah is the 8th of Dhu al-Hijjah.",
    options: [], key: { optionIds: ["true"] }, wrong: { optionIds: ["false"] },
  },
  {
    kind: "multiple", points: 2, textAr: "أيٌّ مما يلي من المشاعر المقدسة؟ (اختر كل ما ينطبق)", textEn: "Which of these are holy sites of the Hajj? (choose all that apply)",
    options: [opt("a", "منى", "Mina"), opt("b", "عرفات", "Arafat"), opt("c", "مزدلفة", "Muzdalifah"), opt("d", "جدة", "Jeddah")], key: { optionIds: ["a", "b", "c"] }, wrong: { optionIds: ["a", "b"] },
  },
  {
    kind: "numeric", points: 1, textAr: "في أي يوم من ذي الحجة يكون يوم عرفة؟", textEn: "On which day of Dhu al-Hijjah is the Day of Arafah?",
    options: [], key: { value: "9", tolerance: "0" }, wrong: { value: "10" },
  },
  {
    kind: "single", points: 1, textAr: "ما المنصة الرسمية لخدمات الحجاج والمعتمرين؟", textEn: "Which is the official platform for pilgrims' and Umrah performers' services?",
    options: [opt("a", "نسك", "Nusuk"), opt("b", "أبشر", "Absher"), opt("c", "توكلنا", "Tawakkalna"), opt("d", "صحتي", "Sehhaty")], key: { optionIds: ["a"] }, wrong: { optionIds: ["b"] },
  },
];

const TERHAB_QUESTIONS: SeedQuestion[] = [
  {
    kind: "true_false", points: 1, textAr: "يُستحسن التحدث ببطء ووضوح مع الحاج الذي لا يتحدث لغتك، مع الاستعانة بالإشارات والصور.", textEn: "With a pilgrim who does not speak your language, it helps to speak slowly and clearly and use gestures and pictures.",
    options: [], key: { optionIds: ["true"] }, wrong: { optionIds: ["false"] },
  },
  {
    kind: "single", points: 1, textAr: "في أي شهر هجري يؤدَّى الحج؟", textEn: "In which Hijri month is the Hajj performed?",
    options: [opt("a", "رمضان", "Ramadan"), opt("b", "شوال", "Shawwal"), opt("c", "ذو القعدة", "Dhu al-Qadah"), opt("d", "ذو الحجة", "Dhu al-Hijjah")], key: { optionIds: ["d"] }, wrong: { optionIds: ["c"] },
  },
  {
    kind: "multiple", points: 2, textAr: "أيٌّ مما يلي من أشهر التقويم الهجري؟ (اختر كل ما ينطبق)", textEn: "Which of these are months of the Hijri calendar? (choose all that apply)",
    options: [opt("a", "محرم", "Muharram"), opt("b", "صفر", "Safar"), opt("c", "رمضان", "Ramadan"), opt("d", "نيسان", "Nisan")], key: { optionIds: ["a", "b", "c"] }, wrong: { optionIds: ["a", "c", "d"] },
  },
  {
    kind: "numeric", points: 1, textAr: "كم عدد دول مجلس التعاون لدول الخليج العربية؟", textEn: "How many states are members of the Gulf Cooperation Council?",
    options: [], key: { value: "6", tolerance: "0" }, wrong: { value: "7" },
  },
  {
    kind: "true_false", points: 1, textAr: "يوافق الأول من محرم ١٤٤٧ هـ السادس والعشرين من يونيو ٢٠٢٥ م.", textEn: "1 Muharram 1447 AH is 26 June 2025.",
    options: [], key: { optionIds: ["true"] }, wrong: { optionIds: ["false"] },
  },
];

/** New demo trainees (fictional people; their organisations and positions are what matter). */
const TRAINEES = [
  { key: "sp-field-1", org: "sp-field", nameAr: "سعيد علي الغامدي", nameEn: "Saeed Ali Al-Ghamdi", email: "saeed.alghamdi@sp-field.rifada.test", lang: "ar", titleAr: "مشرف مخيمات", titleEn: "Camp supervisor" },
  { key: "sp-field-2", org: "sp-field", nameAr: "ياسر محمد باوزير", nameEn: "Yasser Mohammed Bawazir", email: "yasser.bawazir@sp-field.rifada.test", lang: "ar", titleAr: "مرشد ميداني", titleEn: "Field guide" },
  { key: "sp-transport-1", org: "sp-transport", nameAr: "عبدالله حسن الحربي", nameEn: "Abdullah Hassan Al-Harbi", email: "abdullah.alharbi@sp-transport.rifada.test", lang: "ar", titleAr: "مشرف نقل", titleEn: "Transport supervisor" },
  { key: "sp-housing-1", org: "sp-housing", nameAr: "ريم خالد العتيبي", nameEn: "Reem Khalid Al-Otaibi", email: "reem.alotaibi@sp-housing.rifada.test", lang: "ar", titleAr: "مسؤولة استقبال", titleEn: "Reception officer" },
  { key: "sp-catering-1", org: "sp-catering", nameAr: "فيصل عمر الزهراني", nameEn: "Faisal Omar Al-Zahrani", email: "faisal.alzahrani@sp-catering.rifada.test", lang: "ar", titleAr: "مشرف إعاشة", titleEn: "Catering supervisor" },
  { key: "pk-1", org: "hajj-pk", nameAr: "محمد عمران خان", nameEn: "Muhammad Imran Khan", email: "imran.khan@hajj-pk.rifada.test", lang: "en", titleAr: "مسؤول خدمات الحجاج", titleEn: "Pilgrim services officer" },
  { key: "eg-1", org: "hajj-eg", nameAr: "أحمد مصطفى عبدالعزيز", nameEn: "Ahmed Moustafa Abdelaziz", email: "ahmed.abdelaziz@hajj-eg.rifada.test", lang: "ar", titleAr: "منسق ميداني", titleEn: "Field coordinator" },
  { key: "my-1", org: "hajj-my", nameAr: "نور عزيزة بنت أحمد", nameEn: "Nur Aziza binti Ahmad", email: "nur.aziza@hajj-my.rifada.test", lang: "en", titleAr: "مسؤولة رعاية الحجاج", titleEn: "Pilgrim welfare officer" },
  { key: "ng-1", org: "hajj-ng", nameAr: "إبراهيم موسى بيلو", nameEn: "Ibrahim Musa Bello", email: "ibrahim.bello@hajj-ng.rifada.test", lang: "en", titleAr: "مسؤول الإسكان", titleEn: "Accommodation officer" },
] as const;

/** A trainee's course through a programme: minutes present (of the workshop), which questions he got right before and after, survey ratings. */
interface Course {
  person: string;
  minutes: number | null;
  pre: number[] | null;
  post: number[] | null;
  survey?: [number, number, number, number, string | null];
}

const ASAS_COURSES: Course[] = [
  { person: "sp-trainee", minutes: 150, pre: [0, 1], post: [0, 1, 2, 3, 4], survey: [5, 5, 4, 5, "أفادتني الأمثلة العملية من الميدان."] },
  { person: "sp-field-1", minutes: 142, pre: [1, 3], post: [0, 1, 2, 3], survey: [5, 4, 4, 5, null] },
  { person: "sp-field-2", minutes: 96, pre: [1], post: [0, 1, 3, 4], survey: [4, 4, 3, 4, "انقطع الاتصال مرتين؛ نقترح تسجيل الجلسة."] },
  { person: "sp-transport-1", minutes: 150, pre: [0, 1, 4], post: [0, 1, 2, 4], survey: [4, 5, 5, 5, null] },
  { person: "sp-housing-1", minutes: 138, pre: [4], post: [0, 2, 4], survey: [5, 5, 4, 4, "نرجو إضافة محتوى عن استقبال الحجاج من كبار السن."] },
  { person: "sp-catering-1", minutes: 120, pre: [1, 3], post: null },
  { person: "id-official", minutes: 120, pre: [0, 1, 3], post: [0, 1, 2, 3, 4], survey: [5, 4, 5, 5, "Very clear and practical; more time for questions would help."] },
  { person: "pk-1", minutes: 150, pre: [0], post: [0, 1, 3, 4], survey: [4, 4, 4, 4, null] },
  { person: "eg-1", minutes: 145, pre: [0, 4], post: [0, 1, 2, 3, 4], survey: [5, 5, 5, 5, null] },
  { person: "my-1", minutes: 150, pre: [0, 1, 2], post: [0, 1, 2, 3, 4], survey: [5, 4, 4, 5, "The Arabic and English materials were both useful."] },
  { person: "ng-1", minutes: null, pre: [3], post: null },
  { person: "kw-official", minutes: 120, pre: [0, 1, 3, 4], post: [0, 1, 2, 3, 4] },
  { person: "qa-official-2", minutes: 120, pre: [0, 1, 2], post: [0, 1, 2, 4] },
  { person: "om-head", minutes: 120, pre: null, post: null },
];

const TERHAB_COURSES: Course[] = [
  // The demo participant took the pre-test and attended; his post-test is still to take.
  { person: "sp-trainee", minutes: 150, pre: [0, 3], post: null },
  { person: "sp-housing-1", minutes: 150, pre: [0, 1], post: [0, 1, 2, 3, 4], survey: [5, 5, 5, 5, "ترحاب برنامج متميز لمن يعمل في الاستقبال."] },
  { person: "sp-field-1", minutes: 131, pre: [1], post: [0, 1, 3], survey: [4, 4, 4, 4, null] },
  { person: "id-official", minutes: 120, pre: [0, 1, 4], post: [0, 1, 2, 4] },
  { person: "qa-official-2", minutes: 120, pre: [0, 1, 3], post: [0, 1, 2, 3, 4], survey: [5, 4, 4, 5, null] },
  { person: "bh-head", minutes: 120, pre: [1, 3], post: [0, 1, 3, 4], survey: [4, 4, 5, 4, null] },
];

/** Trainees who are people of the directory demo (data/people.ts). */
const DIRECTORY_TRAINEES = ["sp-trainee", "id-official", "kw-official", "qa-official-2", "om-head", "bh-head"];

/**
 * Training demo, on top of the demo events and follow-up: the Asas and Terhab programmes of
 * the OIC secretariat with the Ministry (season 1445), each delivered by its virtual workshop of
 * 26 May 2024, with modules and links, a five-question bank used by both the pre- and the
 * post-test, enrolled trainees from missions and service providers, their attendance (the
 * platform's report, in minutes), answers, survey responses and certificates — one revoked and
 * re-issued. Illustrative: trainees, answers and scores are examples, not the record.
 * The demo participant (Bilal Qureshi) has an Asas certificate and Terhab's post-test to take.
 * Loads once; never overwrites.
 */
export async function seedDemoTraining(db: Kysely<DB>): Promise<boolean> {
  if (await db.selectFrom("meta").select("value").where("key", "=", DEMO_TRAINING_KEY).executeTakeFirst()) return false;
  // Look everything up before the transaction: on SQLite a query outside it would wait for it forever.
  const orgRows = await db.selectFrom("organisations").select(["id", "code", "nameAr", "nameEn"]).execute();
  const org = new Map(orgRows.map((o) => [o.code, o]));
  const events = await db.selectFrom("events").select(["id", "titleEn", "seasonId", "startsAt", "endsAt"]).where("titleEn", "in", ["Asas workshop", "Terhab workshop"]).execute();
  const asasEvent = events.find((e) => e.titleEn === "Asas workshop");
  const terhabEvent = events.find((e) => e.titleEn === "Terhab workshop");
  const oic = org.get("oic");
  const moh = org.get("moh-sa");
  if (!asasEvent || !terhabEvent || !oic || !moh) return false; // the directory or events demo was not loaded
  const cooperation = await db.selectFrom("cooperationProgrammes").select("id").where("code", "=", "oic-moh-1445-1446").executeTakeFirst();
  const coordinator = await db.selectFrom("users").select("id").where("email", "=", "coordinator@oic.rifada.test").executeTakeFirst();
  const directorySeeds = PEOPLE.filter((p) => DIRECTORY_TRAINEES.includes(p.key));
  const directory = await db.selectFrom("people").select(["id", "email", "organisationId"]).where("email", "in", directorySeeds.map((p) => p.email)).execute();
  const users = await db.selectFrom("users").select(["id", "personId"]).where("personId", "is not", null).execute();
  const userOf = new Map(users.map((u) => [u.personId!, u.id]));
  const existingTrainees = new Set((await db.selectFrom("people").select("email").where("email", "in", TRAINEES.map((t) => t.email)).execute()).map((r) => r.email));

  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    const people = new Map<string, { id: string; organisationId: string; nameAr: string; nameEn: string }>();
    for (const seed of directorySeeds) {
      const row = directory.find((d) => d.email === seed.email);
      if (row) people.set(seed.key, { id: row.id, organisationId: row.organisationId, nameAr: seed.nameAr, nameEn: seed.nameEn });
    }
    for (const t of TRAINEES) {
      const o = org.get(t.org);
      if (!o || existingTrainees.has(t.email)) continue;
      const id = newId();
      await tx.insertInto("people").values({
        id, organisationId: o.id, nameAr: t.nameAr, nameEn: t.nameEn, position: t.org.startsWith("sp-") ? "staff" : "official", titleAr: t.titleAr, titleEn: t.titleEn,
        email: t.email, phone: null, preferredLanguage: t.lang, visibility: "private", shareGroupId: null,
        searchText: normalizeForSearch([t.nameAr, t.nameEn, t.titleAr, t.titleEn, o.nameAr, o.nameEn].join(" ")), archivedAt: null, createdAt: now, updatedAt: now,
      }).execute();
      people.set(t.key, { id, organisationId: o.id, nameAr: t.nameAr, nameEn: t.nameEn });
    }

    const programme = async (spec: {
      code: string; titleAr: string; titleEn: string; descriptionAr: string; descriptionEn: string; objectivesAr: string[]; objectivesEn: string[];
      event: NonNullable<typeof asasEvent>; requireSurvey: boolean; modules: Array<[string, string, string, string, Array<[string, string, string, string]>]>;
      questions: SeedQuestion[]; courses: Course[]; preStart: string; postStart: string;
    }) => {
      const programmeId = newId();
      const created = riyadh("2024-05-12T09:00");
      await tx.insertInto("trainingProgrammes").values({
        id: programmeId, code: spec.code, seasonId: spec.event.seasonId, organisationId: oic.id, cooperationProgrammeId: cooperation?.id ?? null,
        titleAr: spec.titleAr, titleEn: spec.titleEn, descriptionAr: spec.descriptionAr, descriptionEn: spec.descriptionEn,
        objectivesAr: spec.objectivesAr.join("\n"), objectivesEn: spec.objectivesEn.join("\n"), audience: "organisers,service_providers,mission_officials",
        status: "published", visibility: "members", shareGroupId: null, enrolment: "managed", minAttendancePct: 75, minPostScorePct: 60,
        requireSurvey: spec.requireSurvey ? 1 : 0, survey: JSON.stringify(DEFAULT_SURVEY), version: 1, createdBy: coordinator?.id ?? null, createdAt: created, updatedAt: created, archivedAt: null,
      }).execute();
      await tx.insertInto("trainingProgrammeOwners").values([{ programmeId, organisationId: oic.id, position: 0 }, { programmeId, organisationId: moh.id, position: 1 }]).execute();
      await tx.insertInto("trainingProgrammeEvents").values({ programmeId, eventId: spec.event.id }).execute();
      for (const [m, [titleAr, titleEn, summaryAr, summaryEn, materials]] of spec.modules.entries()) {
        const moduleId = newId();
        await tx.insertInto("trainingModules").values({ id: moduleId, programmeId, position: m + 1, titleAr, titleEn, summaryAr, summaryEn, createdAt: created, updatedAt: created }).execute();
        for (const [i, [kind, mTitleAr, mTitleEn, url]] of materials.entries()) {
          await tx.insertInto("trainingMaterials").values({
            id: newId(), moduleId, programmeId, position: i + 1, kind, titleAr: mTitleAr, titleEn: mTitleEn, url, fileName: null, contentType: null, size: null, sha256: null, storageKey: null,
            createdBy: coordinator?.id ?? null, createdAt: created,
          }).execute();
        }
      }
      const questionIds: string[] = [];
      for (const [i, q] of spec.questions.entries()) {
        const id = newId();
        questionIds.push(id);
        await tx.insertInto("trainingQuestions").values({
          id, programmeId, position: i + 1, kind: q.kind, textAr: q.textAr, textEn: q.textEn, options: JSON.stringify(q.options), answerKey: JSON.stringify(q.key),
          points: q.points, version: 1, createdBy: coordinator?.id ?? null, createdAt: created, updatedAt: created, archivedAt: null,
        }).execute();
      }
      const maxScore = spec.questions.reduce((sum, q) => sum + q.points, 0);
      const assessments: Record<"pre" | "post", string> = { pre: newId(), post: newId() };
      for (const kind of ["pre", "post"] as const) {
        await tx.insertInto("trainingAssessments").values({ id: assessments[kind], programmeId, kind, timeLimitMinutes: 15, opensAt: null, closesAt: null, published: 1, version: 1, createdAt: created, updatedAt: created }).execute();
        await tx.insertInto("trainingAssessmentQuestions").values(questionIds.map((questionId, position) => ({ assessmentId: assessments[kind], questionId, position: position + 1 }))).execute();
      }

      const workshopMinutes = Math.round((Date.parse(spec.event.endsAt) - Date.parse(spec.event.startsAt)) / 60_000);
      const issuers = JSON.stringify([{ nameAr: oic.nameAr, nameEn: oic.nameEn }, { nameAr: moh.nameAr, nameEn: moh.nameEn }]);
      const workshopDay = spec.event.startsAt.slice(0, 10);
      let issued = 0;
      for (const course of spec.courses) {
        const person = people.get(course.person);
        if (!person) continue;
        const userId = userOf.get(person.id) ?? null;
        const enrolmentId = newId();
        await tx.insertInto("trainingEnrolments").values({
          id: enrolmentId, programmeId, personId: person.id, userId, organisationId: person.organisationId, status: "enrolled", source: "admin",
          enrolledBy: coordinator?.id ?? null, createdAt: riyadh("2024-05-19T10:00"), updatedAt: riyadh("2024-05-19T10:00"), withdrawnAt: null,
        }).execute();
        if (course.minutes !== null) {
          await tx.insertInto("attendance")
            .values({ id: newId(), eventId: spec.event.id, attendeeKey: `p:${person.id}`, personId: person.id, userId, organisationId: person.organisationId, source: "import", minutes: course.minutes, checkedInAt: spec.event.startsAt, recordedBy: null })
            .onConflict((oc) => oc.columns(["eventId", "attendeeKey"]).doNothing())
            .execute();
        }
        const scores: Record<"pre" | "post", number | null> = { pre: null, post: null };
        for (const kind of ["pre", "post"] as const) {
          const right = course[kind];
          if (!right) continue;
          const attemptId = newId();
          const started = riyadh(kind === "pre" ? spec.preStart : spec.postStart);
          const answers: Insertable<TrainingAnswerTable>[] = spec.questions.map((q, i) => {
            const response = right.includes(i) ? (q.key as AnswerResponse) : q.wrong;
            const points = pointsFor({ kind: q.kind, points: q.points, answerKey: q.key }, response);
            return { attemptId, questionId: questionIds[i]!, response: JSON.stringify(response), correct: points > 0 ? 1 : 0, points, savedAt: started };
          });
          const score = answers.reduce((sum, a) => sum + (a.points as number), 0);
          scores[kind] = score;
          await tx.insertInto("trainingAttempts").values({
            id: attemptId, assessmentId: assessments[kind], enrolmentId, programmeId, kind, questionIds: JSON.stringify(questionIds), startedAt: started,
            deadlineAt: new Date(Date.parse(started) + 15 * 60_000).toISOString(), submittedAt: new Date(Date.parse(started) + 9 * 60_000).toISOString(),
            autoSubmitted: 0, score, maxScore,
          }).execute();
          await tx.insertInto("trainingAnswers").values(answers).execute();
        }
        if (course.survey) {
          const [content, trainer, organisation, overall, improve] = course.survey;
          await tx.insertInto("trainingSurveyResponses").values({
            enrolmentId, programmeId, answers: JSON.stringify({ content, trainer, organisation, overall, ...(improve ? { improve } : {}) }), submittedAt: riyadh(`${spec.postStart.slice(0, 10)}T16:00`),
          }).execute();
        }
        // Certificates for those who met the rule (attendance ≥ 75 %, post-test ≥ 60 %, and the survey where required).
        const attendance = course.minutes === null ? 0 : attendancePercent([workshopAttendance(course.minutes, workshopMinutes)], 1);
        const post = percent(scores.post, maxScore);
        if (attendance < 75 || post === null || post < 60 || (spec.requireSurvey && !course.survey)) continue;
        const certificate = {
          programmeId, enrolmentId, personId: person.id, organisationId: person.organisationId, nameAr: person.nameAr, nameEn: person.nameEn,
          programmeTitleAr: spec.titleAr, programmeTitleEn: spec.titleEn, issuers, startsOn: workshopDay, endsOn: workshopDay, completedOn: workshopDay,
          attendancePct: attendance, postScorePct: post, issuedBy: coordinator?.id ?? null, issuedAt: riyadh("2024-05-28T10:00"),
        };
        // One was issued with a misspelt Latin name, revoked and issued again.
        if (course.person === "pk-1") {
          await tx.insertInto("trainingCertificates").values({
            ...certificate, id: newId(), code: certificateCode(), nameEn: "Muhammad Imran Kahn", status: "revoked", revokedAt: riyadh("2024-05-29T11:00"),
            revokedBy: coordinator?.id ?? null, revokeReason: "الاسم اللاتيني مكتوب خطأً؛ أُصدرت شهادة بديلة. / Latin name misspelt; a replacement was issued.",
          }).execute();
          certificate.issuedAt = riyadh("2024-05-29T11:05");
        }
        await tx.insertInto("trainingCertificates").values({ ...certificate, id: newId(), code: certificateCode(), status: "valid", revokedAt: null, revokedBy: null, revokeReason: null }).execute();
        issued += 1;
      }
      return { programmeId, issued };
    };

    await programme({
      code: "asas-1445", event: asasEvent, requireSurvey: false, questions: ASAS_QUESTIONS, courses: ASAS_COURSES, preStart: "2024-05-26T09:40", postStart: "2024-05-26T12:35",
      titleAr: "أساس: برنامج توعية منظمي الحج ومقدمي الخدمات", titleEn: "Asas: awareness programme for Hajj organisers and service providers",
      descriptionAr: "برنامج تدريبي افتراضي تنظمه الأمانة العامة لمنظمة التعاون الإسلامي بالتعاون مع وزارة الحج والعمرة، لرفع وعي منظمي الحج ومقدمي الخدمات بأسس خدمة ضيوف الرحمن.",
      descriptionEn: "A virtual training programme of the OIC General Secretariat with the Ministry of Hajj and Umrah, to raise Hajj organisers' and service providers' awareness of the foundations of serving the guests of the Most Merciful.",
      objectivesAr: ["التعريف بمراحل الحج ومواقيته والمشاعر المقدسة", "توحيد فهم معايير جودة الخدمة بين البعثات ومقدمي الخدمات", "تعزيز التنسيق بين بعثات الدول الأعضاء والجهات السعودية"],
      objectivesEn: ["Know the stages, dates and holy sites of the Hajj", "Share one understanding of service-quality standards between missions and service providers", "Strengthen coordination between member states' missions and the Saudi authorities"],
      modules: [
        ["ضيوف الرحمن: مراحل الحج والمشاعر", "The guests of the Most Merciful: stages of the Hajj and the holy sites", "أيام الحج ومواقعها وما يحتاجه الحاج في كل منها.", "The days of the Hajj, where they take place and what a pilgrim needs in each.",
          [["link", "بوابة وزارة الحج والعمرة", "Ministry of Hajj and Umrah portal", "https://www.haj.gov.sa/"], ["link", "منصة نسك", "Nusuk platform", "https://www.nusuk.sa/"]]],
        ["معايير جودة الخدمة", "Service quality standards", "ما يتوقعه الحاج من مقدم الخدمة، وكيف تقاس الجودة.", "What pilgrims expect of service providers, and how quality is measured.", []],
        ["التنسيق بين البعثات ومقدمي الخدمات", "Coordination between missions and service providers", "قنوات التواصل، وتبادل الخبرات، وحل المشكلات في الميدان.", "Channels of communication, sharing experience, solving problems in the field.",
          [["link", "منظمة التعاون الإسلامي", "Organisation of Islamic Cooperation", "https://www.oic-oci.org/"]]],
      ],
    });
    await programme({
      code: "terhab-1445", event: terhabEvent, requireSurvey: true, questions: TERHAB_QUESTIONS, courses: TERHAB_COURSES, preStart: "2024-05-26T12:40", postStart: "2024-05-26T15:35",
      titleAr: "ترحاب: برنامج رفع جودة استقبال ضيوف الرحمن", titleEn: "Terhab: raising the quality of welcoming the guests of the Most Merciful",
      descriptionAr: "برنامج تدريبي افتراضي للعاملين في استقبال الحجاج وخدمتهم، يركز على حسن الاستقبال والتواصل مع الحجاج من مختلف اللغات والثقافات.",
      descriptionEn: "A virtual training programme for the staff who welcome and serve pilgrims, on hospitality and on communicating with pilgrims of many languages and cultures.",
      objectivesAr: ["إتقان مهارات الاستقبال والضيافة", "التواصل الفعال مع الحجاج متعددي اللغات", "خدمة كبار السن وذوي الإعاقة بعناية"],
      objectivesEn: ["Master welcome and hospitality skills", "Communicate well with pilgrims of many languages", "Serve elderly and disabled pilgrims with care"],
      modules: [
        ["حسن الاستقبال والضيافة", "Welcome and hospitality", "الانطباع الأول، ولغة الجسد، وآداب الضيافة.", "First impressions, body language and the etiquette of hospitality.", []],
        ["التواصل مع الحجاج بلغات متعددة", "Communicating with pilgrims in several languages", "أدوات الترجمة، والعبارات الأساسية، والإشارات المصورة.", "Translation tools, key phrases and picture signs.",
          [["link", "منصة نسك", "Nusuk platform", "https://www.nusuk.sa/"]]],
        ["خدمة كبار السن وذوي الإعاقة", "Serving elderly and disabled pilgrims", "الاحتياجات الخاصة والتنقل الآمن.", "Special needs and safe mobility.", []],
      ],
    });
    await tx.insertInto("meta").values({ key: DEMO_TRAINING_KEY, value: now }).execute();
  });
  return true;
}
