// The pipeline board (U-1): per stage of one process, the open opportunities' count and sums, in SQL.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import { readableOpportunities } from './visibility.ts';

export type BoardFilters = {
  processId: number;
  ownerId?: number[] | undefined;
  sellerId?: number[] | undefined;
  visibleTo?: number | undefined;
};

export type ColumnTotal = { stageId: number; currency: string; count: number; total: number; weighted: number };

/** Count, amount and weighted amount of the open opportunities per stage and currency. */
export async function boardTotals(db: Db, f: BoardFilters): Promise<ColumnTotal[]> {
  const owner = f.ownerId?.length ? sql`AND o.owner_id = ANY(${f.ownerId}::int[])` : sql``;
  const seller = f.sellerId?.length
    ? sql`AND (o.owner_id = ANY(${f.sellerId}::int[]) OR EXISTS (SELECT 1 FROM opportunity_sellers x WHERE x.opportunity_id = o.id AND x.user_id = ANY(${f.sellerId}::int[])))`
    : sql``;
  const visible = f.visibleTo !== undefined ? sql`AND ${readableOpportunities(f.visibleTo)}` : sql``;
  const { rows } = await sql<ColumnTotal>`
    SELECT o.stage_id AS stage_id, o.currency, count(*)::int AS count,
           coalesce(sum(o.amount), 0) AS total, coalesce(sum(o.weighted_amount), 0) AS weighted
    FROM opportunities o
    WHERE o.process_id = ${f.processId} AND o.status = 'open' AND o.deleted_at IS NULL ${owner} ${seller} ${visible}
    GROUP BY o.stage_id, o.currency
    ORDER BY o.stage_id, o.currency`.execute(db);
  return rows;
}
