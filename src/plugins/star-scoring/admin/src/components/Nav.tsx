import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { PLUGIN_ID, useT } from '../pluginId';

/** Page title and the links between the plugin's pages. */
export const Nav = ({ title, subtitle }: { title: string; subtitle?: string }) => {
  const t = useT();
  const go = useNavigate();
  return (
    <Box paddingBottom={4}>
      <Typography variant="alpha" tag="h1">
        {title}
      </Typography>
      {subtitle ? (
        <Box paddingTop={1}>
          <Typography variant="epsilon" textColor="neutral600">
            {subtitle}
          </Typography>
        </Box>
      ) : null}
      <Flex gap={2} paddingTop={3}>
        <Button variant="tertiary" onClick={() => go(`/plugins/${PLUGIN_ID}`)}>
          {t('nav.ranking')}
        </Button>
        <Button variant="tertiary" onClick={() => go(`/plugins/${PLUGIN_ID}/dashboard`)}>
          {t('nav.dashboard')}
        </Button>
      </Flex>
    </Box>
  );
};
