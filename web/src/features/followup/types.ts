import type { ActionStatus, LinkTargetType, ProposalOutcome, ProposalStatus, RecommendationStatus, UpdateKind } from "../../../../common/followup.js";
import type { Visibility } from "../../../../common/roles.js";

/** Shapes of the "Follow-up" section of docs/api.md (server/src/modules/followup/*.schema.ts). */

/** An organisation as follow-up answers show it. */
export interface FollowupOrg {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  kind: string;
  country: string | null;
}

export interface UserRef {
  id: string;
  name: string;
}

export interface EventRef {
  id: string;
  titleAr: string;
  titleEn: string;
  startsAt: string;
}

export interface SeasonRef {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
}

/* ---------- Programmes ---------- */

export interface ProgrammeSummary {
  id: string;
  code: string;
  season: SeasonRef;
  titleAr: string;
  titleEn: string;
  startsOn: string | null;
  endsOn: string | null;
  visibility: Visibility;
  parties: { organisation: FollowupOrg }[];
  counts: { areas: number; events: number; recommendations: number };
  /** Set while archived: kept and readable, left out of lists, no new recommendation under it. */
  archivedAt: string | null;
}

export interface ProgrammeList {
  items: ProgrammeSummary[];
  total: number;
  page: number;
  pageSize: number;
  abilities: { create: boolean };
}

export interface ProgrammeArea {
  id: string;
  position: number;
  code: string;
  titleAr: string;
  titleEn: string;
}

export interface ProgrammeParty {
  organisation: FollowupOrg;
  signatory: { personId: string | null; name: string; nameAr?: string | null; nameEn?: string | null } | null;
  signedOn: string | null;
}

export interface Programme extends Omit<ProgrammeSummary, "parties"> {
  descriptionAr: string | null;
  descriptionEn: string | null;
  shareGroupId: string | null;
  owner: FollowupOrg;
  parties: ProgrammeParty[];
  areas: ProgrammeArea[];
  events: { id: string; kind: string; titleAr: string; titleEn: string; startsAt: string; endsAt: string }[];
  createdAt?: string;
  updatedAt?: string;
  /** `archive`: archive it, or restore it when archived. */
  abilities: { update: boolean; archive: boolean };
}

/* ---------- Recommendations ---------- */

export interface RecommendationSummary {
  id: string;
  reference: string | null;
  textAr: string;
  textEn: string;
  status: RecommendationStatus;
  progress: number;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  season: { id: string; code: string };
  programme: { id: string; code: string; titleAr: string; titleEn: string } | null;
  area: { id: string; code: string; titleAr: string; titleEn: string } | null;
  owner: FollowupOrg;
  responsibles: FollowupOrg[];
  sourceEvent: EventRef | null;
  updatedAt: string;
}

export interface RecommendationList {
  items: RecommendationSummary[];
  total: number;
  page: number;
  pageSize: number;
  abilities: { create: boolean };
}

export interface RecommendationLink {
  targetType: LinkTargetType;
  targetId: string;
  title: { ar: string; en: string };
  startsAt: string | null;
  createdAt: string;
}

export interface ImpactWorkshop {
  id: string;
  titleAr: string;
  titleEn: string;
  startsAt: string;
  endsAt: string;
  held: boolean;
  participants: number;
  countries: number;
}

/**
 * Awareness gain over the training programmes linked to the recommendation or delivered by its
 * linked workshops (those the reader may read): averages are percentages, the gain percentage points.
 */
export interface AwarenessGain {
  programmes: { id: string; titleAr: string; titleEn: string }[];
  trainees: number;
  withPre: number;
  withPost: number;
  paired: number;
  avgPre: number | null;
  avgPost: number | null;
  avgGain: number | null;
}

export interface Impact {
  workshops: ImpactWorkshop[];
  participants: number;
  countries: number;
  /** Null when no training programme is involved. */
  awarenessGain: AwarenessGain | null;
}

/** A training programme as the link chooser lists it (GET /api/training/programmes). */
export interface TrainingProgrammeOption {
  id: string;
  code: string;
  titleAr: string;
  titleEn: string;
  season: { id: string; code: string; nameAr: string; nameEn: string };
}

export interface Recommendation extends RecommendationSummary {
  statusReason: string | null;
  visibility: Visibility;
  shareGroupId: string | null;
  sourceDecisionId: string | null;
  sourceProposal: { id: string; title: string } | null;
  createdAt: string;
  approvedAt: string | null;
  closedAt: string | null;
  createdBy: UserRef | null;
  links: RecommendationLink[];
  impact: Impact;
  abilities: { manage: boolean; progress: boolean; transitions: RecommendationStatus[] };
}

export interface EvidenceFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
  url: string;
}

export interface RecommendationUpdate {
  id: string;
  kind: UpdateKind;
  text: string | null;
  statusFrom: RecommendationStatus | null;
  statusTo: RecommendationStatus | null;
  progressFrom: number | null;
  progressTo: number | null;
  links: { url: string; title: string | null }[];
  /** For link and action entries: the workshop (type event), training programme (type training_programme) or action concerned. */
  target?: { type: string; id: string; titleAr: string; titleEn: string } | null;
  /** For the `created` entry of a recommendation from an adopted proposal: where it came from, told in the reader's language. */
  fromProposal?: ProposalHistory | null;
  files: EvidenceFile[];
  author: UserRef | null;
  organisation: { id: string; code: string; nameAr: string; nameEn: string };
  createdAt: string;
}

