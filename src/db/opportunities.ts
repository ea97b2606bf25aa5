import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Db, OpportunitiesTable, OpportunityStatus } from './schema.ts';
import { readPage, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { softDeleteRow, updateAtVersion } from './versioned.ts';

const col = (name: string, nullable: boolean): SortColumn => ({ expr: sql.ref(`o.${name}`), nullable });

export const OPPORTUNITY_SORTS: Record<string, SortColumn> = {
  number: { expr: sql.ref('o.number'), nullable: false, unique: true },
  title: { expr: sql`lower(o.title)`, nullable: false },
  company: { expr: sql`lower(c.name)`, nullable: false },
  status: col('status', false),
  stage: { expr: sql`s.position`, nullable: true },
  probability: col('probability', false),
  amount: col('amount', true),
  weightedAmount: col('weighted_amount', false),
  actualAmount: col('actual_amount', true),
  margin: col('margin', true),
  decisionDate: col('decision_date', true),
  closeDate: col('close_date', true),
  deliveryDate: col('delivery_date', true),
  followUpDate: col('follow_up_date', true),
  priority: col('priority', false),
  rating: col('rating', true),
  ownerId: col('owner_id', false),
  createdAt: col('created_at', false),
  updatedAt: col('updated_at', false),
};

function selectOpportunities(db: Db) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('companies as c', 'c.id', 'o.companyId')
    .innerJoin('users as owner', 'owner.id', 'o.ownerId')
    .leftJoin('stages as s', 's.id', 'o.stageId')
    .leftJoin('users as editor', 'editor.id', 'o.updatedBy')
    .selectAll('o')
    .select([
      'c.name as companyName',
      's.name as stageName',
      'owner.initials as ownerInitials',
      'editor.initials as updatedByInitials',
      sql<number[]>`array(SELECT user_id FROM opportunity_sellers x WHERE x.opportunity_id = o.id ORDER BY x.position)`.as('sellerIds'),
    ])
    .where('o.deletedAt', 'is', null);
}

export type OpportunityRow = Awaited<ReturnType<ReturnType<typeof selectOpportunities>['executeTakeFirstOrThrow']>>;

export function findOpportunity(db: Db, id: number): Promise<OpportunityRow | undefined> {
  return selectOpportunities(db).where('o.id', '=', id).executeTakeFirst();
}

type Range = { gte?: number | string | undefined; lte?: number | string | undefined; ne?: number | string | undefined };

export type OpportunityFilters = {
  q?: string | undefined;
  title?: string | undefined;
  note?: string | undefined;
  letter?: string | undefined;
  status?: OpportunityStatus[] | undefined;
  priority?: ('low' | 'normal' | 'high')[] | undefined;
  rating?: number[] | undefined;
  number?: number[] | undefined;
  probability?: number[] | undefined;
  amount?: number[] | undefined;
  actualAmount?: number[] | undefined;
  ownerId?: number[] | undefined;
  sellerId?: number[] | undefined;
  companyId?: number[] | undefined;
  contactId?: number[] | undefined;
  stageId?: number[] | undefined;
  processId?: number[] | undefined;
  campaignId?: number[] | undefined;
  regionId?: number[] | undefined;
  departmentId?: number[] | undefined;
  typeId?: number[] | undefined;
  sourceId?: number[] | undefined;
  createdBy?: number[] | undefined;
  updatedBy?: number[] | undefined;
  stagnantDays?: number | undefined;
  stagnant?: boolean | undefined;
  ranges?: Record<string, Range> | undefined;
  /** With "sellers see only their own": the seller whose opportunities are visible. */
  visibleTo?: number | undefined;
};

/** `field=a,b` equality filters and the column each compares (L-2). */
const LIST_FILTERS = {
  ownerId: 'owner_id',
  companyId: 'company_id',
  contactId: 'contact_id',
  stageId: 'stage_id',
  processId: 'process_id',
  campaignId: 'campaign_id',
  regionId: 'region_id',
  departmentId: 'department_id',
  typeId: 'type_id',
  sourceId: 'source_id',
  createdBy: 'created_by',
  updatedBy: 'updated_by',
  rating: 'rating',
  number: 'number',
  probability: 'probability',
  amount: 'amount',
  actualAmount: 'actual_amount',
  status: 'status',
  priority: 'priority',
} as const;

/** Columns that take `.gte`, `.lte` and `.ne` comparisons (L-2). */
export const RANGE_COLUMNS: Record<string, string> = {
  number: 'number',
  probability: 'probability',
  amount: 'amount',
  actualAmount: 'actual_amount',
  weightedAmount: 'weighted_amount',
  decisionDate: 'decision_date',
  closeDate: 'close_date',
  deliveryDate: 'delivery_date',
  followUpDate: 'follow_up_date',
  createdAt: 'created_at',
  updatedAt: 'updated_at',
};

function stagnantCondition(days: number) {
  return sql<boolean>`(o.status = 'open' AND greatest(o.updated_at, coalesce(o.last_activity_at, o.updated_at)) <= now() - make_interval(days => ${days}))`;
}

const isSellerOf = (ids: readonly number[]) =>
  sql<boolean>`(o.owner_id IN (${sql.join(ids)}) OR EXISTS (SELECT 1 FROM opportunity_sellers x WHERE x.opportunity_id = o.id AND x.user_id IN (${sql.join(ids)})))`;

