import { Box, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { PLUGIN_ID } from '../pluginId';

export const HomePage = () => {
  const { formatMessage } = useIntl();
  return (
    <Box padding={8}>
      <Typography variant="alpha" tag="h1">
        {formatMessage({ id: `${PLUGIN_ID}.plugin.name`, defaultMessage: PLUGIN_ID })}
      </Typography>
    </Box>
  );
};
