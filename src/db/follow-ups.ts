import type { Db } from './schema.ts';

export async function insertFollowUp(db: Db, row: { opportunityId: number; followUpDate: string; setBy: number | null; activityId: number | null }) {
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
