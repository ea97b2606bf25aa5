// Behind a reverse proxy the client is the address the proxy saw, not what the client wrote into
// X-Forwarded-For; otherwise every guess could come "from" a new address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildTestServer, startApi, type TestApi } from '../../test/helpers/api.ts';
import { createUser } from '../domain/users/users.ts';
import { trustProxyFrom } from './public-address.ts';

let api: TestApi;
let listed: FastifyInstance;
const before = process.env.TRAKT_TRUST_PROXY;
beforeAll(async () => {
  process.env.TRAKT_TRUST_PROXY = '1';
  api = await startApi();
  process.env.TRAKT_TRUST_PROXY = '10.0.0.0/8, 127.0.0.1';
  listed = await buildTestServer({ database: api.database, webDir: null });
  process.env.TRAKT_TRUST_PROXY = before;
  await createUser({
    db: api.database.db,
    actor: null,
    input: { name: 'Kari', email: 'kari@example.com', password: 'the right one!', role: 'admin' },
  });
});
afterAll(async () => {
  await listed.close();
  await api.close();
});

const PROXY = '10.0.0.2';
// what the proxy sends on: the client's own header, then the address the proxy saw
const viaProxy = (app: FastifyInstance, email: string, spoofed: string, client: string, password = 'wrong password') =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress: PROXY,
    headers: { 'x-forwarded-for': `${spoofed}, ${client}` },
  });

const loggedAddresses = async (email: string) =>
  (await api.database.db.selectFrom('authEvents').select('ip').where('email', '=', email).orderBy('id').execute()).map((r) => r.ip);

describe('TRAKT_TRUST_PROXY', () => {
  it('reads a number of hops or a list of proxies, and refuses a yes/no', () => {
    expect(trustProxyFrom(undefined)).toBe(false);
    expect(trustProxyFrom('0')).toBe(false);
    const oneHop = trustProxyFrom('1');
    expect(typeof oneHop === 'function' && [0, 1, 2].map((hop) => oneHop('10.0.0.2', hop))).toEqual([true, false, false]);
    const twoHops = trustProxyFrom('2');
    expect(typeof twoHops === 'function' && [0, 1, 2].map((hop) => twoHops('10.0.0.2', hop))).toEqual([true, true, false]);
    expect(trustProxyFrom(' 10.0.0.0/8 , loopback ')).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => trustProxyFrom('true')).toThrow(/number of proxy hops/);
  });

  it('with one hop, takes the address the proxy added, not the one the client wrote', async () => {
    await viaProxy(api.app, 'nobody@example.com', '1.2.3.4', '203.0.113.77');
    expect(await loggedAddresses('nobody@example.com')).toEqual(['203.0.113.77']);
  });

  it('does not let a new X-Forwarded-For reset the limit of an account or of an address', async () => {
    const account = [];
    for (let i = 0; i < 6; i += 1) account.push((await viaProxy(api.app, 'kari@example.com', `1.1.1.${i}`, '203.0.113.5')).statusCode);
    expect(account).toEqual([401, 401, 401, 401, 401, 429]);

    const spray = [];
    for (let i = 0; i < 31; i += 1) spray.push((await viaProxy(api.app, `user${i}@example.com`, `9.9.${i}.9`, '203.0.113.6')).statusCode);
    expect(spray.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(spray[30]).toBe(429);
    // the owner behind the same proxy, from her own address, is not held up
    expect((await viaProxy(api.app, 'kari@example.com', '1.1.1.1', '203.0.113.8', 'the right one!')).statusCode).toBe(200);
  });

  it('with a list of proxies, skips only those', async () => {
    await viaProxy(listed, 'listed@example.com', '1.2.3.4', '203.0.113.99');
    await listed.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'listed@example.com', password: 'x' },
      remoteAddress: PROXY,
      headers: { 'x-forwarded-for': '1.2.3.4, 203.0.113.98, 10.0.0.7' },
    });
    expect(await loggedAddresses('listed@example.com')).toEqual(['203.0.113.99', '203.0.113.98']);
  });
});
