import { Route, Routes } from 'react-router-dom';
import { CaseDetail } from './CaseDetail';
import { Catalogue } from './Catalogue';
import { Figures } from './Figures';
import { Intake } from './Intake';
import { Representatives } from './Representatives';
import { Supervision } from './Supervision';

/** The plugin's pages under /plugins/grid-cases (受理台 first: it is where new cases wait). */
export const App = () => (
  <Routes>
    <Route index element={<Intake />} />
    <Route path="supervision" element={<Supervision />} />
    <Route path="figures" element={<Figures />} />
    <Route path="representatives" element={<Representatives />} />
    <Route path="catalogue" element={<Catalogue />} />
    <Route path="cases/:documentId" element={<CaseDetail />} />
    <Route path="*" element={<Intake />} />
  </Routes>
);
