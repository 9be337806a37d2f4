import type { ComponentProps } from 'react';
import { Badge } from '@strapi/design-system';
import { useT } from '../pluginId';

type Props = ComponentProps<typeof Badge>;

const COLORS: Record<string, [Props['backgroundColor'], Props['textColor']]> = {
  draft: ['neutral150', 'neutral700'],
  self_assessed: ['secondary100', 'secondary700'],
  reviewed: ['alternative100', 'alternative700'],
  publicized: ['warning100', 'warning700'],
  approved: ['success100', 'success700'],
  rejected: ['danger100', 'danger700'],
  revoked: ['danger100', 'danger700'],
};

export const StatusBadge = ({ status }: { status: string | null }) => {
  const t = useT();
  const [bg, fg] = COLORS[status ?? 'draft'] ?? COLORS.draft;
  return (
    <Badge backgroundColor={bg} textColor={fg} data-status={status ?? 'none'}>
      {status ? t(`status.${status}`) : t('status.none')}
    </Badge>
  );
};
