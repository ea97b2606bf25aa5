// Demo data (setup page "load demo data", TRAKT_DEMO=1, `trakt seed`): a Nordic sales team with
// companies, contacts, opportunities and activities, the same every time for the same day.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { hashPassword } from '../auth/password.ts';
import { buildActivities, withLastActivity } from './build-activities.ts';
import { buildCampaigns, buildCompanies, buildCompetitors, buildContacts, buildUsers } from './build-companies.ts';
import { buildOpportunities } from './build-opportunities.ts';
import type { DemoData, DemoSetup, Named } from './demo-model.ts';
import { createRandom, localToday } from './random.ts';

/** Every demo user signs in with this password (it is printed in the README). */
export const DEMO_PASSWORD = 'demo-password-123';

const SEED = 20_260_101;

/** Rows written; `users` counts only demo users that did not exist yet. */
export type DemoCounts = { users: number; companies: number; contacts: number; opportunities: number; activities: number };

/** Generates the demo data without touching the database: the same setup and day give the same data. */
export function buildDemoData(setup: DemoSetup, today: string): DemoData {
  const random = createRandom(SEED);
  const users = buildUsers(setup);
  const campaigns = buildCampaigns(today);
  const competitors = buildCompetitors();
  const companies = buildCompanies(random, setup, users, campaigns, today);
  const contacts = buildContacts(random, companies);
  const opportunities = buildOpportunities(random, setup, users, companies, contacts, campaigns, competitors.length, today);
  const activities = buildActivities(random, setup, companies, contacts, opportunities, today);
  return { users, campaigns, competitors, companies, contacts, opportunities: withLastActivity(opportunities, activities), activities };
}

/**
 * Loads the demo data in one transaction (the caller's, when `db` is one, e.g. the setup page's);
 * refuses when the database already has companies.
 * `today` ('YYYY-MM-DD', default this machine's date) anchors every date, so the demo always looks current.
 */
