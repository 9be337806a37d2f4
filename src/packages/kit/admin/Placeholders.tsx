import type { ReactNode } from 'react';
import { Box, Main, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { translator } from './useT';
import { KIT_MESSAGES_PREFIX } from './messages';

const useKitT = translator(KIT_MESSAGES_PREFIX);

/**
 * A page whose data has not arrived: "loading", or the refusal that stopped it (from `useData`'s
 * `error`, which already names the field and rule). `bare` leaves out the page frame (print views).
 */
export const PagePlaceholder = ({ error, bare }: { error?: string | null; bare?: boolean }) => {
  const t = useKitT();
  const block = (
    <Box padding={8}>
      {error ? (
        <Typography role="alert" textColor="danger600">
          {t('failed')}: {error}
        </Typography>
      ) : (
        <Typography aria-busy="true">{t('loading')}</Typography>
      )}
    </Box>
  );
  return bare ? block : <Main>{block}</Main>;
};

/** The line shown instead of an empty list; `children` overrides the kit's "nothing yet". */
export const EmptyBlock = ({ children }: { children?: ReactNode }) => {
  const t = useKitT();
  return (
    <Box paddingTop={2}>
      <Typography textColor="neutral600">{children ?? t('empty')}</Typography>
    </Box>
  );
};

/** A table's header row: one column label each, in the design system's small capitals. */
export const TableHead = ({ labels }: { labels: string[] }) => (
  <Thead>
    <Tr>
      {labels.map((label) => (
        <Th key={label}>
          <Typography variant="sigma">{label}</Typography>
        </Th>
      ))}
    </Tr>
  </Thead>
);

/** A row's plain cells: each value as text in its own cell, in order (a cell with more to it is written out). */
export const TextCells = ({ values }: { values: ReactNode[] }) => (
  <>
    {values.map((value, i) => (
      <Td key={i}>
        <Typography>{value}</Typography>
      </Td>
    ))}
  </>
);
