import { lazy } from "react";
import { Navigate, Route, Routes } from "react-router";
import { LoginPage } from "../features/auth/LoginPage.js";
import { AcceptInvitationPage } from "../features/auth/AcceptInvitationPage.js";
import { ResetPasswordPage } from "../features/auth/ResetPasswordPage.js";
import { HomePage } from "../features/home/HomePage.js";
import { OrganisationsPage } from "../features/directory/OrganisationsPage.js";
import { OrganisationDetailPage } from "../features/directory/OrganisationDetailPage.js";
import { PeoplePage } from "../features/directory/PeoplePage.js";
import { PersonDetailPage } from "../features/directory/PersonDetailPage.js";
import { GroupsPage } from "../features/directory/GroupsPage.js";
import { GroupDetailPage } from "../features/directory/GroupDetailPage.js";
import { EventsPage } from "../features/events/EventsPage.js";
import { EventDetailPage } from "../features/events/EventDetailPage.js";
import { SeasonsPage } from "../features/events/SeasonsPage.js";
import { CheckInPage } from "../features/events/CheckInPage.js";
import { LibraryPage } from "../features/library/LibraryPage.js";
import { EntryPage } from "../features/library/EntryPage.js";
import { SearchPage } from "../features/search/SearchPage.js";
import { Layout } from "./Layout.js";
import { RequireAuth } from "./RequireAuth.js";
import { NotFoundPage } from "./StatusPages.js";

// Forms and administration are fetched only when opened, to keep the first load small.
const OrganisationFormPage = lazy(() => import("../features/directory/OrganisationFormPage.js").then((m) => ({ default: m.OrganisationFormPage })));
const PersonFormPage = lazy(() => import("../features/directory/PersonFormPage.js").then((m) => ({ default: m.PersonFormPage })));
const GroupFormPage = lazy(() => import("../features/directory/GroupFormPage.js").then((m) => ({ default: m.GroupFormPage })));
const AccountPage = lazy(() => import("../features/account/AccountPage.js").then((m) => ({ default: m.AccountPage })));
const AdminLayout = lazy(() => import("../features/admin/AdminLayout.js").then((m) => ({ default: m.AdminLayout })));
const AdminIndex = lazy(() => import("../features/admin/AdminLayout.js").then((m) => ({ default: m.AdminIndex })));
const UsersPage = lazy(() => import("../features/admin/UsersPage.js").then((m) => ({ default: m.UsersPage })));
const InvitationsPage = lazy(() => import("../features/admin/InvitationsPage.js").then((m) => ({ default: m.InvitationsPage })));
const OutboxPage = lazy(() => import("../features/admin/OutboxPage.js").then((m) => ({ default: m.OutboxPage })));
const AuditPage = lazy(() => import("../features/admin/AuditPage.js").then((m) => ({ default: m.AuditPage })));
const EventFormPage = lazy(() => import("../features/events/EventFormPage.js").then((m) => ({ default: m.EventFormPage })));
const EntryFormPage = lazy(() => import("../features/library/EntryFormPage.js").then((m) => ({ default: m.EntryFormPage })));
// Follow-up pages are loaded when first opened.
const FollowupLayout = lazy(() => import("../features/followup/FollowupLayout.js").then((m) => ({ default: m.FollowupLayout })));
const RecommendationsPage = lazy(() => import("../features/followup/RecommendationsPage.js").then((m) => ({ default: m.RecommendationsPage })));
const RecommendationPage = lazy(() => import("../features/followup/RecommendationPage.js").then((m) => ({ default: m.RecommendationPage })));
const ActionsPage = lazy(() => import("../features/followup/ActionsPage.js").then((m) => ({ default: m.ActionsPage })));
const ProgrammesPage = lazy(() => import("../features/followup/ProgrammesPage.js").then((m) => ({ default: m.ProgrammesPage })));
const ProgrammePage = lazy(() => import("../features/followup/ProgrammePage.js").then((m) => ({ default: m.ProgrammePage })));
const RecommendationFormPage = lazy(() => import("../features/followup/RecommendationFormPage.js").then((m) => ({ default: m.RecommendationFormPage })));
const ProgrammeFormPage = lazy(() => import("../features/followup/ProgrammeFormPage.js").then((m) => ({ default: m.ProgrammeFormPage })));
// Training pages are loaded when first opened.
const TrainingProgrammesPage = lazy(() => import("../features/training/ProgrammesPage.js").then((m) => ({ default: m.ProgrammesPage })));
const TrainingProgrammePage = lazy(() => import("../features/training/ProgrammePage.js").then((m) => ({ default: m.ProgrammePage })));
const TrainingProgrammeFormPage = lazy(() => import("../features/training/ProgrammeFormPage.js").then((m) => ({ default: m.ProgrammeFormPage })));
const AttemptPage = lazy(() => import("../features/training/AttemptPage.js").then((m) => ({ default: m.AttemptPage })));
const VerifyPage = lazy(() => import("../features/training/VerifyPage.js").then((m) => ({ default: m.VerifyPage })));
const AccountabilityPage = lazy(() => import("../features/followup/AccountabilityPage.js").then((m) => ({ default: m.AccountabilityPage })));

