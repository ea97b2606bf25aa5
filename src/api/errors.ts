import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorCode } from '../domain/errors.ts';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string>; current?: unknown } };

// Which API field a database constraint protects, so a duplicate or a dangling reference names it.
const CONSTRAINT_FIELDS: Record<string, string> = {
  companies_account_number_key: 'accountNumber',
  companies_customer_number_key: 'customerNumber',
  companies_supplier_number_key: 'supplierNumber',
  opportunities_number_key: 'number',
  users_email_key: 'email',
  contacts_one_primary: 'isPrimary',
  contacts_one_default_reference: 'isDefaultReference',
  sales_processes_name_key: 'name',
  competitors_name_key: 'name',
};

function constraintField(constraint: string | undefined, detail: string | undefined): string {
  if (constraint && CONSTRAINT_FIELDS[constraint]) return CONSTRAINT_FIELDS[constraint];
  if (constraint?.endsWith('_name_key')) return 'name';
  // foreign keys are named <table>_<column>_fkey; the column is in the detail: Key (company_id)=(9) …
  const column = detail?.match(/Key \(([a-z_]+)\)/)?.[1];
  return column ? column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()) : 'body';
}

// busboy (under @fastify/multipart) throws plain Errors for a body it cannot parse; these are its messages
const MULTIPART_PARSE_ERROR =
  /^(Multipart: Boundary not found|Boundary required|Unexpected end of (multipart data|form)|\w+ terminated early due to unexpected end of multipart data|Malformed part header|The needle cannot .*)$/;
const isMultipartParseError = (e: unknown): e is Error =>
  e instanceof Error && !('statusCode' in e) && MULTIPART_PARSE_ERROR.test(e.message);

// fastify-type-provider-zod types its issues through `fastify/types/schema`, a path fastify's exports do not
// publish, so they arrive unresolved; fastify's own exported type describes the same objects.
type ValidationFailure = { validation: FastifySchemaValidationError[]; validationContext?: FastifyError['validationContext'] };
const isValidationFailure = (e: unknown): e is ValidationFailure => hasZodFastifySchemaValidationErrors(e);

type PgError = { code: string; constraint?: string; detail?: string; column?: string };
const isPgError = (e: unknown): e is PgError =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as { code?: unknown }).code === 'string' &&
  /^[0-9A-Z]{5}$/.test((e as { code: string }).code);

/** Turns any error into the API's error shape; only a real bug becomes a 500, and never with a stack. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  const body = (code: ErrorCode | 'INTERNAL', message: string, fields?: Record<string, string>, current?: unknown): ErrorBody => ({
    error: { code, message, ...(fields ? { fields } : {}), ...(current !== undefined ? { current } : {}) },
  });

  if (error instanceof AppError) {
    return { status: error.status, body: body(error.code, error.message, error.fields, error.current) };
  }
  if (isValidationFailure(error)) {
    const fields: Record<string, string> = {};
    const context = error.validationContext;
    for (const issue of error.validation) {
      const keys = issue.params.keys;
      if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
        for (const key of keys) fields[String(key)] = 'is not a known field or filter';
        continue;
      }
      const segments = issue.instancePath.split('/').filter(Boolean);
      // a query parameter is named as a whole (status=open,maybe → "status"), a body field by its path
      const path = (context === 'querystring' ? segments.slice(0, 1) : segments).join('.') || 'body';
      // the first issue on a field is the one shown
      if (!Object.hasOwn(fields, path)) fields[path] = issue.message ?? 'is invalid';
    }
    const names = Object.keys(fields).join(', ');
    const unknownFilter = context === 'querystring' && error.validation.some((i) => i.keyword === 'unrecognized_keys');
    return {
      status: 400,
      body: body(unknownFilter ? 'UNKNOWN_FILTER' : 'VALIDATION', `Invalid ${context ?? 'input'}: ${names}`, fields),
    };
  }
  if (isPgError(error)) {
    const field = constraintField(error.constraint, error.detail);
    switch (error.code) {
      case '23505':
        return { status: 409, body: body('DUPLICATE', `${field} is already in use`, { [field]: 'is already in use' }) };
      case '23503':
        return { status: 400, body: body('VALIDATION', `${field} refers to a record that does not exist`, { [field]: 'does not exist' }) };
      case '23514':
      case '23502':
        return {
          status: 400,
          body: body('VALIDATION', `Invalid value for ${error.column ?? field}`, { [error.column ?? field]: 'is invalid' }),
        };
      case '22021':
      case '22P05':
        // text the database cannot store: a NUL character, or bytes that are not UTF-8
        return {
          status: 400,
          body: body('VALIDATION', `${error.column ?? field} contains a character that cannot be stored`, {
            [error.column ?? field]: 'contains a character that cannot be stored (such as NUL)',
          }),
        };
    }
    // class 22 is "data exception": a value the database refused (syntax, range, length, date …)
    if (error.code.startsWith('22')) {
      return {
        status: 400,
        body: body('VALIDATION', `Invalid value for ${error.column ?? field}`, { [error.column ?? field]: 'is invalid' }),
      };
    }
  }
  if (isMultipartParseError(error)) {
    return {
      status: 400,
      body: body('VALIDATION', `The multipart body could not be read: ${error.message}`, { file: 'the multipart body could not be read' }),
    };
  }
  const fastifyError = error as FastifyError;
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    // malformed JSON, wrong content type, body too large, a path parameter over Fastify's maxParamLength …
    const status = fastifyError.statusCode;
    if (status === 414) return { status, body: body('URI_TOO_LONG', 'The address is too long', { url: 'is too long' }) };
    const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_TYPE' : 'VALIDATION';
    return { status, body: body(code, fastifyError.message, { body: fastifyError.message }) };
  }
  return { status: 500, body: body('INTERNAL', 'Something went wrong on our side. It has been logged.') };
}

/** Renders any error; a 5xx is always logged (with its request id and stack), whatever TRAKT_LOG says. */
export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) {
    // the route's pattern, not the URL: a path or query may hold a secret (a calendar feed's token)
    request.log.error({ err: error, method: request.method, route: request.routeOptions.url ?? null, status }, 'request failed');
    body.error.message += ` Request id: ${request.id}.`;
  }
  // nothing returned: Fastify's routing errors (frameworkErrors) take a handler that answers through the reply
  void reply.status(status).send(body);
}

const CLIENT_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'HEADERS_TOO_LARGE', 'The request headers or its address are too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST_TIMEOUT', 'The request took too long to arrive'],
};

/** Requests Node's HTTP parser refuses (a header with a NUL, headers or an address over 16 KB) answer in the error shape too. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'VALIDATION', 'The request could not be read'];
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
