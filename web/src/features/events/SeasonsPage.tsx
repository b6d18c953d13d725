import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { toLatinDigits } from "../../../../common/dates.js";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { CivilDateText } from "../../components/DateTime.js";
import { TextField } from "../../components/Field.js";
import { EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import type { Season, SeasonList } from "./types.js";
import { invalidateSeasons } from "./useEventsData.js";

/** Coordinators create the season of a Hijri year; its bounds default to 1 Muharram – end of Dhu al-Hijjah. */
function CreateSeasonForm({ onCreated }: { onCreated(season: Season): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [year, setYear] = useState("");
  const [created, setCreated] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCreated(false);
    const result = await action.run(() => api.post<Season>("/api/seasons", { hijriYear: Number(toLatinDigits(year).trim()) }));
    if (result.ok) {
      setYear("");
      setCreated(true);
      onCreated(result.value);
    }
  }

  return (
    <section className="card" aria-labelledby="season-create-title">
      <h2 id="season-create-title" className="card-title">
        {t("events.create_season_title")}
      </h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors error={action.error} shownFields={["hijriYear"]} />
        <StatusMessage>{created ? t("events.season_created") : null}</StatusMessage>
        <TextField
          id="season-hijriYear"
          label={t("fields.hijriYear")}
          inputMode="numeric"
          dir="ltr"
          value={year}
          onChange={setYear}
          error={action.fieldError("hijriYear")}
          hint={t("events.season_year_hint")}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending || !year.trim()}>
            {action.pending ? t("common.working") : t("events.create_season")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** /seasons — each Hajj season, its dates in both calendars and its events. */
export function SeasonsPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const result = useApi<SeasonList>("/api/seasons");
  usePageTitle(t("events.seasons_title"));
  const items = [...(result.data?.items ?? [])].sort((a, b) => b.hijriYear - a.hijriYear);

  return (
    <>
      <PageHeader crumbs={[{ label: t("events.title"), to: "/events" }]} title={t("events.seasons_title")} subtitle={t("events.seasons_intro")} />
      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!result.data && result.loading && <Loading />}
      {result.data && items.length === 0 && <EmptyState>{t("events.no_seasons")}</EmptyState>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="visually-hidden">{t("events.seasons_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("events.season")}</th>
                <th scope="col">{t("events.season_dates")}</th>
                <th scope="col">{t("events.events_of_season")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((s) => (
                <tr key={s.id}>
                  <th scope="row" data-label={t("events.season")}>
                    <Link to={`/events?season=${encodeURIComponent(s.code)}&when=all`} className="row-link">
                      {localName(s)}
                    </Link>
                    <span className="row-secondary">
                      {t("fields.hijriYear")}: {n(s.hijriYear)}
                    </span>
                  </th>
                  <td data-label={t("events.season_dates")}>
                    <CivilDateText value={s.startsOn} /> – <CivilDateText value={s.endsOn} />
                  </td>
                  <td data-label={t("events.events_of_season")}>
                    <Link to={`/events?season=${encodeURIComponent(s.code)}&when=all`}>{t("events.count", { count: s.eventCount, n: n(s.eventCount) })}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.data?.abilities.create && (
        <CreateSeasonForm
          onCreated={() => {
            invalidateSeasons();
            result.reload();
          }}
        />
      )}
    </>
  );
}
