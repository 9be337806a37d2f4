import { useState, type ReactNode } from 'react';
import { Flex, Typography } from '@strapi/design-system';
import { ExportButtons, ModalError, useErrorMessage } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';
import { PeriodFields, type Period } from './PeriodFields';

/**
 * The toolbar of a table over a period (统计, 代表委员履职): any fields of the page's own (`children`),
 * the period, the Excel/CSV download of the same `url`, the line that says what is counted (`rule`), and
 * a failed download's refusal.
 */
export const PeriodToolbar = ({
  period,
  url,
  filename,
  rule,
  children,
}: {
  period: Period;
  url: string;
  filename: string;
  rule: string;
  children?: ReactNode;
}) => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string | null>(null);
  return (
    <>
      <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
        {children}
        <PeriodFields period={period} />
        <ExportButtons
          url={url}
          filename={filename}
          labels={{ xlsx: t('figures.exportXlsx'), csv: t('figures.exportCsv') }}
          onError={(e) => setFailure(errorMessage(e))}
        />
      </Flex>
      <Typography variant="pi" textColor="neutral600">
        {rule}
      </Typography>
      <ModalError error={failure} paddingTop={2} />
    </>
  );
};
