import { z } from 'zod';
import { r } from './route';
import { exportQuery, importJob, importQuery, importReport, jobParams, typeParams } from '../../validation/io';

// Excel in and out of every registry (一表): the caller's organisation only, personal values masked.
export default [
  {
    // An XLSX download (streamed): the rows of the registry within the caller's organisation, or the template.
    ...r('GET', '/export/:type', 'io.download', 'export'),
    request: { params: typeParams.shape, query: exportQuery.shape },
    openapi: {
      summary: '导出 Excel（或空模板） Export a registry as XLSX, or its empty template',
      file: {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        description: 'the XLSX file: Chinese headers, personal values masked, formula-safe text',
      },
    },
  },
  {
    // multipart/form-data, the .xlsx under `file`. 200: the report; 202: a big file goes on as a job.
    ...r('POST', '/import/:type', 'io.import', 'import'),
    request: { params: typeParams.shape, query: importQuery.shape },
    response: z.object({ data: z.union([importReport, importJob]) }),
    openapi: {
      summary: '导入 Excel（可先试导入） Import a registry from XLSX (dry run first)',
      multipart: { file: 'the filled-in template (.xlsx), checked by its bytes' },
      accepted: 'a big file goes on as a background job: the answer is the job; poll GET /registers/import/jobs/{id}',
    },
  },
  {
    // A background import's progress and, once done, its report (only for the administrator who started it).
    ...r('GET', '/import/jobs/:id', 'io.job', 'import'),
    request: { params: jobParams.shape },
    response: z.object({ data: importJob }),
    openapi: { summary: '后台导入进度与结果 A background import: progress and report' },
  },
];
