// Steps, closing, reopening, copying, bulk changes and restoring (O-7 … O-14).
import type { Db } from '../../db/schema.ts';
import { findOpportunity, insertOpportunity, nextOpportunityNumber, softDeleteOpportunity, updateOpportunityRow, type OpportunityRow } from '../../db/opportunities.ts';
import { lockNumbering } from '../../db/companies.ts';
import { finishFollowUpTasks } from '../../db/follow-ups.ts';
import { findProcess } from '../../db/sales-processes.ts';
import {
  copyCompetitors,
  copyStepsAndSellers,
  findDeletedOpportunity,
  insertClosing,
  lastClosing,
  listSteps,
  markReopened,
  restoreOpportunityRow,
  saveSteps,
} from '../../db/opportunity-lifecycle.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { ensureGlobalCompetitor, isCompetitorOfOpportunity } from '../../db/competitors.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';
import { changeableOpportunity } from '../records/access.ts';
import { checkActiveEntries } from '../setup/active-entries.ts';
import { recordChanges, recordHistory, recordLifecycle } from '../history/history.ts';
import { closingChanges, reopeningChanges, type CloseInput } from './closing.ts';
import { currentStageId, stepsForStage, stepsWhenWon, type StepState } from './steps.ts';
import { nextProbability } from './rules.ts';

export const RESTORE_DAYS = 30;

/** Loads an opportunity the actor may change, whatever its status (404 when hidden, 403 when only readable). */
async function changeable(db: Db, actor: Actor, id: number, version?: number): Promise<OpportunityRow> {
  const current = await changeableOpportunity(db, actor, id);
  if (version !== undefined && version !== current.version) {
    throw new AppError('VERSION_CONFLICT', 'The opportunity was changed by someone else. Reload and try again.', { current });
  }
  return current;
}

async function save(db: Db, current: OpportunityRow, actor: Actor, changes: Parameters<typeof updateOpportunityRow>[4]) {
  if (!(await updateOpportunityRow(db, current.id, current.version, actor.id, changes))) {
    throw new AppError('VERSION_CONFLICT', 'The opportunity was changed by someone else. Reload and try again.', { current });
  }
}

async function stageProbability(db: Db, stageId: number | null): Promise<number | null> {
  if (stageId === null) return null;
  const row = await db.selectFrom('stages').select('probability').where('id', '=', stageId).executeTakeFirst();
  return row?.probability ?? null;
}

/** O-7: sets one step's state; the current stage (and, in stage mode, the probability) follows. */
export async function setStepState({ db, actor, id, stageId, state, version }: { db: Db; actor: Actor; id: number; stageId: number; state: StepState; version: number }) {
  // the steps have no version of their own: they move the opportunity's stage and probability, so its version guards them
  const current = await changeable(db, actor, id, version);
  if (current.status !== 'open') throw new AppError('OPPORTUNITY_CLOSED', `The opportunity is ${current.status}; steps change only while it is open`);
  const before = await listSteps(db, id);
  if (!before.some((s) => s.stageId === stageId)) throw notFound('Step', stageId);
  const after = before.map((s) => (s.stageId === stageId ? { ...s, state } : s));
  await saveSteps(db, id, before, after);
  const newStageId = currentStageId(after);
  const probability = nextProbability({ mode: current.probabilityMode, stageProbability: after.find((s) => s.stageId === newStageId)?.probability ?? null, current: current.probability });
  await save(db, current, actor, { stageId: newStageId, probability });
  const step = before.find((s) => s.stageId === stageId);
  if (step && step.state !== state) await recordHistory(db, 'opportunity', id, actor.id, [{ field: `step:${step.name}`, old: step.state, new: state }]);
  await recordChanges(db, 'opportunity', id, actor.id, current, (await findOpportunity(db, id)) as OpportunityRow);
  return listSteps(db, id);
}

/** Moving to a stage (board, stage picker): earlier steps done, later ones to do again. */
export async function moveStepsToStage(db: Db, opportunityId: number, stageId: number) {
  const before = await listSteps(db, opportunityId);
  await saveSteps(db, opportunityId, before, stepsForStage(before, stageId));
}

/** O-9, O-10: closes as won, lost or expired, with the dialog's fields and defaults; the close is kept. */
export async function closeOpportunity({ db, actor, id, input: given, today, version }: {
  db: Db;
  actor: Actor;
  id: number;
  input: CloseInput & { winnerEntryId?: number | undefined; finishFollowUps?: boolean | undefined };
  today: string;
  version?: number | undefined;
}) {
  const current = await changeable(db, actor, id, version);
  // the winner may be picked as an entry of the opportunity's competitor list (also a one-off name);
  // a closed deal needs no more chasing, so its open follow-up tasks are done unless the user keeps them
  const { winnerEntryId, finishFollowUps = true, ...input } = given;
  if (winnerEntryId !== undefined) {
    if (input.winnerCompetitorId !== undefined && input.winnerCompetitorId !== null) throw invalid('winnerEntryId', 'give either winnerEntryId or winnerCompetitorId');
    if (input.outcome !== 'lost') throw invalid('winnerEntryId', `does not apply when closing as ${input.outcome}`);
    input.winnerCompetitorId = await ensureGlobalCompetitor(db, winnerEntryId, id);
  }
  const changes = closingChanges(current, input, today);
  await checkActiveEntries(db, {
    winReasonId: ['win-reasons', input.winReasonId],
    lossReasonId: ['loss-reasons', input.lossReasonId],
  });
  if (changes.winnerCompetitorId !== null && !(await isCompetitorOfOpportunity(db, id, changes.winnerCompetitorId))) {
    throw new AppError('NOT_A_COMPETITOR', 'The winner must be one of the opportunity’s competitors', { fields: { winnerCompetitorId: 'is not a competitor on this opportunity' } });
  }
  let stageId = current.stageId;
  if (changes.status === 'won') {
    const before = await listSteps(db, id);
    const after = stepsWhenWon(before);
    await saveSteps(db, id, before, after);
    stageId = currentStageId(after);
  }
  await save(db, current, actor, { ...changes, stageId });
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
  const closed = (await findOpportunity(db, id)) as OpportunityRow;
  await recordChanges(db, 'opportunity', id, actor.id, current, closed); // O-24
  return closed;
}

