import { Link } from 'react-router-dom';
import { Typography } from '@strapi/design-system';
import { caseUrl } from './Nav';

/** A case's title linking to its detail page (事项详情). */
export const CaseLink = ({ documentId, title }: { documentId: string; title: string }) => (
  <Link to={caseUrl(documentId)} data-testid={`case-link-${documentId}`}>
    <Typography textColor="primary600">{title}</Typography>
  </Link>
);
