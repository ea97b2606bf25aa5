import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { opportunityFromCall } from '../../domain/activities/call-to-opportunity.ts';
import { actorOf } from '../context.ts';
import { idParams, requiredText } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { presentContext, presentOpportunity } from '../opportunities/present-opportunity.ts';
import { opportunitySchema } from '../opportunities/schema.ts';

/** T-4: an opportunity from a call activity. */
export const activityCallRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.post(
    '/api/activities/:id/opportunity',
    {
      schema: {
        operationId: 'createOpportunityFromCall',
        summary: 'Create an opportunity from a call',
        tags: ['activities'],
        description:
          'Creates an opportunity from a call: its company, contact and text (description); title = the one given or the call’s subject. The call is linked to it.',
        params: idParams,
        body: z.strictObject({ title: requiredText(200).optional() }).optional(),
        response: { 201: opportunitySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const { settings, context } = await presentContext(app);
      const row = await app.db
        .transaction()
        .execute((db) =>
          opportunityFromCall({
            db,
            actor: actorOf(request),
            activityId: request.params.id,
            title: request.body?.title,
            baseCurrency: settings.baseCurrency,
          }),
        );
      return reply.status(201).send(presentOpportunity(row, context));
    },
  );
  done();
};
