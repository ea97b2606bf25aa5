import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { listOpportunities } from '../../db/opportunities.ts';
import { decodeCursor } from '../../db/paging.ts';
import { summarizeOpportunities } from '../../db/opportunity-summary.ts';
import { currentSettings } from '../../db/settings.ts';
import { createOpportunity } from '../../domain/opportunities/create-opportunity.ts';
import { deleteOpportunity } from '../../domain/opportunities/delete-opportunity.ts';
import { updateOpportunity } from '../../domain/opportunities/update-opportunity.ts';
import { createOpportunityBody, updateOpportunityBody } from '../../domain/opportunities/schema.ts';
import { visibleOpportunity } from '../../domain/records/access.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { opportunitySelection } from './selection.ts';
import { presentContext, presentOpportunity, presentWrite } from './present-opportunity.ts';
import { opportunityListQuery, opportunityPage, opportunityQuery, opportunitySchema, summarySchema } from './schema.ts';

const tags = ['opportunities'];

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
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

  app.get('/api/opportunities/summary', {
    schema: { tags, querystring: opportunityQuery.omit({ cursor: true, limit: true }), response: { 200: summarySchema } },
  }, async (request) => {
    const settings = await currentSettings(app.db);
    const { filters } = opportunitySelection(request.query, settings, actorOf(request));
    return summarizeOpportunities(app.db, filters, settings.baseCurrency);
  });

  app.get('/api/opportunities/:id', { schema: { tags, params: idParams, response: { 200: opportunitySchema } } }, async (request) => {
    const { settings, context } = await presentContext(app);
    return presentOpportunity(await visibleOpportunity(app.db, actorOf(request), request.params.id, settings), context);
  });

  app.post('/api/opportunities', { schema: { tags, body: createOpportunityBody, response: { 201: opportunitySchema } } }, async (request, reply) => {
    const { settings, context } = await presentContext(app);
    const row = await app.db.transaction().execute((db) =>
      createOpportunity({ db, actor: actorOf(request), input: request.body, baseCurrency: settings.baseCurrency }),
    );
    return reply.status(201).send(presentOpportunity(row, context));
  });

  app.patch('/api/opportunities/:id', {
    schema: { tags, params: idParams, body: updateOpportunityBody, response: { 200: opportunitySchema } },
  }, async (request) => {
    const { version, ...changes } = request.body;
    return presentWrite(app, () => app.db.transaction().execute((db) => updateOpportunity({ db, actor: actorOf(request), id: request.params.id, version, changes })));
  });

  app.delete('/api/opportunities/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await app.db.transaction().execute((db) => deleteOpportunity({ db, actor: actorOf(request), id: request.params.id }));
    return reply.status(204).send();
  });
};
