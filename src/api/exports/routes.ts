// L-6: GET /api/{opportunities|companies|contacts|activities}/export?format=csv|xlsx|pdf&<the list's
// filters and sort> streams the whole selection, read in keyset batches through the list queries.
import type { FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ACTIVITY_SORTS, listActivities } from '../../db/activities.ts';
import { COMPANY_SORTS, listCompanies } from '../../db/companies.ts';
import { CONTACT_SORTS, findContact, listContacts } from '../../db/contacts.ts';
import { listOpportunities } from '../../db/opportunities.ts';
import { decodeCursor, parseSort, type Sort } from '../../db/paging.ts';
import { namesOf } from '../../db/export-names.ts';
import { currentSettings } from '../../db/settings.ts';
import {
  CONTENT_TYPES,
  exportColumns,
  exportFileName,
  writeExport,
  type ExportFormat,
  type ExportList,
} from '../../domain/export/export-file.ts';
import { filterWords, NAMED_FILTERS, type FilterNames } from '../../domain/export/filter-words.ts';
import { vcard } from '../../domain/export/vcard.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { likePattern } from '../../domain/search/text-pattern.ts';
import { activityQuery, presentActivity } from '../activities/schema.ts';
import { companyQuery, presentCompany } from '../companies/schema.ts';
import { contactQuery, presentContact } from '../contacts/schema.ts';
import { actorOf } from '../context.ts';
import { csv, idParams } from '../common.ts';
import { errorResponses, fileResponse } from '../openapi.ts';
import { notFound } from '../../domain/errors.ts';
import { listScope } from '../../domain/records/access.ts';
import { presentContext, presentOpportunity } from '../opportunities/present-opportunity.ts';
import { opportunityQuery } from '../opportunities/schema.ts';
import { opportunitySelection } from '../opportunities/selection.ts';

/** Rows per keyset batch: big enough to be quick, small enough that memory stays flat. */
export const EXPORT_BATCH = 2000;

const exportParams = {
  format: z.enum(['csv', 'xlsx', 'pdf'], { error: 'must be csv, xlsx or pdf' }),
  delimiter: z.enum(['comma', 'semicolon']).default('comma'),
  lang: z.enum(['en', 'da', 'nb', 'sv']).default('en'),
  columns: csv(z.string().max(60)).optional(),
};
const withoutPaging = { cursor: true, limit: true } as const;
const pattern = (typed: string | undefined) => (typed ? (likePattern(typed) ?? undefined) : undefined);

type Page<R> = { items: R[]; nextCursor: string | null };

/** Every page of a selection, one batch at a time. */
async function* pages<R>(
  sort: Sort,
  read: (cursor: ReturnType<typeof decodeCursor>) => Promise<Page<R>>,
  present: (row: R) => Record<string, unknown>,
) {
  let cursor: string | null = null;
  do {
    const page: Page<R> = await read(decodeCursor(cursor ?? undefined, sort));
    yield page.items.map(present);
    cursor = page.nextCursor;
  } while (cursor);
}

