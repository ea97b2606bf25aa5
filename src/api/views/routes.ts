import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listViews, type SavedViewRow } from '../../db/saved-views.ts';
import { parseSort } from '../../db/paging.ts';
import type { ListResource } from '../../db/schema.ts';
import { createView, deleteView, readableView, updateView } from '../../domain/views/saved-views.ts';
import { AppError } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { createViewBody, LISTS, presentView, updateViewBody, viewSchema, viewsQuery } from './schema.ts';

const tags = ['views'];

/** A view may hold only what its list accepts: its own filters, a sort it can do, columns it has. */
function checkView(resource: ListResource, query: Record<string, string> | undefined, columns: string[] | undefined) {
  const list = LISTS[resource];
  const fields: Record<string, string> = {};
  if (query) {
    const parsed = list.query.safeParse(query);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [String(issue.path[0] ?? '')];
        for (const key of keys)
          fields[`query.${key}`] ??= issue.code === 'unrecognized_keys' ? 'is not a filter of this list' : issue.message;
      }
    }
    try {
      parseSort(query.sort, list.sorts, { field: list.sorts[0] ?? 'id', direction: 'asc' });
    } catch {
      fields['query.sort'] = `cannot sort by "${query.sort}"`;
    }
  }
  for (const column of columns ?? []) if (!list.columns.includes(column)) fields.columns = `"${column}" is not a column of ${resource}`;
  if (Object.keys(fields).length) throw new AppError('VALIDATION', `Invalid view: ${Object.keys(fields).join(', ')}`, { fields });
}

export const viewRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  const present = (row: SavedViewRow, request: Parameters<typeof actorOf>[0]) => presentView(row, actorOf(request));

  app.get(
    '/api/views',
    {
      schema: {
        operationId: 'listViews',
        summary: 'My saved list views and those shared with me',
        tags,
        querystring: viewsQuery,
        response: { 200: z.object({ items: z.array(viewSchema), nextCursor: z.null() }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const rows = await listViews(app.db, actorOf(request).id, request.query.resource);
      return { items: rows.map((row) => present(row, request)), nextCursor: null };
    },
  );

  app.get(
    '/api/views/:id',
    {
      schema: {
        operationId: 'getView',
        summary: 'One saved list view',
        tags,
        params: idParams,
        response: { 200: viewSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => present(await readableView(app.db, actorOf(request), request.params.id), request),
  );

  app.post(
    '/api/views',
    {
      schema: {
        operationId: 'createView',
        summary: 'Save a list view',
        tags,
        body: createViewBody,
        response: { 201: viewSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { resource, ...values } = request.body;
      checkView(resource, values.query, values.columns);
      const row = await app.db.transaction().execute((db) => createView({ db, actor: actorOf(request), resource, values }));
      return reply.status(201).send(present(row, request));
    },
  );

  app.patch(
    '/api/views/:id',
    {
      schema: {
        operationId: 'updateView',
        summary: 'Change a saved list view',
        tags,
        params: idParams,
        body: updateViewBody,
        response: { 200: viewSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...values } = request.body;
      const row = await withConflictShape(
        () =>
          app.db.transaction().execute(async (db) => {
            const current = await readableView(db, actorOf(request), request.params.id);
            checkView(current.resource, values.query, values.columns);
            return updateView({ db, actor: actorOf(request), id: request.params.id, version, values });
          }),
        (current: SavedViewRow) => present(current, request),
      );
      return present(row, request);
    },
  );

  app.delete(
    '/api/views/:id',
    {
      schema: {
        operationId: 'deleteView',
        summary: 'Delete a saved list view',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteView({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send();
    },
  );
  done();
};
