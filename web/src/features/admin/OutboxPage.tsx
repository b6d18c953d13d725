import { useTranslation } from "react-i18next";
import type { OutboxMessage, Page } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { Badge, EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { useListQuery } from "../../components/useListQuery.js";

const STATUS_TONE: Record<string, "success" | "warning" | "danger" | "neutral"> = { sent: "success", pending: "warning", failed: "danger" };

/** /admin/outbox — messages the platform sends (invitations, reset links) and their state. */
export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const formatNumber = useFormatNumber();
  const list = useListQuery();
  const outbox = useApi<Page<OutboxMessage>>(me.can.viewOutbox ? "/api/outbox" : null, { page: list.page, pageSize: 25 });
  usePageTitle(t("admin.outbox_title"));
  if (!me.can.viewOutbox) return <Forbidden />;
  const data = outbox.data;
  const label = (group: "outbox_status" | "outbox_kind", value: string) =>
    i18n.exists(`admin.${group}.${value}`) ? t(`admin.${group}.${value}` as "admin.outbox_status.sent") : value;

  return (
    <>
      <PageHeader title={t("admin.outbox_title")} subtitle={t("admin.outbox_intro")} />
      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("admin.messages_count", { count: data.total, n: formatNumber(data.total) })}</p>}
      </div>
      {outbox.error && <ErrorState error={outbox.error} onRetry={outbox.reload} />}
      {!data && outbox.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("admin.no_messages")}</EmptyState>}
      {data && data.items.length > 0 && (
        <ul className="message-list">
          {data.items.map((m) => (
            <li key={m.id} className="message">
              <div className="message-head">
                <div>
                  <p className="message-subject">{m.subject}</p>
                  <p className="row-secondary">
                    {t("admin.to")}: <span dir="ltr">{m.toEmail}</span>
                    {t("common.list_separator")}
                    {label("outbox_kind", m.kind)}
                  </p>
                </div>
                <Badge tone={STATUS_TONE[m.status] ?? "neutral"}>{label("outbox_status", m.status)}</Badge>
              </div>
              <dl className="meta-list">
                <div>
                  <dt>{t("common.created_at")}</dt>
                  <dd>
                    <DateTime value={m.createdAt} mode="datetime" />
                  </dd>
                </div>
                <div>
                  <dt>{t("admin.sent_at")}</dt>
                  <dd>{m.sentAt ? <DateTime value={m.sentAt} mode="datetime" /> : "—"}</dd>
                </div>
              </dl>
              <details className="message-body">
                <summary>{t("admin.show_message")}</summary>
                <pre className="message-text">{m.body}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}
    </>
  );
}
