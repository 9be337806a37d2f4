// The corrections scripts/openapi.js applies to Strapi 5.54's generated document (pure function).
import { normalise } from '../scripts/lib/openapi-normalise';

const UUID_ID = { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]{36}$', description: 'UUID' };
const branch = {
  type: 'object',
  properties: {
    documentId: UUID_ID,
    name: { type: 'string' },
    address: { type: 'string' },
    level: { type: 'string', enum: ['street_committee', 'community_branch'] },
    parent: { $ref: '#/components/schemas/Branch' },
    children: { type: 'array', items: { $ref: '#/components/schemas/Branch' } },
    createdAt: { type: 'string', default: '2026-12-02T11:00:00.000Z' },
  },
  required: ['documentId', 'name'],
  additionalProperties: false,
};
const generated = () => ({
  openapi: '3.1.0',
  servers: [{ url: 'http://localhost:1337/api' }],
  paths: {
    '/branches': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { data: { type: 'array', items: branch } },
                  required: ['data'],
                  additionalProperties: false,
                },
              },
            },
          },
          404: { description: 'Not found' },
          500: { description: 'Internal server error' },
        },
      },
    },
    '/branches/{id}': {
      get: {
        responses: {
          200: {
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: branch }, additionalProperties: false },
              },
            },
          },
        },
      },
    },
    '/notices/feed.rss': {
      get: {
        responses: {
          200: {
            content: { 'application/json': { schema: { type: 'string', 'x-media-type': 'application/rss+xml' } } },
          },
        },
      },
    },
    '/content-type-builder/components': { get: { responses: { 404: { description: 'Not found' } } } },
  },
  components: { schemas: { Branch: branch } },
});

type Json = Record<string, any>;
const doc = normalise(generated()) as Json;
const listSchema = doc.paths['/branches'].get.responses['200'].content['application/json'].schema;
const item = listSchema.properties.data.items;

it('declares documentId as the 24-character id Strapi 5 writes, not a UUID', () => {
  expect(item.properties.documentId).toEqual({
    type: 'string',
    pattern: '^[a-z0-9]{24}$',
    description: expect.any(String),
  });
  expect(doc.components.schemas.Branch.properties.documentId.format).toBeUndefined();
});

it('makes optional attributes nullable, keeps required ones and to-many relations as they are', () => {
  expect(item.properties.address.type).toEqual(['string', 'null']);
  expect(item.properties.level.enum).toContain(null);
  expect(item.properties.parent).toEqual({ anyOf: [{ $ref: '#/components/schemas/Branch' }, { type: 'null' }] });
  expect(item.properties.name.type).toBe('string');
  expect(item.properties.children.type).toBe('array');
});

it('lets list answers carry meta.pagination and single answers carry meta', () => {
  expect(listSchema.properties.meta.properties.pagination.properties.total).toEqual({ type: 'integer' });
  const single = doc.paths['/branches/{id}'].get.responses['200'].content['application/json'].schema;
  expect(single.properties.meta.type).toBe('object');
});

it('moves a route that declares x-media-type under that media type', () => {
  const content = doc.paths['/notices/feed.rss'].get.responses['200'].content;
  expect(Object.keys(content)).toEqual(['application/rss+xml']);
  expect(content['application/rss+xml'].schema['x-media-type']).toBeUndefined();
});

it("gives every 4xx/5xx Strapi's error envelope (the builder's routes their own bodies)", () => {
  expect(doc.paths['/branches'].get.responses['404'].content['application/json'].schema).toEqual({
    $ref: '#/components/schemas/Error',
  });
  expect(doc.paths['/branches'].get.responses['500'].content['application/json'].schema.$ref).toBe(
    '#/components/schemas/Error',
  );
  expect(doc.components.schemas.Error.required).toEqual(['data', 'error']);
  expect(
    doc.paths['/content-type-builder/components'].get.responses['404'].content['application/json'].schema.$ref,
  ).toBe('#/components/schemas/PlainError');
});

it('drops generated "now" defaults and the machine-specific server, and is idempotent', () => {
  expect(item.properties.createdAt.default).toBeUndefined();
  expect(doc.servers).toEqual([{ url: '/api', description: expect.any(String) }]);
  expect(normalise(doc)).toEqual(doc);
});
