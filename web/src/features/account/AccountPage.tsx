import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { DIGITS, LOCALES, type Digits, type Locale } from "../../../../common/roles.js";
import { api } from "../../api/client.js";
import type { Me, SessionAnswer } from "../../api/types.js";
import { useAction } from "../../api/useApi.js";
import { DisplaySettingsContext, useDisplaySettings } from "../../app/useDisplaySettings.js";
import { useMe, useSession } from "../../app/useSession.js";
import { DateTime } from "../../components/DateTime.js";
import { RadioGroupField, TextField } from "../../components/Field.js";
import { FormErrors, StatusMessage } from "../../components/Feedback.js";
import { formatNumber, useLocalName } from "../../components/format.js";
import { PageHeader, usePageTitle } from "../../components/PageHeader.js";
import { checkNewPassword, NewPasswordFields } from "../auth/PasswordFields.js";
import { CalendarFeedSection } from "./CalendarFeedSection.js";
import { TokensSection } from "./TokensSection.js";

const SAMPLE_NUMBER = 1446;
const SAMPLE_INSTANT = "2025-06-02T16:00:00.000Z";

function ProfileSection() {
  const { t } = useTranslation();
  const me = useMe();
  const { setUser } = useSession();
  const display = useDisplaySettings();
  const [name, setName] = useState(me.name);
  const [locale, setLocale] = useState<Locale>(me.locale);
  const [digits, setDigits] = useState<Digits>(me.digits);
  const [saved, setSaved] = useState(false);
  const [missing, setMissing] = useState<string | undefined>();
  const action = useAction();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const nameMissing = name.trim() ? undefined : t("validation.required", { field: t("fields.name") });
    setMissing(nameMissing);
    if (nameMissing) return;
    const result = await action.run(() => api.patch<Me>("/api/me", { name: name.trim(), locale, digits }));
    if (result.ok) {
      setUser(result.value);
      setSaved(true);
    }
  }

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title" className="card-title">
        {t("account.profile_title")}
      </h2>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors error={action.error} shownFields={["name", "locale", "digits"]} localMessage={missing ? t("errors.VALIDATION_FAILED") : null} />
        <StatusMessage>{saved ? t("account.profile_saved") : null}</StatusMessage>
        <TextField id="profile-name" label={t("fields.name")} autoComplete="name" dir="auto" value={name} onChange={setName} error={missing ?? action.fieldError("name")} required />
        <RadioGroupField
          id="profile-locale"
          legend={t("fields.locale")}
          value={locale}
          onChange={(v) => setLocale(v as Locale)}
          error={action.fieldError("locale")}
          options={LOCALES.map((l) => ({ value: l, label: t(`common.languages.${l}`) }))}
        />
        <RadioGroupField
          id="profile-digits"
          legend={t("fields.digits")}
          value={digits}
          onChange={(v) => setDigits(v as Digits)}
          error={action.fieldError("digits")}
          hint={t("account.digits_hint")}
          options={DIGITS.map((d) => ({
            value: d,
            label: t(`account.digits_${d}`),
            description: formatNumber(SAMPLE_NUMBER, "ar", d),
          }))}
        />
        <div className="sample" aria-live="polite">
          <p className="sample-label">{t("account.digits_sample")}</p>
          <DisplaySettingsContext.Provider value={{ ...display, locale: "ar", digits }}>
            <div className="sample-value" lang="ar" dir="rtl">
              <p>
                <bdi>{formatNumber(1234567.5, "ar", digits)}</bdi>
              </p>
              <p>
                <DateTime value={SAMPLE_INSTANT} mode="date" />
              </p>
            </div>
          </DisplaySettingsContext.Provider>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : t("common.save_changes")}
          </button>
        </div>
      </form>
    </section>
  );
}

function PasswordSection() {
  const { t } = useTranslation();
  const { setUser } = useSession();
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [local, setLocal] = useState<{ current?: string; password?: string; confirm?: string }>({});
  const [done, setDone] = useState(false);
  const action = useAction();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const errors: typeof local = checkNewPassword(t, password, confirm, t("fields.newPassword"));
    if (!current) errors.current = t("validation.required", { field: t("fields.currentPassword") });
    setLocal(errors);
    if (Object.keys(errors).length > 0) return;
    const result = await action.run(() => api.post<SessionAnswer & { user: Me }>("/api/auth/password", { currentPassword: current, newPassword: password }));
    if (result.ok) {
      setUser(result.value.user);
      setCurrent("");
      setPassword("");
      setConfirm("");
      setDone(true);
    }
  }

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title" className="card-title">
        {t("account.password_title")}
      </h2>
      <p className="card-text">{t("account.password_intro")}</p>
      <form onSubmit={onSubmit} noValidate className="form">
        <FormErrors
          error={action.error}
          shownFields={["currentPassword", "newPassword"]}
          localMessage={Object.keys(local).length > 0 ? t("errors.VALIDATION_FAILED") : null}
        />
        <StatusMessage>{done ? t("account.password_changed") : null}</StatusMessage>
        <TextField
          id="password-current"
          label={t("fields.currentPassword")}
          type="password"
          autoComplete="current-password"
          dir="ltr"
          value={current}
          onChange={setCurrent}
          error={local.current ?? action.fieldError("currentPassword") ?? (action.error?.code === "WRONG_PASSWORD" ? t("errors.WRONG_PASSWORD") : undefined)}
          required
        />
        <NewPasswordFields
          idPrefix="password-new"
          password={password}
          confirm={confirm}
          onPassword={setPassword}
          onConfirm={setConfirm}
          passwordError={local.password ?? action.fieldError("newPassword") ?? (action.error?.code === "WEAK_PASSWORD" ? t("errors.WEAK_PASSWORD") : undefined)}
          confirmError={local.confirm}
          passwordLabel={t("fields.newPassword")}
        />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={action.pending} aria-busy={action.pending || undefined}>
            {action.pending ? t("common.saving") : t("account.change_password")}
          </button>
        </div>
      </form>
    </section>
  );
}

/** /account — profile and display preferences, password, calendar feed, personal API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  const localName = useLocalName();
  usePageTitle(t("account.title"));
  return (
    <>
      <PageHeader
        title={t("account.title")}
        subtitle={
          <>
            <span dir="ltr">{me.email}</span>
            {t("common.list_separator")}
            {localName(me.organisation)}
            {t("common.list_separator")}
            {t(`roles.${me.role}`)}
          </>
        }
      />
      <div className="account-grid">
        <ProfileSection />
        <PasswordSection />
      </div>
      <div className="account-stack">
        <CalendarFeedSection />
        <TokensSection />
      </div>
    </>
  );
}

