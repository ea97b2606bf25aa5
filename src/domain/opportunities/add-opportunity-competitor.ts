import type { Db } from '../../db/schema.ts';
import {
  findCompetitor,
  findCompetitorByName,
  findSameCompetitor,
  insertOpportunityCompetitor,
  type OpportunityCompetitorRow,
} from '../../db/competitors.ts';
import type { Actor } from '../auth/permissions.ts';
import { AppError, invalid } from '../errors.ts';
import { competitorEntry } from './competitor-entries.ts';
import { changeOpportunityPart } from './opportunity-parts.ts';

export type CompetitorEntryInput = {
  competitorId?: number | undefined;
  name?: string | undefined;
  threat?: number | undefined;
  note?: string | null | undefined;
};

const duplicate = (field: string) =>
  new AppError('DUPLICATE', 'This competitor is already listed on the opportunity', {
    fields: { [field]: 'is already listed on this opportunity' },
  });

/** Which global competitor an entry points at, or the one-off name it keeps. */
async function pickOf(db: Db, input: CompetitorEntryInput): Promise<{ competitorId: number } | { name: string }> {
  if (input.competitorId !== undefined) {
    const competitor = await findCompetitor(db, input.competitorId);
    if (!competitor) throw invalid('competitorId', 'does not exist');
    if (!competitor.active)
      throw new AppError('INACTIVE_ENTRY', `"${competitor.name}" is deactivated and cannot be chosen`, {
        fields: { competitorId: 'is deactivated' },
      });
    return { competitorId: competitor.id };
  }
  const name = (input.name ?? '').trim();
  if (name === '') throw invalid('name', 'is required when no competitorId is given');
  // a typed name that is on the global list (any case) is that competitor, not a one-off
  const known = await findCompetitorByName(db, name);
  return known?.active ? { competitorId: known.id } : { name };
}

/** O-15: lists a competitor on the opportunity, from the global list or as a one-off name. */
export function addOpportunityCompetitor({
  db,
  actor,
  opportunityId,
  input,
}: {
  db: Db;
  actor: Actor;
  opportunityId: number;
  input: CompetitorEntryInput;
}): Promise<OpportunityCompetitorRow> {
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
    return competitorEntry(db, opportunityId, entryId);
  });
}