export const exportRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  const tags = ['exports'];
  const formats = ['csv', 'xlsx', 'pdf'] as const;
  // a file in the format asked for (its media type without the charset), or an error as JSON
  const fileAnswer = (what: string, kinds: readonly (ExportFormat | 'vcf')[], errors = errorResponses(400, 401)) => ({
    200: fileResponse(
      what,
      kinds.map((kind) => CONTENT_TYPES[kind].split(';')[0] ?? ''),
    ),
    ...errors,
  });

  /** The request's filters in words for the PDF, with the names of the records its ids name. */
  async function describe(list: ExportList, query: Record<string, unknown>, lang: 'en' | 'da' | 'nb' | 'sv') {
    const names: FilterNames = {};
    for (const [key, source] of Object.entries(NAMED_FILTERS)) {
      const ids = query[key];
      if (Array.isArray(ids)) names[key] = await namesOf(app.db, source, ids.map(Number));
    }
    return filterWords(list, query, names, lang);
  }

  async function send(
    reply: FastifyReply,
    list: ExportList,
    params: { format: ExportFormat; delimiter: 'comma' | 'semicolon'; lang: 'en' | 'da' | 'nb' | 'sv'; columns?: string[] | undefined },
    batches: AsyncIterable<Record<string, unknown>[]>,
    query: Record<string, unknown>,
  ) {
    const columns = exportColumns(list, params.columns);
    const settings = await currentSettings(app.db);
    const today = todayIn(app.config.timeZone);
    const title = `${settings.companyName} – ${list} ${today}`;
    const filters = params.format === 'pdf' ? await describe(list, query, params.lang) : [];
    const stream = writeExport(
      params.format,
      { columns, lang: params.lang, batches, timeZone: app.config.timeZone, title, filters, baseCurrency: settings.baseCurrency },
      { delimiter: params.delimiter === 'semicolon' ? ';' : ',' },
    );
    return reply
      .header('content-type', CONTENT_TYPES[params.format])
      .header('content-disposition', `attachment; filename="${exportFileName(list, today, params.format)}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  }

  const opportunityExport = z.strictObject({ ...opportunityQuery.omit(withoutPaging).shape, ...exportParams });
  app.get(
    '/api/opportunities/export',
    {
      schema: {
        operationId: 'exportOpportunities',
        summary: 'Export the opportunities of a list selection as CSV, XLSX or PDF',
        tags,
        querystring: opportunityExport,
        response: fileAnswer('The opportunities', formats),
      },
    },
    async (request, reply) => {
      const { format, delimiter, lang, columns, ...query } = request.query;
      const { settings, context } = await presentContext(app);
      const { sort, filters } = opportunitySelection(query, settings, actorOf(request));
      const batches = pages(
        sort,
        (cursor) => listOpportunities(app.db, { sort, cursor, limit: EXPORT_BATCH, filters }),
        (row) => presentOpportunity(row, context),
      );
      return send(reply, 'opportunities', { format, delimiter, lang, columns }, batches, query);
    },
  );

  const companyExport = z.strictObject({ ...companyQuery.omit(withoutPaging).shape, ...exportParams });
  app.get(
    '/api/companies/export',
    {
      schema: {
        operationId: 'exportCompanies',
        summary: 'Export the companies of a list selection as CSV, XLSX or PDF',
        tags,
        querystring: companyExport,
        response: fileAnswer('The companies', formats),
      },
    },
    async (request, reply) => {
      const { format, delimiter, lang, columns, sort: sortParam, q, ...filters } = request.query;
      const sort = parseSort(sortParam, Object.keys(COMPANY_SORTS), { field: 'name', direction: 'asc' });
      const batches = pages(
        sort,
        (cursor) => listCompanies(app.db, { sort, cursor, limit: EXPORT_BATCH, filters: { ...filters, q: pattern(q) } }),
        presentCompany,
      );
      return send(reply, 'companies', { format, delimiter, lang, columns }, batches, { q, ...filters });
    },
  );

  const contactExport = z.strictObject({
    ...contactQuery.omit(withoutPaging).shape,
    ...exportParams,
    format: z.enum(['csv', 'xlsx', 'pdf', 'vcf'], { error: 'must be csv, xlsx, pdf or vcf' }),
  });
  app.get(
    '/api/contacts/export',
    {
      schema: {
        operationId: 'exportContacts',
        summary: 'Export the contacts of a list selection as CSV, XLSX, PDF or vCards',
        tags,
        querystring: contactExport,
        response: fileAnswer('The contacts', [...formats, 'vcf']),
      },
    },
    async (request, reply) => {
      const { format, delimiter, lang, columns, sort: sortParam, q, ...filters } = request.query;
      const sort = parseSort(sortParam, Object.keys(CONTACT_SORTS), { field: 'lastName', direction: 'asc' });
      const batches = pages(
        sort,
        (cursor) => listContacts(app.db, { sort, cursor, limit: EXPORT_BATCH, filters: { ...filters, q: pattern(q) } }),
        presentContact,
      );
      if (format !== 'vcf') return send(reply, 'contacts', { format, delimiter, lang, columns }, batches, { q, ...filters });
      // L-8: one vCard per contact, in the same order as the list
      async function* cards() {
        for await (const batch of batches) yield batch.map((contact) => vcard(contact as ReturnType<typeof presentContact>)).join('');
      }
      return reply
        .header('content-type', CONTENT_TYPES.vcf)
        .header('content-disposition', `attachment; filename="${exportFileName('contacts', todayIn(app.config.timeZone), 'vcf')}"`)
        .send(Readable.from(cards()));
    },
  );

  app.get(
    '/api/contacts/:id/vcard',
    {
      schema: {
        operationId: 'getContactVcard',
        summary: 'One contact person as a vCard',
        tags,
        params: idParams,
        response: fileAnswer('The contact’s vCard', ['vcf'], errorResponses(400, 401, 404)),
      },
    },
    async (request, reply) => {
      const contact = await findContact(app.db, request.params.id);
      if (!contact) throw notFound('Contact', request.params.id);
      const name = `${contact.firstName} ${contact.lastName}`.trim().replace(/[^\p{L}\p{N} ._-]/gu, '') || `contact-${contact.id}`;
      return reply
        .header('content-type', CONTENT_TYPES.vcf)
        .header('content-disposition', `attachment; filename="contact-${contact.id}.vcf"; filename*=UTF-8''${encodeURIComponent(name)}.vcf`)
        .send(vcard(presentContact(contact)));
    },
  );

  const activityExport = z.strictObject({ ...activityQuery.omit(withoutPaging).shape, ...exportParams });
  app.get(
    '/api/activities/export',
    {
      schema: {
        operationId: 'exportActivities',
        summary: 'Export the activities of a list selection as CSV, XLSX or PDF',
        tags,
        querystring: activityExport,
        response: fileAnswer('The activities', formats),
      },
    },
    async (request, reply) => {
      const {
        format,
        delimiter,
        lang,
        columns,
        sort: sortParam,
        q,
        'dueDate.gte': dueFrom,
        'dueDate.lte': dueTo,
        ...filters
      } = request.query;
      const sort = parseSort(sortParam, Object.keys(ACTIVITY_SORTS), { field: 'dueDate', direction: 'asc' });
      const visibleTo = await listScope(app.db, actorOf(request));
      const batches = pages(
        sort,
        (cursor) =>
          listActivities(app.db, { sort, cursor, limit: EXPORT_BATCH, filters: { ...filters, dueFrom, dueTo, q: pattern(q), visibleTo } }),
        presentActivity,
      );
      return send(reply, 'activities', { format, delimiter, lang, columns }, batches, {
        q,
        'dueDate.gte': dueFrom,
        'dueDate.lte': dueTo,
        ...filters,
      });
    },
  );
  done();
};
