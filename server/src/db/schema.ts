import type { Generated } from "kysely";

/**
 * Tables as TypeScript sees them (camelCase through CamelCasePlugin; snake_case in SQL).
 * Instants are ISO-8601 UTC strings in both dialects so that one set of
 * queries serves SQLite and PostgreSQL; flags are 0/1 integers for the same reason.
 */
export interface CountryTable {
  code: string;
  nameAr: string;
  nameEn: string;
  oicStatus: string;
}

export interface OrganisationTable {
  id: string;
  code: string;
  kind: string;
  nameAr: string;
  nameEn: string;
  country: string | null;
  cityAr: string | null;
  cityEn: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  addressAr: string | null;
  addressEn: string | null;
  visibility: string;
  /** With visibility "group": the group the record is shared with. */
  shareGroupId: string | null;
  searchText: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupTable {
  id: string;
  code: string;
  nameAr: string;
  nameEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface GroupMemberTable {
  groupId: string;
  organisationId: string;
}

export interface PersonTable {
  id: string;
  organisationId: string;
  nameAr: string;
  nameEn: string;
  position: string;
  titleAr: string | null;
  titleEn: string | null;
  email: string | null;
  phone: string | null;
  preferredLanguage: string;
  visibility: string;
  /** With visibility "group": the group the record is shared with. */
  shareGroupId: string | null;
  searchText: string;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  passwordHash: string | null;
  role: string;
  organisationId: string;
  personId: string | null;
  locale: string;
  digits: string;
  disabledAt: string | null;
  passwordChangedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface ApiTokenTable {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface InvitationTable {
  id: string;
  tokenHash: string;
  email: string;
  name: string | null;
  role: string;
  organisationId: string;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

export interface PasswordResetTable {
  id: string;
  tokenHash: string;
  userId: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface LoginFailureTable {
  id: Generated<number>;
  emailKey: string;
  ip: string;
  at: string;
}

export interface OutboxTable {
  id: string;
  organisationId: string | null;
  toEmail: string;
  subject: string;
  body: string;
  kind: string;
  locale: string;
  status: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  /** Pending: due when null or not after now (also the sender's lease while it sends). */
  nextAttemptAt: string | null;
  /** JSON array of files sent with the message ({ filename, contentType, content }), e.g. an .ics. */
  attachments: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  actorId: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  changes: string | null;
}

export interface SeasonTable {
  id: string;
  code: string;
  hijriYear: number;
  nameAr: string;
  nameEn: string;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface EventTable {
  id: string;
  seasonId: string;
  kind: string;
  mode: string;
  status: string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  hostOrganisationId: string;
  chairPersonId: string | null;
  venueAr: string | null;
  venueEn: string | null;
  joinUrl: string | null;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  registration: string;
  capacity: number | null;
  previousEventId: string | null;
  visibility: string;
  shareGroupId: string | null;
  checkInSecret: string;
  searchText: string;
  createdBy: string | null;
  /** When the day-before reminder was queued (null: not yet). */
  reminderSentAt: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaItemTable {
  id: string;
  eventId: string;
  position: number;
  kind: string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  startsAt: string | null;
  endsAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AgendaSpeakerTable {
  id: string;
  agendaItemId: string;
  position: number;
  personId: string | null;
  guestNameAr: string | null;
  guestNameEn: string | null;
  guestTitleAr: string | null;
  guestTitleEn: string | null;
  role: string;
}

export interface EventInvitationTable {
  id: string;
  eventId: string;
  organisationId: string;
  viaGroupId: string | null;
  status: string;
  quota: number | null;
  respondedAt: string | null;
  createdAt: string;
}

export interface DelegationMemberTable {
  id: string;
  eventId: string;
  organisationId: string;
  personId: string;
  isLeader: number;
  createdAt: string;
}

export interface RegistrationTable {
  id: string;
  eventId: string;
  userId: string;
  organisationId: string;
  status: string;
  sequence: number;
  createdAt: string;
  updatedAt: string;
}

export interface AttendanceTable {
  id: string;
  eventId: string;
  /** `p:<personId>` or, for a registrant with no directory entry, `u:<userId>`. */
  attendeeKey: string;
  personId: string | null;
  userId: string | null;
  organisationId: string;
  /** organiser | self | import */
  source: string;
  /** Minutes connected, from a virtual platform's report. */
  minutes: number | null;
  checkedInAt: string;
  recordedBy: string | null;
}
export interface EventMinutesTable {
  eventId: string;
  bodyHtml: string;
  /** Incremented on every save: a save based on an older version is refused, not lost. */
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}
export interface EventDecisionTable {
  id: string;
  eventId: string;
  position: number;
  /** The meeting's own numbering, e.g. "1446/3". */
  reference: string | null;
  textAr: string;
  textEn: string;
  responsibleOrganisationId: string | null;
  dueOn: string | null;
  createdAt: string;
  updatedAt: string;
}
export interface AttachmentTable {
  id: string;
  eventId: string;
  /** event | agenda | minutes */
  target: string;
  agendaItemId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  /** File name under DATA_DIR/attachments. */
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}
export interface CalendarFeedTable {
  userId: string;
  tokenHash: string;
  createdAt: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface LibraryEntryTable {
  id: string;
  organisationId: string;
  authorId: string | null;
  /** practice | lesson | experience */
  kind: string;
  /** The language the entry was first written in: ar | en. */
  language: string;
  titleAr: string | null;
  titleEn: string | null;
  /** Sanitised HTML. */
  bodyAr: string | null;
  bodyEn: string | null;
  category: string;
  seasonId: string | null;
  eventId: string | null;
  visibility: string;
  shareGroupId: string | null;
  version: number;
  usefulCount: Generated<number>;
  commentCount: Generated<number>;
  updatedBy: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryEntryTagTable {
  entryId: string;
  tag: string;
}

export interface LibraryEntryVersionTable {
  id: string;
  entryId: string;
  version: number;
  kind: string;
  language: string;
  titleAr: string | null;
  titleEn: string | null;
  bodyAr: string | null;
  bodyEn: string | null;
  category: string;
  /** JSON array of tags. */
  tags: string;
  editedBy: string | null;
  editedAt: string;
}

export interface LibraryCommentTable {
  id: string;
  entryId: string;
  parentId: string | null;
  userId: string | null;
  organisationId: string;
  /** comment | question */
  kind: string;
  body: string;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LibraryUsefulTable {
  entryId: string;
  userId: string;
  createdAt: string;
}

export interface LibraryAttachmentTable {
  id: string;
  entryId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

/** One row per searchable record (see server/src/modules/search). */
export interface SearchDocumentTable {
  seq: Generated<number>;
  /** library | event | organisation | person | recommendation */
  docType: string;
  recordId: string;
  organisationId: string | null;
  visibility: string;
  shareGroupId: string | null;
  category: string | null;
  country: string | null;
  seasonId: string | null;
  /** "ar", "en" or "ar en" */
  languages: string;
  titleAr: string | null;
  titleEn: string | null;
  body: string;
  termsTitle: string;
  termsBody: string;
  updatedAt: string;
}

export interface CooperationProgrammeTable {
  id: string;
  code: string;
  seasonId: string;
  /** The owner: the creating coordinator's organisation. */
  organisationId: string;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  /** Gregorian YYYY-MM-DD. */
  startsOn: string | null;
  endsOn: string | null;
  visibility: string;
  shareGroupId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface ProgrammePartyTable {
  programmeId: string;
  organisationId: string;
  signatoryPersonId: string | null;
  signatoryName: string | null;
  signedOn: string | null;
}

export interface CooperationAreaTable {
  id: string;
  programmeId: string;
  position: number;
  code: string;
  titleAr: string;
  titleEn: string;
}

export interface ProgrammeEventTable {
  programmeId: string;
  eventId: string;
}

export interface RecommendationTable {
  id: string;
  programmeId: string | null;
  areaId: string | null;
  seasonId: string;
  sourceEventId: string | null;
  sourceDecisionId: string | null;
  sourceProposalId: string | null;
  reference: string | null;
  textAr: string;
  textEn: string;
  /** proposed | approved | in_progress | done | dropped */
  status: string;
  statusReason: string | null;
  /** 0–100 */
  progress: number;
  dueOn: string | null;
  /** The owner: who records it (the meeting's host, or the creator's organisation). */
  organisationId: string;
  visibility: string;
  shareGroupId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  closedAt: string | null;
}

export interface RecommendationResponsibleTable {
  recommendationId: string;
  organisationId: string;
}

export interface RecommendationUpdateTable {
  id: string;
  recommendationId: string;
  userId: string | null;
  organisationId: string;
  /** created | update | status | progress | link | action */
  kind: string;
  text: string | null;
  statusFrom: string | null;
  statusTo: string | null;
  progressFrom: number | null;
  progressTo: number | null;
  /** JSON array of { url, title }. */
  links: string | null;
  createdAt: string;
}

export interface RecommendationFileTable {
  id: string;
  updateId: string;
  recommendationId: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string | null;
  createdAt: string;
}

export interface RecommendationLinkTable {
  recommendationId: string;
  /** event (training_programme later) */
  targetType: string;
  targetId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ActionTable {
  id: string;
  recommendationId: string;
  titleAr: string;
  titleEn: string;
  organisationId: string;
  personId: string | null;
  dueOn: string | null;
  /** open | done | cancelled */
  status: string;
  note: string | null;
  doneAt: string | null;
  remindedAt: string | null;
  overdueNotifiedAt: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalTable {
  id: string;
  eventId: string;
  /** The submitting mission. */
  organisationId: string;
  language: string;
  title: string;
  problem: string;
  proposal: string;
  benefit: string;
  /** submitted | adopted | deferred | rejected | withdrawn */
  status: string;
  decisionReference: string | null;
  decisionNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  recommendationId: string | null;
  carriedFromProposalId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ProposalSponsorTable {
  proposalId: string;
  organisationId: string;
  userId: string | null;
  createdAt: string;
}

export interface ProposalCommentTable {
  id: string;
  proposalId: string;
  userId: string | null;
  organisationId: string;
  body: string;
  deletedAt: string | null;
  createdAt: string;
}

export interface TrainingProgrammeTable {
  id: string;
  code: string;
  seasonId: string;
  /** The lead owner; every owner (the lead included) is in training_programme_owners. */
  organisationId: string;
  cooperationProgrammeId: string | null;
  titleAr: string;
  titleEn: string;
  descriptionAr: string | null;
  descriptionEn: string | null;
  /** One objective per line. */
  objectivesAr: string | null;
  objectivesEn: string | null;
  /** Comma-separated `TrainingAudience` values. */
  audience: string;
  /** draft | published */
  status: string;
  visibility: string;
  shareGroupId: string | null;
  /** open | managed */
  enrolment: string;
  minAttendancePct: number;
  minPostScorePct: number;
  requireSurvey: number;
  /** JSON `SurveyItem[]`. */
  survey: string;
  version: number;
  /** Incremented with every write that changes the programme's results (modules/training/facts-version.ts). */
  factsVersion: Generated<number>;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface TrainingProgrammeOwnerTable {
  programmeId: string;
  organisationId: string;
  position: number;
}

export interface TrainingProgrammeEventTable {
  programmeId: string;
  eventId: string;
}

export interface TrainingModuleTable {
  id: string;
  programmeId: string;
  position: number;
  titleAr: string;
  titleEn: string;
  summaryAr: string | null;
  summaryEn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingMaterialTable {
  id: string;
  moduleId: string;
  programmeId: string;
  position: number;
  /** file | link | video */
  kind: string;
  titleAr: string;
  titleEn: string;
  url: string | null;
  fileName: string | null;
  contentType: string | null;
  size: number | null;
  sha256: string | null;
  storageKey: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface TrainingEnrolmentTable {
  id: string;
  programmeId: string;
  personId: string;
  userId: string | null;
  organisationId: string;
  /** enrolled | withdrawn */
  status: string;
  /** self | admin | import */
  source: string;
  enrolledBy: string | null;
  createdAt: string;
  updatedAt: string;
  withdrawnAt: string | null;
}

export interface TrainingQuestionTable {
  id: string;
  programmeId: string;
  position: number;
  /** single | multiple | true_false | numeric */
  kind: string;
  textAr: string;
  textEn: string;
  /** JSON `QuestionOption[]`. */
  options: string;
  /** JSON `AnswerKey`. */
  answerKey: string;
  points: number;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface TrainingAssessmentTable {
  id: string;
  programmeId: string;
  /** pre | post */
  kind: string;
  timeLimitMinutes: number | null;
  opensAt: string | null;
  closesAt: string | null;
  published: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TrainingAssessmentQuestionTable {
  assessmentId: string;
  questionId: string;
  position: number;
}

export interface TrainingAttemptTable {
  id: string;
  assessmentId: string;
  enrolmentId: string;
  programmeId: string;
  /** pre | post */
  kind: string;
  /** JSON array of question ids, frozen at the start. */
  questionIds: string;
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  autoSubmitted: number;
  score: number | null;
  maxScore: number;
}

export interface TrainingAnswerTable {
  attemptId: string;
  questionId: string;
  /** JSON `AnswerResponse`. */
  response: string;
  correct: number | null;
  points: number | null;
  savedAt: string;
}

export interface TrainingSurveyResponseTable {
  enrolmentId: string;
  programmeId: string;
  /** JSON { [itemId]: 1..5 | "text" }. */
  answers: string;
  submittedAt: string;
}

export interface TrainingCertificateTable {
  id: string;
  code: string;
  programmeId: string;
  enrolmentId: string;
  personId: string;
  organisationId: string;
  nameAr: string;
  nameEn: string;
  programmeTitleAr: string;
  programmeTitleEn: string;
  /** JSON [{ nameAr, nameEn }]. */
  issuers: string;
  startsOn: string | null;
  endsOn: string | null;
  completedOn: string;
  attendancePct: number;
  postScorePct: number | null;
  /** valid | revoked */
  status: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
  issuedBy: string | null;
  issuedAt: string;
}

export interface DB {
  countries: CountryTable;
  organisations: OrganisationTable;
  groups: GroupTable;
  groupMembers: GroupMemberTable;
  people: PersonTable;
  users: UserTable;
  sessions: SessionTable;
  apiTokens: ApiTokenTable;
  invitations: InvitationTable;
  passwordResets: PasswordResetTable;
  loginFailures: LoginFailureTable;
  outbox: OutboxTable;
  auditLog: AuditTable;
  meta: MetaTable;
  seasons: SeasonTable;
  events: EventTable;
  agendaItems: AgendaItemTable;
  agendaSpeakers: AgendaSpeakerTable;
  eventInvitations: EventInvitationTable;
  delegationMembers: DelegationMemberTable;
  registrations: RegistrationTable;
  calendarFeeds: CalendarFeedTable;
  attendance: AttendanceTable;
  eventMinutes: EventMinutesTable;
  eventDecisions: EventDecisionTable;
  attachments: AttachmentTable;
  libraryEntries: LibraryEntryTable;
  libraryEntryTags: LibraryEntryTagTable;
  libraryEntryVersions: LibraryEntryVersionTable;
  libraryComments: LibraryCommentTable;
  libraryUseful: LibraryUsefulTable;
  libraryAttachments: LibraryAttachmentTable;
  searchDocuments: SearchDocumentTable;
  cooperationProgrammes: CooperationProgrammeTable;
  programmeParties: ProgrammePartyTable;
  cooperationAreas: CooperationAreaTable;
  programmeEvents: ProgrammeEventTable;
  recommendations: RecommendationTable;
  recommendationResponsibles: RecommendationResponsibleTable;
  recommendationUpdates: RecommendationUpdateTable;
  recommendationFiles: RecommendationFileTable;
  recommendationLinks: RecommendationLinkTable;
  actions: ActionTable;
  proposals: ProposalTable;
  proposalSponsors: ProposalSponsorTable;
  proposalComments: ProposalCommentTable;
  trainingProgrammes: TrainingProgrammeTable;
  trainingProgrammeOwners: TrainingProgrammeOwnerTable;
  trainingProgrammeEvents: TrainingProgrammeEventTable;
  trainingModules: TrainingModuleTable;
  trainingMaterials: TrainingMaterialTable;
  trainingEnrolments: TrainingEnrolmentTable;
  trainingQuestions: TrainingQuestionTable;
  trainingAssessments: TrainingAssessmentTable;
  trainingAssessmentQuestions: TrainingAssessmentQuestionTable;
  trainingAttempts: TrainingAttemptTable;
  trainingAnswers: TrainingAnswerTable;
  trainingSurveyResponses: TrainingSurveyResponseTable;
  trainingCertificates: TrainingCertificateTable;
}
