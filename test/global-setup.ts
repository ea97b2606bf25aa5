// Runs once before the suite: builds a migrated database that every test file copies.
// PGlite: a dumped data directory in a temp file. PostgreSQL (DATABASE_URL): a template database.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';

export const TEMPLATE_DATABASE = 'trakt_test_template';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string | null;
    serverUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const database = await openDatabase({ mode: 'postgres', url: withDatabase(url, TEMPLATE_DATABASE), maxConnections: 1 });
    await migrateToLatest(database.db);
    await database.close();
    project.provide('serverUrl', url);
    project.provide('pgliteDump', null);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'trakt-test-dump-'));
  const database = await openDatabase({ mode: 'pglite' });
  await migrateToLatest(database.db);
  const dumpFile = join(dir, 'migrated.tar');
  writeFileSync(dumpFile, await database.dump());
  await database.close();
  project.provide('pgliteDump', dumpFile);
  project.provide('serverUrl', null);
  return () => rmSync(dir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
