import { useState } from 'react';
import { Box, Button, Flex } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ModalError, useErrorMessage } from '@grassroots/kit/admin';
import { type CASE_ACTIONS, ON_THE_CLOCK, actionAllowed, type CaseAction, type CaseStatus } from '../../../shared';
import { useCan, type Permission } from '../hooks/useCan';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import { DispatchModal } from './DispatchModal';
import { MergeModal } from './MergeModal';
import { ReasonModal } from './ReasonModal';
import type { CaseItem, CaseRef } from '../types';

type StaffAction = {
  [K in CaseAction]: (typeof CASE_ACTIONS)[K]['by'] extends 'staff' ? K : never;
}[CaseAction];

/** Which route and RBAC action carry each staff move (server/src/routes/admin.ts), and what it asks for. */
const STAFF_MOVES: Record<
  StaffAction,
  { path: string; permission: Permission; input: 'none' | 'reason' | 'dispatch' | 'merge' }
> = {
  accept: { path: 'accept', permission: 'intake', input: 'none' },
  return: { path: 'return', permission: 'intake', input: 'reason' },
  merge: { path: 'merge', permission: 'intake', input: 'merge' },
  dispatch: { path: 'dispatch', permission: 'dispatch', input: 'dispatch' },
  escalate: { path: 'escalate', permission: 'dispatch', input: 'reason' },
  verify: { path: 'verify', permission: 'verify', input: 'none' },
  sendBack: { path: 'send-back', permission: 'verify', input: 'reason' },
  archive: { path: 'archive', permission: 'verify', input: 'none' },
};

/**
 * The buttons of a case: the staff moves the shared flow table allows from its status (the same
 * table the server enforces), each shown only to an admin holding its RBAC action, and the
 * extension decision while one is pending. `only` narrows them for a desk (受理台: accept, return, merge).
 */
export const CaseActions = ({
  item,
  only,
  candidates = [],
  onDone,
}: {
  item: CaseItem;
  only?: StaffAction[];
  candidates?: Array<CaseRef & { metres?: number }>;
  onDone: () => void | Promise<void>;
}) => {
  const t = useT();
  const l = useLabels();
  const can = useCan();
  const { post } = useFetchClient();
  const errorMessage = useErrorMessage();
  const [message, setMessage] = useState<string | null>(null);
  const url = (path: string) => `/${PLUGIN_ID}/cases/${item.documentId}/${path}`;
  // modals show their own refusal; direct buttons show it here
  const send = async (path: string, body: Record<string, unknown>) => {
    await post(url(path), body);
    setMessage(null);
    await onDone();
  };
  const direct = async (path: string, body: Record<string, unknown> = {}) => {
    try {
      await send(path, body);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const moves = (Object.keys(STAFF_MOVES) as StaffAction[]).filter(
    (a) => (!only || only.includes(a)) && actionAllowed(a, item.status) && can[STAFF_MOVES[a].permission],
  );
  // 代为登记: the owner's own steps, for an owner named at 派单 that has no account here (a unit and an
  // owner account 承办方账号 sign themselves)
  const onBehalf =
    (!only || only.includes('dispatch')) &&
    can.dispatch &&
    item.owner &&
    item.owner.kind !== 'unit' &&
    !item.owner.account
      ? (['sign', 'start', 'handle'] as const).filter((a) => actionAllowed(a, item.status))
      : [];
  const deciding =
    (!only || only.includes('dispatch')) &&
    can.dispatch &&
    item.extension.status === 'requested' &&
    (ON_THE_CLOCK as readonly CaseStatus[]).includes(item.status as CaseStatus);
  return (
    <Box>
      <Flex gap={2} wrap="wrap">
        {moves.map((a) => {
          const move = STAFF_MOVES[a];
          if (move.input === 'dispatch')
            return <DispatchModal key={a} item={item} onSubmit={(b) => send(move.path, { ...b })} />;
          if (move.input === 'merge')
            return <MergeModal key={a} candidates={candidates} onSubmit={(into) => send(move.path, { into })} />;
          if (move.input === 'reason')
            return (
              <ReasonModal
                key={a}
                label={l.action(a)}
                variant={a === 'return' || a === 'sendBack' ? 'danger-light' : 'secondary'}
                onSubmit={(reason) => send(move.path, { reason })}
              />
            );
          return (
            <Button key={a} size="S" onClick={() => direct(move.path)}>
              {l.action(a)}
            </Button>
          );
        })}
        {onBehalf.map((a) =>
          a === 'handle' ? (
            <ReasonModal
              key={a}
              label={t('behalf.handle')}
              fieldLabel={l.field('result')}
              onSubmit={(result) => send('handle', { result })}
            />
          ) : (
            <Button key={a} size="S" variant="secondary" onClick={() => direct(a)}>
              {t(`behalf.${a}`)}
            </Button>
          ),
        )}
        {deciding && (
          <>
            <Button size="S" variant="success-light" onClick={() => direct('extension', { approve: true })}>
              {t('extension.approve', { n: item.extension.days ?? 0 })}
            </Button>
            <ReasonModal
              label={t('extension.refuse')}
              optional
              variant="danger-light"
              onSubmit={(reason) => send('extension', { approve: false, ...(reason ? { reason } : {}) })}
            />
          </>
        )}
      </Flex>
      <ModalError error={message} paddingTop={2} />
    </Box>
  );
};
