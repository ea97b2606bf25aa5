import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findProcess, listProcesses } from '../../db/sales-processes.ts';
import { changeSalesProcess, createSalesProcess, editStages } from '../../domain/sales-processes/sales-processes.ts';
import { notFound } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { idParams, percent, requiredText, version } from '../common.ts';

const tags = ['sales processes'];
const stageSchema = z.object({ id: z.number(), name: z.string(), probability: z.number(), position: z.number() });
const processSchema = z.object({ id: z.number(), name: z.string(), isDefault: z.boolean(), active: z.boolean(), version: z.number(), stages: z.array(stageSchema) });

export const salesProcessRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/sales-processes', { schema: { tags, response: { 200: z.object({ items: z.array(processSchema), nextCursor: z.null() }) } } }, async () => ({
    items: await listProcesses(app.db),
    nextCursor: null,
  }));

  app.get('/api/sales-processes/:id', { schema: { tags, params: idParams, response: { 200: processSchema } } }, async (request) => {
    const process = await findProcess(app.db, request.params.id);
    if (!process) throw notFound('Sales process', request.params.id);
    return process;
  });

  app.post('/api/sales-processes', {
    schema: {
      tags,
      body: z.strictObject({
        name: requiredText(120),
        isDefault: z.boolean().optional(),
        stages: z.array(z.strictObject({ name: requiredText(80), probability: percent })).max(30),
      }),
      response: { 201: processSchema },
    },
  }, async (request, reply) => {
    const process = await app.db.transaction().execute((db) => createSalesProcess({ db, actor: actorOf(request), input: request.body }));
    return reply.status(201).send(process);
  });

  app.patch('/api/sales-processes/:id', {
    schema: {
      tags,
      params: idParams,
      body: z.strictObject({ name: requiredText(120).optional(), active: z.boolean().optional(), isDefault: z.boolean().optional(), version }),
      response: { 200: processSchema },
    },
  }, async (request) => {
    const { version: expected, ...changes } = request.body;
    return app.db.transaction().execute((db) => changeSalesProcess({ db, actor: actorOf(request), id: request.params.id, version: expected, changes }));
  });

  app.put('/api/sales-processes/:id/stages', {
    schema: {
      tags,
      params: idParams,
      body: z.strictObject({
        stages: z.array(z.strictObject({ id: z.number().int().positive().optional(), name: requiredText(80), probability: percent })).max(30),
        version: version.describe('the version of the sales process, which guards its stage list'),
      }),
      response: { 200: processSchema },
    },
  }, async (request) =>
    app.db.transaction().execute((db) => editStages({ db, actor: actorOf(request), id: request.params.id, version: request.body.version, stages: request.body.stages })),
  );
};
