import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, FormErrors, StatusMessage } from "../../components/Feedback.js";
import { SelectField } from "../../components/Field.js";
import { useFormatNumber, useFormatPercent, usePickLocal } from "../../components/format.js";
import { useSeasonName } from "./digits.js";
import { EventChooser, type ChosenEvent } from "./Pickers.js";
import type { AwarenessGain, Recommendation, RecommendationLink, TrainingProgrammeOption } from "./types.js";
import { recommendationPath } from "./useFollowupData.js";

export const trainingPath = (id: string) => `/training/${encodeURIComponent(id)}`;

/** Decimal figures in the interface language and the user's digits: percentages and signed percentage points, one decimal at most. */
function useDecimals() {
  const { i18n } = useTranslation();
  const { digits } = useDisplaySettings();
  const locale = i18n.language;
  const percent = useFormatPercent();
  return {
    pct: useCallback((value: number | null) => percent(value, { decimals: 1 }), [percent]),
    signed: useCallback((value: number) => new Intl.NumberFormat(`${locale}-u-nu-${digits}`, { signDisplay: "exceptZero", maximumFractionDigits: 1 }).format(value), [locale, digits]),
  };
}

/** The awareness gain figure of the stat row: "+44.8 points", or why there is none. */
function AwarenessFigure({ gain }: { gain: AwarenessGain | null }) {
  const { t } = useTranslation();
  const { signed } = useDecimals();
  if (gain === null) return <dd className="stat-note">{t("followup.impact.awareness_none")}</dd>;
  if (gain.avgGain === null) return <dd className="stat-note">{t("followup.impact.awareness_no_results")}</dd>;
  return (
    <dd>
      <bdi>{t("followup.impact.awareness_points", { count: Math.abs(gain.avgGain), gainText: signed(gain.avgGain) })}</bdi>
    </dd>
  );
}

/** What the awareness gain is made of: the averages before and after, how many took both tests, and which programmes count. */
function AwarenessDetail({ gain }: { gain: AwarenessGain }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const { pct } = useDecimals();
  return (
    <div className="awareness-detail">
      {gain.avgGain !== null && (
        <p className="card-meta">{t("followup.impact.awareness_detail", { pre: pct(gain.avgPre), post: pct(gain.avgPost), paired: gain.paired, pairedText: n(gain.paired) })}</p>
      )}
      <p className="card-meta awareness-programmes">
        <span>{t("followup.impact.awareness_programmes")}</span>{" "}
        {gain.programmes.map((p, i) => (
          <span key={p.id}>
            {i > 0 && t("common.list_separator")}
            <Link to={trainingPath(p.id)}>{pick(p.titleAr, p.titleEn)}</Link>
          </span>
        ))}
      </p>
    </div>
  );
}

/**
 * The workshops (and meetings) and training programmes that implement the recommendation, and
 * what happened: whether each workshop was held, its participants and countries, the totals over
 * the held ones, and the awareness gain of the trainees of the programmes involved (linked, or
 * delivered by a linked workshop). Those who may report progress or manage it link and unlink them.
 */
export function RecommendationImpact({ rec, onChanged }: { rec: Recommendation; onChanged(): void }) {
  const { t, i18n } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const seasonName = useSeasonName();
  const action = useAction();
  const [chosen, setChosen] = useState<ChosenEvent | null>(null);
  const [chosenProgramme, setChosenProgramme] = useState("");
  const [unlinking, setUnlinking] = useState<RecommendationLink | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const canLink = rec.abilities.progress || rec.abilities.manage;
  const { impact } = rec;
  const byId = new Map(impact.workshops.map((w) => [w.id, w]));
  const eventLinks = rec.links.filter((l) => l.targetType === "event");
  const programmeLinks = rec.links.filter((l) => l.targetType === "training_programme");
  const linkTitle = (link: RecommendationLink) => (i18n.language === "en" ? link.title.en || link.title.ar : link.title.ar || link.title.en);
  const programmes = useApi<{ items: TrainingProgrammeOption[] }>(canLink ? "/api/training/programmes" : null, { pageSize: 100 });
  const linkable = (programmes.data?.items ?? []).filter((p) => !programmeLinks.some((l) => l.targetId === p.id));

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

  async function linkProgramme() {
    const programme = linkable.find((p) => p.id === chosenProgramme);
    if (!programme) return;
    setSaid(null);
    const result = await action.run(() => api.post(`${recommendationPath(rec.id)}/links`, { targetType: "training_programme", targetId: programme.id }));
    if (result.ok) {
      setChosenProgramme("");
      setSaid(t("followup.impact.linked", { title: pick(programme.titleAr, programme.titleEn) }));
      onChanged();
    }
  }

  const unlinkButton = (l: RecommendationLink) => (
    <td className="cell-actions">
      <button type="button" className="button button--link" onClick={() => setUnlinking(l)} aria-label={t("followup.impact.unlink_named", { title: linkTitle(l) })}>
        {t("followup.impact.unlink")}
      </button>
    </td>
  );

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
              <AwarenessFigure gain={impact.awarenessGain} />
            </div>
          </dl>
          {impact.awarenessGain && <AwarenessDetail gain={impact.awarenessGain} />}
          {eventLinks.length > 0 && (
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
                  {eventLinks.map((l) => {
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
                        {canLink && unlinkButton(l)}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {programmeLinks.length > 0 && (
            <div className="table-wrap">
              <table className="table table--cards">
                <caption className="impact-caption">{t("followup.impact.programmes")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("followup.impact.programme")}</th>
                    {canLink && (
                      <th scope="col">
                        <span className="visually-hidden">{t("common.actions")}</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {programmeLinks.map((l) => (
                    <tr key={`${l.targetType}-${l.targetId}`}>
                      <th scope="row" data-label={t("followup.impact.programme")}>
                        <Link to={trainingPath(l.targetId)}>{linkTitle(l)}</Link>
                      </th>
                      {canLink && unlinkButton(l)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {canLink && (
        <div className="link-event">
          <h3 className="section-title">{t("followup.impact.link_title")}</h3>
          <div className="inline-form">
            <EventChooser id="rec-link-event" label={t("followup.impact.event_to_link")} value={chosen} onChange={setChosen} exclude={eventLinks.map((l) => l.targetId)} />
            <button type="button" className="button button--secondary button--small" disabled={!chosen || action.pending} onClick={() => void link()}>
              {t("followup.impact.link")}
            </button>
          </div>
        </div>
      )}
      {canLink && (
        <div className="link-event">
          <h3 className="section-title">{t("followup.impact.link_programme_title")}</h3>
          <div className="inline-form">
            <div className="picker">
              <SelectField
                id="rec-link-programme"
                label={t("followup.impact.programme_to_link")}
                value={chosenProgramme}
                onChange={setChosenProgramme}
                options={linkable.map((p) => ({ value: p.id, label: `${pick(p.titleAr, p.titleEn)} (${seasonName(p.season, p.season.code)})` }))}
                placeholder={programmes.loading && !programmes.data ? t("common.loading") : t("common.choose")}
                aria-busy={programmes.loading || undefined}
              />
            </div>
            <button type="button" className="button button--secondary button--small" disabled={!chosenProgramme || action.pending} onClick={() => void linkProgramme()}>
              {t("followup.impact.link_programme")}
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
        <p>{t(unlinking?.targetType === "training_programme" ? "followup.impact.unlink_programme_body" : "followup.impact.unlink_body")}</p>
      </ConfirmDialog>
    </section>
  );
}
