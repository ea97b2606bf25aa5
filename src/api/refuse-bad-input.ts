// Input that the database cannot store or the multipart parser cannot read is refused before any
// route runs, as a 400 naming the field (N-4), instead of failing deep down as a 500: the NUL
// character (PostgreSQL text cannot hold U+0000, error 22021) in a header, path parameter, query or
// JSON body, and a multipart body without a usable boundary (busboy throws a plain Error for it).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../domain/errors.ts';

const NUL = '\u0000';
const NUL_MESSAGE = 'must not contain the NUL character (U+0000)';

/** The path of the first string or key holding U+0000 (`contacts.0.name`; `root` alone for the value itself), or null. */
export function findNul(value: unknown, root: string): string | null {
  // a loop, not recursion: a JSON body may nest deeper than the stack
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [item, path] = stack.pop() as [unknown, string];
    if (typeof item === 'string') {
      if (item.includes(NUL)) return path;
      continue;
    }
    if (typeof item !== 'object' || item === null) continue;
    for (const [key, child] of Object.entries(item)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes(NUL)) return at;
      stack.push([child, at]);
    }
  }
  return null;
}

// RFC 2046: a boundary is 1–70 of these characters and does not end in a space
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

/** What is wrong with a multipart Content-Type's boundary, or null when it is usable (or the body is not multipart). */
export function boundaryProblem(contentType: string | undefined): string | null {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return null;
  const match = /;\s*boundary\s*=\s*(?:"([^"]*)"|([^;]*))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2]?.trim();
  if (!boundary) return 'has no boundary; send the body as multipart/form-data with its boundary';
  if (!BOUNDARY.test(boundary)) return "has a boundary that is not 1 to 70 letters, digits or '()+_,-./:=? characters";
  return null;
}

const fieldName = (path: string) => path.replaceAll(NUL, '\\0');

function refuse(field: string, message: string): AppError {
  const name = fieldName(field);
  return new AppError('VALIDATION', `${name} ${message}`, { fields: { [name]: message } });
}

/** The first problem of the request's headers, path parameters, query and body, or null. */
function problemOf(request: FastifyRequest): AppError | null {
  for (const [name, value] of Object.entries(request.headers)) {
    if (findNul(value, name) !== null || name.includes(NUL)) return refuse(name, NUL_MESSAGE);
  }
  const boundary = boundaryProblem(request.headers['content-type']);
  if (boundary) return refuse('content-type', boundary);
  const inParams = findNul(request.params, '');
  if (inParams !== null) return refuse(inParams || 'path', NUL_MESSAGE);
  const inQuery = findNul(request.query, '');
  if (inQuery !== null) return refuse(inQuery || 'query', NUL_MESSAGE);
  const inBody = findNul(request.body, '');
  if (inBody !== null) return refuse(inBody || 'body', NUL_MESSAGE);
  return null;
}

/** Checks every request after its body is parsed and before its schema is validated. */
export function registerInputChecks(app: FastifyInstance) {
  // a callback hook: requests that pass cost no promise
  app.addHook('preValidation', (request, _reply, done) => {
    done(problemOf(request) ?? undefined);
  });
}
