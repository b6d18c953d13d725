import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading, StatusMessage } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName, usePickLocal } from "../../components/format.js";
import { useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useDebouncedSearch } from "../../components/useListQuery.js";
import { AttendanceImport } from "./AttendanceImport.js";
import { CheckInQr } from "./CheckInQr.js";
import type { AttendanceEntry, AttendanceList, EventRecord } from "./types.js";

const ROLE_TONE = { leader: "success", delegate: "info", registrant: "info", trainee: "info", unexpected: "warning" } as const;

function usePercent() {
  const { locale, digits } = useDisplaySettings();
  return (part: number, whole: number) => new Intl.NumberFormat(`${locale}-u-nu-${digits}`, { style: "percent", maximumFractionDigits: 0 }).format(whole ? part / whole : 0);
}

/** Totals, then attendance per country and per organisation. */
function AttendanceTotals({ data }: { data: AttendanceList }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const pick = usePickLocal();
  const percent = usePercent();
  const countryName = (c: AttendanceList["byCountry"][number]) => pick(c.nameAr, c.nameEn) || c.country || t("events.attendance.no_country");
  return (
    <>
      <dl className="stat-row">
        <div className="stat">
          <dt>{t("events.attendance.expected")}</dt>
          <dd>{n(data.totals.expected)}</dd>
        </div>
        <div className="stat">
          <dt>{t("events.attendance.attended")}</dt>
          <dd>{n(data.totals.attended)}</dd>
        </div>
        <div className="stat">
          <dt>{t("events.attendance.rate")}</dt>
          <dd>{percent(Math.min(data.totals.attended, data.totals.expected), data.totals.expected)}</dd>
        </div>
      </dl>
      {data.byCountry.length > 0 && (
        <>
          <h3 className="section-title" id="attendance-by-country">{t("events.attendance.by_country")}</h3>
          <div className="table-wrap">
            <table className="table table--cards" aria-labelledby="attendance-by-country">
              <thead>
                <tr>
                  <th scope="col">{t("fields.country")}</th>
                  <th scope="col">{t("events.attendance.organisations_present")}</th>
                  <th scope="col">{t("events.attendance.expected")}</th>
                  <th scope="col">{t("events.attendance.attended")}</th>
                </tr>
              </thead>
              <tbody>
                {data.byCountry.map((c) => (
                  <tr key={c.country ?? "none"}>
                    <th scope="row" data-label={t("fields.country")}>
                      {countryName(c)}
                    </th>
                    <td data-label={t("events.attendance.organisations_present")}>{n(c.organisations)}</td>
                    <td data-label={t("events.attendance.expected")}>{n(c.expected)}</td>
                    <td data-label={t("events.attendance.attended")}>{n(c.attended)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {data.byOrganisation.length > 0 && (
        <details className="disclosure">
          <summary>{t("events.attendance.by_organisation")}</summary>
          <div className="table-wrap">
            <table className="table table--cards">
              <caption className="visually-hidden">{t("events.attendance.by_organisation")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("fields.organisation")}</th>
                  <th scope="col">{t("events.attendance.expected")}</th>
                  <th scope="col">{t("events.attendance.attended")}</th>
                </tr>
              </thead>
              <tbody>
                {data.byOrganisation.map((o) => (
                  <tr key={o.organisation.id}>
                    <th scope="row" data-label={t("fields.organisation")}>
                      {localName(o.organisation)}
                    </th>
                    <td data-label={t("events.attendance.expected")}>{n(o.expected)}</td>
                    <td data-label={t("events.attendance.attended")}>{n(o.attended)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </>
  );
}

/** "Checked in with the QR code · 6 Dhu al-Hijjah… 8:05 PM" or "Not recorded". */
function AttendanceState({ entry, timeZone }: { entry: AttendanceEntry; timeZone: string }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  if (!entry.checkedInAt) return <span className="row-secondary-inline">{t("events.attendance.not_recorded")}</span>;
  const source = entry.source === "self" || entry.source === "import" || entry.source === "organiser" ? t(`events.attendance.sources.${entry.source}`) : null;
  return (
    <>
      <Badge tone="success">{t("events.attendance.present")}</Badge>
      <span className="row-secondary">
        <DateTime value={entry.checkedInAt} mode="datetime" timeZone={timeZone} />
      </span>
      {source && (
        <span className="row-secondary">
          {source}
          {entry.minutes !== null && (
            <>
              {t("common.list_separator")}
              {t("events.attendance.minutes", { count: entry.minutes, n: n(entry.minutes) })}
            </>
          )}
        </span>
      )}
    </>
  );
}

/**
 * Who is expected (delegates, confirmed registrants) and who came: check people in or
 * undo, search, totals per country and organisation; the QR code for in-person events
 * and the import of a virtual platform's report. For the event's organisers.
 */
export function AttendanceSection({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const [q, setQ] = useState("");
  const [text, setText] = useDebouncedSearch(q, setQ);
  const resource = useApi<AttendanceList>(`/api/events/${encodeURIComponent(event.id)}/attendance`, { q: q || undefined });
  const action = useAction();
  const [message, setMessage] = useState<string | null>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const data = resource.data;

  async function toggle(entry: AttendanceEntry) {
    setMessage(null);
    setBusyKey(entry.key);
    const path = `/api/events/${encodeURIComponent(event.id)}/attendance/${encodeURIComponent(entry.key)}`;
    const isUndo = entry.checkedInAt !== null;
    const result = await action.run(() => (isUndo ? api.delete(path) : api.put(path)));
    setBusyKey(null);
    if (result.ok) {
      setMessage(t(isUndo ? "events.attendance.undone" : "events.attendance.checked_in", { name: localName(entry) }));
      resource.reload();
    }
  }

  const hasQr = event.mode !== "virtual";
  const summary = (
    <section className="card" aria-labelledby="event-attendance-title">
      <h2 id="event-attendance-title" className="card-title">
        {t("events.attendance.title")}
      </h2>
      {resource.error && !data && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!data && resource.loading && <Loading />}
      {data && <AttendanceTotals data={data} />}
    </section>
  );
  return (
    <div className="detail-main">
      {hasQr ? (
        <div className="detail-layout">
          <div className="detail-main">{summary}</div>
          <div className="detail-side">
            <CheckInQr event={event} />
          </div>
        </div>
      ) : (
        summary
      )}
      {data && (
        <section className="card" aria-labelledby="attendance-list-title">
          <h2 id="attendance-list-title" className="card-title">
            {t("events.attendance.list_title")}
          </h2>
          <div className="field filters-search">
            <label htmlFor="attendance-q" className="field-label">
              {t("events.attendance.search")}
            </label>
            <input id="attendance-q" type="search" className="input" dir="auto" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
          </div>
          <StatusMessage>{message}</StatusMessage>
          <FormErrors error={action.error} />
          {data.items.length === 0 ? (
            <EmptyState>{q ? t("events.attendance.no_match") : t("events.attendance.none_expected")}</EmptyState>
          ) : (
            <div className={["table-wrap", resource.loading ? "is-stale" : ""].join(" ").trim()}>
              <table className="table table--cards">
                <caption className="visually-hidden">{t("events.attendance.list_title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("events.participant")}</th>
                    <th scope="col">{t("fields.organisation")}</th>
                    <th scope="col">{t("events.attendance.role")}</th>
                    <th scope="col">{t("events.attendance.state")}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t("common.actions")}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((entry) => (
                    <tr key={entry.key} className={entry.checkedInAt ? "row--present" : undefined}>
                      <th scope="row" data-label={t("events.participant")}>
                        {localName(entry)}
                        {entry.email && (
                          <span className="row-secondary" dir="ltr">
                            {entry.email}
                          </span>
                        )}
                      </th>
                      <td data-label={t("fields.organisation")}>{localName(entry.organisation)}</td>
                      <td data-label={t("events.attendance.role")}>
                        <Badge tone={ROLE_TONE[entry.role] ?? "neutral"}>{t(`events.attendance.roles.${entry.role}`)}</Badge>
                      </td>
                      <td data-label={t("events.attendance.state")}>
                        <AttendanceState entry={entry} timeZone={event.timeZone} />
                      </td>
                      <td className="cell-actions">
                        {entry.checkedInAt ? (
                          <button
                            type="button"
                            className="button button--ghost button--small"
                            disabled={busyKey !== null}
                            aria-label={t("events.attendance.undo_named", { name: localName(entry) })}
                            onClick={() => void toggle(entry)}
                          >
                            {t("events.attendance.undo")}
                          </button>
                        ) : entry.role !== "unexpected" ? (
                          <button
                            type="button"
                            className="button button--primary button--small"
                            disabled={busyKey !== null}
                            aria-label={t("events.attendance.check_in_named", { name: localName(entry) })}
                            onClick={() => void toggle(entry)}
                          >
                            {t("events.attendance.check_in")}
                          </button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      {event.mode !== "in_person" && <AttendanceImport event={event} onImported={resource.reload} />}
    </div>
  );
}
