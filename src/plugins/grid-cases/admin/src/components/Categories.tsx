import { Badge, Box, Flex, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, PagePlaceholder, TableHead, useData } from '@grassroots/kit/admin';
import { useCan } from '../hooks/useCan';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { CategoryModal } from './CategoryModal';
import type { Category } from '../types';

/** 事项目录: each category with its time limit (当日 / N 个工作日), default owner and whether it is offered. */
export const Categories = () => {
  const t = useT();
  const l = useLabels();
  const can = useCan();
  const { data, error, reload } = useData<Category[]>(`/${PLUGIN_ID}/catalogue/categories`);
  if (!data) return <PagePlaceholder bare error={error} />;
  return (
    <Box>
      <Flex justifyContent="space-between" paddingBottom={3}>
        <Typography variant="delta" tag="h2">
          {t('catalogue.categories')}
        </Typography>
        {can.catalogue && <CategoryModal onSaved={reload} />}
      </Flex>
      {data.length === 0 ? (
        <EmptyBlock>{t(can.catalogue ? 'catalogue.empty' : 'catalogue.emptyReadOnly')}</EmptyBlock>
      ) : (
        <Table colCount={5} rowCount={data.length + 1}>
          <TableHead
            labels={[
              l.categoryField('name'),
              t('catalogue.timeLimit'),
              l.categoryField('defaultOwnerName'),
              l.categoryField('active'),
              '',
            ]}
          />
          <Tbody>
            {data.map((c) => (
              <Tr key={c.documentId} data-testid="category-row">
                <Td>
                  <Typography>{c.name}</Typography>
                </Td>
                <Td>
                  <Typography>{t('catalogue.limit', { n: c.timeLimitDays })}</Typography>
                </Td>
                <Td>
                  <Typography>
                    {c.defaultOwnerKind
                      ? `${l.ownerKind(c.defaultOwnerKind)}${c.defaultOwnerName ? ` · ${c.defaultOwnerName}` : ''}`
                      : '—'}
                  </Typography>
                </Td>
                <Td>
                  <Badge
                    backgroundColor={c.active ? 'success100' : 'neutral150'}
                    textColor={c.active ? 'success700' : 'neutral600'}
                  >
                    {t(c.active ? 'common.yes' : 'common.no')}
                  </Badge>
                </Td>
                <Td>{can.catalogue && <CategoryModal category={c} onSaved={reload} />}</Td>
              </Tr>
            ))}
          </Tbody>
        </Table>
      )}
    </Box>
  );
};
