import { useRef, useState } from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  Main,
  ProgressBar,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Download, Upload } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { downloadFile, useErrorMessage } from '@grassroots/kit/admin';
import { typeName, type Locale } from '@grassroots/kit/shared';
import { REGISTRY_TYPES, REGISTRY_UIDS, isJobRunning, type RegistryType } from '../../../shared/io-types';
import { Nav } from '../components/Nav';
import { ImportReport } from '../components/io/ImportReport';
import { useImport } from '../components/io/useImport';
import { useT } from '../hooks/useT';
import { useCan } from '../hooks/useCan';

/** Reading is 40 % of a big import's bar, checking 20 %, writing the rest (a dry run ends at checking). */
function percent(p: { read: number; validated: number; written: number }, dryRun: boolean): number {
  if (!p.validated) return Math.min(40, p.read ? 20 + Math.log10(p.read) * 4 : 5);
  if (dryRun) return 100;
  return Math.round(60 + (40 * p.written) / Math.max(1, p.validated));
}

/** Excel 导入导出: pick a registry, download its template or export, upload, check (dry run), then commit. */
export const Io = () => {
  const t = useT();
  const can = useCan();
  const { locale } = useIntl();
  const { get } = useFetchClient();
  const message = useErrorMessage();
  const [type, setType] = useState<RegistryType>('house');
  const [file, setFile] = useState<File | null>(null);
  const [dryRun, setDryRun] = useState(true);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const upload = useImport();
  const name = (r: RegistryType) => typeName(REGISTRY_UIDS[r], (locale === 'en' ? 'en' : 'zh-Hans') as Locale);

  const download = async (template: boolean) => {
    setDownloadError(null);
    try {
      await downloadFile(
        get,
        `/registers/export/${type}${template ? '?template=true' : ''}`,
        `${type}${template ? '-template' : ''}.xlsx`,
      );
    } catch (e) {
      setDownloadError(message(e));
    }
  };
  const check = (commit: boolean) => {
    if (!file) return;
    setDryRun(!commit);
    void upload.send(type, file, !commit);
  };
  const checked = upload.report && upload.report.dryRun && !upload.report.errors.length;

  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('io.title')} />
        <Flex gap={4} alignItems="flex-end" wrap="wrap">
          <Field.Root name="type">
            <Field.Label>{t('io.type')}</Field.Label>
            <SingleSelect
              aria-label={t('io.type')}
              value={type}
              onChange={(v: string | number) => {
                setType(String(v) as RegistryType);
                setFile(null);
                upload.reset();
              }}
            >
              {REGISTRY_TYPES.map((r) => (
                <SingleSelectOption key={r} value={r}>
                  {name(r)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
          {can.export && (
            <>
              <Button variant="secondary" startIcon={<Download />} onClick={() => void download(true)}>
                {t('io.template')}
              </Button>
              <Button variant="secondary" startIcon={<Download />} onClick={() => void download(false)}>
                {t('io.export')}
              </Button>
            </>
          )}
        </Flex>
        {downloadError && (
          <Typography role="alert" textColor="danger600">
            {downloadError}
          </Typography>
        )}
        {can.import && (
          <Box paddingTop={6}>
            <Flex gap={4} alignItems="center" wrap="wrap">
              {/* The design system has no file picker: a hidden native input behind its button. */}
              <input
                ref={input}
                type="file"
                accept=".xlsx"
                hidden
                data-testid="io-file"
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  upload.reset();
                }}
              />
              <Button variant="tertiary" startIcon={<Upload />} onClick={() => input.current?.click()}>
                {file ? file.name : t('io.pick')}
              </Button>
              <Button disabled={!file || upload.busy} loading={upload.busy && dryRun} onClick={() => check(false)}>
                {t('io.check')}
              </Button>
              <Button
                variant="success"
                disabled={!checked || upload.busy}
                loading={upload.busy && !dryRun}
                onClick={() => check(true)}
              >
                {t('io.commit')}
              </Button>
            </Flex>
          </Box>
        )}
        {upload.job && isJobRunning(upload.job.status) && (
          <Box paddingTop={4} data-testid="io-progress">
            <Typography>
              {t(`io.status.${upload.job.status}`)}
              {' · '}
              {t('io.progress', {
                read: upload.job.progress.read,
                validated: upload.job.progress.validated,
                written: upload.job.progress.written,
              })}
            </Typography>
            <Box paddingTop={2} width="400px">
              <ProgressBar value={percent(upload.job.progress, upload.job.dryRun)} />
            </Box>
          </Box>
        )}
        {upload.error && (
          <Box paddingTop={4}>
            <Typography role="alert" textColor="danger600">
              {upload.error}
            </Typography>
          </Box>
        )}
        {upload.report ? (
          <ImportReport report={upload.report} />
        ) : (
          !upload.job &&
          !upload.error && (
            <Box paddingTop={6}>
              <Typography textColor="neutral600">{t(can.import ? 'io.empty' : 'io.emptyExportOnly')}</Typography>
            </Box>
          )
        )}
      </Box>
    </Main>
  );
};
