import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listTokens } from '../../db/auth.ts';
import { findUser } from '../../db/users.ts';
import { SESSION_TTL_MS, signIn } from '../../domain/auth/sign-in.ts';
import { createApiToken } from '../../domain/auth/create-api-token.ts';
import { revokeApiToken } from '../../domain/auth/revoke-api-token.ts';
import { signOut } from '../../domain/auth/sign-out.ts';
import { changePassword } from '../../domain/users/users.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { SESSION_COOKIE } from '../authenticate.ts';
import { actorOf } from '../context.ts';
import { idParams, iso, requiredText } from '../common.ts';
import { presentUser, sessionAnswer } from '../users/schema.ts';
import { errorResponses, noContent } from '../openapi.ts';

const tags = ['auth'];

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: app.config.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  });
}

/** A refused attempt (429) tells the client when to try again, in the Retry-After header as well as the error's fields. */
async function withRetryAfter<T>(reply: FastifyReply, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (error) {
    if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS' && error.fields?.retryAfter)
      reply.header('retry-after', error.fields.retryAfter);
    throw error;
  }
}

const tokenSchema = z.object({
  id: z.number(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

export const authRoutes: FastifyPluginCallbackZod = (app, _opts, done) => {
  app.post(
    '/api/auth/login',
    {
      config: { public: true, signIn: true },
      schema: {
        operationId: 'signIn',
        summary: 'Sign in with email and password; sets the session cookie and answers the CSRF token',
        tags,
        body: z.strictObject({
          email: z.string().trim().min(1, 'is required').max(254),
          password: z.string().min(1, 'is required').max(200),
        }),
        response: { 200: sessionAnswer, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const { user, sessionToken, csrfToken } = await withRetryAfter(reply, () =>
        signIn({ db: app.db, email: request.body.email, password: request.body.password, ip: request.ip }),
      );
      setSessionCookie(app, reply, sessionToken);
      const { passwordHash: _p, ...visible } = user;
      return { user: presentUser(visible), csrfToken };
    },
  );

  const meSchema = {
    operationId: 'getSession',
    summary: 'Who I am, and my session’s CSRF token',
    tags,
    response: { 200: sessionAnswer, ...errorResponses(401) },
  };
  app.get('/api/auth/me', { schema: meSchema }, async (request) => {
    const user = await findUser(app.db, actorOf(request).id);
    if (!user) throw notFound('User', actorOf(request).id);
    return { user: presentUser(user), csrfToken: request.csrfToken };
  });

  const signOutSchema = {
    operationId: 'signOut',
    summary: 'Sign out: ends this session',
    tags,
    response: { 204: noContent, ...errorResponses(403) },
  };
  app.post('/api/auth/logout', { config: { public: true }, schema: signOutSchema }, async (request, reply) => {
    if (request.sessionTokenHash) {
      await signOut({ db: app.db, sessionTokenHash: request.sessionTokenHash, user: request.actor, ip: request.ip });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post(
    '/api/auth/password',
    {
      schema: {
        operationId: 'changePassword',
        summary: 'Change my password; my API tokens are revoked and my other sessions end',
        tags,
        body: z.strictObject({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: z.string().max(200) }),
        response: {
          200: z.object({
            revokedTokens: z.number().int().describe('API tokens revoked with the old password'),
            endedSessions: z.number().int().describe('Other sessions signed out (this one stays)'),
          }),
          ...errorResponses(400, 401, 403, 429),
        },
      },
    },
    async (request, reply) =>
      withRetryAfter(reply, () =>
        changePassword({
          db: app.db,
          actor: actorOf(request),
          ...request.body,
          keepSessionHash: request.sessionTokenHash ?? undefined,
          ip: request.ip,
        }),
      ),
  );

  const tokensSchema = {
    operationId: 'listApiTokens',
    summary: 'My personal API tokens',
    tags,
    response: { 200: z.object({ items: z.array(tokenSchema) }), ...errorResponses(401) },
  };
  app.get('/api/auth/tokens', { schema: tokensSchema }, async (request) => {
    const rows = await listTokens(app.db, actorOf(request).id);
    return {
      items: rows.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: iso(t.createdAt) ?? '',
        lastUsedAt: iso(t.lastUsedAt),
        revokedAt: iso(t.revokedAt),
      })),
    };
  });

  app.post(
    '/api/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        summary: 'Make a personal API token (sent as a bearer token)',
        tags,
        body: z.strictObject({ name: requiredText(100) }),
        response: {
          201: z.object({ id: z.number(), name: z.string(), token: z.string().describe('Shown only once') }),
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await createApiToken({ db: app.db, actor: actorOf(request), name: request.body.name }));
    },
  );

  const revokeSchema = {
    operationId: 'revokeApiToken',
    summary: 'Revoke one of my API tokens',
    tags,
    params: idParams,
    response: { 204: noContent, ...errorResponses(400, 401, 403, 404) },
  };
  app.delete('/api/auth/tokens/:id', { schema: revokeSchema }, async (request, reply) => {
    await revokeApiToken({ db: app.db, actor: actorOf(request), id: request.params.id });
    return reply.status(204).send();
  });
  done();
};
