import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { findOpportunity, listOpportunities, OPPORTUNITY_SORTS, type OpportunityRow } from '../../db/opportunities.ts';
import { decodeCursor, parseSort } from '../../db/paging.ts';
import { getSettings } from '../../db/settings.ts';
import { createOpportunity, deleteOpportunity, updateOpportunity } from '../../domain/opportunities/opportunities.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { canSeeOpportunity } from '../../domain/auth/permissions.ts';
import { notFound } from '../../domain/errors.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf, type Actor } from '../context.ts';
import { idParams, page } from '../common.ts';
import { withConflictShape } from '../present.ts';
import {
  createOpportunityBody,
  opportunityQuery,
  opportunitySchema,
  presentOpportunity,
  RANGE_FIELDS,
  updateOpportunityBody,
  type PresentContext,
} from './schema.ts';

const tags = ['opportunities'];

async function presentContext(app: FastifyInstance) {
  const settings = await getSettings(app.db);
  const now = new Date();
  const context: PresentContext = { now, today: todayIn(app.config.timeZone, now), stagnationDays: settings.stagnationDays };
  return { settings, context };
}

const pattern = (typed: string | undefined) => (typed ? (likePattern(typed) ?? undefined) : undefined);

export const opportunityRoutes: FastifyPluginAsyncZod = async (app) => {
  async function visible(actor: Actor, id: number) {
    const [row, { settings, context }] = await Promise.all([findOpportunity(app.db, id), presentContext(app)]);
    if (!row || !canSeeOpportunity(actor, row, settings.sellersSeeOnlyOwn)) throw notFound('Opportunity', id);
    return presentOpportunity(row, context);
  }

  app.get('/api/opportunities', { schema: { tags, querystring: opportunityQuery, response: { 200: page(opportunitySchema) } } }, async (request) => {
    const { sort: sortParam, cursor, limit, q, title, note, ...rest } = request.query;
    const { settings, context } = await presentContext(app);
    const sort = parseSort(sortParam, Object.keys(OPPORTUNITY_SORTS), { field: 'number', direction: 'desc' });
    const ranges: Record<string, { gte?: number | string; lte?: number | string; ne?: number | string }> = {};
    for (const field of RANGE_FIELDS) {
      const range = { gte: rest[`${field}.gte`], lte: rest[`${field}.lte`], ne: rest[`${field}.ne`] };
      if (range.gte !== undefined || range.lte !== undefined || range.ne !== undefined) ranges[field] = range;
    }
    const actor = actorOf(request);
    const result = await listOpportunities(app.db, {
      sort,
      cursor: decodeCursor(cursor, sort),
      limit,
      filters: {
        ...rest,
        q: pattern(q),
        title: pattern(title),
        note: pattern(note),
        ranges,
        stagnantDays: settings.stagnationDays,
        visibleTo: settings.sellersSeeOnlyOwn && actor.role === 'seller' ? actor.id : undefined,
      },
    });
    return { items: result.items.map((row) => presentOpportunity(row, context)), nextCursor: result.nextCursor };
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
