// The competitors of one opportunity (SPEC O-15): picked from the global list or typed as a one-off
// name, each with a threat rating 1–5. Same edit rights and closed rule as the opportunity itself.
import type { Db } from '../../db/schema.ts';
import {
  deleteOpportunityCompetitor,
  findCompetitor,
  findCompetitorByName,
  findOpportunityCompetitor,
  findSameCompetitor,
  insertOpportunityCompetitor,
  listOpportunityCompetitors,
  updateOpportunityCompetitor,
  type OpportunityCompetitorRow,
} from '../../db/competitors.ts';
import { claimVersion } from '../../db/versioned.ts';
import type { Actor } from '../auth/permissions.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { changeOpportunityPart, visibleOpportunity } from './opportunity-parts.ts';

export type CompetitorEntryInput = { competitorId?: number | undefined; name?: string | undefined; threat?: number | undefined; note?: string | null | undefined };

/** O-15: the competitors of an opportunity the actor may see, the most dangerous first. */
export async function opportunityCompetitors({ db, actor, opportunityId, sellersSeeOnlyOwn }: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  sellersSeeOnlyOwn: boolean;
}): Promise<OpportunityCompetitorRow[]> {
  await visibleOpportunity(db, actor, opportunityId, { sellersSeeOnlyOwn });
  return listOpportunityCompetitors(db, opportunityId);
}

const duplicate = (field: string) =>
  new AppError('DUPLICATE', 'This competitor is already listed on the opportunity', { fields: { [field]: 'is already listed on this opportunity' } });

/** Which global competitor an entry points at, or the one-off name it keeps. */
async function pickOf(db: Db, input: CompetitorEntryInput): Promise<{ competitorId: number } | { name: string }> {
  if (input.competitorId !== undefined) {
    const competitor = await findCompetitor(db, input.competitorId);
    if (!competitor) throw invalid('competitorId', 'does not exist');
    if (!competitor.active) throw new AppError('INACTIVE_ENTRY', `"${competitor.name}" is deactivated and cannot be chosen`, { fields: { competitorId: 'is deactivated' } });
    return { competitorId: competitor.id };
  }
  const name = (input.name ?? '').trim();
  if (name === '') throw invalid('name', 'is required when no competitorId is given');
  // a typed name that is on the global list (any case) is that competitor, not a one-off
  const known = await findCompetitorByName(db, name);
  return known?.active ? { competitorId: known.id } : { name };
}

/** O-15: lists a competitor on the opportunity, from the global list or as a one-off name. */
export function addOpportunityCompetitor({ db, actor, opportunityId, input }: { db: Db; actor: Actor; opportunityId: number; input: CompetitorEntryInput }) {
  return changeOpportunityPart({ db, actor, opportunityId }, async () => {
    const pick = await pickOf(db, input);
    if (await findSameCompetitor(db, opportunityId, pick)) throw duplicate(input.competitorId !== undefined ? 'competitorId' : 'name');
    const entryId = await insertOpportunityCompetitor(db, {
      opportunityId,
      competitorId: 'competitorId' in pick ? pick.competitorId : null,
      name: 'name' in pick ? pick.name : null,
      threat: input.threat,
      note: input.note ?? null,
    });
    return (await findOpportunityCompetitor(db, opportunityId, entryId)) as OpportunityCompetitorRow;
  });
}

async function entryOf(db: Db, opportunityId: number, entryId: number) {
  const entry = await findOpportunityCompetitor(db, opportunityId, entryId);
  if (!entry) throw notFound('Competitor entry', entryId);
  return entry;
}

/** Changes the threat rating or note of one entry, if the entry is still at `version` (O-25). */
export function changeOpportunityCompetitor({ db, actor, opportunityId, entryId, version, changes }: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  entryId: number;
  version: number;
  changes: { threat?: number | undefined; note?: string | null | undefined };
}) {
  return changeOpportunityPart({ db, actor, opportunityId }, async () => {
    await entryOf(db, opportunityId, entryId);
    if (!(await claimVersion(db, 'opportunity_competitors', entryId, version))) {
      throw new AppError('VERSION_CONFLICT', 'The competitor entry was changed by someone else. Reload and try again.', { current: await entryOf(db, opportunityId, entryId) });
    }
    await updateOpportunityCompetitor(db, entryId, changes);
    return entryOf(db, opportunityId, entryId);
  });
}

/** Takes a competitor off the opportunity (the global list keeps it). */
export function removeOpportunityCompetitor({ db, actor, opportunityId, entryId }: { db: Db; actor: Actor; opportunityId: number; entryId: number }) {
  return changeOpportunityPart({ db, actor, opportunityId }, async () => {
    await entryOf(db, opportunityId, entryId);
    await deleteOpportunityCompetitor(db, entryId);
  });
}
