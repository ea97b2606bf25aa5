// The life of an opportunity beyond plain edits: steps (O-7), closing and reopening (O-9 … O-11),
// bulk actions (O-12), copies (O-13), deleting and restoring (O-14).
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { OpportunityRow } from '../../db/opportunities.ts';
import { listClosings, listDeleted, listSteps } from '../../db/opportunity-lifecycle.ts';
import { applyBulkAction } from '../../domain/opportunities/apply-bulk-action.ts';
import { closeOpportunity } from '../../domain/opportunities/close-opportunity.ts';
import { copyOpportunity } from '../../domain/opportunities/copy-opportunity.ts';
import { reopenOpportunity } from '../../domain/opportunities/reopen-opportunity.ts';
import { RESTORE_DAYS, restoreOpportunity } from '../../domain/opportunities/restore-opportunity.ts';
import { setStepState } from '../../domain/opportunities/set-step-state.ts';
import { bulkActionBody, stepStateBody } from '../../domain/opportunities/schema.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { isAdmin } from '../../domain/auth/permissions.ts';
import { visibleOpportunity } from '../../domain/records/access.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { idParams, version } from '../common.ts';
import { toErrorResponse } from '../errors.ts';
import { errorResponses } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { presentClosing, presentContext, presentDeleted, presentOpportunity, presentWrite } from './present-opportunity.ts';
import {
  bulkResultSchema,
  closeBody,
  closingSchema,
  deletedListSchema,
  deletedQuery,
  opportunitySchema,
  stepParams,
  stepSchema,
} from './schema.ts';

const tags = ['opportunities'];

export const opportunityLifecycleRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/opportunities/:id/steps',
    {
      schema: {
        operationId: 'listOpportunitySteps',
        summary: 'The steps of an opportunity, one per stage of its sales process',
        tags,
        params: idParams,
        response: { 200: z.array(stepSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await visibleOpportunity(app.db, actorOf(request), request.params.id);
      return listSteps(app.db, request.params.id);
    },
  );

  app.patch(
    '/api/opportunities/:id/steps/:stageId',
    {
      schema: {
        operationId: 'setOpportunityStepState',
        summary: 'Mark one step to do, done or cancelled; the stage (and probability) follow',
        tags,
        params: stepParams,
        body: stepStateBody,
        response: { 200: z.array(stepSchema), ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { context } = await presentContext(app);
      const { state, version: expected } = request.body;
      const { id, stageId } = request.params;
      return withConflictShape(
        () => app.db.transaction().execute((db) => setStepState({ db, actor: actorOf(request), id, stageId, state, version: expected })),
        (current: OpportunityRow) => presentOpportunity(current, context),
      );
    },
  );

  app.post(
    '/api/opportunities/:id/close',
    {
      schema: {
        operationId: 'closeOpportunity',
        summary: 'Close an opportunity as won, lost or expired',
        tags,
        params: idParams,
        body: closeBody,
        response: { 200: opportunitySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version: expected, ...input } = request.body;
      const today = todayIn(app.config.timeZone);
      return presentWrite(app, () =>
        app.db
          .transaction()
          .execute((db) => closeOpportunity({ db, actor: actorOf(request), id: request.params.id, input, today, version: expected })),
      );
    },
  );

  app.post(
    '/api/opportunities/:id/reopen',
    {
      schema: {
        operationId: 'reopenOpportunity',
        summary: 'Open a closed opportunity again; its close stays in the close history',
        tags,
        params: idParams,
        body: z.strictObject({ version: version.optional() }).optional(),
        response: { 200: opportunitySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      presentWrite(app, () =>
        app.db
          .transaction()
          .execute((db) => reopenOpportunity({ db, actor: actorOf(request), id: request.params.id, version: request.body?.version })),
      ),
  );

  app.get(
    '/api/opportunities/:id/closings',
    {
      schema: {
        operationId: 'listOpportunityClosings',
        summary: 'The closes of an opportunity, newest first',
        tags,
        params: idParams,
        response: { 200: z.object({ items: z.array(closingSchema) }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      await visibleOpportunity(app.db, actorOf(request), request.params.id);
      return { items: (await listClosings(app.db, request.params.id)).map(presentClosing) };
    },
  );

  app.post(
    '/api/opportunities/:id/copy',
    {
      schema: {
        operationId: 'copyOpportunity',
        summary: 'Copy an opportunity with its steps, sellers and competitors, as a new open one',
        tags,
        params: idParams,
        response: { 201: opportunitySchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const copy = await presentWrite(app, () =>
        app.db.transaction().execute((db) => copyOpportunity({ db, actor: actorOf(request), id: request.params.id })),
      );
      return reply.status(201).send(copy);
    },
  );

  app.post(
    '/api/opportunities/bulk',
    {
      schema: {
        operationId: 'bulkChangeOpportunities',
        summary: 'Close, reopen or delete many opportunities; each succeeds or fails on its own',
        tags,
        body: bulkActionBody,
        response: { 200: bulkResultSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { ids, action, ...options } = request.body;
      const today = todayIn(app.config.timeZone);
      const results: z.infer<typeof bulkResultSchema>['results'] = [];
      // O-12: each item succeeds or fails on its own, so each runs in its own transaction
      for (const id of [...new Set(ids)]) {
        try {
          await app.db.transaction().execute((db) => applyBulkAction({ db, actor: actorOf(request), id, action, options, today }));
          results.push({ id, ok: true });
        } catch (error) {
          const { status, body } = toErrorResponse(error);
          if (status >= 500) request.log.error({ err: error }, 'bulk item failed');
          results.push({ id, ok: false, error: { code: body.error.code, message: body.error.message } });
        }
      }
      const succeeded = results.filter((r) => r.ok).length;
      return { succeeded, failed: results.length - succeeded, results };
    },
  );

  app.get(
    '/api/opportunities/deleted',
    {
      schema: {
        operationId: 'listDeletedOpportunities',
        summary: 'The deleted opportunities an admin can still restore, newest first',
        tags,
        querystring: deletedQuery,
        response: { 200: deletedListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      if (!isAdmin(actorOf(request))) throw new AppError('FORBIDDEN', 'Only an admin can see deleted opportunities');
      const rows = await listDeleted(app.db, RESTORE_DAYS, request.query.limit);
      return { items: rows.map(presentDeleted), restoreDays: RESTORE_DAYS };
    },
  );

  app.post(
    '/api/opportunities/:id/restore',
    {
      schema: {
        operationId: 'restoreOpportunity',
        summary: 'Restore a deleted opportunity (an admin, within 30 days)',
        tags,
        params: idParams,
        response: { 200: opportunitySchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      presentWrite(app, () =>
        app.db.transaction().execute((db) => restoreOpportunity({ db, actor: actorOf(request), id: request.params.id })),
      ),
  );
  done();
};
