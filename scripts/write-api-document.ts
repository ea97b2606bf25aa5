// Writes the OpenAPI document (/api/openapi.json) to a file without a listening server:
// a throw-away embedded database in a temp folder, the real app built on it, app.swagger() written out.
// Usage: npm run api:document -- <out.json>
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { buildServer } from '../src/server.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: npm run api:document -- <out.json>');
  process.exit(2);
}

const folder = mkdtempSync(join(tmpdir(), 'trakt-api-document-'));
try {
  const database = await openDatabase({ mode: 'pglite', dataDir: join(folder, 'pglite') });
  try {
    await migrateToLatest(database.db);
    const app = await buildServer({ database, webDir: null, checkResponses: false });
    try {
      await app.ready();
      writeFileSync(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
