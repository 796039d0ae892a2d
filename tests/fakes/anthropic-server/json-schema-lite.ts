// Just enough JSON Schema for the fake: the subset strict tool use allows (type, properties,
// required, additionalProperties, items, enum, const, anyOf, allOf, minItems), used to check
// that the tool input the fake returns really matches the schema the client sent.

type Schema = { [key: string]: unknown };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  const actual = typeOf(value);
  return types.some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

/** Problems found, as `path: message`; empty when the value matches. */
export function validateJsonSchema(schema: unknown, value: unknown, path = '$'): string[] {
  if (!isSchema(schema)) return [];
  if (Array.isArray(schema.anyOf)) {
    const ok = schema.anyOf.some((option) => validateJsonSchema(option, value, path).length === 0);
    return ok ? [] : [`${path}: matches none of anyOf`];
  }
  const errors: string[] = [];
  if (Array.isArray(schema.allOf)) errors.push(...schema.allOf.flatMap((part) => validateJsonSchema(part, value, path)));
  if (schema.type !== undefined && !matchesType(value, schema.type)) {
    return [...errors, `${path}: expected ${JSON.stringify(schema.type)}, got ${typeOf(value)}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.some((option) => option === value)) {
    errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  }
  if ('const' in schema && schema.const !== value) errors.push(`${path}: must equal ${JSON.stringify(schema.const)}`);
  if (isSchema(value) && !Array.isArray(value)) {
    const properties = isSchema(schema.properties) ? schema.properties : {};
    const required = Array.isArray(schema.required) ? schema.required : [];
    for (const key of required) if (typeof key === 'string' && !(key in value)) errors.push(`${path}.${key}: is required`);
    for (const [key, child] of Object.entries(value)) {
      if (key in properties) errors.push(...validateJsonSchema(properties[key], child, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: is not allowed`);
    }
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) errors.push(`${path}: too few items`);
    value.forEach((item, i) => errors.push(...validateJsonSchema(schema.items, item, `${path}[${i}]`)));
  }
  return errors;
}

/** A small value that satisfies the schema, for tools the fake has no canned answer for. */
export function exampleFromSchema(schema: unknown): unknown {
  if (!isSchema(schema)) return null;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) {
    const first = schema.anyOf.find((option) => !(isSchema(option) && option.type === 'null')) ?? schema.anyOf[0];
    return exampleFromSchema(first);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'object': {
      const properties = isSchema(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, exampleFromSchema(child)]));
    }
    case 'array':
      return typeof schema.minItems === 'number' && schema.minItems > 0 ? [exampleFromSchema(schema.items)] : [];
    case 'string':
      return 'example';
    case 'integer':
      return 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    default:
      return null;
  }
}

/**
 * A copy of a valid input that breaks the schema the way models do: a required field dropped
 * and a number sent as text.
 */
export function violateSchema(schema: unknown, valid: { [key: string]: unknown }): { [key: string]: unknown } {
  const broken: { [key: string]: unknown } = structuredClone(valid);
  const root = isSchema(schema) ? schema : {};
  const required = Array.isArray(root.required) ? root.required.filter((k): k is string => typeof k === 'string') : [];
  const properties = isSchema(root.properties) ? root.properties : {};
  const numeric = Object.entries(properties).find(
    ([key, child]) => isSchema(child) && (child.type === 'number' || child.type === 'integer') && key !== required.at(-1),
  );
  const dropped = required.at(-1);
  if (dropped !== undefined) delete broken[dropped];
  if (numeric) broken[numeric[0]] = 'high';
  if (validateJsonSchema(schema, broken).length === 0) broken.__unexpected_field = true;
  return broken;
}
