import { sql, type Insertable, type RawBuilder, type Updateable } from 'kysely';
import type { Db, OpportunitiesTable, OpportunityStatus } from './schema.ts';
import { pageOf, readPage, type SortColumn, type Sort, type decodeCursor } from './paging.ts';
import { softDeleteRow, updateAtVersion } from './versioned.ts';
import { readableOpportunities } from './visibility.ts';

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

/** Several, each as `findOpportunity` reads it: the ones an import updates, before and after, for their history (O-24). */
export async function findOpportunities(db: Db, ids: readonly number[]): Promise<OpportunityRow[]> {
  return ids.length ? selectOpportunities(db).where('o.id', 'in', ids).execute() : [];
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
  /** With "sellers see only their own": the seller reading (policy.ts readScope), who sees only the opportunities they own or sell on. */
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
  if (f.visibleTo !== undefined) where.push(readableOpportunities(f.visibleTo));
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

export async function listOpportunities(db: Db, query: ListQuery<OpportunityFilters>, tuning: TitleSearchTuning = {}) {
  if (query.sort.field === 'title' && (query.filters.q || query.filters.title)) return listByTitleSearch(db, query, tuning);
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

/** For tests: how many title-index entries the walk may read (by default 20 per match PostgreSQL expects). */
export type TitleSearchTuning = { walk?: number };

// Reading one entry of the covering title index costs about a twentieth of fetching, checking and
// sorting one trigram match (~0.1 µs against ~2 µs), so a walk may read 20 entries per expected match.
const WALK_PER_MATCH = 20;

/**
 * A text search (`q`, `title`) sorted by title. Walking the title index and filtering is fast when
 * matches are spread out and sorting the trigram matches is fast when they are few, but neither when
 * many matches cluster in title order ("fjord": 43 000 rows walked for 50, or 20 000 matches sorted).
 * So the title matches are read in steps, each exact on its own:
 * 1. if PostgreSQL expects fewer matches than a page, they are sorted (as searchOrder does);
 * 2. else the covering index `(lower(title), id) INCLUDE (title)` is walked after the cursor, index-only,
 *    at most 20 entries per expected match: LIKE is checked on the index entries, the other filters only
 *    on rows whose title matches;
 * 3. if the walk found less than a page before the end of the index, the trigram matches after the
 *    last entry walked are sorted;
 * 4. with `q`, rows that match by description only come from their own query (as before), merged by title.
 * Then the page's rows are read by id.
 */
async function listByTitleSearch(db: Db, query: ListQuery<OpportunityFilters>, tuning: TitleSearchTuning) {
  const { sort, cursor, limit, filters } = query;
  const wanted = limit + 1;
  const direction = sort.direction === 'asc' ? sql`ASC` : sql`DESC`;
  const after = sort.direction === 'asc' ? sql`>` : sql`<`;
  const q = filters.q;
  const others = opportunityConditions({ ...filters, q: undefined });
  const inTitle = allOf(q ? [...others, sql<boolean>`lower(o.title) LIKE ${q}`] : others);
  const patterns = [q, filters.title].filter((p): p is string => Boolean(p));

  // (lower(title) || '') is not the index's expression: PostgreSQL finds the matches by trigrams and sorts them (searchOrder)
  const sortMatches = async (from: { v: string | null; id: number } | null, n: number) => {
    const start = from ? sql<boolean>`(lower(o.title), o.id) ${after} (${from.v}, ${from.id})` : sql<boolean>`true`;
    const { rows } = await sql<{ id: number }>`
      SELECT o.id FROM opportunities o WHERE ${inTitle} AND ${start}
      ORDER BY (lower(o.title) || '') ${direction}, o.id ${direction} LIMIT ${n}`.execute(db);
    return rows.map((r) => r.id);
  };
  const expected = tuning.walk === undefined ? await estimateRows(db, inTitle) : Infinity;
  // less than a page expected: sorting them costs less than any walk
  const ids = expected < wanted ? await sortMatches(cursor, wanted) : [];
  if (expected >= wanted) {
    const walk = Math.max(1, tuning.walk ?? Math.round(WALK_PER_MATCH * expected));
    const start = [sql<boolean>`t.deleted_at IS NULL`];
    if (cursor) start.push(sql<boolean>`(lower(t.title), t.id) ${after} (${cursor.v}, ${cursor.id})`);
    if (await sortsByCodePoint(db)) {
      // "starts with" only reads its range of the index
      for (const [from, to] of patterns.map(prefixRange).filter((r) => r !== null))
        start.push(sql<boolean>`lower(t.title) >= ${from} AND lower(t.title) < ${to}`);
    }
    const entries = sql`SELECT t.id, lower(t.title) AS k FROM opportunities t WHERE ${allOf(start)} ORDER BY lower(t.title) ${direction}, t.id ${direction}`;
    const { rows: found } = await sql<{ id: number }>`
      SELECT w.id FROM (${entries} LIMIT ${walk}) w JOIN opportunities o ON o.id = w.id
      WHERE ${allOf(patterns.map((p) => sql<boolean>`w.k LIKE ${p}`))} AND ${allOf(others)}
      ORDER BY w.k ${direction}, w.id ${direction} LIMIT ${wanted}`.execute(db);
    ids.push(...found.map((r) => r.id));
    if (ids.length < wanted) {
      // the last entry walked, if the walk stopped before the end of the index
      const { rows: ends } = await sql<{ k: string; id: number }>`${entries} OFFSET ${walk - 1} LIMIT 1`.execute(db);
      const end = ends[0];
      if (end) ids.push(...(await sortMatches({ v: end.k, id: end.id }, wanted - ids.length)));
    }
  }

  const byTitle = sql`SELECT o.id, lower(o.title) AS k FROM opportunities o WHERE o.id = ANY(${ids})`;
  const page = q
    ? sql`SELECT p.id FROM (${byTitle} UNION ALL (
        SELECT o.id, lower(o.title) FROM opportunities o
        WHERE ${allOf(others)} AND lower(o.description) LIKE ${q} AND NOT lower(o.title) LIKE ${q}
          ${cursor ? sql`AND (lower(o.title), o.id) ${after} (${cursor.v}, ${cursor.id})` : sql``}
        ORDER BY lower(o.title) ${direction}, o.id ${direction} LIMIT ${wanted})
      ) p ORDER BY p.k ${direction}, p.id ${direction} LIMIT ${wanted}`
    : sql`SELECT o.id FROM opportunities o WHERE o.id = ANY(${ids})`;
  const rows = await selectOpportunities(db)
    .select(sql<string>`lower(o.title)`.as('sortKey'))
    .where(sql<boolean>`o.id IN (${page})`)
    .orderBy(sql`lower(o.title) ${direction}, o.id ${direction}`)
    .execute();
  return pageOf(rows, limit, sort);
}

/** PostgreSQL's estimate of how many opportunities match: it plans the query and reads nothing. */
async function estimateRows(db: Db, where: RawBuilder<boolean>): Promise<number> {
  const { rows } = await sql<
    Record<string, [{ Plan: { 'Plan Rows': number } }]>
  >`EXPLAIN (FORMAT JSON) SELECT FROM opportunities o WHERE ${where}`.execute(db);
  const plan = Object.values(rows[0] ?? {})[0];
  return plan?.[0]?.Plan['Plan Rows'] ?? 0;
}

const codePointOrder = new WeakMap<Db, Promise<boolean>>();

/** Whether the database sorts text by code point (C, C.UTF-8: the server set-up and PGlite), where a prefix is a range. */
function sortsByCodePoint(db: Db): Promise<boolean> {
  let known = codePointOrder.get(db);
  if (!known) {
    known = sql<{ codePoint: boolean }>`
      SELECT (datlocprovider = 'c' AND datcollate IN ('C', 'POSIX', 'C.UTF-8', 'C.utf8')) OR datlocprovider = 'b' AS code_point
      FROM pg_database WHERE datname = current_database()`
      .execute(db)
      .then(({ rows }) => rows[0]?.codePoint === true)
      .catch(() => false);
    codePointOrder.set(db, known);
  }
  return known;
}

/** `abc%` (L-3 "starts with", nothing else wild) → ['abc', 'abd']: in code point order, what it matches lies in [abc, abd). */
export function prefixRange(pattern: string): [string, string] | null {
  const match = /^((?:[^\\%_]|\\.)+)%$/su.exec(pattern);
  if (!match?.[1]) return null;
  const chars = Array.from(match[1].replace(/\\(.)/gsu, '$1'));
  const last = chars.pop()?.codePointAt(0) ?? 0x10ffff;
  if (last >= 0x10ffff) return null;
  const next = last + 1 === 0xd800 ? 0xe000 : last + 1; // no surrogates in text
  return [[...chars, String.fromCodePoint(last)].join(''), [...chars, String.fromCodePoint(next)].join('')];
}

export async function nextOpportunityNumber(db: Db): Promise<number> {
  const row = await db.selectFrom('opportunities').select('number').orderBy('number', 'desc').limit(1).executeTakeFirst();
  return (row?.number ?? 0) + 1;
}

export async function insertOpportunity(db: Db, row: Insertable<OpportunitiesTable>) {
  const { id } = await db.insertInto('opportunities').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function updateOpportunityRow(
  db: Db,
  id: number,
  version: number,
  actorId: number,
  changes: Updateable<OpportunitiesTable>,
): Promise<boolean> {
  return updateAtVersion(db, 'opportunities', id, version, actorId, changes);
}

export async function softDeleteOpportunity(db: Db, id: number, actorId: number) {
  await softDeleteRow(db, 'opportunities', id, actorId);
}

// Steps are written by the SQL function opportunity_step_state (migration 0012), the one home of
// their rule, in every statement below and in the import's.

/** The steps of new opportunities, one per stage of the process, as they stand at their stage (and status). */
export function newStepsOf(opportunities: RawBuilder<unknown>) {
  return sql`
    SELECT o.id, s.id, opportunity_step_state('todo', s.position, cur.position, o.status = 'won')
    FROM ${opportunities} o JOIN stages cur ON cur.id = o.stage_id JOIN stages s ON s.process_id = o.process_id`;
}

/** Writes the steps of opportunities just created, from their stage and status. */
export async function insertSteps(db: Db, opportunityIds: readonly number[]) {
  if (!opportunityIds.length) return;
  const created = sql`(SELECT id, status, process_id, stage_id FROM opportunities WHERE id = ANY(${opportunityIds}::int[]))`;
  await sql`INSERT INTO opportunity_steps (opportunity_id, stage_id, state) ${newStepsOf(created)}`.execute(db);
}

/** The steps of a new opportunity at a stage, open or not (`${stageId}:${won}`), for writers that cannot run the rule per row (COPY). */
export type NewStepsAt = ReadonlyMap<string, readonly { stageId: number; state: string }[]>;

/** The steps the rule gives a new opportunity at each stage of every process, open (or lost, expired) and won. */
export async function newStepsAt(db: Db): Promise<NewStepsAt> {
  const { rows } = await sql<{ at: number; won: boolean; stageId: number; state: string }>`
    SELECT cur.id AS at, w.won, s.id AS stage_id, opportunity_step_state('todo', s.position, cur.position, w.won) AS state
    FROM stages cur JOIN stages s ON s.process_id = cur.process_id CROSS JOIN (VALUES (false), (true)) AS w(won)
    ORDER BY cur.id, w.won, s.position`.execute(db);
  const steps = new Map<string, { stageId: number; state: string }[]>();
  for (const row of rows) {
    const key = `${row.at}:${row.won}`;
    const list = steps.get(key) ?? [];
    list.push({ stageId: row.stageId, state: row.state });
    steps.set(key, list);
  }
  return steps;
}

/**
 * After these opportunities moved to another stage (`won`: were won), their steps follow: those that
 * change state are written, with the time of the change.
 */
export async function alignSteps(db: Db, opportunityIds: readonly number[], { won = false }: { won?: boolean } = {}) {
  if (!opportunityIds.length) return;
  const next = sql`opportunity_step_state(st.state, s.position, cur.position, ${won})`;
  await sql`
    UPDATE opportunity_steps st SET state = ${next}, changed_at = now()
    FROM opportunities o LEFT JOIN stages cur ON cur.id = o.stage_id, stages s
    WHERE o.id = ANY(${opportunityIds}::int[]) AND st.opportunity_id = o.id AND s.id = st.stage_id
      AND (cur.id IS NOT NULL OR ${won}) AND st.state <> ${next}`.execute(db);
}

export async function addSeller(db: Db, opportunityId: number, userId: number, share: number, position: number) {
  await db.insertInto('opportunitySellers').values({ opportunityId, userId, share, position }).execute();
}

/**
 * O-17: with a single seller, that seller is the owner with 100 %, so changing the owner replaces the
 * seller by the new owner at 100 %; with several sellers no share changes (seed 003: «Om det ligger
 * flera säljare med andelar kommer ett byte av kundansvarig ej påverka andelarna»). For opportunities
 * whose owner changed, each with its new owner.
 */
export async function replaceSoleSellers(db: Db, owners: readonly { opportunityId: number; ownerId: number }[]) {
  if (!owners.length) return;
  await sql`
    UPDATE opportunity_sellers x SET user_id = c.owner_id, share = 100
    FROM unnest(${owners.map((o) => o.opportunityId)}::int[], ${owners.map((o) => o.ownerId)}::int[]) AS c(opportunity_id, owner_id)
    WHERE x.opportunity_id = c.opportunity_id
      AND NOT EXISTS (SELECT 1 FROM opportunity_sellers y WHERE y.opportunity_id = x.opportunity_id AND y.user_id <> x.user_id)`.execute(
    db,
  );
}
