import { join } from 'node:path';
import { openDatabase, type Database } from './connect.ts';
import { migrateToLatest } from './migrate.ts';

/** Opens the database the environment asks for (DATABASE_URL, else PGlite in TRAKT_DATA_DIR) and migrates it. */
export async function openFromEnvironment(env: NodeJS.ProcessEnv = process.env): Promise<Database> {
  const database = env.DATABASE_URL
    ? await openDatabase({ mode: 'postgres', url: env.DATABASE_URL })
    : await openDatabase({ mode: 'pglite', dataDir: join(env.TRAKT_DATA_DIR ?? './data', 'pglite') });
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}
