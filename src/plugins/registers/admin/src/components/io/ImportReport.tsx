import { Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, TableHead } from '@grassroots/kit/admin';
import type { ImportReportView } from '../../../../shared/io-types';
import { useT } from '../../hooks/useT';

/** What a dry run found (or a commit wrote): the counts, then each refused cell by Excel row and column. */
export const ImportReport = ({ report }: { report: ImportReportView }) => {
  const t = useT();
  const counts = (['rows', 'created', 'updated', 'unchanged'] as const).map((k) => (
    <Typography key={k} data-testid={`io-count-${k}`}>
      {t(`io.count.${k}`)}: <b>{report[k]}</b>
    </Typography>
  ));
  const outcome = report.committed ? 'io.committed' : report.errors.length ? 'io.refused' : 'io.checked';
  return (
    <Box paddingTop={4} data-testid="io-report">
      <Typography variant="delta" tag="h2" textColor={report.errors.length ? 'danger600' : 'success600'}>
        {t(outcome, { n: report.errors.length })}
      </Typography>
      <Flex gap={6} paddingTop={2} paddingBottom={4}>
        {counts}
      </Flex>
      {report.errors.length ? (
        <Table colCount={3} rowCount={report.errors.length + 1}>
          <TableHead labels={[t('io.error.row'), t('io.error.column'), t('io.error.message')]} />
          <Tbody>
            {report.errors.map((e) => (
              <Tr key={`${e.row}-${e.column}`}>
                <Td>{e.row}</Td>
                <Td>{e.column}</Td>
                <Td>{e.message}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      ) : (
        <EmptyBlock>{t(report.committed ? 'io.noErrors.committed' : 'io.noErrors')}</EmptyBlock>
      )}
    </Box>
  );
};
