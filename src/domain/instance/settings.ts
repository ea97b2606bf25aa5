// The instance settings (company name, base currency, language, stagnation days, who sees what).
import type { Db } from '../../db/schema.ts';
import { getSettings, lockSettingsVersion, saveSettings, type Settings } from '../../db/settings.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { AppError } from '../errors.ts';

export type PublicSettings = Omit<Settings, 'setupDone'>;
export type SettingsChanges = Partial<Omit<Settings, 'setupDone' | 'version'>>;

/** The settings as the API shows them (setupDone belongs to the first start). */
export async function readSettings(db: Db): Promise<PublicSettings> {
  const { setupDone: _s, ...settings } = await getSettings(db);
  return settings;
}

/**
 * An admin saves settings based on `version` (O-25: one version for the whole settings form); a
 * stale version is a 409 with the settings as they are now. The caller forgets the cached settings
 * after committing.
 */
export async function changeSettings({
  db,
  actor,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  version: number;
  changes: SettingsChanges;
}): Promise<PublicSettings> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can change settings');
  if ((await lockSettingsVersion(db)) !== version) {
    throw new AppError('VERSION_CONFLICT', 'The settings were changed by someone else. Reload and try again.', {
      current: await readSettings(db),
    });
  }
  await saveSettings(db, changes);
  return readSettings(db);
}
