// L-8: the feed a calendar app fetches with the secret in its address (it cannot sign in).
import { calendarItems, feedOwner } from '../../db/calendar-feeds.ts';
import type { Db } from '../../db/schema.ts';
import { hashSecret } from '../auth/tokens.ts';
import { AppError } from '../errors.ts';
import { addDays } from '../opportunities/rules.ts';
import { listScope } from '../records/access.ts';
import { calendarFeed } from './calendar-feed.ts';

/** The owner's items from 90 days back to a year ahead as iCalendar text, as the owner may see them; notes the feed's use. */
export async function readCalendarFeed({
  db,
  secret,
  today,
  timeZone,
  host,
}: {
  db: Db;
  secret: string;
  today: string;
  timeZone: string;
  host: string;
}): Promise<string> {
  const owner = await feedOwner(db, hashSecret(secret));
  if (!owner) throw new AppError('NOT_FOUND', 'No calendar feed at this address');
  const items = await calendarItems(db, owner.id, addDays(today, -90), addDays(today, 365), await listScope(db, owner));
  return calendarFeed({ userName: owner.name, items, timeZone, host });
}
