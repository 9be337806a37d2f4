import { useEffect, useState } from 'react';
import { Badge, Box, Grid, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';
import { ItemEvaluation } from '../components/ItemEvaluation';

type Item = { documentId: string; title: string; status: string; dueDate: string | null; claimedBy: string | null; rating: number | null };
const t = (id: string) => `${PLUGIN_ID}.${id}`;

/** The three lists of one community, side by side, with who claimed what. */
export const Board = ({ community }: { community: string }) => {
  const { formatMessage } = useIntl();
  const { get } = useFetchClient();
  const [board, setBoard] = useState<Record<string, Item[]>>({ need: [], resource: [], project: [] });
  const load = () => get(`/${PLUGIN_ID}/communities/${community}/board`).then(({ data }: any) => setBoard(data.data));
  useEffect(() => {
    load();
  }, [community]);
  return (
    <Grid.Root gap={4} paddingTop={4}>
      {(['need', 'resource', 'project'] as const).map((type) => (
        <Grid.Item key={type} col={4} direction="column" alignItems="stretch">
          <Typography variant="delta" tag="h2">{formatMessage({ id: t(`list.${type}`), defaultMessage: type })}</Typography>
          {board[type].length === 0 && <Typography textColor="neutral600">{formatMessage({ id: t('empty'), defaultMessage: 'Nothing yet' })}</Typography>}
          {board[type].map((i) => (
            <Box key={i.documentId} padding={3} marginTop={2} background="neutral0" shadow="tableShadow" hasRadius>
              <Typography fontWeight="bold">{i.title}</Typography>
              <Box paddingTop={1}>
                <Badge>{formatMessage({ id: t(`status.${i.status}`), defaultMessage: i.status })}</Badge>
              </Box>
              {i.claimedBy && <Typography variant="pi">{formatMessage({ id: t('claimedBy'), defaultMessage: 'Claimed by' })}: {i.claimedBy}</Typography>}
              {i.rating != null && <Typography variant="pi" tag="p">{formatMessage({ id: t('evaluate.rating'), defaultMessage: 'Rating' })}: {'★'.repeat(i.rating)}</Typography>}
              {i.status === 'done' && <ItemEvaluation documentId={i.documentId} onSaved={load} />}
            </Box>
          ))}
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
