import type { ReactNode } from 'react';
import { styled } from 'styled-components';

// The design system's Table never wraps (white-space: nowrap) and scrolls sideways instead, so a table with
// long Chinese titles or notes pushes its last columns (scores, action buttons) out of a 1440 px screen.
const Wrap = styled.div`
  table {
    white-space: normal;
  }
  td {
    vertical-align: top;
  }
  th {
    white-space: nowrap;
  }
`;

/** Wraps a design-system Table so that long cell text wraps and every column stays on screen. */
export const WrappingTable = ({ children }: { children: ReactNode }) => <Wrap data-wrapping-table="">{children}</Wrap>;
