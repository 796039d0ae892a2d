import { describe, expect, it } from 'vitest';
import { analysisTool } from '@/lib/analysis/schemas/analysis-tools';
import { CANNED_BROKER_EXTRACTION, CANNED_CHART_ANALYSIS } from './canned-answers';
import { exampleFromSchema, validateJsonSchema, violateSchema } from './json-schema-lite';

const chartSchema = analysisTool('chart').input_schema;
const brokerSchema = analysisTool('broker').input_schema;

describe('json-schema-lite', () => {
  it('accepts the canned answers against the schemas the app sends', () => {
    expect(validateJsonSchema(chartSchema, CANNED_CHART_ANALYSIS)).toEqual([]);
    expect(validateJsonSchema(brokerSchema, CANNED_BROKER_EXTRACTION)).toEqual([]);
  });

  it('names wrong types, bad enum values, missing and extra fields', () => {
    const broken = { ...CANNED_CHART_ANALYSIS, trend: { direction: 'diagonal' }, confidence: 'high', extra: 1 };
    expect(validateJsonSchema(chartSchema, broken)).toEqual([
      '$.trend.strength: is required',
      '$.trend.direction: "diagonal" is not one of ["up","down","sideways"]',
      '$.confidence: expected "number", got string',
      '$.extra: is not allowed',
    ]);
  });

  it('generates examples that validate, and violations that do not', () => {
    for (const schema of [chartSchema, brokerSchema]) {
      expect(validateJsonSchema(schema, exampleFromSchema(schema))).toEqual([]);
    }
    expect(validateJsonSchema(chartSchema, violateSchema(chartSchema, { ...CANNED_CHART_ANALYSIS }))).not.toEqual([]);
    expect(validateJsonSchema(brokerSchema, violateSchema(brokerSchema, { ...CANNED_BROKER_EXTRACTION }))).toEqual([
      '$.warnings: is required',
    ]);
  });
});
