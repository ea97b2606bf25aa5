// How a route documents itself in /api/openapi.json (`npm run lint:api` and test/api/openapi-and-health.test.ts check it):
// 1. schema: { operationId: 'closeOpportunity' (camelCase verb+noun, unique, never renamed: clients are generated from it),
//    summary: 'Close an opportunity as won or lost', tags: ['opportunities'] (a tag declared in API_TAGS below), … }.
// 2. response: { 200: opportunitySchema, ...errorResponses(400, 401, 404, 409) }: every 4xx the route can answer (401 when it
//    needs a signed-in user, 400 when it reads a body, params or query, 403 on writes); an answer without a body is `204: noContent`.
// 3. A schema clients name (a record, a page, a main input) gets `.meta({ id: 'Opportunity' })` in its slice's schema.ts
//    and lands under components.schemas (an input schema as `<id>Input`). Public routes (config.public) get `security: []` here.
import { z } from 'zod';
import { createJsonSchemaTransform, createJsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { SwaggerTransform, SwaggerTransformObject } from '@fastify/swagger';
import type { FastifySchema } from 'fastify';

/** The one error shape every 4xx and 5xx answer has (api/errors.ts renders it). */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('One of a closed list of codes, e.g. VALIDATION, NOT_FOUND, VERSION_CONFLICT, OPPORTUNITY_CLOSED'),
      message: z.string().describe('An English sentence for people; clients show a translation of `code`'),
      fields: z.record(z.string(), z.string()).optional().describe('What is wrong with each named input field'),
      current: z.unknown().optional().describe('With VERSION_CONFLICT: the record as it is now'),
    }),
  })
  .meta({ id: 'Error', description: 'An error answer' });

const ERROR_DESCRIPTIONS = {
  400: 'The input is invalid (VALIDATION, UNKNOWN_FILTER, FILE_ENCODING); `fields` names each invalid field',
  401: 'Not signed in (UNAUTHENTICATED): no session cookie or API token, or one that expired or was revoked',
  403: 'Not allowed (FORBIDDEN), or a write with the session cookie without its `x-csrf-token` header (CSRF_TOKEN_INVALID)',
  404: 'The record does not exist or is not visible to the caller (NOT_FOUND)',
  409: 'The record changed since the version sent (VERSION_CONFLICT, with `current`), or a value is already in use (DUPLICATE)',
  413: 'The body or file is too large (PAYLOAD_TOO_LARGE)',
  415: 'The body is not of a type the route reads (UNSUPPORTED_TYPE)',
  422: 'A business rule refuses the request; `code` names the rule (e.g. OPPORTUNITY_CLOSED, IN_USE, LAST_ADMIN)',
  429: 'Too many attempts, or too many waiting imports; try again later (TOO_MANY_ATTEMPTS, IMPORT_QUEUE_FULL)',
  503: 'A service the request needs does not answer (UNAVAILABLE)',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

// one described copy of the Error schema per status, shared by every route (it documents as a $ref to Error)
const errorAnswers = Object.fromEntries(
  Object.entries(ERROR_DESCRIPTIONS).map(([status, description]) => [status, errorSchema.describe(description)]),
) as Record<`${ErrorStatus}`, typeof errorSchema>;

/** The error answers a route can give, for its `response`: `{ 200: …, ...errorResponses(400, 401, 404) }`. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorSchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorAnswers[`${status}`]])) as Record<S, typeof errorSchema>;
}

declare module 'fastify' {
  interface FastifySchema {
    /** A multipart/form-data body the handler reads itself (request.parts()): only documented, never validated by Fastify. */
    multipart?: z.ZodObject;
  }
}

/** A file field of a multipart body. */
export const fileField = (description: string) => z.string().meta({ format: 'binary', description });

/** The answer of a route that answers 204 without a body. */
export const noContent = z.undefined().describe('Done; the answer has no body');

/** A response whose body is a file (export, attachment, backup): documented by media type, not serialised by a schema. */
export const fileResponse = (description: string, mediaTypes: string[]) => {
  const file = { schema: { type: 'string', format: 'binary' } };
  return z.unknown().meta({ description, content: Object.fromEntries(mediaTypes.map((type) => [type, file])) });
};

