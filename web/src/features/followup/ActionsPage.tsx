import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ACTION_STATUSES } from "../../../../common/followup.js";
import { useApi } from "../../api/useApi.js";
import { CheckboxField, SelectField } from "../../components/Field.js";
import { EmptyState, ErrorState, Loading } from "../../components/Feedback.js";
import { useFormatNumber } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { useListQuery } from "../../components/useListQuery.js";
import { ActionItem } from "./ActionsSection.js";
import type { ActionList } from "./types.js";

const PAGE_SIZE = 25;

/**
 * /actions — the actions assigned to my organisation (or all I may read), overdue first,
 * then by due date, with "done" and "reopen" at hand.
 */
export function ActionsPage() {
  const { t } = useTranslation();
  const n = useFormatNumber();
  const list = useListQuery();
  // "Mine" is the default view; ?scope=all shows every action the user may read.
  const mine = list.get("scope") !== "all";
  const overdue = list.get("overdue") === "true";
  // Open actions by default; ?status=all shows every status.
  const urlStatus = list.get("status");
  const status = urlStatus === "all" ? "" : urlStatus || "open";
  usePageTitle(t("followup.actions.page_title"));
  const result = useApi<ActionList>("/api/actions", {
    mine: mine || undefined,
    overdue: overdue || undefined,
    status: status || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const data = result.data;

  const tab = (all: boolean) => {
    const next = new URLSearchParams(list.params);
    next.delete("page");
    if (all) next.set("scope", "all");
    else next.delete("scope");
    const s = next.toString();
    return s ? `?${s}` : "";
  };

  return (
    <>
      <PageHeader
        title={t("followup.actions.page_title")}
        subtitle={t("followup.actions.page_intro")}
        actions={
          <Link to="/recommendations?mine=true" className="button button--secondary">
            {t("followup.actions.my_recommendations")}
          </Link>
        }
      />
      <nav aria-label={t("followup.actions.scope_label")} className="subnav subnav--small">
        <ul>
          <li>
            <Link to={{ search: tab(false) }} className="subnav-link" aria-current={mine ? "page" : undefined}>
              {t("followup.actions.scope_mine")}
            </Link>
          </li>
          <li>
            <Link to={{ search: tab(true) }} className="subnav-link" aria-current={!mine ? "page" : undefined}>
              {t("followup.actions.scope_all")}
            </Link>
          </li>
        </ul>
      </nav>
      <form role="search" className="filters filters--compact" onSubmit={(e) => e.preventDefault()} aria-label={t("followup.actions.filters")}>
        <SelectField
          id="actions-status"
          label={t("followup.fields.status")}
          value={status}
          onChange={(value) => list.update({ status: value === "open" ? null : value || "all" })}
          placeholder={t("followup.filters.all_statuses")}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: t(`followup.action_status.${s}`) }))}
        />
        <CheckboxField id="actions-overdue" label={t("followup.filters.overdue_only")} checked={overdue} onChange={(v) => list.update({ overdue: v ? "true" : null })} />
      </form>
      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("followup.actions.count", { count: data.total, n: n(data.total) })}</p>}
      </div>
      {result.error && <ErrorState error={result.error} onRetry={result.reload} />}
      {!data && result.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{mine ? t("followup.actions.none_mine") : t("followup.actions.none_all")}</EmptyState>}
      {data && data.items.length > 0 && (
        <ul className={result.loading ? "action-list action-list--page is-stale" : "action-list action-list--page"}>
          {data.items.map((item) => (
            <ActionItem
              key={item.id}
              item={item}
              showRecommendation
              onChanged={(next) => result.setData({ ...data, items: data.items.map((a) => (a.id === next.id ? next : a)) })}
            />
          ))}
        </ul>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}
    </>
  );
}
