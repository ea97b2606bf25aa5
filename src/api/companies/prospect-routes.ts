import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CompanyRow } from '../../db/companies.ts';
import { convertCompany } from '../../domain/companies/convert-company.ts';
import { findDuplicates } from '../../domain/companies/duplicates.ts';
import { actorOf } from '../context.ts';
import { idParams } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { withConflictShape } from '../present.ts';
import { convertCompanyBody } from '../../domain/companies/schema.ts';
import { companySchema, duplicateSchema, duplicatesQuery, presentCompany } from './schema.ts';

const tags = ['companies'];

/** C-3 conversion of a prospect to customer / supplier, and the C-6 duplicate check. */
export const companyProspectRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/companies/duplicates',
    {
      schema: {
        operationId: 'findDuplicateCompanies',
        summary: 'Companies a new or edited company may duplicate (same name, org. number, email domain or phone)',
        tags,
        querystring: duplicatesQuery,
        response: { 200: z.object({ items: z.array(duplicateSchema) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { excludeId, ...probe } = request.query;
      return { items: await findDuplicates({ db: app.db, probe, excludeId }) };
    },
  );

  app.post(
    '/api/companies/:id/convert',
    {
      schema: {
        operationId: 'convertCompany',
        summary: 'Make a prospect a customer or supplier',
        tags,
        description:
          'Gives the company the customer or supplier role: the next free number (or the one given), status active for a customer, the customer profile. 409 ALREADY_CONVERTED when it has the role.',
        params: idParams,
        body: convertCompanyBody,
        response: { 200: companySchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const company = await withConflictShape(
        () =>
          app.db.transaction().execute((db) => convertCompany({ db, actor: actorOf(request), id: request.params.id, input: request.body })),
        (row: CompanyRow) => presentCompany(row),
      );
      return presentCompany(company);
    },
  );
  done();
};
