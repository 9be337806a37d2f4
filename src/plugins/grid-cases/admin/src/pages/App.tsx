import { Box, Main, Typography } from '@strapi/design-system';
import { translator } from '@grassroots/kit/admin';
import { PLUGIN_ID } from '../pluginId';

const useT = translator(PLUGIN_ID);

/** Placeholder until the 受理台, 督办台, 事项详情 and 统计 pages land: says what exists today. */
export const App = () => {
  const t = useT();
  return (
    <Main>
      <Box padding={8}>
        <Typography tag="h1" variant="alpha">
          {t('home.title')}
        </Typography>
        <Box paddingTop={4}>
          <Typography>{t('home.soon')}</Typography>
        </Box>
      </Box>
    </Main>
  );
};
