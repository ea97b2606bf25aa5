// Shared steps for the parts of an opportunity that have their own endpoints (sellers O-16 … O-20,
// competitors O-15): who may see them, and how one change is applied.
import type { Db } from '../../db/schema.ts';
import { updateOpportunityRow, type OpportunityRow } from '../../db/opportunities.ts';
import { lockOpportunity } from '../../db/sellers.ts';
import type { Actor } from '../auth/permissions.ts';
import { editableOpportunity, opportunityConflict } from './opportunity-writes.ts';
import { describeParts } from '../../db/opportunity-lifecycle.ts';
import { recordHistory } from '../history/history.ts';

export { visibleOpportunity } from '../records/access.ts';

/**
 * Runs one change to a part of an opportunity in the caller's transaction: the opportunity row is
 * locked (so two changes apply one after the other), must be editable by the actor and open
 * (O-11), and afterwards its version, updated time and editor move on (O-24 "last changed", O-25).
 */
export async function changeOpportunityPart<T>(
  {
    db,
    actor,
    opportunityId,
    version,
    currentPart,
  }: {
    db: Db;
    actor: Actor;
    opportunityId: number;
    /** O-25 for parts without a version of their own (the seller list): the opportunity's version the change is based on */
    version?: number | undefined;
    /** what a 409 carries as `current` (default: the opportunity) */
    currentPart?: (current: OpportunityRow) => Promise<unknown>;
  },
  change: (current: OpportunityRow) => Promise<T>,
): Promise<T> {
  await lockOpportunity(db, opportunityId);
  const current = await editableOpportunity(db, actor, opportunityId);
  if (version !== undefined && version !== current.version) {
    const now = currentPart ? await currentPart(current) : current;
    throw opportunityConflict(now);
  }
  const before = await describeParts(db, opportunityId);
  const result = await change(current);
  const after = await describeParts(db, opportunityId);
  // O-24: a change to the sellers or the competitors is a line in the opportunity's history
  await recordHistory(
    db,
    'opportunity',
    opportunityId,
    actor.id,
    (['sellers', 'competitors'] as const)
      .filter((part) => before[part] !== after[part])
      .map((part) => ({ field: part, old: before[part], new: after[part] })),
  );
  if (!(await updateOpportunityRow(db, opportunityId, current.version, actor.id, {}))) {
    throw opportunityConflict();
  }
  return result;
}
