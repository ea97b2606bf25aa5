import type { Db } from '../../db/schema.ts';
import { updateOpportunityCompetitor, type OpportunityCompetitorRow } from '../../db/competitors.ts';
import { claimVersion } from '../../db/versioned.ts';
import type { Actor } from '../auth/permissions.ts';
import { AppError } from '../errors.ts';
import { competitorEntry } from './competitor-entries.ts';
import { changeOpportunityPart } from './opportunity-parts.ts';

/** Changes the threat rating or note of one entry, if the entry is still at `version` (O-25). */
export function changeOpportunityCompetitor({
  db,
  actor,
  opportunityId,
  entryId,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  entryId: number;
  version: number;
  changes: { threat?: number | undefined; note?: string | null | undefined };
}): Promise<OpportunityCompetitorRow> {
  return changeOpportunityPart({ db, actor, opportunityId }, async () => {
    await competitorEntry(db, opportunityId, entryId);
    if (!(await claimVersion(db, 'opportunity_competitors', entryId, version))) {
      throw new AppError('VERSION_CONFLICT', 'The competitor entry was changed by someone else. Reload and try again.', {
        current: await competitorEntry(db, opportunityId, entryId),
      });
    }
    await updateOpportunityCompetitor(db, entryId, changes);
    return competitorEntry(db, opportunityId, entryId);
  });
}
