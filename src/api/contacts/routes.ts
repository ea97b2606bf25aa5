import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { CONTACT_SORTS, findContact, listContacts, type ContactRow } from '../../db/contacts.ts';
import { decodeCursor, parseSort } from '../../db/paging.ts';
import { createContact, deleteContact, updateContact } from '../../domain/contacts/contacts.ts';
import { notFound } from '../../domain/errors.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { contactChangesBody, contactPage, contactQuery, contactSchema, newContactBody, presentContact } from './schema.ts';

const tags = ['contacts'];

export const contactRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/contacts',
    {
      schema: {
        operationId: 'listContacts',
        summary: 'List contact persons, filtered and sorted, a page at a time',
        tags,
        querystring: contactQuery,
        response: { 200: contactPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { sort: sortParam, cursor, limit, q, ...filters } = request.query;
      // within one company the primary contact comes first (C-4); across companies by last name
      const fallback = filters.companyId?.length === 1 ? 'primaryFirst' : 'lastName';
      const sort = parseSort(sortParam, Object.keys(CONTACT_SORTS), { field: fallback, direction: 'asc' });
      const result = await listContacts(app.db, {
        sort,
        cursor: decodeCursor(cursor, sort),
        limit,
        filters: { ...filters, q: q ? (likePattern(q) ?? undefined) : undefined },
      });
      return { items: result.items.map(presentContact), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/contacts/:id',
    {
      schema: {
        operationId: 'getContact',
        summary: 'One contact person',
        tags,
        params: idParams,
        response: { 200: contactSchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const contact = await findContact(app.db, request.params.id);
      if (!contact) throw notFound('Contact', request.params.id);
      return presentContact(contact);
    },
  );

  app.post(
    '/api/contacts',
    {
      schema: {
        operationId: 'createContact',
        summary: 'Create a contact person of a company',
        tags,
        body: newContactBody,
        response: { 201: contactSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const contact = await app.db.transaction().execute((db) => createContact({ db, actor: actorOf(request), input: request.body }));
      return reply.status(201).send(presentContact(contact));
    },
  );

  app.patch(
    '/api/contacts/:id',
    {
      schema: {
        operationId: 'updateContact',
        summary: 'Change a contact person',
        tags,
        params: idParams,
        body: contactChangesBody,
        response: { 200: contactSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const contact = await withConflictShape(
        () => app.db.transaction().execute((db) => updateContact({ db, actor: actorOf(request), id: request.params.id, version, changes })),
        (row: ContactRow) => presentContact(row),
      );
      return presentContact(contact);
    },
  );

  app.delete(
    '/api/contacts/:id',
    {
      schema: {
        operationId: 'deleteContact',
        summary: 'Delete a contact person',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteContact({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send();
    },
  );
  done();
};
