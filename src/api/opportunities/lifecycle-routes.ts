import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSettings } from '../../db/settings.ts';
import type { OpportunityRow } from '../../db/opportunities.ts';
import { listClosings, listDeleted, listSteps } from '../../db/opportunity-lifecycle.ts';
import {
  bulkItem,
  closeOpportunity,
  copyOpportunity,
  reopenOpportunity,
  restoreOpportunity,
  RESTORE_DAYS,
  setStepState,
} from '../../domain/opportunities/lifecycle.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { isAdmin } from '../../domain/auth/permissions.ts';
import { visibleOpportunity } from '../../domain/records/access.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { date, idParams, iso, money, optionalText, version } from '../common.ts';
import { toErrorResponse } from '../errors.ts';
import { withConflictShape } from '../present.ts';
import { opportunitySchema, presentOpportunity, type PresentContext } from './schema.ts';

const tags = ['opportunities'];
const ref = z.number().int().positive();

const stepSchema = z.object({ stageId: z.number(), name: z.string(), probability: z.number(), position: z.number(), state: z.enum(['todo', 'done', 'cancelled']) });

const closeBody = z.strictObject({
  outcome: z.enum(['won', 'lost', 'expired']),
  actualAmount: money.nullish(),
  closeDate: date.optional(),
  deliveryDate: date.nullish(),
  winReasonId: ref.nullish(),
  lossReasonId: ref.nullish(),
  winnerCompetitorId: ref.nullish(),
  winnerEntryId: ref.optional().describe('an entry of GET /api/opportunities/{id}/competitors, instead of winnerCompetitorId'),
  note: optionalText(5000),
  finishFollowUps: z.boolean().optional().describe('mark the open follow-up tasks done (default true); false keeps them open'),
  version: version.optional(),
});

const closingSchema = z.object({
  id: z.number(),
  outcome: z.enum(['won', 'lost', 'expired']),
  closeDate: z.string(),
  actualAmount: z.number().nullable(),
  deliveryDate: z.string().nullable(),
  winReasonId: z.number().nullable(),
  lossReasonId: z.number().nullable(),
  winnerCompetitorId: z.number().nullable(),
  note: z.string().nullable(),
  closedAt: z.string(),
  closedBy: z.number().nullable(),
  closedByInitials: z.string().nullable(),
  reopenedAt: z.string().nullable(),
  reopenedBy: z.number().nullable(),
  reopenedByInitials: z.string().nullable(),
});

