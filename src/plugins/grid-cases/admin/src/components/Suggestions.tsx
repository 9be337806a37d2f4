import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, TextCells, WrappingTable, useData } from '@grassroots/kit/admin';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { Duties } from '../types';
import { CaseLink } from './CaseLink';

/** One representative's suggestions (all of them, newest first), each linking to its case page. */
export const Suggestions = ({ documentId }: { documentId: string }) => {
  const t = useT();
  const labels = useLabels();
  const { data, error } = useData<Duties>(`/${PLUGIN_ID}/representatives/${documentId}/duties`);
  if (!data) return <PagePlaceholder bare error={error} />;
  return (
    <Box paddingTop={6} data-testid="duties-suggestions">
      <Typography variant="delta" tag="h2">
        {t('duties.suggestionsOf', { name: data.representative.name })}
      </Typography>
      {data.cases.length === 0 ? (
        <EmptyBlock>{t('duties.noSuggestions')}</EmptyBlock>
      ) : (
        <Box paddingTop={3}>
          <WrappingTable>
            <Table colCount={5} rowCount={data.cases.length + 1}>
              <TableHead
                labels={[
                  labels.field('title'),
                  labels.field('status'),
                  labels.field('reportedAt'),
                  labels.field('result'),
                  labels.field('satisfaction'),
                ]}
              />
              <Tbody>
                {data.cases.map((c) => (
                  <Tr key={c.documentId}>
                    <Td>
                      <CaseLink documentId={c.documentId} title={c.title} />
                    </Td>
                    <TextCells
                      values={[
                        labels.status(c.status),
                        labels.when(c.reportedAt),
                        c.result ?? '—',
                        c.satisfaction ? labels.satisfaction(c.satisfaction) : '—',
                      ]}
                    />
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </WrappingTable>
        </Box>
      )}
    </Box>
  );
};
