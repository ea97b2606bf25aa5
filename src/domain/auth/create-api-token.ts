// API tokens for scripts and integrations (Bearer), one user's each.
import { insertToken } from '../../db/auth.ts';
import type { Db } from '../../db/schema.ts';
import type { Actor } from './permissions.ts';
import { hashSecret, newSecret } from './tokens.ts';

/** Makes a named token for the actor and answers it; only its hash is kept, so it is shown this once. */
export async function createApiToken({
  db,
  actor,
  name,
}: {
  db: Db;
  actor: Actor;
  name: string;
}): Promise<{ id: number; name: string; token: string }> {
  const token = newSecret('trakt_');
  const row = await insertToken(db, { userId: actor.id, name, tokenHash: hashSecret(token) });
  return { id: row.id, name: row.name, token };
}
