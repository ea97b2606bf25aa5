import type { Db } from '../../db/schema.ts';
import { softDeleteOpportunity } from '../../db/opportunities.ts';
import type { Actor } from '../auth/permissions.ts';
import { changeableOpportunity } from '../records/access.ts';
import { recordLifecycle } from '../history/history.ts';

/** O-14: soft delete, whatever the status; an admin can restore it within 30 days (restore-opportunity.ts). */
export async function deleteOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await changeableOpportunity(db, actor, id);
  await softDeleteOpportunity(db, id, actor.id);
  await recordLifecycle(db, 'opportunity', id, actor.id, 'deleted', current.title); // O-24
}
