import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findUser, listUsers, USER_SORTS } from '../../db/users.ts';
import { decodeCursor, parseSort } from '../../db/paging.ts';
import { createUser, updateUser } from '../../domain/users/users.ts';
import { notFound } from '../../domain/errors.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf } from '../context.ts';
import { booleanQuery, csv, idParams, listQueryBase, page } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { createUserBody, presentUser, role, updateUserBody, userSchema } from './schema.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/users',
    {
      schema: {
        operationId: 'listUsers',
        summary: 'List users',
        tags,
        querystring: z.strictObject({
          ...listQueryBase,
          active: booleanQuery.optional(),
          role: csv(role).optional(),
          q: z.string().max(200).optional(),
        }),
        response: { 200: page(userSchema).meta({ id: 'UserPage' }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const sort = parseSort(request.query.sort, Object.keys(USER_SORTS), { field: 'name', direction: 'asc' });
      const result = await listUsers(app.db, {
        sort,
        cursor: decodeCursor(request.query.cursor, sort),
        limit: request.query.limit,
        active: request.query.active,
        role: request.query.role,
        q: request.query.q ? (likePattern(request.query.q) ?? undefined) : undefined,
      });
      return { items: result.items.map(presentUser), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/users/:id',
    {
      schema: {
        operationId: 'getUser',
        summary: 'One user',
        tags,
        params: idParams,
        response: { 200: userSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const user = await findUser(app.db, request.params.id);
      if (!user) throw notFound('User', request.params.id);
      return presentUser(user);
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        operationId: 'createUser',
        summary: 'Create a user (admins)',
        tags,
        body: createUserBody,
        response: { 201: userSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const user = await app.db.transaction().execute((db) => createUser({ db, actor: actorOf(request), input: request.body }));
      return reply.status(201).send(presentUser(user));
    },
  );

  const updatedUser = userSchema.extend({
    revokedTokens: z.number().int().optional().describe('API tokens revoked because a new password was set'),
  });
  app.patch(
    '/api/users/:id',
    {
      schema: {
        operationId: 'updateUser',
        summary: 'Change a user: name, role, password, active …',
        tags,
        params: idParams,
        body: updateUserBody,
        response: { 200: updatedUser, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { user, revokedTokens } = await app.db
        .transaction()
        .execute((db) => updateUser({ db, actor: actorOf(request), id: request.params.id, changes: request.body }));
      return { ...presentUser(user), ...(revokedTokens === null ? {} : { revokedTokens }) };
    },
  );
  done();
};
