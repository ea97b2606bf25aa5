// The demo data's reads and writes (domain/demo/load-demo.ts builds the rows and decides).
import { sql, type Insertable, type Kysely } from 'kysely';
import type {
  ActivitiesTable,
  CampaignsTable,
  CompaniesTable,
  CompanyInterestTypesTable,
  CompetitorsTable,
  ContactsTable,
  DB,
  OpportunitiesTable,
  OpportunitySellersTable,
  OpportunityStepsTable,
  UsersTable,
} from './schema.ts';

type Named = { id: number; name: string };

/** What the demo reads from the setup lists and the default sales process (null when there is none). */
export type DemoSetupRows = {
  regions: Named[];
  departments: Named[];
  industries: Named[];
  targetGroups: Named[];
  interestTypes: Named[];
  opportunityTypes: Named[];
  sources: Named[];
  lossReasons: Named[];
  winReasons: Named[];
  customerProfiles: (Named & { currency: string | null })[];
  activityTypes: string[];
  processId: number | null;
  stages: { id: number; probability: number }[];
};

/** Whether any company exists (deleted ones too): the demo data goes only into an empty database. */
export async function holdsCompanies(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('companies').select('id').limit(1).executeTakeFirst()) !== undefined;
}

/** Locks the companies table until the transaction ends and counts its rows: a second load waits, then sees the first one's. */
export async function lockAndCountCompanies(trx: Kysely<DB>): Promise<number> {
  await sql`LOCK TABLE companies IN SHARE ROW EXCLUSIVE MODE`.execute(trx);
  const existing = await trx
    .selectFrom('companies')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(existing.count);
}

/** The active setup-list entries in their order, and the default process's stages. */
export async function readDemoSetup(trx: Kysely<DB>): Promise<DemoSetupRows> {
  const list = async (
    table:
      | 'regions'
      | 'departments'
      | 'industries'
      | 'targetGroups'
      | 'interestTypes'
      | 'opportunityTypes'
      | 'sources'
      | 'lossReasons'
      | 'winReasons',
  ): Promise<Named[]> =>
    trx.selectFrom(table).select(['id', 'name']).where('active', '=', true).orderBy('position').orderBy('id').execute();
  const process = await trx.selectFrom('salesProcesses').select('id').where('isDefault', '=', true).executeTakeFirst();
  const stages = process
    ? await trx.selectFrom('stages').select(['id', 'probability']).where('processId', '=', process.id).orderBy('position').execute()
    : [];
  const activityTypes = await trx
    .selectFrom('activityTypes')
    .select('key')
    .where('key', 'is not', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
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
    processId: process?.id ?? null,
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

/**
 * Inserts the users that do not exist yet (by email, any case) and answers how many were new and every
 * email's id (lower case).
 */
export async function insertUsersKeepingExisting(
  trx: Kysely<DB>,
  users: Insertable<UsersTable>[],
): Promise<{ created: number; idByEmail: Map<string, number> }> {
  const created = await trx
    .insertInto('users')
    .values(users)
    .onConflict((conflict) => conflict.expression(sql`lower(email)`).doNothing())
    .returning('id')
    .execute();
  const found = await trx
    .selectFrom('users')
    .select(['id', 'email'])
    .where(
      sql<string>`lower(email)`,
      'in',
      users.map((user) => user.email.toLowerCase()),
    )
    .execute();
  return { created: created.length, idByEmail: new Map(found.map((row) => [row.email.toLowerCase(), row.id])) };
}

export const insertCampaigns = (trx: Kysely<DB>, rows: Insertable<CampaignsTable>[]) =>
  insertAll(rows, (part) => trx.insertInto('campaigns').values(part).returning('id').execute());

/** Competitors are a global list an admin may have started already: an existing name answers its id. */
export const insertCompetitorsKeepingExisting = (trx: Kysely<DB>, rows: Insertable<CompetitorsTable>[]) =>
  insertAll(rows, (part) =>
    trx
      .insertInto('competitors')
      .values(part)
      // a no-op update, so RETURNING answers the existing row too
      .onConflict((conflict) => conflict.expression(sql`lower(name)`).doUpdateSet((eb) => ({ name: eb.ref('competitors.name') })))
      .returning('id')
      .execute(),
  );

export const insertCompanies = (trx: Kysely<DB>, rows: Insertable<CompaniesTable>[]) =>
  insertAll(rows, (part) => trx.insertInto('companies').values(part).returning('id').execute());

export const insertContacts = (trx: Kysely<DB>, rows: Insertable<ContactsTable>[]) =>
  insertAll(rows, (part) => trx.insertInto('contacts').values(part).returning('id').execute());

export const insertOpportunities = (trx: Kysely<DB>, rows: Insertable<OpportunitiesTable>[]) =>
  insertAll(rows, (part) => trx.insertInto('opportunities').values(part).returning('id').execute());

export const insertActivities = (trx: Kysely<DB>, rows: Insertable<ActivitiesTable>[]) =>
  insertAll(rows, (part) => trx.insertInto('activities').values(part).returning('id').execute());

export async function insertCompanyInterests(trx: Kysely<DB>, rows: Insertable<CompanyInterestTypesTable>[]): Promise<void> {
  for (const part of chunks(rows, 2000)) await trx.insertInto('companyInterestTypes').values(part).execute();
}

export async function insertOpportunitySteps(trx: Kysely<DB>, rows: Insertable<OpportunityStepsTable>[]): Promise<void> {
  for (const part of chunks(rows, 2000)) await trx.insertInto('opportunitySteps').values(part).execute();
}

export async function insertOpportunitySellers(trx: Kysely<DB>, rows: Insertable<OpportunitySellersTable>[]): Promise<void> {
  for (const part of chunks(rows, 2000)) await trx.insertInto('opportunitySellers').values(part).execute();
}
