import { z } from 'zod';
import { r } from './route';
import { exportQuery, importJob, importQuery, importReport, jobParams, typeParams } from '../../validation/io';

// Excel in and out of every registry (一表): the caller's organisation only, personal values masked.
export default [
  {
    // An XLSX download (streamed): the rows of the registry within the caller's organisation, or the template.
    ...r('GET', '/export/:type', 'io.download', 'export'),
    request: { params: typeParams.shape, query: exportQuery.shape },
  },
  {
    // multipart/form-data, the .xlsx under `file`. 200: the report; 202: a big file goes on as a job.
    ...r('POST', '/import/:type', 'io.import', 'import'),
    request: { params: typeParams.shape, query: importQuery.shape },
    response: z.object({ data: z.union([importReport, importJob]) }),
  },
  {
    // A background import's progress and, once done, its report (only for the administrator who started it).
    ...r('GET', '/import/jobs/:id', 'io.job', 'import'),
    request: { params: jobParams.shape },
    response: z.object({ data: importJob }),
  },
];
