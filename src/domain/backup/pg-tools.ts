// I-3: pg_dump and pg_restore of the server's version, which a server backup and restore need.
import type { Database } from '../../db/connect.ts';
import { findTool, majorOf, serverVersion } from '../../db/snapshot.ts';
import { AppError } from '../errors.ts';

/** The path of `name` for this server (see `pgToolOfVersion`). */
export async function pgToolFor(name: 'pg_dump' | 'pg_restore', database: Pick<Database, 'db'>): Promise<string> {
  return pgToolOfVersion(name, await serverVersion(database.db));
}

/** The path of `name` for a server of `version`; none installed is 503: the operator must install it, not a 500 bug. */
export async function pgToolOfVersion(name: 'pg_dump' | 'pg_restore', version: string): Promise<string> {
  const found = await findTool(name, version);
  if (found !== null) return found;
  const major = majorOf(version);
  throw new AppError(
    'UNAVAILABLE',
    `${name} of PostgreSQL ${major} or newer was not found; install the PostgreSQL ${major} client tools or set TRAKT_PG_BIN to their folder`,
  );
}
