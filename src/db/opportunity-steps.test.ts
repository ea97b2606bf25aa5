// O-7 parity: each case of the step rule (opportunity_step_state, migration 0012) through the
// statements that write steps: a new opportunity's (create, import INSERT and COPY), a move to another
// stage (edit, board, import update), winning, and a stage added to the process. The current stage
// read back from the states (currentStageId, the other half of O-7) must be the one moved to.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/helpers/database.ts';
import { currentStageId, type StepState } from '../domain/opportunities/steps.ts';
import type { Database } from './connect.ts';
import { listSteps } from './opportunity-lifecycle.ts';
import { alignSteps, insertOpportunity, insertSteps } from './opportunities.ts';
import { findDefaultProcess, replaceStages, type Stage } from './sales-processes.ts';
import type { OpportunityStatus } from './schema.ts';

let database: Database;
let stages: Stage[]; // the default process: Prospect, Qualified, Quote sent, Negotiation (positions 1–4)
let processId: number;
let companyId: number;
let ownerId: number;
let number = 0;

beforeAll(async () => {
  database = await freshDatabase();
  const { db } = database;
  ({ id: ownerId } = await db
    .insertInto('users')
    .values({ name: 'Trine Trin', initials: 'TT', email: 'tt@steps.dk', passwordHash: 'x', role: 'seller' })
    .returning('id')
    .executeTakeFirstOrThrow());
  ({ id: companyId } = await db
    .insertInto('companies')
    .values({ accountNumber: '30001', name: 'Trin ApS' })
    .returning('id')
    .executeTakeFirstOrThrow());
  const process = await findDefaultProcess(db);
  if (!process) throw new Error('no default process');
  ({ stages, id: processId } = process);
});
afterAll(() => database.close());

const stageAt = (position: number) => stages[position - 1]?.id ?? 0;

/** An opportunity at the stage at `at` (1-based), with the given step states or none. */
async function opportunity(at: number, status: OpportunityStatus, states?: readonly StepState[]) {
  const { db } = database;
  number += 1;
  const id = await insertOpportunity(db, { number, title: `Trin ${number}`, companyId, ownerId, processId, stageId: stageAt(at), status });
  if (states)
    await db
      .insertInto('opportunitySteps')
      .values(states.map((state, i) => ({ opportunityId: id, stageId: stageAt(i + 1), state })))
      .execute();
  return id;
}

const statesOf = async (id: number) => (await listSteps(database.db, id)).map((s) => s.state);
const currentOf = async (id: number) => currentStageId(await listSteps(database.db, id));

describe("a new opportunity's steps (O-7)", () => {
  it.each([
    ['open at the first stage: all to do', 1, 'open', ['todo', 'todo', 'todo', 'todo'], 1],
    ['open at the third stage: the two before done', 3, 'open', ['done', 'done', 'todo', 'todo'], 3],
    ['open at the last stage', 4, 'open', ['done', 'done', 'done', 'todo'], 4],
    ['won: every step done, standing on the last', 2, 'won', ['done', 'done', 'done', 'done'], 4],
    ['lost at the second stage: as it stood', 2, 'lost', ['done', 'todo', 'todo', 'todo'], 2],
  ] as const)('%s', async (_name, at, status, expected, current) => {
    const id = await opportunity(at, status);
    await insertSteps(database.db, [id]);
    expect(await statesOf(id)).toEqual(expected);
    expect(await currentOf(id)).toBe(stageAt(current));
  });
});

describe('moving to another stage (O-7)', () => {
  it.each([
    ['forward from the start', ['todo', 'todo', 'todo', 'todo'], 3, ['done', 'done', 'todo', 'todo']],
    ['backward undoes later done steps', ['done', 'done', 'done', 'todo'], 2, ['done', 'todo', 'todo', 'todo']],
    ['cancelled steps before stay cancelled', ['cancelled', 'todo', 'todo', 'todo'], 3, ['cancelled', 'done', 'todo', 'todo']],
    ['cancelled steps after stay cancelled', ['todo', 'todo', 'cancelled', 'todo'], 2, ['done', 'todo', 'cancelled', 'todo']],
    ['a cancelled target becomes to do', ['done', 'cancelled', 'todo', 'todo'], 2, ['done', 'todo', 'todo', 'todo']],
    ['a later step done out of order is undone', ['todo', 'todo', 'todo', 'done'], 2, ['done', 'todo', 'todo', 'todo']],
    ['to the last stage', ['done', 'todo', 'todo', 'todo'], 4, ['done', 'done', 'done', 'todo']],
  ] as const)('%s', async (_name, before, to, expected) => {
    const id = await opportunity(1, 'open', before);
    await database.db
      .updateTable('opportunities')
      .set({ stageId: stageAt(to) })
      .where('id', '=', id)
      .execute();
    await alignSteps(database.db, [id]);
    expect(await statesOf(id)).toEqual(expected);
    expect(await currentOf(id)).toBe(stageAt(to));
  });

  it('writes the change time only of the steps that change', async () => {
    const id = await opportunity(1, 'open', ['done', 'cancelled', 'todo', 'todo']);
    await sql`UPDATE opportunity_steps SET changed_at = '2026-01-01' WHERE opportunity_id = ${id}`.execute(database.db);
    await database.db
      .updateTable('opportunities')
      .set({ stageId: stageAt(4) })
      .where('id', '=', id)
      .execute();
    await alignSteps(database.db, [id]);
    const { rows } = await sql<{ state: string; moved: boolean }>`
      SELECT st.state, st.changed_at > '2026-01-01' AS moved FROM opportunity_steps st JOIN stages s ON s.id = st.stage_id
      WHERE st.opportunity_id = ${id} ORDER BY s.position`.execute(database.db);
    expect(rows).toEqual([
      { state: 'done', moved: false },
      { state: 'cancelled', moved: false },
      { state: 'done', moved: true },
      { state: 'todo', moved: false },
    ]);
  });
});

describe('winning (O-7, O-9)', () => {
  it.each([
    [
      'every step still to do is done, cancelled ones stay',
      ['done', 'cancelled', 'todo', 'todo'],
      ['done', 'cancelled', 'done', 'done'],
      4,
    ],
    [
      'a cancelled last step: standing on the last done one',
      ['done', 'todo', 'todo', 'cancelled'],
      ['done', 'done', 'done', 'cancelled'],
      3,
    ],
  ] as const)('%s', async (_name, before, expected, current) => {
    const id = await opportunity(2, 'open', before);
    await alignSteps(database.db, [id], { won: true });
    expect(await statesOf(id)).toEqual(expected);
    expect(await currentOf(id)).toBe(stageAt(current));
  });
});

describe('a stage added to the process (O-7)', () => {
  it('is done for opportunities past it and won ones, to do for the others', async () => {
    const early = await opportunity(1, 'open', ['todo', 'todo', 'todo', 'todo']);
    const late = await opportunity(4, 'open', ['done', 'done', 'done', 'todo']);
    const won = await opportunity(4, 'won', ['done', 'done', 'done', 'done']);
    // "Demo" between Qualified and Quote sent
    const kept = stages.map((s) => ({ id: s.id, name: s.name, probability: s.probability }));
    await replaceStages(database.db, processId, [...kept.slice(0, 2), { name: 'Demo', probability: 40 }, ...kept.slice(2)], []);
    expect(await statesOf(early)).toEqual(['todo', 'todo', 'todo', 'todo', 'todo']);
    expect(await statesOf(late)).toEqual(['done', 'done', 'done', 'done', 'todo']);
    expect(await statesOf(won)).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(await currentOf(late)).toBe(stageAt(4));
  });
});
