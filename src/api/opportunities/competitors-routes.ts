// The competitors of one opportunity (SPEC O-15): `id` of an item is the entry id on this
// opportunity; `competitorId` is the global competitor (null for a one-off typed name).
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSettings } from '../../db/settings.ts';
import { addOpportunityCompetitor } from '../../domain/opportunities/add-opportunity-competitor.ts';
import { changeOpportunityCompetitor } from '../../domain/opportunities/change-opportunity-competitor.ts';
import { opportunityCompetitors } from '../../domain/opportunities/competitor-entries.ts';
import { removeOpportunityCompetitor } from '../../domain/opportunities/remove-opportunity-competitor.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { presentCompetitorEntry } from './present-opportunity.ts';
import { addCompetitorBody, changeCompetitorBody, competitorEntryParams, competitorEntrySchema } from './schema.ts';

const tags = ['opportunities'];

export const opportunityCompetitorRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/opportunities/:id/competitors',
    {
      schema: {
        operationId: 'listOpportunityCompetitors',
        summary: 'The competitors of an opportunity, the most dangerous first',
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(competitorEntrySchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const settings = await currentSettings(app.db);
      const rows = await opportunityCompetitors({
        db: app.db,
        actor: actorOf(request),
        opportunityId: request.params.id,
        sellersSeeOnlyOwn: settings.sellersSeeOnlyOwn,
      });
      return { items: rows.map(presentCompetitorEntry) };
    },
  );

  app.post(
    '/api/opportunities/:id/competitors',
    {
      schema: {
        operationId: 'addOpportunityCompetitor',
        summary: 'Add a competitor to an opportunity, from the competitor list or as a one-off name',
        tags,
        params: idParams,
        body: addCompetitorBody,
        response: { 201: competitorEntrySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const entry = await app.db
        .transaction()
        .execute((db) => addOpportunityCompetitor({ db, actor: actorOf(request), opportunityId: request.params.id, input: request.body }));
      return reply.status(201).send(presentCompetitorEntry(entry));
    },
  );

  app.patch(
    '/api/opportunities/:id/competitors/:entryId',
    {
      schema: {
        operationId: 'updateOpportunityCompetitor',
        summary: 'Change the threat or note of a competitor on an opportunity',
        tags,
        params: competitorEntryParams,
        body: changeCompetitorBody,
        response: { 200: competitorEntrySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id: opportunityId, entryId } = request.params;
      const { version: expected, ...changes } = request.body;
      const entry = await withConflictShape(
        () =>
          app.db
            .transaction()
            .execute((db) =>
              changeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId, version: expected, changes }),
            ),
        presentCompetitorEntry,
      );
      return presentCompetitorEntry(entry);
    },
  );

  app.delete(
    '/api/opportunities/:id/competitors/:entryId',
    {
      schema: {
        operationId: 'removeOpportunityCompetitor',
        summary: 'Remove a competitor from an opportunity',
        tags,
        params: competitorEntryParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { id: opportunityId, entryId } = request.params;
      await app.db.transaction().execute((db) => removeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId }));
      return reply.status(204).send(undefined);
    },
  );
  done();
};
