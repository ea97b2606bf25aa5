// What every request carries once authenticated, and what the app holds for its routes.
import type pg from 'pg';
import type { Db } from '../db/schema.ts';
import type { Mode } from '../db/connect.ts';
import type { UserRow } from '../db/auth.ts';
import type { XlsxLimits } from '../domain/import/read-xlsx.ts';

export type Actor = Omit<UserRow, 'passwordHash'>;

export type ImportLimits = { maxFileBytes: number; xlsx: XlsxLimits; maxWaiting: number };

export type AppConfig = {
  timeZone: string;
  /** Secure cookies when served over HTTPS (behind a proxy: TRAKT_SECURE_COOKIES=1). */
  secureCookies: boolean;
  /** Caps of an import through the API (413 beyond them) and how many may wait while one runs. */
  imports: ImportLimits;
  /** The address users reach Trakt at (TRAKT_PUBLIC_URL, no trailing slash), for links made on the server; null when not set. */
  publicUrl: string | null;
};

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbMode: Mode;
    /** The PostgreSQL server's pool, for work that needs a connection of its own (an import's COPY); null on PGlite. */
    copyPool: pg.Pool | null;
    config: AppConfig;
  }
  interface FastifyRequest {
    actor: Actor | null;
    authKind: 'cookie' | 'token' | null;
    csrfToken: string | null;
    sessionTokenHash: string | null;
  }
  interface FastifyContextConfig {
    /** Reachable without signing in. */
    public?: boolean;
    /** Signs in: a write that needs no CSRF token even when an old session cookie comes along. */
    signIn?: boolean;
  }
}

/** The signed-in user; routes that are not public only run when there is one. */
export function actorOf(request: { actor: Actor | null }): Actor {
  if (!request.actor) throw new Error('route reached without an authenticated actor');
  return request.actor;
}
