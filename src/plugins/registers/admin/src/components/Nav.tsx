import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';
import { useCan, type Permission } from '../hooks/useCan';

const BASE = '/plugins/registers';
const TABS: Array<{ path: string; key: string; needs?: Permission }> = [
  { path: '', key: 'nav.sheet' },
  { path: '/maps', key: 'nav.maps', needs: 'map' },
  { path: '/io', key: 'nav.io' },
];

/** The page title and the plugin's sub-pages (一表, 三图, Excel 导入导出). */
export const Nav = ({ title }: { title: string }) => {
  const t = useT();
  const go = useNavigate();
  // with or without the admin's /admin basename, depending on the router that answers
  const here = useLocation().pathname.replace(/\/$/, '');
  const can = useCan();
  return (
    <Box paddingBottom={6}>
      <Typography variant="alpha" tag="h1">
        {title}
      </Typography>
      <Flex gap={2} paddingTop={3} wrap="wrap">
        {TABS.filter((tab) => !tab.needs || can[tab.needs]).map((tab) => (
          <Button
            key={tab.key}
            variant={here.endsWith(`${BASE}${tab.path}`) ? 'default' : 'tertiary'}
            onClick={() => go(`${BASE}${tab.path}`)}
          >
            {t(tab.key)}
          </Button>
        ))}
      </Flex>
    </Box>
  );
};