export interface ProposalHistory {
  id: string;
  /** In the proposal's language. */
  title: string;
  language: "ar" | "en";
  submittedAt: string;
  organisation: { nameAr: string; nameEn: string };
  sponsors: { nameAr: string; nameEn: string }[];
  /** The meetings it was first put to, when it was carried over. */
  earlier: { titleAr: string; titleEn: string }[];
  /** The decision that adopted it. */
  reference: string;
}

export interface UpdateList {
  items: RecommendationUpdate[];
  total: number;
  page: number;
  pageSize: number;
}

export interface EventRecommendations {
  serves: RecommendationSummary[];
  source: RecommendationSummary[];
  programmes: { id: string; code: string; titleAr: string; titleEn: string }[];
}

export interface TrackResult {
  created: RecommendationSummary[];
  alreadyTracked: { decisionId: string; recommendationId: string }[];
}

/* ---------- Actions ---------- */

export interface FollowupAction {
  id: string;
  recommendation: { id: string; reference: string | null; textAr: string; textEn: string };
  titleAr: string;
  titleEn: string;
  organisation: FollowupOrg;
  person: { id: string; nameAr: string; nameEn: string } | null;
  dueOn: string | null;
  status: ActionStatus;
  note: string | null;
  doneAt: string | null;
  overdue: boolean;
  daysOverdue: number;
  createdAt: string;
  updatedAt: string;
  abilities: { update: boolean; delete: boolean };
}

export interface RecommendationActions {
  items: FollowupAction[];
  abilities: { create: boolean };
}

export interface ActionList {
  items: FollowupAction[];
  total: number;
  page: number;
  pageSize: number;
}

/* ---------- Proposals ---------- */

export interface Proposal {
  id: string;
  event: EventRef;
  organisation: FollowupOrg;
  language: "ar" | "en";
  title: string;
  problem: string;
  proposal: string;
  benefit: string;
  status: ProposalStatus;
  decision: { reference: string | null; note: string | null; decidedAt: string; decidedBy: UserRef | null } | null;
  recommendationId: string | null;
  carriedFrom: { id: string; eventId: string; eventTitleAr: string; eventTitleEn: string } | null;
  sponsors: { organisation: FollowupOrg; createdAt: string }[];
  commentCount: number;
  author: UserRef | null;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean; withdraw: boolean; sponsor: boolean; unsponsor: boolean; comment: boolean; decide: boolean };
}

export interface ProposalList {
  items: Proposal[];
  abilities: { submit: boolean; decide: boolean };
}

export interface ProposalComment {
  id: string;
  body: string;
  author: UserRef | null;
  organisation: FollowupOrg;
  createdAt: string;
  /** `delete`: its writer, an admin of the meeting's host, or a coordinator. */
  abilities?: { delete: boolean };
}

export interface ProposalDecisionInput {
  outcome: ProposalOutcome;
  reference: string;
  note?: string;
  responsibleOrganisationIds?: string[];
  dueOn?: string;
}

export interface OpenProposal {
  id: string;
  title: string;
  language: "ar" | "en";
  status: ProposalStatus;
  organisation: FollowupOrg;
  event: EventRef;
  sponsors: number;
  carriedToProposalId: string | null;
}

export interface OpenItems {
  previous: { id: string; titleAr: string; titleEn: string; startsAt: string; season: { id: string; code: string } }[];
  recommendations: RecommendationSummary[];
  proposals: OpenProposal[];
  abilities: { carryOver: boolean };
}

/* ---------- Accountability ---------- */

export interface AccountabilityTotals {
  total: number;
  proposed: number;
  approved: number;
  inProgress: number;
  done: number;
  dropped: number;
  overdue: number;
  implementationRate: number | null;
}

export interface Accountability {
  totals: AccountabilityTotals;
  byArea: { areaId: string | null; code: string | null; titleAr: string | null; titleEn: string | null; total: number; done: number; rate: number | null; averageProgress: number | null }[];
  byOrganisation: {
    organisationId: string;
    nameAr: string;
    nameEn: string;
    country: string | null;
    total: number;
    done: number;
    rate: number | null;
    averageProgress: number | null;
    overdue: number;
  }[];
  overdue: {
    id: string;
    reference: string | null;
    textAr: string;
    textEn: string;
    status: RecommendationStatus;
    progress: number;
    dueOn: string | null;
    daysOverdue: number;
    responsibles: { id: string; nameAr: string; nameEn: string }[];
  }[];
  timeline: {
    id: string;
    date: string;
    kind: UpdateKind;
    recommendationId: string;
    reference: string | null;
    textAr: string;
    textEn: string;
    statusFrom: RecommendationStatus | null;
    statusTo: RecommendationStatus | null;
    progressTo: number | null;
    organisation: { id: string; nameAr: string; nameEn: string } | null;
  }[];
}

export type { ActionStatus, ProposalOutcome, ProposalStatus, RecommendationStatus, UpdateKind };
