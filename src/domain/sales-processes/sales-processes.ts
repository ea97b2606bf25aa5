import type { Db } from '../../db/schema.ts';
import {
  findProcess,
  findProcessOrThrow,
  insertProcess,
  replaceStages,
  stagesInUse,
  updateProcess,
  type SalesProcess,
} from '../../db/sales-processes.ts';
import { claimVersion } from '../../db/versioned.ts';
import { AppError, invalid, notFound } from '../errors.ts';
import { isAdmin, type Actor } from '../auth/permissions.ts';

export type StageInput = { name: string; probability: number };

/** O-4: a process needs at least one stage, distinct stage names, probabilities 0–100. */
export function checkStages(stages: StageInput[]) {
  if (stages.length === 0) throw invalid('stages', 'a sales process needs at least one stage');
  const seen = new Set<string>();
  stages.forEach((stage, i) => {
    const key = stage.name.trim().toLocaleLowerCase('da');
    if (seen.has(key)) throw invalid(`stages.${i}.name`, `"${stage.name}" appears twice`);
    seen.add(key);
  });
}

/** O-4: admins define sales processes, each an ordered list of stages with default probabilities. */
export async function createSalesProcess({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: { name: string; isDefault?: boolean | undefined; stages: StageInput[] };
}): Promise<SalesProcess> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can define sales processes');
  checkStages(input.stages);
  const id = await insertProcess(db, { name: input.name, isDefault: input.isDefault ?? false, stages: input.stages });
  return findProcessOrThrow(db, id);
}

/** The process at `version`, its version moved on for the caller's write; else 404 or a 409 with the process as it is now. */
async function claimProcess(db: Db, actor: Actor, id: number, version: number): Promise<SalesProcess> {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', 'Only an admin can change sales processes');
  if (!(await findProcess(db, id))) throw notFound('Sales process', id);
  if (!(await claimVersion(db, 'sales_processes', id, version))) {
    throw new AppError('VERSION_CONFLICT', 'The sales process was changed by someone else. Reload and try again.', {
      current: await findProcess(db, id),
    });
  }
  return findProcessOrThrow(db, id);
}

export async function changeSalesProcess({
  db,
  actor,
  id,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  changes: { name?: string | undefined; active?: boolean | undefined; isDefault?: boolean | undefined };
}): Promise<SalesProcess> {
  const current = await claimProcess(db, actor, id, version);
  if (changes.isDefault === false && current.isDefault) throw invalid('isDefault', 'make another process the default instead');
  if (changes.active === false && (current.isDefault || changes.isDefault))
    throw invalid('active', 'the default process cannot be deactivated');
  await updateProcess(db, id, changes);
  return findProcessOrThrow(db, id);
}

export type StageEdit = { id?: number | undefined; name: string; probability: number };

/**
 * O-4: admins rename, re-order, re-weigh, add and remove stages. A stage that opportunities stand
 * on cannot be removed; open opportunities in stage mode follow a changed probability.
 */
export async function editStages({
  db,
  actor,
  id,
  version,
  stages,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  stages: StageEdit[];
}): Promise<SalesProcess> {
  // the stage list is replaced as a whole, so the process's version guards it
  const current = await claimProcess(db, actor, id, version);
  checkStages(stages);
  const known = new Set(current.stages.map((s) => s.id));
  stages.forEach((stage, i) => {
    if (stage.id !== undefined && !known.has(stage.id)) throw invalid(`stages.${i}.id`, `stage ${stage.id} is not a stage of this process`);
  });
  const kept = new Set(stages.map((s) => s.id).filter((v): v is number => v !== undefined));
  const removed = current.stages.filter((s) => !kept.has(s.id));
  const used = await stagesInUse(
    db,
    removed.map((s) => s.id),
  );
  const blocking = removed.filter((s) => (used.get(s.id) ?? 0) > 0);
  if (blocking.length) {
    const names = blocking.map((s) => `"${s.name}" (${used.get(s.id)} opportunities)`).join(', ');
    throw new AppError('IN_USE', `Move the opportunities off ${names} before removing it`, {
      fields: { stages: 'a removed stage is in use' },
    });
  }
  await replaceStages(
    db,
    id,
    stages,
    removed.map((s) => s.id),
  );
  return findProcessOrThrow(db, id);
}