/**
 * The WHERE conditions of a selection (L-2, L-3) on `opportunities o`, without joins, so the list,
 * the summary (L-5) and the exports (L-6) select exactly the same rows.
 */
export function opportunityConditions(f: OpportunityFilters): RawBuilder<boolean>[] {
  const where: RawBuilder<boolean>[] = [sql<boolean>`o.deleted_at IS NULL`];
  if (f.q) where.push(sql<boolean>`(lower(o.title) LIKE ${f.q} OR lower(o.description) LIKE ${f.q})`);
  if (f.title) where.push(sql<boolean>`lower(o.title) LIKE ${f.title}`);
  if (f.note) where.push(sql<boolean>`lower(o.description) LIKE ${f.note}`);
  if (f.letter) {
    // the initial letter of the company name; lower() folds Æ Ø Å Ä Ö like A-Z (tested on both backends)
    const prefix = `${f.letter.toLocaleLowerCase('da')}%`;
    where.push(sql<boolean>`o.company_id IN (SELECT l.id FROM companies l WHERE lower(l.name) LIKE ${prefix})`);
  }
  for (const [filter, column] of Object.entries(LIST_FILTERS)) {
    const values = f[filter as keyof typeof LIST_FILTERS];
    if (values) where.push(sql<boolean>`${sql.ref(`o.${column}`)} IN (${sql.join(values)})`);
  }
  if (f.sellerId) where.push(isSellerOf(f.sellerId));
  if (f.visibleTo !== undefined) where.push(isSellerOf([f.visibleTo]));
  for (const [field, range] of Object.entries(f.ranges ?? {})) {
    const ref = sql.ref(`o.${RANGE_COLUMNS[field]}`);
    if (range.gte !== undefined) where.push(sql<boolean>`${ref} >= ${range.gte}`);
    if (range.lte !== undefined) where.push(sql<boolean>`${ref} <= ${range.lte}`);
    if (range.ne !== undefined) where.push(sql<boolean>`${ref} IS DISTINCT FROM ${range.ne}`);
  }
  if (f.stagnant !== undefined && f.stagnantDays !== undefined) {
    const condition = stagnantCondition(f.stagnantDays);
    where.push(f.stagnant ? condition : sql<boolean>`NOT ${condition}`);
  }
  return where;
}

export const allOf = (conditions: RawBuilder<boolean>[]) => sql<boolean>`(${sql.join(conditions, sql` AND `)})`;

export type ListQuery<F> = { sort: Sort; cursor: ReturnType<typeof decodeCursor>; limit: number; filters: F };

export async function listOpportunities(db: Db, query: ListQuery<OpportunityFilters>) {
  // no searchOrder here: titles rarely cluster the way names do, and the number order is the usual one
  const column = OPPORTUNITY_SORTS[query.sort.field] as SortColumn;
  const selection = allOf(opportunityConditions(query.filters));
  return readPage(column, sql`o.id`, query.sort, query.cursor, query.limit, (where, order, limit) =>
    selectOpportunities(db)
      .select(sql<string | null>`(${column.expr})::text`.as('sortKey'))
      .where(selection)
      .where(where)
      .orderBy(order)
      .limit(limit)
      .execute(),
  );
}

export async function nextOpportunityNumber(db: Db): Promise<number> {
  const row = await db.selectFrom('opportunities').select('number').orderBy('number', 'desc').limit(1).executeTakeFirst();
  return (row?.number ?? 0) + 1;
}

export async function insertOpportunity(db: Db, row: Insertable<OpportunitiesTable>) {
  const { id } = await db.insertInto('opportunities').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateOpportunityRow(db: Db, id: number, version: number, actorId: number, changes: Updateable<OpportunitiesTable>): Promise<boolean> {
  return updateAtVersion(db, 'opportunities', id, version, actorId, changes);
}

export async function softDeleteOpportunity(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'opportunities', id, actorId);
}

/** O-7: one step per stage; those before `currentPosition` done, the rest to do. */
export async function writeSteps(db: Db, opportunityId: number, stages: { id: number; position: number }[], currentPosition: number) {
  await db.deleteFrom('opportunitySteps').where('opportunityId', '=', opportunityId).execute();
  if (stages.length === 0) return;
  await db
    .insertInto('opportunitySteps')
    .values(stages.map((s) => ({ opportunityId, stageId: s.id, state: s.position < currentPosition ? ('done' as const) : ('todo' as const), changedAt: new Date() })))
    .execute();
}

export async function addSeller(db: Db, opportunityId: number, userId: number, share: number, position: number) {
  await db.insertInto('opportunitySellers').values({ opportunityId, userId, share, position }).execute();
}

/** O-17: with a single seller, a new owner replaces that seller at 100 %. */
export async function replaceSoleSeller(db: Db, opportunityId: number, newOwnerId: number) {
  const sellers = await db.selectFrom('opportunitySellers').select(['userId']).where('opportunityId', '=', opportunityId).execute();
  if (sellers.length !== 1) return;
  await db.updateTable('opportunitySellers').set({ userId: newOwnerId, share: 100 }).where('opportunityId', '=', opportunityId).execute();
}
