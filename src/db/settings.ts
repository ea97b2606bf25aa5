import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type Settings = {
  companyName: string;
  baseCurrency: string;
  language: 'en' | 'da' | 'nb' | 'sv';
  setupDone: boolean;
  stagnationDays: number;
  sellersSeeOnlyOwn: boolean;
};

const DEFAULTS: Settings = {
  companyName: 'Trakt',
  baseCurrency: 'DKK',
  language: 'en',
  setupDone: false,
  stagnationDays: 30,
  sellersSeeOnlyOwn: false,
};

export async function getSettings(db: Db): Promise<Settings> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...DEFAULTS, ...stored } as Settings;
}

export async function saveSettings(db: Db, changes: Partial<Settings>) {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`excluded.value` }))
      .execute();
  }
}
