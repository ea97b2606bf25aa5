import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { ACTIVITY_SORTS, listActivities, type ActivityRow } from '../../db/activities.ts';
import { decodeCursor, parseSort } from '../../db/paging.ts';
import { createActivity, deleteActivity, updateActivity } from '../../domain/activities/activities.ts';
import { listScope, visibleActivity } from '../../domain/records/access.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { activityPage, activityQuery, activitySchema, createActivityBody, presentActivity, updateActivityBody } from './schema.ts';

const tags = ['activities'];

export const activityRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/activities',
    {
      schema: {
        operationId: 'listActivities',
        summary: 'List activities the caller may see, filtered and sorted, a page at a time',
        tags,
        querystring: activityQuery,
        response: { 200: activityPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { sort: sortParam, cursor, limit, q, 'dueDate.gte': dueFrom, 'dueDate.lte': dueTo, ...filters } = request.query;
      const sort = parseSort(sortParam, Object.keys(ACTIVITY_SORTS), { field: 'dueDate', direction: 'asc' });
      const visibleTo = await listScope(app.db, actorOf(request));
      const result = await listActivities(app.db, {
        sort,
        cursor: decodeCursor(cursor, sort),
        limit,
        filters: { ...filters, dueFrom, dueTo, q: q ? (likePattern(q) ?? undefined) : undefined, visibleTo },
      });
      return { items: result.items.map(presentActivity), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/activities/:id',
    {
      schema: {
        operationId: 'getActivity',
        summary: 'One activity',
        tags,
        params: idParams,
        response: { 200: activitySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      return presentActivity(await visibleActivity(app.db, actorOf(request), request.params.id));
    },
  );

  app.post(
    '/api/activities',
    {
      schema: {
        operationId: 'createActivity',
        summary: 'Create an activity (meeting, call, task, note …)',
        tags,
        body: createActivityBody,
        response: { 201: activitySchema, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const activity = await app.db.transaction().execute((db) => createActivity({ db, actor: actorOf(request), input: request.body }));
      return reply.status(201).send(presentActivity(activity));
    },
  );

  app.patch(
    '/api/activities/:id',
    {
      schema: {
        operationId: 'updateActivity',
        summary: 'Change an activity, or mark it done',
        tags,
        params: idParams,
        body: updateActivityBody,
        response: { 200: activitySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const activity = await withConflictShape(
        () =>
          app.db.transaction().execute((db) => updateActivity({ db, actor: actorOf(request), id: request.params.id, version, changes })),
        (row: ActivityRow) => presentActivity(row),
      );
      return presentActivity(activity);
    },
  );

  app.delete(
    '/api/activities/:id',
    {
      schema: {
        operationId: 'deleteActivity',
        summary: 'Delete an activity',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteActivity({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send();
    },
  );
  done();
};
