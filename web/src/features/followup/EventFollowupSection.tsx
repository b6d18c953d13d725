import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi, type ApiResource } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import type { EventRecord } from "../events/types.js";
import { DueDate, OrgNames, OverdueMark, ProgressBar, ProposalStatusBadge, RecommendationLink, StatusBadge, useTitle } from "./FollowupBits.js";
import { ProposalsSection } from "./ProposalsSection.js";
import type { EventRecommendations, OpenItems, OpenProposal, Proposal, ProposalList, RecommendationSummary, TrackResult } from "./types.js";
import { eventPath } from "./useFollowupData.js";
import "./followup.css";

/** Recommendations as a compact list: reference and text, status, progress, due date and who is responsible. */
export function RecommendationMiniList({ items, extra }: { items: RecommendationSummary[]; extra?(rec: RecommendationSummary): ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="rec-list">
      {items.map((r) => (
        <li key={r.id} className="rec-list-item">
          <div className="rec-list-text">
            <RecommendationLink rec={r} />
            <span className="row-secondary">
              <OrgNames orgs={r.responsibles} />
              {t("common.list_separator")}
              {t("followup.fields.due_on")}: <DueDate value={r.dueOn} />
            </span>
            {extra?.(r)}
          </div>
          <div className="rec-list-state">
            <span className="badge-stack">
              <StatusBadge status={r.status} />
              <OverdueMark overdue={r.overdue} days={r.daysOverdue} />
            </span>
            <ProgressBar value={r.progress} label={t("followup.fields.progress")} tone={r.status === "done" ? "done" : r.overdue ? "late" : undefined} />
          </div>
        </li>
      ))}
    </ul>
  );
}

