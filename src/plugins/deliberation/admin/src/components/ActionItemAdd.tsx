import { useState } from 'react';
import {
  Box,
  Flex,
  Button,
  Field,
  TextInput,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import { useErrorMessage } from '@grassroots/kit/admin';
import type { Decision } from './DecisionAdd';

/** Assigns an action item (交办事项) for a passed decision of approved minutes. */
export const ActionItemAdd = ({
  meeting,
  decisions,
  onCreated,
}: {
  meeting: string;
  decisions: Decision[];
  onCreated: () => void;
}) => {
  const errorMessage = useErrorMessage();
  const t = useT();
  const { post } = useFetchClient();
  const passed = decisions.filter((d) => d.passed);
  const empty = { decisionKey: passed[0]?.key ?? '', title: '', ownerKind: 'unit', ownerName: '', dueDate: '' };
  const [form, setForm] = useState(empty);
  const [message, setMessage] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm({ ...form, [k]: v });
  const submit = async () => {
    try {
      await post('/deliberation/action-items', { meeting, ...form });
      setForm(empty);
      setMessage(null);
      onCreated();
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <Box paddingTop={3} data-testid="action-item-add">
      <Flex gap={3} alignItems="flex-end" wrap="wrap">
        <Box width="140px">
          <Field.Root name="decisionKey">
            <Field.Label>{t('meeting.decision')}</Field.Label>
            <SingleSelect
              aria-label={t('meeting.decision')}
              value={form.decisionKey}
              onChange={(v: string | number) => set('decisionKey')(String(v))}
            >
              {passed.map((d) => (
                <SingleSelectOption key={d.key} value={d.key}>
                  {d.key}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box width="260px">
          <Field.Root name="itemTitle">
            <Field.Label>{t('item.title')}</Field.Label>
            <TextInput value={form.title} onChange={(e: InputEvent) => set('title')(e.target.value)} />
          </Field.Root>
        </Box>
        <Box width="140px">
          <Field.Root name="ownerKind">
            <Field.Label>{t('item.ownerKind')}</Field.Label>
            <SingleSelect
              aria-label={t('item.ownerKind')}
              value={form.ownerKind}
              onChange={(v: string | number) => set('ownerKind')(String(v))}
            >
              {['unit', 'branch', 'person'].map((k) => (
                <SingleSelectOption key={k} value={k}>
                  {t(`item.ownerKind.${k}`)}
                </SingleSelectOption>
              ))}
            </SingleSelect>
          </Field.Root>
        </Box>
        <Box width="200px">
          <Field.Root name="ownerName">
            <Field.Label>{t('board.owner')}</Field.Label>
            <TextInput value={form.ownerName} onChange={(e: InputEvent) => set('ownerName')(e.target.value)} />
          </Field.Root>
        </Box>
        <Box width="180px">
          <Field.Root name="dueDate">
            <Field.Label>{t('item.dueDate')}</Field.Label>
            <TextInput type="date" value={form.dueDate} onChange={(e: InputEvent) => set('dueDate')(e.target.value)} />
          </Field.Root>
        </Box>
        <Button onClick={submit}>{t('item.assign')}</Button>
      </Flex>
      {message && (
        <Box paddingTop={2}>
          <Typography textColor="danger600" data-testid="action-item-message">
            {message}
          </Typography>
        </Box>
      )}
    </Box>
  );
};
