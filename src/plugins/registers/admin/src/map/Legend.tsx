import { Box, Flex, Typography } from '@strapi/design-system';
import { enumLabel, type Locale } from '@grassroots/kit/shared';
import { useIntl } from 'react-intl';
import { useT } from '../hooks/useT';
import { BRANCH_COLOURS, GRID_COLOUR, URGENCY_COLOURS, USE_COLOURS } from './style';

const HOUSE = 'plugin::registers.house';
const BRANCH = 'api::branch.branch';

const Swatch = ({ colour, label }: { colour: string; label: string }) => (
  <Flex gap={1} alignItems="center">
    <span style={{ display: 'inline-block', width: 12, height: 12, borderRadius: 6, background: colour }} />
    <Typography variant="pi">{label}</Typography>
  </Flex>
);

/** 图例: the colours of the map shown, with labels in the admin's language (enumerations from the kit's labels). */
export const Legend = ({ tab, cases }: { tab: 'grids' | 'branches' | 'houses'; cases: boolean }) => {
  const t = useT();
  const locale: Locale = useIntl().locale === 'en' ? 'en' : 'zh-Hans';
  const items: Array<[string, string]> =
    tab === 'grids'
      ? [[GRID_COLOUR, t('maps.legend.grid')]]
      : tab === 'branches'
        ? Object.entries(BRANCH_COLOURS).map(([kind, colour]) => [
            colour,
            kind === 'service_centre' ? t('maps.legend.serviceCentre') : enumLabel(BRANCH, 'level', kind, locale),
          ])
        : Object.entries(USE_COLOURS).map(([use, colour]) => [colour, enumLabel(HOUSE, 'use', use, locale)]);
  const urgency: Array<[string, string]> = cases
    ? Object.entries(URGENCY_COLOURS).map(([u, colour]) => [colour, t(`maps.legend.urgency.${u}`)])
    : [];
  return (
    <Box paddingTop={3} paddingBottom={2}>
      <Flex gap={4} wrap="wrap" data-testid="maps-legend">
        <Typography variant="sigma">{t('maps.legend')}</Typography>
        {[...items, ...urgency].map(([colour, label]) => (
          <Swatch key={`${colour}-${label}`} colour={colour} label={label} />
        ))}
      </Flex>
    </Box>
  );
};
