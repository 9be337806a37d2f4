import { useState } from 'react';
import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useT } from '../hooks/useT';
import { useCan } from '../hooks/useCan';

/** What each status lets people do next (services/rules.ts FLOW); the server still checks role and order. */
const NEXT: Record<string, string[]> = {
  draft: ['save', 'submit'], self_assessed: ['review', 'reject'], reviewed: ['publicize', 'reject'],
  publicized: ['approve', 'reject'], approved: ['revoke'], rejected: ['reopen'], revoked: [],
};
const NEEDS_REASON = ['reject', 'revoke'];
/** The admin RBAC action each button needs (routes/admin.ts). */
const NEEDS: Record<string, 'assess' | 'review' | 'approve'> = {
  save: 'assess', submit: 'assess', reopen: 'assess', review: 'review', publicize: 'review', reject: 'review', approve: 'approve', revoke: 'approve',
};

export const FlowActions = ({ status, busy, onAction }: { status: string; busy: boolean; onAction: (action: string, extra: { reason?: string; endsOn?: string }) => void }) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const can = useCan();
  const actions = (NEXT[status] ?? []).filter((a) => can[NEEDS[a]]);
  return (
    <Flex gap={2} alignItems="flex-end" wrap="wrap" data-testid="actions" data-rbac={can.loading ? 'loading' : 'ready'}>
      {actions.includes('publicize') ? (
        <Field.Root name="endsOn"><Field.Label>{t('flow.endsOn')}</Field.Label><TextInput name="endsOn" type="date" value={endsOn} onChange={(e: any) => setEndsOn(e.target.value)} /></Field.Root>
      ) : null}
      {actions.some((a) => NEEDS_REASON.includes(a)) ? (
        <Field.Root name="reason"><Field.Label>{t('flow.reason')}</Field.Label><TextInput name="reason" value={reason} onChange={(e: any) => setReason(e.target.value)} /></Field.Root>
      ) : null}
      {actions.map((a) => (
        <Button
          key={a}
          loading={busy}
          variant={NEEDS_REASON.includes(a) ? 'danger-light' : a === 'save' ? 'secondary' : 'default'}
          data-action={a}
          onClick={() => onAction(a, { reason, endsOn })}
        >
          {t(`flow.${a}`)}
        </Button>
      ))}
    </Flex>
  );
};
