import type { FieldError } from "../../../../common/errors.js";
import type { Locale } from "../../../../common/roles.js";
import { AppError } from "../../lib/errors.js";
import { hasMessage, translate } from "../../lib/i18n.js";

/**
 * Invalid fields of the question bank, tests, answers and survey, each with a message that names
 * the field in the caller's language. The labels live under `training.assessment.fields` (the
 * error handler's generic labels do not know "points" or "option 3 — text (Arabic)").
 */
export class FieldErrors {
  readonly list: FieldError[] = [];

  constructor(private readonly locale: Locale) {}

  /** The label of `field`: "options.2.textAr" → "Option 3 — Text (Arabic)", "answerKey.value" → "Correct value". */
  label(field: string): string {
    const t = (key: string, values?: Record<string, unknown>) => translate(this.locale, `training.assessment.fields.${key}`, values);
    const nested = /^(\w+)\.(\d+)\.(\w+)$/.exec(field);
    if (nested && hasMessage(`training.assessment.fields.${nested[1]}_item`)) {
      // The item's own label for its field ("options_textAr"), else the field's.
      const leaf = hasMessage(`training.assessment.fields.${nested[1]}_${nested[3]}`) ? t(`${nested[1]}_${nested[3]}`) : this.label(nested[3]!);
      return `${t(`${nested[1]}_item`, { n: Number(nested[2]) + 1 })} — ${leaf}`;
    }
    // "answerKey.value" → the label "answerKey_value".
    const key = field.replace(/\./g, "_");
    return hasMessage(`training.assessment.fields.${key}`) ? t(key) : field;
  }

  /** Add an error: `message` is a `validation.*` key; `label` replaces the field's own label. */
  add(field: string, message: string, values: Record<string, unknown> = {}, label?: string): void {
    if (this.list.some((e) => e.field === field)) return;
    this.list.push({ field, message: translate(this.locale, message, { field: label ?? this.label(field), ...values }) });
  }

  has(field?: string): boolean {
    return field === undefined ? this.list.length > 0 : this.list.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  }

  /** @throws VALIDATION_FAILED when any field is invalid */
  throwIfAny(): void {
    if (this.list.length > 0) throw new AppError("VALIDATION_FAILED", { fields: this.list });
  }
}
