// C-5: adding an entry to a setup list (industries, activity types, currencies …).
import type { Db } from '../../db/schema.ts';
import { insertEntry, type EntryValues, type SetupEntry, type SetupList } from '../../db/setup-lists.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { AppError, invalid } from '../errors.ts';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'type';

/** Extra fields belong to one list each; anywhere else they are an error, not silently dropped. */
export function checkExtras(list: SetupList, values: Record<string, unknown>) {
  const owners: Record<string, SetupList> = {
    key: 'activity-types',
    code: 'currencies',
    paymentTermsDays: 'customer-profiles',
    currency: 'customer-profiles',
    priceList: 'customer-profiles',
  };
  for (const [field, owner] of Object.entries(owners)) {
    if (values[field] !== undefined && owner !== list) throw invalid(field, `is only used by ${owner}`);
  }
}

/** An admin adds an entry; an activity type without a key gets one from its name, a currency its code from its name. */
export async function addSetupEntry({
  db,
  actor,
  list,
  values,
}: {
  db: Db;
  actor: Actor;
  list: SetupList;
  values: EntryValues & { name: string };
}): Promise<SetupEntry> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can change setup lists');
  checkExtras(list, values);
  const entry = { ...values };
  if (list === 'activity-types') entry.key ??= slug(entry.name);
  if (list === 'currencies') entry.code ??= entry.name.toUpperCase();
  if (list === 'currencies' && !/^[A-Z]{3}$/.test(entry.code ?? '')) throw invalid('code', 'must be a 3-letter currency code');
  return insertEntry(db, list, entry);
}
