import { Fragment, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  required?: boolean;
  children: ReactNode;
  className?: string;
}

/** ids of the hint and error paragraphs, for aria-describedby. */
export function describedBy(id: string, hint?: ReactNode, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function RequiredMark() {
  const { t } = useTranslation();
  return (
    <span className="field-required" title={t("common.required")}>
      <span aria-hidden="true">*</span>
      <span className="visually-hidden">{t("common.required")}</span>
    </span>
  );
}

export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p id={`${id}-error`} className="field-error">
      <span aria-hidden="true" className="field-error-icon">!</span> {error}
    </p>
  );
}

function FieldFrame({ id, label, error, hint, required, children, className }: FieldFrameProps) {
  return (
    <div className={["field", error ? "field--invalid" : "", className ?? ""].join(" ").trim()}>
      <label htmlFor={id} className="field-label">
        {label}
        {required && <RequiredMark />}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} />
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value"> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  className?: string;
};

/** A labelled input with its hint and the server's message for it. */
export function TextField({ id, label, value, onChange, error, hint, required, className, ...rest }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <input
        id={id}
        name={id}
        type="text"
        {...rest}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="input"
      />
    </FieldFrame>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "onChange" | "value"> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: ReactNode;
  className?: string;
};

export function TextAreaField({ id, label, value, onChange, error, hint, required, className, ...rest }: TextAreaFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <textarea
        id={id}
        name={id}
        rows={3}
        {...rest}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="input"
      />
    </FieldFrame>
  );
}

export interface Option {
  value: string;
  label: string;
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value"> & {
  id: string;
  label: ReactNode;
  value: string;
  onChange(value: string): void;
  options: Option[];
  /** Text of an empty first choice ("All", "Choose…"); none when omitted. */
  placeholder?: string;
  error?: string;
  hint?: ReactNode;
  className?: string;
};

export function SelectField({ id, label, value, onChange, options, placeholder, error, hint, required, className, ...rest }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} required={required} className={className}>
      <select
        id={id}
        name={id}
        {...rest}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className="input select"
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  id,
  label,
  checked,
  onChange,
  hint,
  disabled,
}: {
  id: string;
  label: ReactNode;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        name={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={describedBy(id, hint)}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export interface RadioOption extends Option {
  description?: ReactNode;
  disabled?: boolean;
  /**
   * Shown under the option while it is chosen (e.g. a follow-up question). It sits
   * outside the option's card, whose whole surface selects the option.
   */
  details?: ReactNode;
}

/** A fieldset of radio buttons, each with an optional explanation. */
export function RadioGroupField({
  id,
  legend,
  value,
  onChange,
  options,
  error,
  hint,
  required,
}: {
  id: string;
  legend: ReactNode;
  value: string;
  onChange(value: string): void;
  options: RadioOption[];
  error?: string;
  hint?: ReactNode;
  required?: boolean;
}) {
  return (
    <fieldset
      className={["field", "fieldset", error ? "field--invalid" : ""].join(" ").trim()}
      aria-describedby={describedBy(id, hint, error)}
      aria-required={required || undefined}
    >
      <legend className="field-label">
        {legend}
        {required && <RequiredMark />}
      </legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <div className="radio-list">
        {options.map((o) => {
          const optionId = `${id}-${o.value}`;
          const checked = value === o.value;
          return (
            <Fragment key={o.value}>
              <div className="radio-option">
                <input
                  type="radio"
                  id={optionId}
                  name={id}
                  value={o.value}
                  checked={checked}
                  disabled={o.disabled}
                  onChange={() => onChange(o.value)}
                  aria-describedby={o.description ? `${optionId}-desc` : undefined}
                />
                <div className="radio-text">
                  <label htmlFor={optionId} className="radio-label">
                    {o.label}
                  </label>
                  {o.description && (
                    <span id={`${optionId}-desc`} className="radio-description">
                      {o.description}
                    </span>
                  )}
                </div>
              </div>
              {checked && o.details && <div className="radio-details">{o.details}</div>}
            </Fragment>
          );
        })}
      </div>
      <FieldError id={id} error={error} />
    </fieldset>
  );
}
