// L-8: the per-user calendar feed — its secret (hashed) and the events it serves.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { readableActivities } from './visibility.ts';

/** A new secret replaces the old one, so an old URL stops working at once. */
export async function saveFeedToken(db: Db, userId: number, tokenHash: string) {
  await db.deleteFrom('calendarFeeds').where('userId', '=', userId).execute();
  await db.insertInto('calendarFeeds').values({ userId, tokenHash }).execute();
}

export function findFeed(db: Db, userId: number) {
  return db.selectFrom('calendarFeeds').select(['createdAt', 'lastUsedAt']).where('userId', '=', userId).executeTakeFirst();
}

export async function deleteFeed(db: Db, userId: number) {
  await db.deleteFrom('calendarFeeds').where('userId', '=', userId).execute();
}

/** The active user a feed secret belongs to; marks the feed as used. */
export async function feedOwner(db: Db, tokenHash: string) {
  const row = await db
    .updateTable('calendarFeeds as f')
    .set({ lastUsedAt: sql`now()` })
    .from('users as u')
    .whereRef('u.id', '=', 'f.userId')
    .where('f.tokenHash', '=', tokenHash)
    .where('u.active', '=', true)
    .returning(['u.id', 'u.name', 'u.role'])
    .executeTakeFirst();
  return row;
}

export type CalendarItem = {
  kind: 'activity' | 'follow-up';
  id: number;
  type: string;
  subject: string;
  text: string | null;
  dueDate: string;
  dueTime: string | null;
  durationMinutes: number | null;
  done: boolean;
  companyName: string | null;
  updatedAt: Date;
};

/**
 * The user's meetings and appointments, open tasks with a due date, and the follow-up dates of
 * open opportunities they own or sell on (unless the follow-up task for that date is listed already),
 * due from `from` to `to`. `visibleTo` leaves out activities of opportunities hidden from the user (policy.ts readScope).
 */
export async function calendarItems(db: Db, userId: number, from: string, to: string, visibleTo?: number): Promise<CalendarItem[]> {
  const { rows } = await sql<CalendarItem>`
    SELECT 'activity' AS kind, a.id, a.type, a.subject, a.text, a.due_date, a.due_time::text AS due_time, a.duration_minutes, a.done, c.name AS company_name, a.updated_at
    FROM activities a LEFT JOIN companies c ON c.id = a.company_id
    WHERE a.deleted_at IS NULL AND a.due_date BETWEEN ${from} AND ${to}
      AND (a.owner_id = ${userId} OR EXISTS (SELECT 1 FROM activity_participants x WHERE x.activity_id = a.id AND x.user_id = ${userId}))
      AND (a.type IN ('meeting', 'appointment') OR (a.type = 'task' AND NOT a.done))
      ${visibleTo === undefined ? sql`` : sql`AND ${readableActivities(visibleTo)}`}
    UNION ALL
    SELECT 'follow-up', o.id, 'follow-up', o.title, o.description, o.follow_up_date, NULL, NULL, false, c.name, o.updated_at
    FROM opportunities o JOIN companies c ON c.id = o.company_id
    WHERE o.deleted_at IS NULL AND o.status = 'open' AND o.follow_up_date BETWEEN ${from} AND ${to}
      AND (o.owner_id = ${userId} OR EXISTS (SELECT 1 FROM opportunity_sellers s WHERE s.opportunity_id = o.id AND s.user_id = ${userId}))
      AND NOT EXISTS (SELECT 1 FROM activities t WHERE t.opportunity_id = o.id AND t.type = 'task' AND t.due_date = o.follow_up_date AND NOT t.done AND t.deleted_at IS NULL)
    ORDER BY 6, 1, 2`.execute(db);
  return rows;
}