/** Every address of the web app. */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="login" element={<LoginPage />} />
        <Route path="invite/:token" element={<AcceptInvitationPage />} />
        <Route path="reset/:token" element={<ResetPasswordPage />} />
        {/* Open to visitors too: they find and read what is public (the server decides what each caller sees). */}
        <Route path="search" element={<SearchPage />} />
        <Route path="library" element={<LibraryPage />} />
        <Route path="library/:id" element={<EntryPage />} />
        {/* A certificate's QR code leads here: anyone confirms it is valid, without signing in. */}
        <Route path="verify/:code" element={<VerifyPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="directory">
            <Route index element={<Navigate to="organisations" replace />} />
            <Route path="organisations" element={<OrganisationsPage />} />
            <Route path="organisations/new" element={<OrganisationFormPage />} />
            <Route path="organisations/:code" element={<OrganisationDetailPage />} />
            <Route path="organisations/:code/edit" element={<OrganisationFormPage />} />
            <Route path="people" element={<PeoplePage />} />
            <Route path="people/new" element={<PersonFormPage />} />
            <Route path="people/:id" element={<PersonDetailPage />} />
            <Route path="people/:id/edit" element={<PersonFormPage />} />
            <Route path="groups" element={<GroupsPage />} />
            <Route path="groups/new" element={<GroupFormPage />} />
            <Route path="groups/:code" element={<GroupDetailPage />} />
            <Route path="groups/:code/edit" element={<GroupFormPage />} />
          </Route>
          <Route path="events">
            <Route index element={<EventsPage />} />
            <Route path="new" element={<EventFormPage />} />
            <Route path=":id" element={<EventDetailPage />} />
            <Route path=":id/edit" element={<EventFormPage />} />
            {/* The QR code's address; RequireAuth sends visitors to sign in and back here. */}
            <Route path=":id/check-in" element={<CheckInPage />} />
          </Route>
          <Route path="library/new" element={<EntryFormPage />} />
          <Route path="library/:id/edit" element={<EntryFormPage />} />
          <Route path="seasons" element={<SeasonsPage />} />
          {/* Follow-up: one entry in the main navigation, a second navigation over its pages. */}
          <Route element={<FollowupLayout />}>
            <Route path="recommendations" element={<RecommendationsPage />} />
            <Route path="recommendations/new" element={<RecommendationFormPage />} />
            <Route path="recommendations/:id" element={<RecommendationPage />} />
            <Route path="recommendations/:id/edit" element={<RecommendationFormPage />} />
            <Route path="actions" element={<ActionsPage />} />
            <Route path="programmes" element={<ProgrammesPage />} />
            <Route path="programmes/new" element={<ProgrammeFormPage />} />
            <Route path="programmes/:id" element={<ProgrammePage />} />
            <Route path="programmes/:id/edit" element={<ProgrammeFormPage />} />
            <Route path="accountability" element={<AccountabilityPage />} />
          </Route>
          <Route path="training">
            <Route index element={<TrainingProgrammesPage />} />
            <Route path="new" element={<TrainingProgrammeFormPage />} />
            <Route path="attempts/:id" element={<AttemptPage />} />
            <Route path=":id" element={<TrainingProgrammePage />} />
            <Route path=":id/edit" element={<TrainingProgrammeFormPage />} />
          </Route>
          <Route path="account" element={<AccountPage />} />
          <Route path="admin" element={<AdminLayout />}>
            <Route index element={<AdminIndex />} />
            <Route path="users" element={<UsersPage />} />
            <Route path="invitations" element={<InvitationsPage />} />
            <Route path="outbox" element={<OutboxPage />} />
            <Route path="audit" element={<AuditPage />} />
          </Route>
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
