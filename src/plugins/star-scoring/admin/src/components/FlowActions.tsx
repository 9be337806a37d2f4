import { useState, type ChangeEvent } from 'react';
import { Button, Field, Flex, TextInput } from '@strapi/design-system';
import { nextStates } from '@grassroots/kit/shared';
import { useT } from '../pluginId';
import { useCan } from '../hooks/useCan';
import { ASSESSMENT_FLOW, MOVE_TO, type Action, type Move } from '../../../shared/flow';

/** A button: a move of the shared flow, or saving the draft's scores. */
export type FlowButton = Move | 'save';

const NEEDS_REASON: FlowButton[] = ['reject', 'revoke'];

/**
 * The buttons of a status: the moves the shared flow allows from it (the same table the server
 * enforces), each shown only to an admin holding its action; a draft can also be saved.
 */
function buttonsOf(status: string): Array<{ button: FlowButton; action: Action }> {
  const moves = nextStates(ASSESSMENT_FLOW, status).map((to) => ({
    button: MOVE_TO[to].move as FlowButton,
    action: MOVE_TO[to].action,
  }));
  return status === 'draft' ? [{ button: 'save', action: 'assess' }, ...moves] : moves;
}

export const FlowActions = ({
  status,
  busy,
  onAction,
}: {
  status: string;
  busy: boolean;
  onAction: (action: FlowButton, extra: { reason?: string; endsOn?: string }) => void;
}) => {
  const t = useT();
  const [reason, setReason] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const can = useCan();
  const actions = buttonsOf(status)
    .filter((b) => can[b.action])
    .map((b) => b.button);
  return (
    <Flex gap={2} alignItems="flex-end" wrap="wrap" data-testid="actions" data-rbac={can.loading ? 'loading' : 'ready'}>
      {actions.includes('publicize') ? (
        <Field.Root name="endsOn">
          <Field.Label>{t('flow.endsOn')}</Field.Label>
          <TextInput
            name="endsOn"
            type="date"
            value={endsOn}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setEndsOn(e.target.value)}
          />
        </Field.Root>
      ) : null}
      {actions.some((a) => NEEDS_REASON.includes(a)) ? (
        <Field.Root name="reason">
          <Field.Label>{t('flow.reason')}</Field.Label>
          <TextInput
            name="reason"
            value={reason}
            onChange={(e: ChangeEvent<HTMLInputElement>) => setReason(e.target.value)}
          />
        </Field.Root>
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
