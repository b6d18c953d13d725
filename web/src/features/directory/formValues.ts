/** Helpers shared by the directory forms. */

export type FormValues = Record<string, string>;

/** Record → strings for inputs (null becomes ""). */
export function toFormValues<T extends object>(record: T | undefined, keys: readonly string[], defaults: FormValues = {}): FormValues {
  const values: FormValues = {};
  for (const key of keys) {
    const v = record ? (record as Record<string, unknown>)[key] : undefined;
    values[key] = typeof v === "string" ? v : (defaults[key] ?? "");
  }
  return values;
}

/** Body of a create: trimmed strings, empty ones left out. */
export function createBody(values: FormValues): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    const v = value.trim();
    if (v) body[key] = v;
  }
  return body;
}

/** Body of an update: only what changed; a cleared field is sent as null. */
export function changedBody(initial: FormValues, values: FormValues): Record<string, string | null> {
  const body: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(values)) {
    const v = value.trim();
    if (v !== (initial[key] ?? "").trim()) body[key] = v === "" ? null : v;
  }
  return body;
}

/** Required fields left empty, with the "… is required" message. */
export function missingFields(values: FormValues, required: readonly string[], message: (field: string) => string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const key of required) if (!(values[key] ?? "").trim()) errors[key] = message(key);
  return errors;
}

/** `messages` without the one for `key` (the same object when there is none). */
export function withoutMessage(messages: Record<string, string>, key: string): Record<string, string> {
  if (!(key in messages)) return messages;
  const { [key]: _dropped, ...rest } = messages;
  return rest;
}
