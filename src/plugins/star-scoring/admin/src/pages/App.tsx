import { Routes, Route } from 'react-router-dom';
import { HomePage } from './HomePage';
import { Dashboard } from './Dashboard';
import { Scorecard } from './Scorecard';
import { AssessmentPage } from './Assessment';

export const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="dashboard" element={<Dashboard />} />
    <Route path="branches/:documentId" element={<Scorecard />} />
    <Route path="assessments/:documentId" element={<AssessmentPage />} />
    <Route path="*" element={<HomePage />} />
  </Routes>
);