export async function loadDemoData({ db, today = localToday() }: { db: Kysely<DB>; today?: string }): Promise<DemoCounts> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`Demo data needs today's date as YYYY-MM-DD, not "${today}".`);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const load = async (trx: Kysely<DB>): Promise<DemoCounts> => {
    // a second load started at the same time waits here, then sees the first one's companies
    await sql`LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
    const existing = await trx.selectFrom('companies').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    if (Number(existing.count) > 0) {
      throw new Error('Demo data can only be loaded into an empty database: there are already companies.');
    }
    const setup = await readSetup(trx);
    const data = buildDemoData(setup, today);
    return insertDemoData(trx, data, setup, passwordHash);
  };
  // Kysely cannot nest transactions: inside one, the caller's transaction is the one
  return db.isTransaction ? load(db) : db.transaction().execute(load);
}

async function readSetup(trx: Kysely<DB>): Promise<DemoSetup> {
  // only active entries: deactivated ones must not appear on new records
  const list = async (table: 'regions' | 'departments' | 'industries' | 'targetGroups' | 'interestTypes' | 'opportunityTypes' | 'sources' | 'lossReasons' | 'winReasons'): Promise<Named[]> =>
    trx.selectFrom(table).select(['id', 'name']).where('active', '=', true).orderBy('position').orderBy('id').execute();
  const process = await trx.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirst();
  if (!process) throw new Error('Demo data needs a default sales process.');
  const stages = await trx.selectFrom('stages').select(['id', 'probability']).where('processId', '=', process.id).orderBy('position').execute();
  if (stages.length === 0) throw new Error('The default sales process has no stages.');
  const activityTypes = await trx.selectFrom('activityTypes').select('key').where('key', 'is not', null).orderBy('position').orderBy('id').execute();
  return {
    regions: await list('regions'),
    departments: await list('departments'),
    industries: await list('industries'),
    targetGroups: await list('targetGroups'),
    interestTypes: await list('interestTypes'),
    opportunityTypes: await list('opportunityTypes'),
    sources: await list('sources'),
    lossReasons: await list('lossReasons'),
    winReasons: await list('winReasons'),
    customerProfiles: await trx
      .selectFrom('customerProfiles')
      .select(['id', 'name', 'currency'])
      .where('active', '=', true)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    activityTypes: activityTypes.flatMap((type) => (type.key === null ? [] : [type.key])),
    processId: process.id,
    stages,
  };
}

/** Splits rows so one INSERT stays well below PostgreSQL's 65 535 parameters. */
function chunks<T>(rows: T[], size = 500): T[][] {
  const parts: T[][] = [];
  for (let at = 0; at < rows.length; at += size) parts.push(rows.slice(at, at + size));
  return parts;
}

/** Inserts in order and answers the new ids in the same order (INSERT … VALUES … RETURNING keeps it). */
async function insertAll<T>(rows: T[], insert: (part: T[]) => Promise<{ id: number }[]>): Promise<number[]> {
  const ids: number[] = [];
  for (const part of chunks(rows)) {
    const inserted = await insert(part);
    if (inserted.length !== part.length) throw new Error('Demo data: an insert returned a different number of rows.');
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

const at = (ids: number[], index: number): number => {
  const id = ids[index];
  if (id === undefined) throw new Error(`Demo data: no row at index ${index}.`);
  return id;
};
const atOrNull = (ids: number[], index: number | null) => (index === null ? null : at(ids, index));

async function insertDemoData(trx: Kysely<DB>, data: DemoData, setup: DemoSetup, passwordHash: string): Promise<DemoCounts> {
  // demo users may survive from an earlier demo whose companies were deleted: keep them
  const created = await trx
    .insertInto('users')
    .values(data.users.map(({ countries: _countries, ...user }) => ({ ...user, passwordHash })))
    .onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .execute();
  const found = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql<string>`lower(email)`, 'in', data.users.map((user) => user.email.toLowerCase()))
    .execute();
  const userIds = data.users.map((user) => {
    const row = found.find((candidate) => candidate.email.toLowerCase() === user.email.toLowerCase());
    if (!row) throw new Error(`Demo data: user ${user.email} is missing.`);
    return row.id;
  });

  const campaignIds = await insertAll(data.campaigns, (part) => trx.insertInto('campaigns').values(part).returning('id').execute());
  const competitorIds = await insertAll(data.competitors, (part) =>
    trx
      .insertInto('competitors')
      .values(part)
      // competitors are a global list an admin may have started already
      // (a no-op update, so RETURNING answers the existing row too)
      .onConflict((conflict) => conflict.expression(sql`lower(name)`).doUpdateSet((eb) => ({ name: eb.ref('competitors.name') })))
      .returning('id')
      .execute(),
  );

  const companyIds = await insertAll(data.companies, (part) =>
    trx
      .insertInto('companies')
      .values(
        part.map(({ domain: _domain, interestTypeIds: _interests, ownerIndex, campaignIndex, ...company }) => {
          const ownerId = at(userIds, ownerIndex);
          return { ...company, ownerId, campaignId: atOrNull(campaignIds, campaignIndex), createdBy: ownerId, updatedAt: company.createdAt, updatedBy: ownerId };
        }),
      )
      .returning('id')
      .execute(),
  );
  const interests = data.companies.flatMap((company, index) =>
    company.interestTypeIds.map((interestTypeId) => ({ companyId: at(companyIds, index), interestTypeId })),
  );
  for (const part of chunks(interests, 2000)) await trx.insertInto('companyInterestTypes').values(part).execute();

  const contactIds = await insertAll(data.contacts, (part) =>
    trx
      .insertInto('contacts')
      .values(
        part.map(({ companyIndex, ...contact }) => {
          const ownerId = at(userIds, (data.companies[companyIndex]?.ownerIndex ?? 0));
          return { ...contact, companyId: at(companyIds, companyIndex), createdBy: ownerId, updatedAt: contact.createdAt, updatedBy: ownerId };
        }),
      )
      .returning('id')
      .execute(),
  );

  const stageId = (index: number) => setup.stages[index]?.id ?? null;
  const opportunityIds = await insertAll(data.opportunities, (part) =>
    trx
      .insertInto('opportunities')
      .values(
        part.map(({ steps: _steps, sellers: _sellers, companyIndex, contactIndex, ownerIndex, stageIndex, campaignIndex, winnerCompetitorIndex, ...opportunity }) => {
          const ownerId = at(userIds, ownerIndex);
          return {
            ...opportunity,
            companyId: at(companyIds, companyIndex),
            contactId: at(contactIds, contactIndex),
            ownerId,
            processId: setup.processId,
            stageId: stageId(stageIndex),
            probabilityMode: 'stage' as const,
            campaignId: atOrNull(campaignIds, campaignIndex),
            winnerCompetitorId: atOrNull(competitorIds, winnerCompetitorIndex),
            createdBy: ownerId,
            updatedBy: ownerId,
          };
        }),
      )
      .returning('id')
      .execute(),
  );
  const steps = data.opportunities.flatMap((opportunity, index) =>
    opportunity.steps.map((step) => ({
      opportunityId: at(opportunityIds, index),
      stageId: at(setup.stages.map((stage) => stage.id), step.stageIndex),
      state: step.state,
      changedAt: step.changedAt,
    })),
  );
  for (const part of chunks(steps, 2000)) await trx.insertInto('opportunitySteps').values(part).execute();
  const sellers = data.opportunities.flatMap((opportunity, index) =>
    opportunity.sellers.map((seller) => ({
      opportunityId: at(opportunityIds, index),
      userId: at(userIds, seller.userIndex),
      share: seller.share,
      position: seller.position,
    })),
  );
  for (const part of chunks(sellers, 2000)) await trx.insertInto('opportunitySellers').values(part).execute();

  const activityIds = await insertAll(data.activities, (part) =>
    trx
      .insertInto('activities')
      .values(
        part.map(({ ownerIndex, companyIndex, contactIndex, opportunityIndex, campaignIndex, ...activity }) => {
          const ownerId = at(userIds, ownerIndex);
          return {
            ...activity,
            ownerId,
            companyId: at(companyIds, companyIndex),
            contactId: atOrNull(contactIds, contactIndex),
            opportunityId: atOrNull(opportunityIds, opportunityIndex),
            campaignId: atOrNull(campaignIds, campaignIndex),
            createdBy: ownerId,
            updatedAt: activity.doneAt ?? activity.createdAt,
            updatedBy: ownerId,
          };
        }),
      )
      .returning('id')
      .execute(),
  );

  return {
    users: created.length,
    companies: companyIds.length,
    contacts: contactIds.length,
    opportunities: opportunityIds.length,
    activities: activityIds.length,
  };
}
