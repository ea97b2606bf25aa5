// The commission sellers of an opportunity (SPEC O-16 … O-20), in the order they were added.
import type { Db } from './schema.ts';

export type SellerRow = { userId: number; name: string; initials: string; share: number };

/** The sellers of an opportunity with their names, in added order (position). */
export function listSellers(db: Db, opportunityId: number): Promise<SellerRow[]> {
  return db
    .selectFrom('opportunitySellers as x')
    .innerJoin('users as u', 'u.id', 'x.userId')
    .select(['x.userId', 'u.name', 'u.initials', 'x.share'])
    .where('x.opportunityId', '=', opportunityId)
    .orderBy('x.position')
    .execute();
}

/** Writes the whole list anew; positions 1 … n keep the added order. Call inside a transaction. */
export async function replaceSellers(db: Db, opportunityId: number, sellers: readonly { userId: number; share: number }[]) {
  await db.deleteFrom('opportunitySellers').where('opportunityId', '=', opportunityId).execute();
  if (sellers.length === 0) return;
  await db
    .insertInto('opportunitySellers')
    .values(sellers.map((s, index) => ({ opportunityId, userId: s.userId, share: s.share, position: index + 1 })))
    .execute();
}

/**
 * Locks the opportunity's row until the transaction ends, so two changes to its sellers or
 * competitors are applied one after the other instead of both computing from the same old list.
 */
export async function lockOpportunity(db: Db, opportunityId: number): Promise<void> {
  await db.selectFrom('opportunities').select('id').where('id', '=', opportunityId).forUpdate().execute();
}
