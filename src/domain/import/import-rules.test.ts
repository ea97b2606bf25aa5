// L-7, issue 18: an imported row goes through the API's rules. A follow-up date creates its task
// (O-21), an update writes its change history (O-24), a deal that arrives closed gets its close kept
// as closing it through the API keeps it (O-9, O-10). On a PostgreSQL server new opportunities are
// written by COPY, on PGlite by INSERT: both must write the same.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeDatabases, freshDatabase } from '../../../test/helpers/database.ts';
import type { Database } from '../../db/connect.ts';
import { createUser } from '../users/users.ts';
import { importFile } from './import-file.ts';

const FIELDS = [
  'externalId',
  'title',
  'description',
  'companyAccountNumber',
  'stage',
  'status',
  'amount',
  'decisionDate',
  'closeDate',
  'followUpDate',
];
const mapping = Object.fromEntries(FIELDS.map((f) => [f, f]));
const csv = (rows: string[][]) =>
  Buffer.from([FIELDS.join(';'), ...rows.map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(';'))].join('\n'));

const first = csv([
  ['R-1', 'Ny færge', 'Ring om tilbuddet\nog prisen', '61001', 'Qualified', '', '1000', '2027-01-31', '', '2026-12-10'],
  ['R-2', 'Vundet rute', '', '61001', 'Prospect', 'won', '2500', '2026-11-30', '', '2026-12-01'],
  ['R-3', 'Tabt rute', '', '61001', '', 'lost', '700', '', '2026-10-01', ''],
]);
// R-1 changes amount, stage and follow-up date; R-2 is closed and left alone (O-11)
const second = csv([
  ['R-1', 'Ny færge', '', '61001', 'Quote sent', '', '1500', '', '', '2026-12-20'],
  ['R-2', 'Vundet rute', '', '61001', '', '', '9999', '', '', ''],
]);

async function prepare(database: Database) {
  const admin = await createUser({
    db: database.db,
    actor: null,
    input: { name: 'Ida Import', email: 'ida@rules.dk', password: 'a-long-password-1', role: 'admin' },
  });
  await sql`INSERT INTO companies (account_number, name, owner_id, created_by, updated_by) VALUES ('61001', 'Regel firma', ${admin.id}, ${admin.id}, ${admin.id})`.execute(
    database.db,
  );
  return { id: admin.id, role: 'admin' as const };
}

const load = (database: Database, actor: { id: number; role: 'admin' }, data: Buffer, copy: boolean) =>
  importFile({
    db: database.db,
    copyPool: copy ? database.pool : null,
    actor,
    resource: 'opportunities',
    data,
    mapping,
    dryRun: false,
    baseCurrency: 'DKK',
    today: '2026-12-06',
  });

/** What the rules wrote, by external id instead of ids, without write times. */
async function effects(database: Database) {
  const { rows } = await sql<{ part: string }>`
    SELECT format('task %s %s %s %s %s %s', o.external_ref, a.due_date, a.done, a.subject, replace(a.text, E'\n', '/'), a.owner_id = o.owner_id AND a.company_id = o.company_id) AS part
    FROM activities a JOIN opportunities o ON o.id = a.opportunity_id WHERE a.type = 'task'
    UNION ALL
    SELECT format('follow-up %s %s %s', o.external_ref, f.follow_up_date, f.activity_id IS NOT NULL) FROM opportunity_follow_ups f JOIN opportunities o ON o.id = f.opportunity_id
    UNION ALL
    SELECT format('closing %s %s %s %s %s', o.external_ref, c.outcome, c.close_date, c.actual_amount, c.probability_before) FROM opportunity_closings c JOIN opportunities o ON o.id = c.opportunity_id
    UNION ALL
    SELECT format('history %s %s %s %s', o.external_ref, h.field, coalesce(h.old_value, '-'), coalesce(h.new_value, '-'))
    FROM change_history h JOIN opportunities o ON o.id = h.entity_id WHERE h.entity = 'opportunity'
    UNION ALL
    SELECT format('step %s %s %s', o.external_ref, s.name, st.state) FROM opportunity_steps st JOIN stages s ON s.id = st.stage_id JOIN opportunities o ON o.id = st.opportunity_id
    UNION ALL
    SELECT format('opportunity %s %s %s %s %s %s', o.external_ref, o.status, o.probability, o.close_date, o.actual_amount, s.name) FROM opportunities o LEFT JOIN stages s ON s.id = o.stage_id
    ORDER BY 1`.execute(database.db);
  return rows.map((r) => r.part);
}

