import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from './db/connect.ts';
import { clientErrorHandler, errorHandler } from './api/errors.ts';
import { loggerOptions } from './api/logging.ts';
import { registerInputChecks } from './api/refuse-bad-input.ts';
import { databaseAnswers } from './db/health.ts';
import { watchSettings } from './db/settings-changes.ts';
import { AppError } from './domain/errors.ts';
import { registerAuthentication } from './api/authenticate.ts';
import { publicUrlFrom, trustProxyFrom } from './api/public-address.ts';
import { securityHeaders } from './api/security-headers.ts';
import { createResponseSerializer } from './api/serialize-response.ts';
import { API_TAGS, errorResponses, securitySchemes, signedInSecurity, transform, transformObject } from './api/openapi.ts';
import type { AppConfig } from './api/context.ts';
import { authRoutes } from './api/auth/routes.ts';
import { instanceRoutes } from './api/instance/routes.ts';
import { userRoutes } from './api/users/routes.ts';
import { setupListRoutes } from './api/setup-lists/routes.ts';
import { salesProcessRoutes } from './api/sales-processes/routes.ts';
import { companyRoutes } from './api/companies/routes.ts';
import { contactRoutes } from './api/contacts/routes.ts';
import { opportunityRoutes } from './api/opportunities/routes.ts';
import { opportunityLifecycleRoutes } from './api/opportunities/lifecycle-routes.ts';
import { boardRoutes } from './api/opportunities/board-routes.ts';
import { opportunitySellerRoutes } from './api/opportunities/sellers-routes.ts';
import { opportunityCompetitorRoutes } from './api/opportunities/competitors-routes.ts';
import { competitorRoutes } from './api/competitors/routes.ts';
import { activityRoutes } from './api/activities/routes.ts';
import { historyRoutes } from './api/history/routes.ts';
import { followUpRoutes } from './api/opportunities/follow-up-routes.ts';
import { companyProspectRoutes } from './api/companies/prospect-routes.ts';
import { activityViewRoutes } from './api/activities/views-routes.ts';
import { activityCallRoutes } from './api/activities/call-routes.ts';
import { attachmentRoutes } from './api/attachments/routes.ts';
import { viewRoutes } from './api/views/routes.ts';
import { exportRoutes } from './api/exports/routes.ts';
import { calendarRoutes } from './api/calendar/routes.ts';
import { IMPORT_LIMITS, importRoutes } from './api/import/routes.ts';
import { backupRoutes } from './api/backup/routes.ts';

export type ServerOptions = {
  database: Database;
  config?: Partial<AppConfig>;
  /** Log every request (TRAKT_LOG=1); 5xx answers are logged either way. */
  logger?: boolean;
  /** Where the log goes (default stderr); tests capture it. */
  logStream?: NodeJS.WritableStream;
  /** Folder of the built web UI; null serves the API only. */
  webDir?: string | null;
  /** Also parse every response with its zod schema (the tests switch this on; off in production). */
  checkResponses?: boolean;
};

const defaultWebDir = fileURLToPath(new URL('../web/dist', import.meta.url));
/** How long /api/health waits for the database's `SELECT 1` before answering 503. */
const HEALTH_TIMEOUT_MS = 2_000;

/** Builds the Fastify app: plugins, error handler, API routes, OpenAPI and the web UI. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...loggerOptions({ requests: options.logger === true, stream: options.logStream }),
    // a path parameter over the router's limit (414) and a URL it cannot decode answer in the error shape
    frameworkErrors: errorHandler,
    clientErrorHandler,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: trustProxyFrom(process.env.TRAKT_TRUST_PROXY),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(createResponseSerializer({ check: options.checkResponses ?? false }));
  app.setErrorHandler(errorHandler);
  registerInputChecks(app);
  app.setNotFoundHandler((request, reply) => {
    // API paths and built assets answer 404; every other path is a page of the web app
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/') || !serveWeb) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    // the web UI routes on the client: every other path gets the app
    return reply.sendFile('index.html');
  });

  app.decorate('db', options.database.db);
  app.decorate('dbMode', options.database.mode);
  app.decorate('copyPool', options.database.mode === 'postgres' ? options.database.pool : null);
  app.decorate('config', {
    timeZone: options.config?.timeZone ?? process.env.TRAKT_TIMEZONE ?? 'Europe/Copenhagen',
    secureCookies: options.config?.secureCookies ?? process.env.TRAKT_SECURE_COOKIES === '1',
    imports: options.config?.imports ?? IMPORT_LIMITS,
    publicUrl: options.config?.publicUrl !== undefined ? options.config.publicUrl : publicUrlFrom(process.env.TRAKT_PUBLIC_URL),
  });

  await app.register(cookie);
  await app.register(helmet, securityHeaders({ https: app.config.secureCookies }));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Trakt API',
        version: '1',
        description:
          'Sales-pipeline CRM. JSON in and out; lists are pages of `items` with a `nextCursor`; every error answers ' +
          '`{"error": {code, message, fields}}`; a change sends the `version` it is based on and a stale one answers 409.',
      },
      tags: API_TAGS,
      components: { securitySchemes },
      security: signedInSecurity,
    },
    transform,
    transformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  registerAuthentication(app);

  const health = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) });
  const system = { tags: ['system'] };
  const healthSchema = {
    ...system,
    operationId: 'getHealth',
    summary: 'Check that the server and its database answer',
    response: { 200: health, ...errorResponses(503) },
  };
  app.get('/api/health', { config: { public: true }, schema: healthSchema }, async () => {
    if (!(await databaseAnswers(options.database, HEALTH_TIMEOUT_MS)))
      throw new AppError('UNAVAILABLE', 'The database does not answer', { fields: { database: 'does not answer' } });
    return { status: 'ok', database: app.dbMode };
  });
  const document = z.record(z.string(), z.unknown()).describe('This OpenAPI 3.1 document');
  const documentSchema = { ...system, operationId: 'getOpenApiDocument', summary: 'This API document', response: { 200: document } };
  app.get('/api/openapi.json', { config: { public: true }, schema: documentSchema }, () => app.swagger());

  await app.register(instanceRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(setupListRoutes);
  await app.register(salesProcessRoutes);
  await app.register(companyRoutes);
  await app.register(contactRoutes);
  await app.register(opportunityRoutes);
  await app.register(opportunityLifecycleRoutes);
  await app.register(boardRoutes);
  await app.register(opportunitySellerRoutes);
  await app.register(opportunityCompetitorRoutes);
  await app.register(competitorRoutes);
  await app.register(activityRoutes);
  await app.register(historyRoutes);
  await app.register(followUpRoutes);
  await app.register(companyProspectRoutes);
  await app.register(activityViewRoutes);
  await app.register(activityCallRoutes);
  await app.register(attachmentRoutes);
  await app.register(viewRoutes);
  await app.register(exportRoutes);
  await app.register(calendarRoutes);
  await app.register(importRoutes);
  await app.register(backupRoutes, { database: options.database });

  const webDir = options.webDir === undefined ? defaultWebDir : options.webDir;
  const serveWeb = webDir !== null && existsSync(webDir);
  if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: true });

  // settings stay in memory only while this instance hears every change of them (db/settings-changes.ts)
  const stopWatchingSettings = await watchSettings(options.database);
  app.addHook('onClose', stopWatchingSettings);

  return app;
}
