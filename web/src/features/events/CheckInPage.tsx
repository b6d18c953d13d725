import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { api } from "../../api/client.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useMe } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { usePickLocal } from "../../components/format.js";
import type { EventRecord, SelfCheckIn } from "./types.js";
import "./events.css";

/**
 * /events/:id/check-in?code=… — where the event's QR code leads. Signed-in participants
 * confirm with one button; the page says plainly whether their attendance was recorded.
 * (Visitors are sent to sign in first and brought back here by RequireAuth.)
 */
export function CheckInPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const code = params.get("code")?.trim() ?? "";
  const me = useMe();
  const pick = usePickLocal();
  const event = useApi<EventRecord>(`/api/events/${encodeURIComponent(id)}`);
  const action = useAction();
  const [result, setResult] = useState<SelfCheckIn | null>(null);
  usePageTitle(t("events.checkin.page_title"));

  const title = result ? pick(result.titleAr, result.titleEn) : event.data ? pick(event.data.titleAr, event.data.titleEn) : null;
  const eventPath = `/events/${encodeURIComponent(id)}`;

  async function checkIn() {
    const answer = await action.run(() => api.post<SelfCheckIn>(`/api/events/${encodeURIComponent(id)}/check-in`, { code }));
    if (answer.ok) setResult(answer.value);
  }

  return (
    <>
      <PageHeader crumbs={[{ label: t("events.title"), to: "/events" }, ...(title ? [{ label: title, to: eventPath }] : [])]} title={t("events.checkin.page_title")} />
      <section className="card checkin-card" aria-labelledby="checkin-event-title">
        <p className="card-eyebrow">{t("events.checkin.event_label")}</p>
        <h2 id="checkin-event-title" className="card-title">
          {title ?? t("events.checkin.event_unknown")}
        </h2>
        {event.data && !result && (
          <p className="card-meta">
            <DateTime value={event.data.startsAt} mode="datetime" timeZone={event.data.timeZone} />
          </p>
        )}

        {result ? (
          <div className="checkin-result checkin-result--success" role="status">
            <span className="checkin-mark" aria-hidden="true">
              ✓
            </span>
            <div>
              <p className="checkin-result-title">{t("events.checkin.success_title")}</p>
              <p>
                {t("events.checkin.success_body", { name: pick(result.nameAr, result.nameEn) })} <DateTime value={result.checkedInAt} mode="datetime" timeZone={event.data?.timeZone} />
              </p>
              <p>
                <Link to={eventPath}>{t("events.checkin.to_event")}</Link>
              </p>
            </div>
          </div>
        ) : !code ? (
          <div className="alert alert--error" role="alert">
            <p className="alert-title">{t("events.checkin.no_code")}</p>
          </div>
        ) : (
          <>
            <p className="card-text">{t("events.checkin.confirm_intro", { name: me.name })}</p>
            <div className="live-region" aria-live="assertive">
              {action.error && (
                <div className="alert alert--error" role="alert">
                  <p className="alert-title">{t(`errors.${action.error.code}`)}</p>
                  {action.error.code === "NOT_EXPECTED" && (
                    <>
                      <p>
                        {t("events.checkin.signed_in_as")} <bdi dir="ltr">{me.email}</bdi>
                      </p>
                      <p>{t("events.checkin.other_account")}</p>
                    </>
                  )}
                </div>
              )}
            </div>
            <button type="button" className="button button--primary button--large" disabled={action.pending} aria-busy={action.pending || undefined} onClick={() => void checkIn()}>
              {action.pending ? t("common.working") : t("events.checkin.i_am_here")}
            </button>
          </>
        )}
      </section>
    </>
  );
}
