import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/connect.ts';
import { closeDatabases, freshDatabase } from '../../../test/helpers/database.ts';
import type { DB } from '../../db/schema.ts';
import { verifyPassword } from '../auth/password.ts';
import { validateOrgNumber } from '../companies/org-number.ts';
import { DEMO_PASSWORD, loadDemoData, type DemoCounts } from './load-demo.ts';

// One database loaded for a fixed day in a transaction of its own, and one loaded for the real today
// inside the caller's transaction (as the setup page and the CLI do) after a load that fails halfway:
// the data is the same apart from where "today" falls.
const TODAY = '2026-03-16';

let fixed: Database;
let current: Database;
let counts: DemoCounts;
let currentCounts: DemoCounts;
let failedLoad: unknown;

const rows = async <T>(db: Kysely<DB>, query: RawBuilder<T>): Promise<T[]> => (await query.execute(db)).rows;
const one = async <T>(db: Kysely<DB>, query: RawBuilder<T>): Promise<T> => {
  const [row] = await rows(db, query);
  if (row === undefined) throw new Error('no row');
  return row;
};

beforeAll(async () => {
  [fixed, current] = await Promise.all([freshDatabase(), freshDatabase()]);
  counts = await loadDemoData({ db: fixed.db, today: TODAY });

  // every new activity breaks this constraint, so the load fails after most rows are written
  await sql`ALTER TABLE activities ADD CONSTRAINT demo_test_blocks CHECK (false) NOT VALID`.execute(current.db);
  failedLoad = await loadDemoData({ db: current.db }).catch((error: unknown) => error);
  await sql`ALTER TABLE activities DROP CONSTRAINT demo_test_blocks`.execute(current.db);
  currentCounts = await current.db.transaction().execute((trx) => loadDemoData({ db: trx }));
}, 120_000);

afterAll(async () => {
  await closeDatabases(fixed, current);
});

