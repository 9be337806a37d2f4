import type { Core } from '@strapi/strapi';
import {
  conflict,
  currentAdmin,
  invalid,
  isUniqueViolation,
  writerOrganisation,
  type RouteScope,
} from '@grassroots/kit/server';
import { readRows } from '../read';
import type { Registry } from '../registries/types';
import { mapHeader, parseRow } from './parse';
import { plan, type Step } from './plan';
import type { FileRow, ImportReport, Progress, RowError } from './types';
import { writeSteps } from './write';

export * from './types';

/** A report lists this many refusals at most (a wrong file would otherwise answer 100,000 lines). */
export const MAX_ERRORS = 1000;
/** Rows checked (and written) together: one lookup per relation and one for the rows' keys per chunk. */
export const CHUNK = 1000;

export interface ImportOptions {
  dryRun: boolean;
  scope: RouteScope;
  onProgress?: (p: Progress) => void;
  /** Awaited once the file is checked and before the write transaction begins (a job's phase boundary). */
  beforeCommit?: () => Promise<void>;
}

interface Chunk {
  rows: FileRow[];
  /** the cells of these rows that did not parse */
  errors: RowError[];
}

/**
 * The data rows of the file (already known to be an XLSX: the service checks its bytes first), parsed,
 * a chunk at a time, streamed from disk: only one chunk is in memory. 400 `file` for a file that has
 * no header row or lacks a required column.
 */
async function* chunksOf(registry: Registry, path: string): AsyncGenerator<Chunk> {
  let columns: ReturnType<typeof mapHeader> | undefined;
  let chunk: Chunk = { rows: [], errors: [] };
  for await (const { row, cells } of readRows(path)) {
    if (!columns) columns = mapHeader(registry, cells);
    else {
      chunk.rows.push(parseRow(registry, columns, row, cells, chunk.errors));
      if (chunk.rows.length === CHUNK) {
        yield chunk;
        chunk = { rows: [], errors: [] };
      }
    }
  }
  if (!columns) throw invalid('file', 'has no header row (文件为空：首行须为列名，请使用下载的模板)');
  if (chunk.rows.length) yield chunk;
}

type Counts = Record<Step['kind'], number>;
const noCounts = (): Counts => ({ create: 0, update: 0, unchanged: 0 });
const tally = (counts: Counts, steps: Map<number, Step>) => {
  for (const step of steps.values()) counts[step.kind] += 1;
};

/** The report's refusals: the first MAX_ERRORS in row order (chunks come in row order), all of them counted. */
class Refusals {
  readonly list: RowError[] = [];
  total = 0;
  add(chunk: RowError[]): void {
    this.total += chunk.length;
    chunk.sort((a, b) => a.row - b.row);
    for (const e of chunk) if (this.list.length < MAX_ERRORS) this.list.push(e);
  }
}

/**
 * Writes the file in ONE transaction: all rows or none. The file is read again and every chunk
 * planned again inside the transaction — against what is stored now, not what the check saw — then
 * written. A row that the check passed and that is refused now means someone changed the data in
 * between (another import, an edit): 409, and nothing of this file stays written.
 */
async function writeFile(
  strapi: Core.Strapi,
  registry: Registry,
  path: string,
  scope: RouteScope,
  onWritten: (n: number) => void,
): Promise<Counts> {
  const writer = await writerOrganisation(strapi);
  const by = currentAdmin(strapi)?.id;
  const counts = noCounts();
  await strapi.db.transaction(async ({ trx }) => {
    const seen = new Map<string, number>();
    let written = 0;
    for await (const { rows, errors: refused } of chunksOf(registry, path)) {
      const steps = await plan(strapi, registry, rows, scope, refused, seen);
      if (refused.length) {
        const first = refused.sort((a, b) => a.row - b.row)[0];
        throw conflict(
          'file',
          `row ${first.row} (${first.column}) was refused after the check: the data changed meanwhile; import again (检查后数据已被修改：第 ${first.row} 行“${first.column}”${first.message}，请重新导入)`,
        );
      }
      tally(counts, steps);
      written += await writeSteps(strapi, registry, steps, { trx, writer, by });
      onWritten(written);
    }
  });
  return counts;
}

/** The commit; a lost race on a natural key (another import wrote the same rows first) is a 409 naming `file`. */
async function commit(...args: Parameters<typeof writeFile>): Promise<Counts> {
  try {
    return await writeFile(...args);
  } catch (err) {
    if (isUniqueViolation(err))
      throw conflict(
        'file',
        'another write stored the same records after the check; import again to see what changed (另一导入或编辑已先写入相同记录，请重新导入以核对)',
      );
    throw err;
  }
}

/**
 * Dry run or commit of one uploaded file: the report says what was (or would be) created, updated,
 * left. The check streams the file a chunk at a time and keeps only each row's key (for duplicates
 * across the file) and counters, so memory does not grow with the file; the commit reads it again.
 */
export async function importFile(
  strapi: Core.Strapi,
  registry: Registry,
  path: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const progress: Progress = { read: 0, validated: 0, written: 0 };
  const tell = (p: Partial<Progress>) => options.onProgress?.(Object.assign(progress, p));
  const refusals = new Refusals();
  let counts = noCounts();
  const seen = new Map<string, number>();
  let rows = 0;
  for await (const chunk of chunksOf(registry, path)) {
    rows += chunk.rows.length;
    tell({ read: rows });
    const steps = await plan(strapi, registry, chunk.rows, options.scope, chunk.errors, seen);
    tally(counts, steps);
    refusals.add(chunk.errors);
    tell({ validated: rows });
  }
  const committed = !options.dryRun && refusals.total === 0;
  if (committed) {
    await options.beforeCommit?.();
    // What was written, not what the check foresaw: an import that wrote the same rows meanwhile leaves them unchanged.
    counts = await commit(strapi, registry, path, options.scope, (written) => tell({ written }));
  }
  return {
    rows,
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    errors: refusals.list,
    dryRun: options.dryRun,
    committed,
  };
}
