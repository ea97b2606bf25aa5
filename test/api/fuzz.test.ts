// N-4: a schema-driven fuzzer. It reads the app's own OpenAPI document and sends every operation, as
// an admin and as a seller, requests made from the schemas and then broken: NUL characters, huge,
// negative and non-finite numbers, odd Unicode, wrong types, long strings, forged cursors, path ids
// out of range, prototype keys, malformed JSON and multipart bodies, odd headers. No answer may be a
// 5xx, none may carry a stack trace, and every error is in the error shape. Seeded: FUZZ_SEED=<n>
// reproduces a run, FUZZ_RUNS=<n> sets the requests per operation and actor.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, type Json, type TestApi } from '../helpers/api.ts';
import { createRandom } from '../../src/domain/demo/random.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261218);
const RUNS = Number(process.env.FUZZ_RUNS ?? 10);

// the demo data's seeded source (mulberry32): the same sequence on every machine
function random(seed: number) {
  const source = createRandom(seed);
  const int = (n: number) => source.int(0, n - 1);
  return {
    next: () => source.next(),
    int,
    chance: (probability: number) => source.chance(probability),
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
  };
}
type Random = ReturnType<typeof random>;

/** FNV-1a: each request gets its own seed, so leaving an operation out does not change the others. */
const hash = (text: string) => Array.from(text).reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

const NASTY_TEXT = [
  '\u0000',
  'a\u0000b',
  '',
  ' ',
  '\t\r\n',
  'x'.repeat(10_001),
  '💥'.repeat(300),
  '\u202eevil',
  '\ud800',
  'a\udfffb',
  'ﬀİǄß',
  'Æble Ørsted Åse',
  '١٢٣',
  '%00',
  '%s%n%x',
  "'; DROP TABLE users; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '${7*7}',
  '__proto__',
  'constructor',
  'toString',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  ' 1 ',
  'null',
  'true',
  '[]',
  '{}',
  '9'.repeat(400),
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  'a@b',
  '@',
  'DKK',
  'dkk',
  'ÆØÅ',
  '\\',
  '"',
];
const NASTY_NUMBERS = [
  0,
  -1,
  -0.001,
  0.001,
  1.5,
  2 ** 31,
  2 ** 31 - 1,
  2 ** 53,
  -(2 ** 53),
  1e308,
  -1e308,
  5e-324,
  0.1 + 0.2,
  123456789.123,
];
// JSON number texts that JSON.parse turns into Infinity or loses precision on
const RAW_NUMBERS = ['1e999', '-1e999', '123456789012345678901234567890', '1.0000000000000000000001', '-0', '1E2'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const NASTY_IDS = [
  '0',
  '-1',
  '1.5',
  '1e3',
  'abc',
  '%00',
  'a%00',
  '%E2%9C%93',
  '9'.repeat(30),
  '2147483648',
  '9007199254740993',
  '%201',
  '0x1',
  'NaN',
  '%2e%2e',
  'x'.repeat(150),
  '%ED%A0%80',
  '%zz',
  '%E2%9C',
];

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: boolean | Schema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
  const?: unknown;
};
type Parameter = { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema };
type Operation = { method: string; path: string; parameters: Parameter[]; body: Schema | null; multipart: boolean };
type Send = { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer; why: string };

