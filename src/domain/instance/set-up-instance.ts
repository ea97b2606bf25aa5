// the first start's setup page, as one action.
import type { Db } from '../../db/schema.ts';
import { forgetSettings } from '../../db/settings.ts';
import type { UserRecord } from '../../db/users.ts';
import { openSession } from '../auth/sign-in.ts';
import { loadDemoData } from '../demo/load-demo.ts';
import { completeSetup, type SetupInput } from './first-start.ts';

/** Sets Trakt up in one transaction (demo data dated `today` if asked for) and signs the new admin in. */
export async function setUpInstance({
  db,
  input,
  today,
}: {
  db: Db;
  input: SetupInput;
  today: string;
}): Promise<{ admin: UserRecord; sessionToken: string; csrfToken: string }> {
  const admin = await db
    .transaction()
    .execute((trx) => completeSetup({ db: trx, input, loadDemo: (inner) => loadDemoData({ db: inner, today }) }))
    .finally(forgetSettings);
  const { sessionToken, csrfToken } = await openSession(db, admin.id);
  return { admin, sessionToken, csrfToken };
}
