import type { Db } from '../../db/schema.ts';
import { alignSteps, type OpportunityRow } from '../../db/opportunities.ts';
import { finishFollowUpTasks } from '../../db/follow-ups.ts';
import { insertClosing, listSteps } from '../../db/opportunity-lifecycle.ts';
import { ensureGlobalCompetitor, isCompetitorOfOpportunity } from '../../db/competitors.ts';
import { AppError, invalid } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { checkActiveEntries } from '../setup/active-entries.ts';
import { recordChanges } from '../history/history.ts';
import { closingChanges, type CloseInput } from './closing.ts';
import { currentStageId } from './steps.ts';
import { changeableAtVersion, reloadOpportunity, saveOpportunity } from './opportunity-writes.ts';

/** O-9, O-10: closes as won, lost or expired, with the dialog's fields and defaults; the close is kept. */
export async function closeOpportunity({
  db,
  actor,
  id,
  input: given,
  today,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  input: CloseInput & { winnerEntryId?: number | undefined; finishFollowUps?: boolean | undefined };
  today: string;
  version?: number | undefined;
}): Promise<OpportunityRow> {
  const current = await changeableAtVersion(db, actor, id, version);
  // the winner may be picked as an entry of the opportunity's competitor list (also a one-off name);
  // a closed deal needs no more chasing, so its open follow-up tasks are done unless the user keeps them
  const { winnerEntryId, finishFollowUps = true, ...input } = given;
  if (winnerEntryId !== undefined) {
    if (input.winnerCompetitorId !== undefined && input.winnerCompetitorId !== null)
      throw invalid('winnerEntryId', 'give either winnerEntryId or winnerCompetitorId');
    if (input.outcome !== 'lost') throw invalid('winnerEntryId', `does not apply when closing as ${input.outcome}`);
    const winner = await ensureGlobalCompetitor(db, winnerEntryId, id);
    if (winner === null) {
      throw new AppError('NOT_A_COMPETITOR', `Competitor entry ${winnerEntryId} is not one of the opportunity's competitors`, {
        fields: { winnerCompetitorId: 'is not a competitor on this opportunity' },
      });
    }
    input.winnerCompetitorId = winner;
  }
  const changes = closingChanges(current, input, today);
  await checkActiveEntries(db, {
    winReasonId: ['win-reasons', input.winReasonId],
    lossReasonId: ['loss-reasons', input.lossReasonId],
  });
  if (changes.winnerCompetitorId !== null && !(await isCompetitorOfOpportunity(db, id, changes.winnerCompetitorId))) {
    throw new AppError('NOT_A_COMPETITOR', 'The winner must be one of the opportunity’s competitors', {
      fields: { winnerCompetitorId: 'is not a competitor on this opportunity' },
    });
  }
  let stageId = current.stageId;
  if (changes.status === 'won') {
    // winning completes the process: every step still to do is done
    await alignSteps(db, [id], { won: true });
    stageId = currentStageId(await listSteps(db, id));
  }
  await saveOpportunity(db, current, actor, { ...changes, stageId });
  await insertClosing(db, {
    opportunityId: id,
    outcome: changes.status,
    closeDate: changes.closeDate,
    actualAmount: changes.actualAmount,
    deliveryDate: changes.deliveryDate ?? current.deliveryDate,
    winReasonId: changes.winReasonId,
    lossReasonId: changes.lossReasonId,
    winnerCompetitorId: changes.winnerCompetitorId,
    note: changes.closeNote,
    probabilityBefore: current.probability,
    closedBy: actor.id,
  });
  if (finishFollowUps) await finishFollowUpTasks(db, id, actor.id);
  const closed = await reloadOpportunity(db, id);
  await recordChanges(db, 'opportunity', id, actor.id, current, closed); // O-24
  return closed;
}
