// O-7, O-17 through an import update: steps and sellers move as an edit through the API moves them —
// when the stage or the owner changes, by the same statements — and not when a row repeats them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { createUser } from '../users/users.ts';
import { importFile } from './import-file.ts';

const FIELDS = ['externalId', 'title', 'companyAccountNumber', 'stage', 'owner', 'amount'];
const mapping = Object.fromEntries(FIELDS.map((f) => [f, f]));
const csv = (rows: string[][]) => Buffer.from([FIELDS.join(';'), ...rows.map((r) => r.join(';'))].join('\n'));

let database: Database;
let actor: { id: number; role: 'admin' };

beforeAll(async () => {
  database = await freshDatabase();
  const anna = await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Anna Admin', email: 'aa@moves.dk', password: 'a-long-password-1', role: 'admin' },
  });
  await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Bent Berg', email: 'bb@moves.dk', password: 'a-long-password-1', role: 'seller' },
  });
  await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Carl Carlsen', email: 'cc@moves.dk', password: 'a-long-password-1', role: 'seller' },
  });
  actor = { id: anna.id, role: 'admin' };
  await sql`INSERT INTO companies (account_number, name, owner_id, created_by, updated_by) VALUES ('62001', 'Flyt ApS', ${anna.id}, ${anna.id}, ${anna.id})`.execute(
    database.db,
  );
});
afterAll(() => database.close());

const load = async (rows: string[][]) => {
  const result = await importFile({
    db: database.db,
    copyPool: null,
    actor,
    resource: 'opportunities',
    data: csv(rows),
    mapping,
    dryRun: false,
    baseCurrency: 'DKK',
    today: '2026-12-06',
  });
  expect(result.errors).toEqual([]);
  return result;
};

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(database.db)).rows;
const idOf = async (ref: string) => (await q(sql<{ id: number }>`SELECT id FROM opportunities WHERE external_ref = ${ref}`))[0]?.id ?? 0;
const stepsOf = async (ref: string) =>
  (
    await q(
      sql<{
        state: string;
      }>`SELECT st.state FROM opportunity_steps st JOIN stages s ON s.id = st.stage_id WHERE st.opportunity_id = ${await idOf(ref)} ORDER BY s.position`,
    )
  ).map((r) => r.state);
const setStep = async (ref: string, stage: string, state: string) =>
  q(
    sql`UPDATE opportunity_steps SET state = ${state} WHERE opportunity_id = ${await idOf(ref)} AND stage_id = (SELECT id FROM stages WHERE name = ${stage} AND process_id = (SELECT process_id FROM opportunities WHERE external_ref = ${ref}))`,
  );
const sellersOf = async (ref: string) =>
  (
    await q(
      sql<{
        seller: string;
      }>`SELECT u.email || ' ' || x.share AS seller FROM opportunity_sellers x JOIN users u ON u.id = x.user_id WHERE x.opportunity_id = ${await idOf(ref)} ORDER BY x.position`,
    )
  ).map((r) => r.seller);
const setSellers = async (ref: string, sellers: [string, number][]) => {
  const id = await idOf(ref);
  await q(sql`DELETE FROM opportunity_sellers WHERE opportunity_id = ${id}`);
  for (const [i, [email, share]] of sellers.entries()) {
    await q(
      sql`INSERT INTO opportunity_sellers (opportunity_id, user_id, share, position) SELECT ${id}, id, ${share}, ${i + 1} FROM users WHERE email = ${email}`,
    );
  }
};

describe('an import update moves steps and sellers as an edit does (O-7, O-17)', () => {
  it('changes them when the stage or the owner changes, and leaves them when the row repeats them', async () => {
    await load([
      ['M-1', 'Flyt fase', '62001', 'Qualified', 'aa@moves.dk', '1000'],
      ['M-2', 'Samme fase', '62001', 'Qualified', 'aa@moves.dk', '1000'],
      ['M-3', 'Ny ejer', '62001', 'Prospect', 'aa@moves.dk', '1000'],
      ['M-4', 'Flere sælgere', '62001', 'Prospect', 'aa@moves.dk', '1000'],
    ]);
    // what sellers did in the app meanwhile: a step skipped, one done ahead, the selling handed on or shared
    await setStep('M-1', 'Quote sent', 'cancelled');
    await setStep('M-2', 'Negotiation', 'done');
    await setSellers('M-2', [['bb@moves.dk', 100]]);
    await setSellers('M-4', [
      ['aa@moves.dk', 60],
      ['cc@moves.dk', 40],
    ]);

    await load([
      ['M-1', 'Flyt fase', '62001', 'Quote sent', 'aa@moves.dk', '1000'],
      ['M-2', 'Samme fase', '62001', 'Qualified', 'aa@moves.dk', '2000'],
      ['M-3', 'Ny ejer', '62001', 'Prospect', 'bb@moves.dk', '1000'],
      ['M-4', 'Flere sælgere', '62001', 'Prospect', 'bb@moves.dk', '1000'],
    ]);
    // moved to a stage that was cancelled: the seller's choice, so it is to do again (as the board does)
    expect(await stepsOf('M-1')).toEqual(['done', 'done', 'todo', 'todo']);
    // the same stage and owner again: nothing of the steps or the sellers changes
    expect(await stepsOf('M-2')).toEqual(['done', 'todo', 'todo', 'done']);
    expect(await sellersOf('M-2')).toEqual(['bb@moves.dk 100.00']);
    // a new owner replaces a lone seller at 100 %, and changes no share of several
    expect(await sellersOf('M-3')).toEqual(['bb@moves.dk 100.00']);
    expect(await sellersOf('M-4')).toEqual(['aa@moves.dk 60.00', 'cc@moves.dk 40.00']);
  });
});
