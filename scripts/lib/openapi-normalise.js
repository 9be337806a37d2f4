// Post-processing of Strapi 5.54's generated OpenAPI document, so that it tells the truth about
// what the API sends. Each step names the generator's mistake it corrects; drop a step once
// upstream (@strapi/openapi) generates the right thing. Pure: a document in, a document out.
// Tested in tests/openapi-normalise.test.ts; the conformance test checks the result against the API.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Strapi 5's documentId: 24 lowercase letters and digits (cuid2), not a UUID. */
const DOCUMENT_ID = {
  type: 'string',
  pattern: '^[a-z0-9]{24}$',
  description: 'The document ID: 24 lowercase letters and digits',
};

/** Strapi's error envelope, the same for every 4xx/5xx (and the kit's toBody). */
const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    data: { type: 'null' },
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        name: { type: 'string' },
        message: { type: 'string' },
        details: { type: 'object' },
      },
      required: ['status', 'name', 'message'],
    },
  },
  required: ['data', 'error'],
};
const ERROR_REF = { $ref: '#/components/schemas/Error' };

// The content-type builder's routes answer their own error bodies: `{ error: "contentType.notFound" }`
// and a validation envelope without `data` and `status` (Strapi 5.54).
const PLAIN_ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      anyOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: { name: { type: 'string' }, message: { type: 'string' } },
          required: ['message'],
        },
      ],
    },
  },
  required: ['error'],
};
const PLAIN_ERROR_PATHS = /^\/content-type-builder\//;

const PAGINATION = {
  type: 'object',
  properties: {
    page: { type: 'integer' },
    pageSize: { type: 'integer' },
    pageCount: { type: 'integer' },
    total: { type: 'integer' },
    start: { type: 'integer' },
    limit: { type: 'integer' },
  },
};

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Deep copy, bottom-up: each object node is rebuilt through `visit`. */
function walk(node, visit) {
  if (Array.isArray(node)) return node.map((n) => walk(n, visit));
  if (!isObject(node)) return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    // The generator stamps "now" as the default of date-time fields: the document would change on
    // every build although the API did not.
    if (key === 'default' && typeof value === 'string' && ISO_DATE.test(value)) continue;
    out[key] = walk(value, visit);
  }
  return visit(out);
}

/** A schema Strapi generated for a document (content type entry): it has a documentId property. */
const isDocumentSchema = (s) => isObject(s) && isObject(s.properties) && isObject(s.properties.documentId);

const nullable = (schema) => {
  const union = schema.anyOf || schema.oneOf;
  if (union && union.some((s) => s.type === 'null')) return schema;
  if (schema.$ref || union) return { anyOf: [schema, { type: 'null' }] };
  if (schema.type === undefined) return schema;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if (types.includes('null')) return schema;
  const out = { ...schema, type: [...types, 'null'] };
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
};

function fixDocument(schema) {
  const out = { ...schema, properties: { ...schema.properties } };
  // The generator declares documentId a UUID (format and pattern); Strapi 5 writes 24-char cuid2 ids.
  out.properties.documentId = { ...DOCUMENT_ID };
  const required = new Set(schema.required || []);
  for (const [name, prop] of Object.entries(out.properties)) {
    // An optional attribute comes back as null when empty (Strapi selects every column), but the
    // generator declares it as its plain type. Lists (to-many relations) come back as [], not null.
    if (required.has(name) || !isObject(prop) || prop.type === 'array') continue;
    out.properties[name] = nullable(prop);
  }
  return out;
}

// The content-type builder declares each attribute as a closed union that misses what it sends for
// relations (`configurable`, morph relations without `target`): an attribute is declared as what
// every kind shares, a `type`.
const ATTRIBUTE = {
  type: 'object',
  properties: { type: { type: 'string' } },
  required: ['type'],
  description: 'An attribute of the content type (its keys depend on its type)',
};
const isAttributeMap = (s) =>
  isObject(s) &&
  isObject(s.properties) &&
  isObject(s.properties.attributes) &&
  isObject(s.properties.attributes.additionalProperties) &&
  Array.isArray(s.properties.attributes.additionalProperties.anyOf);
