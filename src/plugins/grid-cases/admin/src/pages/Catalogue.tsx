import { Box, Main } from '@strapi/design-system';
import { Categories } from '../components/Categories';
import { MonthCalendar } from '../components/MonthCalendar';
import { Nav } from '../components/Nav';
import { useT } from '../hooks/useT';

/** 事项目录与工作日历: the categories with their limits, and the working-day calendar the limits count on. */
export const Catalogue = () => {
  const t = useT();
  return (
    <Main>
      <Box padding={8}>
        <Nav title={t('catalogue.title')} />
        <Categories />
        <Box paddingTop={8}>
          <MonthCalendar />
        </Box>
      </Box>
    </Main>
  );
};
