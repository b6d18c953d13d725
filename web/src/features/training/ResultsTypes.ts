import type { AssessmentKind, CertificateStatus, CompletionRequirement } from "../../../../common/training.js";
import { buildUrl } from "../../api/client.js";
import type { Page } from "../../api/types.js";

/**
 * Shapes of the results, progress, certificates and verification answers
 * (server/src/modules/training/{results,certificates}.schema.ts), and their addresses.
 */

export interface CompletionRuleView {
  minAttendancePct: number;
  minPostScorePct: number;
  requireSurvey: boolean;
}

export interface CertificateRef {
  id: string;
  code: string;
  status: CertificateStatus;
  issuedAt: string;
  revokedAt: string | null;
}

export interface NamedRef {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface CountryRef {
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface Aggregate {
  trainees: number;
  withPre: number;
  withPost: number;
  paired: number;
  avgPre: number | null;
  avgPost: number | null;
  avgGain: number | null;
  completed: number;
  /** 0–1. */
  completionRate: number | null;
}

export interface TraineeResult {
  enrolmentId: string;
  personId: string;
  nameAr: string;
  nameEn: string;
  organisation: NamedRef;
  country: CountryRef | null;
  attendancePct: number;
  prePct: number | null;
  postPct: number | null;
  gain: number | null;
  surveyDone: boolean;
  missing: CompletionRequirement[];
  complete: boolean;
  certificate: CertificateRef | null;
}

export interface ResultsData {
  scope: "all" | "own";
  rule: CompletionRuleView;
  workshopsHeld: number;
  hasPostTest: boolean;
  totals: Aggregate & { survey: { responses: number; items: Array<{ id: string; textAr: string; textEn: string; answers: number; average: number | null }> } };
  byOrganisation: Array<Aggregate & { organisation: NamedRef; country: string | null }>;
  byCountry: Array<Aggregate & { country: CountryRef | null }>;
  trainees: Page<TraineeResult>;
}

export interface TestProgress {
  kind: AssessmentKind;
  available: boolean;
  opensAt: string | null;
  closesAt: string | null;
  status: "not_started" | "in_progress" | "submitted";
  attemptId: string | null;
  deadlineAt: string | null;
  scorePct: number | null;
}

export interface MyProgressData {
  programmeId: string;
  enrolmentId: string;
  rule: CompletionRuleView;
  workshops: Array<{ id: string; titleAr: string; titleEn: string; startsAt: string; endsAt: string; timeZone: string; status: string; held: boolean; attendedPct: number | null }>;
  workshopsHeld: number;
  attendancePct: number;
  hasPostTest: boolean;
  pre: TestProgress;
  post: TestProgress;
  gain: number | null;
  surveyDone: boolean;
  missing: CompletionRequirement[];
  missingText: string[];
  complete: boolean;
  certificate: (CertificateRef & { pdfUrl: string }) | null;
}

export interface Certificate {
  id: string;
  code: string;
  status: CertificateStatus;
  enrolmentId: string;
  nameAr: string;
  nameEn: string;
  programmeTitleAr: string;
  programmeTitleEn: string;
  completedOn: string;
  issuedAt: string;
  revokedAt: string | null;
  pdfUrl: string;
  verifyUrl: string;
}

export interface CertificateItem {
  id: string;
  code: string;
  status: CertificateStatus;
  enrolmentId: string;
  nameAr: string;
  nameEn: string;
  organisation: NamedRef;
  completedOn: string;
  attendancePct: number;
  postScorePct: number | null;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
  pdfUrl: string;
}

export interface CertificateList extends Page<CertificateItem> {
  can: { issue: boolean; revoke: boolean };
}

export interface IssueResult {
  issued: number;
  alreadyIssued: number;
  notComplete: number;
}

/** What the public verification answers: nothing more. */
export interface Verification {
  code: string;
  status: CertificateStatus;
  nameAr: string;
  nameEn: string;
  programmeTitleAr: string;
  programmeTitleEn: string;
  completedOn: string;
  revokedAt?: string;
}

const enc = encodeURIComponent;

export const resultsApi = {
  results: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/results`,
  export: (programmeId: string, format: "csv" | "xlsx", filters: Record<string, string>) => buildUrl(`/api/training/programmes/${enc(programmeId)}/results/export`, { ...filters, format }),
  myProgress: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/my-progress`,
  myCertificate: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/my-certificate`,
  issueAll: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/certificates/issue`,
  certificates: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/certificates`,
  revoke: (certificateId: string) => `/api/training/certificates/${enc(certificateId)}/revoke`,
  pdf: (certificateId: string) => `/api/training/certificates/${enc(certificateId)}/pdf`,
  zip: (eventId: string) => `/api/events/${enc(eventId)}/certificates.zip`,
  verify: (code: string) => `/api/verify/${enc(code)}`,
  surveySummary: (programmeId: string) => `/api/training/programmes/${enc(programmeId)}/survey/summary`,
};