export const API_TAGS = [
  { name: 'instance', description: 'The instance: first start (setup), settings' },
  { name: 'auth', description: 'Signing in and out, password, personal API tokens' },
  { name: 'users', description: 'Users and their roles' },
  { name: 'setup lists', description: 'The lists a manager keeps: sources, lost reasons, industries, activity types …' },
  { name: 'sales processes', description: 'Sales processes and their stages' },
  { name: 'companies', description: 'Companies (customers, prospects, suppliers)' },
  { name: 'contacts', description: 'Contact persons of companies' },
  { name: 'opportunities', description: 'Opportunities (deals): list, board, edit, close, reopen, sellers, competitors' },
  { name: 'competitors', description: 'Competitors met on opportunities' },
  { name: 'activities', description: 'Activities: meetings, calls, tasks, notes' },
  { name: 'attachments', description: 'Files attached to companies, contacts, opportunities and activities' },
  { name: 'views', description: 'Saved list views (filters, columns, sort)' },
  { name: 'exports', description: 'CSV, XLSX, PDF and vCard exports' },
  { name: 'calendar', description: 'The personal calendar feed (iCalendar) of a user’s activities' },
  { name: 'import', description: 'Importing companies, contacts and opportunities from CSV or XLSX' },
  { name: 'backup', description: 'Downloading a backup of the whole database' },
  { name: 'system', description: 'Health and this API document' },
];

export const securitySchemes = {
  session: {
    type: 'apiKey',
    in: 'cookie',
    name: 'trakt_session',
    description: 'The session cookie set by POST /api/auth/login. Every write with it also sends the csrf header.',
  },
  csrf: {
    type: 'apiKey',
    in: 'header',
    name: 'x-csrf-token',
    description:
      'The session’s CSRF token (from login and GET /api/auth/me), required on every POST, PATCH, PUT and DELETE made ' +
      'with the session cookie; not needed with a bearer token.',
  },
  bearer: { type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/auth/tokens); needs no CSRF token.' },
} as const;

type Security = Record<string, string[]>[];
/** Who may read: the session cookie or a bearer token (the document's default); a write adds the CSRF header to the cookie. */
export const signedInSecurity: Security = [{ session: [] }, { bearer: [] }];
const writeSecurity: Security = [{ session: [], csrf: [] }, { bearer: [] }];
// a public write (sign-out, first setup) needs nothing, but sent with a session cookie it needs the CSRF header too
const publicWriteSecurity: Security = [{}, { session: [], csrf: [] }];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const transformRoute = createJsonSchemaTransform({});

/** Turns a route's zod schemas into OpenAPI, with the credentials it takes (api/authenticate.ts decides the same way). */
export const transform: SwaggerTransform = (input) => {
  const result = transformRoute(input);
  // a route without a schema (the web UI's files) comes back without one, whatever the type says
  const routeSchema = result.schema as (FastifySchema & { hide?: boolean }) | undefined;
  if (!routeSchema || routeSchema.hide) return result;
  const config = (input.route.config ?? {}) as { public?: boolean; signIn?: boolean };
  const methods = [input.route.method].flat();
  const writes = !methods.every((method) => SAFE_METHODS.has(method));
  const security = config.public ? (writes && !config.signIn ? publicWriteSecurity : []) : writes ? writeSecurity : undefined;
  if (security) result.schema = { ...result.schema, security };
  const { multipart, ...schema } = result.schema as typeof result.schema & { multipart?: z.ZodObject };
  if (multipart) {
    const { $schema: _dialect, ...body } = z.toJSONSchema(multipart, { io: 'input', unrepresentable: 'any' });
    result.schema = { ...schema, body, consumes: ['multipart/form-data'] };
  }
  return result;
};

const transformDocument = createJsonSchemaTransformObject({});

/** Puts the named zod schemas under components.schemas, keeping only those the document refers to. */
export const transformObject: SwaggerTransformObject = (input) => {
  const document = transformDocument(input) as { components?: { schemas?: Record<string, unknown> } };
  const schemas = document.components?.schemas ?? {};
  const used = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      const name = key === '$ref' && typeof inner === 'string' ? inner.match(/^#\/components\/schemas\/(.+)$/)?.[1] : undefined;
      if (name !== undefined && !used.has(name)) {
        used.add(name);
        visit(schemas[name]);
      }
      visit(inner);
    }
  };
  visit({ ...document, components: { ...document.components, schemas: {} } });
  collapseSingleAnyOf(document);
  return {
    ...document,
    servers: [{ url: '/', description: 'This Trakt instance' }],
    components: { ...document.components, schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name))) },
  } as ReturnType<SwaggerTransformObject>;
};

/**
 * fastify-type-provider-zod drops a union's branches that are still empty when it looks at them, which can leave
 * `anyOf: [X]` (written as X itself) or `anyOf: []` (no constraint documented, rather than one nothing passes).
 */
function collapseSingleAnyOf(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(collapseSingleAnyOf);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const node = value as Record<string, unknown>;
  if (Array.isArray(node.anyOf) && node.anyOf.length === 0) delete node.anyOf;
  const only = Array.isArray(node.anyOf) && node.anyOf.length === 1 ? (node.anyOf[0] as unknown) : undefined;
  if (typeof only === 'object' && only !== null && !('$ref' in only)) {
    delete node.anyOf;
    for (const [key, inner] of Object.entries(only)) node[key] ??= inner;
  }
  Object.values(node).forEach(collapseSingleAnyOf);
}
