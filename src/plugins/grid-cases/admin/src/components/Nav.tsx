import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useLocation, useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';
import { useCan } from '../hooks/useCan';

const BASE = '/plugins/grid-cases';
const TABS = [
  { path: '', key: 'nav.intake' },
  { path: '/supervision', key: 'nav.supervision' },
  { path: '/figures', key: 'nav.figures', needs: 'figures' as const },
  { path: '/representatives', key: 'nav.representatives' },
  { path: '/catalogue', key: 'nav.catalogue' },
];

/** The page title and the plugin's sub-pages (受理台, 督办台, 统计, 代表委员履职, 事项目录与工作日历). */
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

export const caseUrl = (documentId: string) => `${BASE}/cases/${documentId}`;
