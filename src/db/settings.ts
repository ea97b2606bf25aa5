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
  return { ...DEFAULTS, ...stored };
}

// The settings every list request reads (stagnation days, who sees what, base currency) are kept in
// memory for a database this process hears every change of: the embedded one (only this process opens
// it; saveSettings, then forgetSettings once the write is committed), or a server while settings-changes.ts
// listens for the NOTIFY each saveSettings sends. Any other handle reads them every time.
let cache = new WeakMap<Db, Promise<Settings>>();
const cacheable = new WeakSet<Db>();

/** Lets requests on `db` read the settings from memory (true) or from the database every time (false). */
export function cacheSettingsOf(db: Db, on: boolean) {
  if (on) cacheable.add(db);
  else cacheable.delete(db);
  forgetSettings();
}

/** The channel saveSettings notifies on commit, so other app instances on the same server forget theirs. */
export const SETTINGS_CHANNEL = 'trakt_settings';

/** The settings as of the last committed change; a transaction reads its own view instead. */
export function currentSettings(db: Db): Promise<Settings> {
  if (db.isTransaction || !cacheable.has(db)) return getSettings(db);
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

/** Locks the setup-done row until the caller's transaction ends, so concurrent first setups go one at a time. */
export async function lockSetupDone(db: Db): Promise<void> {
  await db.selectFrom('settings').select('key').where('key', '=', 'setupDone').forUpdate().execute();
}

/** Writes settings; the caller calls forgetSettings after committing (saveSettings also does, for writes outside a transaction). */
export async function saveSettings(db: Db, changes: Partial<Omit<Settings, 'version'>>) {
  forgetSettings();
  for (const [key, value] of Object.entries(changes as Record<string, unknown>)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  }
  await sql`INSERT INTO settings (key, value) VALUES ('version', '2')
            ON CONFLICT (key) DO UPDATE SET value = to_jsonb((settings.value #>> '{}')::int + 1)`.execute(db);
  // delivered when the transaction commits (at once outside one)
  await sql`SELECT pg_notify(${SETTINGS_CHANNEL}, '')`.execute(db);
  forgetSettings();
}