/** A value that fits the schema (mostly): ids from the records the test made, dates, enums, short texts. */
function fitting(r: Random, schema: Schema | undefined, ids: number[], depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return r.pick(schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fitting(r, r.pick(variants), ids, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'string'];
  const type = r.pick(types.filter((t) => t !== 'null').length > 0 && r.chance(0.9) ? types.filter((t) => t !== 'null') : types);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return r.chance(0.5);
    case 'integer': {
      if (schema.maximum !== undefined && schema.maximum <= 100)
        return (schema.minimum ?? 0) + r.int(schema.maximum - (schema.minimum ?? 0) + 1);
      return r.chance(0.7) ? r.pick(ids) : 1 + r.int(1000);
    }
    case 'number':
      return r.pick([0, 1, 1500, 99.5, 250000.25, 12.34]);
    case 'array': {
      const length = Math.min(schema.maxItems ?? 3, (schema.minItems ?? 0) + r.int(3));
      return Array.from({ length }, () => fitting(r, schema.items, ids, depth + 1));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name) || r.chance(0.5)) out[name] = fitting(r, property, ids, depth + 1);
      }
      return out;
    }
    default: {
      if (schema.format === 'date' || schema.pattern?.includes('02-29')) return r.pick(['2026-03-01', '2027-12-24', '2024-02-29']);
      if (schema.format === 'date-time') return r.pick(['2026-03-01T10:00:00Z', '2026-12-24T18:30:00+01:00']);
      if (schema.format === 'email') return `fuzz${r.int(100000)}@example.com`;
      if (schema.pattern === '^[A-Z]{3}$') return r.pick(['DKK', 'EUR', 'SEK', 'NOK']);
      const text = r.pick(['Fuzz', 'Nordisk Ståls A/S', 'Øresund', 'open', 'true', '1', '2026-01-01', 'Zoë Ångström']);
      return schema.maxLength !== undefined ? text.slice(0, schema.maxLength) : text;
    }
  }
}

function nasty(r: Random): unknown {
  switch (r.int(7)) {
    case 0:
    case 1:
      return r.pick(NASTY_TEXT);
    case 2:
      return r.pick(NASTY_NUMBERS);
    case 3:
      return r.pick([true, false, null, [], {}, [null], { a: 1 }]);
    case 4:
      return { [r.pick(PROTO_KEYS)]: { polluted: true } };
    case 5:
      return Array.from({ length: 1 + r.int(300) }, () => r.pick(NASTY_TEXT));
    default:
      return `x${'\u0000'.repeat(r.int(3))}${'y'.repeat(r.int(5000))}`;
  }
}