describe('loadDemoData', () => {
  it('answers the counts it wrote, in the expected ranges', async () => {
    const inDb = await one(
      fixed.db,
      sql<DemoCounts>`SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM companies) AS companies,
        (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM opportunities) AS opportunities,
        (SELECT count(*) FROM activities) AS activities`,
    );
    expect(inDb).toEqual(counts);
    expect(counts.users).toBe(5);
    expect(counts.companies).toBe(200);
    expect(counts.contacts).toBeGreaterThanOrEqual(450);
    expect(counts.contacts).toBeLessThanOrEqual(560);
    expect(counts.opportunities).toBe(400);
    expect(counts.activities).toBeGreaterThanOrEqual(700);
    expect(counts.activities).toBeLessThanOrEqual(950);
  });

  it('makes four sellers and a manager who sign in with the demo password', async () => {
    const users = await fixed.db
      .selectFrom('users')
      .select(['email', 'role', 'regionId', 'language', 'passwordHash'])
      .orderBy('id')
      .execute();
    expect(users.map((user) => user.role)).toEqual(['seller', 'seller', 'seller', 'seller', 'manager']);
    expect(users.every((user) => user.email.endsWith('@demo.trakt.example') && user.regionId !== null)).toBe(true);
    expect(new Set(users.map((user) => user.language))).toEqual(new Set(['da', 'nb', 'sv', 'en']));
    expect(await verifyPassword(users[0]?.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(users[0]?.passwordHash ?? '', 'wrong-password-123')).toBe(false);
  });

  it('spreads companies over the Nordic countries with valid, normalised and unique organisation numbers', async () => {
    const companies = await fixed.db
      .selectFrom('companies')
      .select(['country', 'orgNumber', 'accountNumber', 'status', 'customerNumber', 'ownerId'])
      .orderBy('id')
      .execute();
    const byCountry = (code: string) => companies.filter((company) => company.country === code).length;
    for (const code of ['DK', 'NO', 'SE']) expect(byCountry(code), code).toBeGreaterThanOrEqual(40);
    expect(byCountry('FI') + byCountry('DE')).toBeGreaterThanOrEqual(2);
    expect(byCountry('FI') + byCountry('DE')).toBeLessThanOrEqual(25);

    const nordic = companies.filter((company) => ['DK', 'NO', 'SE'].includes(company.country ?? ''));
    for (const company of nordic) {
      const result = validateOrgNumber(company.country ?? '', company.orgNumber ?? '');
      expect(result, `${company.country} ${company.orgNumber}`).toMatchObject({ ok: true, normalized: company.orgNumber });
    }
    expect(new Set(companies.map((company) => company.orgNumber)).size).toBe(companies.length);

    expect(companies.map((company) => company.accountNumber)).toEqual(Array.from({ length: 200 }, (_, i) => String(10001 + i)));
    const customers = companies.filter((company) => company.status === 'active');
    expect(customers.length).toBeGreaterThanOrEqual(35);
    expect(customers.length).toBeLessThanOrEqual(65);
    expect(customers.every((company) => company.customerNumber !== null)).toBe(true);
    expect(companies.filter((company) => company.status === 'prospect').every((company) => company.customerNumber === null)).toBe(true);
    expect(companies.every((company) => company.ownerId !== null)).toBe(true);

    const interests = await one(
      fixed.db,
      sql<{ companies: number }>`SELECT count(DISTINCT company_id) AS companies FROM company_interest_types`,
    );
    expect(interests.companies).toBeGreaterThan(100);
  });

  it('gives every company exactly one primary contact and one default reference', async () => {
    const perCompany = await rows(
      fixed.db,
      sql<{ contacts: number; primaries: number; refs: number }>`SELECT count(ct.id) AS contacts,
        count(ct.id) FILTER (WHERE ct.is_primary) AS primaries, count(ct.id) FILTER (WHERE ct.is_default_reference) AS refs
        FROM companies c LEFT JOIN contacts ct ON ct.company_id = c.id GROUP BY c.id`,
    );
    expect(perCompany).toHaveLength(200);
    for (const company of perCompany) {
      expect(company.contacts).toBeGreaterThanOrEqual(2);
      expect(company.contacts).toBeLessThanOrEqual(3);
      expect(company.primaries).toBe(1);
      expect(company.refs).toBe(1);
    }
  });

  it('numbers opportunities 1 to 400 with 60 % open, 20 % won, 15 % lost and 5 % expired', async () => {
    const numbers = await fixed.db.selectFrom('opportunities').select('number').orderBy('number').execute();
    expect(numbers.map((row) => row.number)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1));
    const statuses = await rows(
      fixed.db,
      sql<{ status: string; count: number }>`SELECT status, count(*) AS count FROM opportunities GROUP BY status ORDER BY status`,
    );
    expect(statuses).toEqual([
      { status: 'expired', count: 20 },
      { status: 'lost', count: 60 },
      { status: 'open', count: 240 },
      { status: 'won', count: 80 },
    ]);
  });

  it('keeps probability, amounts and closing fields consistent with the status', async () => {
    const opportunities = await rows(
      fixed.db,
      sql<{
        number: number;
        status: string;
        probability: number;
        stageProbability: number;
        amount: number;
        margin: number;
        currency: string;
        country: string;
        actualAmount: number | null;
        closeDate: string | null;
        winReasonId: number | null;
        lossReasonId: number | null;
        decisionDate: string;
        createdDate: string;
        contactCompany: number;
        companyId: number;
      }>`SELECT o.number, o.status, o.probability, s.probability AS stage_probability, o.amount, o.margin, o.currency,
          c.country, o.actual_amount, o.close_date, o.win_reason_id, o.loss_reason_id, o.decision_date,
          to_char(o.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS created_date, ct.company_id AS contact_company, o.company_id
        FROM opportunities o JOIN stages s ON s.id = o.stage_id JOIN companies c ON c.id = o.company_id
        JOIN contacts ct ON ct.id = o.contact_id`,
    );
    const currencyOf: Record<string, string> = { DK: 'DKK', NO: 'NOK', SE: 'SEK', FI: 'EUR', DE: 'EUR' };
    for (const o of opportunities) {
      const label = `#${o.number} ${o.status}`;
      expect(o.probability, label).toBe(o.status === 'open' ? o.stageProbability : o.status === 'won' ? 100 : 0);
      expect(o.amount, label).toBeGreaterThanOrEqual(25_000);
      expect(o.amount, label).toBeLessThanOrEqual(2_500_000);
      expect(o.amount % 100, label).toBe(0);
      expect(o.margin / o.amount, label).toBeGreaterThanOrEqual(0.19);
      expect(o.margin / o.amount, label).toBeLessThanOrEqual(0.46);
      expect(o.currency, label).toBe(currencyOf[o.country]);
      expect(o.contactCompany, label).toBe(o.companyId);
      expect(o.createdDate < o.decisionDate, label).toBe(true);
      expect(o.decisionDate >= '2025-11-16' && o.decisionDate <= '2026-11-11', label).toBe(true);
      if (o.status === 'open') expect([o.closeDate, o.actualAmount], label).toEqual([null, null]);
      else expect(o.closeDate !== null && o.closeDate < TODAY && o.closeDate >= o.createdDate, label).toBe(true);
      if (o.status === 'won') expect(o.actualAmount !== null && o.winReasonId !== null, label).toBe(true);
      if (o.status === 'lost') expect(o.lossReasonId, label).not.toBeNull();
    }
    const overdue = opportunities.filter((o) => o.status === 'open' && o.decisionDate < TODAY).length;
    expect(overdue).toBeGreaterThan(5);
    expect(overdue).toBeLessThan(60);
  });

  it('marks the steps before the current stage done, and all steps of won opportunities', async () => {
    const opportunities = await rows(
      fixed.db,
      sql<{ status: string; position: number; steps: number; done: number; firstTodo: number | null }>`SELECT o.status, s.position,
          count(*) AS steps, count(*) FILTER (WHERE st.state = 'done') AS done,
          min(ss.position) FILTER (WHERE st.state = 'todo') AS first_todo
        FROM opportunities o JOIN stages s ON s.id = o.stage_id
        JOIN opportunity_steps st ON st.opportunity_id = o.id JOIN stages ss ON ss.id = st.stage_id
        GROUP BY o.id, o.status, s.position`,
    );
    expect(opportunities).toHaveLength(400);
    for (const o of opportunities) {
      expect(o.steps).toBe(4);
      if (o.status === 'won') expect(o.done).toBe(4);
      else {
        expect(o.done).toBe(o.position - 1);
        expect(o.firstTodo).toBe(o.position);
      }
    }
  });

  it('gives every opportunity sellers whose shares sum to 100, the owner first', async () => {
    const sellers = await rows(
      fixed.db,
      sql<{ sum: number; sellers: number; firstSeller: number; ownerId: number }>`SELECT sum(os.share) AS sum, count(*) AS sellers,
          min(os.user_id) FILTER (WHERE os.position = 1) AS first_seller, o.owner_id
        FROM opportunities o JOIN opportunity_sellers os ON os.opportunity_id = o.id GROUP BY o.id, o.owner_id`,
    );
    expect(sellers).toHaveLength(400);
    expect(sellers.every((o) => o.sum === 100 && o.firstSeller === o.ownerId)).toBe(true);
    const shared = sellers.filter((o) => o.sellers === 2).length;
    expect(shared).toBeGreaterThanOrEqual(20);
    expect(shared).toBeLessThanOrEqual(70);
  });

  it('has done activities in the past, open ones ahead, some overdue, and a task for every follow-up date', async () => {
    const activities = await rows(
      fixed.db,
      sql<{
        done: boolean;
        dueDate: string;
        doneAt: Date | null;
        createdAt: Date;
        type: string;
        opportunityCompany: number | null;
        companyId: number;
      }>`
        SELECT a.done, a.due_date, a.done_at, a.created_at, a.type, o.company_id AS opportunity_company, a.company_id
        FROM activities a LEFT JOIN opportunities o ON o.id = a.opportunity_id`,
    );
    const done = activities.filter((a) => a.done);
    expect(done.length).toBeGreaterThan(400);
    expect(done.every((a) => a.doneAt !== null && a.dueDate < TODAY && a.createdAt.getTime() <= a.doneAt.getTime())).toBe(true);
    expect(activities.filter((a) => !a.done && a.dueDate >= TODAY).length).toBeGreaterThan(50);
    expect(activities.filter((a) => !a.done && a.dueDate < TODAY).length).toBeGreaterThan(10);
    expect(activities.every((a) => a.done || a.doneAt === null)).toBe(true);
    expect(activities.every((a) => a.opportunityCompany === null || a.opportunityCompany === a.companyId)).toBe(true);
    expect(new Set(activities.map((a) => a.type))).toEqual(new Set(['call', 'meeting', 'task', 'email_out', 'note']));

    const followUps = await one(
      fixed.db,
      sql<{ missing: number; dated: number }>`SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM activities a
          WHERE a.opportunity_id = o.id AND a.type = 'task' AND a.due_date = o.follow_up_date AND NOT a.done)) AS missing,
          count(*) AS dated
        FROM opportunities o WHERE o.follow_up_date IS NOT NULL`,
    );
    expect(followUps.dated).toBeGreaterThan(40);
    expect(followUps.missing).toBe(0);
  });

  it('adds campaigns and competitors', async () => {
    const campaigns = await fixed.db.selectFrom('campaigns').select(['status']).execute();
    expect(new Set(campaigns.map((c) => c.status))).toEqual(new Set(['completed', 'active', 'planned']));
    const competitors = await fixed.db.selectFrom('competitors').select('name').orderBy('id').execute();
    expect(competitors.map((c) => c.name)).toContain('NordSoft');
    expect(competitors).toHaveLength(6);
  });

  it('makes the same data every time', async () => {
    const first = await fixed.db
      .selectFrom('companies')
      .select(['name', 'accountNumber', 'orgNumber', 'country', 'city'])
      .where('accountNumber', '=', '10001')
      .executeTakeFirstOrThrow();
    expect(first).toEqual({ name: 'Scan Logistik ApS', accountNumber: '10001', orgNumber: '11126480', country: 'DK', city: 'København N' });

    // the database loaded for the real today matches apart from the dates, which only shift
    const fingerprint = async (db: Kysely<DB>) => ({
      companies: await rows(
        db,
        sql`SELECT c.account_number, c.name, c.org_number, c.phone, c.email, u.email AS owner
        FROM companies c JOIN users u ON u.id = c.owner_id ORDER BY c.id`,
      ),
      contacts: await rows(
        db,
        sql`SELECT c.account_number, ct.first_name, ct.last_name, ct.title, ct.is_primary
        FROM contacts ct JOIN companies c ON c.id = ct.company_id ORDER BY ct.id`,
      ),
      opportunities: await rows(
        db,
        sql`SELECT o.number, regexp_replace(o.title, '[0-9]', '', 'g') AS title, o.status,
          o.amount, o.currency, s.position, c.account_number, o.decision_date - (o.created_at AT TIME ZONE 'UTC')::date AS days
        FROM opportunities o JOIN stages s ON s.id = o.stage_id JOIN companies c ON c.id = o.company_id ORDER BY o.number`,
      ),
      activities: await rows(
        db,
        sql`SELECT type, regexp_replace(subject, '[0-9]', '', 'g') AS subject, done, due_date - (created_at AT TIME ZONE 'UTC')::date AS days
        FROM activities ORDER BY id`,
      ),
    });
    const [a, b] = [await fingerprint(fixed.db), await fingerprint(current.db)];
    expect(a.companies).toHaveLength(200);
    expect(b).toEqual(a);
  });

  it('never puts a close date or a timestamp after today', async () => {
    const late = await one(
      current.db,
      sql<{ closed: number; created: number }>`SELECT
        (SELECT count(*) FROM opportunities WHERE close_date > current_date) AS closed,
        (SELECT count(*) FROM opportunities WHERE created_at > now() OR updated_at > now()) +
        (SELECT count(*) FROM activities WHERE created_at > now() OR done_at > now()) +
        (SELECT count(*) FROM companies WHERE created_at > now()) AS created`,
    );
    expect(late).toEqual({ closed: 0, created: 0 });
  });

  it('writes nothing when the load fails halfway', async () => {
    expect(failedLoad).toBeInstanceOf(Error);
    expect(String(failedLoad)).toContain('demo_test_blocks');
    // the later load found an empty database: it created all five users and numbered from 1
    expect(currentCounts).toEqual(counts);
    const numbers = await one(
      current.db,
      sql<{ min: number; max: number }>`SELECT min(number) AS min, max(number) AS max FROM opportunities`,
    );
    expect(numbers).toEqual({ min: 1, max: 400 });
  });

  it('refuses to load into a database that already has companies, and changes nothing', async () => {
    await expect(loadDemoData({ db: fixed.db, today: TODAY })).rejects.toThrow(/already companies/);
    const after = await one(
      fixed.db,
      sql<{
        companies: number;
        users: number;
      }>`SELECT (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM users) AS users`,
    );
    expect(after).toEqual({ companies: 200, users: 5 });
  });
});
