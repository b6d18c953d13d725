import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useSearchParams } from "react-router";
import { useAction } from "../../api/useApi.js";
import { safeNext } from "../../app/RequireAuth.js";
import { useSession } from "../../app/useSession.js";
import { CheckboxField, TextField } from "../../components/Field.js";
import { FormErrors } from "../../components/Feedback.js";
import { usePageTitle } from "../../components/PageHeader.js";
import { AuthCard } from "./AuthCard.js";

/** Sign in with email and password; the server's message is shown and what was typed stays. */
export function LoginPage() {
  const { t } = useTranslation();
  const { user, login, sessionEnded } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const action = useAction();
  usePageTitle(t("auth.login_title"));

  if (user && !action.pending) return <Navigate to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!email.trim()) local.email = t("validation.required", { field: t("fields.email") });
    if (!password) local.password = t("validation.required", { field: t("fields.password") });
    setMissing(local);
    if (Object.keys(local).length > 0) return;
    const result = await action.run(() => login(email.trim(), password));
    if (result.ok) navigate(next, { replace: true });
  }

  const emailError = missing.email ?? action.fieldError("email");
  const passwordError = missing.password ?? action.fieldError("password");

  return (
    <AuthCard title={t("auth.login_title")} intro={<p>{t("auth.login_intro")}</p>}>
      {sessionEnded && !action.error && (
        <div className="alert alert--info" role="status">
          <p className="alert-title">{t("errors.SESSION_EXPIRED")}</p>
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors
          error={action.error}
          shownFields={["email", "password"]}
          localMessage={Object.keys(missing).length > 0 ? t("errors.VALIDATION_FAILED") : null}
        />
        <TextField
          id="login-email"
          label={t("fields.email")}
          type="email"
          autoComplete="username"
          dir="ltr"
          inputMode="email"
          value={email}
          onChange={setEmail}
          error={emailError}
          required
        />
        <TextField
          id="login-password"
          label={t("fields.password")}
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          dir="ltr"
          value={password}
          onChange={setPassword}
          error={passwordError}
          required
        />
        <CheckboxField id="login-show-password" label={t("auth.show_password")} checked={showPassword} onChange={setShowPassword} />
        <div className="form-actions">
          <button type="submit" className="button button--primary button--block" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("auth.signing_in") : t("auth.sign_in")}
          </button>
        </div>
      </form>
      <p className="auth-footnote">{t("auth.login_help")}</p>
    </AuthCard>
  );
}
