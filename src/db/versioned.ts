// The bookkeeping every audited record shares (companies, contacts, opportunities, activities).
import { sql, type Updateable } from 'kysely';
import type { DB, Db } from './schema.ts';

export type AuditedTable = 'companies' | 'contacts' | 'opportunities' | 'activities';

/**
 * O-25: applies `changes` only while the row still has `version` and is not deleted, moving its
 * version, updated time and editor on. False when someone else changed it first.
 */
export async function updateAtVersion<T extends AuditedTable>(
  db: Db,
  table: T,
  id: number,
  version: number,
  actorId: number,
  changes: Updateable<DB[T]>,
): Promise<boolean> {
  // the four tables share the columns used here, so one of their types stands for all of them
  const result = await db
    .updateTable(table as 'companies')
    .set({ ...(changes as Updateable<DB['companies']>), version: sql`version + 1`, updatedAt: sql`now()`, updatedBy: actorId })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deletedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** O-14: marks a record deleted (restorable), as a change by `actorId`. */
export async function softDeleteRow<T extends AuditedTable>(db: Db, table: T, id: number, actorId: number, also: Updateable<DB[T]> = {}) {
  await db
    .updateTable(table as 'companies')
    .set({
      ...(also as Updateable<DB['companies']>),
      deletedAt: sql`now()`,
      updatedAt: sql`now()`,
      updatedBy: actorId,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .execute();
}

/** The records outside the audited four that carry a version of their own (migration 0010). */
export type VersionedTable =
  | 'industries'
  | 'target_groups'
  | 'interest_types'
  | 'activity_types'
  | 'opportunity_types'
  | 'sources'
  | 'loss_reasons'
  | 'win_reasons'
  | 'regions'
  | 'departments'
  | 'customer_profiles'
  | 'currencies'
  | 'sales_processes'
  | 'competitors'
  | 'opportunity_competitors';

/**
 * O-25: moves the row's version on if it still is `version`, before the write it guards. Done
 * first in the writing transaction, it also locks the row, so a second writer waits and then
 * finds the version moved. False when the row was changed (or removed) meanwhile.
 */
export async function claimVersion(db: Db, table: VersionedTable, id: number, version: number): Promise<boolean> {
  const result = await sql`UPDATE ${sql.table(table)} SET version = version + 1 WHERE id = ${id} AND version = ${version}`.execute(db);
  return Number(result.numAffectedRows ?? 0) === 1;
}
