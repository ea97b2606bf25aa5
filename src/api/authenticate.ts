import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSessionUser, findTokenUser, logAuthEvent } from '../db/auth.ts';
import { SESSION_TTL_MS } from '../domain/auth/sign-in.ts';
import { hashSecret, sameSecret } from '../domain/auth/tokens.ts';
import { AppError } from '../domain/errors.ts';

export const SESSION_COOKIE = 'trakt_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from a Bearer token or the session cookie, and enforces A-3's CSRF rule:
 * a cookie-authenticated write (sign-out included) must echo the session's CSRF token in `x-csrf-token`.
 */
export function registerAuthentication(app: FastifyInstance) {
  app.decorateRequest('actor', null);
  app.decorateRequest('authKind', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('sessionTokenHash', null);

  app.addHook('preHandler', async (request: FastifyRequest) => {
    // the OpenAPI reference page is public like the document it shows
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    await identify(app, request);
    // every write made with a session cookie, on a public route too (sign-out), echoes the CSRF token;
    // signing in again opens a new session, so a cookie of an old one asks for nothing
    if (request.authKind === 'cookie' && !SAFE_METHODS.has(request.method) && !request.routeOptions.config.signIn) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken)) {
        throw new AppError('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header');
      }
    }
    if (request.routeOptions.config.public) return;
    if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first');
  });

  // every permission denial is logged (a callback hook: the other responses pass without a promise)
  app.addHook('onSend', (request, reply, payload, done) => {
    if (reply.statusCode !== 403 || !request.url.startsWith('/api/')) {
      done(null, payload);
      return;
    }
    logAuthEvent(app.db, {
      kind: 'denied',
      userId: request.actor?.id ?? null,
      email: request.actor?.email ?? null,
      ip: request.ip,
      detail: `${request.method} ${request.url}`.slice(0, 500),
    }).then(() => done(null, payload), done);
  });
}

async function identify(app: FastifyInstance, request: FastifyRequest) {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const row = await findTokenUser(app.db, hashSecret(authorization.slice(7).trim()));
    if (!row) throw new AppError('UNAUTHENTICATED', 'The API token is unknown or revoked');
    const { tokenId: _t, lastUsedAt: _l, ...actor } = row;
    request.actor = actor;
    request.authKind = 'token';
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const tokenHash = hashSecret(cookie);
  const row = await findSessionUser(app.db, tokenHash, new Date(), SESSION_TTL_MS);
  if (!row) return;
  const { csrfToken, expiresAt: _e, ...actor } = row;
  request.actor = actor;
  request.authKind = 'cookie';
  request.csrfToken = csrfToken;
  request.sessionTokenHash = tokenHash;
}
