import type { Db } from '../../db/schema.ts';
import { getSettings, lockSetupDone, saveSettings, type Settings } from '../../db/settings.ts';
import { countUsers, type UserRecord } from '../../db/users.ts';
import { AppError } from '../errors.ts';
import { createUser, type Language } from '../users/users.ts';

export type SetupInput = {
  companyName: string;
  baseCurrency: string;
  language: Language;
  admin: { name: string; email: string; password: string };
  loadDemo: boolean;
};

/** True until the first admin exists. */
export async function needsSetup(db: Db): Promise<boolean> {
  return (await countUsers(db)) === 0;
}

/**
 * the one-time setup of an empty installation — company settings and the first admin, and
 * optionally the demo data. Refused once any user exists, so it cannot be replayed.
 */
export async function completeSetup({
  db,
  input,
  loadDemo,
}: {
  db: Db;
  input: SetupInput;
  loadDemo: (db: Db) => Promise<unknown>;
}): Promise<UserRecord> {
  // serialise concurrent attempts: the second one sees the first one's admin
  await lockSetupDone(db);
  if (!(await needsSetup(db))) throw new AppError('SETUP_ALREADY_DONE', 'Trakt is already set up; sign in instead');
  await saveSettings(db, { companyName: input.companyName, baseCurrency: input.baseCurrency, language: input.language, setupDone: true });
  const admin = await createUser({ db, actor: null, input: { ...input.admin, role: 'admin', language: input.language } });
  if (input.loadDemo) await loadDemo(db);
  return admin;
}

/** with TRAKT_ADMIN_EMAIL and TRAKT_ADMIN_PASSWORD set, an empty installation gets that admin at start. */
export async function ensureAdminFromEnvironment(
  db: Db,
  email: string | undefined,
  password: string | undefined,
): Promise<UserRecord | null> {
  if (!email || !password || !(await needsSetup(db))) return null;
  const admin = await createUser({ db, actor: null, input: { name: 'Administrator', email, password, role: 'admin', initials: 'ADM' } });
  await saveSettings(db, { setupDone: true });
  return admin;
}

export type PublicInstance = Pick<Settings, 'companyName' | 'baseCurrency' | 'language'> & { needsSetup: boolean };

export async function describeInstance(db: Db): Promise<PublicInstance> {
  const settings = await getSettings(db);
  return {
    needsSetup: await needsSetup(db),
    companyName: settings.companyName,
    baseCurrency: settings.baseCurrency,
    language: settings.language,
  };
}
