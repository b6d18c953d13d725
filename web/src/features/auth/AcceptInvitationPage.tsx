import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { api } from "../../api/client.js";
import type { InvitationPreview, Me, SessionAnswer } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { TextField } from "../../components/Field.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { useLocalName } from "../../components/format.js";
import { usePageTitle } from "../../components/PageHeader.js";
import { AuthCard } from "./AuthCard.js";
import { checkNewPassword, NewPasswordFields } from "./PasswordFields.js";

/** /invite/:token — see who invited you to which organisation, then choose a name and password. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { setUser } = useSession();
  const localName = useLocalName();
  const invitation = useApi<InvitationPreview & { name?: string | null }>(`/api/auth/invitations/${encodeURIComponent(token)}`);
  // null until the user types: until then the name the inviter suggested is shown.
  const [typedName, setName] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [local, setLocal] = useState<{ name?: string; password?: string; confirm?: string }>({});
  const action = useAction();
  usePageTitle(t("auth.invite_title"));

  const name = typedName ?? invitation.data?.name ?? "";

  if (invitation.loading && !invitation.data) return <Loading />;
  if (invitation.error) {
    return (
      <AuthCard title={t("auth.invite_title")}>
        <ErrorState error={invitation.error} />
        <p>
          <Link to="/login">{t("auth.go_to_login")}</Link>
        </p>
      </AuthCard>
    );
  }
  const data = invitation.data;
  if (!data) return null;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors: typeof local = checkNewPassword(t, password, confirm);
    if (!name.trim()) errors.name = t("validation.required", { field: t("fields.name") });
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(() => api.post<SessionAnswer & { user: Me }>("/api/auth/invitations/accept", { token, name: name.trim(), password }));
    if (result.ok) {
      setUser(result.value.user);
      navigate("/", { replace: true });
    }
  }

  return (
    <AuthCard title={t("auth.invite_title")} intro={<p>{t("auth.invite_intro")}</p>}>
      <dl className="summary-list">
        <div>
          <dt>{t("fields.organisation")}</dt>
          <dd>{localName(data.organisation)}</dd>
        </div>
        <div>
          <dt>{t("fields.role")}</dt>
          <dd>{t(`roles.${data.role}`)}</dd>
        </div>
        <div>
          <dt>{t("fields.email")}</dt>
          <dd>
            <span dir="ltr">{data.email}</span>
          </dd>
        </div>
        <div>
          <dt>{t("auth.invite_expires")}</dt>
          <dd>
            <DateTime value={data.expiresAt} mode="datetime" />
          </dd>
        </div>
      </dl>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors
          error={action.error}
          shownFields={["name", "password"]}
          localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null}
        />
        <TextField
          id="invite-name"
          dir="auto"
          label={t("auth.your_name")}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={local.name ?? action.fieldError("name")}
          required
        />
        <NewPasswordFields
          idPrefix="invite"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          passwordError={local.password ?? action.fieldError("password")}
          confirmError={local.confirm}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary button--block" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : t("auth.accept_invitation")}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
