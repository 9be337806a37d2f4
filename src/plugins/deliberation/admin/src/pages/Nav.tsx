import { Flex, Button, Typography, Box } from '@strapi/design-system';
import { useNavigate } from 'react-router-dom';
import { useT } from '../hooks/useT';

export const Nav = ({ title }: { title: string }) => {
  const t = useT();
  const go = useNavigate();
  return (
    <Box paddingBottom={6}>
      <Typography variant="alpha" tag="h1">
        {title}
      </Typography>
      <Flex gap={2} paddingTop={3}>
        <Button variant="tertiary" onClick={() => go('/plugins/deliberation')}>
          {t('nav.calendar')}
        </Button>
        <Button variant="tertiary" onClick={() => go('/plugins/deliberation/board')}>
          {t('nav.board')}
        </Button>
      </Flex>
    </Box>
  );
};
