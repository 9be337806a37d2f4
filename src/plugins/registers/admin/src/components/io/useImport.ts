import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import { useErrorMessage } from '@grassroots/kit/admin';
import { isJobRunning, type ImportJobView, type ImportReportView } from '../../../../shared/io-types';

const POLL_MS = 1000;

/**
 * Uploads a file for a dry run or a commit. A small file answers its report at once; a big one
 * answers 202 with a job, polled until it is done (its progress drives the page's bar). The job lives in
 * the database: behind a load balancer any instance answers the poll.
 */
export function useImport() {
  const { post, get } = useFetchClient();
  const message = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReportView | null>(null);
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || !isJobRunning(job.status)) return undefined;
    const timer = setTimeout(async () => {
      try {
        const res = (await get(`/registers/import/jobs/${job.id}`)) as { data: { data: ImportJobView } };
        const next = res.data.data;
        setJob(next);
        if (next.status === 'done') setReport(next.report);
        if (next.status === 'failed') setError(next.error);
        if (!isJobRunning(next.status)) setBusy(false);
      } catch (e) {
        setError(message(e));
        setBusy(false);
      }
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, get, message]);

  const send = async (type: string, file: File, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    setReport(null);
    setJob(null);
    try {
      const body = new FormData();
      body.append('file', file);
      const res = (await post(`/registers/import/${type}${dryRun ? '?dryRun=true' : ''}`, body)) as {
        status?: number;
        data: { data: ImportReportView | ImportJobView };
      };
      const data = res.data.data;
      if ('id' in data) setJob(data);
      else {
        setReport(data);
        setBusy(false);
      }
    } catch (e) {
      setError(message(e));
      setBusy(false);
    }
  };
  const reset = () => {
    setReport(null);
    setJob(null);
    setError(null);
  };
  return { busy, report, job, error, send, reset };
}
