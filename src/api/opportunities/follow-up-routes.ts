import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFollowUps } from '../../db/follow-ups.ts';
import { recordAccess } from '../../domain/records/access.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { presentFollowUp } from './present-opportunity.ts';
import { followUpSchema } from './schema.ts';

/** O-21: the follow-up dates an opportunity has had, newest first. */
export const followUpRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/opportunities/:id/follow-ups',
    {
      schema: {
        operationId: 'listOpportunityFollowUps',
        summary: 'The follow-up dates an opportunity has had, newest first',
        tags: ['opportunities'],
        params: idParams,
        response: { 200: z.object({ items: z.array(followUpSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await recordAccess(app.db, actorOf(request), 'opportunity', request.params.id);
      return { items: (await listFollowUps(app.db, request.params.id)).map(presentFollowUp) };
    },
  );
  done();
};
