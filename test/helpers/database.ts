// A fresh, migrated database for one test file (or an empty one), on whichever backend the suite runs against.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connect.ts';
import type { Db } from '../../src/db/schema.ts';
import { getSettings, saveSettings } from '../../src/db/settings.ts';
import { TEMPLATE_DATABASE, withDatabase } from '../global-setup.ts';

export async function freshDatabase(): Promise<Database> {
  const serverUrl = inject('serverUrl');
  if (!serverUrl) {
    const dump = inject('pgliteDump');
    if (!dump) throw new Error('global setup did not prepare a database');
    return openDatabase({ mode: 'pglite', loadDumpFrom: dump });
  }
  return serverDatabase(serverUrl, TEMPLATE_DATABASE);
}

/** Closes the databases a beforeAll opened; one is still unset when that beforeAll failed before opening it. */
export async function closeDatabases(...databases: (Database | undefined)[]): Promise<void> {
  await Promise.all(databases.flatMap((database) => (database ? [database.close()] : [])));
}

/** Deletes every company, contact, opportunity and activity and what hangs on them; users and settings stay. */
export async function deleteAllRecords(db: Db): Promise<void> {
  await sql`TRUNCATE companies, contacts, opportunities, activities CASCADE`.execute(db);
}

/** Remembers the settings as they are now; the returned function puts them back (call it in afterEach or finally). */
export async function keepSettings(db: Db): Promise<() => Promise<void>> {
  const { version: _version, ...before } = await getSettings(db);
  return () => saveSettings(db, before);
}

/** An empty database without any migration, for tests that migrate step by step. */
export async function emptyDatabase(): Promise<Database> {
  const serverUrl = inject('serverUrl');
  return serverUrl ? serverDatabase(serverUrl, null) : openDatabase({ mode: 'pglite' });
}

/** A new database on the server (a copy of `template`, or empty), dropped again on close. */
async function serverDatabase(serverUrl: string, template: string | null): Promise<Database> {
  const name = `trakt_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const database = await openDatabase({ mode: 'postgres', url: withDatabase(serverUrl, name), maxConnections: 5 });
  return {
    ...database,
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