describe("an import row goes through the API's rules (L-7, O-21, O-24, O-9)", () => {
  let database: Database;
  let actor: { id: number; role: 'admin' };
  beforeAll(async () => {
    database = await freshDatabase();
    actor = await prepare(database);
  });
  afterAll(() => database.close());

  it('creates the follow-up tasks, closes the closed deals with their close kept, and records the changes of an update', async () => {
    const onServer = database.mode === 'postgres';
    expect(await load(database, actor, first, onServer)).toMatchObject({ created: 3, errors: [] });
    const afterFirst = await effects(database);
    expect(afterFirst.filter((p) => !p.startsWith('history') && !p.startsWith('step'))).toEqual([
      'closing R-2 won 2026-11-30 2500.00 10',
      // the probability it had before closing, as the API keeps it: its stage's
      'closing R-3 lost 2026-10-01  10',
      'follow-up R-1 2026-12-10 t',
      'follow-up R-2 2026-12-01 t',
      'opportunity R-1 open 25   Qualified',
      'opportunity R-2 won 100 2026-11-30 2500.00 Negotiation',
      'opportunity R-3 lost 0 2026-10-01  Prospect',
      // O-21: text = the description (title if empty), subject its first line; a closed deal's task is done, as closing finishes it
      'task R-1 2026-12-10 f Ring om tilbuddet Ring om tilbuddet/og prisen t',
      'task R-2 2026-12-01 t Vundet rute Vundet rute t',
    ]);
    // O-9: winning completes the process
    expect(afterFirst.filter((p) => p.startsWith('step R-2'))).toEqual([
      'step R-2 Negotiation done',
      'step R-2 Prospect done',
      'step R-2 Qualified done',
      'step R-2 Quote sent done',
    ]);

    expect(await load(database, actor, second, onServer)).toMatchObject({ created: 0, updated: 1, skipped: 1, errors: [] });
    const afterSecond = await effects(database);
    const added = afterSecond.filter((p) => !afterFirst.includes(p));
    expect(added.filter((p) => !p.startsWith('history R-1 stageId'))).toEqual([
      'follow-up R-1 2026-12-20 t',
      'history R-1 amount 1000 1500',
      'history R-1 followUpDate 2026-12-10 2026-12-20',
      'history R-1 probability 25 50',
      'opportunity R-1 open 50   Quote sent',
      'step R-1 Qualified done',
      // the description the file left empty is kept, and is the task's text
      'task R-1 2026-12-20 f Ring om tilbuddet Ring om tilbuddet/og prisen t',
    ]);
    expect(added.filter((p) => p.startsWith('history R-1 stageId'))).toHaveLength(1);
  });
});

describe.runIf(Boolean(inject('serverUrl')))('the rules on both write paths of a PostgreSQL server (L-7)', () => {
  let byCopy: Database;
  let byInsert: Database;
  const actors = new Map<Database, { id: number; role: 'admin' }>();
  beforeAll(async () => {
    [byCopy, byInsert] = await Promise.all([freshDatabase(), freshDatabase()]);
    actors.set(byCopy, await prepare(byCopy));
    actors.set(byInsert, await prepare(byInsert));
  });
  afterAll(async () => {
    await closeDatabases(byCopy, byInsert);
  });

  it('writes the same tasks, follow-ups, closes, history and steps by COPY as by INSERT', async () => {
    for (const file of [first, second]) {
      expect(await load(byCopy, actors.get(byCopy)!, file, true)).toEqual(await load(byInsert, actors.get(byInsert)!, file, false));
      expect(await effects(byCopy)).toEqual(await effects(byInsert));
    }
    expect((await effects(byCopy)).filter((p) => p.startsWith('closing') || p.startsWith('task'))).toHaveLength(5);
  });
});
