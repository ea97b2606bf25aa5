// Loading an opportunity to change it and writing it back under the version it was read at (O-11, O-25):
// every action on an opportunity goes through these, so a stale version is one 409 with one message.
import type { Db } from '../../db/schema.ts';
import { findOpportunity, updateOpportunityRow, type OpportunityRow } from '../../db/opportunities.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { changeableOpportunity } from '../records/access.ts';

/** O-25: the opportunity changed since the user read it; `current` (when given) is what it is now. */
export function opportunityConflict(current?: unknown): AppError {
  return new AppError('VERSION_CONFLICT', 'The opportunity was changed by someone else. Reload and try again.', { current });
}

/** Loads an opportunity the actor may change (404 when hidden, A-2); closed ones refuse every change (O-11). */
export async function editableOpportunity(db: Db, actor: Actor, id: number): Promise<OpportunityRow> {
  const current = await changeableOpportunity(db, actor, id);
  if (current.status !== 'open') {
    throw new AppError('OPPORTUNITY_CLOSED', `The opportunity is ${current.status}; reopen it to change it`, {
      fields: { status: current.status },
    });
  }
  return current;
}

/** Loads an opportunity the actor may change, whatever its status, at the version the user read (when given). */
export async function changeableAtVersion(db: Db, actor: Actor, id: number, version?: number): Promise<OpportunityRow> {
  const current = await changeableOpportunity(db, actor, id);
  if (version !== undefined && version !== current.version) throw opportunityConflict(current);
  return current;
}

/** Writes changes to the opportunity as it was read; someone else's change in between is a 409. */
export async function saveOpportunity(db: Db, current: OpportunityRow, actor: Actor, changes: Parameters<typeof updateOpportunityRow>[4]) {
  if (!(await updateOpportunityRow(db, current.id, current.version, actor.id, changes))) throw opportunityConflict(current);
}

/** The opportunity as written, read back in the caller's transaction. */
export async function reloadOpportunity(db: Db, id: number): Promise<OpportunityRow> {
  const row = await findOpportunity(db, id);
  if (!row) throw notFound('Opportunity', id);
  return row;
}
