import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.1 document the conformance test reads. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  [key: string]: unknown;
}
export interface Parameter {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}
export interface Operation {
  operationId?: string;
  security?: Array<Record<string, string[]>>;
  parameters?: Parameter[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: Record<string, unknown>;
}

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Validates answers against the document with JSON Schema 2020-12 (the dialect of OpenAPI 3.1):
 * the whole document is one schema resource, so `#/components/schemas/…` references resolve.
 */
export function responseValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // `$schema` is only allowed at a resource's root; the generator repeats it in every nested schema.
  const strip = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(strip);
    if (!node || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node as Record<string, unknown>)
        .filter(([k]) => k !== '$schema')
        .map(([k, v]) => [k, strip(v)]),
    );
  };
  ajv.addSchema(strip(doc) as object, 'openapi');
  const compiled = new Map<string, ValidateFunction>();
  return (path: string, method: string, status: string, mediaType: string) => {
    const ref = `openapi#/${pointer('paths', path, method, 'responses', status, 'content', mediaType, 'schema')}`;
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate;
  };
}

const CANDIDATES = ['not a valid value!', '-1.5', 'x'.repeat(300)];
const paramAjv = new Ajv2020({ strict: false });
addFormats(paramAjv);

/**
 * A value the parameter's schema refuses (checked with Ajv, so the probe is really wrong), or
 * undefined when the schema accepts any string.
 */
export function wrongValue(schema: Schema | undefined): string | undefined {
  if (!schema) return undefined;
  const { $schema: _dialect, ...plain } = schema;
  const check = paramAjv.compile(plain);
  return CANDIDATES.find((value) => !check(value));
}

/** Path parameters first (a wrong id), then numbers, enums, booleans: the likeliest to be checked. */
export const probeOrder = (schema: Schema | undefined, where: string): number => {
  if (where === 'path') return 0;
  const types = Array.isArray(schema?.type) ? schema?.type : [schema?.type];
  if (types.includes('integer') || types.includes('number')) return 1;
  if (schema?.enum) return 2;
  return 3;
};
