// The published document (GET /api/openapi.json) against the running API: every GET operation is
// called as Public, party-member, party-unit, a full-access API token and a grid-worker; each answer's status must
// be declared, its content type the declared media type and its body valid (JSON Schema 2020-12).
// Then one wrong-typed parameter per operation must get a declared 4xx. Nothing here knows a route:
// routes added later are covered as soon as they are in the document.
import { setupStrapi, teardownStrapi, http, strapi } from './helpers/strapi';
import { bearer, createApiToken } from './helpers/auth';
import {
  probeOrder,
  responseValidator,
  wrongValue,
  type OpenApiDocument,
  type Operation,
  type Parameter,
} from './helpers/openapi';
import { community, member, unit } from './double-report/fixtures';
import { category, gridWorker, report } from './grid-cases/fixtures';

type Headers = Record<string, string>;
interface Caller {
  name: string;
  headers: Headers;
}
interface Answer {
  status: number;
  type: string;
  body: unknown;
  text: string;
}

let doc: OpenApiDocument;
let validate: ReturnType<typeof responseValidator>;
let callers: Caller[];
const ids: Record<string, string> = {};
/** The first caller each operation answered with a 2xx (the wrong-parameter probe calls as that one). */
const servedBy = new Map<string, Caller>();

/** Path parameters the list-before-it rule (below) cannot find. Fails loudly for a new one. */
const PARAMS: Record<string, (name: string) => string | undefined> = {
  '/content-type-builder/content-types/{uid}': () => 'api::branch.branch',
  '/content-type-builder/components/{uid}': () => 'grid.head',
  '/auth/{provider}/callback': () => 'github',
  '/double-report/units/{documentId}/members': () => ids.unit,
  '/double-report/units/{documentId}/summary': () => ids.unit,
  '/double-report/units/{documentId}/members/{memberDocumentId}/check-ins': (n) =>
    n === 'documentId' ? ids.unit : ids.member,
  '/double-report/communities/{documentId}/needs': () => ids.community,
  '/double-report/communities/{documentId}/activities': () => ids.community,
  '/star-scoring/branches/{documentId}/scorecard': () => ids.scoredBranch,
};

/** Operations no caller can get a 2xx from in a test, and why. Every other GET must answer 2xx to someone. */
const NO_SUCCESS: Record<string, string> = {
  '/auth/{provider}/callback': 'needs a round trip through an OAuth provider',
  '/auth/email-confirmation': 'needs a confirmation token sent by e-mail',
  '/connect/(.*)': 'redirects to an OAuth provider (none is configured)',
  '/auth/sessions': 'session management is for Users & Permissions sessions mode, off here',
  '/users/me': 'no role is granted it: accounts are issued, members read themselves through /double-report/me',
};

/** Operations that accept any value for a parameter the probe picks, and why (the answer must still conform). */
const LENIENT: Record<string, string> = {
  '/upload/files': "Strapi's upload plugin reads an invalid page as page 1",
  '/users': 'Users & Permissions reads an invalid page as page 1',
};

/**
 * Member and unit routes called with an API token (no user behind it) answer 500 today; the
 * hardening branch (issue on API-token 500s) makes them answer the declared 401/403. Until it is
 * merged these answers are reported, not counted; delete this list when it is.
 */
/** Wrong-parameter probes answered 500 today, and why (reported; delete an entry once fixed). */
// Operations known to answer a wrong-typed parameter with a 500 (none today: `/upload/files/{id}` and
// `/users/{id}` are checked by the query-values middleware before Strapi puts the id into SQL).
const PROBE_500: Record<string, string> = {};

async function call(url: string, headers: Headers): Promise<Answer> {
  const res = await http().get(`/api${url}`).set(headers).buffer(true);
  return { status: res.status, type: String(res.headers['content-type'] ?? ''), body: res.body, text: res.text };
}

const NUMERIC_ID = /^\/(users|upload|users-permissions)\//;

