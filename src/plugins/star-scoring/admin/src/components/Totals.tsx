import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useT } from '../pluginId';
import type { runningTotals } from '../utils/totals';

/** Live sum against the pass threshold, with the veto verdict; recomputed on every keystroke. */
export const Totals = ({ totals }: { totals: ReturnType<typeof runningTotals> }) => {
  const t = useT();
  return (
    <Box
      padding={4}
      background="neutral100"
      hasRadius
      data-testid="totals"
      data-sum={totals.sum}
      data-passed={totals.passed ? 'yes' : 'no'}
    >
      <Flex gap={4} wrap="wrap">
        <Typography variant="delta" data-testid="totals-sum">
          {t('totals.sum', { sum: totals.sum, threshold: totals.threshold })}
        </Typography>
        {totals.passed ? (
          <Badge backgroundColor="success100" textColor="success700">
            {t('totals.pass')}
          </Badge>
        ) : (
          <Badge backgroundColor="danger100" textColor="danger700">
            {t('totals.fail')}
          </Badge>
        )}
        {totals.vetoFailed ? (
          <Badge backgroundColor="danger100" textColor="danger700">
            {t('totals.vetoFailed')}
          </Badge>
        ) : null}
        {totals.over.length ? (
          <Typography textColor="danger600">{t('totals.over', { codes: totals.over.join('、') })}</Typography>
        ) : null}
      </Flex>
    </Box>
  );
};
