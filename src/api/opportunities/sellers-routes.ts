// Sellers and commission split of one opportunity (SPEC O-16 … O-20, "Sellers" in the API
// conventions). Every answer is the whole list in added order, its sum, and a warning when ≠ 100 %.
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { currentSettings } from '../../db/settings.ts';
import { addOpportunitySeller } from '../../domain/opportunities/add-opportunity-seller.ts';
import { changeSellerShare } from '../../domain/opportunities/change-seller-share.ts';
import { removeOpportunitySeller } from '../../domain/opportunities/remove-opportunity-seller.ts';
import { opportunitySellers } from '../../domain/opportunities/seller-list.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { addSellerBody, changeShareBody, sellerListSchema, sellerParams } from './schema.ts';

const tags = ['opportunities'];

export const opportunitySellerRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/opportunities/:id/sellers',
    {
      schema: {
        operationId: 'listOpportunitySellers',
        summary: 'The sellers of an opportunity with their shares',
        tags,
        params: idParams,
        response: { 200: sellerListSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const settings = await currentSettings(app.db);
      return opportunitySellers({
        db: app.db,
        actor: actorOf(request),
        opportunityId: request.params.id,
        sellersSeeOnlyOwn: settings.sellersSeeOnlyOwn,
      });
    },
  );

  app.post(
    '/api/opportunities/:id/sellers',
    {
      schema: {
        operationId: 'addOpportunitySeller',
        summary: 'Add a seller to an opportunity',
        tags,
        params: idParams,
        body: addSellerBody,
        response: { 201: sellerListSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { userId, share } = request.body;
      const list = await app.db
        .transaction()
        .execute((db) => addOpportunitySeller({ db, actor: actorOf(request), opportunityId: request.params.id, userId, share }));
      return reply.status(201).send(list);
    },
  );

  app.patch(
    '/api/opportunities/:id/sellers/:userId',
    {
      schema: {
        operationId: 'changeOpportunitySellerShare',
        summary: 'Change a seller’s share of an opportunity',
        tags,
        params: sellerParams,
        body: changeShareBody,
        response: { 200: sellerListSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { id: opportunityId, userId } = request.params;
      const { share, version } = request.body;
      return app.db
        .transaction()
        .execute((db) => changeSellerShare({ db, actor: actorOf(request), opportunityId, userId, share, version }));
    },
  );

  app.delete(
    '/api/opportunities/:id/sellers/:userId',
    {
      schema: {
        operationId: 'removeOpportunitySeller',
        summary: 'Remove a seller from an opportunity',
        tags,
        params: sellerParams,
        response: { 200: sellerListSchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { id: opportunityId, userId } = request.params;
      return app.db.transaction().execute((db) => removeOpportunitySeller({ db, actor: actorOf(request), opportunityId, userId }));
    },
  );
  done();
};
