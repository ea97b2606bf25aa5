import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isOverdue, latestActivities, myOpenActivities, teamActivities } from '../../domain/activities/activity-views.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { actorOf } from '../context.ts';
import { idList, listQueryBase, page } from '../common.ts';
import { errorResponses } from '../openapi.ts';
import { activitySchema, presentActivity } from './schema.ts';

const tags = ['activities'];
const pageQuery = { limit: listQueryBase.limit, cursor: listQueryBase.cursor };
const openActivitySchema = activitySchema.extend({ overdue: z.boolean() });
const teamActivitySchema = openActivitySchema.extend({ ownerName: z.string() });

/** T-3: my open activities, the team view for managers, the latest 30. */
export const activityViewRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  const today = () => todayIn(app.config.timeZone);

  app.get(
    '/api/activities/mine',
    {
      schema: {
        operationId: 'listMyOpenActivities',
        summary: 'My open activities',
        tags,
        description: 'The signed-in user’s open activities: overdue first, then by due date, undated last.',
        querystring: z.strictObject(pageQuery),
        response: { 200: page(openActivitySchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const result = await myOpenActivities({ db: app.db, actor: actorOf(request), ...request.query });
      const day = today();
      return { items: result.items.map((a) => ({ ...presentActivity(a), overdue: isOverdue(a, day) })), nextCursor: result.nextCursor };
    },
  );

  app.get(
    '/api/activities/team',
    {
      schema: {
        operationId: 'listTeamOpenActivities',
        summary: 'The team’s open activities (managers and admins)',
        tags,
        description: 'Managers and admins: open activities across sellers, by owner, then due date (undated last).',
        querystring: z.strictObject({ ...pageQuery, ownerId: idList.optional() }),
        response: { 200: page(teamActivitySchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { ownerId, ...paging } = request.query;
      const result = await teamActivities({ db: app.db, actor: actorOf(request), ownerIds: ownerId, ...paging });
      const day = today();
      return {
        items: result.items.map((a) => ({ ...presentActivity(a), ownerName: a.ownerName, overdue: isOverdue(a, day) })),
        nextCursor: result.nextCursor,
      };
    },
  );

  app.get(
    '/api/activities/latest',
    {
      schema: {
        operationId: 'listLatestActivities',
        summary: 'The latest 30 activities',
        tags,
        description: 'The latest 30 activities of all types and owners, newest first.',
        querystring: z.strictObject({}),
        response: { 200: z.object({ items: z.array(activitySchema) }), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ items: (await latestActivities({ db: app.db, actor: actorOf(request) })).map(presentActivity) }),
  );
  done();
};
