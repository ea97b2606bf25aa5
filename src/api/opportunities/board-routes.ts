import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { boardTotals } from '../../db/board.ts';
import { findDefaultProcess, findProcess } from '../../db/sales-processes.ts';
import { currentSettings } from '../../db/settings.ts';
import { invalid } from '../../domain/errors.ts';
import { readScope } from '../../domain/auth/policy.ts';
import { actorOf } from '../context.ts';
import { idList } from '../common.ts';

const money = z.object({ currency: z.string(), total: z.number(), weighted: z.number() });

export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  // U-1: the columns of the board with their totals; the cards come from GET /api/opportunities?stageId=…&status=open
  app.get('/api/opportunities/board', {
    schema: {
      tags: ['opportunities'],
      querystring: z.strictObject({ processId: z.coerce.number().int().positive().optional(), ownerId: idList.optional(), sellerId: idList.optional() }),
      response: {
        200: z.object({
          processId: z.number(),
          processName: z.string(),
          columns: z.array(z.object({
            stageId: z.number(),
            name: z.string(),
            probability: z.number(),
            count: z.number(),
            // one line per currency: amounts in different currencies are never added together
            totals: z.array(money),
          })),
        }),
      },
    },
  }, async (request) => {
    const { processId, ...filters } = request.query;
    const process = processId ? await findProcess(app.db, processId) : await findDefaultProcess(app.db);
    if (!process) throw invalid('processId', 'does not exist');
    const settings = await currentSettings(app.db);
    const totals = await boardTotals(app.db, { processId: process.id, ...filters, visibleTo: readScope(actorOf(request), settings) });
    return {
      processId: process.id,
      processName: process.name,
      columns: process.stages.map((stage) => {
        const lines = totals.filter((t) => t.stageId === stage.id);
        return {
          stageId: stage.id,
          name: stage.name,
          probability: stage.probability,
          count: lines.reduce((n, t) => n + t.count, 0),
          totals: lines.map((t) => ({ currency: t.currency, total: t.total, weighted: t.weighted })),
        };
      }),
    };
  });
};
