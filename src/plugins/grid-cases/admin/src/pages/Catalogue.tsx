import { Box, Main, Typography } from '@strapi/design-system';
import { Categories } from '../components/Categories';
import { MonthCalendar } from '../components/MonthCalendar';
import { Nav } from '../components/Nav';
import { useCan } from '../hooks/useCan';
import { useT } from '../hooks/useT';

/**
 * 事项目录与工作日历: the categories with their limits, and the working-day calendar the limits count on.
 * County-wide: only the county (the `catalogue` action) edits; the others see them read-only.
 */
export const Catalogue = () => {
  const t = useT();
  const can = useCan();
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('catalogue.title')} />
        {!can.catalogue && (
          <Box paddingBottom={4}>
            <Typography textColor="neutral600" data-testid="catalogue-read-only">
              {t('catalogue.readOnly')}
            </Typography>
          </Box>
        )}
        <Categories />
        <Box paddingTop={8}>
          <MonthCalendar />
        </Box>
      </Box>
    </Main>
  );
};
