// O-24: what changed between two versions of a record, as text the history can show. Pure.

/** A value as a record holds it; the history stores it as text (see `renderValue`). */
export type HistoryValue = string | number | boolean | Date | readonly (string | number)[] | null | undefined;

/** One history line before it is stored: `old` and `new` are rendered by `renderValue`. */
export type FieldChange = { field: string; old: HistoryValue; new: HistoryValue };

/** A rendered change, as `diffFields` returns it. */
export type RenderedChange = { field: string; old: string | null; new: string | null };

/**
 * Values as text: numbers plain (no grouping), dates 'YYYY-MM-DD' (date columns already are; a Date
 * object gives its UTC date), booleans 'true'/'false', arrays joined by ',', null and undefined as null.
 */
export function renderValue(value: HistoryValue): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/** The fields among `fields` whose rendered value differs between `before` and `after`, in the order given. */
export function diffFields<T extends object>(before: T, after: T, fields: readonly (keyof T & string)[]): RenderedChange[] {
  const changes: RenderedChange[] = [];
  for (const field of fields) {
    const old = renderValue(before[field] as HistoryValue);
    const next = renderValue(after[field] as HistoryValue);
    if (old !== next) changes.push({ field, old, new: next });
  }
  return changes;
}
