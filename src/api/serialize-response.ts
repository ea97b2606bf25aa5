// Response serialisation. fastify-type-provider-zod's serializer parses every response with its zod
// schema and then JSON.stringify-s the copy: for a page of 50 opportunities that is most of a tenth of
// a millisecond spent checking what the presenters already built. Here each route's response schema is
// compiled once with fast-json-stringify from the schema's JSON Schema (the one OpenAPI shows), which
// writes the same JSON — the schema's keys in the schema's order, unknown keys left out — in one pass.
// Schemas whose JSON Schema could serialise differently from zod (unions, defaults, literals, refs,
// tuples) keep the zod serializer. With `check` (the test suite) every response is also parsed with its
// zod schema first, so a presenter that drifts from its schema still fails the tests.
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import type { FastifySerializerCompiler } from 'fastify';

type JsonSchema = { [key: string]: unknown };

// keywords that only constrain values: serialising ignores them, as it ignores them in zod's output
const CONSTRAINTS = new Set([
  '$schema',
  'title',
  'description',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'pattern',
  'format',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'enum',
  'propertyNames',
  'contentEncoding',
]);
const SIMPLE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);

/**
 * The schema fast-json-stringify gets: `format`s dropped (a string stays the string it is), or null
 * when some keyword could make its output differ from JSON.stringify of zod's parse.
 */
export function serializableSchema(schema: JsonSchema): JsonSchema | null {
  const nullable = nullablePrimitive(schema);
  if (nullable) return nullable;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'format' || key === '$schema') continue;
    if (CONSTRAINTS.has(key)) {
      out[key] = value;
    } else if (key === 'type') {
      const types = Array.isArray(value) ? value : [value];
      if (!types.every((t) => typeof t === 'string' && SIMPLE_TYPES.has(t))) return null;
      out[key] = value;
    } else if (key === 'required') {
      out[key] = value;
    } else if (key === 'properties') {
      const properties: JsonSchema = {};
      for (const [name, property] of Object.entries(value as JsonSchema)) {
        const converted = serializableSchema(property as JsonSchema);
        if (!converted) return null;
        properties[name] = converted;
      }
      out[key] = properties;
    } else if (key === 'items' || key === 'additionalProperties') {
      if (typeof value === 'boolean') {
        out[key] = value;
      } else {
        const converted = serializableSchema(value as JsonSchema);
        if (!converted) return null;
        out[key] = converted;
      }
    } else {
      // anyOf, oneOf, allOf, not, const, default, $ref, prefixItems, …
      return null;
    }
  }
  // an object without additionalProperties: false would keep keys zod strips
  if (out.type === 'object' && out.additionalProperties === undefined && out.properties !== undefined) return null;
  return out;
}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/** `anyOf: [{ type: 'string', enum: […] }, { type: 'null' }]` (a nullable enum) → `{ type: ['string', 'null'] }`. */
function nullablePrimitive(schema: JsonSchema): JsonSchema | null {
  const branches = schema.anyOf;
  if (!Array.isArray(branches) || branches.length !== 2 || Object.keys(schema).some((k) => k !== 'anyOf' && !CONSTRAINTS.has(k)))
    return null;
  const [value, empty] = branches as JsonSchema[];
  if (!value || !empty || JSON.stringify(empty) !== '{"type":"null"}') return null;
  if (typeof value.type !== 'string' || !PRIMITIVES.has(value.type)) return null;
  if (!Object.keys(value).every((k) => k === 'type' || CONSTRAINTS.has(k))) return null;
  return { type: [value.type, 'null'] };
}

/** fast-json-stringify for the zod schema, or null when it could write something else than zod would. */
export function compileResponseSchema(schema: z.core.$ZodType): ((data: unknown) => string) | null {
  let json: JsonSchema;
  try {
    // an empty metadata registry: a named schema (.meta({ id })) is written inline here, not as a $ref the serializer cannot follow
    const metadata = z.registry<Record<string, unknown>>();
    json = z.toJSONSchema(schema, {
      io: 'output',
      target: 'draft-7',
      unrepresentable: 'throw',
      reused: 'inline',
      cycles: 'throw',
      metadata,
    });
  } catch {
    return null;
  }
  const simple = serializableSchema(json);
  return simple ? (fastJson(simple) as (data: unknown) => string) : null;
}

export function createResponseSerializer(options: { check: boolean }): FastifySerializerCompiler<unknown> {
  return (route) => {
    const zodSerializer = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    const { schema } = route as { schema: unknown };
    const stringify = schema instanceof z.core.$ZodType ? compileResponseSchema(schema) : null;
    if (!stringify) return zodSerializer;
    if (!options.check) return stringify;
    return (data) => {
      const checked = zodSerializer(data);
      const fast = stringify(data);
      if (fast !== checked) throw new Error(`${route.method} ${route.url}: the fast serializer wrote other JSON than the zod schema's`);
      return fast;
    };
  };
}
