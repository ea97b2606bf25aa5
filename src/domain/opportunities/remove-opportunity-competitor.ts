import type { Db } from '../../db/schema.ts';
import { deleteOpportunityCompetitor } from '../../db/competitors.ts';
import type { Actor } from '../auth/permissions.ts';
import { competitorEntry } from './competitor-entries.ts';
import { changeOpportunityPart } from './opportunity-parts.ts';

/** Takes a competitor off the opportunity (the global list keeps it). */
export function removeOpportunityCompetitor({
  db,
  actor,
  opportunityId,
  entryId,
}: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  entryId: number;
}): Promise<void> {
  return changeOpportunityPart({ db, actor, opportunityId }, async () => {
    await competitorEntry(db, opportunityId, entryId);
    await deleteOpportunityCompetitor(db, entryId);
  });
}
