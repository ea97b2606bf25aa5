import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from './connect.ts';
import { cacheSettingsOf, currentSettings, forgetSettings, getSettings, saveSettings } from './settings.ts';
import { freshDatabase, keepSettings } from '../../test/helpers/database.ts';

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
  // as the app does while it hears every change (db/settings-changes.ts)
  cacheSettingsOf(database.db, true);
});
afterAll(() => database.close());
// a test that changes the settings (stagnation days, who sees what) puts them back, even when it fails
let restoreSettings: () => Promise<void>;
beforeEach(async () => {
  restoreSettings = await keepSettings(database.db);
});
afterEach(() => restoreSettings());

describe('settings read from memory', () => {
  it('reads once, and again after every change', async () => {
    const db = database.db;
    const first = await currentSettings(db);
    expect(first).toEqual(await getSettings(db));
    expect(await currentSettings(db)).toBe(first);

    await saveSettings(db, { stagnationDays: 45 });
    expect((await currentSettings(db)).stagnationDays).toBe(45);

    // inside a transaction: its own view, not the remembered one; after the commit, the new values
    await db.transaction().execute(async (trx) => {
      await saveSettings(trx, { sellersSeeOnlyOwn: true });
      expect((await currentSettings(trx)).sellersSeeOnlyOwn).toBe(true);
    });
    forgetSettings();
    expect((await currentSettings(db)).sellersSeeOnlyOwn).toBe(true);

    await saveSettings(db, { stagnationDays: 30, sellersSeeOnlyOwn: false });
    expect(await currentSettings(db)).toMatchObject({ stagnationDays: 30, sellersSeeOnlyOwn: false });
  });

  it('does not keep a read that was under way when the settings changed', async () => {
    const db = database.db;
    forgetSettings();
    const before = currentSettings(db);
    await saveSettings(db, { companyName: 'Nyt Navn' });
    await before;
    expect((await currentSettings(db)).companyName).toBe('Nyt Navn');
  });
});
