import { Box, Button, Flex, Grid, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { PagePlaceholder, TableHead, useData, WrappingTable } from '@grassroots/kit/admin';
import { enumLabel, type Locale } from '@grassroots/kit/shared';
import { useIntl } from 'react-intl';
import { useCan } from '../../hooks/useCan';
import { useT } from '../../hooks/useT';
import { PLUGIN_ID } from '../../pluginId';
import type { GridSheet } from '../../types';
import { COUNT_GROUPS } from './counts';
import { RevealModal } from './RevealModal';

/** The 网格基础信息表 of one grid, laid out to print on one A4 page (Sheet.tsx holds the print rules). */
export const GridSheetView = ({ grid, onBack }: { grid: string; onBack: () => void }) => {
  const t = useT();
  const can = useCan();
  const { locale } = useIntl();
  const lang: Locale = locale.startsWith('en') ? 'en' : 'zh-Hans';
  const { data, error } = useData<GridSheet>(`/${PLUGIN_ID}/sheet/${grid}`);
  if (!data) return <PagePlaceholder bare error={error} />;
  return (
    <Box data-print-area>
      <Flex justifyContent="space-between" alignItems="flex-start" paddingBottom={4}>
        <Box>
          <Typography variant="beta" tag="h2" data-testid="sheet-grid-name">
            {t('sheet.form', { name: data.name })}
          </Typography>
          <Typography textColor="neutral600" tag="p">
            {t('sheet.subtitle', { code: data.code, community: data.community ?? '—' })}
          </Typography>
        </Box>
        <Flex gap={2} data-no-print>
          <Button variant="tertiary" onClick={onBack}>
            {t('sheet.back')}
          </Button>
          <Button onClick={() => window.print()} data-testid="sheet-print">
            {t('sheet.print')}
          </Button>
        </Flex>
      </Flex>
      <Typography variant="delta" tag="h3">
        {t('sheet.heads')}
      </Typography>
      <Box paddingTop={2} paddingBottom={4}>
        {data.heads.length === 0 ? (
          <Typography textColor="neutral600">{t('sheet.heads.empty')}</Typography>
        ) : (
          <WrappingTable>
            <Table colCount={4} rowCount={data.heads.length + 1}>
              <TableHead
                labels={[t('sheet.head.role'), t('sheet.head.name'), t('sheet.head.phone'), t('sheet.head.place')]}
              />
              <Tbody>
                {data.heads.map((h, i) => (
                  <Tr key={`${h.role}-${i}`} data-testid="sheet-head">
                    <Td>
                      <Typography>{enumLabel('grid.head', 'role', h.role, lang)}</Typography>
                    </Td>
                    <Td>
                      <Typography>{h.name}</Typography>
                    </Td>
                    <Td>
                      {h.phone && can.reveal ? (
                        <RevealModal
                          type="grid"
                          documentId={data.documentId}
                          field={`heads.${i}.phone`}
                          masked={h.phone}
                        />
                      ) : (
                        <Typography>{h.phone ?? '—'}</Typography>
                      )}
                    </Td>
                    <Td>
                      <Typography>{[h.building, h.unit].filter(Boolean).join(' ') || '—'}</Typography>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </WrappingTable>
        )}
      </Box>
      <Grid.Root gap={4}>
        {COUNT_GROUPS.map((g) => (
          <Grid.Item key={g.title} col={4} s={12} direction="column" alignItems="stretch">
            <Typography variant="delta" tag="h3">
              {t(g.title)}
            </Typography>
            {g.items.map((k) => (
              <Flex key={k} justifyContent="space-between" paddingTop={2}>
                <Typography>{t(`sheet.count.${k}`)}</Typography>
                <Typography fontWeight="bold" data-testid={`sheet-count-${k}`}>
                  {data[k]}
                </Typography>
              </Flex>
            ))}
          </Grid.Item>
        ))}
      </Grid.Root>
      <Box paddingTop={4}>
        <Typography variant="delta" tag="h3">
          {t('sheet.compounds')}
        </Typography>
        <Typography tag="p">
          {data.compoundNames.length ? data.compoundNames.join('、') : t('sheet.compounds.empty')}
        </Typography>
      </Box>
    </Box>
  );
};
