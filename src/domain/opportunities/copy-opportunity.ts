import type { Db } from '../../db/schema.ts';
import { insertOpportunity, nextOpportunityNumber, type OpportunityRow } from '../../db/opportunities.ts';
import { lockNumbering } from '../../db/companies.ts';
import { findProcess } from '../../db/sales-processes.ts';
import { copyCompetitors, copyStepsAndSellers, lastClosing } from '../../db/opportunity-lifecycle.ts';
import type { Actor } from '../auth/permissions.ts';
import { changeableOpportunity } from '../records/access.ts';
import { recordLifecycle } from '../history/history.ts';
import { nextProbability } from './rules.ts';
import { reloadOpportunity } from './opportunity-writes.ts';

/**
 * O-13: a copy with the steps, sellers and competitors (not activities or history): open, with a new
 * number. Copying is a change: only those who may change the original copy it.
 */
export async function copyOpportunity({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<OpportunityRow> {
  const original = await changeableOpportunity(db, actor, id);
  const process = await findProcess(db, original.processId);
  const closing = original.status === 'open' ? null : await lastClosing(db, id);
  const probability =
    original.status === 'open'
      ? original.probability
      : nextProbability({
          mode: original.probabilityMode,
          stageProbability: process?.stages.find((s) => s.id === original.stageId)?.probability ?? null,
          current: closing?.probabilityBefore ?? 0,
        });
  await lockNumbering(db, 'opportunities.number');
  const copyId = await insertOpportunity(db, {
    number: await nextOpportunityNumber(db),
    title: original.title,
    description: original.description,
    companyId: original.companyId,
    contactId: original.contactId,
    ownerId: original.ownerId,
    processId: original.processId,
    stageId: original.stageId,
    probability,
    probabilityMode: original.probabilityMode,
    amount: original.amount,
    currency: original.currency,
    margin: original.margin,
    annualMargin: original.annualMargin,
    decisionDate: original.decisionDate,
    deliveryDate: original.deliveryDate,
    priority: original.priority,
    rating: original.rating,
    typeId: original.typeId,
    sourceId: original.sourceId,
    campaignId: original.campaignId,
    regionId: original.regionId,
    departmentId: original.departmentId,
    externalRef: original.externalRef,
    createdBy: actor.id,
    updatedBy: actor.id,
  });
  await copyStepsAndSellers(db, id, copyId);
  await copyCompetitors(db, id, copyId);
  const copy = await reloadOpportunity(db, copyId);
  await recordLifecycle(db, 'opportunity', copyId, actor.id, 'created', `${copy.title} (copy of no. ${original.number})`); // O-24
  return copy;
}
