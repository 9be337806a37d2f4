import { useState, type ChangeEvent } from 'react';
import { Button, Flex, SingleSelect, SingleSelectOption, TextInput, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../useT';
import { PLUGIN_ID } from '../pluginId';
import { useErrorMessage } from '@grassroots/kit/admin';

/** Rating 1–5 and a comment for a done item (done → evaluated). */
export const ItemEvaluation = ({ documentId, onSaved }: { documentId: string; onSaved: () => void }) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const save = async () => {
    setError('');
    try {
      await post(`/${PLUGIN_ID}/list-items/${documentId}/evaluation`, {
        rating: Number(rating),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Flex direction="column" alignItems="stretch" gap={2} paddingTop={2}>
      <SingleSelect
        aria-label={t('evaluate.rating')}
        placeholder={t('evaluate.rating')}
        value={rating}
        onChange={(v: string | number) => setRating(String(v))}
      >
        {[5, 4, 3, 2, 1].map((n) => (
          <SingleSelectOption key={n} value={String(n)}>
            {'★'.repeat(n)}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <TextInput
        aria-label={t('evaluate.comment')}
        placeholder={t('evaluate.comment')}
        value={comment}
        onChange={(e: ChangeEvent<HTMLInputElement>) => setComment(e.target.value)}
      />
      <Button size="S" onClick={save} disabled={!rating}>
        {t('evaluate.save')}
      </Button>
      {error && <Typography textColor="danger600">{error}</Typography>}
    </Flex>
  );
};
