import { useEffect, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { Badge, ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useOtherLanguage, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useSeasonName } from "../followup/digits.js";
import { CertificatesTab } from "./CertificatesTab.js";
import { EnrolmentsTab } from "./EnrolmentsTab.js";
import { ModulesTab } from "./ModulesTab.js";
import { trainingPaths } from "./paths.js";
import { AudienceText, OwnerNames, ProgrammeBadges } from "./ProgrammeBits.js";
import { ProgrammeOverview } from "./ProgrammeOverview.js";
import { ProgrammeWorkshops } from "./ProgrammeWorkshops.js";
import { QuestionsTab } from "./QuestionsTab.js";
import { ResultsTab } from "./ResultsTab.js";
import { TestsTab } from "./TestsTab.js";
import type { ProgrammeDetail, ProgrammeTabProps } from "./types.js";
import { programmeApi, useProgramme } from "./useTraining.js";
import "./training.css";

const TABS = ["overview", "modules", "workshops", "enrolments", "questions", "tests", "results", "certificates"] as const;
type Tab = (typeof TABS)[number];

/** The tabs the caller may see: trainees and readers the programme itself; its managers and admins the rest. */
export function visibleTabs(p: ProgrammeDetail): Tab[] {
  return TABS.filter((tab) => {
    switch (tab) {
      case "modules":
        return p.modules.length > 0 || p.can.manage;
      case "workshops":
        return p.workshops.length > 0 || p.can.manage;
      case "enrolments":
        return p.can.manage || p.can.enrolOthers;
      case "results":
      // An organisation's admin sees (and downloads, also as one ZIP per workshop) his own staff's certificates.
      case "certificates":
        return p.can.manage || p.can.results !== "none";
      case "questions":
      case "tests":
        return p.can.manage;
      default:
        return true;
    }
  });
}

const PANELS: Record<Tab, (props: ProgrammeTabProps) => ReactNode> = {
  overview: (props) => <ProgrammeOverview {...props} />,
  modules: (props) => <ModulesTab {...props} />,
  workshops: (props) => <ProgrammeWorkshops {...props} />,
  enrolments: (props) => <EnrolmentsTab {...props} />,
  questions: (props) => <QuestionsTab {...props} />,
  tests: (props) => <TestsTab {...props} />,
  results: (props) => <ResultsTab {...props} />,
  certificates: (props) => <CertificatesTab {...props} />,
};

/** The tabs as links (?tab=…), so each can be bookmarked and the back button works. */
function ProgrammeTabs({ tabs, current, counts }: { tabs: Tab[]; current: Tab; counts: Partial<Record<Tab, number>> }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    // On a narrow screen the tabs scroll sideways: keep the current one in view.
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [current]);
  return (
    <nav ref={nav} aria-label={t("training.programme.tabs.label")} className="subnav programme-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab}>
            <Link to={{ search: tab === "overview" ? "" : `?tab=${tab}` }} className="subnav-link" aria-current={tab === current ? "page" : undefined}>
              {t(`training.programme.tabs.${tab}`)}
              {counts[tab] ? <span className="count-pill">{n(counts[tab])}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Publish or take back, archive or restore, edit: the managers' actions in the page header. */
function ManagerActions({ programme, onChanged }: { programme: ProgrammeDetail; onChanged(p: ProgrammeDetail): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [confirm, setConfirm] = useState<"archive" | "unpublish" | null>(null);
  async function run(verb: "publish" | "unpublish" | "archive" | "unarchive") {
    const result = await action.run(() => api.post<ProgrammeDetail>(`${programmeApi(programme.id)}/${verb}`));
    setConfirm(null);
    if (result.ok) onChanged(result.value);
  }
  return (
    <>
      <Link to={trainingPaths.edit(programme.id)} className="button button--secondary">
        {t("common.edit")}
      </Link>
      {programme.status === "draft" ? (
        <button type="button" className="button button--primary" disabled={action.pending} onClick={() => void run("publish")}>
          {t("training.programme.publish")}
        </button>
      ) : (
        <button type="button" className="button button--ghost" disabled={action.pending} onClick={() => setConfirm("unpublish")}>
          {t("training.programme.unpublish")}
        </button>
      )}
      {programme.archivedAt ? (
        <button type="button" className="button button--ghost" disabled={action.pending} onClick={() => void run("unarchive")}>
          {t("training.programme.unarchive")}
        </button>
      ) : (
        <button type="button" className="button button--ghost" disabled={action.pending} onClick={() => setConfirm("archive")}>
          {t("training.programme.archive")}
        </button>
      )}
      {action.error && (
        <div className="page-actions-error">
          <FormErrors error={action.error} />
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "archive" ? t("training.programme.archive_title") : t("training.programme.unpublish_title")}
        confirmLabel={confirm === "archive" ? t("training.programme.archive") : t("training.programme.unpublish")}
        danger
        pending={action.pending}
        onConfirm={() => void run(confirm === "archive" ? "archive" : "unpublish")}
        onCancel={() => setConfirm(null)}
      >
        <p>{confirm === "archive" ? t("training.programme.archive_body") : t("training.programme.unpublish_body")}</p>
      </ConfirmDialog>
    </>
  );
}

/**
 * /training/:id — a programme in tabs: overview (what it is, its rule, its workshops, and the
 * trainee's own progress), modules and materials, workshops; for its managers and organisations'
 * admins the trainees, questions, tests, results and certificates (an organisation's admin: his staff's
 * trainees, results and certificates). A tab once opened stays mounted.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const pick = usePickLocal();
  const other = useOtherLanguage();
  const seasonName = useSeasonName();
  const resource = useProgramme(id);
  const programme = resource.data;
  usePageTitle(programme ? pick(programme.titleAr, programme.titleEn) : t("training.programme.title"));

  const tabs: Tab[] = programme ? visibleTabs(programme) : ["overview"];
  const requested = params.get("tab") as Tab | null;
  const current: Tab = requested && tabs.includes(requested) ? requested : "overview";
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([current]));
  if (!visited.has(current)) setVisited(new Set([...visited, current]));

  if (resource.error && !programme) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!programme) return <Loading />;

  const title = pick(programme.titleAr, programme.titleEn);
  const otherTitle = other === "ar" ? programme.titleAr : programme.titleEn;
  const props: ProgrammeTabProps = { programme, onChanged: resource.reload };

  return (
    <article className="programme-page">
      <PageHeader
        crumbs={[{ label: t("training.programme.title"), to: trainingPaths.list() }]}
        title={title}
        subtitle={
          <>
            {otherTitle && otherTitle !== title && (
              <span className="programme-other-title" lang={other}>
                <bdi>{otherTitle}</bdi>
              </span>
            )}
            <span className="programme-facts">
              <OwnerNames owners={programme.owners} />
              {t("common.list_separator")}
              {seasonName(programme.season, programme.season.code)}
              {t("common.list_separator")}
              <AudienceText audience={programme.audience} />
            </span>
          </>
        }
        badges={
          <>
            <ProgrammeBadges programme={programme} />
            <Badge tone="neutral">{t(`training.programme.enrolment_modes.${programme.enrolment}`)}</Badge>
          </>
        }
        actions={programme.can.manage ? <ManagerActions programme={programme} onChanged={resource.setData} /> : undefined}
      />
      {programme.status === "draft" && <p className="alert alert--info">{t("training.programme.draft_note")}</p>}
      {programme.archivedAt && <p className="alert alert--info">{t("training.programme.archived_note")}</p>}
      {tabs.length > 1 && <ProgrammeTabs tabs={tabs} current={current} counts={{ modules: programme.counts.modules, workshops: programme.counts.workshops, enrolments: programme.counts.enrolled }} />}
      {tabs.map((tab) =>
        visited.has(tab) || tab === current ? (
          <div key={tab} className="tab-panel" hidden={tab !== current}>
            {PANELS[tab](props)}
          </div>
        ) : null,
      )}
    </article>
  );
}
