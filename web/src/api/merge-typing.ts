type Values = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The form's values when the record moved on from `before` to `next` while the user had unsaved
 * typing `typed`: fields the user did not touch take the new values, typed ones are kept. Null when
 * the record changed a field the user typed in to something else: then the typing stays on the old
 * version, and saving it gives the "changed by someone else" 409 (O-25).
 */
export function mergeTyping<V extends Values>(before: V, next: V, typed: V): V | null {
  const merged: Values = { ...next };
  for (const key of Object.keys(next)) {
    if (same(typed[key], before[key])) continue;
    if (!same(next[key], before[key]) && !same(next[key], typed[key])) return null;
    merged[key] = typed[key];
  }
  return merged as V;
}
