import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LOCALES, ROLES } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { CreatedInvitation, Invitation } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { Forbidden } from "../../app/StatusPages.js";
import { useMe, useSession } from "../../app/useSession.js";
import { ConfirmDialog } from "../../components/ConfirmDialog.js";
import { CopyableValue } from "../../components/CopyButton.js";
import { DateTime } from "../../components/DateTime.js";
import { SelectField, TextField } from "../../components/Field.js";
import { EmptyState, ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { useAllOrganisations } from "../directory/useDirectoryData.js";

/** /admin/invitations — invite someone into an organisation with a role; see and revoke pending invitations. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { locale: uiLocale } = useSession();
  const localName = useLocalName();
  const organisations = useAllOrganisations();
  const invitations = useApi<{ items: Invitation[] }>(me.can.manageUsers ? "/api/invitations" : null);
  const [values, setValues] = useState({ email: "", name: "", role: "member", organisationId: me.organisation.id, locale: uiLocale as string });
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<(CreatedInvitation & { email: string }) | null>(null);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const createAction = useAction();
  const revokeAction = useAction();
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (key: string) => missing[key] ?? createAction.fieldError(key);
  usePageTitle(t("admin.invitations_title"));
  if (!me.can.manageUsers) return <Forbidden />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!values.email.trim()) local.email = t("validation.required", { field: t("fields.email") });
    if (!values.organisationId) local.organisationId = t("validation.required", { field: t("fields.organisation") });
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    const body = {
      email: values.email.trim(),
      role: values.role,
      organisationId: values.organisationId,
      locale: values.locale,
      ...(values.name.trim() ? { name: values.name.trim() } : {}),
    };
    const result = await createAction.run(() => api.post<CreatedInvitation>("/api/invitations", body));
    if (result.ok) {
      setCreated({ ...result.value, email: body.email });
      setValues((v) => ({ ...v, email: "", name: "" }));
      invitations.reload();
    }
  }

  async function onRevoke() {
    if (!revoking) return;
    const result = await revokeAction.run(() => api.delete(`/api/invitations/${encodeURIComponent(revoking.id)}`));
    if (result.ok) {
      setRevoking(null);
      invitations.reload();
    }
  }

  const orgOptions = organisations.items.map((o) => ({ value: o.id, label: localName(o) }));
  if (!orgOptions.some((o) => o.value === me.organisation.id)) orgOptions.unshift({ value: me.organisation.id, label: localName(me.organisation) });
  const items = invitations.data?.items ?? [];

  return (
    <>
      <PageHeader title={t("admin.invitations_title")} subtitle={t("admin.invitations_intro")} />
      <div className="admin-grid">
        <section className="card" aria-labelledby="invite-form-title">
          <h2 id="invite-form-title" className="card-title">
            {t("admin.new_invitation")}
          </h2>
          {created && (
            <div className="alert alert--success" role="status">
              <p className="alert-title">{t("admin.invitation_created", { email: created.email })}</p>
              <p>
                {t("admin.invitation_link_note")} <DateTime value={created.expiresAt} mode="datetime" />
              </p>
              <CopyableValue id="invitation-link" label={t("admin.invitation_link")} value={created.link} />
            </div>
          )}
          <form onSubmit={onSubmit} noValidate className="form">
            <FormErrors
              error={createAction.error}
              shownFields={["email", "name", "role", "organisationId", "locale"]}
              localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null}
            />
            <TextField id="invite-email" label={t("fields.email")} type="email" dir="ltr" autoComplete="off" value={values.email} onChange={set("email")} error={error("email")} required />
            <TextField id="invite-name" dir="auto" label={t("admin.invitee_name")} hint={t("admin.invitee_name_hint")} value={values.name} onChange={set("name")} error={error("name")} />
            <SelectField
              id="invite-organisation"
              label={t("fields.organisation")}
              value={values.organisationId}
              onChange={set("organisationId")}
              options={orgOptions}
              error={error("organisationId")}
              required
            />
            <SelectField
              id="invite-role"
              label={t("fields.role")}
              value={values.role}
              onChange={set("role")}
              options={me.assignableRoles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
              hint={t(`admin.role_help.${values.role as (typeof ROLES)[number]}`)}
              error={error("role")}
              required
            />
            <SelectField
              id="invite-locale"
              label={t("admin.message_language")}
              value={values.locale}
              onChange={set("locale")}
              options={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
              error={error("locale")}
            />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={createAction.pending} aria-busy={createAction.pending || undefined}>
                {createAction.pending ? t("common.working") : t("admin.send_invitation")}
              </button>
            </div>
          </form>
        </section>

        <section className="card" aria-labelledby="pending-title">
          <h2 id="pending-title" className="card-title">
            {t("admin.pending_invitations")}
          </h2>
          {invitations.error && <ErrorState error={invitations.error} onRetry={invitations.reload} />}
          {!invitations.data && invitations.loading && <Loading />}
          {invitations.data && items.length === 0 && <EmptyState>{t("admin.no_invitations")}</EmptyState>}
          {items.length > 0 && (
            <ul className="invitation-list">
              {items.map((inv) => (
                <li key={inv.id} className="invitation">
                  <div className="invitation-main">
                    <span className="invitation-email" dir="ltr">
                      {inv.email}
                    </span>
                    {inv.name && <span className="row-secondary">{inv.name}</span>}
                    <span className="row-secondary">
                      {t(`roles.${inv.role}`)}
                      {t("common.list_separator")}
                      {localName(inv.organisation)}
                    </span>
                    <span className="row-secondary">
                      {t("admin.expires")}: <DateTime value={inv.expiresAt} mode="datetime" />
                    </span>
                  </div>
                  <button type="button" className="button button--danger-outline button--small" onClick={() => setRevoking(inv)}>
                    {t("admin.revoke")}
                    <span className="visually-hidden"> {inv.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <ConfirmDialog
        open={revoking !== null}
        title={t("admin.revoke_invitation_title", { email: revoking?.email ?? "" })}
        confirmLabel={t("admin.revoke")}
        danger
        pending={revokeAction.pending}
        onConfirm={() => void onRevoke()}
        onCancel={() => {
          setRevoking(null);
          revokeAction.clear();
        }}
      >
        <p>{t("admin.revoke_invitation_body")}</p>
        <FormErrors error={revokeAction.error} />
      </ConfirmDialog>
    </>
  );
}
