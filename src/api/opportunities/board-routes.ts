import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { boardTotals } from '../../db/board.ts';
import { findDefaultProcess, findProcess } from '../../db/sales-processes.ts';
import { currentSettings } from '../../db/settings.ts';
import { invalid } from '../../domain/errors.ts';
import { readScope } from '../../domain/auth/policy.ts';
import { actorOf } from '../context.ts';
import { errorResponses } from '../openapi.ts';
import { presentBoard } from './present-opportunity.ts';
import { boardQuery, boardSchema } from './schema.ts';

export const boardRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  // U-1: the columns of the board with their totals; the cards come from GET /api/opportunities?stageId=…&status=open
  app.get(
    '/api/opportunities/board',
    {
      schema: {
        operationId: 'getBoard',
        summary: 'The board of a sales process: its stages with count and totals per currency',
        tags: ['opportunities'],
        querystring: boardQuery,
        response: { 200: boardSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { processId, ...filters } = request.query;
      const process = processId ? await findProcess(app.db, processId) : await findDefaultProcess(app.db);
      if (!process) throw invalid('processId', 'does not exist');
      const settings = await currentSettings(app.db);
      const totals = await boardTotals(app.db, { processId: process.id, ...filters, visibleTo: readScope(actorOf(request), settings) });
      return presentBoard(process, totals);
    },
  );
  done();
};
