import { setupStrapi, teardownStrapi, http, strapi } from '../helpers/strapi';
import { bearer, createAdmin } from '../helpers/auth';
import { startOtherInstance, type OtherInstance } from '../helpers/instance';
import { onPostgres, describePg } from '../races/helpers';
import { type World } from '../scoping/fixtures';
import { houseWorld, upload, xlsx, type Cells } from './io-fixtures';

/**
 * Background Excel imports keep their job in the database (rg_import_jobs): the page's polls may land
 * on any instance behind the load balancer. A job is read by the administrator who started it only,
 * a job whose instance died reads as failed (and wrote nothing), old jobs are purged. On PostgreSQL a
 * second instance on the same database reads the job while it runs; SQLite is one instance by
 * definition and reads its own.
 */
const HOUSE = 'plugin::registers.house';
const TABLE = 'rg_import_jobs';
const HEADER = ['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途'];
/** Rows above which an import is a job, in this file (the default 5,000 makes slow tests). */
const LIMIT = 300;
/**
 * Rows of a file whose job is watched while it runs: the check and the batched commit go at
 * thousands of rows a second, so a smaller file would end between two polls.
 */
const WATCHED = 20_000;
const INTERRUPTED = '导入中断，请重新上传';
const MINUTE = 60_000;

let w: World;
let c1: { token: string; id: number };
let c2: string;
let root: string;
let serial = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const houses = () => strapi().db.query(HOUSE).count({});
const running = (status: string) => ['queued', 'validating', 'committing'].includes(status);

/** `n` new houses of building JOB-楼 in 甲社区's first compound (new room numbers on every call). */
function rows(n: number): Cells[] {
  serial += 1;
  return Array.from({ length: n }, (_, i): Cells => [
    w.c1.compounds[0].code,
    null,
    'JOB-楼',
    1,
    `J${serial}-${i}`,
    1,
    70,
    '自住',
  ]);
}

/** A job as instance `base` (this process when absent) answers it to `token`. */
async function readJob(id: string, token: string, base?: string): Promise<{ status: number; body: any }> {
  if (!base) {
    const res = await http().get(`/registers/import/jobs/${id}`).set(bearer(token));
    return { status: res.status, body: res.body };
  }
  const res = await fetch(`${base}/registers/import/jobs/${id}`, { headers: bearer(token) });
  return { status: res.status, body: await res.json() };
}

/** Polls until the job ends; returns every view seen on the way. */
async function untilFinished(id: string, base?: string): Promise<any[]> {
  const seen: any[] = [];
  for (let i = 0; i < 600; i += 1) {
    const res = await readJob(id, c1.token, base);
    expect(res.status).toBe(200);
    seen.push(res.body.data);
    if (!running(res.body.data.status)) return seen;
    await sleep(200);
  }
  throw new Error(`job ${id} never finished`);
}

/** A job row as another (perhaps dead) instance left it. */
async function insertJob(values: { status: string; updatedAt: Date; finishedAt?: Date; result?: unknown }) {
  const id = `testjob${String(Date.now()).slice(-8)}${serial++}`.padEnd(24, '0');
  await strapi()
    .db.connection(TABLE)
    .insert({
      document_id: id,
      registry: 'house',
      owner_id: c1.id,
      scope: `scopeCommunity:${w.c1.documentId}`,
      status: values.status,
      dry_run: false,
      rows_total: 6000,
      rows_done: 2500,
      result: values.result ? JSON.stringify(values.result) : null,
      error: null,
      finished_at: values.finishedAt ?? null,
      created_at: new Date(values.updatedAt.getTime() - MINUTE),
      updated_at: values.updatedAt,
      published_at: values.updatedAt,
    });
  return id;
}

beforeAll(async () => {
  await setupStrapi();
  strapi().config.set('plugin::registers.importInBackgroundAbove', LIMIT);
  ({ w, c1, c2 } = await houseWorld('JOB-楼'));
  root = (await createAdmin('strapi-super-admin')).token;
});
afterAll(teardownStrapi);

