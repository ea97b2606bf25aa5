// The read rule of domain/auth/policy.ts (A-2 "sellers see only their own") as SQL, for lists:
// policy.test.ts checks on a table of cases that these conditions select exactly what canRead and
// canReadActivity allow. `seller` is the policy's readScope; without one, lists add no condition.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from './schema.ts';

/** Opportunities (`alias`, default `o`) that the seller owns or sells on. */
export function readableOpportunities(seller: number, alias = 'o'): RawBuilder<boolean> {
  const o = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<boolean>`(${o('owner_id')} = ${seller} OR EXISTS (SELECT 1 FROM opportunity_sellers vs WHERE vs.opportunity_id = ${o('id')} AND vs.user_id = ${seller}))`;
}

/** Activities (`alias`, default `a`) without an opportunity, or on one the seller may read. */
export function readableActivities(seller: number, alias = 'a'): RawBuilder<boolean> {
  return sql<boolean>`(${sql.ref(`${alias}.opportunity_id`)} IS NULL
    OR EXISTS (SELECT 1 FROM opportunities vo WHERE vo.id = ${sql.ref(`${alias}.opportunity_id`)} AND ${readableOpportunities(seller, 'vo')}))`;
}

/** An opportunity's owner and sellers, deleted or not (what an activity on it is read by). */
export function opportunityParties(db: Db, id: number): Promise<{ ownerId: number; sellerIds: number[] } | undefined> {
  return db
    .selectFrom('opportunities as o')
    .select([
      'o.ownerId',
      sql<number[]>`array(SELECT user_id FROM opportunity_sellers x WHERE x.opportunity_id = o.id ORDER BY x.position)`.as('sellerIds'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst();
}
