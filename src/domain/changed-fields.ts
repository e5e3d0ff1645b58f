/**
 * What an edit changed: the one diff every edit of a record goes through, on
 * the client (forms and repositories) and wherever values are compared.
 *
 * Only the changed fields are written and synced, so an edit never overwrites
 * (with a newer stamp) a field someone else changed meanwhile. Which values
 * the edit is compared with is the caller's choice: a form compares with the
 * values it opened with, code that edits a stored record with that record.
 */

/** JSON with sorted object keys, so equal values compare equal whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * The top-level fields of `after` whose value differs from `before` (deep, by
 * canonical JSON). An absent field, `undefined` and `null` are the same value;
 * a field cleared to `undefined` comes out as `null`, which is how a cleared
 * optional field travels (JSON has no `undefined`). Fields `after` does not
 * name are not part of the edit.
 */
export function changedFields<T extends object>(before: object, after: T): Partial<T> {
  const old = new Map<string, unknown>(Object.entries(before));
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    const value = after[key] === undefined ? null : after[key];
    const previous = old.get(key) ?? null;
    if (canonicalJson(value) !== canonicalJson(previous)) out[key] = value;
  }
  return out as Partial<T>;
}
