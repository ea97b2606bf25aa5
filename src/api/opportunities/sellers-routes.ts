// Sellers and commission split of one opportunity (SPEC O-16 … O-20, "Sellers" in the API
// conventions). Every answer is the whole list in added order, its sum, and a warning when ≠ 100 %.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentSettings } from '../../db/settings.ts';
import { addOpportunitySeller, changeSellerShare, opportunitySellers, removeOpportunitySeller } from '../../domain/opportunities/sellers.ts';
import { actorOf } from '../context.ts';
import { id, idParams, version } from '../common.ts';

const tags = ['opportunities'];

/** A share in percent: 0–100 with at most two decimals. */
const share = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'may have at most 2 decimals');

const sellerListSchema = z.object({
  sellers: z.array(z.object({ userId: z.number(), name: z.string(), initials: z.string(), share: z.number() })),
  sum: z.number(),
  warning: z.string().nullable(),
  version: z.number().describe('the opportunity’s version, which guards its seller list (O-25)'),
});

const sellerParams = z.object({ id, userId: id });

export const opportunitySellerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/opportunities/:id/sellers', { schema: { tags, params: idParams, response: { 200: sellerListSchema } } }, async (request) => {
    const settings = await currentSettings(app.db);
    return opportunitySellers({ db: app.db, actor: actorOf(request), opportunityId: request.params.id, sellersSeeOnlyOwn: settings.sellersSeeOnlyOwn });
  });

  app.post('/api/opportunities/:id/sellers', {
    schema: { tags, params: idParams, body: z.strictObject({ userId: id, share: share.optional() }), response: { 201: sellerListSchema } },
  }, async (request, reply) => {
    const { userId, share: typed } = request.body;
    const list = await app.db.transaction().execute((db) =>
      addOpportunitySeller({ db, actor: actorOf(request), opportunityId: request.params.id, userId, share: typed }),
    );
    return reply.status(201).send(list);
  });

  app.patch('/api/opportunities/:id/sellers/:userId', {
    schema: { tags, params: sellerParams, body: z.strictObject({ share, version: version.describe('the opportunity’s version the change is based on') }), response: { 200: sellerListSchema } },
  }, async (request) =>
    app.db.transaction().execute((db) =>
      changeSellerShare({ db, actor: actorOf(request), opportunityId: request.params.id, userId: request.params.userId, share: request.body.share, version: request.body.version }),
    ),
  );

  app.delete('/api/opportunities/:id/sellers/:userId', { schema: { tags, params: sellerParams, response: { 200: sellerListSchema } } }, async (request) =>
    app.db.transaction().execute((db) => removeOpportunitySeller({ db, actor: actorOf(request), opportunityId: request.params.id, userId: request.params.userId })),
  );
};
