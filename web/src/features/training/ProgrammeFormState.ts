import { DEFAULT_SURVEY, type EnrolmentMode, type TrainingAudience } from "../../../../common/training.js";
import type { Visibility } from "../../../../common/roles.js";
import { parseWholeNumber } from "../../components/digits.js";
import type { ChosenOrg } from "../followup/Pickers.js";
import { draftSurvey, SURVEY_MAX, surveyBody, type DraftSurveyItem } from "./ProgrammeSurveyEditor.js";
import type { ProgrammeDetail } from "./types.js";

/** What the programme form edits. Numbers stay as typed (either digit shape) until sent. */
export interface ProgrammeFormState {
  code: string;
  seasonCode: string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string;
  descriptionEn: string;
  /** One objective a line. */
  objectivesAr: string;
  objectivesEn: string;
  audience: TrainingAudience[];
  /** The co-owners (the lead, the creating organisation, is not among them). */
  coOwners: ChosenOrg[];
  visibility: Visibility;
  shareGroupId: string;
  enrolment: EnrolmentMode;
  minAttendancePct: string;
  minPostScorePct: string;
  requireSurvey: boolean;
  survey: DraftSurveyItem[];
  cooperationProgrammeId: string;
}

export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function initialProgrammeState(existing?: ProgrammeDetail): ProgrammeFormState {
  return {
    code: existing?.code ?? "",
    seasonCode: existing?.season.code ?? "",
    titleAr: existing?.titleAr ?? "",
    titleEn: existing?.titleEn ?? "",
    descriptionAr: existing?.descriptionAr ?? "",
    descriptionEn: existing?.descriptionEn ?? "",
    objectivesAr: (existing?.objectivesAr ?? []).join("\n"),
    objectivesEn: (existing?.objectivesEn ?? []).join("\n"),
    audience: existing?.audience ?? [],
    coOwners: (existing?.owners ?? []).slice(1),
    visibility: existing?.visibility ?? "members",
    shareGroupId: existing?.shareGroup?.id ?? "",
    enrolment: existing?.enrolment ?? "open",
    minAttendancePct: String(existing?.minAttendancePct ?? 75),
    minPostScorePct: String(existing?.minPostScorePct ?? 60),
    requireSurvey: existing?.requireSurvey ?? false,
    survey: draftSurvey(existing?.survey ?? DEFAULT_SURVEY),
    cooperationProgrammeId: existing?.cooperationProgramme?.id ?? "",
  };
}

/** A problem found before sending: the kind of message, for the field. */
export type LocalProblem = "required" | "invalid_format" | "pct_range" | "too_many";

/** Problems the form can see before sending, by field ("survey.2.textAr" for a survey question). */
export function checkProgramme(values: ProgrammeFormState): Record<string, LocalProblem> {
  const problems: Record<string, LocalProblem> = {};
  if (!values.code.trim()) problems.code = "required";
  else if (!CODE_PATTERN.test(values.code.trim())) problems.code = "invalid_format";
  if (!values.seasonCode) problems.seasonId = "required";
  if (!values.titleAr.trim()) problems.titleAr = "required";
  if (!values.titleEn.trim()) problems.titleEn = "required";
  if (values.audience.length === 0) problems.audience = "required";
  for (const field of ["minAttendancePct", "minPostScorePct"] as const) {
    const value = parseWholeNumber(values[field]);
    if (value === null || value > 100) problems[field] = values[field].trim() ? "pct_range" : "required";
  }
  if (values.survey.length > SURVEY_MAX) problems.survey = "too_many";
  values.survey.forEach((s, i) => {
    if (!s.textAr.trim()) problems[`survey.${i}.textAr`] = "required";
    if (!s.textEn.trim()) problems[`survey.${i}.textEn`] = "required";
  });
  return problems;
}

const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

/** The request body: every field (an edit sends the whole programme, with the version it started from). */
export function programmeBody(values: ProgrammeFormState, shareGroupId: string) {
  return {
    code: values.code.trim(),
    seasonId: values.seasonCode,
    titleAr: values.titleAr.trim(),
    titleEn: values.titleEn.trim(),
    descriptionAr: values.descriptionAr.trim() || null,
    descriptionEn: values.descriptionEn.trim() || null,
    objectivesAr: lines(values.objectivesAr),
    objectivesEn: lines(values.objectivesEn),
    audience: values.audience,
    ownerIds: values.coOwners.map((o) => o.id),
    visibility: values.visibility,
    ...(values.visibility === "group" ? { shareGroupId } : {}),
    enrolment: values.enrolment,
    minAttendancePct: parseWholeNumber(values.minAttendancePct) ?? 0,
    minPostScorePct: parseWholeNumber(values.minPostScorePct) ?? 0,
    requireSurvey: values.requireSurvey,
    survey: surveyBody(values.survey),
    cooperationProgrammeId: values.cooperationProgrammeId || null,
  };
}
