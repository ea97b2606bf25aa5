// The global competitor list (SPEC O-15). Everyone reads it; managers and admins maintain it.
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findCompetitor, listCompetitors } from '../../db/competitors.ts';
import { changeCompetitor, createCompetitor } from '../../domain/competitors/competitors.ts';
import { notFound } from '../../domain/errors.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { competitorQuery, competitorSchema, createCompetitorBody, updateCompetitorBody } from './schema.ts';

const tags = ['competitors'];

export const competitorRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/competitors',
    {
      schema: {
        operationId: 'listCompetitors',
        summary: 'List competitors',
        tags,
        querystring: competitorQuery,
        response: { 200: z.object({ items: z.array(competitorSchema), nextCursor: z.null() }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { q, active } = request.query;
      const items = await listCompetitors(app.db, { q: q ? (likePattern(q) ?? undefined) : undefined, active });
      return { items, nextCursor: null };
    },
  );

  app.post(
    '/api/competitors',
    {
      schema: {
        operationId: 'createCompetitor',
        summary: 'Add a competitor (managers and admins)',
        tags,
        body: createCompetitorBody,
        response: { 201: competitorSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const competitor = await app.db.transaction().execute((db) => createCompetitor({ db, actor: actorOf(request), input: request.body }));
      return reply.status(201).send(competitor);
    },
  );

  app.get(
    '/api/competitors/:id',
    {
      schema: {
        operationId: 'getCompetitor',
        summary: 'One competitor',
        tags,
        params: idParams,
        response: { 200: competitorSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const competitor = await findCompetitor(app.db, request.params.id);
      if (!competitor) throw notFound('Competitor', request.params.id);
      return competitor;
    },
  );

  app.patch(
    '/api/competitors/:id',
    {
      schema: {
        operationId: 'updateCompetitor',
        summary: 'Change a competitor (managers and admins)',
        tags,
        params: idParams,
        body: updateCompetitorBody,
        response: { 200: competitorSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      return app.db
        .transaction()
        .execute((db) => changeCompetitor({ db, actor: actorOf(request), id: request.params.id, version, changes }));
    },
  );
  done();
};
