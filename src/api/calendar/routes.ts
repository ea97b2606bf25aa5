// L-8: POST /api/calendar-feed makes (or replaces) the caller's secret feed URL and shows it once;
// GET /api/calendar/<secret>.ics is public (calendar apps cannot sign in) and serves the feed.
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findFeed } from '../../db/calendar-feeds.ts';
import { readCalendarFeed } from '../../domain/calendar/read-calendar-feed.ts';
import { renewCalendarFeed } from '../../domain/calendar/renew-calendar-feed.ts';
import { stopCalendarFeed } from '../../domain/calendar/stop-calendar-feed.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { actorOf } from '../context.ts';
import { iso } from '../common.ts';
import { errorResponses, fileResponse, noContent } from '../openapi.ts';

const tags = ['calendar'];
const feedFile = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, 'is not a calendar feed') });
const feedStatus = z.object({ active: z.boolean(), createdAt: z.string().nullable(), lastUsedAt: z.string().nullable() });

export const calendarRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  const statusSchema = {
    operationId: 'getCalendarFeed',
    summary: 'Whether I have a calendar feed',
    tags,
    response: { 200: feedStatus, ...errorResponses(401) },
  };
  app.get('/api/calendar-feed', { schema: statusSchema }, async (request) => {
    const feed = await findFeed(app.db, actorOf(request).id);
    return { active: Boolean(feed), createdAt: iso(feed?.createdAt ?? null), lastUsedAt: iso(feed?.lastUsedAt ?? null) };
  });

  const feedAddress = z.object({
    url: z
      .string()
      .nullable()
      .describe('The full address, made with TRAKT_PUBLIC_URL; null when that is not set (then the client adds its own origin to `path`)'),
    path: z.string(),
  });
  const renewSchema = {
    operationId: 'renewCalendarFeed',
    summary: 'Make (or replace) my secret calendar feed address; shown only this once',
    tags,
    response: { 201: feedAddress, ...errorResponses(401, 403) },
  };
  app.post('/api/calendar-feed', { schema: renewSchema }, async (request, reply) => {
    const secret = await app.db.transaction().execute((db) => renewCalendarFeed({ db, actor: actorOf(request) }));
    const path = `/api/calendar/${secret}.ics`;
    // never from the Host header: a forged one would hand the secret to another server
    return reply.status(201).send({ path, url: app.config.publicUrl ? `${app.config.publicUrl}${path}` : null });
  });

  const stopSchema = {
    operationId: 'stopCalendarFeed',
    summary: 'Stop my calendar feed',
    tags,
    response: { 204: noContent, ...errorResponses(401, 403) },
  };
  app.delete('/api/calendar-feed', { schema: stopSchema }, async (request, reply) => {
    await app.db.transaction().execute((db) => stopCalendarFeed({ db, actor: actorOf(request) }));
    return reply.status(204).send();
  });

  const feedSchema = {
    operationId: 'readCalendarFeed',
    summary: 'The calendar feed (iCalendar) at its secret address; needs no sign-in',
    tags,
    params: feedFile,
    response: { 200: fileResponse('The feed’s activities as iCalendar events', ['text/calendar']), ...errorResponses(400, 404) },
  };
  app.get('/api/calendar/:file', { config: { public: true }, schema: feedSchema }, async (request, reply) => {
    const secret = request.params.file.slice(0, -'.ics'.length);
    const host = app.config.publicUrl ? new URL(app.config.publicUrl).hostname : 'trakt';
    const body = await readCalendarFeed({ db: app.db, secret, today: todayIn(app.config.timeZone), timeZone: app.config.timeZone, host });
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
  });
  done();
};
