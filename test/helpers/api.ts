// Drives the real Fastify app (in-process, app.inject) against a fresh database, signed in as
// real users with real session cookies and CSRF tokens.
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerOptions } from '../../src/server.ts';
import type { Database } from '../../src/db/connect.ts';
import { createUser, type Role } from '../../src/domain/users/users.ts';
import { saveSettings } from '../../src/db/settings.ts';
import { freshDatabase } from './database.ts';

// test answers are loosely typed JSON, read by assertions
export type Json = ReturnType<typeof JSON.parse>; // the one loose type of the test helpers: parsed JSON
export type Answer<T = Json> = { status: number; body: T; headers: Record<string, unknown> };

export type Client = {
  userId: number;
  get<T = Json>(url: string): Promise<Answer<T>>;
  post<T = Json>(url: string, payload?: unknown): Promise<Answer<T>>;
  patch<T = Json>(url: string, payload: unknown): Promise<Answer<T>>;
  put<T = Json>(url: string, payload: unknown): Promise<Answer<T>>;
  delete<T = Json>(url: string): Promise<Answer<T>>;
};

export type TestApi = {
  app: FastifyInstance;
  database: Database;
  /** Creates a user with that role and returns a client signed in as them. */
  as(role: Role, name?: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
};

let counter = 0;

/** The app as every test builds it: each response is also parsed with its route's zod schema. */
export function buildTestServer(options: ServerOptions): Promise<FastifyInstance> {
  return buildServer({ ...options, checkResponses: true });
}

export async function startApi(): Promise<TestApi> {
  const database = await freshDatabase();
  const app = await buildTestServer({ database, webDir: null, config: { timeZone: 'Europe/Copenhagen' } });
  await saveSettings(database.db, { setupDone: true });

  const client = (cookie: string | null, csrf: string | null, userId: number): Client => {
    const send = async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (csrf && method !== 'GET') headers['x-csrf-token'] = csrf;
      const response = await app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
      const text = response.body;
      return { status: response.statusCode, body: text ? JSON.parse(text) : null, headers: response.headers };
    };
    return {
      userId,
      get: (url) => send('GET', url),
      post: (url, payload) => send('POST', url, payload ?? {}),
      patch: (url, payload) => send('PATCH', url, payload),
      put: (url, payload) => send('PUT', url, payload),
      delete: (url) => send('DELETE', url),
    };
  };

  return {
    app,
    database,
    anonymous: client(null, null, 0),
    async as(role, name) {
      counter += 1;
      const email = `${role}${counter}@example.com`;
      const password = 'correct horse battery';
      const user = await createUser({
        db: database.db,
        actor: null,
        input: { name: name ?? `Test ${role} ${counter}`, email, password, role },
      });
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
      if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.body}`);
      const setCookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
      return client(setCookie, login.json().csrfToken as string, user.id);
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