// The content type around them may carry options the builder does not list (`timestamps`).
function fixAttributes(s) {
  const out = {
    ...s,
    properties: { ...s.properties, attributes: { ...s.properties.attributes, additionalProperties: ATTRIBUTE } },
  };
  delete out.additionalProperties;
  return out;
}

/** A media-library file as the upload plugin's own routes declare it (`hash`, `mime`, `url`). */
const isFileSchema = (s) =>
  isObject(s) && isObject(s.properties) && ['hash', 'mime', 'url'].every((k) => isObject(s.properties[k]));

// Upload 5.54's file schema omits fields its find/findOne send (focalPoint, publishedAt,
// isUrlSigned) and requires folderPath, which they leave out.
const FILE_EXTRA = {
  focalPoint: { anyOf: [{ type: 'object' }, { type: 'null' }] },
  publishedAt: { type: ['string', 'null'] },
  isUrlSigned: { type: 'boolean' },
};
function fixFile(schema) {
  const properties = { ...schema.properties };
  for (const [k, v] of Object.entries(FILE_EXTRA)) if (!properties[k]) properties[k] = v;
  const required = (schema.required || []).filter((k) => k !== 'folderPath');
  return { ...schema, properties, required };
}

/** `{ data: <document | [document]> }` without `meta`: the core controllers always add `meta`. */
function fixEnvelope(schema) {
  if (!isObject(schema.properties) || schema.properties.meta || !isObject(schema.properties.data)) return schema;
  const data = schema.properties.data;
  const list = data.type === 'array' && isDocumentSchema(data.items);
  const single = isDocumentSchema(data);
  if (!list && !single) return schema;
  const meta = list
    ? { type: 'object', properties: { pagination: PAGINATION } }
    : { type: 'object', description: 'Empty for a single document' };
  return { ...schema, properties: { ...schema.properties, meta } };
}

/** Routes declare a non-JSON media type on their zod response: `.meta({ 'x-media-type': … })`. */
function fixMediaTypes(response) {
  if (!isObject(response.content)) return response;
  const content = {};
  for (const [type, media] of Object.entries(response.content)) {
    const declared = media && media.schema && media.schema['x-media-type'];
    if (typeof declared !== 'string') {
      content[type] = media;
      continue;
    }
    const schema = { ...media.schema };
    delete schema['x-media-type'];
    content[declared] = { ...media, schema };
  }
  return { ...response, content };
}

const ERROR_STATUS = /^[45]\d\d$/;

function fixResponses(path, responses) {
  const errorRef = PLAIN_ERROR_PATHS.test(path) ? { $ref: '#/components/schemas/PlainError' } : ERROR_REF;
  const out = {};
  for (const [status, response] of Object.entries(responses)) {
    if (!ERROR_STATUS.test(status)) {
      out[status] = fixMediaTypes(response);
      continue;
    }
    // The generator lists 400/401/403/404/500 with a description only; every one of them
    // answers Strapi's error envelope.
    out[status] = { ...response, content: { 'application/json': { schema: errorRef } } };
  }
  return out;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

/**
 * @param {object} doc the document as `strapi openapi generate` writes it
 * @returns {object} the document we publish
 */
function normalise(doc) {
  let out = walk(doc, (node) => {
    let next = node;
    // File first: the fields it adds are then made nullable like any other optional attribute.
    if (isFileSchema(next)) next = fixFile(next);
    if (isDocumentSchema(next)) next = fixDocument(next);
    if (isAttributeMap(next)) next = fixAttributes(next);
    return fixEnvelope(next);
  });
  // The generator writes this machine's PUBLIC_URL; the document describes every deployment.
  out.servers = [{ url: '/api', description: '本部署 · this deployment' }];
  out.components = {
    ...out.components,
    schemas: { ...(out.components && out.components.schemas), Error: ERROR_SCHEMA, PlainError: PLAIN_ERROR_SCHEMA },
  };
  const paths = {};
  for (const [p, item] of Object.entries(out.paths || {})) {
    paths[p] = { ...item };
    for (const method of METHODS) {
      if (!item[method]) continue;
      paths[p][method] = { ...item[method], responses: fixResponses(p, item[method].responses || {}) };
    }
  }
  out.paths = paths;
  return out;
}

module.exports = { normalise, DOCUMENT_ID, ERROR_SCHEMA, PLAIN_ERROR_SCHEMA };
