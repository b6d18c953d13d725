import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { api } from "../../api/client.js";
import type { PasswordResetPreview } from "../../api/types.js";
import { useAction, useApi } from "../../api/useApi.js";
import { DateTime } from "../../components/DateTime.js";
import { ErrorState, FormErrors, Loading } from "../../components/Feedback.js";
import { usePageTitle } from "../../components/PageHeader.js";
import { AuthCard } from "./AuthCard.js";
import { checkNewPassword, NewPasswordFields } from "./PasswordFields.js";

/** /reset/:token — choose a new password from a link given by an administrator. */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const preview = useApi<PasswordResetPreview>(`/api/auth/password-reset/${encodeURIComponent(token)}`);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [local, setLocal] = useState<{ password?: string; confirm?: string }>({});
  const [done, setDone] = useState(false);
  const action = useAction();
  usePageTitle(t("auth.reset_title"));

  if (preview.loading && !preview.data) return <Loading />;
  if (preview.error) {
    return (
      <AuthCard title={t("auth.reset_title")}>
        <ErrorState error={preview.error} />
        <p>
          <Link to="/login">{t("auth.go_to_login")}</Link>
        </p>
      </AuthCard>
    );
  }
  const data = preview.data;
  if (!data) return null;

  if (done) {
    return (
      <AuthCard title={t("auth.reset_title")}>
        <div className="alert alert--success" role="status">
          <p className="alert-title">{t("auth.reset_done")}</p>
        </div>
        <Link to="/login" className="button button--primary button--block">
          {t("auth.sign_in")}
        </Link>
      </AuthCard>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const errors = checkNewPassword(t, password, confirm, t("fields.newPassword"));
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(() => api.post("/api/auth/password-reset/complete", { token, password }));
    if (result.ok) setDone(true);
  }

  return (
    <AuthCard
      title={t("auth.reset_title")}
      intro={
        <>
          <p>{t("auth.reset_intro")}</p>
          <dl className="summary-list">
            <div>
              <dt>{t("fields.email")}</dt>
              <dd>
            <span dir="ltr">{data.email}</span>
          </dd>
            </div>
            <div>
              <dt>{t("auth.link_expires")}</dt>
              <dd>
                <DateTime value={data.expiresAt} mode="datetime" />
              </dd>
            </div>
          </dl>
        </>
      }
    >
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors error={action.error} shownFields={["password"]} localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null} />
        <NewPasswordFields
          idPrefix="reset"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          passwordError={local.password ?? action.fieldError("password")}
          confirmError={local.confirm}
          passwordLabel={t("fields.newPassword")}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary button--block" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : t("auth.reset_submit")}
          </button>
        </div>
      </form>
    </AuthCard>
  );
}