/** O-11: opens a closed opportunity again; its close stays in the close history. */
export async function reopenOpportunity({ db, actor, id, version }: { db: Db; actor: Actor; id: number; version?: number | undefined }) {
  const current = await changeable(db, actor, id, version);
  const closing = await lastClosing(db, id);
  const changes = reopeningChanges(current, { stageProbability: await stageProbability(db, current.stageId), probabilityBeforeClosing: closing?.probabilityBefore ?? null });
  await save(db, current, actor, changes);
  if (closing) await markReopened(db, closing.id, actor.id);
  const reopened = (await findOpportunity(db, id)) as OpportunityRow;
  await recordChanges(db, 'opportunity', id, actor.id, current, reopened); // O-24
  return reopened;
}

/**
 * O-13: a copy with the steps, sellers and competitors (not activities or history): open, with a new
 * number. Copying is a change: only those who may change the original copy it.
 */
export async function copyOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const original = await changeableOpportunity(db, actor, id);
  const process = await findProcess(db, original.processId);
  const closing = original.status === 'open' ? null : await lastClosing(db, id);
  const probability =
    original.status === 'open'
      ? original.probability
      : nextProbability({
          mode: original.probabilityMode,
          stageProbability: process?.stages.find((s) => s.id === original.stageId)?.probability ?? null,
          current: closing?.probabilityBefore ?? 0,
        });
  await lockNumbering(db, 'opportunities.number');
  const copyId = await insertOpportunity(db, {
    number: await nextOpportunityNumber(db),
    title: original.title,
    description: original.description,
    companyId: original.companyId,
    contactId: original.contactId,
    ownerId: original.ownerId,
    processId: original.processId,
    stageId: original.stageId,
    probability,
    probabilityMode: original.probabilityMode,
    amount: original.amount,
    currency: original.currency,
    margin: original.margin,
    annualMargin: original.annualMargin,
    decisionDate: original.decisionDate,
    deliveryDate: original.deliveryDate,
    priority: original.priority,
    rating: original.rating,
    typeId: original.typeId,
    sourceId: original.sourceId,
    campaignId: original.campaignId,
    regionId: original.regionId,
    departmentId: original.departmentId,
    externalRef: original.externalRef,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  await copyStepsAndSellers(db, id, copyId);
  await copyCompetitors(db, id, copyId);
  const copy = (await findOpportunity(db, copyId)) as OpportunityRow;
  await recordLifecycle(db, 'opportunity', copyId, actor.id, 'created', `${copy.title} (copy of no. ${original.number})`); // O-24
  return copy;
}

/** O-14: soft delete. */
export async function deleteOne({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  const current = await changeable(db, actor, id);
  await softDeleteOpportunity(db, current.id, actor.id);
  await recordLifecycle(db, 'opportunity', id, actor.id, 'deleted', current.title); // O-24
}

/** O-14: an admin restores a deleted opportunity within 30 days. */
export async function restoreOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can restore deleted opportunities');
  const deleted = await findDeletedOpportunity(db, id);
  if (!deleted?.deletedAt) throw notFound('Deleted opportunity', id);
  if (Date.now() - deleted.deletedAt.getTime() > RESTORE_DAYS * 24 * 3600 * 1000) {
    throw new AppError('RESTORE_EXPIRED', `Deleted opportunities can be restored for ${RESTORE_DAYS} days`);
  }
  await restoreOpportunityRow(db, id, actor.id);
  const restored = (await findOpportunity(db, id)) as OpportunityRow;
  await recordHistory(db, 'opportunity', id, actor.id, [{ field: 'restored', old: null, new: restored.title }]); // O-24
  return restored;
}

export type BulkAction = 'won' | 'lost' | 'open' | 'delete';
export type BulkOptions = { lossReasonId?: number | undefined; winReasonId?: number | undefined };

/** O-12: one item of a bulk action, run by the caller in its own transaction. */
export async function bulkItem({ db, actor, id, action, options, today }: { db: Db; actor: Actor; id: number; action: BulkAction; options: BulkOptions; today: string }) {
  switch (action) {
    case 'won':
      return void (await closeOpportunity({ db, actor, id, today, input: { outcome: 'won', winReasonId: options.winReasonId } }));
    case 'lost':
      return void (await closeOpportunity({ db, actor, id, today, input: { outcome: 'lost', lossReasonId: options.lossReasonId } }));
    case 'open':
      return void (await reopenOpportunity({ db, actor, id }));
    case 'delete':
      return deleteOne({ db, actor, id });
    default:
      throw invalid('action', 'is not a bulk action');
  }
}
