import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { useCountries } from "../directory/useDirectoryData.js";
import type { EventRecord, RegistrationList } from "./types.js";

/** Registrations in order of arrival with waitlist positions, and a count per country (host and coordinators). */
export function RegistrationsSection({ event }: { event: EventRecord }) {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const localName = useLocalName();
  const countries = useCountries();
  const resource = useApi<RegistrationList>(`/api/events/${encodeURIComponent(event.id)}/registrations`);
  const items = useMemo(() => (resource.data?.items ?? []).filter((r) => r.status !== "cancelled"), [resource.data]);
  const byCountry = useMemo(() => {
    const counts = new Map<string, number>();
    for (const r of items) counts.set(r.country ?? "", (counts.get(r.country ?? "") ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  }, [items]);
  const countryName = (code: string) => (code ? (countries.byCode.get(code) ? localName(countries.byCode.get(code)) : code) : "—");

  return (
    <section className="card" aria-labelledby="event-registrations-title">
      <h2 id="event-registrations-title" className="card-title">
        {t("events.registrations_title")}
      </h2>
      {resource.error && <ErrorState error={resource.error} onRetry={resource.reload} />}
      {!resource.data && resource.loading && <Loading />}
      {resource.data && items.length === 0 && <EmptyState>{t("events.no_registrations")}</EmptyState>}
      {items.length > 0 && (
        <>
          <h3 className="section-title">{t("events.by_country")}</h3>
          <ul className="chip-list">
            {byCountry.map(([code, count]) => (
              <li key={code} className="chip">
                {countryName(code)}: {n(count)}
              </li>
            ))}
          </ul>
          <div className="table-wrap">
            <table className="table table--cards">
              <caption className="visually-hidden">{t("events.registrations_title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("events.participant")}</th>
                  <th scope="col">{t("fields.organisation")}</th>
                  <th scope="col">{t("common.status")}</th>
                  <th scope="col">{t("events.registered_at")}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((r) => (
                  <tr key={r.id}>
                    <th scope="row" data-label={t("events.participant")}>
                      {localName(r.user)}
                      <span className="row-secondary" dir="ltr">
                        {r.user.email}
                      </span>
                    </th>
                    <td data-label={t("fields.organisation")}>{localName(r.organisation)}</td>
                    <td data-label={t("common.status")}>
                      <Badge tone={r.status === "confirmed" ? "success" : "warning"}>
                        {r.status === "waitlisted" && r.waitlistPosition !== null
                          ? t("events.state_waitlisted", { position: n(r.waitlistPosition) })
                          : t(`events.registration_statuses.${r.status as "confirmed"}`)}
                      </Badge>
                    </td>
                    <td data-label={t("events.registered_at")}>
                      <DateTime value={r.createdAt} timeZone={event.timeZone} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
