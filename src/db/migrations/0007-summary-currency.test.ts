// Migration 0007 on a database that already has opportunities: the summary totals get their
// currency from the rows, the triggers keep them per currency afterwards, and the decision-date
// index covers the currency.
import { Migrator, type Migration } from 'kysely';
import { expect, it } from 'vitest';
import { emptyDatabase } from '../../../test/helpers/database.ts';
import * as core from './0001-core.ts';
import * as defaults from './0002-defaults.ts';
import * as closings from './0003-closings.ts';
import * as competitors from './0004-competitors.ts';
import * as historyFollowUpsAttachments from './0005-history-followups-attachments.ts';
import * as viewsSearch from './0006-views-search.ts';
import * as opportunityTotals from './0006-opportunity-totals.ts';
import * as summaryCurrency from './0007-summary-currency.ts';

const before: Record<string, Migration> = {
  '0001-core': core,
  '0002-defaults': defaults,
  '0003-closings': closings,
  '0004-competitors': competitors,
  '0005-history-followups-attachments': historyFollowUpsAttachments,
  '0006-views-search': viewsSearch,
  '0006-opportunity-totals': opportunityTotals,
};

it('rebuilds the totals per currency from the existing rows and keeps them per currency after', async () => {
  const database = await emptyDatabase();
  try {
    const migrate = async (migrations: Record<string, Migration>) => {
      const migrator = new Migrator({
        db: database.db,
        provider: { getMigrations: () => Promise.resolve(migrations) },
        allowUnorderedMigrations: true,
      });
      const { error, results } = await migrator.migrateToLatest();
      expect(error).toBeUndefined();
      return (results ?? []).map((r) => r.migrationName);
    };
    const q = async (text: string, params: unknown[] = []) => (await database.pool.query(text, params)).rows;
    await migrate(before);

    const [user] = await q(
      "INSERT INTO users (name, initials, email, password_hash, role) VALUES ('Anne Berg', 'AB', 'anne@example.dk', 'x', 'seller') RETURNING id",
    );
    const [company] = await q("INSERT INTO companies (account_number, name) VALUES ('1000', 'Nordsø Vind A/S') RETURNING id");
    const [process] = await q("INSERT INTO sales_processes (name) VALUES ('Salg') RETURNING id");
    const insert = (
      number: number,
      status: string,
      amount: number,
      currency: string,
      probability: number,
      actual: number | null = null,
      deleted = false,
    ) =>
      q(
        `INSERT INTO opportunities (number, title, company_id, owner_id, process_id, status, amount, currency, probability, actual_amount, deleted_at)
         VALUES ($1, 'Aftale', $2, $3, $4, $5, $6, $7, $8, $9, ${deleted ? 'now()' : 'NULL'})`,
        [number, company.id, user.id, process.id, status, amount, currency, probability, actual],
      );
    await insert(1, 'open', 1000, 'DKK', 50);
    await insert(2, 'open', 200, 'EUR', 10);
    await insert(3, 'won', 3000, 'DKK', 100, 2800);
    await insert(4, 'won', 400, 'EUR', 100);
    await insert(5, 'lost', 50, 'SEK', 0);
    await insert(6, 'open', 999, 'DKK', 50, null, true);
    // before: one total per (owner, status), the currencies added together
    expect(await q("SELECT amount::float8 AS amount FROM opportunity_totals WHERE status = 'open'")).toEqual([{ amount: 1200 }]);

    expect(await migrate({ ...before, '0007-summary-currency': summaryCurrency })).toEqual(['0007-summary-currency']);
    const totals = () =>
      q(
        'SELECT status, currency, n::int AS n, amount::float8 AS amount, pipeline::float8 AS pipeline FROM opportunity_totals WHERE n <> 0 ORDER BY status, currency',
      );
    expect(await totals()).toEqual([
      { status: 'lost', currency: 'SEK', n: 1, amount: 50, pipeline: 0 },
      { status: 'open', currency: 'DKK', n: 1, amount: 1000, pipeline: 500 },
      { status: 'open', currency: 'EUR', n: 1, amount: 200, pipeline: 20 },
      { status: 'won', currency: 'DKK', n: 1, amount: 3000, pipeline: 2800 },
      { status: 'won', currency: 'EUR', n: 1, amount: 400, pipeline: 400 },
    ]);

    // the replaced trigger functions move a deal between currencies and add new ones under theirs
    await q("UPDATE opportunities SET currency = 'DKK' WHERE number = 2");
    await insert(7, 'open', 10, 'NOK', 100);
    await q('DELETE FROM opportunities WHERE number = 5');
    expect(await totals()).toEqual([
      { status: 'open', currency: 'DKK', n: 2, amount: 1200, pipeline: 520 },
      { status: 'open', currency: 'NOK', n: 1, amount: 10, pipeline: 10 },
      { status: 'won', currency: 'DKK', n: 1, amount: 3000, pipeline: 2800 },
      { status: 'won', currency: 'EUR', n: 1, amount: 400, pipeline: 400 },
    ]);

    const indexes = (
      await q(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'opportunities' AND indexname LIKE '%summary%' OR indexname = 'opportunities_currency_amount_idx' ORDER BY 1",
      )
    ).map((r) => r.indexname);
    expect(indexes).toEqual(['opportunities_currency_amount_idx', 'opportunities_decision_currency_summary_idx']);
  } finally {
    await database.close();
  }
});
