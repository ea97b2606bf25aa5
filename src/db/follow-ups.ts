import { sql } from 'kysely';
import type { Db } from './schema.ts';

export async function insertFollowUp(
  db: Db,
  row: { opportunityId: number; followUpDate: string; setBy: number | null; activityId: number | null },
) {
  await db.insertInto('opportunityFollowUps').values(row).execute();
}

/** O-21: the follow-up dates an opportunity has had, newest first. */
export function listFollowUps(db: Db, opportunityId: number) {
  return db
    .selectFrom('opportunityFollowUps as f')
    .leftJoin('users as u', 'u.id', 'f.setBy')
    .select(['f.id', 'f.followUpDate', 'f.setAt', 'f.setBy', 'u.initials as setByInitials', 'f.activityId'])
    .where('f.opportunityId', '=', opportunityId)
    .orderBy('f.setAt', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
}

/**
 * Marks done the open tasks that the opportunity's follow-up dates created (O-21), as a change by
 * `actorId`; returns their ids. Other tasks on the opportunity are left as they are.
 */
export async function finishFollowUpTasks(db: Db, opportunityId: number, actorId: number): Promise<number[]> {
  const rows = await db
    .updateTable('activities')
    .set({ done: true, doneAt: sql`now()`, updatedAt: sql`now()`, updatedBy: actorId, version: sql`version + 1` })
    .where('opportunityId', '=', opportunityId)
    .where('done', '=', false)
    .where('deletedAt', 'is', null)
    .where('id', 'in', (q) =>
      q
        .selectFrom('opportunityFollowUps')
        .select('activityId')
        .where('opportunityId', '=', opportunityId)
        .where('activityId', 'is not', null)
        .$narrowType<{ activityId: number }>(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
