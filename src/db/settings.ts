import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type Settings = {
  companyName: string;
  baseCurrency: string;
  language: 'en' | 'da' | 'nb' | 'sv';
  setupDone: boolean;
  stagnationDays: number;
  sellersSeeOnlyOwn: boolean;
  /** One version for all settings, moved on by every save (O-25). */
  version: number;
};

const DEFAULTS: Settings = {
  companyName: 'Trakt',
  baseCurrency: 'DKK',
  language: 'en',
  setupDone: false,
  stagnationDays: 30,
  sellersSeeOnlyOwn: false,
  version: 1,
};

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...DEFAULTS, ...stored } as Settings;
}

// The settings every list request reads (stagnation days, who sees what, base currency) change only
// through this process (saveSettings, then forgetSettings once the write is committed), so requests
// read them from memory. The `trakt` command writes only `setupDone`, which getSettings reads fresh.
let cache = new WeakMap<Db, Promise<Settings>>();

/** The settings as of the last committed change; a transaction reads its own view instead. */
export function currentSettings(db: Db): Promise<Settings> {
  if (db.isTransaction) return getSettings(db);
  const known = cache.get(db);
  if (known) return known;
  // a read that overlaps a change lands in the map forgetSettings throws away, so it is never kept
  const reading = getSettings(db).then((settings) => Object.freeze(settings));
  const into = cache;
  into.set(db, reading);
  reading.catch(() => into.get(db) === reading && into.delete(db));
  return reading;
}

/** Drops the remembered settings: call after the transaction that changed them has committed. */
export function forgetSettings() {
  cache = new WeakMap();
}

/** The settings' version, its row locked until the caller's transaction ends, so saves based on it go one at a time. */
export async function lockSettingsVersion(db: Db): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'version').forUpdate().executeTakeFirst();
  return Number(row?.value ?? 1);
}

/** Writes settings; the caller calls forgetSettings after committing (saveSettings also does, for writes outside a transaction). */
export async function saveSettings(db: Db, changes: Partial<Omit<Settings, 'version'>>) {
  forgetSettings();
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  }
  await sql`INSERT INTO settings (key, value) VALUES ('version', '2')
            ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::int + 1)`.execute(db);
  forgetSettings();
}