/** The list GET operation right before a `{param}` (`/branches` for `/branches/{id}`), if documented. */
async function fromList(path: string, name: string): Promise<string | undefined> {
  const list = path.slice(0, path.indexOf(`/{${name}}`));
  if (!doc.paths[list]?.get) return undefined;
  for (const caller of callers) {
    const res = await call(list, caller.headers);
    const body = res.body as { data?: unknown; roles?: unknown } | unknown[] | null;
    const rows = Array.isArray(body) ? body : (body?.data ?? body?.roles);
    const row = Array.isArray(rows) ? (rows[0] as Record<string, unknown> | undefined) : undefined;
    // Strapi 5 content types take the documentId; users, roles and files (plugins) the numeric id.
    const value = NUMERIC_ID.test(path) ? row?.id : (row?.documentId ?? row?.id);
    if (value !== undefined && value !== null) return String(value);
  }
  return undefined;
}

const requiredQueryValue = (p: Parameter): string => {
  const s = p.schema ?? {};
  if (Array.isArray(s.enum)) return String(s.enum[0]);
  // The demo's star campaign is last year's, so rankings and scorecards have rows to check.
  if (p.name === 'year') return String(new Date().getUTCFullYear() - 1);
  if (s.type === 'integer' || s.type === 'number') return '1';
  return 'x';
};

async function urlFor(path: string, op: Operation, replace?: { param: Parameter; value: string }) {
  let url = path;
  const query = new URLSearchParams();
  for (const p of op.parameters ?? []) {
    const wrong = replace && replace.param === p ? replace.value : undefined;
    if (p.in === 'path') {
      const value = wrong ?? PARAMS[path]?.(p.name) ?? (await fromList(path, p.name));
      if (value === undefined) throw new Error(`no value for {${p.name}} of ${path}: add it to PARAMS`);
      url = url.replace(`{${p.name}}`, encodeURIComponent(value));
    } else if (p.in === 'query' && (wrong !== undefined || p.required || p.name === 'year')) {
      query.set(p.name, wrong ?? requiredQueryValue(p));
    }
  }
  // `/connect/(.*)` is a Koa pattern, not an OpenAPI template.
  url = url.replace('(.*)', 'github');
  const qs = query.toString();
  return qs ? `${url}?${qs}` : url;
}

/** Every way the answer disagrees with the document (empty = conforms). */
function mismatches(path: string, op: Operation, res: Answer): string[] {
  const declared = op.responses[String(res.status)];
  if (res.status >= 500) return [`answered ${res.status}: ${res.text.slice(0, 200)}`];
  const sample = res.text.slice(0, 160);
  if (!declared) return [`status ${res.status} is not declared (${Object.keys(op.responses).join(', ')})`];
  const content = declared.content ?? {};
  const mediaType = Object.keys(content).find((t) => res.type.split(';')[0].trim() === t);
  if (!mediaType) {
    if (Object.keys(content).length === 0 && !res.text) return [];
    return [`content type ${res.type || '(none)'} is not declared (${Object.keys(content).join(', ') || 'no body'})`];
  }
  const json = mediaType === 'application/json' || mediaType.endsWith('+json');
  const body = json ? JSON.parse(res.text) : res.text;
  const check = validate(path, 'get', String(res.status), mediaType);
  if (check(body)) return [];
  return (check.errors ?? [])
    .slice(0, 5)
    .map((e) => `${res.status} body${e.instancePath} ${e.message} ${JSON.stringify(e.params)} in ${sample}`);
}

// Admin routes (the admin session, e.g. the registers' Excel routes) are held to their shapes by their own tests.
const getOperations = () =>
  Object.entries(doc.paths)
    .filter(([, item]) => item.get && !item.get.security?.some((s) => 'adminSession' in s))
    .map(([path, item]) => [path, item.get] as const);

