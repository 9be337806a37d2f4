import { Badge, Box, Flex, Loader, Typography } from '@strapi/design-system';
import { Link } from 'react-router-dom';
import { translator, useData } from '@grassroots/kit/admin';
import type { TodoItem } from '../../home/contract';

const useT = translator('grassroots');

/** The staff home page's first widget: each line a count of what waits, linked to the page that handles it. */
export const TodoWidget = () => {
  const t = useT();
  const { data, error, loading } = useData<TodoItem[]>('/grassroots/todo');
  if (loading) {
    return (
      <Flex height="100%" justifyContent="center" alignItems="center">
        <Loader small>{t('todo.title')}</Loader>
      </Flex>
    );
  }
  if (error) return <Typography textColor="danger600">{t('todo.error', { message: error })}</Typography>;
  const items = data ?? [];
  const waiting = items.filter((i) => i.count !== 0);
  if (waiting.length === 0) return <Typography textColor="neutral600">{t('todo.none')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={1} tag="ul">
      {waiting.map((item) => (
        <Box key={item.key} tag="li" paddingTop={2} paddingBottom={2} borderColor="neutral150">
          <Flex justifyContent="space-between" gap={2}>
            <Link to={item.href} data-todo={item.key}>
              <Typography textColor="primary600">{t(`todo.${item.key}`)}</Typography>
            </Link>
            {item.count === null ? (
              <Typography variant="pi" textColor="neutral500">
                {t('todo.unscoped')}
              </Typography>
            ) : (
              <Badge active>{item.count}</Badge>
            )}
          </Flex>
        </Box>
      ))}
    </Flex>
  );
};
