import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { AuditEntry, AuditPage as AuditAnswer } from "../../api/types.js";
import { useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { useListQuery } from "../../components/useListQuery.js";

const PAGE_SIZE = 50;

/** Where a record of the audit log can be opened, when it has a page. */
function recordLink(entry: AuditEntry): string | null {
  if (!entry.entityId) return null;
  if (entry.entityType === "organisation") return `/directory/organisations/${encodeURIComponent(entry.entityId)}`;
  if (entry.entityType === "person") return `/directory/people/${encodeURIComponent(entry.entityId)}`;
  if (entry.entityType === "group") return `/directory/groups/${encodeURIComponent(entry.entityId)}`;
  return null;
}

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** The changed fields of one entry: labels, and old → new values on demand. */
function Changes({ changes }: { changes: AuditEntry["changes"] }) {
  const { t, i18n } = useTranslation();
  if (!changes || Object.keys(changes).length === 0) return <>—</>;
  const label = (field: string) => (i18n.exists(`fields.${field}`) ? t(`fields.${field}` as "fields.name") : field);
  const entries = Object.entries(changes);
  return (
    <details className="changes">
      <summary>{entries.map(([field]) => label(field)).join(t("common.list_separator"))}</summary>
      <dl className="changes-list">
        {entries.map(([field, change]) => {
          const isPair = Array.isArray(change) && change.length === 2;
          return (
            <div key={field}>
              <dt>{label(field)}</dt>
              <dd>
                {isPair ? (
                  <>
                    <del>
                      <bdi>{show(change[0])}</bdi>
                    </del>{" "}
                    <span className="icon-dir" aria-label={t("admin.changed_to")}>
                      →
                    </span>{" "}
                    <ins>
                      <bdi>{show(change[1])}</bdi>
                    </ins>
                  </>
                ) : (
                  <bdi>{show(change)}</bdi>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}

/** /admin/audit — who did what and when; `?entityType=&entityId=` narrows to one record. */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const formatNumber = useFormatNumber();
  const list = useListQuery();
  const entityType = list.get("entityType");
  const entityId = list.get("entityId");
  const audit = useApi<AuditAnswer>(me.can.viewAudit ? "/api/audit" : null, {
    entityType: entityType || undefined,
    entityId: entityId || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  usePageTitle(t("admin.audit_title"));
  if (!me.can.viewAudit) return <Forbidden />;
  const data = audit.data;
  const actionLabel = (action: string) => {
    const key = `admin.audit_actions.${action.replace(/\./g, "_")}`;
    return i18n.exists(key) ? t(key as "admin.audit_actions.organisation_created") : action;
  };
  const typeLabel = (type: string) => (i18n.exists(`admin.entity_types.${type}`) ? t(`admin.entity_types.${type}` as "admin.entity_types.organisation") : type);

  return (
    <>
      <PageHeader title={t("admin.audit_title")} subtitle={t("admin.audit_intro")} />
      {(entityType || entityId) && (
        <div className="filter-note">
          <p>
            {t("admin.audit_filtered", { type: typeLabel(entityType || "—") })} <code dir="ltr">{entityId}</code>
          </p>
          <button type="button" className="button button--link" onClick={list.clear}>
            {t("common.clear_filters")}
          </button>
        </div>
      )}
      <div className="list-status" role="status" aria-live="polite">
        {data && data.total !== undefined && <p className="result-count">{t("admin.entries_count", { count: data.total, n: formatNumber(data.total) })}</p>}
      </div>
      {audit.error && <ErrorState error={audit.error} onRetry={audit.reload} />}
      {!data && audit.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("admin.no_entries")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards table--audit">
            <caption className="visually-hidden">{t("admin.audit_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.when")}</th>
                <th scope="col">{t("admin.who")}</th>
                <th scope="col">{t("admin.action")}</th>
                <th scope="col">{t("admin.record")}</th>
                <th scope="col">{t("admin.changed_fields")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((entry) => {
                const link = recordLink(entry);
                return (
                  <tr key={entry.id}>
                    <td data-label={t("admin.when")}>
                      <DateTime value={entry.at} mode="datetime" />
                    </td>
                    <td data-label={t("admin.who")}>{entry.actor?.name ?? t("admin.system")}</td>
                    <td data-label={t("admin.action")}>{actionLabel(entry.action)}</td>
                    <td data-label={t("admin.record")}>
                      <span className="row-secondary-inline">{typeLabel(entry.entityType)}</span>{" "}
                      {link ? (
                        <Link to={link}>
                          <bdi>{entry.summary || entry.entityId}</bdi>
                        </Link>
                      ) : (
                        <bdi>{entry.summary || entry.entityId}</bdi>
                      )}
                    </td>
                    <td data-label={t("admin.changed_fields")}>
                      <Changes changes={entry.changes} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total !== undefined && <Pagination page={data.page ?? list.page} pageSize={data.pageSize ?? PAGE_SIZE} total={data.total} onChange={list.setPage} />}
    </>
  );
}
