import { useState } from 'react';
import { Flex, Button, Field, TextInput, NumberInput, Box } from '@strapi/design-system';
import { useT } from '../hooks/useT';
import type { InputEvent } from '../types';
import type { AgendaItem } from '../../../shared';
export type { AgendaItem };

/** Appends an agenda item; the workspace saves the whole agenda with the meeting. */
export const AgendaAdd = ({ agenda, onChange }: { agenda: AgendaItem[]; onChange: (next: AgendaItem[]) => void }) => {
  const t = useT();
  const [title, setTitle] = useState('');
  const [presenter, setPresenter] = useState('');
  const [minutes, setMinutes] = useState<number>(15);
  const add = () => {
    if (!title.trim()) return;
    onChange([
      ...agenda,
      { position: agenda.length + 1, title: title.trim(), presenter: presenter.trim(), plannedMinutes: minutes },
    ]);
    setTitle('');
    setPresenter('');
  };
  return (
    <Flex gap={3} paddingTop={3} alignItems="flex-end" wrap="wrap" data-testid="agenda-add">
      <Box width="300px">
        <Field.Root name="agendaTitle">
          <Field.Label>{t('meeting.item')}</Field.Label>
          <TextInput value={title} onChange={(e: InputEvent) => setTitle(e.target.value)} />
        </Field.Root>
      </Box>
      <Box width="180px">
        <Field.Root name="presenter">
          <Field.Label>{t('meeting.presenter')}</Field.Label>
          <TextInput value={presenter} onChange={(e: InputEvent) => setPresenter(e.target.value)} />
        </Field.Root>
      </Box>
      <Box width="140px">
        <Field.Root name="plannedMinutes">
          <Field.Label>{t('meeting.planned')}</Field.Label>
          <NumberInput value={minutes} onValueChange={(v: number | undefined) => setMinutes(v ?? 15)} />
        </Field.Root>
      </Box>
      <Button variant="secondary" onClick={add}>
        {t('meeting.addAgenda')}
      </Button>
    </Flex>
  );
};
