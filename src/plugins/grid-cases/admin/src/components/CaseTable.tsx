import type { ReactNode } from 'react';
import { Box, Table, Tbody, Td, Tr, Typography } from '@strapi/design-system';
import { EmptyBlock, TableHead, WrappingTable } from '@grassroots/kit/admin';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { CaseLink } from './CaseLink';

/** A column between a case table's title and its actions: plain `text`, or a `cell` of its own. */
export type CaseColumn<R> = { label: string } & ({ text: (row: R) => ReactNode } | { cell: (row: R) => ReactNode });

type Row = { documentId: string; title: string };

export type CaseTableProps<R extends Row> = {
  rows: R[];
  columns: CaseColumn<R>[];
  /** Each row's data-testid is `${testId}-${documentId}`; the e2e tests find rows by it. */
  testId: string;
  /** Tells staff what to do when there is no row. */
  empty: string;
  actions: (row: R) => ReactNode;
};

/**
 * The desks' tables of cases (受理台, 督办台): the case's linked title, the given columns, then the moves
 * staff may make on it — or, without a row, what to do instead.
 */
export const CaseTable = <R extends Row>({ rows, columns, testId, empty, actions }: CaseTableProps<R>) => {
  const t = useT();
  const l = useLabels();
  if (rows.length === 0) return <EmptyBlock>{empty}</EmptyBlock>;
  return (
    <WrappingTable>
      <Table colCount={columns.length + 2} rowCount={rows.length + 1}>
        <TableHead labels={[l.field('title'), ...columns.map((c) => c.label), t('action.actions')]} />
        <Tbody>
          {rows.map((r) => (
            <Tr key={r.documentId} data-testid={`${testId}-${r.documentId}`}>
              <Td>
                <CaseLink documentId={r.documentId} title={r.title} />
              </Td>
              {columns.map((c) => (
                <Td key={c.label}>{'text' in c ? <Typography>{c.text(r)}</Typography> : c.cell(r)}</Td>
              ))}
              <Td>{actions(r)}</Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
    </WrappingTable>
  );
};

/** A desk's section: its heading, then its table of cases. `first` leaves out the space above the heading. */
export const CaseSection = <R extends Row>({
  title,
  first,
  ...table
}: CaseTableProps<R> & { title: string; first?: boolean }) => {
  const heading = (
    <Typography variant="delta" tag="h2">
      {title}
    </Typography>
  );
  return (
    <>
      {first ? heading : <Box paddingTop={8}>{heading}</Box>}
      <CaseTable {...table} />
    </>
  );
};
