import { Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../pluginId';

type Row = { from: string | null; to: string; actor: string; reason?: string | null; at: string };

/** The append-only transition log of an assessment (who, when, from, to, why). */
export const History = ({ rows }: { rows: Row[] }) => {
  const t = useT();
  return (
    <Box paddingTop={2} data-testid="history">
      <Typography variant="sigma">{t('history.title')}</Typography>
      {rows.map((h, i) => (
        <Flex key={i} gap={2}>
          <Typography textColor="neutral600">{new Date(h.at).toLocaleString()}</Typography>
          <Typography>
            {h.from ? t(`status.${h.from}`) : '∅'} → {t(`status.${h.to}`)}
          </Typography>
          <Typography textColor="neutral600">{h.actor}</Typography>
          {h.reason ? <Typography textColor="neutral600">「{h.reason}」</Typography> : null}
        </Flex>
      ))}
    </Box>
  );
};
