import { Routes, Route } from 'react-router-dom';
import { HomePage } from './HomePage';
import { Board } from './Board';
import { MeetingPage } from './Meeting';
import { PrintPage } from './Print';

export const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="board" element={<Board />} />
    <Route path="meetings/:documentId" element={<MeetingPage />} />
    <Route path="meetings/:documentId/print" element={<PrintPage />} />
    <Route path="*" element={<HomePage />} />
  </Routes>
);
