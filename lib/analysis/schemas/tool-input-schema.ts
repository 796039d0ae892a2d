import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { z } from 'zod';

// The subset of JSON Schema that strict tool use accepts, as the SDK's own transformJSONSchema
// (lib/transform-json-schema.ts in @anthropic-ai/sdk 1.12.0) keeps it. Other constraints
// (minimum, maxLength, pattern, maxItems, …) are not enforced by the API; they move into the
// description so the model still reads them, and zod enforces them on the way back.
export const SUPPORTED_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'allOf',
  'description',
  'title',
  'format',
  'minItems',
  '$ref',
  '$defs',
]);
const SUPPORTED_FORMATS = new Set([
  'date-time',
  'time',
  'date',
  'duration',
  'email',
  'hostname',
  'uri',
  'ipv4',
  'ipv6',
  'uuid',
]);

type JsonObject = { [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function keepKeyword(key: string, value: unknown): boolean {
  if (key === 'format') return typeof value === 'string' && SUPPORTED_FORMATS.has(value);
  if (key === 'minItems') return value === 0 || value === 1;
  return SUPPORTED_KEYWORDS.has(key);
}

function sanitize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sanitize);
  if (!isObject(node)) return node;
  const kept: JsonObject = {};
  const folded: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema') continue;
    if (!keepKeyword(key, value)) {
      folded.push(`${key}: ${JSON.stringify(value)}`);
      continue;
    }
    if (key === 'properties' && isObject(value)) {
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, sanitize(schema)]));
    } else if (key === 'items' || key === 'anyOf' || key === 'allOf') {
      kept[key] = sanitize(value);
    } else if (key === '$defs' && isObject(value)) {
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, sanitize(schema)]));
    } else {
      kept[key] = value;
    }
  }
  if (kept.type === 'object') kept.additionalProperties = false;
  if (folded.length > 0) {
    const description = typeof kept.description === 'string' ? `${kept.description} ` : '';
    kept.description = `${description}(${folded.join(', ')})`;
  }
  return kept;
}

/**
 * The tool `input_schema` for a zod schema: what the model must send (zod's input side, so
 * transforms such as price → decimal string are allowed), restricted to keywords the Messages API
 * supports, with `additionalProperties: false` on every object.
 */
export function toToolInputSchema(schema: z.ZodType): Tool.InputSchema {
  const sanitized = sanitize(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }));
  if (!isObject(sanitized) || sanitized.type !== 'object') {
    throw new Error('A tool input_schema must be a JSON Schema with type "object" at the root');
  }
  return { ...sanitized, type: 'object' };
}

/** Keywords anywhere in a schema that the Messages API would not accept; empty when clean. */
export function findUnsupportedKeywords(node: unknown, path = '#'): string[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => findUnsupportedKeywords(item, `${path}/${i}`));
  if (!isObject(node)) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const here = `${path}/${key}`;
    const self = keepKeyword(key, value) ? [] : [here];
    if (key === 'properties' || key === '$defs') {
      if (!isObject(value)) return self;
      const children = Object.entries(value);
      return [...self, ...children.flatMap(([name, schema]) => findUnsupportedKeywords(schema, `${here}/${name}`))];
    }
    if (key === 'items' || key === 'anyOf' || key === 'allOf') return [...self, ...findUnsupportedKeywords(value, here)];
    return self;
  });
}
