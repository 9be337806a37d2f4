import { Route, Routes } from 'react-router-dom';
import { Io } from './Io';
import { Maps } from './Maps';
import { Sheet } from './Sheet';

/** The plugin's pages under /plugins/registers (一表 first: the grid sheet is what staff print). */
export const App = () => (
  <Routes>
    <Route index element={<Sheet />} />
    <Route path="maps" element={<Maps />} />
    <Route path="io" element={<Io />} />
    <Route path="*" element={<Sheet />} />
  </Routes>
);
