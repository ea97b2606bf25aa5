import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listFollowUps } from '../../db/follow-ups.ts';
import { recordAccess } from '../../domain/records/access.ts';
import { actorOf } from '../context.ts';
import { idParams, iso } from '../common.ts';

const followUpSchema = z.object({
  id: z.number(),
  followUpDate: z.string(),
  setAt: z.string(),
  setBy: z.number().nullable(),
  setByInitials: z.string().nullable(),
  activityId: z.number().nullable().describe('The task the date created'),
});

/** O-21: the follow-up dates an opportunity has had, newest first. */
export const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/opportunities/:id/follow-ups', {
    schema: { tags: ['opportunities'], params: idParams, response: { 200: z.object({ items: z.array(followUpSchema) }) } },
  }, async (request) => {
    await recordAccess(app.db, actorOf(request), 'opportunity', request.params.id);
    const rows = await listFollowUps(app.db, request.params.id);
    return { items: rows.map((f) => ({ ...f, setAt: iso(f.setAt) ?? '' })) };
  });
};
