import type { Db } from '../../db/schema.ts';
import type { OpportunityRow } from '../../db/opportunities.ts';
import { lastClosing, markReopened, stageProbability } from '../../db/opportunity-lifecycle.ts';
import type { Actor } from '../auth/permissions.ts';
import { recordChanges } from '../history/history.ts';
import { reopeningChanges } from './closing.ts';
import { changeableAtVersion, reloadOpportunity, saveOpportunity } from './opportunity-writes.ts';

/** O-11: opens a closed opportunity again; its close stays in the close history. */
export async function reopenOpportunity({
  db,
  actor,
  id,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version?: number | undefined;
}): Promise<OpportunityRow> {
  const current = await changeableAtVersion(db, actor, id, version);
  const closing = await lastClosing(db, id);
  const changes = reopeningChanges(current, {
    stageProbability: current.stageId === null ? null : await stageProbability(db, current.stageId),
    probabilityBeforeClosing: closing?.probabilityBefore ?? null,
  });
  await saveOpportunity(db, current, actor, changes);
  if (closing) await markReopened(db, closing.id, actor.id);
  const reopened = await reloadOpportunity(db, id);
  await recordChanges(db, 'opportunity', id, actor.id, current, reopened); // O-24
  return reopened;
}
