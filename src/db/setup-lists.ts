// The C-5 setup lists. Table names come from the closed map below, never from user input.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { claimVersion } from './versioned.ts';

export const SETUP_LISTS = {
  industries: 'industries',
  'target-groups': 'target_groups',
  'interest-types': 'interest_types',
  'activity-types': 'activity_types',
  'opportunity-types': 'opportunity_types',
  sources: 'sources',
  'loss-reasons': 'loss_reasons',
  'win-reasons': 'win_reasons',
  regions: 'regions',
  departments: 'departments',
  'customer-profiles': 'customer_profiles',
  currencies: 'currencies',
} as const;

export type SetupList = keyof typeof SETUP_LISTS;

export type SetupEntry = {
  id: number;
  name: string;
  active: boolean;
  position: number;
  version: number;
  key?: string | null;
  code?: string | null;
  paymentTermsDays?: number | null;
  currency?: string | null;
  priceList?: string | null;
};

const table = (list: SetupList) => sql.table(SETUP_LISTS[list]);

export async function listEntries(db: Db, list: SetupList, activeOnly: boolean): Promise<SetupEntry[]> {
  const { rows } = await sql<SetupEntry>`
    SELECT * FROM ${table(list)}
    WHERE ${activeOnly ? sql`active` : sql`true`}
    ORDER BY position, lower(name), id`.execute(db);
  return rows;
}

export async function findEntry(db: Db, list: SetupList, id: number): Promise<SetupEntry | undefined> {
  const { rows } = await sql<SetupEntry>`SELECT * FROM ${table(list)} WHERE id = ${id}`.execute(db);
  return rows[0];
}

export type EntryValues = {
  name?: string;
  active?: boolean;
  position?: number;
  key?: string;
  code?: string;
  paymentTermsDays?: number | null;
  currency?: string | null;
  priceList?: string | null;
};

const COLUMNS: Record<keyof EntryValues, string> = {
  name: 'name',
  active: 'active',
  position: 'position',
  key: 'key',
  code: 'code',
  paymentTermsDays: 'payment_terms_days',
  currency: 'currency',
  priceList: 'price_list',
};

export async function insertEntry(db: Db, list: SetupList, values: EntryValues): Promise<SetupEntry> {
  const entries = (Object.entries(values) as [keyof EntryValues, unknown][]).filter(([, v]) => v !== undefined);
  const columns = sql.join(entries.map(([k]) => sql.id(COLUMNS[k])));
  const params = sql.join(entries.map(([, v]) => sql`${v}`));
  const position =
    values.position === undefined
      ? sql`, position) VALUES (${params}, (SELECT coalesce(max(position), 0) + 1 FROM ${table(list)}))`
      : sql`) VALUES (${params})`;
  const { rows } = await sql<SetupEntry>`INSERT INTO ${table(list)} (${columns}${position} RETURNING *`.execute(db);
  return rows[0] as SetupEntry;
}

/** O-25: moves the entry's version on if it still is `version` (see claimVersion). */
export function claimEntryVersion(db: Db, list: SetupList, id: number, version: number): Promise<boolean> {
  return claimVersion(db, SETUP_LISTS[list], id, version);
}

export async function updateEntry(db: Db, list: SetupList, id: number, values: EntryValues): Promise<SetupEntry | undefined> {
  const entries = (Object.entries(values) as [keyof EntryValues, unknown][]).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return findEntry(db, list, id);
  const assignments = sql.join(entries.map(([k, v]) => sql`${sql.id(COLUMNS[k])} = ${v}`));
  const { rows } = await sql<SetupEntry>`UPDATE ${table(list)} SET ${assignments} WHERE id = ${id} RETURNING *`.execute(db);
  return rows[0];
}
