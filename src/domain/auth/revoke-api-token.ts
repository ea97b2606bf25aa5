// revoking one of the actor's own API tokens.
import { revokeToken } from '../../db/auth.ts';
import type { Db } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Actor } from './permissions.ts';

/** Revokes the actor's live token `id`; another user's, a revoked or a missing one is a 404. */
export async function revokeApiToken({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<void> {
  if (!(await revokeToken(db, actor.id, id))) throw notFound('Token', id);
}
