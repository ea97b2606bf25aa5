import type { FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSession, insertToken, listTokens, logAuthEvent, revokeToken } from '../../db/auth.ts';
import { findUser } from '../../db/users.ts';
import { SESSION_TTL_MS, signIn } from '../../domain/auth/sign-in.ts';
import { hashSecret, newSecret } from '../../domain/auth/tokens.ts';
import { changePassword } from '../../domain/users/users.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import { SESSION_COOKIE } from '../authenticate.ts';
import { actorOf } from '../context.ts';
import { idParams, iso, requiredText } from '../common.ts';
import { presentUser, sessionAnswer } from '../users/schema.ts';

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
    if (error instanceof AppError && error.code === 'TOO_MANY_ATTEMPTS' && error.fields?.retryAfter) reply.header('retry-after', error.fields.retryAfter);
    throw error;
  }
}

const tokenSchema = z.object({ id: z.number(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', {
    config: { public: true, signIn: true },
    schema: {
      tags,
      body: z.strictObject({ email: z.string().trim().min(1, 'is required').max(254), password: z.string().min(1, 'is required').max(200) }),
      response: { 200: sessionAnswer },
    },
  }, async (request, reply) => {
    const { user, sessionToken, csrfToken } = await withRetryAfter(reply, () =>
      signIn({ db: app.db, email: request.body.email, password: request.body.password, ip: request.ip }),
    );
    setSessionCookie(app, reply, sessionToken);
    const { passwordHash: _p, ...visible } = user;
    return { user: presentUser(visible), csrfToken };
  });

  app.get('/api/auth/me', { schema: { tags, response: { 200: sessionAnswer } } }, async (request) => {
    const user = await findUser(app.db, actorOf(request).id);
    if (!user) throw notFound('User', actorOf(request).id);
    return { user: presentUser(user), csrfToken: request.csrfToken };
  });

  app.post('/api/auth/logout', { config: { public: true }, schema: { tags } }, async (request, reply) => {
    if (request.sessionTokenHash) {
      await deleteSession(app.db, request.sessionTokenHash);
      await logAuthEvent(app.db, { kind: 'logout', userId: request.actor?.id ?? null, email: request.actor?.email ?? null, ip: request.ip });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.post('/api/auth/password', {
    schema: {
      tags,
      body: z.strictObject({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: z.string().max(200) }),
      response: {
        200: z.object({
          revokedTokens: z.number().int().describe('API tokens revoked with the old password'),
          endedSessions: z.number().int().describe('Other sessions signed out (this one stays)'),
        }),
      },
    },
  }, async (request, reply) =>
    withRetryAfter(reply, () =>
      changePassword({ db: app.db, actor: actorOf(request), ...request.body, keepSessionHash: request.sessionTokenHash ?? undefined, ip: request.ip }),
    ),
  );

  app.get('/api/auth/tokens', { schema: { tags, response: { 200: z.object({ items: z.array(tokenSchema) }) } } }, async (request) => {
    const rows = await listTokens(app.db, actorOf(request).id);
    return { items: rows.map((t) => ({ id: t.id, name: t.name, createdAt: iso(t.createdAt) ?? '', lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt) })) };
  });

  app.post('/api/auth/tokens', {
    schema: {
      tags,
      body: z.strictObject({ name: requiredText(100) }),
      response: { 201: z.object({ id: z.number(), name: z.string(), token: z.string().describe('Shown only once') }) },
    },
  }, async (request, reply) => {
    const token = newSecret('trakt_');
    const row = await insertToken(app.db, { userId: actorOf(request).id, name: request.body.name, tokenHash: hashSecret(token) });
    return reply.status(201).send({ id: row.id, name: row.name, token });
  });

  app.delete('/api/auth/tokens/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    if (!(await revokeToken(app.db, actorOf(request).id, request.params.id))) throw notFound('Token', request.params.id);
    return reply.status(204).send();
  });
};
