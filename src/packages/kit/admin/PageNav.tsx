import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useLocation, useNavigate } from 'react-router-dom';

export interface PageNavTab {
  /** below the plugin's base path: '' for its first page, '/figures' for another */
  path: string;
  label: string;
  /** false hides the tab (the admin lacks the action its page needs) */
  shown?: boolean;
}

/**
 * A plugin page's title and the buttons between the plugin's pages, the current one pressed.
 * `base` is the plugin's path in the admin (`/plugins/<id>`).
 */
export const PageNav = ({
  base,
  title,
  subtitle,
  tabs,
}: {
  base: string;
  title: string;
  subtitle?: string;
  tabs: PageNavTab[];
}) => {
  const go = useNavigate();
  // with or without the admin's /admin basename, depending on the router that answers
  const here = useLocation().pathname.replace(/\/$/, '');
  return (
    <Box paddingBottom={6}>
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
      <Flex gap={2} paddingTop={3} wrap="wrap">
        {tabs
          .filter((tab) => tab.shown !== false)
          .map((tab) => (
            <Button
              key={tab.path}
              variant={here.endsWith(`${base}${tab.path}`) ? 'default' : 'tertiary'}
              onClick={() => go(`${base}${tab.path}`)}
            >
              {tab.label}
            </Button>
          ))}
      </Flex>
    </Box>
  );
};
