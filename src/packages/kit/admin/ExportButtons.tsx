import { useState } from 'react';
import { Button, Flex } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { EXPORT_FORMATS, type ExportFormat } from '../shared/export';
import { downloadFile } from './download';

export interface ExportButtonsProps {
  /** The admin route of the table, with its filters; `format=<csv|xlsx>` is appended. */
  url: string;
  /** File name without extension. */
  filename: string;
  /** Button texts from the plugin's translations, e.g. 导出 Excel / 导出 CSV. */
  labels: Record<ExportFormat, string>;
  /** A failed download, for the page's error banner. */
  onError?: (e: unknown) => void;
}

/** The Excel and CSV buttons of a table: the files come from the kit's export writer on the server. */
export const ExportButtons = ({ url, filename, labels, onError }: ExportButtonsProps) => {
  const { get } = useFetchClient();
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const download = async (format: ExportFormat) => {
    setBusy(format);
    try {
      const sep = url.includes('?') ? '&' : '?';
      await downloadFile(get, `${url}${sep}format=${format}`, `${filename}.${format}`);
    } catch (e) {
      onError?.(e);
    } finally {
      setBusy(null);
    }
  };
  // Excel first: it is what staff open; CSV stays for other tools.
  return (
    <Flex gap={2}>
      {[...EXPORT_FORMATS].reverse().map((format) => (
        <Button
          key={format}
          variant={format === 'xlsx' ? 'default' : 'secondary'}
          startIcon={<Download />}
          loading={busy === format}
          disabled={busy !== null && busy !== format}
          onClick={() => void download(format)}
          data-testid={`export-${format}`}
        >
          {labels[format]}
        </Button>
      ))}
    </Flex>
  );
};
