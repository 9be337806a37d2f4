import { Badge } from '@strapi/design-system';
import { useT } from '../hooks/useT';

const COLOURS = {
  ok: ['success100', 'success700'],
  warning: ['warning100', 'warning700'],
  overdue: ['danger100', 'danger700'],
} as const;

/** 督办: on time, warning (80 % of the time gone) or overdue. */
export const UrgencyBadge = ({ urgency }: { urgency: 'ok' | 'warning' | 'overdue' | null }) => {
  const t = useT();
  if (!urgency) return null;
  const [bg, fg] = COLOURS[urgency];
  return (
    <Badge backgroundColor={bg} textColor={fg} data-testid={`urgency-${urgency}`}>
      {t(`urgency.${urgency}`)}
    </Badge>
  );
};
