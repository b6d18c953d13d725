import { useTranslation } from "react-i18next";
import { TextField } from "../../components/Field.js";

/** New password typed twice, with the rule shown as a hint. */
export function NewPasswordFields({
  idPrefix,
  password,
  confirm,
  onPassword,
  onConfirm,
  passwordError,
  confirmError,
  passwordLabel,
}: {
  idPrefix: string;
  password: string;
  confirm: string;
  onPassword(value: string): void;
  onConfirm(value: string): void;
  passwordError?: string;
  confirmError?: string;
  passwordLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        id={`${idPrefix}-password`}
        label={passwordLabel ?? t("fields.password")}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        value={password}
        onChange={onPassword}
        error={passwordError}
        hint={t("auth.password_hint")}
        required
      />
      <TextField
        id={`${idPrefix}-confirm`}
        label={t("auth.confirm_password")}
        type="password"
        autoComplete="new-password"
        dir="ltr"
        value={confirm}
        onChange={onConfirm}
        error={confirmError}
        required
      />
    </>
  );
}

export const MIN_PASSWORD_LENGTH = 10;

/** Checks done before sending: both typed, long enough, identical. */
export function checkNewPassword(
  t: (key: "validation.required" | "auth.passwords_differ" | "errors.WEAK_PASSWORD" | "fields.password" | "auth.confirm_password", options?: Record<string, unknown>) => string,
  password: string,
  confirm: string,
  label?: string,
): { password?: string; confirm?: string } {
  const errors: { password?: string; confirm?: string } = {};
  if (!password) errors.password = t("validation.required", { field: label ?? t("fields.password") });
  else if (password.length < MIN_PASSWORD_LENGTH) errors.password = t("errors.WEAK_PASSWORD");
  if (!confirm) errors.confirm = t("validation.required", { field: t("auth.confirm_password") });
  else if (password && confirm !== password) errors.confirm = t("auth.passwords_differ");
  return errors;
}
