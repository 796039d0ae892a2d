import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ANALYSIS_KINDS, analysisTool } from './analysis-tools';
import { findUnsupportedKeywords, toToolInputSchema } from './tool-input-schema';

type Node = { [key: string]: unknown };

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectsIn(node: unknown): Node[] {
  if (Array.isArray(node)) return node.flatMap(objectsIn);
  if (!isNode(node)) return [];
  const here = node.type === 'object' ? [node] : [];
  return [...here, ...Object.values(node).flatMap(objectsIn)];
}

describe.each(ANALYSIS_KINDS)('the %s tool input_schema', (kind) => {
  const tool = analysisTool(kind);

  it('is an object schema with only keywords the Messages API accepts', () => {
    expect(tool.input_schema.type).toBe('object');
    expect(tool.input_schema).not.toHaveProperty('$schema');
    expect(findUnsupportedKeywords(tool.input_schema)).toEqual([]);
    expect(tool.strict).toBe(true);
  });

  it('closes every object with additionalProperties: false', () => {
    const objects = objectsIn(tool.input_schema);
    expect(objects.length).toBeGreaterThanOrEqual(2);
    for (const object of objects) expect(object.additionalProperties).toBe(false);
  });
});

describe('toToolInputSchema', () => {
  it('keeps optional fields out of required and moves constraints into the description', () => {
    const schema = toToolInputSchema(
      z.object({ score: z.number().min(0).max(1).describe('Score'), note: z.string().optional() }),
    );
    expect(schema).toEqual({
      type: 'object',
      properties: {
        score: { type: 'number', description: 'Score (minimum: 0, maximum: 1)' },
        note: { type: 'string' },
      },
      required: ['score'],
      additionalProperties: false,
    });
  });

  it('describes what the model sends, not what the transforms produce', () => {
    const schema = toToolInputSchema(z.object({ price: z.number().transform(String) }));
    expect(schema.properties).toEqual({ price: { type: 'number' } });
  });

  it('refuses a root that is not an object', () => {
    expect(() => toToolInputSchema(z.array(z.string()))).toThrow(/type "object" at the root/);
  });

  it('reports unsupported keywords with their path', () => {
    expect(findUnsupportedKeywords({ type: 'object', properties: { a: { type: 'string', pattern: '^x' } } })).toEqual([
      '#/properties/a/pattern',
    ]);
  });
});
