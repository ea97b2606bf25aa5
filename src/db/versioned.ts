// The bookkeeping every audited record shares (companies, contacts, opportunities, activities).
import { sql, type Updateable } from 'kysely';
import type { DB, Db } from './schema.ts';

export type AuditedTable = 'companies' | 'contacts' | 'opportunities' | 'activities';

/**
 * O-25: applies `changes` only while the row still has `version` and is not deleted, moving its
 * version, updated time and editor on. False when someone else changed it first.
 */
export async function updateAtVersion<T extends AuditedTable>(db: Db, table: T, id: number, version: number, actorId: number, changes: Updateable<DB[T]>): Promise<boolean> {
  // the four tables share the columns used here, so one of their types stands for all of them
  const result = await db
    .updateTable(table as AuditedTable as 'companies')
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
    .updateTable(table as AuditedTable as 'companies')
    .set({ ...(also as Updateable<DB['companies']>), deletedAt: sql`now()`, updatedAt: sql`now()`, updatedBy: actorId, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}
