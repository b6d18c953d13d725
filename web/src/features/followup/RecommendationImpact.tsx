import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, usePickLocal } from "../../components/format.js";
import { useFormatPercent } from "./FollowupBits.js";
import { EventChooser, type ChosenEvent } from "./Pickers.js";
import type { Recommendation, RecommendationLink } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

/**
 * The workshops (and meetings) that implement the recommendation, and what happened
 * there: whether each was held, its participants and countries, and the totals over
 * the held ones. Those who may report progress or manage it link and unlink events.
 */
export function RecommendationImpact({ rec, onChanged }: { rec: Recommendation; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const n = useFormatNumber();
  const percent = useFormatPercent();
  const pick = usePickLocal();
  const action = useAction();
  const [chosen, setChosen] = useState<ChosenEvent | null>(null);
  const [unlinking, setUnlinking] = useState<RecommendationLink | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const canLink = rec.abilities.progress || rec.abilities.manage;
  const { impact } = rec;
  const byId = new Map(impact.workshops.map((w) => [w.id, w]));
  const linkTitle = (link: RecommendationLink) => (i18n.language === "en" ? link.title.en || link.title.ar : link.title.ar || link.title.en);

  async function link() {
    if (!chosen) return;
    setSaid(null);
    const event = chosen;
    const result = await action.run(() => api.post(`${recommendationPath(rec.id)}/links`, { targetType: "event", targetId: event.id }));
    if (result.ok) {
      setChosen(null);
      setSaid(t("followup.impact.linked", { title: pick(event.titleAr, event.titleEn) }));
      onChanged();
    }
  }

  async function unlink() {
    if (!unlinking) return;
    const target = unlinking;
    const result = await action.run(() => api.delete(`${recommendationPath(rec.id)}/links/${encodeURIComponent(target.targetType)}/${encodeURIComponent(target.targetId)}`));
    setUnlinking(null);
    if (result.ok) {
      setSaid(t("followup.impact.unlinked", { title: linkTitle(target) }));
      onChanged();
    }
  }

  return (
    <section className="card" aria-labelledby="rec-impact-title">
      <h2 id="rec-impact-title" className="card-title">
        {t("followup.impact.title")}
      </h2>
      <p className="card-meta">{t("followup.impact.intro")}</p>
      <StatusMessage>{said}</StatusMessage>
      <FormErrors error={action.error} />
      {rec.links.length === 0 ? (
        <EmptyState>{t("followup.impact.none")}</EmptyState>
      ) : (
        <>
          <dl className="stat-row impact-stats">
            <div className="stat">
              <dt>{t("followup.impact.workshops_held")}</dt>
              <dd>{n(impact.workshops.filter((w) => w.held).length)}</dd>
            </div>
            <div className="stat">
              <dt>{t("followup.impact.participants")}</dt>
              <dd>{n(impact.participants)}</dd>
            </div>
            <div className="stat">
              <dt>{t("followup.impact.countries")}</dt>
              <dd>{n(impact.countries)}</dd>
            </div>
            <div className="stat">
              <dt>{t("followup.impact.awareness_gain")}</dt>
              <dd className={impact.awarenessGain === null ? "stat-note" : undefined}>
                {impact.awarenessGain === null ? t("followup.impact.awareness_pending") : percent(impact.awarenessGain)}
              </dd>
            </div>
          </dl>
          <div className="table-wrap">
            <table className="table table--cards">
              <caption className="visually-hidden">{t("followup.impact.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("followup.impact.event")}</th>
                  <th scope="col">{t("followup.impact.date")}</th>
                  <th scope="col">{t("followup.impact.held")}</th>
                  <th scope="col">{t("followup.impact.participants")}</th>
                  <th scope="col">{t("followup.impact.countries")}</th>
                  {canLink && (
                    <th scope="col">
                      <span className="visually-hidden">{t("common.actions")}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {rec.links.map((l) => {
                  const w = byId.get(l.targetId);
                  return (
                    <tr key={`${l.targetType}-${l.targetId}`}>
                      <th scope="row" data-label={t("followup.impact.event")}>
                        <Link to={`/events/${encodeURIComponent(l.targetId)}`}>{linkTitle(l)}</Link>
                      </th>
                      <td data-label={t("followup.impact.date")}>{l.startsAt ? <DateTime value={l.startsAt} /> : "—"}</td>
                      <td data-label={t("followup.impact.held")}>
                        {w?.held ? <Badge tone="success">{t("followup.impact.held_yes")}</Badge> : <Badge>{t("followup.impact.held_no")}</Badge>}
                      </td>
                      <td data-label={t("followup.impact.participants")}>{w?.held ? n(w.participants) : "—"}</td>
                      <td data-label={t("followup.impact.countries")}>{w?.held ? n(w.countries) : "—"}</td>
                      {canLink && (
                        <td className="cell-actions">
                          <button
                            type="button"
                            className="button button--link"
                            onClick={() => setUnlinking(l)}
                            aria-label={t("followup.impact.unlink_named", { title: linkTitle(l) })}
                          >
                            {t("followup.impact.unlink")}
                          </button>
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
      {canLink && (
        <div className="link-event">
          <h3 className="section-title">{t("followup.impact.link_title")}</h3>
          <div className="inline-form">
            <EventChooser id="rec-link-event" label={t("followup.impact.event_to_link")} value={chosen} onChange={setChosen} exclude={rec.links.map((l) => l.targetId)} />
            <button type="button" className="button button--secondary button--small" disabled={!chosen || action.pending} onClick={() => void link()}>
              {t("followup.impact.link")}
            </button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={unlinking !== null}
        title={unlinking ? t("followup.impact.unlink_title", { title: linkTitle(unlinking) }) : ""}
        confirmLabel={t("followup.impact.unlink")}
        danger
        pending={action.pending}
        onConfirm={() => void unlink()}
        onCancel={() => setUnlinking(null)}
      >
        <p>{t("followup.impact.unlink_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
