import type { Db } from '../../db/schema.ts';
import type { OpportunityRow } from '../../db/opportunities.ts';
import { findDeletedOpportunity, restoreOpportunityRow } from '../../db/opportunity-lifecycle.ts';
import { AppError, notFound } from '../errors.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { recordHistory } from '../history/history.ts';
import { reloadOpportunity } from './opportunity-writes.ts';

/** O-14: how long a deleted opportunity can be restored. */
export const RESTORE_DAYS = 30;

/** O-14: an admin restores a deleted opportunity within 30 days. */
export async function restoreOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<OpportunityRow> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can restore deleted opportunities');
  const deleted = await findDeletedOpportunity(db, id);
  if (!deleted?.deletedAt) throw notFound('Deleted opportunity', id);
  if (Date.now() - deleted.deletedAt.getTime() > RESTORE_DAYS * 24 * 3600 * 1000) {
    throw new AppError('RESTORE_EXPIRED', `Deleted opportunities can be restored for ${RESTORE_DAYS} days`);
  }
  await restoreOpportunityRow(db, id, actor.id);
  const restored = await reloadOpportunity(db, id);
  await recordHistory(db, 'opportunity', id, actor.id, [{ field: 'restored', old: null, new: restored.title }]); // O-24
  return restored;
}
