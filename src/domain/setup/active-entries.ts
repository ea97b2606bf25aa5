import type { Db } from '../../db/schema.ts';
import { findEntry, type SetupList } from '../../db/setup-lists.ts';
import { AppError } from '../errors.ts';

/**
 * C-5: a deactivated setup entry stays on old records but cannot be chosen anew.
 * `chosen` maps a field name to [list, id]; only fields whose value changes are passed.
 */
export async function checkActiveEntries(db: Db, chosen: Record<string, [SetupList, number | null | undefined]>) {
  for (const [field, [list, id]] of Object.entries(chosen)) {
    if (id === null || id === undefined) continue;
    const entry = await findEntry(db, list, id);
    if (!entry)
      throw new AppError('VALIDATION', `${field} refers to a ${list} entry that does not exist`, { fields: { [field]: 'does not exist' } });
    if (!entry.active)
      throw new AppError('INACTIVE_ENTRY', `"${entry.name}" is deactivated and cannot be chosen`, {
        fields: { [field]: 'is deactivated' },
      });
  }
}

/** The setup-list fields among `changes` whose value differs from `current`. */
export function changedEntries(
  fields: Record<string, SetupList>,
  changes: object,
  current: object | null,
): Record<string, [SetupList, number | null | undefined]> {
  const out: Record<string, [SetupList, number | null | undefined]> = {};
  for (const [field, list] of Object.entries(fields)) {
    const next = (changes as Record<string, unknown>)[field];
    if (next === undefined || (current && (current as Record<string, unknown>)[field] === next)) continue;
    out[field] = [list, next as number | null];
  }
  return out;
}
