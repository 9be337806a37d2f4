// Bench scenario: Excel in and out of the registers. Writes an XLSX of BENCH_IO_HOUSES houses (default
// 100,000, exceljs' streaming writer: the file is never a workbook in memory) in one building of one
// grid of a community, imports it as that community's staff (role community-staff, assigned to the
// community: the rows lie within their organisation) through POST /registers/import/house (202 and a
// background job above 5,000 rows; polled until done) and exports the houses back through
// GET /registers/export/house. Prints wall time, rows/s, bytes and the server's peak RSS over its idle
// RSS for each, sampled every 100 ms (the server runs in this process). Target of the issue: peak
// within +300 MB.
const fs = require('fs');
const os = require('os');
const path = require('path');
const ExcelJS = require('exceljs');
const { staffSession } = require('../lib/staff-session');

const HOUSES = Number(process.env.BENCH_IO_HOUSES || 100000);
const MB = 1024 * 1024;
const state = {};

/** Peak RSS while `work` runs, sampled every 100 ms. */
async function peakRss(work) {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 100);
  const t = Date.now();
  try {
    const out = await work();
    return { out, peak, seconds: (Date.now() - t) / 1000 };
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
    state.file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-io-')), 'houses.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: state.file, useSharedStrings: false });
    const sheet = book.addWorksheet('房屋');
    sheet.addRow(['小区编码', '网格编码', '楼栋号', '单元', '房号', '楼层', '面积', '用途']).commit();
    for (let i = 0; i < HOUSES; i += 1)
      sheet
        .addRow([null, 'BENCH-IO-G', '压测1号楼', 1 + (i % 6), String(i + 1), 1 + (i % 30), 60 + (i % 80), '自住'])
        .commit();
    sheet.commit();
    await book.commit();
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
        `RSS idle ${(idle / MB).toFixed(0)} MB, peak +${((imported.peak - idle) / MB).toFixed(0)} MB`,
    );
    global.gc?.();
    const idle2 = process.memoryUsage().rss;
    const exported = await peakRss(async () => {
      const res = await fetch(`${baseUrl}/registers/export/house`, { headers: state.headers });
      if (res.status !== 200) throw new Error(`registers-io export answered ${res.status} ${await res.text()}`);
      let bytes = 0;
      for await (const chunk of res.body) bytes += chunk.length;
      return bytes;
    });
    note(
      `registers-io export of ${HOUSES} houses: ${exported.seconds.toFixed(1)} s, ${(exported.out / MB).toFixed(2)} MB (${exported.out} bytes), ` +
        `RSS idle ${(idle2 / MB).toFixed(0)} MB, peak +${((exported.peak - idle2) / MB).toFixed(0)} MB`,
    );
    fs.rmSync(path.dirname(state.file), { recursive: true, force: true });
  },
};
