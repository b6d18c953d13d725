import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { useFormatNumber, useOtherLanguage, usePickLocal } from "../../components/format.js";
import { ListPage } from "../../components/ListPage.js";
import { useListQuery } from "../../components/useListQuery.js";
import { useSeasons } from "../events/useEventsData.js";
import { useSeasonName } from "../followup/digits.js";
import { trainingPaths } from "./paths.js";
import { AudienceFact, OwnersFact, ProgrammeBadges } from "./ProgrammeBits.js";
import type { ProgrammeSummary } from "./types.js";
import type { ProgrammeList } from "./useTraining.js";
import "./training.css";

const PAGE_SIZE = 12;

/** One programme as a card: season, title (and the other language's), badges, owners, first workshop, counts. */
function ProgrammeCard({ programme }: { programme: ProgrammeSummary }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const pick = usePickLocal();
  const seasonName = useSeasonName();
  const other = useOtherLanguage();
  const title = pick(programme.titleAr, programme.titleEn);
  const otherTitle = other === "ar" ? programme.titleAr : programme.titleEn;
  return (
    <li className="card card--link training-card">
      <p className="card-eyebrow">{seasonName(programme.season, programme.season.code)}</p>
      <h2 className="card-title">
        <Link to={trainingPaths.programme(programme.id)} className="stretched-link">
          {title}
        </Link>
      </h2>
      {otherTitle && otherTitle !== title && (
        <p className="card-subtitle" lang={other}>
          <bdi>{otherTitle}</bdi>
        </p>
      )}
      <div className="card-badges">
        <ProgrammeBadges programme={programme} />
      </div>
      <dl className="training-card-facts">
        <OwnersFact owners={programme.owners} />
        <div>
          <dt>{t("training.programme.dates")}</dt>
          <dd>{programme.startsAt ? <DateTime value={programme.startsAt} /> : t("training.programme.no_workshops_yet")}</dd>
        </div>
        <AudienceFact audience={programme.audience} />
      </dl>
      <p className="card-meta training-card-counts">
        <span>{t("training.programme.workshops_count", { count: programme.counts.workshops, n: n(programme.counts.workshops) })}</span>
        <span>{t("training.programme.modules_count", { count: programme.counts.modules, n: n(programme.counts.modules) })}</span>
        <span>{t("training.programme.trainees_count", { count: programme.counts.enrolled, n: n(programme.counts.enrolled) })}</span>
      </p>
    </li>
  );
}

/** /training — the programmes the user may read, by season; his own ("my programmes") on request. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const { user } = useSession();
  const n = useFormatNumber();
  const seasonName = useSeasonName();
  const seasons = useSeasons();
  const list = useListQuery();
  const q = list.get("q");
  const season = list.get("season");
  const status = list.get("status");
  const mine = list.get("mine") === "enrolled";
  const result = useApi<ProgrammeList>("/api/training/programmes", {
    q: q || undefined,
    season: season || undefined,
    status: status || undefined,
    mine: mine ? "enrolled" : undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const canCreate = result.data?.abilities.create;

  return (
    <ListPage
      title={t("training.programme.title")}
      subtitle={t("training.programme.intro")}
      actions={
        canCreate ? (
          <Link to={trainingPaths.create()} className="button button--primary">
            {t("training.programme.new")}
          </Link>
        ) : undefined
      }
      list={list}
      search={{ idPrefix: "training", label: t("training.programme.search_label"), placeholder: t("training.programme.search_placeholder") }}
      filters={
        <>
          <SelectField
            id="training-season"
            label={t("training.programme.season")}
            value={season}
            onChange={(value) => list.update({ season: value })}
            placeholder={t("training.programme.all_seasons")}
            options={seasons.items.map((s) => ({ value: s.code, label: seasonName(s, s.code) }))}
          />
          {canCreate && (
            <SelectField
              id="training-status"
              label={t("training.programme.status_label")}
              value={status}
              onChange={(value) => list.update({ status: value })}
              placeholder={t("training.programme.all_statuses")}
              options={(["published", "draft"] as const).map((s) => ({ value: s, label: t(`training.programme.status.${s}`) }))}
            />
          )}
          {user && (
            <CheckboxField id="training-mine" label={t("training.programme.mine")} checked={mine} onChange={(checked) => list.update({ mine: checked ? "enrolled" : null })} />
          )}
        </>
      }
      result={result}
      count={(data) => t("training.programme.count", { count: data.total, n: n(data.total) })}
      empty={mine ? t("training.programme.none_mine") : t("training.programme.none")}
    >
      {(items, isStale) => (
        <ul className={isStale ? "card-grid training-list is-stale" : "card-grid training-list"} aria-busy={isStale || undefined} aria-label={t("training.programme.title")}>
          {items.map((p) => (
            <ProgrammeCard key={p.id} programme={p} />
          ))}
        </ul>
      )}
    </ListPage>
  );
}
