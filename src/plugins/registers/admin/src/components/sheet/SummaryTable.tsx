import { useState, type ChangeEvent } from 'react';
import { Box, Button, Field, Flex, Table, Tbody, Td, TextInput, Tr, Typography } from '@strapi/design-system';
import {
  EmptyBlock,
  ExportButtons,
  PagePlaceholder,
  TableHead,
  useData,
  useErrorMessage,
  WrappingTable,
} from '@grassroots/kit/admin';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import type { SheetRow } from '../../types';

const COLUMNS = ['compounds', 'buildings', 'houses', 'residents', 'partyMembers', 'rentals', 'shops', 'firms'] as const;

/** 汇总: one row per grid of the caller's area; a row opens that grid's sheet. */
export const SummaryTable = ({ onOpen }: { onOpen: (grid: string) => void }) => {
  const t = useT();
  const errorMessage = useErrorMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const url = `/${PLUGIN_ID}/sheet`;
  const { data, error } = useData<SheetRow[]>(url);
  const rows = (data ?? []).filter((r) => !filter || r.name.includes(filter) || r.code.includes(filter));
  return (
    <Box>
      <Flex gap={4} paddingBottom={4} alignItems="flex-end" wrap="wrap">
        <Field.Root name="filter">
          <Field.Label>{t('sheet.filter')}</Field.Label>
          <TextInput value={filter} onChange={(e: ChangeEvent<HTMLInputElement>) => setFilter(e.target.value)} />
        </Field.Root>
        <ExportButtons
          url={url}
          filename="registers-grid-sheet"
          labels={{ xlsx: t('sheet.exportXlsx'), csv: t('sheet.exportCsv') }}
          onError={(e) => setFailure(errorMessage(e))}
        />
      </Flex>
      {failure && (
        <Typography role="alert" textColor="danger600">
          {failure}
        </Typography>
      )}
      {!data ? (
        <PagePlaceholder bare error={error} />
      ) : rows.length === 0 ? (
        <EmptyBlock>{t(data.length ? 'sheet.filter.none' : 'sheet.empty')}</EmptyBlock>
      ) : (
        <WrappingTable>
          <Table colCount={COLUMNS.length + 2} rowCount={rows.length + 1}>
            <TableHead labels={[t('sheet.grid'), ...COLUMNS.map((c) => t(`sheet.count.${c}`)), '']} />
            <Tbody>
              {rows.map((r) => (
                <Tr key={r.documentId} data-testid="sheet-summary-row">
                  <Td>
                    <Typography>{`${r.name}（${r.code}）`}</Typography>
                  </Td>
                  {COLUMNS.map((c) => (
                    <Td key={c}>
                      <Typography>{r[c]}</Typography>
                    </Td>
                  ))}
                  <Td>
                    <Button size="S" variant="secondary" onClick={() => onOpen(r.documentId)}>
                      {t('sheet.open')}
                    </Button>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </WrappingTable>
      )}
    </Box>
  );
};
