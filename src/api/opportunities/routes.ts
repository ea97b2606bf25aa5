import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOpportunities, type OpportunityRow } from '../../db/opportunities.ts';
import { decodeCursor } from '../../db/paging.ts';
import { summarizeOpportunities } from '../../db/opportunity-summary.ts';
import { currentSettings } from '../../db/settings.ts';
import { createOpportunity, deleteOpportunity, updateOpportunity } from '../../domain/opportunities/opportunities.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { visibleOpportunity } from '../../domain/records/access.ts';
import { actorOf, type Actor } from '../context.ts';
import { idParams, page } from '../common.ts';
import { opportunitySelection } from './selection.ts';
import { withConflictShape } from '../present.ts';
import {
  createOpportunityBody,
  opportunityListQuery,
  opportunityQuery,
  opportunitySchema,
  presentOpportunity,
  summarySchema,
  updateOpportunityBody,
  type PresentContext,
} from './schema.ts';

const tags = ['opportunities'];

async function presentContext(app: FastifyInstance) {
  const settings = await currentSettings(app.db);
  const now = new Date();
  const context: PresentContext = { now, today: todayIn(app.config.timeZone, now), stagnationDays: settings.stagnationDays };
  return { settings, context };
}

const opportunityPage = page(opportunitySchema).extend({ summary: summarySchema.optional() });

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  async function visible(actor: Actor, id: number) {
    const { settings, context } = await presentContext(app);
    return presentOpportunity(await visibleOpportunity(app.db, actor, id, settings), context);
  }

  app.get('/api/opportunities', { schema: { tags, querystring: opportunityListQuery, response: { 200: opportunityPage } } }, async (request) => {
    const { cursor, limit, summary, ...query } = request.query;
    const { settings, context } = await presentContext(app);
    const { sort, filters } = opportunitySelection(query, settings, actorOf(request));
    const [result, totals] = await Promise.all([
      listOpportunities(app.db, { sort, cursor: decodeCursor(cursor, sort), limit, filters }),
      summary ? summarizeOpportunities(app.db, filters, settings.baseCurrency) : undefined,
    ]);
    const items = result.items.map((row) => presentOpportunity(row, context));
    return { items, nextCursor: result.nextCursor, ...(totals ? { summary: totals } : {}) };
  });

  app.get('/api/opportunities/summary', { schema: { tags, querystring: opportunityQuery.omit({ cursor: true, limit: true }), response: { 200: summarySchema } } }, async (request) => {
    const settings = await currentSettings(app.db);
    const { filters } = opportunitySelection(request.query, settings, actorOf(request));
    return summarizeOpportunities(app.db, filters, settings.baseCurrency);
  });

  app.get('/api/opportunities/:id', { schema: { tags, params: idParams, response: { 200: opportunitySchema } } }, async (request) =>
    visible(actorOf(request), request.params.id),
  );

  app.post('/api/opportunities', { schema: { tags, body: createOpportunityBody, response: { 201: opportunitySchema } } }, async (request, reply) => {
    const { settings, context } = await presentContext(app);
    const row = await app.db.transaction().execute((db) =>
      createOpportunity({ db, actor: actorOf(request), input: request.body, baseCurrency: settings.baseCurrency }),
    );
    return reply.status(201).send(presentOpportunity(row, context));
  });

  app.patch('/api/opportunities/:id', { schema: { tags, params: idParams, body: updateOpportunityBody, response: { 200: opportunitySchema } } }, async (request) => {
    const { context } = await presentContext(app);
    const { version, ...changes } = request.body;
    const row = await withConflictShape(
      () => app.db.transaction().execute((db) => updateOpportunity({ db, actor: actorOf(request), id: request.params.id, version, changes })),
      (current: OpportunityRow) => presentOpportunity(current, context),
    );
    return presentOpportunity(row, context);
  });

  app.delete('/api/opportunities/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await app.db.transaction().execute((db) => deleteOpportunity({ db, actor: actorOf(request), id: request.params.id }));
    return reply.status(204).send();
  });
};
