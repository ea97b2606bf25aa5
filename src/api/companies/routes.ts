import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { COMPANY_SORTS, findCompany, listCompanies, type CompanyRow } from '../../db/companies.ts';
import { decodeCursor, parseSort } from '../../db/paging.ts';
import { createCompany, deleteCompany, nextAccountNumber, updateCompany } from '../../domain/companies/companies.ts';
import { notFound } from '../../domain/errors.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses, noContent } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { findDuplicates } from '../../domain/companies/duplicates.ts';
import {
  companyChangesBody,
  companyPage,
  companyQuery,
  companySchema,
  createdCompanySchema,
  newCompanyBody,
  presentCompany,
} from './schema.ts';

const tags = ['companies'];

export const companyRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/companies',
    {
      schema: {
        operationId: 'listCompanies',
        summary: 'List companies, filtered and sorted, a page at a time',
        tags,
        querystring: companyQuery,
        response: { 200: companyPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { sort: sortParam, cursor, limit, q, ...filters } = request.query;
      const sort = parseSort(sortParam, Object.keys(COMPANY_SORTS), { field: 'name', direction: 'asc' });
      const result = await listCompanies(app.db, {
        sort,
        cursor: decodeCursor(cursor, sort),
        limit,
        filters: { ...filters, q: q ? (likePattern(q) ?? undefined) : undefined },
      });
      return { items: result.items.map(presentCompany), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/companies/next-account-number',
    {
      schema: {
        operationId: 'getNextAccountNumber',
        summary: 'The account number a new company would get',
        tags,
        response: { 200: z.object({ accountNumber: z.string() }), ...errorResponses(401) },
      },
    },
    async () => ({
      accountNumber: await nextAccountNumber(app.db),
    }),
  );

  app.get(
    '/api/companies/:id',
    {
      schema: {
        operationId: 'getCompany',
        summary: 'One company',
        tags,
        params: idParams,
        response: { 200: companySchema, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const company = await findCompany(app.db, request.params.id);
      if (!company) throw notFound('Company', request.params.id);
      return presentCompany(company);
    },
  );

  app.post(
    '/api/companies',
    {
      schema: {
        operationId: 'createCompany',
        summary: 'Create a company; the answer warns of companies it may duplicate',
        tags,
        body: newCompanyBody,
        response: { 201: createdCompanySchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const company = await app.db.transaction().execute((db) => createCompany({ db, actor: actorOf(request), input: request.body }));
      // C-6: a possible duplicate is a warning, not a refusal
      const warnings = await findDuplicates({ db: app.db, probe: request.body, excludeId: company.id });
      return reply.status(201).send({ ...presentCompany(company), warnings });
    },
  );

  app.patch(
    '/api/companies/:id',
    {
      schema: {
        operationId: 'updateCompany',
        summary: 'Change a company',
        tags,
        params: idParams,
        body: companyChangesBody,
        response: { 200: companySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { version, ...changes } = request.body;
      const company = await withConflictShape(
        () => app.db.transaction().execute((db) => updateCompany({ db, actor: actorOf(request), id: request.params.id, version, changes })),
        (row: CompanyRow) => presentCompany(row),
      );
      return presentCompany(company);
    },
  );

  app.delete(
    '/api/companies/:id',
    {
      schema: {
        operationId: 'deleteCompany',
        summary: 'Delete a company that nothing refers to',
        tags,
        params: idParams,
        response: { 204: noContent, ...errorResponses(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      await app.db.transaction().execute((db) => deleteCompany({ db, actor: actorOf(request), id: request.params.id }));
      return reply.status(204).send();
    },
  );
  done();
};
