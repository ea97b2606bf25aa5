// L-8: the caller's secret calendar feed address.
import { saveFeedToken } from '../../db/calendar-feeds.ts';
import type { Db } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';
import { hashSecret, newSecret } from '../auth/tokens.ts';

/** Makes (or replaces) the actor's feed secret and answers it; only its hash is kept, so it is shown this once. */
export async function renewCalendarFeed({ db, actor }: { db: Db; actor: Actor }): Promise<string> {
  const secret = newSecret();
  await saveFeedToken(db, actor.id, hashSecret(secret));
  return secret;
}
