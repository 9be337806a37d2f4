import type { StrapiApp } from '@strapi/strapi/admin';
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

interface Header {
  name: string;
  attribute?: { type?: string };
  cellFormatter?: (row: Record<string, unknown>) => React.ReactNode;
}

/** An enumeration value as staff read it: the same translation the edit select and filters use. */
const EnumCell = ({ value }: { value: unknown }) => {
  const { formatMessage } = useIntl();
  if (typeof value !== 'string' || value === '') return <Typography textColor="neutral800">-</Typography>;
  return <Typography textColor="neutral800">{formatMessage({ id: value, defaultMessage: value })}</Typography>;
};

/**
 * Strapi's list view prints an enumeration's stored key (`community_branch`) while its edit
 * select and filters translate it: list cells get the same label here. Stored keys stay what the
 * API and OpenAPI document say.
 */
export function registerEnumCells(app: StrapiApp): void {
  app.registerHook(
    'Admin/CM/pages/ListView/inject-column-in-table',
    ({ displayedHeaders, layout }: { displayedHeaders: Header[]; layout: unknown }) => ({
      layout,
      displayedHeaders: displayedHeaders.map((header) =>
        header.attribute?.type === 'enumeration'
          ? { ...header, cellFormatter: (row: Record<string, unknown>) => <EnumCell value={row[header.name]} /> }
          : header,
      ),
    }),
  );
}
