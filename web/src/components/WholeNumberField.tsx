import type { KeyboardEvent, ReactNode } from "react";
import { formatNumber } from "../../../common/dates.js";
import { useDisplaySettings } from "../app/useDisplaySettings.js";
import { parseWholeNumber, shapeDigits } from "./digits.js";
import { TextField } from "./Field.js";

/**
 * A whole number (a percentage, a count) in the user's digits: what is typed — Arabic-Indic or
 * Latin — is shown as his setting says, and read back with `parseWholeNumber`. A spin button
 * for assistive technology; the arrow keys step it within `min`–`max`.
 */
export function WholeNumberField({
  id,
  label,
  hint,
  value,
  onChange,
  min,
  max,
  error,
  className,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** As typed (any digits); an empty string for none. */
  value: string;
  onChange(value: string): void;
  min: number;
  max: number;
  error?: string;
  className?: string;
}) {
  const { digits } = useDisplaySettings();
  const parsed = parseWholeNumber(value);
  const current = parsed !== null && parsed >= min && parsed <= max ? parsed : null;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "ArrowUp" && event.key !== "ArrowDown") return;
    event.preventDefault();
    const from = parsed ?? (event.key === "ArrowUp" ? min - 1 : max + 1);
    const next = Math.min(max, Math.max(min, from + (event.key === "ArrowUp" ? 1 : -1)));
    onChange(formatNumber(next, digits));
  }

  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      className={className}
      value={shapeDigits(value, digits)}
      onChange={(typed) => onChange(shapeDigits(typed, digits))}
      onKeyDown={onKeyDown}
      error={error}
      inputMode="numeric"
      autoComplete="off"
      dir="ltr"
      role="spinbutton"
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={current ?? undefined}
      aria-valuetext={current === null ? undefined : formatNumber(current, digits)}
    />
  );
}
