import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type Stage = { id: number; name: string; probability: number; position: number };
/** `version` guards the process and its stage list, which is always replaced as a whole (O-25). */
export type SalesProcess = { id: number; name: string; isDefault: boolean; active: boolean; version: number; stages: Stage[] };

export async function listProcesses(db: Db, ids?: number[]): Promise<SalesProcess[]> {
  let query = db
    .selectFrom('salesProcesses')
    .select(['id', 'name', 'isDefault', 'active', 'version'])
    .orderBy('isDefault', 'desc')
    .orderBy('name');
  if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
  const processes = await query.execute();
  if (processes.length === 0) return [];
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'processId', 'name', 'probability', 'position'])
    .where(
      'processId',
      'in',
      processes.map((p) => p.id),
    )
    .orderBy('position')
    .execute();
  return processes.map((p) => ({
    ...p,
    stages: stages.filter((s) => s.processId === p.id).map(({ processId: _p, ...stage }) => stage),
  }));
}

export async function findProcess(db: Db, id: number): Promise<SalesProcess | undefined> {
  return (await listProcesses(db, [id]))[0];
}

/** One the caller just wrote, read back in its transaction: a missing row is a bug, not a 404. */
export async function findProcessOrThrow(db: Db, id: number): Promise<SalesProcess> {
  const process = await findProcess(db, id);
  if (!process) throw new Error(`Sales process ${String(id)} is missing right after it was written`);
  return process;
}

export async function findDefaultProcess(db: Db): Promise<SalesProcess | undefined> {
  const row = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirst();
  return row ? findProcess(db, row.id) : undefined;
}

export async function insertProcess(db: Db, input: { name: string; isDefault: boolean; stages: { name: string; probability: number }[] }) {
  if (input.isDefault) await db.updateTable('salesProcesses').set({ isDefault: false }).where('isDefault', '=', true).execute();
  const { id } = await db
    .insertInto('salesProcesses')
    .values({ name: input.name, isDefault: input.isDefault })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('stages')
    .values(input.stages.map((s, i) => ({ processId: id, name: s.name, probability: s.probability, position: i + 1 })))
    .execute();
  return id;
}

export async function updateProcess(
  db: Db,
  id: number,
  changes: { name?: string | undefined; active?: boolean | undefined; isDefault?: boolean | undefined },
) {
  // the process that stops being the default is changed too, so its version moves on
  if (changes.isDefault)
    await db
      .updateTable('salesProcesses')
      .set({ isDefault: false, version: sql`version + 1` })
      .where('isDefault', '=', true)
      .where('id', '<>', id)
      .execute();
  const set = Object.fromEntries(Object.entries(changes as Record<string, unknown>).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length) await db.updateTable('salesProcesses').set(set).where('id', '=', id).execute();
}

export function findStage(db: Db, stageId: number) {
  return db
    .selectFrom('stages')
    .select(['id', 'processId', 'name', 'probability', 'position'])
    .where('id', '=', stageId)
    .executeTakeFirst();
}

/** Stages of a process that opportunities (not deleted) stand on, with how many. */
export async function stagesInUse(db: Db, stageIds: number[]): Promise<Map<number, number>> {
  if (stageIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['stageId', db.fn.countAll<number>().as('n')])
    .where('stageId', 'in', stageIds)
    .where('deletedAt', 'is', null)
    .groupBy('stageId')
    .execute();
  return new Map(rows.map((r) => [r.stageId as number, r.n]));
}

/**
 * Writes a process's new stage list: updates kept stages, inserts new ones (with a to-do step on
 * every opportunity of the process), deletes removed ones, and numbers them 1…n in the given order.
 */
export async function replaceStages(
  db: Db,
  processId: number,
  stages: { id?: number | undefined; name: string; probability: number }[],
  removedIds: number[],
) {
  if (removedIds.length) await db.deleteFrom('stages').where('id', 'in', removedIds).execute();
  // move kept stages out of the way first: (process_id, position) is unique
  await db
    .updateTable('stages')
    .set({ position: sql`-position` })
    .where('processId', '=', processId)
    .execute();
  const added: { id: number; position: number }[] = [];
  for (const [index, stage] of stages.entries()) {
    const position = index + 1;
    if (stage.id !== undefined) {
      await db
        .updateTable('stages')
        .set({ name: stage.name, probability: stage.probability, position })
        .where('id', '=', stage.id)
        .execute();
    } else {
      const { id } = await db
        .insertInto('stages')
        .values({ processId, name: stage.name, probability: stage.probability, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      added.push({ id, position });
    }
  }
  // a new stage's step, to do, as it stands at the opportunity's stage (migration 0012): done for
  // opportunities already past it and for won ones
  for (const stage of added) {
    await sql`INSERT INTO opportunity_steps (opportunity_id, stage_id, state, changed_at)
              SELECT o.id, ${stage.id}, opportunity_step_state('todo', ${stage.position}, cs.position, o.status = 'won'), now()
              FROM opportunities o LEFT JOIN stages cs ON cs.id = o.stage_id
              WHERE o.process_id = ${processId}`.execute(db);
  }
  // O-6: open opportunities that follow their stage take its new probability
  await sql`UPDATE opportunities o SET probability = s.probability
            FROM stages s
            WHERE s.id = o.stage_id AND s.process_id = ${processId}
              AND o.status = 'open' AND o.probability_mode = 'stage' AND o.probability <> s.probability`.execute(db);
}
