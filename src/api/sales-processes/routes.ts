import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findProcess, listProcesses } from '../../db/sales-processes.ts';
import { changeSalesProcess, createSalesProcess, editStages } from '../../domain/sales-processes/sales-processes.ts';
import { notFound } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { idParams, percent, requiredText, version } from '../common.ts';
import { errorResponses } from '../openapi.ts';

const tags = ['sales processes'];
const stageSchema = z.object({ id: z.number(), name: z.string(), probability: z.number(), position: z.number() });
const processSchema = z
  .object({
    id: z.number(),
    name: z.string(),
    isDefault: z.boolean(),
    active: z.boolean(),
    version: z.number(),
    stages: z.array(stageSchema),
  })
  .meta({ id: 'SalesProcess' });

export const salesProcessRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/sales-processes',
    {
      schema: {
        operationId: 'listSalesProcesses',
        summary: 'All sales processes with their stages',
        tags,
        response: { 200: z.object({ items: z.array(processSchema), nextCursor: z.null() }), ...errorResponses(401) },
      },
    },
    async () => ({
      items: await listProcesses(app.db),
      nextCursor: null,
    }),
  );

  app.get(
    '/api/sales-processes/:id',
    {
      schema: {
        operationId: 'getSalesProcess',
        summary: 'One sales process with its stages',
        tags,
        params: idParams,
        response: { 200: processSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const process = await findProcess(app.db, request.params.id);
      if (!process) throw notFound('Sales process', request.params.id);
      return process;
    },
  );

  app.post(
    '/api/sales-processes',
    {
      schema: {
        operationId: 'createSalesProcess',
        summary: 'Create a sales process with its stages (admins)',
        tags,
        body: z.strictObject({
          name: requiredText(120),
          isDefault: z.boolean().optional(),
          stages: z.array(z.strictObject({ name: requiredText(80), probability: percent })).max(30),
        }),
        response: { 201: processSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const process = await app.db.transaction().execute((db) => createSalesProcess({ db, actor: actorOf(request), input: request.body }));
      return reply.status(201).send(process);
    },
  );

  app.patch(
    '/api/sales-processes/:id',
    {
      schema: {
        operationId: 'updateSalesProcess',
        summary: 'Rename, deactivate or make default a sales process (admins)',
        tags,
        params: idParams,
        body: z.strictObject({
          name: requiredText(120).optional(),
          active: z.boolean().optional(),
          isDefault: z.boolean().optional(),
          version,
        }),
        response: { 200: processSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version: expected, ...changes } = request.body;
      return app.db
        .transaction()
        .execute((db) => changeSalesProcess({ db, actor: actorOf(request), id: request.params.id, version: expected, changes }));
    },
  );

  app.put(
    '/api/sales-processes/:id/stages',
    {
      schema: {
        operationId: 'replaceSalesProcessStages',
        summary: 'Replace the stage list of a sales process (admins)',
        tags,
        params: idParams,
        body: z.strictObject({
          stages: z
            .array(z.strictObject({ id: z.number().int().positive().optional(), name: requiredText(80), probability: percent }))
            .max(30),
          version: version.describe('the version of the sales process, which guards its stage list'),
        }),
        response: { 200: processSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      app.db
        .transaction()
        .execute((db) =>
          editStages({ db, actor: actorOf(request), id: request.params.id, version: request.body.version, stages: request.body.stages }),
        ),
  );
  done();
};
