import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { ArchiveControls } from "../directory/RecordActions.js";
import { useSeasonName } from "./digits.js";
import { DueDate, OverdueMark, ProgressBar, RecommendationLink, Row, StatusBadge, useTitle } from "./FollowupBits.js";
import type { Programme, RecommendationList } from "./types.js";

/**
 * /programmes/:id — a cooperation programme: its parties and signatories, the agreed
 * areas, the workshops under it, and its recommendations with their progress.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const title = useTitle();
  const seasonName = useSeasonName();
  const resource = useApi<Programme>(`/api/programmes/${encodeURIComponent(id)}`);
  const recs = useApi<RecommendationList>(resource.data ? "/api/recommendations" : null, { programme: id, pageSize: 100 });
  const programme = resource.data;
  usePageTitle(programme ? title(programme) : t("followup.programmes.title"));

  if (resource.error && !programme) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!programme) return <Loading />;
  const description = pick(programme.descriptionAr, programme.descriptionEn);
  const items = recs.data?.items ?? [];
  const byArea = (areaId: string | null) => items.filter((r) => (r.area?.id ?? null) === areaId);
  const withoutArea = byArea(null);

  return (
    <article className="programme">
      <PageHeader
        crumbs={[{ label: t("followup.programmes.title"), to: "/programmes" }]}
        title={title(programme)}
        subtitle={seasonName(programme.season, programme.season.code)}
        badges={
          <>
            <Badge tone="info">
              <bdi dir="ltr">{programme.code}</bdi>
            </Badge>
            <Badge>{t(`directory.visibilities.${programme.visibility}`)}</Badge>
            {programme.archivedAt && <Badge tone="warning">{t("followup.programmes.archived")}</Badge>}
          </>
        }
        actions={
          <>
            <Link to={`/accountability?programme=${encodeURIComponent(programme.id)}`} className="button button--secondary">
              {t("followup.programmes.accountability_link")}
            </Link>
            {programme.abilities.update && (
              <Link to={`/programmes/${encodeURIComponent(programme.id)}/edit`} className="button button--primary">
                {t("common.edit")}
              </Link>
            )}
            <ArchiveControls
              basePath={`/api/programmes/${encodeURIComponent(programme.id)}`}
              abilities={programme.abilities}
              archivedAt={programme.archivedAt}
              recordName={title(programme)}
              onDone={resource.reload}
            />
          </>
        }
      />
      {programme.archivedAt && (
        <p className="alert alert--warning" role="note">
          {t("followup.programmes.archived_notice")}
        </p>
      )}
      <div className="detail-layout">
        <div className="detail-main">
          <section className="card" aria-labelledby="programme-about-title">
            <h2 id="programme-about-title" className="card-title">
              {t("followup.programmes.about")}
            </h2>
            {description && <p className="card-text preserve-lines">{description}</p>}
            <dl className="summary-list">
              <Row label={t("followup.fields.season")}>{seasonName(programme.season, programme.season.code)}</Row>
              <Row label={t("followup.programmes.starts_on")} show={!!programme.startsOn}>
                <DueDate value={programme.startsOn} />
              </Row>
              <Row label={t("followup.programmes.ends_on")} show={!!programme.endsOn}>
                <DueDate value={programme.endsOn} />
              </Row>
              <Row label={t("followup.programmes.kept_by")}>{localName(programme.owner)}</Row>
            </dl>
          </section>

          <section className="card" aria-labelledby="programme-areas-title">
            <h2 id="programme-areas-title" className="card-title">
              {t("followup.programmes.areas")}
            </h2>
            {programme.areas.length === 0 ? (
              <EmptyState>{t("followup.programmes.no_areas")}</EmptyState>
            ) : (
              <ol className="area-list">
                {programme.areas.map((a) => {
                  const own = byArea(a.id);
                  const avg = own.length ? Math.round(own.reduce((s, r) => s + r.progress, 0) / own.length) : null;
                  return (
                    <li key={a.id} className="area-item">
                      <div className="area-head">
                        <span className="area-code">
                          <bdi dir="ltr">{a.code}</bdi>
                        </span>
                        <span className="area-title">{title(a)}</span>
                        <Link to={`/recommendations?programme=${encodeURIComponent(programme.id)}&area=${encodeURIComponent(a.id)}`} className="area-count">
                          {t("followup.programmes.recommendations_count", { count: own.length, n: n(own.length) })}
                        </Link>
                      </div>
                      {avg !== null && <ProgressBar value={avg} label={t("followup.programmes.area_progress", { area: title(a) })} />}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>

          <section className="card" aria-labelledby="programme-recs-title">
            <div className="card-header">
              <h2 id="programme-recs-title" className="card-title">
                {t("followup.programmes.recommendations")}
              </h2>
              <Link to={`/recommendations?programme=${encodeURIComponent(programme.id)}`} className="button button--ghost button--small">
                {t("followup.programmes.all_recommendations")}
              </Link>
            </div>
            {recs.error && <ErrorState error={recs.error} onRetry={recs.reload} />}
            {!recs.data && recs.loading && <Loading />}
            {recs.data && items.length === 0 && <EmptyState>{t("followup.programmes.no_recommendations")}</EmptyState>}
            {items.length > 0 && (
              <ul className="rec-list">
                {[...programme.areas.map((a) => ({ key: a.id, label: title(a), list: byArea(a.id) })), { key: "none", label: t("followup.accountability.no_area"), list: withoutArea }]
                  .filter((g) => g.list.length > 0)
                  .flatMap((g) =>
                    g.list.map((r) => (
                      <li key={r.id} className="rec-list-item">
                        <div className="rec-list-text">
                          <RecommendationLink rec={r} />
                          <span className="row-secondary">{g.label}</span>
                        </div>
                        <div className="rec-list-state">
                          <span className="badge-stack">
                            <StatusBadge status={r.status} />
                            <OverdueMark overdue={r.overdue} days={r.daysOverdue} />
                          </span>
                          <ProgressBar value={r.progress} label={t("followup.fields.progress")} tone={r.status === "done" ? "done" : r.overdue ? "late" : undefined} />
                        </div>
                      </li>
                    )),
                  )}
              </ul>
            )}
          </section>
        </div>

        <div className="detail-side">
          <section className="card" aria-labelledby="programme-parties-title">
            <h2 id="programme-parties-title" className="card-title">
              {t("followup.programmes.parties")}
            </h2>
            {programme.parties.length === 0 ? (
              <EmptyState>{t("followup.programmes.no_parties")}</EmptyState>
            ) : (
              <ul className="party-list">
                {programme.parties.map((p) => (
                  <li key={p.organisation.id} className="party-item">
                    <Link to={`/directory/organisations/${encodeURIComponent(p.organisation.code)}`} className="party-name">
                      {localName(p.organisation)}
                    </Link>
                    {p.signatory && (
                      <span className="row-secondary">
                        {t("followup.programmes.signed_by", {
                          name: p.signatory.nameAr || p.signatory.nameEn ? pick(p.signatory.nameAr, p.signatory.nameEn) : p.signatory.name,
                        })}
                      </span>
                    )}
                    {p.signedOn && (
                      <span className="row-secondary">
                        {t("followup.programmes.signed_on")} <DueDate value={p.signedOn} />
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="programme-events-title">
            <h2 id="programme-events-title" className="card-title">
              {t("followup.programmes.events")}
            </h2>
            {programme.events.length === 0 ? (
              <EmptyState>{t("followup.programmes.no_events")}</EmptyState>
            ) : (
              <ul className="event-mini-list">
                {programme.events.map((e) => (
                  <li key={e.id}>
                    <Link to={`/events/${encodeURIComponent(e.id)}`}>{title(e)}</Link>
                    <span className="row-secondary">
                      <DateTime value={e.startsAt} />
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
    </article>
  );
}
