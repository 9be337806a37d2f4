import type { Core, UID } from '@strapi/strapi';
import { invalid, type RouteScope } from '@grassroots/kit/server';
import { readRows, requireXlsx } from '../read';
import type { Registry } from '../registries/types';
import { mapHeader, parseRow } from './parse';
import { plan, type Step } from './plan';
import type { FileRow, ImportReport, Progress, RowError } from './types';

export * from './types';

/** A report lists this many refusals at most (a wrong file would otherwise answer 100,000 lines). */
export const MAX_ERRORS = 1000;

export interface ImportOptions {
  dryRun: boolean;
  scope: RouteScope;
  onProgress?: (p: Progress) => void;
  /** Awaited once the file is checked and before the write transaction begins (a job's phase boundary). */
  beforeCommit?: () => Promise<void>;
}

/** Reads and checks the whole file (streamed from disk); nothing is written here. */
export async function readFile(
  registry: Registry,
  path: string,
  errors: RowError[],
  onRead?: (n: number) => void,
): Promise<FileRow[]> {
  await requireXlsx(path);
  const rows: FileRow[] = [];
  let columns: ReturnType<typeof mapHeader> | undefined;
  for await (const { row, cells } of readRows(path)) {
    if (!columns) columns = mapHeader(registry, cells);
    else {
      rows.push(parseRow(registry, columns, row, cells, errors));
      if (rows.length % 1000 === 0) onRead?.(rows.length);
    }
  }
  if (!columns) throw invalid('file', 'has no header row (文件为空：首行须为列名，请使用下载的模板)');
  return rows;
}

/**
 * Writes the plan in ONE transaction through the Document Service (so the organisation scope of
 * every row is computed and checked as for any other write): all rows or none.
 */
async function write(
  strapi: Core.Strapi,
  registry: Registry,
  steps: Map<number, Step>,
  onWritten: (n: number) => void,
): Promise<void> {
  const docs = strapi.documents(registry.uid as UID.ContentType);
  await strapi.db.transaction(async () => {
    let n = 0;
    for (const step of steps.values()) {
      if (step.kind === 'create') await docs.create({ data: step.data } as never);
      else if (step.kind === 'update') await docs.update({ documentId: step.documentId, data: step.data } as never);
      n += 1;
      if (n % 500 === 0) onWritten(n);
    }
    onWritten(n);
  });
}

/** Dry run or commit of one uploaded file: the report says what was (or would be) created, updated, left. */
export async function importFile(
  strapi: Core.Strapi,
  registry: Registry,
  path: string,
  options: ImportOptions,
): Promise<ImportReport> {
  const progress: Progress = { read: 0, validated: 0, written: 0 };
  const tell = (p: Partial<Progress>) => options.onProgress?.(Object.assign(progress, p));
  const errors: RowError[] = [];
  const rows = await readFile(registry, path, errors, (read) => tell({ read }));
  tell({ read: rows.length });
  const steps = await plan(strapi, registry, rows, options.scope, errors);
  tell({ validated: rows.length });
  const count = (kind: Step['kind']) => [...steps.values()].filter((s) => s.kind === kind).length;
  const commit = !options.dryRun && errors.length === 0;
  if (commit) {
    await options.beforeCommit?.();
    await write(strapi, registry, steps, (written) => tell({ written }));
  }
  errors.sort((a, b) => a.row - b.row);
  return {
    rows: rows.length,
    created: count('create'),
    updated: count('update'),
    unchanged: count('unchanged'),
    errors: errors.slice(0, MAX_ERRORS),
    dryRun: options.dryRun,
    committed: commit,
  };
}
