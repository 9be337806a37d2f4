import { useState, type ChangeEvent } from 'react';
import {
  Button,
  Checkbox,
  Field,
  Flex,
  Modal,
  NumberInput,
  SingleSelect,
  SingleSelectOption,
  TextInput,
} from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { ModalError, ModalFooter, useModalForm } from '@grassroots/kit/admin';
import { OWNER_KINDS } from '../../../shared';
import { useLabels } from '../hooks/useLabels';
import { useT } from '../hooks/useT';
import { PLUGIN_ID } from '../pluginId';
import type { Category } from '../types';

type Form = Omit<Category, 'documentId'>;
// The select's value for "no default owner" (an empty value is no option to the select).
const NONE = 'none';
const EMPTY: Form = { name: '', timeLimitDays: 3, defaultOwnerKind: null, defaultOwnerName: null, active: true };

/** Creates a category of the catalogue, or edits one (`category` given). */
export const CategoryModal = ({ category, onSaved }: { category?: Category; onSaved: () => void | Promise<void> }) => {
  const t = useT();
  const l = useLabels();
  const { post, put } = useFetchClient();
  const { open, setOpen, error, submit } = useModalForm();
  const [form, setForm] = useState<Form>(category ?? EMPTY);
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm({ ...form, [k]: v });
  const save = async () => {
    const body = {
      ...form,
      name: form.name.trim(),
      defaultOwnerName: form.defaultOwnerName?.trim() || null,
    };
    await submit(
      () =>
        category
          ? put(`/${PLUGIN_ID}/catalogue/categories/${category.documentId}`, body)
          : post(`/${PLUGIN_ID}/catalogue/categories`, body),
      async () => {
        if (!category) setForm(EMPTY);
        await onSaved();
      },
    );
  };
  const title = category ? t('catalogue.edit') : t('catalogue.add');
  return (
    <Modal.Root
      open={open}
      onOpenChange={(o: boolean) => {
        setOpen(o);
        if (o && category) setForm(category);
      }}
    >
      <Modal.Trigger>
        <Button size={category ? 'S' : 'M'} variant={category ? 'tertiary' : 'default'}>
          {title}
        </Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="name" required>
              <Field.Label>{l.categoryField('name')}</Field.Label>
              <TextInput
                value={form.name}
                onChange={(e: ChangeEvent<HTMLInputElement>) => set('name', e.target.value)}
              />
            </Field.Root>
            <Field.Root name="timeLimitDays" required hint={t('catalogue.limit', { n: form.timeLimitDays })}>
              <Field.Label>{l.categoryField('timeLimitDays')}</Field.Label>
              <NumberInput
                value={form.timeLimitDays}
                onValueChange={(v: number | undefined) => set('timeLimitDays', v ?? 0)}
              />
              <Field.Hint />
            </Field.Root>
            <Field.Root name="defaultOwnerKind">
              <Field.Label>{l.categoryField('defaultOwnerKind')}</Field.Label>
              <SingleSelect
                aria-label={l.categoryField('defaultOwnerKind')}
                value={form.defaultOwnerKind ?? NONE}
                onChange={(v: string | number) => set('defaultOwnerKind', String(v) === NONE ? null : String(v))}
              >
                <SingleSelectOption value={NONE}>—</SingleSelectOption>
                {OWNER_KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {l.ownerKind(k)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            <Field.Root name="defaultOwnerName">
              <Field.Label>{l.categoryField('defaultOwnerName')}</Field.Label>
              <TextInput
                value={form.defaultOwnerName ?? ''}
                onChange={(e: ChangeEvent<HTMLInputElement>) => set('defaultOwnerName', e.target.value)}
              />
            </Field.Root>
            <Checkbox
              checked={form.active}
              onCheckedChange={(v: boolean | 'indeterminate') => set('active', v === true)}
            >
              {l.categoryField('active')}
            </Checkbox>
            <ModalError error={error} />
          </Flex>
        </Modal.Body>
        <ModalFooter
          cancel={t('action.cancel')}
          confirm={t('action.save')}
          onConfirm={save}
          disabled={!form.name.trim()}
        />
      </Modal.Content>
    </Modal.Root>
  );
};
