// A fresh, migrated database for one test file (or an empty one), on whichever backend the suite runs against.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/connect.ts';
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
