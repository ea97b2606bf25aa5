import type { Db } from '../../db/schema.ts';
import { listSteps, saveSteps, type StepRow } from '../../db/opportunity-lifecycle.ts';
import { AppError, notFound } from '../errors.ts';
import type { Actor } from '../auth/permissions.ts';
import { recordChanges, recordHistory } from '../history/history.ts';
import { nextProbability } from './rules.ts';
import { currentStageId, type StepState } from './steps.ts';
import { changeableAtVersion, reloadOpportunity, saveOpportunity } from './opportunity-writes.ts';

/** O-7: sets one step's state; the current stage (and, in stage mode, the probability) follows. */
export async function setStepState({
  db,
  actor,
  id,
  stageId,
  state,
  version,
}: {
  db: Db;
  actor: Actor;
  id: number;
  stageId: number;
  state: StepState;
  version: number;
}): Promise<StepRow[]> {
  // the steps have no version of their own: they move the opportunity's stage and probability, so its version guards them
  const current = await changeableAtVersion(db, actor, id, version);
  if (current.status !== 'open')
    throw new AppError('OPPORTUNITY_CLOSED', `The opportunity is ${current.status}; steps change only while it is open`);
  const before = await listSteps(db, id);
  if (!before.some((s) => s.stageId === stageId)) throw notFound('Step', stageId);
  const after = before.map((s) => (s.stageId === stageId ? { ...s, state } : s));
  await saveSteps(db, id, before, after);
  const newStageId = currentStageId(after);
  const probability = nextProbability({
    mode: current.probabilityMode,
    stageProbability: after.find((s) => s.stageId === newStageId)?.probability ?? null,
    current: current.probability,
  });
  await saveOpportunity(db, current, actor, { stageId: newStageId, probability });
  const step = before.find((s) => s.stageId === stageId);
  if (step && step.state !== state)
    await recordHistory(db, 'opportunity', id, actor.id, [{ field: `step:${step.name}`, old: step.state, new: state }]);
  await recordChanges(db, 'opportunity', id, actor.id, current, await reloadOpportunity(db, id));
  return listSteps(db, id);
}