beforeAll(async () => {
  await setupStrapi({}, { demo: true });
  const res = await http().get('/api/openapi.json');
  doc = res.body as OpenApiDocument;
  validate = responseValidator(doc);
  const place = await community();
  const u = await unit(place);
  const m = await member(u, place);
  ids.unit = u.documentId;
  ids.member = m.documentId;
  ids.community = place.documentId;
  // A grid account with one reported case, so the grid-cases lists and status page have a row.
  const grid = (await strapi()
    .db.query('api::grid.grid')
    .findOne({ select: ['documentId'] })) as { documentId: string };
  const worker = await gridWorker({ documentId: grid.documentId, id: 0, code: '', name: '' });
  const reported = await report(worker.jwt, {
    title: '路灯不亮',
    description: '一致性测试的事项',
    category: (await category(3)).documentId,
    source: 'grid_patrol',
    grid: grid.documentId,
  });
  if (reported.status !== 201) throw new Error(`grid case: ${reported.status} ${reported.text}`);
  // …and that account is a representative's (两代表一委员), so /me/duties (履职) has someone to serve.
  const rep = await strapi()
    .documents('api::representative.representative')
    .create({ data: { name: '一致性代表', kind: 'peoples_congress', level: 'county', grid: grid.documentId } });
  const ga = await strapi()
    .db.query('plugin::grid-cases.grid-account')
    .findOne({ where: { account: { id: worker.userId } }, select: ['id'] });
  await strapi()
    .db.query('plugin::grid-cases.grid-account')
    .update({ where: { id: ga.id }, data: { kind: 'representative', representative: rep.id } });
  callers = [
    { name: 'Public', headers: {} },
    { name: 'party-member', headers: bearer(m.jwt) },
    { name: 'party-unit', headers: bearer(u.jwt) },
    { name: 'API token (full access)', headers: bearer(await createApiToken('full-access')) },
    { name: 'grid-worker', headers: bearer(worker.jwt) },
  ];
  // One file in the media library, so the upload routes have something to list and open.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const uploaded = await http()
    .post('/api/upload')
    .set(callers[3].headers)
    .attach('files', png, { filename: 'dot.png', contentType: 'image/png' });
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${uploaded.text}`);
  const ranked = await call(`/star-scoring/rankings?year=${new Date().getUTCFullYear() - 1}`, {});
  ids.scoredBranch = (ranked.body as { data: Array<{ branch: { documentId: string } }> }).data[0].branch.documentId;
}, 600000);
afterAll(teardownStrapi);

it('the document declares its own 200 and an error schema for every 4xx/5xx', () => {
  expect(doc.paths['/openapi.json'].get.responses['200'].content).toHaveProperty(['application/json']);
  const undeclared = getOperations().flatMap(([path, op]) =>
    Object.entries(op.responses)
      .filter(([status, r]) => /^[45]/.test(status) && !r.content?.['application/json']?.schema)
      .map(([status]) => `${path} ${status}`),
  );
  expect(undeclared).toEqual([]);
});

it('every GET operation answers every caller as the document says', async () => {
  const found: string[] = [];
  for (const [path, op] of getOperations()) {
    const url = await urlFor(path, op);
    for (const caller of callers) {
      const res = await call(url, caller.headers);
      if (res.status < 300 && !servedBy.has(path)) servedBy.set(path, caller);
      for (const m of mismatches(path, op, res)) found.push(`GET ${url} as ${caller.name}: ${m}`);
    }
  }
  expect(found).toEqual([]);
  const neverServed = getOperations()
    .map(([path]) => path)
    .filter((path) => !servedBy.has(path) && !NO_SUCCESS[path]);
  expect(neverServed).toEqual([]);
});

it('a wrong-typed parameter gets a declared 4xx with the error body, never a 500', async () => {
  const found: string[] = [];
  let sent = 0;
  for (const [path, op] of getOperations()) {
    const param = (op.parameters ?? [])
      .filter((p) => (p.in === 'path' || p.in === 'query') && wrongValue(p.schema) !== undefined)
      .sort((a, b) => probeOrder(a.schema, a.in) - probeOrder(b.schema, b.in))[0];
    const caller = servedBy.get(path);
    if (!param || !caller) continue;
    const url = await urlFor(path, op, { param, value: wrongValue(param.schema)! });
    // A caller the operation serves, so the refusal is about the parameter and not about access.
    const res = await call(url, caller.headers);
    sent += 1;
    const lenient = LENIENT[path] !== undefined && res.status < 300;
    if (res.status === 500 && PROBE_500[path]) {
      console.warn(`GET ${url}: 500 (${PROBE_500[path]})`);
      continue;
    }
    if (!lenient && (res.status < 400 || res.status >= 500)) found.push(`GET ${url}: ${res.status}, expected a 4xx`);
    for (const m of mismatches(path, op, res)) found.push(`GET ${url}: ${m}`);
  }
  expect(found).toEqual([]);
  expect(sent).toBeGreaterThan(10);
});
