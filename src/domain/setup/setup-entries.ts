// Changing an entry of a setup list (C-5): admins only, and never over someone else's change (O-25).
import type { Db } from '../../db/schema.ts';
import { claimEntryVersion, findEntry, updateEntry, type EntryValues, type SetupEntry, type SetupList } from '../../db/setup-lists.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { AppError, notFound } from '../errors.ts';

/** Changes one entry if it is still at `version`; a stale version is a 409 with the entry as it is now. */
export async function changeSetupEntry({
  db,
  actor,
  list,
  id,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  list: SetupList;
  id: number;
  version: number;
  changes: EntryValues;
}): Promise<SetupEntry> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can change setup lists');
  const current = await findEntry(db, list, id);
  if (!current) throw notFound('Entry', id);
  if (!(await claimEntryVersion(db, list, id, version))) {
    throw new AppError('VERSION_CONFLICT', 'The entry was changed by someone else. Reload and try again.', {
      current: await findEntry(db, list, id),
    });
  }
  const updated = await updateEntry(db, list, id, changes);
  if (!updated) throw notFound('Entry', id);
  return updated;
}