/** Replaces one random leaf, key or element of a value with something broken. */
function broken(r: Random, value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== 'object' || r.chance(0.15)) return nasty(r);
  if (Array.isArray(value)) {
    if (value.length === 0 || r.chance(0.2)) return [...value, nasty(r)];
    const copy = [...value];
    const at = r.int(copy.length);
    copy[at] = broken(r, copy[at], depth + 1);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (keys.length === 0 || r.chance(0.15)) {
    // JSON.parse keeps "__proto__" as an own key, which is how an attacker's body arrives
    return JSON.parse(
      JSON.stringify(copy).replace(
        /^\{/,
        `{${JSON.stringify(r.pick([...PROTO_KEYS, 'unknownField', 'a\u0000']))}: ${JSON.stringify(nasty(r))}${keys.length ? ',' : ''}`,
      ),
    );
  }
  if (r.chance(0.1)) {
    const { [r.pick(keys)]: _left, ...rest } = copy;
    return rest;
  }
  const key = r.pick(keys);
  copy[key] = broken(r, copy[key], depth + 1);
  return copy;
}

/** Percent-encodes like a browser, and passes through what cannot be encoded (a lone surrogate) as raw bytes. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^A-Za-z0-9%]/g, (c) => encodeURIComponent(c));
  }
}

function queryValue(r: Random, parameter: Parameter, ids: number[], cursors: string[]): string {
  const schema = parameter.schema;
  if (parameter.name === 'cursor') {
    const real = cursors.length ? r.pick(cursors) : 'eyJ9';
    return r.pick([
      real,
      real.slice(0, r.int(real.length)),
      `${real.slice(0, -2)}${r.pick(['AA', '__', '%00', '=='])}`,
      Buffer.from(
        JSON.stringify(r.pick([[], {}, { k: [null], id: 'x' }, [1e308, -1], ['\u0000', 1], 'x', null, [['a'], { b: 1 }]])),
      ).toString('base64url'),
      Buffer.from(r.pick(['\u0000', '{"', '💥', 'x'.repeat(600)])).toString('base64'),
      r.pick(NASTY_TEXT),
    ]);
  }
  if (r.chance(0.35)) {
    const bad = nasty(r);
    return typeof bad === 'string' ? bad : JSON.stringify(bad);
  }
  if (schema.enum) return String(r.pick(schema.enum));
  if (schema.type === 'integer' || schema.type === 'number') return String(fitting(r, schema, ids));
  return r.pick([
    String(r.pick(ids)),
    `${r.pick(ids)},${r.pick(ids)}`,
    'open',
    'won,lost',
    'open,maybe',
    'true',
    'false',
    'seller',
    'admin',
    'A',
    'Æ',
    '2026-01-01',
    '2026-01-01,2026-12-31',
    '1000',
    '-5',
    'csv',
    'xlsx',
    'pdf',
    'semicolon',
    'da',
    'title',
    '-amount',
    'decisionDate',
    'name',
    'companies',
    'opportunities',
  ]);
}

function pathValue(r: Random, parameter: Parameter, ids: number[]): string {
  if (r.chance(0.35)) return r.pick(NASTY_IDS);
  if (parameter.schema.enum) return encode(String(r.pick(parameter.schema.enum)));
  if (parameter.schema.type === 'integer') return String(r.pick(ids));
  return encode(r.chance(0.5) ? `${r.pick(['x', 'abc', '0'])}.ics` : r.pick(NASTY_TEXT));
}

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data',
  'application/json; boundary=x',
];

function jsonBody(r: Random, operation: Operation, ids: number[]): { payload: string | Buffer; contentType: string; why: string } {
  const valid = fitting(r, operation.body ?? { type: 'object' }, ids);
  const choice = r.int(20);
  if (choice < 4) return { payload: JSON.stringify(valid), contentType: 'application/json', why: 'fitting' };
  if (choice < 13) return { payload: JSON.stringify(broken(r, valid)), contentType: 'application/json', why: 'one part broken' };
  if (choice === 13) {
    // a number JSON.parse turns into Infinity, or one that loses digits
    const text = JSON.stringify(valid);
    const swapped = text.replace(/(:\s*)-?\d+(\.\d+)?/, `$1${r.pick(RAW_NUMBERS)}`);
    return {
      payload: swapped === text ? `{"amount": ${r.pick(RAW_NUMBERS)}}` : swapped,
      contentType: 'application/json',
      why: 'raw number',
    };
  }
  if (choice === 14) {
    const depth = r.pick([100, 5_000, 50_000]);
    return { payload: `${'['.repeat(depth)}${']'.repeat(depth)}`, contentType: 'application/json', why: `nested ${depth} deep` };
  }
  if (choice === 15) {
    return {
      payload: r.pick([
        '{"broken": ',
        '{"a":NaN}',
        "{'a':1}",
        '\ufeff{}',
        '',
        'null',
        '"text"',
        '42',
        '[]',
        '{"a":1,"a":2}',
        '{"__proto__":{"isAdmin":true}}',
        '{"constructor":{"prototype":{"isAdmin":true}}}',
      ]),
      contentType: 'application/json',
      why: 'malformed JSON',
    };
  }
  if (choice === 16)
    return {
      payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
      contentType: 'application/json',
      why: 'bytes that are not UTF-8',
    };
  if (choice === 17)
    return {
      payload: JSON.stringify(Object.fromEntries(Array.from({ length: 3000 }, (_v, i) => [`k${i}`, i]))),
      contentType: 'application/json',
      why: '3 000 keys',
    };
  return { payload: JSON.stringify(r.chance(0.5) ? valid : broken(r, valid)), contentType: r.pick(CONTENT_TYPES), why: 'odd content type' };
}

const CSV_HEADERS = [
  'name',
  'title',
  'company',
  'amount',
  'currency',
  'email',
  'status',
  'stage',
  'owner',
  'country',
  'decision date',
  'constructor',
  '__proto__',
  'toString',
  'Name',
  '',
];

function csvFile(r: Random): Buffer {
  const headers = Array.from({ length: 1 + r.int(5) }, () => r.pick(CSV_HEADERS));
  const rows = Array.from({ length: r.int(6) }, () =>
    headers
      .map(() =>
        r.chance(0.6) ? r.pick(['Acme', '1500', 'DKK', 'a@b.dk', 'open', '2026-05-01', 'Norway']) : r.pick(NASTY_TEXT).slice(0, 300),
      )
      .join(r.pick([';', ',', '\t'])),
  );
  const text = [headers.join(';'), ...rows].join(r.pick(['\n', '\r\n', '\r']));
  switch (r.int(6)) {
    case 0:
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 1:
      return Buffer.from(text, 'latin1');
    case 2:
      return Buffer.from(Array.from({ length: 200 }, () => r.int(256)));
    case 3:
      return Buffer.from(`\ufeff${text}`);
    default:
      return Buffer.from(text);
  }
}

/** A multipart body for the attachment and import endpoints: fitting, or broken in one of the ways a client can break it. */
function multipartBody(r: Random, operation: Operation): { payload: Buffer | string; contentType: string; why: string } {
  const boundary = `fuzz${r.int(1e9)}`;
  const importing = operation.path.startsWith('/api/import/');
  const part = (name: string, value: string | Buffer, filename?: string, type = 'text/plain') =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"\r\nContent-Type: ${type}` : ''}\r\n\r\n`,
      ),
      Buffer.isBuffer(value) ? value : Buffer.from(value),
      Buffer.from('\r\n'),
    ]);
  const file = importing
    ? csvFile(r)
    : r.pick([
        Buffer.from('hello, world'),
        Buffer.from('%PDF-1.4\n%%EOF'),
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]),
        Buffer.alloc(0),
      ]);
  const parts: Buffer[] = [];
  if (importing) {
    if (r.chance(0.5))
      parts.push(
        part(
          'mapping',
          r.pick([
            '{"name":"name"}',
            '{"name":"__proto__"}',
            '{"name":"constructor"}',
            '{"name":"toString"}',
            '{"__proto__":"name"}',
            '{"constructor":"title"}',
            '{"title":"title","company":"companyName"}',
            '{"a\\u0000":"name"}',
            '{',
            '[]',
            'null',
            '"x"',
            '{"name":{"deep":1}}',
          ]),
        ),
      );
    if (r.chance(0.3))
      parts.push(
        part(
          'valueMapping',
          r.pick([
            '{"status":{"open":"won"}}',
            '{"__proto__":{"a":"b"}}',
            '{"toString":{"a":"b"}}',
            '{"status":{"__proto__":"won"}}',
            '{"status":"open"}',
            '{"status":{"x":"\\u0000"}}',
          ]),
        ),
      );
    if (r.chance(0.3)) parts.push(part('preset', r.pick(['hubspot', 'pipedrive', 'salesforce', 'excel', '__proto__', ''])));
    parts.push(part('dryRun', r.pick(['true', 'true', 'true', 'false', 'maybe', ''])));
  }
  const filename = r.pick([
    'data.csv',
    'a.txt',
    'x.pdf',
    'image.png',
    '',
    'a\u0000b.csv',
    '../../etc/passwd',
    'ø'.repeat(300),
    '"quoted".csv',
    'a\r\nb.csv',
  ]);
  parts.push(
    part(
      r.chance(0.9) ? 'file' : r.pick(['upload', 'File', '__proto__']),
      file,
      filename,
      r.pick(['text/csv', 'text/plain', 'application/pdf', 'image/png', 'application/octet-stream', 'x/\u0000']),
    ),
  );
  if (r.chance(0.1)) parts.push(part('file', file, 'second.csv'));
  if (r.chance(0.1)) parts.push(part('unknownField', 'x'));
  const whole = Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)]);
  switch (r.int(12)) {
    case 0:
      return { payload: whole, contentType: 'multipart/form-data', why: 'no boundary' };
    case 1:
      return {
        payload: whole,
        contentType: `multipart/form-data; boundary=${'b'.repeat(257 + r.int(200))}`,
        why: 'boundary over 256 characters',
      };
    case 2:
      return { payload: whole, contentType: 'multipart/form-data; boundary=somethingElse', why: 'a different boundary' };
    case 3:
      return {
        payload: whole.subarray(0, r.int(whole.length)),
        contentType: `multipart/form-data; boundary=${boundary}`,
        why: 'cut short',
      };
    case 4:
      return { payload: '', contentType: `multipart/form-data; boundary=${boundary}`, why: 'empty' };
    case 5:
      return {
        payload: whole,
        contentType: r.pick([
          'application/json',
          'text/csv',
          'multipart/mixed; boundary=' + boundary,
          `multipart/form-data; boundary="${boundary}"`,
          `multipart/form-data; boundary=${boundary}; boundary=x`,
          'multipart/form-data; boundary=',
        ]),
        why: 'odd content type',
      };
    case 6:
      return {
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data\r\n\r\nx\r\n`),
          Buffer.from(`--${boundary}\r\n${'X-Long: ' + 'h'.repeat(90_000)}\r\n\r\n`),
          Buffer.from(`--${boundary}--\r\n`),
        ]),
        contentType: `multipart/form-data; boundary=${boundary}`,
        why: 'part headers without a name, and too long',
      };
    default:
      return { payload: whole, contentType: `multipart/form-data; boundary=${boundary}`, why: 'fitting' };
  }
}

const HEADER_NOISE: [string, string][] = [
  ['user-agent', 'fuzz\u0000agent'],
  ['accept', 'application/x-ndjson'],
  ['accept', '*/*;q=\u0000'],
  ['accept-language', 'da-DK,💥;q=0.5'],
  ['x-forwarded-for', '1.2.3.4, \u0000'],
  ['x-request-id', 'x'.repeat(5000)],
  ['if-none-match', '"\u0000"'],
  ['range', 'bytes=-1'],
];

function operationsOf(document: Json): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(methods)) {
      if (!['get', 'post', 'patch', 'put', 'delete'].includes(method)) continue;
      // signing out would end the session the fuzzer runs on
      if (path === '/api/auth/logout') continue;
      const content = operation.requestBody?.content ?? {};
      const multipart =
        'multipart/form-data' in content || (method === 'post' && (/\/attachments$/.test(path) || path.startsWith('/api/import/')));
      found.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: content['application/json']?.schema ?? null,
        multipart,
      });
    }
  }
  return found;
}

function request(r: Random, operation: Operation, ids: number[], cursors: string[], session: Session): Send {
  const whys: string[] = [];
  let path = operation.path;
  for (const parameter of operation.parameters.filter((p) => p.in === 'path'))
    path = path.replace(`{${parameter.name}}`, pathValue(r, parameter, ids));
  const query: string[] = [];
  for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
    if (parameter.required || r.chance(0.3)) query.push(`${encode(parameter.name)}=${encode(queryValue(r, parameter, ids, cursors))}`);
  }
  if (r.chance(0.1))
    query.push(
      r.pick([
        'unknown=1',
        'limit=1&limit=2',
        'q[a]=1',
        'sort[]=x',
        '%00=1',
        'a%00b=1',
        'limit=%zz',
        'q=%E2%9C',
        '__proto__[x]=1',
        'constructor=1',
      ]),
    );
  const url = `${path}${query.length ? `?${query.join('&')}` : ''}`;
  const headers: Record<string, string> = { cookie: session.cookie };
  if (operation.method !== 'GET' && r.chance(0.95)) headers['x-csrf-token'] = session.csrf;
  if (r.chance(0.08)) {
    const [name, value] = r.pick(HEADER_NOISE);
    headers[name] = value;
    whys.push(`header ${name}`);
  }
  if (r.chance(0.02))
    headers.authorization = r.pick(['Bearer \u0000', 'Bearer ' + 'x'.repeat(5000), 'Basic Zm9vOmJhcg==', 'Bearer', 'Bearer 💥']);
  const send: Send = { method: operation.method, url, headers, why: '' };
  if (operation.multipart) {
    const body = multipartBody(r, operation);
    headers['content-type'] = body.contentType;
    send.payload = body.payload;
    whys.push(`multipart ${body.why}`);
  } else if (operation.body || (operation.method !== 'GET' && operation.method !== 'DELETE' && r.chance(0.3))) {
    const body = jsonBody(r, operation, ids);
    headers['content-type'] = body.contentType;
    send.payload = body.payload;
    whys.push(`body ${body.why}`);
  } else if (operation.method === 'DELETE' && r.chance(0.1)) {
    headers['content-type'] = 'application/json';
    send.payload = r.pick(['{}', '{"broken": ', '\u0000']);
    whys.push('body on a DELETE');
  }
  send.why = whys.join(', ');
  return send;
}

// "at fn (file.ts:12:3)", "at file:///…", a source path or an engine message that escaped a handler
const LEAK =
  /\bat [^\n]*:\d+:\d+\)?|file:\/\/\/|node_modules|\/work\/|\bsrc\/[a-z/-]+\.ts\b|Cannot read propert|is not a function|is not iterable|Maximum call stack|ECONNREFUSED|invalid byte sequence|violates .* constraint/;

type Session = { role: 'admin' | 'seller'; cookie: string; csrf: string };

let api: TestApi;
const ids: number[] = [];
const cursors: string[] = [];

async function signIn(role: 'admin' | 'seller'): Promise<Session> {
  const client = await api.as(role);
  const me = (await client.get('/api/auth/me')).body.user;
  const login = await api.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: me.email, password: 'correct horse battery' },
  });
  return { role, cookie: String(login.headers['set-cookie']).split(';')[0] ?? '', csrf: login.json().csrfToken };
}

beforeAll(async () => {
  api = await startApi();
  const admin = await api.as('admin');
  const seller = await api.as('seller');
  // records for the path ids to hit: each kind once or twice, owned by the admin and by the seller
  for (const owner of [admin, seller]) {
    const company = (await owner.post('/api/companies', { name: `Fuzz ${owner.userId} A/S`, country: 'DK' })).body;
    const contact = (await owner.post('/api/contacts', { companyId: company.id, firstName: 'Åse', lastName: 'Ørsted' })).body;
    const deal = (
      await owner.post('/api/opportunities', { title: 'Fuzz deal', companyId: company.id, amount: 1500, followUpDate: '2026-06-01' })
    ).body;
    const activity = (await owner.post('/api/activities', { type: 'call', subject: 'Call', opportunityId: deal.id })).body;
    expect([company.id, contact.id, deal.id, activity.id].every((id) => typeof id === 'number')).toBe(true);
    ids.push(company.id, contact.id, deal.id, activity.id, owner.userId);
  }
  ids.push(1, 2, 3);
  for (const list of ['/api/opportunities', '/api/companies', '/api/contacts', '/api/activities', '/api/users']) {
    const page = await admin.get(`${list}?limit=1`);
    if (page.body?.nextCursor) cursors.push(page.body.nextCursor);
  }
}, 120_000);
afterAll(() => api.close());

describe('the fuzzer finds no 5xx (N-4)', () => {
  it('answers thousands of generated requests to every operation, as an admin and as a seller, with no 5xx, no stack and errors in the error shape', async () => {
    const document = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(90);
    expect(operations.filter((o) => o.multipart).length).toBeGreaterThanOrEqual(5);

    const sessions = { admin: await signIn('admin'), seller: await signIn('seller') };
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    // an operation that takes no parameters and no body (a backup, the settings) has little to vary:
    // two rounds of header and query noise are enough, and keep the suite near ~60 s per backend
    const inputless = (operation: Operation) => operation.parameters.length === 0 && !operation.body && !operation.multipart;
    let sent = 0;
    const started = Date.now();
    for (let round = 0; round < RUNS; round++) {
      for (const operation of operations) {
        if (round >= 2 && inputless(operation)) continue;
        for (const role of ['admin', 'seller'] as const) {
          const r = random(SEED ^ hash(`${round} ${role} ${operation.method} ${operation.path}`));
          // the fuzzer may revoke its own session (password change, deactivation): sign in again
          if (sent % 40 === 0) {
            const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: sessions[role].cookie } });
            if (me.statusCode !== 200 || me.json().user.role !== role) sessions[role] = await signIn(role);
          }
          const send = request(r, operation, ids, cursors, sessions[role]);
          const multipartRuns = operation.multipart ? 3 : 1;
          for (let again = 0; again < multipartRuns; again++) {
            const current = again === 0 ? send : request(r, operation, ids, cursors, sessions[role]);
            sent += 1;
            const answer = await api.app.inject({
              method: current.method as 'GET',
              url: current.url,
              headers: current.headers,
              ...(current.payload !== undefined ? { payload: current.payload } : {}),
            });
            statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
            const where = `#${sent} ${role} ${current.method} ${current.url.slice(0, 160)} [${current.why}] ${String(current.payload ?? '').slice(0, 120)}`;
            const type = String(answer.headers['content-type'] ?? '');
            const text = type.includes('pdf') || type.includes('spreadsheet') ? '' : answer.body;
            if (answer.statusCode >= 500) failures.push(`${answer.statusCode} ${where}: ${text.slice(0, 300)}`);
            else if (LEAK.test(text)) failures.push(`leak ${where}: ${text.match(LEAK)?.[0]} in ${text.slice(0, 300)}`);
            else if (answer.statusCode >= 400) {
              const body = type.includes('json') ? JSON.parse(text) : null;
              if (typeof body?.error?.code !== 'string' || typeof body?.error?.message !== 'string')
                failures.push(`shape ${answer.statusCode} ${where}: ${text.slice(0, 300)}`);
            }
          }
        }
      }
    }
    const seconds = (Date.now() - started) / 1000;
    // what was covered, for whoever reads the log of a run
    console.log(
      `fuzz seed ${SEED}: ${sent} requests in ${seconds.toFixed(1)} s, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(sent).toBeGreaterThan(1_800);
    expect(failures.slice(0, 40)).toEqual([]);
    // the fuzzer reached past validation: some requests succeeded, some were refused
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(500);
  }, 240_000);

  it('answers what Node itself refuses (a NUL in a header, 20 KB of address) in the error shape, over a real socket', async () => {
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = api.app.server.address() as AddressInfo;
    const raw = (text: string) =>
      new Promise<{ status: number; body: Json }>((resolve, reject) => {
        import('node:net').then(({ connect }) => {
          const socket = connect(port, '127.0.0.1', () => socket.end(text));
          let data = '';
          socket.on('data', (chunk) => (data += chunk.toString()));
          socket.on('error', reject);
          socket.on('close', () => {
            const [head = '', body = ''] = data.split('\r\n\r\n');
            resolve({ status: Number(head.split(' ')[1]), body: body ? JSON.parse(body) : null });
          });
        }, reject);
      });
    const nulHeader = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n');
    expect(nulHeader.status).toBe(400);
    expect(nulHeader.body.error.code).toBe('VALIDATION');
    const longUrl = await raw(`GET /api/companies?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl.status).toBe(431);
    expect(longUrl.body.error.code).toBe('HEADERS_TOO_LARGE');
    const garbage = await raw('NOT HTTP AT ALL\r\n\r\n');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error).toMatchObject({ code: 'VALIDATION' });
    // a path parameter longer than the router takes: 414 in the error shape
    const longParam = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      httpRequest({ port, host: '127.0.0.1', path: `/api/companies/${'1'.repeat(300)}` }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      })
        .on('error', reject)
        .end();
    });
    expect(longParam.status).toBe(414);
    expect(JSON.parse(longParam.body).error.code).toBe('URI_TOO_LONG');
  });
});
