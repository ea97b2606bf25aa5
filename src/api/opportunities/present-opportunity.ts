// The opportunity slice's answers: a row of the database → the shape the API documents (schema.ts).
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ColumnTotal } from '../../db/board.ts';
import type { OpportunityCompetitorRow } from '../../db/competitors.ts';
import type { listFollowUps } from '../../db/follow-ups.ts';
import type { listClosings, listDeleted } from '../../db/opportunity-lifecycle.ts';
import type { OpportunityRow } from '../../db/opportunities.ts';
import type { SalesProcess } from '../../db/sales-processes.ts';
import { currentSettings, type Settings } from '../../db/settings.ts';
import { decisionColor, isStagnant, marginPercent, todayIn } from '../../domain/opportunities/rules.ts';
import { iso } from '../common.ts';
import { withConflictShape } from '../present.ts';
import type {
  boardSchema,
  closingSchema,
  competitorEntrySchema,
  deletedOpportunitySchema,
  followUpSchema,
  opportunitySchema,
} from './schema.ts';

/** What presenting an opportunity needs besides its row: today in the instance's time zone and the stagnation limit. */
export type PresentContext = { today: string; now: Date; stagnationDays: number };

/** The settings and the present context of this moment, read once per request. */
export async function presentContext(app: FastifyInstance): Promise<{ settings: Settings; context: PresentContext }> {
  const settings = await currentSettings(app.db);
  const now = new Date();
  return { settings, context: { now, today: todayIn(app.config.timeZone, now), stagnationDays: settings.stagnationDays } };
}

/** An opportunity as the API answers it, with what is derived from it (margin %, stagnant, decision colour). */
export function presentOpportunity(o: OpportunityRow, context: PresentContext): z.infer<typeof opportunitySchema> {
  const lastTouched = o.lastActivityAt && o.lastActivityAt > o.updatedAt ? o.lastActivityAt : o.updatedAt;
  return {
    id: o.id,
    number: o.number,
    title: o.title,
    description: o.description,
    companyId: o.companyId,
    companyName: o.companyName,
    contactId: o.contactId,
    ownerId: o.ownerId,
    ownerInitials: o.ownerInitials,
    sellerIds: o.sellerIds,
    processId: o.processId,
    stageId: o.stageId,
    stageName: o.stageName,
    status: o.status,
    probability: o.probability,
    probabilityMode: o.probabilityMode,
    amount: o.amount,
    currency: o.currency,
    weightedAmount: o.weightedAmount,
    actualAmount: o.actualAmount,
    margin: o.margin,
    marginPct: marginPercent(o.margin, o.amount),
    annualMargin: o.annualMargin,
    decisionDate: o.decisionDate,
    deliveryDate: o.deliveryDate,
    closeDate: o.closeDate,
    followUpDate: o.followUpDate,
    priority: o.priority,
    rating: o.rating,
    typeId: o.typeId,
    sourceId: o.sourceId,
    campaignId: o.campaignId,
    regionId: o.regionId,
    departmentId: o.departmentId,
    lossReasonId: o.lossReasonId,
    winReasonId: o.winReasonId,
    winnerCompetitorId: o.winnerCompetitorId,
    externalRef: o.externalRef,
    quoteNumber: o.quoteNumber,
    stagnant: isStagnant(o.status, lastTouched, context.now, context.stagnationDays),
    decisionColor: decisionColor(o.status, o.decisionDate, context.today),
    version: o.version,
    createdAt: iso(o.createdAt) ?? '',
    createdBy: o.createdBy,
    updatedAt: iso(o.updatedAt) ?? '',
    updatedBy: o.updatedBy,
    updatedByInitials: o.updatedByInitials,
  };
}

/** Runs a write that answers the opportunity; a version conflict (409) carries the current one in the same shape. */
export async function presentWrite(app: FastifyInstance, write: () => Promise<OpportunityRow>): Promise<z.infer<typeof opportunitySchema>> {
  const { context } = await presentContext(app);
  const row = await withConflictShape(write, (current: OpportunityRow) => presentOpportunity(current, context));
  return presentOpportunity(row, context);
}

type ClosingRow = Awaited<ReturnType<typeof listClosings>>[number];

/** One close of an opportunity (O-9 … O-11). */
export function presentClosing(k: ClosingRow): z.infer<typeof closingSchema> {
  return {
    id: k.id,
    outcome: k.outcome,
    closeDate: k.closeDate,
    actualAmount: k.actualAmount,
    deliveryDate: k.deliveryDate,
    winReasonId: k.winReasonId,
    lossReasonId: k.lossReasonId,
    winnerCompetitorId: k.winnerCompetitorId,
    note: k.note,
    closedAt: iso(k.closedAt) ?? '',
    closedBy: k.closedBy,
    closedByInitials: k.closedByInitials,
    reopenedAt: iso(k.reopenedAt),
    reopenedBy: k.reopenedBy,
    reopenedByInitials: k.reopenedByInitials,
  };
}

/** One competitor on an opportunity (O-15); the opportunity is the one in the address. */
export function presentCompetitorEntry({
  opportunityId: _opportunityId,
  ...entry
}: OpportunityCompetitorRow): z.infer<typeof competitorEntrySchema> {
  return entry;
}

/** One follow-up date an opportunity has had (O-21). */
export function presentFollowUp(f: Awaited<ReturnType<typeof listFollowUps>>[number]): z.infer<typeof followUpSchema> {
  return { ...f, setAt: iso(f.setAt) ?? '' };
}

/** One deleted opportunity an admin can restore (O-14). */
export function presentDeleted(r: Awaited<ReturnType<typeof listDeleted>>[number]): z.infer<typeof deletedOpportunitySchema> {
  return { ...r, deletedAt: iso(r.deletedAt) ?? '' };
}

/** U-1: the process's stages as the board's columns, each with its count and its totals per currency. */
export function presentBoard(process: SalesProcess, totals: ColumnTotal[]): z.infer<typeof boardSchema> {
  return {
    processId: process.id,
    processName: process.name,
    columns: process.stages.map((stage) => {
      const lines = totals.filter((t) => t.stageId === stage.id);
      return {
        stageId: stage.id,
        name: stage.name,
        probability: stage.probability,
        count: lines.reduce((n, t) => n + t.count, 0),
        totals: lines.map((t) => ({ currency: t.currency, total: t.total, weighted: t.weighted })),
      };
    }),
  };
}
