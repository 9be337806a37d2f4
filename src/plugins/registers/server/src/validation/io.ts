import { z } from 'zod';
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
export const jobParams = z.object({ id: z.string().uuid() });

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
  type: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  progress,
  report: importReport.nullable(),
  error: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
