import { Box, Main } from '@strapi/design-system';
import { useSearchParams } from 'react-router-dom';
import { Nav } from '../components/Nav';
import { GridSheetView } from '../components/sheet/GridSheetView';
import { SummaryTable } from '../components/sheet/SummaryTable';
import { useT } from '../hooks/useT';

// Printing a sheet: only the sheet, on A4, without the admin's menus and buttons.
const PRINT_CSS = `@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body * { visibility: hidden; }
  [data-print-area], [data-print-area] * { visibility: visible; }
  [data-print-area] { position: absolute; left: 0; top: 0; width: 100%; }
  [data-no-print] { display: none !important; }
}`;

/** 一表: the summary of the caller's grids, and one grid's information sheet (`?grid=<documentId>`) to print. */
export const Sheet = () => {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const grid = params.get('grid');
  return (
    <Main>
      <style>{PRINT_CSS}</style>
      <Box padding={8}>
        <Nav title={t('sheet.title')} />
        {grid ? (
          <GridSheetView grid={grid} onBack={() => setParams({})} />
        ) : (
          <SummaryTable onOpen={(g) => setParams({ grid: g })} />
        )}
      </Box>
    </Main>
  );
};
