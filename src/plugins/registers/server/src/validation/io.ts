import { z } from 'zod';
import { IMPORT_JOB_STATUSES } from '../../../shared/io-types';
import { REGISTRY_TYPES } from '../io/registries/types';

const flag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const typeParams = z.object({
  type: z.string().describe(`registry: ${REGISTRY_TYPES.join(', ')}`),
});
export const exportQuery = z.object({
  template: flag.describe('true: the empty template (drop-downs, 说明 sheet) instead of the rows'),
});
export const importQuery = z.object({
  dryRun: flag.describe('true: check and report, write nothing'),
});
export const jobParams = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9]{1,64}$/, 'must be a job id')
    .describe('the job id of the 202 answer'),
});

const progress = z.object({ read: z.number(), validated: z.number(), written: z.number() });
export const importReport = z.object({
  rows: z.number().describe('data rows read (header not counted)'),
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  errors: z
    .array(
      z.object({
        row: z.number().describe('Excel row number'),
        column: z.string().describe('Chinese header of the column'),
        message: z.string().describe('what is wrong (Chinese)'),
      }),
    )
    .describe('at most 1000; any error means nothing was written'),
  dryRun: z.boolean(),
  committed: z.boolean().describe('true when the rows were written (one transaction)'),
});
export const importJob = z.object({
  id: z.string(),
  type: z.string().describe('the registry'),
  status: z
    .enum(IMPORT_JOB_STATUSES)
    .describe('queued → validating → committing → done | failed (also when its server died: 导入中断，请重新上传)'),
  dryRun: z.boolean(),
  progress: progress.describe('rows read, checked (all at once), written'),
  report: importReport.nullable().describe('once done'),
  error: z.string().nullable().describe('why the whole file failed (Chinese)'),
  startedAt: z.string(),
  updatedAt: z.string().describe('last progress written'),
  finishedAt: z.string().nullable(),
});