export const opportunityLifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  const context = async () => {
    const settings = await currentSettings(app.db);
    const now = new Date();
    const presentContext: PresentContext = { now, today: todayIn(app.config.timeZone, now), stagnationDays: settings.stagnationDays };
    return { settings, presentContext };
  };
  const presented = async (write: () => Promise<OpportunityRow>) => {
    const { presentContext } = await context();
    const row = await withConflictShape(write, (current: OpportunityRow) => presentOpportunity(current, presentContext));
    return presentOpportunity(row, presentContext);
  };

  app.get('/api/opportunities/:id/steps', { schema: { tags, params: idParams, response: { 200: z.array(stepSchema) } } }, async (request) => {
    await visibleOpportunity(app.db, actorOf(request), request.params.id);
    return listSteps(app.db, request.params.id);
  });

  app.patch('/api/opportunities/:id/steps/:stageId', {
    schema: {
      tags,
      params: z.object({ id: z.coerce.number().int().positive(), stageId: z.coerce.number().int().positive() }),
      body: z.strictObject({ state: z.enum(['todo', 'done', 'cancelled']), version: version.describe('the opportunity’s version, which guards its steps (O-25)') }),
      response: { 200: z.array(stepSchema) },
    },
  }, async (request) => {
    const { presentContext } = await context();
    const { state, version: expected } = request.body;
    return withConflictShape(
      () => app.db.transaction().execute((db) => setStepState({ db, actor: actorOf(request), id: request.params.id, stageId: request.params.stageId, state, version: expected })),
      (current: OpportunityRow) => presentOpportunity(current, presentContext),
    );
  });

  app.post('/api/opportunities/:id/close', { schema: { tags, params: idParams, body: closeBody, response: { 200: opportunitySchema } } }, async (request) => {
    const { version: expected, ...input } = request.body;
    const today = todayIn(app.config.timeZone);
    return presented(() => app.db.transaction().execute((db) => closeOpportunity({ db, actor: actorOf(request), id: request.params.id, input, today, version: expected })));
  });

  app.post('/api/opportunities/:id/reopen', {
    schema: { tags, params: idParams, body: z.strictObject({ version: version.optional() }).optional(), response: { 200: opportunitySchema } },
  }, async (request) =>
    presented(() => app.db.transaction().execute((db) => reopenOpportunity({ db, actor: actorOf(request), id: request.params.id, version: request.body?.version }))),
  );

  app.get('/api/opportunities/:id/closings', { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(closingSchema) }) } } }, async (request) => {
    await visibleOpportunity(app.db, actorOf(request), request.params.id);
    const rows = await listClosings(app.db, request.params.id);
    return {
      items: rows.map((k) => ({
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
      })),
    };
  });

  app.post('/api/opportunities/:id/copy', { schema: { tags, params: idParams, response: { 201: opportunitySchema } } }, async (request, reply) => {
    const copy = await presented(() => app.db.transaction().execute((db) => copyOpportunity({ db, actor: actorOf(request), id: request.params.id })));
    return reply.status(201).send(copy);
  });

  app.post('/api/opportunities/bulk', {
    schema: {
      tags,
      body: z.strictObject({
        ids: z.array(ref).min(1, 'select at least one opportunity').max(1000),
        action: z.enum(['won', 'lost', 'open', 'delete']),
        lossReasonId: ref.optional(),
        winReasonId: ref.optional(),
      }),
      response: {
        200: z.object({
          succeeded: z.number(),
          failed: z.number(),
          results: z.array(z.object({ id: z.number(), ok: z.boolean(), error: z.object({ code: z.string(), message: z.string() }).optional() })),
        }),
      },
    },
  }, async (request) => {
    const { ids, action, ...options } = request.body;
    const today = todayIn(app.config.timeZone);
    const results: { id: number; ok: boolean; error?: { code: string; message: string } }[] = [];
    // O-12: each item succeeds or fails on its own, so each runs in its own transaction
    for (const id of [...new Set(ids)]) {
      try {
        await app.db.transaction().execute((db) => bulkItem({ db, actor: actorOf(request), id, action, options, today }));
        results.push({ id, ok: true });
      } catch (error) {
        const { status, body } = toErrorResponse(error);
        if (status >= 500) request.log.error({ err: error }, 'bulk item failed');
        results.push({ id, ok: false, error: { code: body.error.code, message: body.error.message } });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { succeeded, failed: results.length - succeeded, results };
  });

  app.get('/api/opportunities/deleted', {
    schema: {
      tags,
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
      response: {
        200: z.object({
          items: z.array(z.object({ id: z.number(), number: z.number(), title: z.string(), companyName: z.string(), amount: z.number().nullable(), currency: z.string(), status: z.string(), deletedAt: z.string(), deletedByInitials: z.string().nullable() })),
          restoreDays: z.number(),
        }),
      },
    },
  }, async (request) => {
    if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN', 'Only an admin can see deleted opportunities');
    const rows = await listDeleted(app.db, RESTORE_DAYS, request.query.limit);
    return { items: rows.map((r) => ({ ...r, deletedAt: iso(r.deletedAt) ?? '' })), restoreDays: RESTORE_DAYS };
  });

  app.post('/api/opportunities/:id/restore', { schema: { tags, params: idParams, response: { 200: opportunitySchema } } }, async (request) =>
    presented(() => app.db.transaction().execute((db) => restoreOpportunity({ db, actor: actorOf(request), id: request.params.id }))),
  );
};
