import { useState } from 'react';
import { Box, Checkbox, Flex, IconButton, Link, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { PLUGIN_ID, useT } from '../pluginId';
import { useErrorMessage } from '@grassroots/kit/admin';
import type { FileRef } from './Files';

/**
 * Evidence files of one criterion on the form: upload (multipart to POST /assessments/:id/evidence, the
 * server checks type and status) and remove while the sheet is still open to changes.
 */
export const EvidenceFiles = ({
  assessment,
  criterion,
  files,
  editable,
  onChanged,
  onError,
}: {
  assessment: string;
  criterion: string;
  files?: FileRef[];
  editable: boolean;
  onChanged: () => void;
  onError: (m: string) => void;
}) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post, del } = useFetchClient();
  const [internal, setInternal] = useState(false);
  const [busy, setBusy] = useState(false);
  const base = `/${PLUGIN_ID}/assessments/${assessment}/evidence`;

  const upload = async (file?: File) => {
    if (!file) return;
    const form = new FormData();
    form.append('criterion', criterion);
    form.append('internal', String(internal));
    form.append('file', file);
    setBusy(true);
    try {
      await post(base, form);
      onChanged();
    } catch (e) {
      onError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string | number) => {
    try {
      await del(`${base}/${id}`);
      onChanged();
    } catch (e) {
      onError(errorMessage(e));
    }
  };

  return (
    <Box paddingTop={1} data-testid={`files-${criterion}`}>
      {(files ?? []).map((f) => (
        <Flex key={f.id} gap={1} data-file={f.name}>
          <Link href={f.url} isExternal>
            {f.name}
            {f.internal ? `（${t('evidence.internal')}）` : ''}
          </Link>
          {editable ? (
            <IconButton label={t('evidence.remove')} variant="ghost" onClick={() => remove(f.id)}>
              <Trash />
            </IconButton>
          ) : null}
        </Flex>
      ))}
      {editable ? (
        <Flex gap={2} paddingTop={1} alignItems="center">
          <Typography variant="pi" tag="label">
            {t('evidence.upload')}{' '}
            <input
              type="file"
              name={`file-${criterion}`}
              disabled={busy}
              onChange={(e) => {
                upload(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
          </Typography>
          <Checkbox checked={internal} onCheckedChange={(v: boolean | 'indeterminate') => setInternal(v === true)}>
            {t('evidence.fileInternal')}
          </Checkbox>
        </Flex>
      ) : null}
    </Box>
  );
};
