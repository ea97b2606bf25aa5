// SQL for the life of an opportunity beyond plain edits: steps, closings, copies, restore.
import { sql } from 'kysely';
import type { Db } from './schema.ts';
import type { Step } from '../domain/opportunities/steps.ts';

export type StepRow = Step & { name: string; probability: number };

export function listSteps(db: Db, opportunityId: number): Promise<StepRow[]> {
  return db
    .selectFrom('opportunitySteps as st')
    .innerJoin('stages as s', 's.id', 'st.stageId')
    .select(['st.stageId', 's.name', 's.probability', 's.position', 'st.state'])
    .where('st.opportunityId', '=', opportunityId)
    .orderBy('s.position')
    .execute();
}

/** Writes the states that changed. */
export async function saveSteps(db: Db, opportunityId: number, before: readonly Step[], after: readonly Step[]) {
  for (const step of after) {
    const old = before.find((s) => s.stageId === step.stageId);
    if (old?.state === step.state) continue;
    await db
      .updateTable('opportunitySteps')
      .set({ state: step.state, changedAt: sql`now()` })
      .where('opportunityId', '=', opportunityId)
      .where('stageId', '=', step.stageId)
      .execute();
  }
}

export async function insertClosing(
  db: Db,
  row: {
    opportunityId: number;
    outcome: 'won' | 'lost' | 'expired';
    closeDate: string;
    actualAmount: number | null;
    deliveryDate: string | null;
    winReasonId: number | null;
    lossReasonId: number | null;
    winnerCompetitorId: number | null;
    note: string | null;
    probabilityBefore: number;
    closedBy: number;
  },
) {
  await db.insertInto('opportunityClosings').values(row).execute();
}

export function lastClosing(db: Db, opportunityId: number) {
  return db
    .selectFrom('opportunityClosings')
    .selectAll()
    .where('opportunityId', '=', opportunityId)
    .where('reopenedAt', 'is', null)
    .orderBy('closedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The probability of a stage (null when it is gone), which a reopened opportunity in stage mode takes again. */
export async function stageProbability(db: Db, stageId: number): Promise<number | null> {
  const row = await db.selectFrom('stages').select('probability').where('id', '=', stageId).executeTakeFirst();
  return row?.probability ?? null;
}

export async function markReopened(db: Db, closingId: number, actorId: number) {
  await db
    .updateTable('opportunityClosings')
    .set({ reopenedAt: sql`now()`, reopenedBy: actorId })
    .where('id', '=', closingId)
    .execute();
}

export function listClosings(db: Db, opportunityId: number) {
  return db
    .selectFrom('opportunityClosings as k')
    .leftJoin('users as closer', 'closer.id', 'k.closedBy')
    .leftJoin('users as reopener', 'reopener.id', 'k.reopenedBy')
    .selectAll('k')
    .select(['closer.initials as closedByInitials', 'reopener.initials as reopenedByInitials'])
    .where('k.opportunityId', '=', opportunityId)
    .orderBy('k.closedAt', 'desc')
    .orderBy('k.id', 'desc')
    .execute();
}

/** O-13: copies the steps' states and the sellers of one opportunity onto another. */
export async function copyStepsAndSellers(db: Db, fromId: number, toId: number) {
  await sql`
    INSERT INTO opportunity_steps (opportunity_id, stage_id, state, changed_at)
    SELECT ${toId}, stage_id, state, now() FROM opportunity_steps WHERE opportunity_id = ${fromId}`.execute(db);
  await sql`
    INSERT INTO opportunity_sellers (opportunity_id, user_id, share, position)
    SELECT ${toId}, user_id, share, position FROM opportunity_sellers WHERE opportunity_id = ${fromId}`.execute(db);
}

/** O-13: the competitors too, when the per-opportunity competitor list exists. */
export async function copyCompetitors(db: Db, fromId: number, toId: number) {
  const { rows } = await sql<{ exists: boolean }>`SELECT to_regclass('opportunity_competitors') IS NOT NULL AS exists`.execute(db);
  if (!rows[0]?.exists) return;
  await sql`
    INSERT INTO opportunity_competitors (opportunity_id, competitor_id, name, threat, note)
    SELECT ${toId}, competitor_id, name, threat, note FROM opportunity_competitors WHERE opportunity_id = ${fromId}`.execute(db);
}

export function findDeletedOpportunity(db: Db, id: number) {
  return db
    .selectFrom('opportunities')
    .select(['id', 'number', 'title', 'deletedAt', 'updatedBy'])
    .where('id', '=', id)
    .where('deletedAt', 'is not', null)
    .executeTakeFirst();
}

/** O-14: deleted opportunities an admin can still restore (deleted within `days` days), newest first. */
export function listDeleted(db: Db, days: number, limit: number) {
  return db
    .selectFrom('opportunities as o')
    .innerJoin('companies as c', 'c.id', 'o.companyId')
    .leftJoin('users as u', 'u.id', 'o.updatedBy')
    .select([
      'o.id',
      'o.number',
      'o.title',
      'o.amount',
      'o.currency',
      'o.status',
      'o.deletedAt',
      'c.name as companyName',
      'u.initials as deletedByInitials',
    ])
    .where('o.deletedAt', 'is not', null)
    .where(sql<boolean>`o.deleted_at > now() - make_interval(days => ${days})`)
    .orderBy('o.deletedAt', 'desc')
    .limit(limit)
    .execute();
}

export async function restoreOpportunityRow(db: Db, id: number, actorId: number) {
  await db
    .updateTable('opportunities')
    .set({ deletedAt: null, updatedAt: sql`now()`, updatedBy: actorId, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The sellers with shares and the competitors with threat, as one line each, for the change history. */
export async function describeParts(db: Db, opportunityId: number): Promise<{ sellers: string | null; competitors: string | null }> {
  const { rows } = await sql<{ sellers: string | null; competitors: string | null }>`
    SELECT
      (SELECT string_agg(u.initials || ' ' || to_char(s.share, 'FM990.00') || ' %', ', ' ORDER BY s.position)
         FROM opportunity_sellers s JOIN users u ON u.id = s.user_id WHERE s.opportunity_id = ${opportunityId}) AS sellers,
      (SELECT string_agg(coalesce(c.name, oc.name) || ' (' || oc.threat || ')', ', ' ORDER BY oc.threat DESC, coalesce(c.name, oc.name))
         FROM opportunity_competitors oc LEFT JOIN competitors c ON c.id = oc.competitor_id WHERE oc.opportunity_id = ${opportunityId}) AS competitors`.execute(
    db,
  );
  return rows[0] ?? { sellers: null, competitors: null };
}