/** What the event implements and what came out of it, and (for those who may edit it) tracking its decisions. */
function EventRecommendationsCard({ event, resource }: { event: EventRecord; resource: ApiResource<EventRecommendations> }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const title = useTitle();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  const data = resource.data;

  async function track() {
    setSaid(null);
    const result = await action.run(() => api.post<TrackResult>(`${eventPath(event.id)}/decisions/track`, {}));
    setConfirming(false);
    if (result.ok) {
      const created = result.value.created.length;
      const already = result.value.alreadyTracked.length;
      setSaid(
        created === 0 && already === 0
          ? t("followup.event.track_nothing")
          : [
              t("followup.event.track_created", { count: created, n: n(created) }),
              ...(already > 0 ? [t("followup.event.track_already", { count: already, n: n(already) })] : []),
            ].join(" "),
      );
      resource.reload();
    }
  }

  return (
    <section className="card" aria-labelledby="event-recs-title">
      <div className="card-header">
        <h3 id="event-recs-title" className="card-title">
          {t("followup.event.recommendations_title")}
        </h3>
        {event.abilities.update && event.kind === "meeting" && (
          <button type="button" className="button button--secondary button--small" disabled={action.pending} onClick={() => setConfirming(true)}>
            {t("followup.event.track")}
          </button>
        )}
      </div>
      <StatusMessage>{said}</StatusMessage>
      <FormErrors error={action.error} />
      {resource.error && !data && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.loading && <Loading />}
      {data && (
        <>
          {data.programmes.length > 0 && (
            <p className="card-meta">
              {t("followup.event.under_programmes")}{" "}
              {data.programmes.map((p, i) => (
                <span key={p.id}>
                  {i > 0 && t("common.list_separator")}
                  <Link to={`/programmes/${encodeURIComponent(p.id)}`}>{title(p)}</Link>
                </span>
              ))}
            </p>
          )}
          <h4 className="section-title">{t("followup.event.source_title")}</h4>
          {data.source.length === 0 ? <EmptyState>{t("followup.event.source_none")}</EmptyState> : <RecommendationMiniList items={data.source} />}
          <h4 className="section-title">{t("followup.event.serves_title")}</h4>
          {data.serves.length === 0 ? <EmptyState>{t("followup.event.serves_none")}</EmptyState> : <RecommendationMiniList items={data.serves} />}
          <p className="card-meta">
            <Link to={`/accountability?event=${encodeURIComponent(event.id)}`}>{t("followup.event.accountability_link")}</Link>
          </p>
        </>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("followup.event.track_title")}
        confirmLabel={t("followup.event.track")}
        pending={action.pending}
        onConfirm={() => void track()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("followup.event.track_body")}</p>
      </ConfirmDialog>
    </section>
  );
}

/**
 * "Open items from the previous edition": recommendations still open and proposals
 * deferred or never decided, following the meeting's previous editions; the new
 * meeting's host carries a proposal over, or puts a recommendation on its follow-up.
 */
function OpenItemsCard({
  event,
  resource,
  serves,
  onCarried,
  onLinked,
}: {
  event: EventRecord;
  resource: ApiResource<OpenItems>;
  serves: RecommendationSummary[];
  onCarried(p: Proposal): void;
  onLinked(): void;
}) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const action = useAction();
  const [said, setSaid] = useState<string | null>(null);
  const data = resource.data;
  if (resource.error && !data) return <ErrorState error={resource.error} onRetry={resource.reload} />;
  if (!data) return resource.loading ? <Loading /> : null;
  if (data.previous.length === 0) return null;

  async function carry(item: OpenProposal) {
    setSaid(null);
    const result = await action.run(() => api.post<Proposal>(`/api/proposals/${encodeURIComponent(item.id)}/carry-over`, { eventId: event.id }));
    if (result.ok) {
      setSaid(t("followup.open_items.carried", { title: item.title }));
      onCarried(result.value);
      resource.reload();
    }
  }

  async function follow(rec: RecommendationSummary) {
    setSaid(null);
    const result = await action.run(() => api.post(`/api/recommendations/${encodeURIComponent(rec.id)}/links`, { targetType: "event", targetId: event.id }));
    if (result.ok) {
      setSaid(t("followup.open_items.followed"));
      onLinked();
    }
  }

  const served = new Set(serves.map((r) => r.id));
  const nothing = data.recommendations.length === 0 && data.proposals.length === 0;
  return (
    <section className="card open-items" aria-labelledby="event-open-items-title">
      <h3 id="event-open-items-title" className="card-title">
        {t("followup.open_items.title")}
      </h3>
      <p className="card-meta open-items-from">{t("followup.open_items.from")}</p>
      <ul className="previous-editions">
        {data.previous.map((p) => (
          <li key={p.id}>
            <Link to={`/events/${encodeURIComponent(p.id)}?tab=followup`}>{pick(p.titleAr, p.titleEn)}</Link>
            {t("common.list_separator")}
            <DateTime value={p.startsAt} />
          </li>
        ))}
      </ul>
      <StatusMessage>{said}</StatusMessage>
      <FormErrors error={action.error} />
      {nothing && <EmptyState>{t("followup.open_items.none")}</EmptyState>}
      {data.recommendations.length > 0 && (
        <>
          <h4 className="section-title">{t("followup.open_items.recommendations", { count: data.recommendations.length, n: n(data.recommendations.length) })}</h4>
          <RecommendationMiniList
            items={data.recommendations}
            extra={(r) =>
              served.has(r.id) ? (
                <Badge tone="success">{t("followup.open_items.on_this_meeting")}</Badge>
              ) : data.abilities.carryOver ? (
                <button type="button" className="button button--secondary button--small open-item-button" disabled={action.pending} onClick={() => void follow(r)}>
                  {t("followup.open_items.follow_here")}
                </button>
              ) : null
            }
          />
        </>
      )}
      {data.proposals.length > 0 && (
        <>
          <h4 className="section-title">{t("followup.open_items.proposals", { count: data.proposals.length, n: n(data.proposals.length) })}</h4>
          <ul className="rec-list">
            {data.proposals.map((p) => (
              <li key={p.id} className="rec-list-item">
                <div className="rec-list-text">
                  <Link to={`/events/${encodeURIComponent(p.event.id)}?tab=followup#proposal-${encodeURIComponent(p.id)}`} lang={p.language} dir="auto">
                    {p.title}
                  </Link>
                  <span className="row-secondary">
                    {localName(p.organisation)}
                    {t("common.list_separator")}
                    {t("followup.open_items.sponsors", { count: p.sponsors, n: n(p.sponsors) })}
                  </span>
                </div>
                <div className="rec-list-state">
                  <ProposalStatusBadge status={p.status} />
                  {p.carriedToProposalId ? (
                    <a href={`#proposal-${encodeURIComponent(p.carriedToProposalId)}`} className="badge badge--success">
                      {t("followup.open_items.already_carried")}
                    </a>
                  ) : (
                    data.abilities.carryOver && (
                      <button type="button" className="button button--primary button--small" disabled={action.pending} onClick={() => void carry(p)} aria-label={t("followup.open_items.carry_named", { title: p.title })}>
                        {t("followup.open_items.carry")}
                      </button>
                    )
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/**
 * The event's "Follow-up" tab: recommendations it serves and those that came out of
 * it, its proposals, and the open items of its previous editions.
 */
export function EventFollowupSection({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const path = eventPath(event.id);
  const recommendations = useApi<EventRecommendations>(`${path}/recommendations`);
  const isMeeting = event.kind === "meeting";
  const proposals = useApi<ProposalList>(isMeeting ? `${path}/proposals` : null);
  const openItems = useApi<OpenItems>(isMeeting && event.previousEventId ? `${path}/open-items` : null);

  return (
    <div className="detail-main event-followup">
      <h2 className="visually-hidden">{t("followup.event.tab")}</h2>
      <EventRecommendationsCard event={event} resource={recommendations} />
      {isMeeting && <ProposalsSection eventId={event.id} proposals={proposals} />}
      {isMeeting && event.previousEventId && (
        <OpenItemsCard
          event={event}
          resource={openItems}
          serves={recommendations.data?.serves ?? []}
          onCarried={(p) => {
            if (proposals.data) proposals.setData({ ...proposals.data, items: [...proposals.data.items, p] });
            else proposals.reload();
          }}
          onLinked={() => {
            recommendations.reload();
            openItems.reload();
          }}
        />
      )}
    </div>
  );
}
