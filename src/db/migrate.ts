import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import * as core from './migrations/0001-core.ts';
import * as defaults from './migrations/0002-defaults.ts';
import * as closings from './migrations/0003-closings.ts';
import * as competitors from './migrations/0004-competitors.ts';
import * as historyFollowUpsAttachments from './migrations/0005-history-followups-attachments.ts';
import * as viewsSearch from './migrations/0006-views-search.ts';
import * as opportunityTotals from './migrations/0006-opportunity-totals.ts';
import * as summaryCurrency from './migrations/0007-summary-currency.ts';
import * as titleSearch from './migrations/0008-title-search.ts';
import * as referenceIndexes from './migrations/0009-reference-indexes.ts';
import * as recordVersions from './migrations/0010-record-versions.ts';
import * as signInThrottles from './migrations/0011-sign-in-throttles.ts';
import * as ruleFunctions from './migrations/0012-rule-functions.ts';

// Listed in code rather than read from a folder, so migrations run the same from tsx, tests and the CLI.
const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-defaults': defaults,
  '0003-closings': closings,
  '0004-competitors': competitors,
  '0005-history-followups-attachments': historyFollowUpsAttachments,
  '0006-views-search': viewsSearch,
  '0006-opportunity-totals': opportunityTotals,
  '0007-summary-currency': summaryCurrency,
  '0008-title-search': titleSearch,
  '0009-reference-indexes': referenceIndexes,
  '0010-record-versions': recordVersions,
  '0011-sign-in-throttles': signInThrottles,
  '0012-rule-functions': ruleFunctions,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrations) };

/** The names of the migrations this version knows (a backup made by a newer version has others). */
export const knownMigrations = (): string[] => Object.keys(migrations);

/** Brings the schema up to date; safe to call at every start (a lock keeps two instances apart). */
export async function migrateToLatest<T>(db: Kysely<T>): Promise<string[]> {
  // migrations are independent of each other, so one written in parallel with a later-numbered one may run after it
  const migrator = new Migrator({ db, provider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(JSON.stringify(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
