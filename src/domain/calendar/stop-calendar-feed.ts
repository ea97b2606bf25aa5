// L-8: switching the caller's calendar feed off.
import { deleteFeed } from '../../db/calendar-feeds.ts';
import type { Db } from '../../db/schema.ts';
import type { Actor } from '../auth/permissions.ts';

/** Forgets the actor's feed secret, so its address answers 404 from now on. */
export async function stopCalendarFeed({ db, actor }: { db: Db; actor: Actor }): Promise<void> {
  await deleteFeed(db, actor.id);
}
