import type { CertificateList, MyProgressData, ResultsData, TraineeResult } from "./ResultsTypes.js";

/** Test data for the progress, results and certificates views of the Asas programme (tp-asas). */

const QA = { id: "o-qa", code: "hajj-qa", nameAr: "بعثة الحج القطرية", nameEn: "Qatar Hajj Mission" };
const KW = { id: "o-kw", code: "hajj-kw", nameAr: "بعثة الحج الكويتية", nameEn: "Kuwait Hajj Mission" };
const QATAR = { code: "QA", nameAr: "دولة قطر", nameEn: "State of Qatar" };
const KUWAIT = { code: "KW", nameAr: "دولة الكويت", nameEn: "State of Kuwait" };

export function buildProgress(overrides: Partial<MyProgressData> = {}): MyProgressData {
  return {
    programmeId: "tp-asas",
    enrolmentId: "en-1",
    rule: { minAttendancePct: 75, minPostScorePct: 60, requireSurvey: true },
    workshops: [
      { id: "ev-asas", titleAr: "ورشة أساس", titleEn: "Asas workshop", startsAt: "2024-05-26T07:00:00.000Z", endsAt: "2024-05-26T09:30:00.000Z", timeZone: "Asia/Riyadh", status: "published", held: true, attendedPct: 80 },
      { id: "ev-next", titleAr: "ورشة المتابعة", titleEn: "Follow-up workshop", startsAt: "2099-06-01T07:00:00.000Z", endsAt: "2099-06-01T09:00:00.000Z", timeZone: "Asia/Riyadh", status: "published", held: false, attendedPct: null },
    ],
    workshopsHeld: 1,
    attendancePct: 80,
    hasPostTest: true,
    pre: { kind: "pre", available: true, opensAt: null, closesAt: null, status: "submitted", attemptId: "at-pre", deadlineAt: null, scorePct: 40 },
    post: { kind: "post", available: true, opensAt: null, closesAt: null, status: "not_started", attemptId: null, deadlineAt: null, scorePct: null },
    gain: null,
    surveyDone: false,
    missing: ["post_test", "survey"],
    missingText: ["الاختبار البعدي بدرجة ٦٠٪ على الأقل (لم يُؤدَّ بعد)", "استبانة الرضا (لم تُجَب بعد)"],
    complete: false,
    certificate: null,
    ...overrides,
  };
}

function trainee(overrides: Partial<TraineeResult>): TraineeResult {
  return {
    enrolmentId: "en-x",
    personId: "pe-x",
    nameAr: "متدرب",
    nameEn: "Trainee",
    organisation: QA,
    country: QATAR,
    attendancePct: 100,
    prePct: null,
    postPct: null,
    gain: null,
    surveyDone: false,
    missing: [],
    complete: true,
    certificate: null,
    ...overrides,
  };
}

export function buildResults(overrides: Partial<ResultsData> = {}): ResultsData {
  const aggregate = { trainees: 3, withPre: 2, withPost: 2, paired: 1, avgPre: 45, avgPost: 75, avgGain: 40, completed: 2, completionRate: 0.6667 };
  return {
    scope: "all",
    rule: { minAttendancePct: 75, minPostScorePct: 60, requireSurvey: false },
    workshopsHeld: 1,
    hasPostTest: true,
    totals: { trainees: 5, withPre: 4, withPost: 4, paired: 3, avgPre: 45, avgPost: 67.5, avgGain: 23.3, completed: 3, completionRate: 0.6, survey: { responses: 2, items: [] } },
    byOrganisation: [
      { organisation: QA, country: "QA", ...aggregate },
      { organisation: KW, country: "KW", trainees: 2, withPre: 2, withPost: 2, paired: 2, avgPre: 45, avgPost: 60, avgGain: 15, completed: 1, completionRate: 0.5 },
    ],
    byCountry: [
      { country: QATAR, ...aggregate },
      { country: KUWAIT, trainees: 2, withPre: 2, withPost: 2, paired: 2, avgPre: 45, avgPost: 60, avgGain: 15, completed: 1, completionRate: 0.5 },
    ],
    trainees: {
      items: [
        trainee({ enrolmentId: "en-1", nameAr: "محمد جاسم النعيمي", nameEn: "Mohammed Jassim Al-Nuaimi", prePct: 40, postPct: 80, gain: 40, surveyDone: true, certificate: { id: "c-1", code: "RFD-ABCD-EFGH-JKLM", status: "valid", issuedAt: "2024-05-27T09:00:00.000Z", revokedAt: null } }),
        trainee({ enrolmentId: "en-2", nameAr: "ناصر العنزي", nameEn: "Nasser Al-Enezi", organisation: KW, country: KUWAIT, attendancePct: 50, prePct: 30, postPct: 50, gain: 20, missing: ["attendance", "post_test"], complete: false }),
      ],
      total: 2,
      page: 1,
      pageSize: 25,
    },
    ...overrides,
  };
}

export function buildCertificates(overrides: Partial<CertificateList> = {}): CertificateList {
  return {
    items: [
      { id: "c-1", code: "RFD-ABCD-EFGH-JKLM", status: "valid", enrolmentId: "en-1", nameAr: "محمد جاسم النعيمي", nameEn: "Mohammed Jassim Al-Nuaimi", organisation: QA, completedOn: "2024-05-27", attendancePct: 100, postScorePct: 80, issuedAt: "2024-05-27T09:00:00.000Z", revokedAt: null, revokeReason: null, pdfUrl: "/api/training/certificates/c-1/pdf" },
      { id: "c-2", code: "RFD-2345-6789-WXYZ", status: "revoked", enrolmentId: "en-3", nameAr: "فهد الكندري", nameEn: "Fahad Al-Kandari", organisation: KW, completedOn: "2024-05-26", attendancePct: 100, postScorePct: 70, issuedAt: "2024-05-27T09:00:00.000Z", revokedAt: "2024-06-01T09:00:00.000Z", revokeReason: "Recorded for the wrong person", pdfUrl: "/api/training/certificates/c-2/pdf" },
    ],
    total: 2,
    page: 1,
    pageSize: 25,
    can: { issue: true, revoke: true },
    ...overrides,
  };
}
