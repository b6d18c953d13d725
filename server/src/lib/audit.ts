/** The fields that differ between `before` and `after` (only keys present in `after`), as [old, new]. */
export function diffChanges(before: Record<string, unknown>, after: Record<string, unknown>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === "updatedAt" || key === "searchText") continue;
    const old = before[key] ?? null;
    if ((value ?? null) !== old) changes[key] = [old, value ?? null];
  }
  return changes;
}
