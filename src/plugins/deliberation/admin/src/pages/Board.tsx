import { useState } from 'react';
import {
  Main,
  Box,
  Flex,
  Typography,
  Badge,
  Table,
  Thead,
  Tbody,
  Tr,
  Th,
  Td,
  SingleSelect,
  SingleSelectOption,
  Field,
  Button,
} from '@strapi/design-system';
import { useT } from '../hooks/useT';
import { useData, WrappingTable } from '@grassroots/kit/admin';
import { Nav } from './Nav';
import { ItemActions } from '../components/ItemActions';

type Item = {
  documentId: string;
  title: string;
  ownerName: string;
  ownerKind: string;
  dueDate: string;
  status: string;
  overdue: boolean;
  meetingTitle: string;
};
type Owner = { ownerName: string; pending: number; overdue: number; done: number; verified: number; total: number };

/** Action-item board: per owner, overdue first. */
export const Board = () => {
  const t = useT();
  const [status, setStatus] = useState('');
  const [owner, setOwner] = useState('');
  const [page, setPage] = useState(1);
  const qs = new URLSearchParams({
    page: String(page),
    pageSize: '50',
    ...(status ? { status } : {}),
    ...(owner ? { owner } : {}),
  });
  const items = useData<Item[], { pagination: { total: number } }>(`/deliberation/action-items?${qs}`);
  const owners = useData<Owner[]>('/deliberation/action-items/owners');
  const total = items.meta?.pagination.total ?? 0;
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('board.title')} />
        <Box paddingBottom={6}>
          <Typography variant="delta" tag="h2">
            {t('board.owners')}
          </Typography>
          <Table colCount={6} rowCount={(owners.data?.length ?? 0) + 1} data-testid="owners">
            <Thead>
              <Tr>
                <Th>{t('board.owner')}</Th>
                <Th>{t('board.pending')}</Th>
                <Th>{t('board.overdue')}</Th>
                <Th>{t('board.done')}</Th>
                <Th>{t('board.verified')}</Th>
                <Th>{t('board.total')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {(owners.data ?? []).map((o) => (
                <Tr
                  key={o.ownerName}
                  onClick={() => {
                    setOwner(o.ownerName);
                    setPage(1);
                  }}
                >
                  <Td>
                    <Typography>{o.ownerName}</Typography>
                  </Td>
                  <Td>
                    <Typography>{o.pending}</Typography>
                  </Td>
                  <Td>
                    {o.overdue ? (
                      <Badge backgroundColor="danger100" textColor="danger700">
                        {o.overdue}
                      </Badge>
                    ) : (
                      <Typography>0</Typography>
                    )}
                  </Td>
                  <Td>
                    <Typography>{o.done}</Typography>
                  </Td>
                  <Td>
                    <Typography>{o.verified}</Typography>
                  </Td>
                  <Td>
                    <Typography>{o.total}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </Box>
        <Flex gap={4} paddingBottom={4} alignItems="flex-end">
          <Box width="220px">
            <Field.Root>
              <Field.Label>{t('board.status')}</Field.Label>
              <SingleSelect
                aria-label={t('board.status')}
                value={status}
                onChange={(v: string | number) => {
                  setStatus(String(v));
                  setPage(1);
                }}
              >
                <SingleSelectOption value="">{t('board.all')}</SingleSelectOption>
                {['open', 'in_progress', 'done', 'verified'].map((s) => (
                  <SingleSelectOption key={s} value={s}>
                    {t(`item.status.${s}`)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
          </Box>
          {owner && (
            <Button variant="secondary" onClick={() => setOwner('')}>
              {t('board.clearOwner', { owner })}
            </Button>
          )}
        </Flex>
        <WrappingTable>
          <Table colCount={7} rowCount={(items.data?.length ?? 0) + 1}>
            <Thead>
              <Tr>
                <Th>{t('item.title')}</Th>
                <Th>{t('board.owner')}</Th>
                <Th>{t('item.dueDate')}</Th>
                <Th>{t('board.status')}</Th>
                <Th>{t('item.meeting')}</Th>
                <Th> </Th>
                <Th>{t('item.actions')}</Th>
              </Tr>
            </Thead>
            <Tbody>
              {(items.data ?? []).map((i) => (
                <Tr key={i.documentId} data-testid={`item-${i.documentId}`}>
                  <Td>
                    <Typography>{i.title}</Typography>
                  </Td>
                  <Td>
                    <Typography>{i.ownerName}</Typography>
                  </Td>
                  <Td>
                    <Typography>{i.dueDate}</Typography>
                  </Td>
                  <Td>
                    <Badge>{t(`item.status.${i.status}`)}</Badge>
                  </Td>
                  <Td>
                    <Typography variant="pi">{i.meetingTitle}</Typography>
                  </Td>
                  <Td>
                    {i.overdue && (
                      <Badge backgroundColor="danger100" textColor="danger700">
                        {t('board.overdue')}
                      </Badge>
                    )}
                  </Td>
                  <Td>
                    <ItemActions
                      documentId={i.documentId}
                      status={i.status}
                      onMoved={() => {
                        items.reload();
                        owners.reload();
                      }}
                    />
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        </WrappingTable>
        {items.data?.length === 0 && (
          <Box padding={6}>
            <Typography textColor="neutral600">{t(status || owner ? 'board.emptyFiltered' : 'board.empty')}</Typography>
          </Box>
        )}
        <Flex gap={2} paddingTop={4}>
          <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('common.prev')}
          </Button>
          <Typography>{t('common.page', { page, total })}</Typography>
          <Button variant="tertiary" disabled={page * 50 >= total} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </Flex>
      </Box>
    </Main>
  );
};
