import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { ErrorState, Loading } from "../../components/Feedback.js";
import { useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "./digits.js";
import { ActionsSection } from "./ActionsSection.js";
import { BilingualText, DueDate, OrgNames, OverdueMark, Row, StatusBadge, useRecommendationText, useTitle } from "./FollowupBits.js";
import { RecommendationImpact } from "./RecommendationImpact.js";
import { ProgressPanel, StatusPanel } from "./RecommendationStatus.js";
import { RecommendationTimeline } from "./RecommendationTimeline.js";
import type { Recommendation } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

/** Where the recommendation came from: the meeting, its decision, or an adopted proposal. */
function Sources({ rec }: { rec: Recommendation }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  const event = rec.sourceEvent;
  if (!event && !rec.sourceProposal) return <p className="card-meta">{t("followup.rec.entered_directly")}</p>;
  const eventUrl = event ? `/events/${encodeURIComponent(event.id)}` : null;
  return (
    <dl className="summary-list summary-list--stacked">
      {event && eventUrl && (
        <Row label={t("followup.rec.source_meeting")}>
          <Link to={eventUrl}>{pick(event.titleAr, event.titleEn)}</Link>
          <span className="row-secondary">
            <DateTime value={event.startsAt} />
          </span>
        </Row>
      )}
      {rec.sourceDecisionId && eventUrl && (
        <Row label={t("followup.rec.source_decision")}>
          <Link to={`${eventUrl}?tab=minutes`}>{t("followup.rec.source_decision_link")}</Link>
        </Row>
      )}
      {rec.sourceProposal && (
        <Row label={t("followup.rec.source_proposal")}>
          {eventUrl ? (
            <Link to={`${eventUrl}?tab=followup#proposal-${encodeURIComponent(rec.sourceProposal.id)}`} dir="auto">
              {rec.sourceProposal.title}
            </Link>
          ) : (
            <span dir="auto">{rec.sourceProposal.title}</span>
          )}
        </Row>
      )}
    </dl>
  );
}

/**
 * /recommendations/:id — the text (interface language first), status and the moves the
 * server allows, progress, the timeline with evidence, linked workshops and what
 * happened there, the actions, and where it came from.
 */
export function RecommendationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const localName = useLocalName();
  const title = useTitle();
  const textOf = useRecommendationText();
  const seasons = useSeasons();
  const resource = useApi<Recommendation>(recommendationPath(id));
  const rec = resource.data;
  // Actions write their own timeline entries without changing the recommendation.
  const [actionChanges, setActionChanges] = useState(0);
  const season = rec ? seasons.items.find((s) => s.id === rec.season.id || s.code === rec.season.code) : undefined;
  const seasonNameOf = useSeasonName();
  const seasonName = seasonNameOf(season, rec?.season.code);
  const heading = rec ? (rec.reference ? t("followup.rec.title_with_reference", { reference: rec.reference }) : t("followup.rec.title")) : t("followup.rec.title");
  usePageTitle(rec ? `${heading} — ${textOf(rec).text.slice(0, 60)}` : heading);

  if (resource.error && !rec) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!rec) return <Loading />;

  return (
    <article className="recommendation">
      <PageHeader
        crumbs={[{ label: t("followup.recommendations.title"), to: "/recommendations" }]}
        title={
          rec.reference ? (
            <>
              {t("followup.rec.title")}{" "}
              <bdi dir="auto" className="rec-ref-title">
                {rec.reference}
              </bdi>
            </>
          ) : (
            t("followup.rec.title")
          )
        }
        subtitle={localName(rec.owner)}
        badges={
          <>
            <StatusBadge status={rec.status} />
            <OverdueMark overdue={rec.overdue} days={rec.daysOverdue} />
          </>
        }
        actions={
          rec.abilities.manage ? (
            <Link to={`/recommendations/${encodeURIComponent(rec.id)}/edit`} className="button button--primary">
              {t("common.edit")}
            </Link>
          ) : undefined
        }
      />
      <div className="detail-layout">
        <div className="detail-main">
          <section className="card" aria-labelledby="rec-text-title">
            <h2 id="rec-text-title" className="card-title">
              {t("followup.rec.text_title")}
            </h2>
            <div className="rec-body">
              <BilingualText ar={rec.textAr} en={rec.textEn} />
            </div>
          </section>
          <div className="rec-state">
            <StatusPanel rec={rec} onSaved={resource.setData} onReload={resource.reload} />
            <ProgressPanel rec={rec} onSaved={resource.setData} onReload={resource.reload} />
          </div>
          <RecommendationTimeline rec={rec} onChanged={resource.reload} refreshKey={actionChanges} />
          <RecommendationImpact rec={rec} onChanged={resource.reload} />
          <ActionsSection recommendationId={rec.id} onChanged={() => setActionChanges((n) => n + 1)} />
        </div>
        <div className="detail-side">
          <section className="card" aria-labelledby="rec-about-title">
            <h2 id="rec-about-title" className="card-title">
              {t("followup.rec.about")}
            </h2>
            <dl className="summary-list summary-list--stacked">
              <Row label={t("followup.fields.due_on")}>
                <DueDate value={rec.dueOn} />
              </Row>
              <Row label={t("followup.fields.responsibles")}>
                <OrgNames orgs={rec.responsibles} linked />
              </Row>
              <Row label={t("followup.fields.owner")}>{localName(rec.owner)}</Row>
              <Row label={t("followup.fields.programme")} show={!!rec.programme}>
                {rec.programme && <Link to={`/programmes/${encodeURIComponent(rec.programme.id)}`}>{title(rec.programme)}</Link>}
              </Row>
              <Row label={t("followup.fields.area")} show={!!rec.area}>
                {title(rec.area)}
              </Row>
              <Row label={t("followup.fields.season")}>{seasonName}</Row>
              <Row label={t("followup.fields.visibility")}>{t(`directory.visibilities.${rec.visibility}`)}</Row>
              <Row label={t("followup.rec.created")}>
                <DateTime value={rec.createdAt} />
                {rec.createdBy && (
                  <span className="row-secondary">
                    <bdi>{rec.createdBy.name}</bdi>
                  </span>
                )}
              </Row>
              <Row label={t("followup.rec.approved_at")} show={!!rec.approvedAt}>
                {rec.approvedAt && <DateTime value={rec.approvedAt} />}
              </Row>
              <Row label={t("followup.rec.closed_at")} show={!!rec.closedAt}>
                {rec.closedAt && <DateTime value={rec.closedAt} />}
              </Row>
            </dl>
          </section>
          <section className="card" aria-labelledby="rec-source-title">
            <h2 id="rec-source-title" className="card-title">
              {t("followup.rec.sources")}
            </h2>
            <Sources rec={rec} />
          </section>
        </div>
      </div>
    </article>
  );
}
