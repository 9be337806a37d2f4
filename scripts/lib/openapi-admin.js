// Strapi's `openapi generate` documents the content API only. Admin routes of our plugins that
// declare their shapes (zod `request` / `response`, as the registers' Excel import and export do) are
// documented beside it: under the admin panel's session (bearer admin JWT, `adminSession`), with the
// RBAC action each one needs. A route's `openapi` property (stripped by Strapi's route validation)
// names what zod cannot say: a multipart body, a file in the answer.
const fs = require('fs');
const path = require('path');
const { z } = require('zod');

const root = path.resolve(__dirname, '..', '..');

const schemaOf = (zod) => {
  const { $schema, ...json } = z.toJSONSchema(zod, { unrepresentable: 'any', io: 'output' });
  void $schema;
  return json;
};

const parameters = (shape, where) =>
  Object.entries(shape ?? {}).map(([name, zod]) => {
    const schema = schemaOf(zod);
    return {
      name,
      in: where,
      required: where === 'path' || !zod.safeParse(undefined).success,
      ...(schema.description ? { description: schema.description } : {}),
      schema,
    };
  });

const actionsOf = (route) =>
  (route.config?.policies ?? []).flatMap((p) => (p?.name === 'admin::hasPermissions' ? p.config.actions : []));

function operation(plugin, route) {
  const actions = actionsOf(route);
  const extra = route.openapi ?? {};
  const responses = {};
  if (extra.file) {
    responses['200'] = {
      description: extra.file.description,
      content: { [extra.file.type]: { schema: { type: 'string', format: 'binary' } } },
    };
  } else if (route.response) {
    responses['200'] = { description: 'OK', content: { 'application/json': { schema: schemaOf(route.response) } } };
  }
  if (extra.accepted) responses['202'] = { description: extra.accepted };
  const error = (description) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  });
  Object.assign(responses, {
    400: error('bad input: the message names the field and the rule'),
    401: error('no admin session'),
    403: error(`missing the action ${actions.join(', ')}, or outside the caller's organisation`),
    404: error("no such row in the caller's organisation"),
    409: error('a wrong state or a lost race'),
  });
  const body = route.request?.body?.['application/json'];
  return {
    tags: [`admin: ${plugin}`],
    operationId: `admin.${plugin}.${route.handler}`,
    summary: extra.summary,
    description: `Admin route: needs an admin session and ${actions.join(', ')}; answers within the caller's organisation (本组织及下级).`,
    security: [{ adminSession: [] }],
    parameters: [...parameters(route.request?.params, 'path'), ...parameters(route.request?.query, 'query')],
    ...(extra.multipart
      ? {
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: Object.keys(extra.multipart),
                  properties: Object.fromEntries(
                    Object.entries(extra.multipart).map(([name, description]) => [
                      name,
                      { type: 'string', format: 'binary', description },
                    ]),
                  ),
                },
              },
            },
          },
        }
      : body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(body) } } } }
        : {}),
    responses,
  };
}

/** The documented admin routes of every built local plugin, as OpenAPI path items. */
function adminPaths() {
  const paths = {};
  const plugins = path.join(root, 'src', 'plugins');
  for (const id of fs.readdirSync(plugins).sort()) {
    const entry = path.join(plugins, id, 'dist', 'server', 'index.js');
    if (!fs.existsSync(entry)) continue;
    const loaded = require(entry);
    const server = loaded.default ?? loaded;
    const routes = (typeof server === 'function' ? server() : server).routes?.admin?.routes ?? [];
    for (const route of routes) {
      if (!route.request && !route.response && !route.openapi) continue;
      const url = `/${id}${route.path}`.replace(/:([A-Za-z]+)/g, '{$1}');
      paths[url] = {
        // the admin API lives at the app's root, not under the content API's /api
        servers: [{ url: '/', description: '管理接口 · admin API of this deployment' }],
        ...paths[url],
        [route.method.toLowerCase()]: operation(id, route),
      };
    }
  }
  return paths;
}

/** Adds the admin routes and the admin session's security scheme to a generated document. */
function withAdminRoutes(doc) {
  const paths = adminPaths();
  if (!Object.keys(paths).length) return doc;
  return {
    ...doc,
    paths: { ...doc.paths, ...paths },
    components: {
      ...doc.components,
      securitySchemes: {
        ...doc.components?.securitySchemes,
        adminSession: {
          type: 'http',
          scheme: 'bearer',
          description: "the admin panel's session token (POST /admin/login), not a content-API token",
        },
      },
    },
  };
}

module.exports = { withAdminRoutes };
