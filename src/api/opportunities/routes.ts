import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { listOpportunities } from '../../db/opportunities.ts';
import { decodeCursor } from '../../db/paging.ts';
import { summarizeOpportunities } from '../../db/opportunity-summary.ts';
import { currentSettings } from '../../db/settings.ts';
import { createOpportunity } from '../../domain/opportunities/create-opportunity.ts';
import { deleteOpportunity } from '../../domain/opportunities/delete-opportunity.ts';
import { updateOpportunity } from '../../domain/opportunities/update-opportunity.ts';
import { visibleOpportunity } from '../../domain/records/access.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { opportunitySelection } from './selection.ts';
import { presentContext, presentOpportunity, presentWrite } from './present-opportunity.ts';
import {
  newOpportunityBody,
  opportunityChangesBody,
  opportunityListQuery,
  opportunityPage,
  opportunityQuery,
  opportunitySchema,
  summarySchema,
} from './schema.ts';

const tags = ['opportunities'];

export const opportunityRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/opportunities',
    {
      schema: {
        operationId: 'listOpportunities',
        summary: 'List opportunities, filtered and sorted, a page at a time (with the selection summary on request)',
        tags,
        querystring: opportunityListQuery,
        response: { 200: opportunityPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { cursor, limit, summary, ...query } = request.query;
      const { settings, context } = await presentContext(app);
      const { sort, filters } = opportunitySelection(query, settings, actorOf(request));
      const [result, totals] = await Promise.all([
        listOpportunities(app.db, { sort, cursor: decodeCursor(cursor, sort), limit, filters }),
        summary ? summarizeOpportunities(app.db, filters, settings.baseCurrency) : undefined,
      ]);
      const items = result.items.map((row) => presentOpportunity(row, context));
      return { items, nextCursor: result.nextCursor, ...(totals ? { summary: totals } : {}) };
    },
  );

  app.get(
    '/api/opportunities/summary',
    {
      schema: {
        operationId: 'summarizeOpportunities',
        summary: 'Count and sum the opportunities a filter selects, one line per currency',
        tags,
        querystring: opportunityQuery.omit({ cursor: true, limit: true }),
        response: { 200: summarySchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const settings = await currentSettings(app.db);
      const { filters } = opportunitySelection(request.query, settings, actorOf(request));
      return summarizeOpportunities(app.db, filters, settings.baseCurrency);
    },
  );

  app.get(
    '/api/opportunities/:id',
    {
      schema: {
        operationId: 'getOpportunity',
        summary: 'One opportunity',
        tags,
        params: idParams,
        response: { 200: opportunitySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const { settings, context } = await presentContext(app);
      return presentOpportunity(await visibleOpportunity(app.db, actorOf(request), request.params.id, settings), context);
    },
  );

  app.post(
    '/api/opportunities',
    {
      schema: {
        operationId: 'createOpportunity',
        summary: 'Create an opportunity at the first (or given) stage of its sales process',
        tags,
        body: newOpportunityBody,
        response: { 201: opportunitySchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const { settings, context } = await presentContext(app);
      const row = await app.db
        .transaction()
        .execute((db) => createOpportunity({ db, actor: actorOf(request), input: request.body, baseCurrency: settings.baseCurrency }));
      return reply.status(201).send(presentOpportunity(row, context));
    },
  );

  app.patch(
    '/api/opportunities/:id',
    {
      schema: {
        operationId: 'updateOpportunity',
        summary: 'Change an open opportunity',
        tags,
        params: idParams,
        body: opportunityChangesBody,
        response: { 200: opportunitySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return presentWrite(app, () =>
        app.db.transaction().execute((db) => updateOpportunity({ db, actor: actorOf(request), id: request.params.id, version, changes })),
      );
    },
  );

  app.delete(
    '/api/opportunities/:id',
    {
      schema: {
        operationId: 'deleteOpportunity',
        summary: 'Delete an opportunity (an admin can restore it for 30 days)',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteOpportunity({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send(undefined);
    },
  );
  done();
};
