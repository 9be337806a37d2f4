import { Box, Main } from '@strapi/design-system';
import { EmptyStateLayout } from '@strapi/design-system';
import { Nav } from '../components/Nav';
import { useT } from '../hooks/useT';

// Placeholder until the page is built (the registers plugin is being assembled; see its README).
export const Sheet = () => {
  const t = useT();
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('sheet.title')} />
        <EmptyStateLayout content={t('sheet.empty')} />
      </Box>
    </Main>
  );
};
