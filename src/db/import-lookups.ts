// L-7: what an import resolves names against: setup lists, users, sales processes, and the records
// already in the database that a row of the file may update (matched by key).
import { sql } from 'kysely';
import type { Db } from './schema.ts';

export type Entry = { id: number; active: boolean };
export type ImportLookups = {
  /** list → lower(name) → entry (lower case as `fold` in domain/import/convert.ts: the Nordic one is the plain one) */
  setup: Record<'industries' | 'targetGroups' | 'sources' | 'opportunityTypes' | 'regions' | 'departments', Map<string, Entry>>;
  /** lower(email), lower(initials) and lower(name) → user id (active users only) */
  users: Map<string, number>;
  processes: {
    id: number;
    name: string;
    isDefault: boolean;
    active: boolean;
    stages: { id: number; name: string; probability: number; position: number }[];
  }[];
};

const SETUP_TABLES = ['industries', 'targetGroups', 'sources', 'opportunityTypes', 'regions', 'departments'] as const;

export async function loadImportLookups(db: Db): Promise<ImportLookups> {
  const setup = {} as ImportLookups['setup'];
  for (const table of SETUP_TABLES) {
    const rows = await db.selectFrom(table).select(['id', 'name', 'active']).execute();
    setup[table] = new Map(rows.map((r) => [r.name.toLowerCase(), { id: r.id, active: r.active }]));
  }
  const users = new Map<string, number>();
  for (const u of await db
    .selectFrom('users')
    .select(['id', 'email', 'initials', 'name'])
    .where('active', '=', true)
    .orderBy('id')
    .execute()) {
    for (const key of [u.email, u.initials, u.name]) if (!users.has(key.toLowerCase())) users.set(key.toLowerCase(), u.id);
  }
  const processRows = await db.selectFrom('salesProcesses').select(['id', 'name', 'isDefault', 'active']).execute();
  const stageRows = await db
    .selectFrom('stages')
    .select(['id', 'processId', 'name', 'probability', 'position'])
    .orderBy('position')
    .execute();
  const processes = processRows.map((p) => ({ ...p, stages: stageRows.filter((s) => s.processId === p.id) }));
  return { setup, users, processes };
}

/** The transaction's start time, as the database's now() gives it in every statement of the transaction. */
export async function transactionTime(db: Db): Promise<string> {
  const { rows } = await sql<{ now: string }>`SELECT now()::text AS now`.execute(db);
  return String(rows[0]?.now);
}

/** Non-deleted companies by account number. */
export async function companiesByAccountNumber(db: Db, numbers: string[]): Promise<Map<string, number>> {
  if (!numbers.length) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'accountNumber'])
    .where(sql<boolean>`account_number = ANY(${numbers}::text[])`)
    .where('deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.accountNumber, r.id]));
}

/** Non-deleted companies by lower(name): every id, so an ambiguous name can be refused. */
export async function companiesByName(db: Db, names: string[]): Promise<Map<string, number[]>> {
  if (!names.length) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', sql<string>`lower(name)`.as('key')])
    .where(sql<boolean>`lower(name) = ANY(${names}::text[])`)
    .where('deletedAt', 'is', null)
    .execute();
  const map = new Map<string, number[]>();
  for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), r.id]);
  return map;
}

export async function companiesByExternalId(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('companies')
    .select(['id', 'externalId'])
    .where(sql<boolean>`external_id = ANY(${ids}::text[])`)
    .where('deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.externalId ?? '', r.id]));
}

export async function contactsByEmail(db: Db, emails: string[]): Promise<Map<string, { id: number; companyId: number }>> {
  if (!emails.length) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'companyId', sql<string>`lower(email)`.as('key')])
    .where(sql<boolean>`lower(email) = ANY(${emails}::text[])`)
    .where('deletedAt', 'is', null)
    .orderBy('id')
    .execute();
  const map = new Map<string, { id: number; companyId: number }>();
  for (const r of rows) if (!map.has(r.key)) map.set(r.key, { id: r.id, companyId: r.companyId });
  return map;
}

export async function contactsByExternalId(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'externalId'])
    .where(sql<boolean>`external_id = ANY(${ids}::text[])`)
    .where('deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.externalId ?? '', r.id]));
}

export type ExistingOpportunity = {
  id: number;
  number: number;
  processId: number;
  stageId: number | null;
  ownerId: number;
  status: string;
  probabilityMode: 'stage' | 'manual';
};

export async function opportunitiesByNumber(db: Db, numbers: number[]): Promise<Map<number, ExistingOpportunity>> {
  if (!numbers.length) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'number', 'processId', 'stageId', 'ownerId', 'status', 'probabilityMode'])
    .where(sql<boolean>`number = ANY(${numbers}::bigint[])`)
    .execute();
  return new Map(rows.map((r) => [r.number, r]));
}

export async function opportunitiesByExternalRef(
  db: Db,
  refs: string[],
): Promise<Map<string, ExistingOpportunity & { externalRef: string }>> {
  if (!refs.length) return new Map();
  const rows = await db
    .selectFrom('opportunities')
    .select(['id', 'number', 'processId', 'stageId', 'ownerId', 'status', 'probabilityMode', 'externalRef'])
    .where(sql<boolean>`external_ref = ANY(${refs}::text[])`)
    .where('deletedAt', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.externalRef ?? '', { ...r, externalRef: r.externalRef ?? '' }]));
}
