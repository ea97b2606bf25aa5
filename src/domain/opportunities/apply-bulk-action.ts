import type { Db } from '../../db/schema.ts';
import { invalid } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { closeOpportunity } from './close-opportunity.ts';
import { deleteOpportunity } from './delete-opportunity.ts';
import { reopenOpportunity } from './reopen-opportunity.ts';
import type { BulkAction, BulkOptions } from './schema.ts';

/** O-12: one item of a bulk action, run by the caller in its own transaction. */
export async function applyBulkAction({
  db,
  actor,
  id,
  action,
  options,
  today,
}: {
  db: Db;
  actor: Actor;
  id: number;
  action: BulkAction;
  options: BulkOptions;
  today: string;
}): Promise<void> {
  switch (action) {
    case 'won':
      await closeOpportunity({ db, actor, id, today, input: { outcome: 'won', winReasonId: options.winReasonId } });
      return;
    case 'lost':
      await closeOpportunity({ db, actor, id, today, input: { outcome: 'lost', lossReasonId: options.lossReasonId } });
      return;
    case 'open':
      await reopenOpportunity({ db, actor, id });
      return;
    case 'delete':
      await deleteOpportunity({ db, actor, id });
      return;
    default:
      throw invalid('action', 'is not a bulk action');
  }
}
