import { sql, type Kysely } from 'kysely';
import { SETUP_LIST_TABLES } from './0001-core.ts';

// O-25 for every editable record: setup entries, sales processes (whose version also guards their
// stage list, which is replaced as a whole), global competitors and the competitor entries of an
// opportunity get a version that each write moves on. An opportunity's sellers and steps have none
// of their own: they are guarded by the opportunity's version (domain/opportunities/opportunity-parts.ts).
// The key-value settings are saved as one form, so one `version` row stands for all of them.
const VERSIONED = [...SETUP_LIST_TABLES, 'sales_processes', 'competitors', 'opportunity_competitors'];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of VERSIONED) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN IF NOT EXISTS version integer NOT NULL DEFAULT 1`).execute(db);
  }
  await sql`INSERT INTO settings (key, value) VALUES ('version', '1') ON CONFLICT (key) DO NOTHING`.execute(db);
}
