/**
 * Authorization, driven by one declarative table: role × action × relation of the
 * record to the caller → allowed or denied. Each cell is checked over HTTP on the
 * single-record endpoint and, for reads, in the list endpoint too. Every route the
 * app registers must appear in ROUTES below, or the test fails.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Action } from "../../../common/permissions.js";
import { newId, nowIso } from "../lib/tokens.js";
import { buildTestApp, login, LOGINS, orgId, type Client, type TestApp } from "../test/app.js";
import { DIALECTS } from "../test/dialects.js";

type Subject = "anonymous" | "coordinator" | "org_admin" | "member" | "trainer" | "participant";
/**
 * "linked" is probed only where a row has a fifth column: another organisation's workshop, shared with
 * the caller's group, that delivers a training programme the caller's organisation co-owns (its admins
 * and trainers manage the programme: policies/events.ts).
 */
type Rel = "own" | "shared" | "other" | "public" | "linked";
const RELS: Rel[] = ["own", "shared", "other", "public", "linked"];
const Y = true;
const N = false;
const _ = null; // relation does not apply to this action

/** [own, shared, other, public, linked?] — the expected answer, written independently of policies/grants.ts. */
const TABLE: Record<Action, Record<Subject, Array<boolean | null>>> = {
  "organisation.read":    { anonymous: [N, N, N, Y], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "organisation.create":  { anonymous: [_, _, N, _], coordinator: [_, _, Y, _], org_admin: [_, _, N, _], member: [_, _, N, _], trainer: [_, _, N, _], participant: [_, _, N, _] },
  "organisation.update":  { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "organisation.archive": { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [N, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "group.read":           { anonymous: [_, N, _, _], coordinator: [_, Y, _, _], org_admin: [_, Y, _, _], member: [_, Y, _, _], trainer: [_, Y, _, _], participant: [_, Y, _, _] },
  "group.create":         { anonymous: [_, _, N, _], coordinator: [_, _, Y, _], org_admin: [_, _, N, _], member: [_, _, N, _], trainer: [_, _, N, _], participant: [_, _, N, _] },
  "group.update":         { anonymous: [_, N, _, _], coordinator: [_, Y, _, _], org_admin: [_, N, _, _], member: [_, N, _, _], trainer: [_, N, _, _], participant: [_, N, _, _] },
  "person.read":          { anonymous: [N, N, N, Y], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "person.create":        { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "person.update":        { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "person.archive":       { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "user.read":            { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "user.invite":          { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "user.update":          { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "user.disable":         { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "user.reset_password":  { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "outbox.read":          { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "audit.read":           { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "season.read":          { anonymous: [_, N, _, _], coordinator: [_, Y, _, _], org_admin: [_, Y, _, _], member: [_, Y, _, _], trainer: [_, Y, _, _], participant: [_, Y, _, _] },
  "season.manage":        { anonymous: [_, _, N, _], coordinator: [_, _, Y, _], org_admin: [_, _, N, _], member: [_, _, N, _], trainer: [_, _, N, _], participant: [_, _, N, _] },
  "event.read":           { anonymous: [N, N, N, Y], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "event.create":         { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  // Managing a programme a workshop delivers does not let one edit the workshop ("linked")...
  "event.update":         { anonymous: [N, N, N, N, N], coordinator: [Y, Y, Y, Y, Y], org_admin: [Y, N, N, N, N], member: [N, N, N, N, N], trainer: [N, N, N, N, N], participant: [N, N, N, N, N] },
  // ...but lets one record its attendance: the list, check-in and undo, a platform's report, the QR link.
  "event.attendance":     { anonymous: [N, N, N, N, N], coordinator: [Y, Y, Y, Y, Y], org_admin: [Y, N, N, N, Y], member: [N, N, N, N, N], trainer: [N, N, N, N, Y], participant: [N, N, N, N, N] },
  "delegation.manage":    { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "registration.create":  { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "registration.read":    { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "minutes.read":         { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, N], member: [Y, Y, N, N], trainer: [Y, Y, N, N], participant: [Y, Y, N, N] },
  // "Private" library entries are private from coordinators too. An entry is always written for one's own organisation.
  "library.read":         { anonymous: [N, N, N, Y], coordinator: [Y, Y, N, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "library.create":       { anonymous: [N, _, _, _], coordinator: [Y, _, _, _], org_admin: [Y, _, _, _], member: [Y, _, _, _], trainer: [Y, _, _, _], participant: [Y, _, _, _] },
  "library.update":       { anonymous: [N, N, N, N], coordinator: [Y, N, N, N], org_admin: [Y, N, N, N], member: [Y, N, N, N], trainer: [Y, N, N, N], participant: [N, N, N, N] },
  "library.comment":      { anonymous: [N, N, N, N], coordinator: [Y, Y, N, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  // Follow-up routes need a signed-in caller. A programme is "shared" with its parties (probed that way).
  "programme.read":       { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "programme.manage":     { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [N, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  // "shared" is probed as a private recommendation the caller's organisation is responsible for.
  "recommendation.read":  { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "recommendation.create": { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  // Special relation: "own" = the caller's organisation is RESPONSIBLE for another organisation's recommendation;
  // "shared" = readable (shared with a group) but not responsible; "public" = public, not responsible.
  "recommendation.update": { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [Y, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  // The record is the meeting: "own" = the caller's organisation hosts it, "shared" = it is invited to it.
  "proposal.submit":      { anonymous: [N, N, N, N], coordinator: [Y, Y, N, N], org_admin: [Y, Y, N, N], member: [Y, Y, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  "proposal.decide":      { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [N, N, N, N], participant: [N, N, N, N] },
  // A published programme, by its owner and visibility. "own" = the caller's organisation is one of its owners.
  "training.read":        { anonymous: [N, N, N, Y], coordinator: [Y, Y, Y, Y], org_admin: [Y, Y, N, Y], member: [Y, Y, N, Y], trainer: [Y, Y, N, Y], participant: [Y, Y, N, Y] },
  "training.manage":      { anonymous: [N, N, N, N], coordinator: [Y, Y, Y, Y], org_admin: [Y, N, N, N], member: [N, N, N, N], trainer: [Y, N, N, N], participant: [N, N, N, N] },
  // The record is the trainee's organisation; the programme is one the caller does not manage.
  "training.enrol":       { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
  "training.results":     { anonymous: [N, _, N, _], coordinator: [Y, _, Y, _], org_admin: [Y, _, N, _], member: [N, _, N, _], trainer: [N, _, N, _], participant: [N, _, N, _] },
};

/** Every route, with the action that guards it ("public": anyone; "self": the caller's own account). */
const ROUTES: Record<string, Action | "public" | "self"> = {
  "GET /api/health": "public",
  "GET /api/version": "public",
  "GET /api/openapi.json": "public",
  "GET /api/countries": "public",
  "GET /api/auth/session": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "public",
  "GET /api/auth/invitations/:token": "public",
  "POST /api/auth/invitations/accept": "public",
  "GET /api/auth/password-reset/:token": "public",
  "POST /api/auth/password-reset/complete": "public",
  "POST /api/auth/password": "self",
  "PATCH /api/me": "self",
  "GET /api/me/tokens": "self",
  "POST /api/me/tokens": "self",
  "DELETE /api/me/tokens/:id": "self",
  "GET /api/organisations": "organisation.read",
  "GET /api/organisations/:idOrCode": "organisation.read",
  "POST /api/organisations": "organisation.create",
  "PATCH /api/organisations/:id": "organisation.update",
  "POST /api/organisations/:id/archive": "organisation.archive",
  "POST /api/organisations/:id/restore": "organisation.archive",
  "GET /api/groups": "group.read",
  "GET /api/groups/:idOrCode": "group.read",
  "POST /api/groups": "group.create",
  "PATCH /api/groups/:id": "group.update",
  "GET /api/people": "person.read",
  "GET /api/people/:id": "person.read",
  "POST /api/people": "person.create",
  "PATCH /api/people/:id": "person.update",
  "POST /api/people/:id/archive": "person.archive",
  "POST /api/people/:id/restore": "person.archive",
  "GET /api/users": "user.read",
  "PATCH /api/users/:id": "user.update",
  "POST /api/users/:id/disable": "user.disable",
  "POST /api/users/:id/enable": "user.disable",
  "POST /api/users/:id/password-reset": "user.reset_password",
  "GET /api/invitations": "user.invite",
  "POST /api/invitations": "user.invite",
  "DELETE /api/invitations/:id": "user.invite",
  "GET /api/outbox": "outbox.read",
  "GET /api/audit": "audit.read",
  "GET /api/seasons": "season.read",
  "GET /api/seasons/:idOrCode": "season.read",
  "POST /api/seasons": "season.manage",
  "PATCH /api/seasons/:id": "season.manage",
  "GET /api/events": "event.read",
  "GET /api/events/:id": "event.read",
  "POST /api/events": "event.create",
  "PATCH /api/events/:id": "event.update",
  "GET /api/events/:id/agenda": "event.read",
  "PUT /api/events/:id/agenda": "event.update",
  "POST /api/events/:id/registration": "registration.create",
  "DELETE /api/events/:id/registration": "registration.create",
  "GET /api/events/:id/registrations": "registration.read",
  "GET /api/events/:id/invitations": "event.read",
  "POST /api/events/:id/invitations": "event.update",
  "DELETE /api/events/:id/invitations/:organisationId": "event.update",
  "PUT /api/events/:id/delegations/:organisationId": "delegation.manage",
  "POST /api/events/:id/invitations/:organisationId/decline": "delegation.manage",
  "GET /api/events/:id/calendar.ics": "event.read",
  "GET /api/events/:id/attendance": "event.attendance",
  "PUT /api/events/:id/attendance/:key": "event.attendance",
  "DELETE /api/events/:id/attendance/:key": "event.attendance",
  "POST /api/events/:id/attendance/import": "event.attendance",
  "GET /api/events/:id/check-in-link": "event.attendance",
  // Only people expected at the event, for themselves (attendance.routes.test.ts).
  "POST /api/events/:id/check-in": "self",
  "GET /api/events/:id/minutes": "minutes.read",
  "PUT /api/events/:id/minutes": "event.update",
  "GET /api/events/:id/attachments": "event.read",
  "POST /api/events/:id/attachments": "event.update",
  "GET /api/events/:id/attachments/:attachmentId": "event.read",
  "DELETE /api/events/:id/attachments/:attachmentId": "event.update",
  "POST /api/me/calendar-feed": "self",
  "GET /api/calendar/:file": "public",
  // Anyone may search; each result is filtered by its own type's read grant (search.routes.test.ts, search-quality.test.ts).
  "GET /api/search": "public",
  "GET /api/library/entries": "library.read",
  "POST /api/library/entries": "library.create",
  "GET /api/library/entries/:id": "library.read",
  "PATCH /api/library/entries/:id": "library.update",
  "DELETE /api/library/entries/:id": "library.update",
  "GET /api/library/entries/:id/versions": "library.read",
  "GET /api/library/entries/:id/versions/:version": "library.read",
  "GET /api/library/entries/:id/comments": "library.read",
  "POST /api/library/entries/:id/comments": "library.comment",
  // Its writer, the entry's organisation's admin or a coordinator (library.routes.test.ts).
  "DELETE /api/library/entries/:id/comments/:commentId": "library.comment",
  "PUT /api/library/entries/:id/useful": "library.comment",
  "DELETE /api/library/entries/:id/useful": "library.comment",
  "GET /api/library/entries/:id/attachments": "library.read",
  "POST /api/library/entries/:id/attachments": "library.update",
  "GET /api/library/entries/:id/attachments/:attachmentId": "library.read",
  "DELETE /api/library/entries/:id/attachments/:attachmentId": "library.update",
  "GET /api/library/tags": "library.read",
  "GET /api/programmes": "programme.read",
  "POST /api/programmes": "programme.manage",
  "GET /api/programmes/:id": "programme.read",
  "PATCH /api/programmes/:id": "programme.manage",
  "POST /api/programmes/:id/archive": "programme.manage",
  "POST /api/programmes/:id/restore": "programme.manage",
  "GET /api/recommendations": "recommendation.read",
  "POST /api/recommendations": "recommendation.create",
  "GET /api/recommendations/:id": "recommendation.read",
  // Status and progress: responsible organisations and coordinators; texts, responsibles, approve and drop:
  // the owner's admin and coordinators (policies/followup.ts, followup/recommendations.routes.test.ts).
  "PATCH /api/recommendations/:id": "recommendation.update",
  "POST /api/events/:id/decisions/track": "event.update",
  "GET /api/events/:id/recommendations": "event.read",
  "GET /api/recommendations/linked": "recommendation.read",
  "GET /api/recommendations/:id/updates": "recommendation.read",
  "POST /api/recommendations/:id/updates": "recommendation.update",
  "POST /api/recommendations/:id/updates/:updateId/files": "recommendation.update",
  "GET /api/recommendations/:id/updates/:updateId/files/:fileId": "recommendation.read",
  // Links: those who report on it and those who manage it.
  "POST /api/recommendations/:id/links": "recommendation.update",
  "DELETE /api/recommendations/:id/links/:targetType/:targetId": "recommendation.update",
  "GET /api/actions": "recommendation.read",
  "GET /api/recommendations/:id/actions": "recommendation.read",
  "POST /api/recommendations/:id/actions": "recommendation.update",
  // Also the assigned organisation's admins and members, for status and note (followup/actions.routes.test.ts).
  "PATCH /api/actions/:id": "recommendation.update",
  "DELETE /api/actions/:id": "recommendation.update",
  "GET /api/events/:id/proposals": "minutes.read",
  "POST /api/events/:id/proposals": "proposal.submit",
  "GET /api/events/:id/open-items": "event.read",
  "GET /api/proposals/:id": "minutes.read",
  // Editing and withdrawing: the submitting organisation only (followup/proposals.routes.test.ts).
  "PATCH /api/proposals/:id": "proposal.submit",
  "POST /api/proposals/:id/withdraw": "proposal.submit",
  "PUT /api/proposals/:id/sponsorship": "proposal.submit",
  "DELETE /api/proposals/:id/sponsorship": "proposal.submit",
  "GET /api/proposals/:id/comments": "minutes.read",
  "POST /api/proposals/:id/comments": "proposal.submit",
  // Its writer, an admin of the meeting's host or a coordinator (followup/proposals.routes.test.ts).
  "DELETE /api/proposals/:id/comments/:commentId": "proposal.submit",
  "POST /api/proposals/:id/decision": "proposal.decide",
  "POST /api/proposals/:id/carry-over": "proposal.decide",
  "GET /api/accountability": "recommendation.read",
  "GET /api/accountability/export": "recommendation.read",
  // Training: programmes, modules, materials, workshops, enrolments (training/programmes, training/enrolments).
  "GET /api/training/programmes": "training.read",
  "POST /api/training/programmes": "training.manage",
  "GET /api/training/programmes/:id": "training.read",
  "PATCH /api/training/programmes/:id": "training.manage",
  "POST /api/training/programmes/:id/publish": "training.manage",
  "POST /api/training/programmes/:id/unpublish": "training.manage",
  "POST /api/training/programmes/:id/archive": "training.manage",
  "POST /api/training/programmes/:id/unarchive": "training.manage",
  "PUT /api/training/programmes/:id/workshops": "training.manage",
  // The workshop's readable programmes (training/programmes.routes.test.ts).
  "GET /api/events/:id/training-programmes": "event.read",
  "POST /api/training/programmes/:id/modules": "training.manage",
  "PUT /api/training/programmes/:id/modules/order": "training.manage",
  "PATCH /api/training/modules/:id": "training.manage",
  "DELETE /api/training/modules/:id": "training.manage",
  "POST /api/training/modules/:id/materials": "training.manage",
  "PUT /api/training/modules/:id/materials/order": "training.manage",
  "POST /api/training/modules/:id/files": "training.manage",
  "PATCH /api/training/materials/:id": "training.manage",
  "DELETE /api/training/materials/:id": "training.manage",
  "GET /api/training/materials/:id/file": "training.read",
  // Managers: every trainee; an organisation's admin: his own staff (training/enrolments.routes.test.ts, enrolment-import.test.ts).
  "GET /api/training/programmes/:id/enrolments": "training.enrol",
  "POST /api/training/programmes/:id/enrolments": "training.enrol",
  "POST /api/training/programmes/:id/enrolments/import": "training.enrol",
  "GET /api/training/programmes/:id/enrolments/template.csv": "training.enrol",
  "GET /api/training/programmes/:id/enrolments/template.xlsx": "training.enrol",
  // The caller enrols himself in an open programme he may read (training/enrolments.routes.test.ts).
  "POST /api/training/programmes/:id/enrolments/self": "self",
  // Also the trainee himself (training/enrolments.routes.test.ts).
  "DELETE /api/training/enrolments/:id": "training.enrol",
  // Training: question bank, tests, attempts, survey (training/assessments).
  "GET /api/training/programmes/:id/questions": "training.manage",
  "POST /api/training/programmes/:id/questions": "training.manage",
  "PUT /api/training/programmes/:id/questions/order": "training.manage",
  "PATCH /api/training/questions/:id": "training.manage",
  "DELETE /api/training/questions/:id": "training.manage",
  // Readers see published tests; managers their questions; trainees their own attempt (training/assessments.routes.test.ts).
  "GET /api/training/programmes/:id/assessments": "training.read",
  "PUT /api/training/programmes/:id/assessments/:kind": "training.manage",
  // The enrolled trainee's own attempt; once submitted, also readable with training.manage / training.results (training/attempts.routes.test.ts).
  "POST /api/training/programmes/:id/assessments/:kind/attempt": "self",
  "GET /api/training/attempts/:id": "self",
  "PUT /api/training/attempts/:id/answers/:questionId": "self",
  "POST /api/training/attempts/:id/submit": "self",
  "GET /api/training/programmes/:id/survey": "training.read",
  "POST /api/training/programmes/:id/survey": "self",
  "GET /api/training/programmes/:id/survey/summary": "training.manage",
  // Training: completion, results, certificates, public verification (training/certificates).
  "GET /api/training/programmes/:id/results": "training.results",
  "GET /api/training/programmes/:id/results/export": "training.results",
  // The enrolled caller's own progress and certificate (training/results.routes.test.ts, certificates.routes.test.ts).
  "GET /api/training/programmes/:id/my-progress": "self",
  "POST /api/training/programmes/:id/my-certificate": "self",
  "POST /api/training/programmes/:id/certificates/issue": "training.manage",
  "GET /api/training/programmes/:id/certificates": "training.results",
  "POST /api/training/certificates/:id/revoke": "training.manage",
  // Also the trainee himself (training/certificates.routes.test.ts).
  "GET /api/training/certificates/:id/pdf": "training.results",
  "GET /api/events/:id/certificates.zip": "training.results",
  // Anyone: a code's names, programme, date and status, nothing else (training/certificates.routes.test.ts).
  "GET /api/verify/:code": "public",
};

const READ_ACTIONS = ["public", "organisation.read", "person.read", "event.read", "library.read", "training.read"];

const SUBJECT_LOGIN: Record<Exclude<Subject, "anonymous">, string> = {
  coordinator: LOGINS.oicCoordinator,
  org_admin: LOGINS.qatarAdmin,
  member: LOGINS.qatarMember,
  trainer: LOGINS.ministryTrainer,
  participant: LOGINS.providerParticipant,
};
const SUBJECT_ORG: Record<Exclude<Subject, "anonymous">, string> = {
  coordinator: "oic",
  org_admin: "hajj-qa",
  member: "hajj-qa",
  trainer: "moh-sa",
  participant: "sp-field",
};
const SUBJECTS: Subject[] = ["anonymous", "coordinator", "org_admin", "member", "trainer", "participant"];

for (const dialect of DIALECTS) {
  describe(`authorization table (${dialect})`, () => {
    let t: TestApp;
    const clients = {} as Record<Subject, Client>;
    let counter = 0;

    beforeAll(async () => {
      t = await buildTestApp(dialect);
      for (const s of SUBJECTS) {
        if (s === "anonymous") {
          clients[s] = {
            cookie: "",
            csrf: "",
            request: (method, url, body) => t.app.inject({ method: method as "GET", url, payload: body as object | undefined }),
          };
        } else {
          clients[s] = await login(t.app, SUBJECT_LOGIN[s]);
        }
      }
      // A group with every subject's organisation (and a stranger) makes "shared with my group" testable for all.
      const ids = await Promise.all(["oic", "hajj-qa", "moh-sa", "sp-field", "hajj-eg"].map((c) => orgId(t, c)));
      await t.database.db.insertInto("groups").values({ id: "g-test", code: "authz-test", nameAr: "مجموعة اختبار", nameEn: "Test group", descriptionAr: null, descriptionEn: null, archivedAt: null, createdAt: nowIso(), updatedAt: nowIso() }).execute();
      await t.database.db.insertInto("groupMembers").values(ids.map((organisationId) => ({ groupId: "g-test", organisationId }))).execute();
      await t.database.db.insertInto("seasons").values({ id: "s-test", code: "1499", hijriYear: 1499, nameAr: "موسم", nameEn: "Season", startsOn: "2075-01-01", endsOn: "2075-12-31", createdAt: nowIso(), updatedAt: nowIso() }).execute();
    });
    afterAll(async () => t?.close());

    const unique = () => `zz${++counter}x${Date.now().toString(36)}`;

    /** The organisation a record of relation `rel` to `subject` belongs to. */
    async function ownerOrg(subject: Subject, rel: Rel): Promise<string> {
      if (rel === "own" && subject !== "anonymous") return orgId(t, SUBJECT_ORG[subject]);
      // Anonymous callers have no organisation: "own" is tested as an Egyptian private record.
      return orgId(t, "hajj-eg");
    }

    function visibilityFor(rel: Rel): { visibility: string; shareGroupId: string | null } {
      if (rel === "public") return { visibility: "public", shareGroupId: null };
      if (rel === "shared") return { visibility: "group", shareGroupId: "g-test" };
      return { visibility: "private", shareGroupId: null };
    }

    async function makePerson(subject: Subject, rel: Rel) {
      const id = newId();
      const marker = unique();
      const { visibility, shareGroupId } = visibilityFor(rel);
      await t.database.db.insertInto("people").values({
        id, organisationId: await ownerOrg(subject, rel), nameAr: `شخص ${marker}`, nameEn: `Person ${marker}`, position: "staff",
        titleAr: null, titleEn: null, email: null, phone: null, preferredLanguage: "ar", visibility, shareGroupId,
        searchText: `person ${marker}`, archivedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
      }).execute();
      return { id, marker };
    }

    async function makeOrganisation(subject: Subject, rel: Rel) {
      if (rel === "own" && subject !== "anonymous") {
        const id = await orgId(t, SUBJECT_ORG[subject]);
        const row = await t.database.db.selectFrom("organisations").select("code").where("id", "=", id).executeTakeFirstOrThrow();
        return { id, marker: row.code };
      }
      const id = newId();
      const marker = unique();
      const { visibility, shareGroupId } = visibilityFor(rel);
      await t.database.db.insertInto("organisations").values({
        id, code: marker, kind: "service_provider", nameAr: `جهة ${marker}`, nameEn: `Org ${marker}`, country: "EG", cityAr: null, cityEn: null,
        email: null, phone: null, website: null, addressAr: null, addressEn: null, visibility, shareGroupId, searchText: `org ${marker}`,
        archivedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
      }).execute();
      if (shareGroupId) await t.database.db.insertInto("groupMembers").values({ groupId: shareGroupId, organisationId: id }).execute();
      return { id, marker };
    }

    async function makeUser(subject: Subject, rel: Rel) {
      const id = newId();
      const email = `${unique()}@authz.rifada.test`;
      await t.database.db.insertInto("users").values({
        id, email, name: `User ${email}`, passwordHash: null, role: "participant", organisationId: await ownerOrg(subject, rel), personId: null,
        locale: "en", digits: "latn", disabledAt: null, passwordChangedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
      }).execute();
      return { id, email };
    }

    async function makeEvent(subject: Subject, rel: Rel) {
      const id = newId();
      const marker = unique();
      const { visibility, shareGroupId } = visibilityFor(rel);
      await t.database.db.insertInto("events").values({
        id, seasonId: "s-test", kind: "workshop", mode: "virtual", status: "published", titleAr: `ورشة ${marker}`, titleEn: `Workshop ${marker}`, descriptionAr: null, descriptionEn: null,
        hostOrganisationId: await ownerOrg(subject, rel), chairPersonId: null, venueAr: null, venueEn: null, joinUrl: null, timeZone: "Asia/Riyadh",
        startsAt: "2099-01-01T07:00:00.000Z", endsAt: "2099-01-01T10:00:00.000Z", registration: "open", capacity: null, previousEventId: null, visibility, shareGroupId,
        checkInSecret: unique(), searchText: `workshop ${marker}`, createdBy: null, archivedAt: null, createdAt: nowIso(), updatedAt: nowIso(),
      }).execute();
      return { id, marker };
    }

    /**
     * A workshop under way (attendance is open) whose relation to the caller is `rel`, delivering Egypt's
     * training programme with one trainee expected; "linked": Egypt's workshop shared with the caller's
     * group, delivering a programme co-owned by the caller's organisation.
     */
    async function makeTrainingWorkshop(subject: Subject, rel: Rel) {
      const e = await makeEvent(subject, rel === "linked" ? "shared" : rel);
      const db = t.database.db;
      await db.updateTable("events").set({ startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() + 7_200_000).toISOString() }).where("id", "=", e.id).execute();
      const programme = await makeTrainingProgramme(subject, rel === "linked" ? "own" : "other");
      await db.insertInto("trainingProgrammeEvents").values({ programmeId: programme.id, eventId: e.id }).execute();
      const trainee = await makePerson("anonymous", "public");
      const at = nowIso();
      await db.insertInto("trainingEnrolments").values({
        id: newId(), programmeId: programme.id, personId: trainee.id, userId: null, organisationId: await orgId(t, "hajj-eg"), status: "enrolled", source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: null,
      }).execute();
      return { ...e, traineeKey: `p:${trainee.id}` };
    }

    async function makeEntry(subject: Subject, rel: Rel) {
      const id = newId();
      const marker = unique();
      const { visibility, shareGroupId } = visibilityFor(rel);
      const at = nowIso();
      await t.database.db.insertInto("libraryEntries").values({
        id, organisationId: await ownerOrg(subject, rel), authorId: null, kind: "practice", language: "en", titleAr: null, titleEn: `Practice ${marker}`, bodyAr: null, bodyEn: `<p>Practice ${marker}</p>`,
        category: "other", seasonId: null, eventId: null, visibility, shareGroupId, version: 1, updatedBy: null, archivedAt: null, createdAt: at, updatedAt: at,
      }).execute();
      await t.database.db.insertInto("libraryEntryTags").values({ entryId: id, tag: marker }).execute();
      return { id, marker };
    }
    let hijriYear = 1520;

    async function makeProgramme(subject: Subject, rel: Rel) {
      const id = newId();
      const marker = unique();
      // "shared": a private programme of which the caller's organisation is a party.
      const visibility = rel === "public" ? "public" : "private";
      const at = nowIso();
      await t.database.db.insertInto("cooperationProgrammes").values({
        id, code: marker, seasonId: "s-test", organisationId: await ownerOrg(subject, rel), titleAr: `برنامج ${marker}`, titleEn: `Programme ${marker}`, descriptionAr: null, descriptionEn: null,
        startsOn: null, endsOn: null, visibility, shareGroupId: null, createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
      }).execute();
      if (rel === "shared" && subject !== "anonymous") {
        await t.database.db.insertInto("programmeParties").values({ programmeId: id, organisationId: await orgId(t, SUBJECT_ORG[subject]), signatoryPersonId: null, signatoryName: null, signedOn: null }).execute();
      }
      return { id, marker };
    }

    /** An approved recommendation; `responsible` makes the caller's organisation responsible for it. */
    async function makeRecommendation(subject: Subject, options: { owner: Rel; visibility: string; responsible: boolean }) {
      const id = newId();
      const marker = unique();
      const at = nowIso();
      await t.database.db.insertInto("recommendations").values({
        id, programmeId: null, areaId: null, seasonId: "s-test", sourceEventId: null, sourceDecisionId: null, sourceProposalId: null, reference: marker,
        textAr: `توصية ${marker}`, textEn: `Recommendation ${marker}`, status: "approved", statusReason: null, progress: 0, dueOn: null,
        organisationId: await ownerOrg(subject, options.owner), visibility: options.visibility, shareGroupId: options.visibility === "group" ? "g-test" : null,
        createdBy: null, createdAt: at, updatedAt: at, approvedAt: at, closedAt: null,
      }).execute();
      if (options.responsible && subject !== "anonymous") {
        await t.database.db.insertInto("recommendationResponsibles").values({ recommendationId: id, organisationId: await orgId(t, SUBJECT_ORG[subject]) }).execute();
      }
      return { id, marker };
    }

    /** A meeting whose relation to the caller is `rel`: hosted by its organisation, invited to, another's private one, a public one. */
    async function makeMeeting(subject: Subject, rel: Rel) {
      const e = await makeEvent(subject, rel === "shared" ? "other" : rel);
      if (rel === "shared" && subject !== "anonymous") {
        await t.database.db.insertInto("eventInvitations").values({ id: newId(), eventId: e.id, organisationId: await orgId(t, SUBJECT_ORG[subject]), viaGroupId: null, status: "invited", quota: null, respondedAt: null, createdAt: nowIso() }).execute();
      }
      return e;
    }

    /**
     * A training programme whose relation to the caller is `rel`: "own" = his organisation is one of its owners
     * (with Egypt leading), "shared" = shared with the caller's group, "other" = Egypt's private one, "public" = public.
     */
    async function makeTrainingProgramme(subject: Subject, rel: Rel, status = "published") {
      const id = newId();
      const marker = unique();
      const at = nowIso();
      const egypt = await orgId(t, "hajj-eg");
      const { visibility, shareGroupId } = visibilityFor(rel);
      await t.database.db.insertInto("trainingProgrammes").values({
        id, code: marker, seasonId: "s-test", organisationId: egypt, cooperationProgrammeId: null, titleAr: `برنامج ${marker}`, titleEn: `Programme ${marker}`,
        descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null, audience: "organisers", status, visibility, shareGroupId,
        enrolment: "open", minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 0, survey: "[]", version: 1, createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
      }).execute();
      const owners = [egypt, ...(rel === "own" && subject !== "anonymous" ? [await orgId(t, SUBJECT_ORG[subject])] : [])];
      await t.database.db.insertInto("trainingProgrammeOwners").values(owners.map((organisationId, position) => ({ programmeId: id, organisationId, position }))).execute();
      return { id, marker };
    }

    const ok = (status: number) => status >= 200 && status < 300;

    /** Calls the endpoint(s) guarded by `action` for a record of relation `rel`; returns whether it was allowed. */
    async function probe(action: Action, subject: Subject, rel: Rel): Promise<boolean> {
      const c = clients[subject];
      switch (action) {
        case "person.read": {
          const p = await makePerson(subject, rel);
          const one = await c.request("GET", `/api/people/${p.id}`);
          const list = await c.request("GET", `/api/people?q=${p.marker}&archived=include`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === p.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (!ok(one.statusCode)) expect([401, 404]).toContain(one.statusCode);
          if (ok(list.statusCode)) expect(list.json().total).toBe(inList ? 1 : 0);
          return inList;
        }
        case "person.update": {
          const p = await makePerson(subject, rel);
          return ok((await c.request("PATCH", `/api/people/${p.id}`, { titleEn: "Changed" })).statusCode);
        }
        case "person.archive": {
          const p = await makePerson(subject, rel);
          return ok((await c.request("POST", `/api/people/${p.id}/archive`)).statusCode);
        }
        case "person.create": {
          const organisationId = await ownerOrg(subject, rel);
          const r = await c.request("POST", "/api/people", { organisationId, nameAr: "شخص جديد", nameEn: "New person", position: "staff", preferredLanguage: "ar", visibility: "private" });
          return ok(r.statusCode);
        }
        case "organisation.read": {
          const o = await makeOrganisation(subject, rel);
          const one = await c.request("GET", `/api/organisations/${o.id}`);
          const list = await c.request("GET", `/api/organisations?q=${o.marker}&pageSize=100`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === o.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          return inList;
        }
        case "organisation.update": {
          const o = await makeOrganisation(subject, rel);
          return ok((await c.request("PATCH", `/api/organisations/${o.id}`, { cityEn: "Makkah" })).statusCode);
        }
        case "organisation.archive": {
          const o = await makeOrganisation(subject, rel);
          const r = await c.request("POST", `/api/organisations/${o.id}/archive`);
          if (ok(r.statusCode)) await clients.coordinator.request("POST", `/api/organisations/${o.id}/restore`);
          return ok(r.statusCode);
        }
        case "organisation.create": {
          const code = unique();
          return ok((await c.request("POST", "/api/organisations", { code, kind: "service_provider", nameAr: "جهة جديدة", nameEn: "New org", country: "SA", visibility: "members" })).statusCode);
        }
        case "group.read":
          return ok((await c.request("GET", "/api/groups/gcc-hajj-offices")).statusCode) && ok((await c.request("GET", "/api/groups")).statusCode);
        case "group.create":
          return ok((await c.request("POST", "/api/groups", { code: unique(), nameAr: "مجموعة", nameEn: "Group" })).statusCode);
        case "group.update":
          return ok((await c.request("PATCH", "/api/groups/g-test", { descriptionEn: "Used by the authorization test" })).statusCode);
        case "user.read": {
          const u = await makeUser(subject, rel);
          const list = await c.request("GET", `/api/users?q=${encodeURIComponent(u.email)}`);
          return ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === u.id);
        }
        case "user.update": {
          const u = await makeUser(subject, rel);
          return ok((await c.request("PATCH", `/api/users/${u.id}`, { name: "Renamed user" })).statusCode);
        }
        case "user.disable": {
          const u = await makeUser(subject, rel);
          return ok((await c.request("POST", `/api/users/${u.id}/disable`)).statusCode);
        }
        case "user.reset_password": {
          const u = await makeUser(subject, rel);
          return ok((await c.request("POST", `/api/users/${u.id}/password-reset`)).statusCode);
        }
        case "user.invite": {
          const organisationId = await ownerOrg(subject, rel);
          return ok((await c.request("POST", "/api/invitations", { email: `${unique()}@invite.rifada.test`, role: "member", organisationId })).statusCode);
        }
        case "outbox.read": {
          const id = newId();
          await t.database.db.insertInto("outbox").values({ id, organisationId: await ownerOrg(subject, rel), toEmail: "x@rifada.test", subject: "s", body: "b", kind: "test", locale: "en", status: "pending", attempts: 0, lastError: null, createdAt: "2099-01-01T00:00:00.000Z", sentAt: null }).execute();
          const list = await c.request("GET", "/api/outbox?pageSize=100");
          return ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === id);
        }
        case "season.read":
          return ok((await c.request("GET", "/api/seasons/1499")).statusCode) && ok((await c.request("GET", "/api/seasons")).statusCode);
        case "season.manage":
          return ok((await c.request("POST", "/api/seasons", { hijriYear: hijriYear++ })).statusCode);
        case "event.read": {
          const e = await makeEvent(subject, rel);
          const one = await c.request("GET", `/api/events/${e.id}`);
          const list = await c.request("GET", `/api/events?q=${e.marker}`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === e.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (ok(list.statusCode)) expect(list.json().total).toBe(inList ? 1 : 0);
          return inList;
        }
        case "event.create": {
          const r = await c.request("POST", "/api/events", {
            seasonId: "s-test", hostOrganisationId: await ownerOrg(subject, rel), kind: "meeting", mode: "in_person", titleAr: "اجتماع", titleEn: "Meeting",
            startsLocal: "2099-06-02T19:00", endsLocal: "2099-06-02T21:00", registration: "invitation", visibility: "members",
          });
          return ok(r.statusCode);
        }
        case "event.update": {
          const e = rel === "linked" ? await makeTrainingWorkshop(subject, rel) : await makeEvent(subject, rel);
          return ok((await c.request("PATCH", `/api/events/${e.id}`, { venueEn: "Makkah" })).statusCode);
        }
        case "event.attendance": {
          const e = await makeTrainingWorkshop(subject, rel);
          const base = `/api/events/${e.id}`;
          const list = await c.request("GET", `${base}/attendance`);
          const checkIn = await c.request("PUT", `${base}/attendance/${encodeURIComponent(e.traineeKey)}`);
          const undo = await c.request("DELETE", `${base}/attendance/${encodeURIComponent(e.traineeKey)}`);
          const report = await c.request("POST", `${base}/attendance/import`, { csv: "Name,Email\nSomeone,someone@example.org\n", commit: false });
          const link = await c.request("GET", `${base}/check-in-link`);
          const allowed = ok(list.statusCode);
          for (const [what, r] of [["check-in", checkIn], ["undo", undo], ["import", report], ["check-in link", link]] as const) {
            expect(ok(r.statusCode), `list and ${what} agree for ${subject}/${rel}: ${r.body}`).toBe(allowed);
          }
          if (allowed) expect(list.json().items.map((i: { key: string }) => i.key)).toContain(e.traineeKey);
          if (!allowed && subject !== "anonymous") expect([403, 404], `${subject}/${rel}`).toContain(list.statusCode);
          // The event tells the page whether to show the attendance controls.
          const event = await c.request("GET", base);
          if (ok(event.statusCode)) expect(event.json().abilities.recordAttendance, `ability for ${subject}/${rel}`).toBe(allowed);
          return allowed;
        }
        case "registration.create": {
          const e = await makeEvent(subject, rel);
          return ok((await c.request("POST", `/api/events/${e.id}/registration`)).statusCode);
        }
        case "delegation.manage": {
          // A public event hosted by Egypt, to which the probed organisation is invited.
          const e = await makeEvent("anonymous", "public");
          const organisationId = await ownerOrg(subject, rel);
          await t.database.db.insertInto("eventInvitations").values({ id: newId(), eventId: e.id, organisationId, viaGroupId: null, status: "invited", quota: null, respondedAt: null, createdAt: nowIso() }).execute();
          const person = await makePerson(subject, rel);
          return ok((await c.request("PUT", `/api/events/${e.id}/delegations/${organisationId}`, { leaderId: person.id, memberIds: [] })).statusCode);
        }
        case "registration.read": {
          const e = await makeEvent(subject, rel);
          return ok((await c.request("GET", `/api/events/${e.id}/registrations`)).statusCode);
        }
        case "minutes.read": {
          // Minutes are shared by taking part, not by the event's visibility: "shared" is an invited organisation.
          const e = await makeEvent(subject, rel === "shared" ? "other" : rel);
          if (rel === "shared" && subject !== "anonymous") {
            await t.database.db.insertInto("eventInvitations").values({ id: newId(), eventId: e.id, organisationId: await orgId(t, SUBJECT_ORG[subject]), viaGroupId: null, status: "invited", quota: null, respondedAt: null, createdAt: nowIso() }).execute();
          }
          return ok((await c.request("GET", `/api/events/${e.id}/minutes`)).statusCode);
        }
        case "library.read": {
          const e = await makeEntry(subject, rel);
          const one = await c.request("GET", `/api/library/entries/${e.id}`);
          const list = await c.request("GET", `/api/library/entries?tag=${e.marker}`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === e.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (!ok(one.statusCode)) expect(one.statusCode).toBe(404);
          if (ok(list.statusCode)) expect(list.json().total).toBe(inList ? 1 : 0);
          const tags = await c.request("GET", `/api/library/tags?q=${e.marker}`);
          expect(ok(tags.statusCode) && tags.json().items.some((i: { tag: string }) => i.tag === e.marker), `tags agree for ${subject}/${rel}`).toBe(inList);
          return inList;
        }
        case "library.create": {
          const r = await c.request("POST", "/api/library/entries", { title: "A practice", body: "What we did.", language: "en", scope: "private" });
          return ok(r.statusCode);
        }
        case "library.update": {
          const e = await makeEntry(subject, rel);
          return ok((await c.request("PATCH", `/api/library/entries/${e.id}`, { version: 1, title: "Changed" })).statusCode);
        }
        case "library.comment": {
          const e = await makeEntry(subject, rel);
          const comment = await c.request("POST", `/api/library/entries/${e.id}/comments`, { body: "Thank you for sharing." });
          const useful = await c.request("PUT", `/api/library/entries/${e.id}/useful`);
          expect(ok(useful.statusCode), `comment and useful agree for ${subject}/${rel}`).toBe(ok(comment.statusCode));
          return ok(comment.statusCode);
        }
        case "programme.read": {
          const p = await makeProgramme(subject, rel);
          const one = await c.request("GET", `/api/programmes/${p.id}`);
          const list = await c.request("GET", `/api/programmes?q=${p.marker}`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === p.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (!ok(one.statusCode)) expect([401, 404]).toContain(one.statusCode);
          return inList;
        }
        case "programme.manage": {
          const p = await makeProgramme(subject, rel);
          return ok((await c.request("PATCH", `/api/programmes/${p.id}`, { titleEn: "Changed programme" })).statusCode);
        }
        case "recommendation.read": {
          const r = await makeRecommendation(subject, rel === "shared" ? { owner: "other", visibility: "private", responsible: true } : { owner: rel, visibility: rel === "public" ? "public" : "private", responsible: false });
          const one = await c.request("GET", `/api/recommendations/${r.id}`);
          const list = await c.request("GET", `/api/recommendations?q=${r.marker}`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === r.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (!ok(one.statusCode)) expect([401, 404]).toContain(one.statusCode);
          if (ok(list.statusCode)) expect(list.json().total).toBe(inList ? 1 : 0);
          return inList;
        }
        case "recommendation.create": {
          const organisationId = await ownerOrg(subject, rel);
          const r = await c.request("POST", "/api/recommendations", { textAr: "توصية", textEn: "A recommendation", seasonId: "s-test", organisationId, responsibleOrganisationIds: [] });
          return ok(r.statusCode);
        }
        case "recommendation.update": {
          const options = {
            own: { owner: "other" as Rel, visibility: "private", responsible: true },
            shared: { owner: "other" as Rel, visibility: "group", responsible: false },
            other: { owner: "other" as Rel, visibility: "private", responsible: false },
            public: { owner: "other" as Rel, visibility: "public", responsible: false },
          }[rel as Exclude<Rel, "linked">];
          const r = await makeRecommendation(subject, options);
          const update = await c.request("POST", `/api/recommendations/${r.id}/updates`, { text: "Two sessions held.", progress: 20 });
          if (!ok(update.statusCode) && subject !== "anonymous") expect(update.statusCode, `${subject}/${rel}`).toBe(rel === "other" ? 404 : 403);
          return ok(update.statusCode);
        }
        case "proposal.submit": {
          const e = await makeMeeting(subject, rel);
          const r = await c.request("POST", `/api/events/${e.id}/proposals`, { language: "en", title: "A proposal", problem: "A problem", proposal: "What to do", benefit: "Why" });
          return ok(r.statusCode);
        }
        case "proposal.decide": {
          const e = await makeMeeting(subject, rel);
          const id = newId();
          const at = nowIso();
          await t.database.db.insertInto("proposals").values({
            id, eventId: e.id, organisationId: await orgId(t, "hajj-eg"), language: "en", title: "A proposal", problem: "p", proposal: "q", benefit: "b", status: "submitted",
            decisionReference: null, decisionNote: null, decidedAt: null, decidedBy: null, recommendationId: null, carriedFromProposalId: null, createdBy: null, createdAt: at, updatedAt: at,
          }).execute();
          return ok((await c.request("POST", `/api/proposals/${id}/decision`, { outcome: "deferred", reference: "T/1" })).statusCode);
        }
        case "training.read": {
          const p = await makeTrainingProgramme(subject, rel);
          const one = await c.request("GET", `/api/training/programmes/${p.id}`);
          const list = await c.request("GET", `/api/training/programmes?q=${p.marker}`);
          const inList = ok(list.statusCode) && list.json().items.some((i: { id: string }) => i.id === p.id);
          expect(ok(one.statusCode), `single and list agree for ${subject}/${rel}`).toBe(inList);
          if (!ok(one.statusCode)) expect(one.statusCode).toBe(404);
          if (ok(list.statusCode)) expect(list.json().total).toBe(inList ? 1 : 0);
          // The same programme as a draft: its owners (and coordinators) only.
          const draft = await makeTrainingProgramme(subject, rel, "draft");
          const seesDraft = ok((await c.request("GET", `/api/training/programmes/${draft.id}`)).statusCode);
          expect(seesDraft, `draft for ${subject}/${rel}`).toBe(subject === "coordinator" || (rel === "own" && subject !== "anonymous"));
          return inList;
        }
        case "training.manage": {
          const p = await makeTrainingProgramme(subject, rel);
          const r = await c.request("PATCH", `/api/training/programmes/${p.id}`, { version: 1, titleEn: "Changed programme" });
          const module = await c.request("POST", `/api/training/programmes/${p.id}/modules`, { titleAr: "وحدة", titleEn: "Module" });
          expect(ok(module.statusCode), `edit and modules agree for ${subject}/${rel}`).toBe(ok(r.statusCode));
          if (!ok(r.statusCode) && subject !== "anonymous") expect([403, 404]).toContain(r.statusCode);
          return ok(r.statusCode);
        }
        case "training.enrol": {
          // A published, public programme of Egypt's (the caller manages none of it); the record is the trainee's organisation.
          const p = await makeTrainingProgramme("anonymous", "public");
          const person = await makePerson(subject, rel);
          const r = await c.request("POST", `/api/training/programmes/${p.id}/enrolments`, { personId: person.id });
          if (!ok(r.statusCode) && subject !== "anonymous") expect(r.statusCode).toBe(403);
          return ok(r.statusCode);
        }
        case "training.results": {
          // A published programme of Egypt's (the caller manages none of it) with one trainee of the record's organisation.
          const id = newId();
          const marker = unique();
          const at = nowIso();
          const egypt = await orgId(t, "hajj-eg");
          await t.database.db.insertInto("trainingProgrammes").values({
            id, code: marker, seasonId: "s-test", organisationId: egypt, cooperationProgrammeId: null, titleAr: `برنامج ${marker}`, titleEn: `Programme ${marker}`,
            descriptionAr: null, descriptionEn: null, objectivesAr: null, objectivesEn: null, audience: "organisers", status: "published", visibility: "public", shareGroupId: null,
            enrolment: "managed", minAttendancePct: 75, minPostScorePct: 60, requireSurvey: 0, survey: "[]", version: 1, createdBy: null, createdAt: at, updatedAt: at, archivedAt: null,
          }).execute();
          await t.database.db.insertInto("trainingProgrammeOwners").values({ programmeId: id, organisationId: egypt, position: 0 }).execute();
          const person = await makePerson(subject, rel);
          const enrolmentId = newId();
          await t.database.db.insertInto("trainingEnrolments").values({
            id: enrolmentId, programmeId: id, personId: person.id, userId: null, organisationId: await ownerOrg(subject, rel), status: "enrolled", source: "admin", enrolledBy: null, createdAt: at, updatedAt: at, withdrawnAt: null,
          }).execute();
          const results = await c.request("GET", `/api/training/programmes/${id}/results`);
          const certificates = await c.request("GET", `/api/training/programmes/${id}/certificates`);
          expect(certificates.statusCode, `results and certificates agree for ${subject}/${rel}`).toBe(results.statusCode);
          if (!ok(results.statusCode) && subject !== "anonymous") expect(results.statusCode).toBe(403);
          return ok(results.statusCode) && results.json().trainees.items.some((i: { enrolmentId: string }) => i.enrolmentId === enrolmentId);
        }
        case "audit.read": {
          const entityId = unique();
          await t.database.db.insertInto("auditLog").values({ at: nowIso(), actorId: null, organisationId: await ownerOrg(subject, rel), action: "test.probe", entityType: "probe", entityId, summary: "probe", changes: null }).execute();
          const list = await c.request("GET", `/api/audit?entityType=probe&entityId=${entityId}`);
          return ok(list.statusCode) && list.json().items.length === 1;
        }
      }
    }

    it("every registered route is in the authorization table", () => {
      const registered = t.routes.filter((r) => r.method !== "HEAD" && r.url.startsWith("/api/")).map((r) => `${r.method} ${r.url}`);
      const missing = registered.filter((key) => !(key in ROUTES));
      expect(missing, "routes missing from ROUTES in authorization.test.ts").toEqual([]);
      const stale = Object.keys(ROUTES).filter((key) => !registered.includes(key));
      expect(stale, "ROUTES entries that no longer exist").toEqual([]);
      const publicRoutes = t.routes.filter((r) => r.method !== "HEAD" && r.url.startsWith("/api/") && r.config.auth === "public").map((r) => `${r.method} ${r.url}`);
      for (const key of publicRoutes) {
        // A route open to anonymous callers is either public or decides per record (reads of public records).
        expect(READ_ACTIONS, key).toContain(ROUTES[key]);
      }
    });

    it("routes not marked public refuse anonymous callers with 401", async () => {
      for (const [key, action] of Object.entries(ROUTES)) {
        if (READ_ACTIONS.includes(action)) continue;
        const [method, url] = key.split(" ");
        const response = await t.app.inject({ method: method as "GET", url: url.replace(/:[a-zA-Z]+/g, "x"), payload: method === "GET" || method === "DELETE" ? undefined : {} });
        expect(response.statusCode, key).toBe(401);
      }
    });

    for (const action of Object.keys(TABLE) as Action[]) {
      it(`${action}: role × relation matches the table`, async () => {
        const mismatches: string[] = [];
        for (const subject of SUBJECTS) {
          for (const [i, rel] of RELS.entries()) {
            const expected = TABLE[action][subject][i] ?? null;
            if (expected === null) continue;
            const allowed = await probe(action, subject, rel);
            if (allowed !== expected) mismatches.push(`${subject} on ${rel}: expected ${expected ? "allowed" : "denied"}, got ${allowed ? "allowed" : "denied"}`);
          }
        }
        expect(mismatches).toEqual([]);
      });
    }
  });
}
