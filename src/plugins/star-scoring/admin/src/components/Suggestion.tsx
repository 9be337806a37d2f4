import { Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../pluginId';

export type Suggestion = {
  code: string;
  metricKey: string;
  available: boolean;
  value: number | null;
  figures: Record<string, unknown>;
  suggestedScore: number | null;
};

/** The score a registered metric suggests for a criterion, with the figures it was computed from. */
export const SuggestionView = ({ s, onUse }: { s?: Suggestion; onUse?: (score: number) => void }) => {
  const t = useT();
  if (!s) return null;
  if (!s.available || s.suggestedScore == null)
    return <Typography textColor="neutral500">{t('suggest.none', { metric: s.metricKey })}</Typography>;
  const figures = Object.entries(s.figures ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('，');
  return (
    <Flex direction="column" alignItems="flex-start" gap={1} data-testid={`suggest-${s.code}`}>
      <Typography>{t('suggest.score', { score: s.suggestedScore })}</Typography>
      <Typography variant="pi" textColor="neutral600">
        {s.metricKey}: {s.value}
        {figures ? `（${figures}）` : ''}
      </Typography>
      {onUse ? (
        <Button size="S" variant="tertiary" onClick={() => onUse(s.suggestedScore as number)}>
          {t('suggest.use')}
        </Button>
      ) : null}
    </Flex>
  );
};
