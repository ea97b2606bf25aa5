import type { Db } from './schema.ts';

export type Stage = { id: number; name: string; probability: number; position: number };
export type SalesProcess = { id: number; name: string; isDefault: boolean; active: boolean; stages: Stage[] };

export async function listProcesses(db: Db, ids?: number[]): Promise<SalesProcess[]> {
  let query = db.selectFrom('salesProcesses').select(['id', 'name', 'isDefault', 'active']).orderBy('isDefault', 'desc').orderBy('name');
  if (ids) query = query.where('id', 'in', ids.length ? ids : [0]);
  const processes = await query.execute();
  if (processes.length === 0) return [];
  const stages = await db
    .selectFrom('stages')
    .select(['id', 'processId', 'name', 'probability', 'position'])
    .where('processId', 'in', processes.map((p) => p.id))
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

export async function findDefaultProcess(db: Db): Promise<SalesProcess | undefined> {
  const row = await db.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirst();
  return row ? findProcess(db, row.id) : undefined;
}

export async function insertProcess(db: Db, input: { name: string; isDefault: boolean; stages: { name: string; probability: number }[] }) {
  if (input.isDefault) await db.updateTable('salesProcesses').set({ isDefault: false }).where('isDefault', '=', true).execute();
  const { id } = await db.insertInto('salesProcesses').values({ name: input.name, isDefault: input.isDefault }).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('stages')
    .values(input.stages.map((s, i) => ({ processId: id, name: s.name, probability: s.probability, position: i + 1 })))
    .execute();
  return id;
}

export async function updateProcess(db: Db, id: number, changes: { name?: string | undefined; active?: boolean | undefined; isDefault?: boolean | undefined }) {
  if (changes.isDefault) await db.updateTable('salesProcesses').set({ isDefault: false }).where('isDefault', '=', true).execute();
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length) await db.updateTable('salesProcesses').set(set).where('id', '=', id).execute();
}

export function findStage(db: Db, stageId: number) {
  return db.selectFrom('stages').select(['id', 'processId', 'name', 'probability', 'position']).where('id', '=', stageId).executeTakeFirst();
}
