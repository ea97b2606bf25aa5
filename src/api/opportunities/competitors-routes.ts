// The competitors of one opportunity (SPEC O-15): `id` of an item is the entry id on this
// opportunity; `competitorId` is the global competitor (null for a one-off typed name).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSettings } from '../../db/settings.ts';
import {
  addOpportunityCompetitor,
  changeOpportunityCompetitor,
  opportunityCompetitors,
  removeOpportunityCompetitor,
} from '../../domain/opportunities/competitors.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { withConflictShape } from '../present.ts';
import { presentCompetitorEntry } from './present-opportunity.ts';
import { addCompetitorBody, changeCompetitorBody, competitorEntryParams, competitorEntrySchema } from './schema.ts';

const tags = ['opportunities'];

export const opportunityCompetitorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/opportunities/:id/competitors', {
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(competitorEntrySchema) }) } },
  }, async (request) => {
    const settings = await currentSettings(app.db);
    const rows = await opportunityCompetitors({ db: app.db, actor: actorOf(request), opportunityId: request.params.id, sellersSeeOnlyOwn: settings.sellersSeeOnlyOwn });
    return { items: rows.map(presentCompetitorEntry) };
  });

  app.post('/api/opportunities/:id/competitors', {
    schema: { tags, params: idParams, body: addCompetitorBody, response: { 201: competitorEntrySchema } },
  }, async (request, reply) => {
    const entry = await app.db.transaction().execute((db) =>
      addOpportunityCompetitor({ db, actor: actorOf(request), opportunityId: request.params.id, input: request.body }),
    );
    return reply.status(201).send(presentCompetitorEntry(entry));
  });

  app.patch('/api/opportunities/:id/competitors/:entryId', {
    schema: { tags, params: competitorEntryParams, body: changeCompetitorBody, response: { 200: competitorEntrySchema } },
  }, async (request) => {
    const { id: opportunityId, entryId } = request.params;
    const { version: expected, ...changes } = request.body;
    const entry = await withConflictShape(
      () => app.db.transaction().execute((db) => changeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId, version: expected, changes })),
      presentCompetitorEntry,
    );
    return presentCompetitorEntry(entry);
  });

  app.delete('/api/opportunities/:id/competitors/:entryId', { schema: { tags, params: competitorEntryParams } }, async (request, reply) => {
    const { id: opportunityId, entryId } = request.params;
    await app.db.transaction().execute((db) => removeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId }));
    return reply.status(204).send();
  });
};
