import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { HistoryEntity } from '../../db/schema.ts';
import { HISTORY_SORT } from '../../db/history.ts';
import { decodeCursor } from '../../db/paging.ts';
import { readHistory } from '../../domain/history/read-history.ts';
import { actorOf } from '../context.ts';
import { idParams, iso, listQueryBase, page } from '../common.ts';
import { errorResponses } from '../openapi.ts';

export const historyItemSchema = z
  .object({
    id: z.number(),
    field: z.string().describe("The API field name, or an event: 'created', 'deleted', 'closed', 'reopened' …"),
    oldValue: z.string().nullable(),
    newValue: z.string().nullable(),
    changedAt: z.string(),
    changedBy: z.number().nullable(),
    changedByName: z.string().nullable(),
    changedByInitials: z.string().nullable(),
  })
  .meta({ id: 'HistoryItem' });
const historyPage = page(historyItemSchema).meta({ id: 'HistoryPage' });

const historyQuery = z.strictObject({ limit: listQueryBase.limit, cursor: listQueryBase.cursor });

const PATHS: [HistoryEntity, string, string][] = [
  ['opportunity', '/api/opportunities/:id/history', 'opportunities'],
  ['company', '/api/companies/:id/history', 'companies'],
  ['contact', '/api/contacts/:id/history', 'contacts'],
];

/** O-24: the change history ("Registerhistorik") of opportunities, companies and contacts, newest first. */
export const historyRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  for (const [entity, path, tag] of PATHS) {
    const name = `${entity[0]?.toUpperCase()}${entity.slice(1)}`;
    const schema = {
      operationId: `list${name}History`,
      summary: `The change history of a ${entity}, newest first`,
      tags: [tag],
      params: idParams,
      querystring: historyQuery,
      response: { 200: historyPage, ...errorResponses(400, 401, 404) },
    };
    app.get(path, { schema }, async (request) => {
      const { limit, cursor } = request.query;
      const result = await readHistory({
        db: app.db,
        actor: actorOf(request),
        entity,
        entityId: request.params.id,
        cursor: decodeCursor(cursor, HISTORY_SORT),
        limit,
      });
      return {
        items: result.items.map((h) => ({
          id: h.id,
          field: h.field,
          oldValue: h.oldValue,
          newValue: h.newValue,
          changedAt: iso(h.changedAt) ?? '',
          changedBy: h.changedBy,
          changedByName: h.changedByName,
          changedByInitials: h.changedByInitials,
        })),
        nextCursor: result.nextCursor,
      };
    });
  }
  done();
};
