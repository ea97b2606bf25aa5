// The global competitor list (SPEC O-15): maintained by managers and admins, read by everyone.
import type { Db } from '../../db/schema.ts';
import { findCompetitor, insertCompetitor, updateCompetitor, type Competitor } from '../../db/competitors.ts';
import { claimVersion } from '../../db/versioned.ts';
import { isManagerOrAdmin, type Actor } from '../auth/permissions.ts';
import { AppError, notFound } from '../errors.ts';

export type CompetitorInput = {
  name?: string | undefined;
  website?: string | null | undefined;
  strengths?: string | null | undefined;
  weaknesses?: string | null | undefined;
  rating?: number | null | undefined;
  active?: boolean | undefined;
};

function requireManager(actor: Actor) {
  if (!isManagerOrAdmin(actor)) throw new AppError('FORBIDDEN', 'Only a manager or an admin can maintain the competitor list');
}

/** Adds a competitor to the global list; a name already there (any case) is a 409 on `name`. */
export async function createCompetitor({
  db,
  actor,
  input,
}: {
  db: Db;
  actor: Actor;
  input: CompetitorInput & { name: string };
}): Promise<Competitor> {
  requireManager(actor);
  return insertCompetitor(db, input);
}

/** Changes a global competitor at `version` (O-25); deactivating keeps it on the opportunities that list it. */
export async function changeCompetitor({
  db,
  actor,
  id,
  version,
  changes,
}: {
  db: Db;
  actor: Actor;
  id: number;
  version: number;
  changes: CompetitorInput;
}): Promise<Competitor> {
  requireManager(actor);
  if (!(await findCompetitor(db, id))) throw notFound('Competitor', id);
  if (!(await claimVersion(db, 'competitors', id, version))) {
    throw new AppError('VERSION_CONFLICT', 'The competitor was changed by someone else. Reload and try again.', {
      current: await findCompetitor(db, id),
    });
  }
  const row = await updateCompetitor(db, id, changes);
  if (!row) throw notFound('Competitor', id);
  return row;
}
