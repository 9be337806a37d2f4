// Bench scenario: Excel in and out of the registers. Writes an XLSX of BENCH_IO_HOUSES houses (default
// 100,000, exceljs' streaming writer: the file is never a workbook in memory) in one building of one
// grid of a community, imports it as that community's staff (role community-staff, assigned to the
// community: the rows lie within their organisation) through POST /registers/import/house (202 and a
// background job above 5,000 rows; polled until done) and exports the houses back through
// GET /registers/export/house, then imports BENCH_IO_UPDATES (default 2,000) of them again with a new area
// (every row an update). Prints wall time, rows/s, bytes and the server's peak RSS over its idle
// RSS for each, sampled every 100 ms (the server runs in this process). Target of the issue: peak
// within +300 MB.
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { staffSession } = require('../lib/staff-session');

const HOUSES = Number(process.env.BENCH_IO_HOUSES || 100000);
/** Rows of the second file, each an update (the Document Service, one by one): below the job threshold. */
const UPDATES = Math.min(HOUSES, Number(process.env.BENCH_IO_UPDATES || 2000));
const MB = 1024 * 1024;
const state = {};

/** An XLSX of `n` houses of the bench's building (exceljs' streaming writer), areas shifted by `shift`. */
async function writeHouses(file, n, shift) {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = book.addWorksheet('房屋');
  sheet.addRow(['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途']).commit();
  for (let i = 0; i < n; i += 1)
    sheet
      .addRow([
        null,
        'BENCH-IO-G',
        '压测1号楼',
        1 + (i % 6),
        String(i + 1),
        1 + (i % 30),
        60 + (i % 80) + shift,
        '自住',
      ])
      .commit();
  sheet.commit();
  await book.commit();
}

/**
 * Peak RSS while `work` runs, sampled every 100 ms, and the peak of the JavaScript heap in use beside it
 * (RSS also holds garbage the collector has not returned yet, and the heap's own reserve).
 */
async function peakRss(work) {
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 100);
  const t = Date.now();
  try {
    const out = await work();
    return { out, peak, heap, seconds: (Date.now() - t) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

module.exports = {
  name: 'registers-io',
  async setup({ strapi, baseUrl, note }) {
    const branches = strapi.documents('api::branch.branch');
    const branch = (data) => branches.create({ data: { category: 'urban', ...data }, status: 'published' });
    const county = await branch({ name: '压测县委', code: 'BENCH-IO-WS', level: 'county_committee' });
    const street = await branch({
      name: '压测街道',
      code: 'BENCH-IO-S',
      level: 'street_committee',
      parent: county.documentId,
    });
    const community = await branch({
      name: '压测社区',
      code: 'BENCH-IO-C',
      level: 'community_branch',
      parent: street.documentId,
    });
    const grid = await strapi.documents('api::grid.grid').create({
      data: { name: '压测网格', code: 'BENCH-IO-G', level: 'base', branch: community.documentId },
      status: 'published',
    });
    await strapi
      .documents('plugin::registers.building')
      .create({ data: { number: '压测1号楼', grid: grid.documentId } });
    state.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-io-'));
    state.file = path.join(state.dir, 'houses.xlsx');
    await writeHouses(state.file, HOUSES, 0);
    // The first UPDATES houses again, each with a new area: every row an update.
    state.updates = path.join(state.dir, 'updates.xlsx');
    await writeHouses(state.updates, UPDATES, 1);
    const session = await staffSession(strapi, baseUrl, 'community-staff');
    await strapi
      .documents('api::staff-assignment.staff-assignment')
      .create({ data: { adminEmail: session.user.email, branch: community.documentId } });
    state.headers = session.headers;
    note(`registers-io: ${HOUSES} houses in ${(fs.statSync(state.file).size / MB).toFixed(1)} MB of XLSX`);
  },
  async run({ baseUrl, note }) {
    global.gc?.();
    const idle = process.memoryUsage().rss;
    const idleHeap = process.memoryUsage().heapUsed;
    const imported = await peakRss(async () => {
      const body = new FormData();
      // From disk, not a Buffer: the client's copy of the file is not the server's memory.
      body.append('file', await fs.openAsBlob(state.file), 'houses.xlsx');
      const res = await fetch(`${baseUrl}/registers/import/house`, { method: 'POST', headers: state.headers, body });
      const json = await res.json();
      if (res.status >= 400) throw new Error(`registers-io import answered ${res.status} ${JSON.stringify(json)}`);
      let answer = json.data;
      // queued, validating, committing: the job runs (done or failed: it ended)
      while (answer.status !== 'done' && answer.status !== 'failed' && answer.id) {
        await new Promise((r) => setTimeout(r, 1000));
        answer = (
          await (await fetch(`${baseUrl}/registers/import/jobs/${answer.id}`, { headers: state.headers })).json()
        ).data;
      }
      if (answer.status === 'failed') throw new Error(`registers-io import failed: ${answer.error}`);
      return answer.report ?? answer;
    });
    if (!imported.out.committed)
      throw new Error(`registers-io import not committed: ${JSON.stringify(imported.out.errors?.slice(0, 5))}`);
    const r = imported.out;
    note(
      `registers-io import of ${HOUSES} houses (community staff): ${imported.seconds.toFixed(1)} s, ` +
        `${Math.round(HOUSES / imported.seconds)} rows/s, created ${r.created}, errors ${r.errors?.length}, ` +
        `RSS idle ${(idle / MB).toFixed(0)} MB, peak +${((imported.peak - idle) / MB).toFixed(0)} MB ` +
        `(heap in use: idle ${(idleHeap / MB).toFixed(0)} MB, peak +${((imported.heap - idleHeap) / MB).toFixed(0)} MB)`,
    );
    global.gc?.();
    const idle2 = process.memoryUsage().rss;
    const idleHeap2 = process.memoryUsage().heapUsed;
    const exported = await peakRss(async () => {
      const res = await fetch(`${baseUrl}/registers/export/house`, { headers: state.headers });
      if (res.status !== 200) throw new Error(`registers-io export answered ${res.status} ${await res.text()}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      return bytes;
    });
    note(
      `registers-io export of ${HOUSES} houses: ${exported.seconds.toFixed(1)} s, ${(exported.out / MB).toFixed(2)} MB (${exported.out} bytes), ` +
        `RSS idle ${(idle2 / MB).toFixed(0)} MB, peak +${((exported.peak - idle2) / MB).toFixed(0)} MB ` +
        `(heap in use: idle ${(idleHeap2 / MB).toFixed(0)} MB, peak +${((exported.heap - idleHeap2) / MB).toFixed(0)} MB)`,
    );
    const t = Date.now();
    const body = new FormData();
    body.append('file', await fs.openAsBlob(state.updates), 'updates.xlsx');
    const res = await fetch(`${baseUrl}/registers/import/house`, { method: 'POST', headers: state.headers, body });
    const updated = (await res.json()).data;
    const seconds = (Date.now() - t) / 1000;
    if (res.status !== 200 || updated.updated !== UPDATES)
      throw new Error(`registers-io update answered ${res.status} ${JSON.stringify(updated)}`);
    note(
      `registers-io import of ${UPDATES} changed houses (every row an update): ${seconds.toFixed(1)} s, ` +
        `${Math.round(UPDATES / seconds)} rows/s`,
    );
    fs.rmSync(state.dir, { recursive: true, force: true });
  },
};
