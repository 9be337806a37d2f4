import { useState } from 'react';
import { Flex, Button, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import { useErrorMessage } from '@grassroots/kit/admin';
// The flow the server enforces: the buttons offer exactly the moves it allows.
import { movesOf } from '../../../shared';

/** Moves an action item along its flow; "done" asks for the result note the server requires. */
export const ItemActions = ({
  documentId,
  status,
  onMoved,
}: {
  documentId: string;
  status: string;
  onMoved: () => void;
}) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const [note, setNote] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const move = async (to: string, resultNote?: string) => {
    try {
      await post(`/deliberation/action-items/${documentId}/transition`, { to, ...(resultNote ? { resultNote } : {}) });
      setNote(null);
      setMessage(null);
      onMoved();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  if (note !== null) {
    return (
      <Flex gap={2}>
        <TextInput
          aria-label={t('item.resultNote')}
          placeholder={t('item.resultNote')}
          value={note}
          onChange={(e: InputEvent) => setNote(e.target.value)}
        />
        <Button size="S" onClick={() => move('done', note)}>
          {t('item.confirm')}
        </Button>
        {message && (
          <Typography textColor="danger600" variant="pi">
            {message}
          </Typography>
        )}
      </Flex>
    );
  }
  return (
    <Flex gap={1}>
      {movesOf('action_item', status).map((to) => (
        <Button
          key={to}
          size="S"
          variant={to === 'verified' ? 'success-light' : 'secondary'}
          onClick={() => (to === 'done' ? setNote('') : move(to))}
        >
          {/* From done, in_progress is the convener sending the work back, not starting it. */}
          {t(status === 'done' && to === 'in_progress' ? 'item.back.in_progress' : `item.to.${to}`)}
        </Button>
      ))}
      {message && (
        <Typography textColor="danger600" variant="pi">
          {message}
        </Typography>
      )}
    </Flex>
  );
};
