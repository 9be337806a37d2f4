import { Routes, Route } from 'react-router-dom';
import { HomePage } from './HomePage';

export const App = () => (
  <Routes>
    <Route index element={<HomePage />} />
    <Route path="*" element={<HomePage />} />
  </Routes>
);
