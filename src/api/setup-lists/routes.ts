import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findEntry, listEntries, SETUP_LISTS, type SetupList } from '../../db/setup-lists.ts';
import { addSetupEntry, checkExtras } from '../../domain/setup/add-setup-entry.ts';
import { changeSetupEntry } from '../../domain/setup/setup-entries.ts';
import { notFound } from '../../domain/errors.ts';
import { actorOf } from '../context.ts';
import { booleanQuery, requiredText, version } from '../common.ts';
import { errorResponses } from '../openapi.ts';

const tags = ['setup lists'];
const list = z.enum(Object.keys(SETUP_LISTS) as [SetupList, ...SetupList[]]);

const entrySchema = z
  .object({
    id: z.number(),
    name: z.string(),
    active: z.boolean(),
    position: z.number(),
    version: z.number(),
    key: z.string().nullable().optional(),
    code: z.string().nullable().optional(),
    paymentTermsDays: z.number().nullable().optional(),
    currency: z.string().nullable().optional(),
    priceList: z.string().nullable().optional(),
  })
  .meta({ id: 'SetupEntry' });

const entryFields = {
  name: requiredText(120),
  active: z.boolean().optional(),
  position: z.number().int().min(0).optional(),
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be lower-case letters, digits and _')
    .optional(),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .optional(),
  paymentTermsDays: z.number().int().min(0).max(365).nullish(),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code')
    .nullish(),
  priceList: z.string().trim().max(120).nullish(),
};

export const setupListRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/setup/:list',
    {
      schema: {
        operationId: 'listSetupEntries',
        summary: 'The entries of one setup list',
        tags,
        params: z.object({ list }),
        querystring: z.strictObject({ active: booleanQuery.optional() }),
        response: { 200: z.object({ items: z.array(entrySchema), nextCursor: z.null() }), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ items: await listEntries(app.db, request.params.list, request.query.active === true), nextCursor: null }),
  );

  app.post(
    '/api/setup/:list',
    {
      schema: {
        operationId: 'createSetupEntry',
        summary: 'Add an entry to a setup list (admins)',
        tags,
        params: z.object({ list }),
        body: z.strictObject(entryFields),
        response: { 201: entrySchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const entry = await app.db
        .transaction()
        .execute((db) => addSetupEntry({ db, actor: actorOf(request), list: request.params.list, values: request.body }));
      return reply.status(201).send(entry);
    },
  );

  app.get(
    '/api/setup/:list/:id',
    {
      schema: {
        operationId: 'getSetupEntry',
        summary: 'One entry of a setup list',
        tags,
        params: z.object({ list, id: z.coerce.number().int().positive() }),
        response: { 200: entrySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const entry = await findEntry(app.db, request.params.list, request.params.id);
      if (!entry) throw notFound('Entry', request.params.id);
      return entry;
    },
  );

  app.patch(
    '/api/setup/:list/:id',
    {
      schema: {
        operationId: 'updateSetupEntry',
        summary: 'Change an entry of a setup list (admins)',
        tags,
        params: z.object({ list, id: z.coerce.number().int().positive() }),
        // keys of activity types are referenced by activities and never change
        body: z.strictObject({ ...entryFields, name: entryFields.name.optional(), key: z.never().optional(), version }),
        response: { 200: entrySchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { list: listName, id } = request.params;
      const { version: expected, ...changes } = request.body;
      checkExtras(listName, changes);
      return app.db
        .transaction()
        .execute((db) => changeSetupEntry({ db, actor: actorOf(request), list: listName, id, version: expected, changes }));
    },
  );
  done();
};
