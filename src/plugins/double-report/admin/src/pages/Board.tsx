import { Badge, Box, Button, Grid, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNavigate } from 'react-router-dom';
import { EmptyBlock, useData } from '@grassroots/kit/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { ItemEvaluation } from '../components/ItemEvaluation';

import type { Board as BoardData } from '../types';

const EMPTY: BoardData = { need: [], resource: [], project: [] };
const CREATE_ITEM = `/content-manager/collection-types/plugin::${PLUGIN_ID}.list-item/create`;
/** The three lists of one community, side by side, with who claimed what. */
export const Board = ({ community }: { community: string }) => {
  const t = useT();
  const go = useNavigate();
  const { data, reload } = useData<BoardData>(`/${PLUGIN_ID}/communities/${community}/board`);
  const board = data ?? EMPTY;
  return (
    <Grid.Root gap={4} paddingTop={4}>
      {(['need', 'resource', 'project'] as const).map((type) => (
        <Grid.Item key={type} col={4} direction="column" alignItems="stretch">
          <Typography variant="delta" tag="h2">
            {t(`list.${type}`)}
          </Typography>
          {data && board[type].length === 0 && (
            <>
              <EmptyBlock>{t(`board.empty.${type}`)}</EmptyBlock>
              <Box paddingTop={2}>
                <Button variant="secondary" startIcon={<Plus />} onClick={() => go(CREATE_ITEM)}>
                  {t('board.add')}
                </Button>
              </Box>
            </>
          )}
          {board[type].map((i) => (
            <Box key={i.documentId} padding={3} marginTop={2} background="neutral0" shadow="tableShadow" hasRadius>
              <Typography fontWeight="bold">{i.title}</Typography>
              <Box paddingTop={1}>
                <Badge>{t(`status.${i.status}`)}</Badge>
              </Box>
              {i.claimedBy && (
                <Typography variant="pi">
                  {t('claimedBy')}: {i.claimedBy}
                </Typography>
              )}
              {i.rating != null && (
                <Typography variant="pi" tag="p">
                  {t('evaluate.rating')}: {'★'.repeat(i.rating)}
                </Typography>
              )}
              {i.status === 'done' && <ItemEvaluation documentId={i.documentId} onSaved={reload} />}
            </Box>
          ))}
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
