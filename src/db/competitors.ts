// Competitors (SPEC O-15): the global list, and the competitors of each opportunity — an entry
// either points at the global list (competitor_id) or carries a one-off typed name (name).
//
// Which id is which: an entry's own `id` is the "entry id" (opportunity_competitors.id);
// `competitorId` and opportunities.winner_competitor_id are GLOBAL ids (competitors.id).
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { CompetitorsTable, Db, OpportunityCompetitorsTable } from './schema.ts';

export type Competitor = Selectable<CompetitorsTable>;

export type OpportunityCompetitorRow = {
  id: number;
  opportunityId: number;
  competitorId: number | null;
  name: string;
  website: string | null;
  rating: number | null;
  threat: number;
  note: string | null;
  version: number;
};

// --- the global list ---------------------------------------------------------------------------

/** The global list sorted by name; `q` is a LIKE pattern for lower(name) (see text-pattern.ts). */
export function listCompetitors(db: Db, filters: { q?: string | undefined; active?: boolean | undefined }): Promise<Competitor[]> {
  let select = db.selectFrom('competitors').selectAll();
  if (filters.q) select = select.where(sql<boolean>`lower(name) LIKE ${filters.q}`);
  if (filters.active !== undefined) select = select.where('active', '=', filters.active);
  return select
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

export function findCompetitor(db: Db, id: number): Promise<Competitor | undefined> {
  return db.selectFrom('competitors').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The global competitor of that name, whatever its case (names are unique that way). */
export function findCompetitorByName(db: Db, name: string): Promise<Competitor | undefined> {
  return db
    .selectFrom('competitors')
    .selectAll()
    .where(sql<boolean>`lower(name) = lower(${name.trim()})`)
    .executeTakeFirst();
}

export function insertCompetitor(db: Db, row: Insertable<CompetitorsTable>): Promise<Competitor> {
  return db.insertInto('competitors').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCompetitor(db: Db, id: number, changes: Updateable<CompetitorsTable>): Promise<Competitor | undefined> {
  if (Object.keys(changes).length === 0) return findCompetitor(db, id);
  return db.updateTable('competitors').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
}

// --- the competitors of one opportunity -------------------------------------------------------

function selectEntries(db: Db) {
  return db
    .selectFrom('opportunityCompetitors as oc')
    .leftJoin('competitors as c', 'c.id', 'oc.competitorId')
    .select([
      'oc.id',
      'oc.opportunityId',
      'oc.competitorId',
      sql<string>`coalesce(c.name, oc.name)`.as('name'),
      'c.website',
      'c.rating',
      'oc.threat',
      'oc.note',
      'oc.version',
    ]);
}

/** O-15: the most dangerous first (threat high to low), then by name. */
export function listOpportunityCompetitors(db: Db, opportunityId: number): Promise<OpportunityCompetitorRow[]> {
  return selectEntries(db)
    .where('oc.opportunityId', '=', opportunityId)
    .orderBy('oc.threat', 'desc')
    .orderBy(sql`lower(coalesce(c.name, oc.name))`)
    .orderBy('oc.id')
    .execute();
}

/** One entry of that opportunity (by entry id), or undefined when it belongs to another one. */
export function findOpportunityCompetitor(db: Db, opportunityId: number, entryId: number): Promise<OpportunityCompetitorRow | undefined> {
  return selectEntries(db).where('oc.opportunityId', '=', opportunityId).where('oc.id', '=', entryId).executeTakeFirst();
}

/** The entry that already names this competitor on the opportunity: same global id, or same one-off name (any case). */
export function findSameCompetitor(db: Db, opportunityId: number, pick: { competitorId: number } | { name: string }) {
  let select = db.selectFrom('opportunityCompetitors').select('id').where('opportunityId', '=', opportunityId);
  select =
    'competitorId' in pick
      ? select.where('competitorId', '=', pick.competitorId)
      : select.where(sql<boolean>`lower(name) = lower(${pick.name})`);
  return select.executeTakeFirst();
}

export async function insertOpportunityCompetitor(db: Db, row: Insertable<OpportunityCompetitorsTable>): Promise<number> {
  const { id } = await db.insertInto('opportunityCompetitors').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateOpportunityCompetitor(
  db: Db,
  entryId: number,
  changes: { threat?: number | undefined; note?: string | null | undefined },
) {
  if (changes.threat === undefined && changes.note === undefined) return;
  await db.updateTable('opportunityCompetitors').set(changes).where('id', '=', entryId).execute();
}

export async function deleteOpportunityCompetitor(db: Db, entryId: number) {
  await db.deleteFrom('opportunityCompetitors').where('id', '=', entryId).execute();
}

/**
 * Whether a GLOBAL competitor (competitors.id — what opportunities.winner_competitor_id holds) is
 * among the opportunity's competitors: picked from the list, or typed as a one-off of the same name.
 * Entry ids are not accepted here; turn an entry into a global id with `ensureGlobalCompetitor`.
 */
export async function isCompetitorOfOpportunity(db: Db, opportunityId: number, globalCompetitorId: number): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    SELECT EXISTS (
      SELECT 1 FROM opportunity_competitors oc JOIN competitors c ON c.id = ${globalCompetitorId}
      WHERE oc.opportunity_id = ${opportunityId} AND (oc.competitor_id = c.id OR lower(oc.name) = lower(c.name))
    ) AS found`.execute(db);
  return rows[0]?.found === true;
}

/**
 * The GLOBAL competitor id for one of an opportunity's entries (by ENTRY id), for use as
 * winner_competitor_id when closing as lost (O-10). An entry picked from the list gives its
 * competitor; a one-off name is promoted into the global list (or matched to an existing global
 * competitor of that name) and the entry then points at it. With `opportunityId`, an entry of
 * another opportunity counts as missing: null, which the caller refuses. Call inside the closing
 * transaction.
 */
export async function ensureGlobalCompetitor(db: Db, entryId: number, opportunityId?: number): Promise<number | null> {
  const entry = await db
    .selectFrom('opportunityCompetitors')
    .select(['id', 'opportunityId', 'competitorId', 'name'])
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!entry || (opportunityId !== undefined && entry.opportunityId !== opportunityId)) return null;
  if (entry.competitorId !== null) return entry.competitorId;
  const name = (entry.name ?? '').trim();
  const global = (await findCompetitorByName(db, name)) ?? (await insertCompetitor(db, { name }));
  // the entry now refers to the list, unless the opportunity already has an entry that does
  if (!(await findSameCompetitor(db, entry.opportunityId, { competitorId: global.id }))) {
    await db
      .updateTable('opportunityCompetitors')
      .set({ competitorId: global.id, name: null, version: sql`version + 1` })
      .where('id', '=', entryId)
      .execute();
  }
  return global.id;
}