describe('a big import is a job in the database', () => {
  it('answers 202 queued; its progress and report are read from the database (by a second instance on PostgreSQL); the figures match the rows written', async () => {
    const before = await houses();
    const res = await upload(c1.token, 'house', await xlsx(HEADER, rows(WATCHED)));
    expect(res.status).toBe(202);
    expect(res.body.data).toMatchObject({ type: 'house', status: 'queued', dryRun: false, report: null });
    const id = res.body.data.id as string;

    let other: OtherInstance | undefined;
    let seen: any[];
    try {
      // PostgreSQL: the other instance has never seen this job but in the table.
      other = onPostgres ? await startOtherInstance() : undefined;
      seen = await untilFinished(id, other?.url);
      const there = await readJob(id, c1.token, other?.url);
      const here = await readJob(id, c1.token);
      expect(there.body.data).toEqual(here.body.data);
    } finally {
      await other?.stop();
    }

    const last = seen[seen.length - 1];
    expect(last.error).toBeNull();
    expect(last).toMatchObject({
      status: 'done',
      progress: { read: WATCHED, validated: WATCHED, written: WATCHED },
      report: { rows: WATCHED, created: WATCHED, updated: 0, unchanged: 0, errors: [], committed: true },
    });
    expect(last.finishedAt).not.toBeNull();
    expect((await houses()) - before).toBe(last.report.created);
    // The second instance saw the job running (its progress from the row), not only its end.
    expect(seen.some((j) => running(j.status))).toBe(true);
    if (onPostgres) expect(seen.some((j) => j.status === 'committing' && j.progress.written > 0)).toBe(true);
  });

  it('a dry run as a job writes nothing; a file with a bad row ends done with the refusals and writes nothing', async () => {
    const before = await houses();
    const dry = await upload(c1.token, 'house', await xlsx(HEADER, rows(LIMIT + 1)), true);
    expect(dry.status).toBe(202);
    const dryEnd = (await untilFinished(dry.body.data.id)).pop();
    expect(dryEnd).toMatchObject({ status: 'done', dryRun: true, report: { rows: LIMIT + 1, created: LIMIT + 1 } });

    const bad = rows(LIMIT + 1);
    bad[7][7] = '别墅';
    const res = await upload(c1.token, 'house', await xlsx(HEADER, bad));
    expect(res.status).toBe(202);
    const end = (await untilFinished(res.body.data.id)).pop();
    expect(end.status).toBe('done');
    expect(end.report).toMatchObject({ committed: false, errors: [{ row: 9, column: '用途' }] });
    expect(await houses()).toBe(before);
  });

  it('only the administrator who started a job reads it: anyone else gets 404, a malformed id 400', async () => {
    const res = await upload(c1.token, 'house', await xlsx(HEADER, rows(LIMIT + 1)), true);
    const id = res.body.data.id as string;
    await untilFinished(id);
    for (const token of [root, c2]) {
      const other = await readJob(id, token);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body)).not.toContain('"report"');
    }
    expect((await readJob('nosuchjob0000000000000000', c1.token)).status).toBe(404);
    const malformed = await http().get('/registers/import/jobs/Not_A_Job').set(bearer(c1.token));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/^id: /);
  });

  it('a running job whose row has not moved for longer than the stale time reads as failed: 导入中断，请重新上传', async () => {
    const fresh = await insertJob({ status: 'committing', updatedAt: new Date() });
    const dead = await insertJob({ status: 'committing', updatedAt: new Date(Date.now() - 6 * MINUTE) });
    expect((await readJob(fresh, c1.token)).body.data).toMatchObject({ status: 'committing' });
    const res = await readJob(dead, c1.token);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ status: 'failed', report: null });
    expect(res.body.data.error).toContain(INTERRUPTED);
  });

  it('jobs finished more than 7 days ago are purged when a new job starts', async () => {
    const old = await insertJob({
      status: 'done',
      updatedAt: new Date(Date.now() - 8 * 24 * 60 * MINUTE),
      finishedAt: new Date(Date.now() - 8 * 24 * 60 * MINUTE),
      result: { rows: 1, created: 1, updated: 0, unchanged: 0, errors: [], dryRun: false, committed: true },
    });
    expect((await readJob(old, c1.token)).status).toBe(200);
    const res = await upload(c1.token, 'house', await xlsx(HEADER, rows(LIMIT + 1)), true);
    expect(res.status).toBe(202);
    expect((await readJob(old, c1.token)).status).toBe(404);
    await untilFinished(res.body.data.id);
  });
});

describePg('two instances on PostgreSQL', () => {
  it('the job of an instance killed mid-import is seen running from the other, then reads as failed; nothing was written', async () => {
    const before = await houses();
    const other = await startOtherInstance({ REGISTERS_IMPORT_BACKGROUND_ROWS: String(LIMIT) });
    let id: string;
    try {
      const body = new FormData();
      body.append('file', new Blob([new Uint8Array(await xlsx(HEADER, rows(WATCHED)))]), 'data.xlsx');
      const res = await fetch(`${other.url}/registers/import/house`, {
        method: 'POST',
        headers: bearer(c1.token),
        body,
      });
      expect(res.status).toBe(202);
      id = ((await res.json()) as any).data.id;
      // This instance sees the other's progress while its transaction is open.
      let seen: any;
      for (let i = 0; i < 300; i += 1) {
        seen = (await readJob(id, c1.token)).body.data;
        if (seen.status === 'committing' && seen.progress.written > 0) break;
        await sleep(200);
      }
      expect(seen).toMatchObject({ status: 'committing' });
      expect(seen.progress.written).toBeGreaterThan(0);
    } finally {
      await other.kill();
    }
    expect(await houses()).toBe(before);
    // Right after the kill the row has not yet gone stale …
    expect((await readJob(id, c1.token)).body.data.status).toBe('committing');
    // … and once it has (the time passed, here written into the row), it reads as failed.
    await strapi()
      .db.connection(TABLE)
      .where({ document_id: id })
      .update({ updated_at: new Date(Date.now() - 6 * MINUTE) });
    const res = await readJob(id, c1.token);
    expect(res.body.data).toMatchObject({ status: 'failed', report: null });
    expect(res.body.data.error).toContain(INTERRUPTED);
    expect(await houses()).toBe(before);
  });
});
