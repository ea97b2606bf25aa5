import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forgetSettings } from '../../db/settings.ts';
import { changeSettings, readSettings } from '../../domain/instance/settings.ts';
import { describeInstance } from '../../domain/instance/first-start.ts';
import { setUpInstance } from '../../domain/instance/set-up-instance.ts';
import { todayIn } from '../../domain/opportunities/rules.ts';
import { actorOf } from '../context.ts';
import { requiredText, version } from '../common.ts';
import { email, language, presentUser, sessionAnswer } from '../users/schema.ts';
import { setSessionCookie } from '../auth/routes.ts';
import { errorResponses } from '../openapi.ts';

const tags = ['instance'];
const currencyCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code');

const settingsSchema = z
  .object({
    companyName: z.string(),
    baseCurrency: z.string(),
    language,
    stagnationDays: z.number(),
    sellersSeeOnlyOwn: z.boolean(),
    version: z.number().describe('one version for all settings, moved on by every save'),
  })
  .meta({ id: 'Settings' });

export const instanceRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.get(
    '/api/instance',
    {
      config: { public: true },
      schema: {
        operationId: 'getInstance',
        summary: 'The instance’s name, currency and language, and whether it still needs its first setup',
        tags,
        response: { 200: z.object({ needsSetup: z.boolean(), companyName: z.string(), baseCurrency: z.string(), language }) },
      },
    },
    async () => describeInstance(app.db),
  );

  app.post(
    '/api/instance/setup',
    {
      config: { public: true },
      schema: {
        operationId: 'completeSetup',
        summary: 'First start: name the instance and create the first admin (signed in at once)',
        tags,
        body: z.strictObject({
          companyName: requiredText(200),
          baseCurrency: currencyCode,
          language,
          admin: z.strictObject({ name: requiredText(120), email, password: z.string().max(200) }),
          loadDemo: z.boolean().default(false),
        }),
        response: { 200: sessionAnswer, ...errorResponses(400, 403, 409) },
      },
    },
    async (request, reply) => {
      const { admin, sessionToken, csrfToken } = await setUpInstance({
        db: app.db,
        input: request.body,
        today: todayIn(app.config.timeZone),
      });
      setSessionCookie(app, reply, sessionToken);
      return { user: presentUser(admin), csrfToken };
    },
  );

  const readSchema = {
    operationId: 'getSettings',
    summary: 'The instance’s settings',
    tags,
    response: { 200: settingsSchema, ...errorResponses(401) },
  };
  app.get('/api/settings', { schema: readSchema }, async () => readSettings(app.db));

  app.patch(
    '/api/settings',
    {
      schema: {
        operationId: 'updateSettings',
        summary: 'Change the instance’s settings (admins)',
        tags,
        body: z.strictObject({
          companyName: requiredText(200).optional(),
          baseCurrency: currencyCode.optional(),
          language: language.optional(),
          stagnationDays: z.number().int().min(1).max(3650).optional(),
          sellersSeeOnlyOwn: z.boolean().optional(),
          version,
        }),
        response: { 200: settingsSchema, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => {
      const { version: expected, ...changes } = request.body;
      return app.db
        .transaction()
        .execute((db) => changeSettings({ db, actor: actorOf(request), version: expected, changes }))
        .finally(forgetSettings);
    },
  );
  done();
};
