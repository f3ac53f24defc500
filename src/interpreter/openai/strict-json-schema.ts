import { z } from 'zod';

type JsonSchema = { [key: string]: unknown };

/**
 * Keywords left out of the schema sent to the model. Strict mode on OpenAI and on most compatible servers
 * accepts only a subset of JSON Schema; the limits these express are enforced by our own validation.
 */
const DROPPED = new Set(['$schema', 'maxLength', 'minLength', 'pattern', 'format', 'maxItems', 'minItems', 'default']);

/**
 * Converts a zod 4 schema to the JSON Schema of a strict `json_schema` response format: the INPUT side
 * (what the model must write, before our transforms), every object closed (`additionalProperties: false`)
 * with every property required, nullable instead of optional, `oneOf` as `anyOf`, `const` as a one-value
 * `enum`.
 *
 * Why not `zodResponseFormat` from `openai/helpers/zod`: with zod 4 it converts the OUTPUT side and throws
 * "Transforms cannot be represented in JSON Schema" on our schema, whose transforms do the sanitising
 * (checked with openai 7.57 / zod 4.6); it also passes `maxLength` through.
 */
export function toStrictJsonSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' });
  return strictify(json) as JsonSchema;
}

function strictify(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strictify);
  if (typeof node !== 'object' || node === null) return node;
  const result: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED.has(key)) continue;
    if (key === 'oneOf') result['anyOf'] = strictify(value);
    else if (key === 'const') result['enum'] = [value];
    else if (key === 'properties' && typeof value === 'object' && value !== null) {
      result[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, strictify(child)]));
    } else result[key] = strictify(value);
  }
  const anyOf = result['anyOf'];
  if (Array.isArray(anyOf)) result['anyOf'] = anyOf.flatMap(flattenAnyOf);
  const properties = result['properties'];
  if (result['type'] === 'object' && typeof properties === 'object' && properties !== null) {
    result['required'] = Object.keys(properties);
    result['additionalProperties'] = false;
  }
  return result;
}

/** `anyOf: [{ anyOf: [a, b] }, null]` (a nullable union) becomes `anyOf: [a, b, null]`. */
function flattenAnyOf(member: unknown): unknown[] {
  if (typeof member !== 'object' || member === null) return [member];
  const keys = Object.keys(member);
  const inner = (member as JsonSchema)['anyOf'];
  return keys.length === 1 && Array.isArray(inner) ? inner : [member];
}
