import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api/client.js";
import { useAction } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, FormErrors } from "../../components/Feedback.js";
import { usePickLocal } from "../../components/format.js";
import { EventChooser, type ChosenEvent } from "../followup/Pickers.js";
import type { ProgrammeDetail, ProgrammeTabProps } from "./types.js";
import { programmeApi } from "./useTraining.js";

/**
 * The workshops that deliver the programme, in date order: when (Hijri and Gregorian, in the
 * workshop's zone), how (virtual or in person), and a link to the event, where those who take
 * part find the join link. `onRemove` adds a remove button (for the programme's managers).
 */
export function WorkshopList({ programme, onRemove, pending }: { programme: ProgrammeDetail; onRemove?(id: string): void; pending?: boolean }) {
  const { t } = useTranslation();
  const pick = usePickLocal();
  if (programme.workshops.length === 0) return <EmptyState>{t("training.programme.no_workshops")}</EmptyState>;
  return (
    <ul className="training-workshops">
      {programme.workshops.map((w) => {
        const title = pick(w.titleAr, w.titleEn);
        return (
          <li key={w.id} className="training-workshop">
            <div className="training-workshop-main">
              <Link to={`/events/${encodeURIComponent(w.id)}`} className="training-workshop-title">
                {title}
              </Link>
              <span className="row-secondary">
                <DateTime value={w.startsAt} mode="datetime" timeZone={w.timeZone} />
              </span>
              <span className="card-badges">
                <Badge tone="info">{t(`events.modes.${w.mode}` as "events.modes.virtual")}</Badge>
                {w.status !== "published" && <Badge tone={w.status === "cancelled" ? "danger" : "warning"}>{t(`events.statuses.${w.status}` as "events.statuses.draft")}</Badge>}
              </span>
            </div>
            <div className="button-row">
              {w.mode !== "in_person" && w.status === "published" && (
                <Link to={`/events/${encodeURIComponent(w.id)}`} className="button button--secondary button--small" aria-label={`${t("training.programme.join_details")}: ${title}`}>
                  {t("training.programme.join_details")}
                </Link>
              )}
              {onRemove && (
                <button type="button" className="button button--danger-outline button--small" disabled={pending} onClick={() => onRemove(w.id)} aria-label={`${t("training.programme.unlink_workshop")}: ${title}`}>
                  {t("training.programme.unlink_workshop")}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** The workshops tab: the list, and for the programme's managers a way to link or unlink workshops. */
export function ProgrammeWorkshops({ programme, onChanged }: ProgrammeTabProps) {
  const { t } = useTranslation();
  const action = useAction();
  const [adding, setAdding] = useState<ChosenEvent | null>(null);
  const manage = programme.can.manage;

  async function save(eventIds: string[]) {
    const result = await action.run(() => api.put(`${programmeApi(programme.id)}/workshops`, { eventIds }));
    if (result.ok) {
      setAdding(null);
      onChanged();
    }
  }

  const current = programme.workshops.map((w) => w.id);
  return (
    <section className="card" aria-labelledby="workshops-tab-title">
      <h2 id="workshops-tab-title" className="card-title">
        {t("training.programme.workshops")}
      </h2>
      <p className="card-text">{t("training.programme.workshops_intro")}</p>
      <FormErrors error={action.error} />
      <WorkshopList programme={programme} pending={action.pending} onRemove={manage ? (id) => void save(current.filter((x) => x !== id)) : undefined} />
      {manage && (
        <div className="picker-add">
          <EventChooser id="programme-workshop" label={t("training.programme.workshop_to_add")} value={adding} onChange={setAdding} exclude={current} kind="workshop" />
          <button type="button" className="button button--secondary button--small" disabled={!adding || action.pending} onClick={() => adding && void save([...current, adding.id])}>
            {t("training.programme.link_workshop")}
          </button>
        </div>
      )}
    </section>
  );
}
