// The competitors of one opportunity (SPEC O-15): picked from the global list or typed as a one-off
// name, each with a threat rating 1–5. Same edit rights and closed rule as the opportunity itself.
import type { Db } from '../../db/schema.ts';
import { findOpportunityCompetitor, listOpportunityCompetitors, type OpportunityCompetitorRow } from '../../db/competitors.ts';
import type { Actor } from '../auth/permissions.ts';
import { notFound } from '../errors.ts';
import { visibleOpportunity } from './opportunity-parts.ts';

/** O-15: the competitors of an opportunity the actor may see, the most dangerous first. */
export async function opportunityCompetitors({
  db,
  actor,
  opportunityId,
  sellersSeeOnlyOwn,
}: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  sellersSeeOnlyOwn: boolean;
}): Promise<OpportunityCompetitorRow[]> {
  await visibleOpportunity(db, actor, opportunityId, { sellersSeeOnlyOwn });
  return listOpportunityCompetitors(db, opportunityId);
}

/** One competitor entry of the opportunity; another opportunity's entry is not found. */
export async function competitorEntry(db: Db, opportunityId: number, entryId: number): Promise<OpportunityCompetitorRow> {
  const entry = await findOpportunityCompetitor(db, opportunityId, entryId);
  if (!entry) throw notFound('Competitor entry', entryId);
  return entry;
}
