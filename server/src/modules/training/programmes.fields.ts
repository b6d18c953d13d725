import type { FieldError } from "../../../../common/errors.js";
import type { Locale } from "../../../../common/roles.js";
import { AppError } from "../../lib/errors.js";
import { fieldLabel, hasMessage, translate } from "../../lib/i18n.js";

const PREFIX = "training.programme.fields";

/**
 * Invalid fields of programmes, modules, materials and enrolments, each with a message naming
 * the field in the caller's language. The labels live under `training.programme.fields` (the
 * error handler's generic labels call `titleAr` a person's position title).
 */
export class ProgrammeFieldErrors {
  readonly list: FieldError[] = [];

  constructor(private readonly locale: Locale) {}

  /** The label of `field`: "survey.2.textAr" → "Survey question 3 — Text (Arabic)". */
  label(field: string): string {
    const nested = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
    if (nested && hasMessage(`${PREFIX}.${nested[1]}_item`)) {
      return `${translate(this.locale, `${PREFIX}.${nested[1]}_item`, { n: Number(nested[2]) + 1 })} — ${this.label(nested[3])}`;
    }
    return hasMessage(`${PREFIX}.${field}`) ? translate(this.locale, `${PREFIX}.${field}`) : fieldLabel(this.locale, field);
  }

  /** Add an error: `message` is a `validation.*` key. The first error of a field wins. */
  add(field: string, message: string, values: Record<string, unknown> = {}): this {
    if (!this.list.some((e) => e.field === field)) this.list.push({ field, message: translate(this.locale, message, { field: this.label(field), ...values }) });
    return this;
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  /** @throws VALIDATION_FAILED when any field is invalid */
  throwIfAny(): void {
    if (this.list.length > 0) throw new AppError("VALIDATION_FAILED", { fields: this.list });
  }
}

/** One invalid field, thrown at once. */
export function invalidField(locale: Locale, field: string, message = "validation.invalid_choice", values: Record<string, unknown> = {}): AppError {
  return new AppError("VALIDATION_FAILED", { fields: new ProgrammeFieldErrors(locale).add(field, message, values).list });
}
