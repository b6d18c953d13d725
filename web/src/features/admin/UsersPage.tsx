import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Role } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { Page, PasswordResetLink, User } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { CopyableValue } from "../../components/CopyButton.js";
import { DateTime } from "../../components/DateTime.js";
import { SelectField } from "../../components/Field.js";
import { Badge, EmptyState, ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useFormatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { Pagination } from "../../components/Pagination.js";
import { ListFilters } from "../../components/ListFilters.js";
import { useAllOrganisations } from "../directory/useDirectoryData.js";
import { useDebouncedSearch, useListQuery } from "../../components/useListQuery.js";

const PAGE_SIZE = 25;

function RoleCell({ user, onSaved }: { user: User; onSaved(user: User): void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [role, setRole] = useState<Role>(user.role);
  const action = useAction();
  if (!user.abilities?.update) return <>{t(`roles.${user.role}`)}</>;
  const id = `role-${user.id}`;
  async function save() {
    const result = await action.run(() => api.patch<User>(`/api/users/${encodeURIComponent(user.id)}`, { role }));
    if (result.ok) onSaved(result.value);
  }
  return (
    <div className="inline-edit">
      <label htmlFor={id} className="visually-hidden">
        {t("admin.role_of", { name: user.name })}
      </label>
      <select id={id} className="input select input--small" value={role} onChange={(e) => setRole(e.target.value as Role)} aria-describedby={action.error ? `${id}-error` : undefined}>
        {me.assignableRoles.map((r) => (
          <option key={r} value={r}>
            {t(`roles.${r}`)}
          </option>
        ))}
      </select>
      {role !== user.role && (
        <button type="button" className="button button--primary button--small" onClick={() => void save()} disabled={action.pending}>
          {action.pending ? t("common.saving") : t("common.apply")}
        </button>
      )}
      {action.error && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {action.error.fieldError("role") ?? t(`errors.${action.error.code}`)}
        </p>
      )}
    </div>
  );
}

/** /admin/users — accounts, roles, disable/enable, password-reset links. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const localName = useLocalName();
  const formatNumber = useFormatNumber();
  const organisations = useAllOrganisations();
  const list = useListQuery();
  const q = list.get("q");
  const organisation = list.get("organisation");
  const [search, setSearch, flushSearch] = useDebouncedSearch(q, (value) => list.update({ q: value }, { replace: true }));
  const users = useApi<Page<User>>(me.can.manageUsers ? "/api/users" : null, {
    q: q || undefined,
    organisation: organisation || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const [disabling, setDisabling] = useState<User | null>(null);
  const [resetFor, setResetFor] = useState<User | null>(null);
  const [resetLink, setResetLink] = useState<(PasswordResetLink & { user: User }) | null>(null);
  const statusAction = useAction();
  const resetAction = useAction();
  usePageTitle(t("admin.users_title"));
  if (!me.can.manageUsers) return <Forbidden />;

  function replaceUser(updated: User) {
    if (!users.data) return;
    users.setData({ ...users.data, items: users.data.items.map((u) => (u.id === updated.id ? updated : u)) });
  }

  async function setDisabled(user: User, disabled: boolean) {
    const result = await statusAction.run(() => api.post<User>(`/api/users/${encodeURIComponent(user.id)}/${disabled ? "disable" : "enable"}`));
    if (result.ok) {
      replaceUser(result.value);
      setDisabling(null);
    }
  }

  async function issueReset() {
    if (!resetFor) return;
    const user = resetFor;
    const result = await resetAction.run(() => api.post<PasswordResetLink>(`/api/users/${encodeURIComponent(user.id)}/password-reset`));
    if (result.ok) {
      setResetLink({ ...result.value, user });
      setResetFor(null);
    }
  }

  const data = users.data;
  return (
    <>
      <PageHeader title={t("admin.users_title")} subtitle={t("admin.users_intro")} />
      <ListFilters
        idPrefix="users"
        search={search}
        onSearch={setSearch}
        onSubmit={flushSearch}
        searchLabel={t("admin.users_search_label")}
        searchPlaceholder={t("admin.users_search_placeholder")}
        canClear={list.hasFilters}
        onClear={list.clear}
      >
        {organisations.items.length > 1 && (
          <SelectField
            id="users-organisation"
            label={t("fields.organisation")}
            value={organisation}
            onChange={(value) => list.update({ organisation: value })}
            placeholder={t("directory.all_organisations")}
            options={organisations.items.map((o) => ({ value: o.code, label: localName(o) }))}
          />
        )}
      </ListFilters>

      {resetLink && (
        <div className="alert alert--success" role="status">
          <p className="alert-title">{t("admin.reset_link_ready", { name: resetLink.user.name })}</p>
          <p>
            {t("admin.reset_link_note")} <DateTime value={resetLink.expiresAt} mode="datetime" />
          </p>
          <CopyableValue id="reset-link" label={t("admin.reset_link")} value={resetLink.link} />
          <button type="button" className="button button--secondary button--small" onClick={() => setResetLink(null)}>
            {t("common.close")}
          </button>
        </div>
      )}
      <FormErrors error={statusAction.error ?? null} />

      <div className="list-status" role="status" aria-live="polite">
        {data && <p className="result-count">{t("admin.users_count", { count: data.total, n: formatNumber(data.total) })}</p>}
      </div>
      {users.error && <ErrorState error={users.error} onRetry={users.reload} />}
      {!data && users.loading && <Loading />}
      {data && data.items.length === 0 && <EmptyState>{t("admin.no_users")}</EmptyState>}
      {data && data.items.length > 0 && (
        <div className="table-wrap">
          <table className="table table--cards">
            <caption className="visually-hidden">{t("admin.users_title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.organisation")}</th>
                <th scope="col">{t("fields.role")}</th>
                <th scope="col">{t("common.status")}</th>
                <th scope="col">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <tr key={user.id}>
                  <th scope="row" data-label={t("fields.name")}>
                    <bdi>{user.name}</bdi>
                    <span className="row-secondary email" dir="ltr">
                      {user.email}
                    </span>
                  </th>
                  <td data-label={t("fields.organisation")}>{localName(user.organisation)}</td>
                  <td data-label={t("fields.role")}>
                    <RoleCell key={`${user.id}-${user.role}`} user={user} onSaved={replaceUser} />
                  </td>
                  <td data-label={t("common.status")}>
                    {user.disabledAt ? <Badge tone="danger">{t("admin.status_disabled")}</Badge> : <Badge tone="success">{t("admin.status_active")}</Badge>}
                  </td>
                  <td className="cell-actions" data-label={t("common.actions")}>
                    {user.abilities?.disable && user.id !== me.id && (
                      user.disabledAt ? (
                        <button type="button" className="button button--secondary button--small" onClick={() => void setDisabled(user, false)} disabled={statusAction.pending}>
                          {t("admin.enable")}
                          <span className="visually-hidden"> {user.name}</span>
                        </button>
                      ) : (
                        <button type="button" className="button button--danger-outline button--small" onClick={() => setDisabling(user)}>
                          {t("admin.disable")}
                          <span className="visually-hidden"> {user.name}</span>
                        </button>
                      )
                    )}
                    {user.abilities?.resetPassword && !user.disabledAt && (
                      <button type="button" className="button button--secondary button--small" onClick={() => setResetFor(user)}>
                        {t("admin.reset_password")}
                        <span className="visually-hidden"> {user.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={list.setPage} />}

      <ConfirmDialog
        open={disabling !== null}
        title={t("admin.disable_title", { name: disabling?.name ?? "" })}
        confirmLabel={t("admin.disable")}
        danger
        pending={statusAction.pending}
        onConfirm={() => disabling && void setDisabled(disabling, true)}
        onCancel={() => setDisabling(null)}
      >
        <p>{t("admin.disable_body")}</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={resetFor !== null}
        title={t("admin.reset_title", { name: resetFor?.name ?? "" })}
        confirmLabel={t("admin.issue_link")}
        pending={resetAction.pending}
        onConfirm={() => void issueReset()}
        onCancel={() => {
          setResetFor(null);
          resetAction.clear();
        }}
      >
        <p>{t("admin.reset_body")}</p>
        <FormErrors error={resetAction.error} />
      </ConfirmDialog>
    </>
  );
}
