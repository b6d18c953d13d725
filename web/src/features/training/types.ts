import type { EnrolmentMode, ProgrammeStatus, SurveyItem, TrainingAudience } from "../../../../common/training.js";
import type { Visibility } from "../../../../common/roles.js";

/**
 * Shapes of the "Training" section of docs/api.md (server/src/modules/training/*.schema.ts).
 * `ProgrammeDetail` is what `GET /api/training/programmes/:id` answers; the programme page passes it
 * to every tab (modules, enrolments, questions, tests, results, certificates, the trainee's progress).
 */

export interface TrainingOrg {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  kind: string;
  country: string | null;
}

export interface TrainingSeason {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

export interface TrainingWorkshop {
  id: string;
  titleAr: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  mode: string;
  status: string;
}

export interface TrainingMaterial {
  id: string;
  kind: "file" | "link" | "video";
  titleAr: string;
  titleEn: string;
  url: string | null;
  fileName: string | null;
  size: number | null;
}

export interface TrainingModule {
  id: string;
  position: number;
  titleAr: string;
  titleEn: string;
  summaryAr: string | null;
  summaryEn: string | null;
  materials: TrainingMaterial[];
}

/** The caller's own enrolment, when he is a trainee of the programme. */
export interface MyEnrolment {
  id: string;
  status: "enrolled" | "withdrawn";
  createdAt: string;
}

export interface ProgrammeSummary {
  id: string;
  code: string;
  season: TrainingSeason;
  titleAr: string;
  titleEn: string;
  status: ProgrammeStatus;
  enrolment: EnrolmentMode;
  audience: TrainingAudience[];
  owners: TrainingOrg[];
  counts: { workshops: number; modules: number; enrolled: number };
  /** First and last workshop (ISO instants), when it has workshops. */
  startsAt: string | null;
  endsAt: string | null;
  myEnrolment: MyEnrolment | null;
  archivedAt: string | null;
}

export interface ProgrammeDetail extends ProgrammeSummary {
  descriptionAr: string | null;
  descriptionEn: string | null;
  objectivesAr: string[];
  objectivesEn: string[];
  visibility: Visibility;
  shareGroup: { id: string; code: string; nameAr: string; nameEn: string } | null;
  cooperationProgramme: { id: string; titleAr: string; titleEn: string } | null;
  minAttendancePct: number;
  minPostScorePct: number;
  requireSurvey: boolean;
  survey: SurveyItem[];
  version: number;
  modules: TrainingModule[];
  workshops: TrainingWorkshop[];
  can: {
    /** Edit it, its modules, questions, tests, workshops; see all results; issue and revoke certificates. */
    manage: boolean;
    /** Enrol people (of any organisation when managing, else of the caller's own). */
    enrolOthers: boolean;
    /** Enrol himself (open programme, published, not enrolled yet). */
    selfEnrol: boolean;
    /** See trainees' results: "all" of the programme's, his "own" organisation's, or "none". */
    results: "all" | "own" | "none";
  };
}

/** What every tab of the programme page receives. `onChanged` reloads the programme. */
export interface ProgrammeTabProps {
  programme: ProgrammeDetail;
  onChanged: () => void;
}
