import { useState } from 'react';
import { Flex, Button, Field, TextInput, Box, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import { useData } from '@grassroots/kit/admin';
import { OPEN_FOR_DECISION } from '../../../shared';
import type { Decision } from '../../../shared';
export type { Decision };

/** Appends a decision (key D1, D2, …), optionally linked to the topic it settles; votes are entered in the table. */
export const DecisionAdd = ({
  decisions,
  onChange,
}: {
  decisions: Decision[];
  onChange: (next: Decision[]) => void;
}) => {
  const t = useT();
  const topics = useData<Array<{ documentId: string; title: string; status: string }>>(
    '/deliberation/topics?pageSize=100',
  );
  const [text, setText] = useState('');
  const [topic, setTopic] = useState('');
  const add = () => {
    if (!text.trim()) return;
    const used = new Set(decisions.map((d) => d.key));
    let n = decisions.length + 1;
    while (used.has(`D${n}`)) n += 1;
    onChange([
      ...decisions,
      { key: `D${n}`, text: text.trim(), ...(topic ? { topicDocumentId: topic } : {}), votes: null },
    ]);
    setText('');
    setTopic('');
  };
  const open = (topics.data ?? []).filter((x) => (OPEN_FOR_DECISION as readonly string[]).includes(x.status));
  return (
    <Flex gap={3} paddingTop={3} alignItems="flex-end" wrap="wrap" data-testid="decision-add">
      <Box width="360px">
        <Field.Root name="decisionText">
          <Field.Label>{t('meeting.decision')}</Field.Label>
          <TextInput value={text} onChange={(e: InputEvent) => setText(e.target.value)} />
        </Field.Root>
      </Box>
      <Box width="260px">
        <Field.Root name="decisionTopic">
          <Field.Label>{t('meeting.topic')}</Field.Label>
          <SingleSelect
            aria-label={t('meeting.topic')}
            value={topic}
            onChange={(v: string | number) => setTopic(String(v))}
          >
            <SingleSelectOption value="">{t('meeting.noTopic')}</SingleSelectOption>
            {open.map((x) => (
              <SingleSelectOption key={x.documentId} value={x.documentId}>
                {x.title}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      </Box>
      <Button variant="secondary" onClick={add}>
        {t('meeting.addDecision')}
      </Button>
    </Flex>
  );
};
