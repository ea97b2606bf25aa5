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
import { id, idParams, optionalText, version } from '../common.ts';
import { withConflictShape } from '../present.ts';
import { threat } from '../competitors/schema.ts';

const tags = ['opportunities'];

const entrySchema = z.object({
  id: z.number(),
  competitorId: z.number().nullable(),
  name: z.string(),
  website: z.string().nullable(),
  rating: z.number().nullable(),
  threat: z.number(),
  note: z.string().nullable(),
  version: z.number().describe('the entry’s own version (O-25); a change also moves the opportunity’s version on'),
});

const present = ({ opportunityId: _opportunityId, ...entry }: z.infer<typeof entrySchema> & { opportunityId: number }) => entry;

const addBody = z
  .strictObject({
    competitorId: id.optional(),
    name: z.string().trim().min(1, 'is required').max(120).optional(),
    threat: threat.optional(),
    note: optionalText(4000).optional(),
  })
  .superRefine((body, ctx) => {
    if (body.competitorId !== undefined && body.name !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['name'], message: 'give either competitorId or name, not both' });
    }
    if (body.competitorId === undefined && body.name === undefined) {
      ctx.addIssue({ code: 'custom', path: ['competitorId'], message: 'give competitorId (from the competitor list) or name (a one-off)' });
    }
  });

const changeBody = z
  .strictObject({ threat: threat.optional(), note: optionalText(4000).optional(), version })
  .refine((body) => body.threat !== undefined || body.note !== undefined, { message: 'give threat or note', path: ['threat'] });

const entryParams = z.object({ id, entryId: id });

export const opportunityCompetitorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/opportunities/:id/competitors', {
    schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(entrySchema) }) } },
  }, async (request) => {
    const settings = await currentSettings(app.db);
    const rows = await opportunityCompetitors({ db: app.db, actor: actorOf(request), opportunityId: request.params.id, sellersSeeOnlyOwn: settings.sellersSeeOnlyOwn });
    return { items: rows.map(present) };
  });

  app.post('/api/opportunities/:id/competitors', { schema: { tags, params: idParams, body: addBody, response: { 201: entrySchema } } }, async (request, reply) => {
    const entry = await app.db.transaction().execute((db) =>
      addOpportunityCompetitor({ db, actor: actorOf(request), opportunityId: request.params.id, input: request.body }),
    );
    return reply.status(201).send(present(entry));
  });

  app.patch('/api/opportunities/:id/competitors/:entryId', {
    schema: { tags, params: entryParams, body: changeBody, response: { 200: entrySchema } },
  }, async (request) => {
    const { id: opportunityId, entryId } = request.params;
    const { version: expected, ...changes } = request.body;
    const entry = await withConflictShape(
      () => app.db.transaction().execute((db) => changeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId, version: expected, changes })),
      present,
    );
    return present(entry);
  });

  app.delete('/api/opportunities/:id/competitors/:entryId', { schema: { tags, params: entryParams } }, async (request, reply) => {
    const { id: opportunityId, entryId } = request.params;
    await app.db.transaction().execute((db) => removeOpportunityCompetitor({ db, actor: actorOf(request), opportunityId, entryId }));
    return reply.status(204).send();
  });
};
