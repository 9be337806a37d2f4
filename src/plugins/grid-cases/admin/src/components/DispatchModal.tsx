import { useState, type ChangeEvent } from 'react';
import {
  Button,
  Field,
  Flex,
  Modal,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ModalError, ModalFooter, useData, useModalForm } from '@grassroots/kit/admin';
import { OWNER_ACCOUNT_KINDS, OWNER_KINDS } from '../../../shared';
import { useT } from '../hooks/useT';
import { useLabels } from '../hooks/useLabels';
import { PLUGIN_ID } from '../pluginId';
import type { CaseItem, Category, Unit } from '../types';
import { NO_ACCOUNT, OwnerAccountField } from './OwnerAccountField';

// The select's value for "the category's default owner" (an empty value is no option to the select).
const DEFAULT = 'default';

export interface DispatchInput {
  ownerKind?: string;
  ownerUnit?: string;
  ownerAccount?: string;
  ownerName?: string;
}

/**
 * 派单: to the category's default owner (nothing chosen: the server takes it from the catalogue), to a
 * double-report unit picked from the caller's organisation, to a department or property company with
 * its own account (承办方账号) picked likewise, or to a department, community or property company by
 * name (staff then record its steps). The deadline follows from the category's limit and the working-day calendar.
 */
export const DispatchModal = ({
  item,
  onSubmit,
}: {
  item: CaseItem;
  onSubmit: (body: DispatchInput) => Promise<void>;
}) => {
  const t = useT();
  const l = useLabels();
  const { open, setOpen, error, submit: run } = useModalForm();
  const [kind, setKind] = useState(DEFAULT);
  const [unit, setUnit] = useState('');
  const [name, setName] = useState('');
  const [account, setAccount] = useState(NO_ACCOUNT);
  const categories = useData<Category[]>(open ? `/${PLUGIN_ID}/catalogue/categories` : null);
  const units = useData<Unit[]>(open && kind === 'unit' ? `/${PLUGIN_ID}/units` : null);
  const category = categories.data?.find((c) => c.documentId === item.category?.documentId);
  const defaultOwner = category?.defaultOwnerKind
    ? `${l.ownerKind(category.defaultOwnerKind)} ${category.defaultOwnerName ?? ''}`.trim()
    : t('dispatch.noDefault');
  const mayHaveAccount = (OWNER_ACCOUNT_KINDS as readonly string[]).includes(kind);
  const byAccount = mayHaveAccount && account !== NO_ACCOUNT;
  const body = (): DispatchInput => {
    if (kind === DEFAULT) return {};
    if (kind === 'unit') return { ownerKind: kind, ownerUnit: unit };
    return byAccount ? { ownerKind: kind, ownerAccount: account } : { ownerKind: kind, ownerName: name.trim() };
  };
  const ready = kind === DEFAULT || (kind === 'unit' ? !!unit : byAccount || !!name.trim());
  const chooseKind = (v: string) => {
    setKind(v);
    setAccount(NO_ACCOUNT);
  };
  const submit = () => run(() => onSubmit(body()));
  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button size="S">{l.action('dispatch')}</Button>
      </Modal.Trigger>
      <Modal.Content>
        <Modal.Header>
          <Modal.Title>
            {l.action('dispatch')} · {item.title}
          </Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Field.Root name="ownerKind">
              <Field.Label>{l.field('ownerKind')}</Field.Label>
              <SingleSelect
                aria-label={l.field('ownerKind')}
                value={kind}
                onChange={(v: string | number) => chooseKind(String(v))}
              >
                <SingleSelectOption value={DEFAULT}>{t('dispatch.useDefault')}</SingleSelectOption>
                {OWNER_KINDS.map((k) => (
                  <SingleSelectOption key={k} value={k}>
                    {l.ownerKind(k)}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Field.Root>
            {kind === 'unit' && (
              <Field.Root name="ownerUnit" required>
                <Field.Label>{l.field('ownerUnit')}</Field.Label>
                <SingleSelect
                  aria-label={l.field('ownerUnit')}
                  value={unit}
                  onChange={(v: string | number) => setUnit(String(v))}
                  placeholder={units.data?.length === 0 ? t('dispatch.noUnits') : undefined}
                >
                  {(units.data ?? []).map((u) => (
                    <SingleSelectOption key={u.documentId} value={u.documentId}>
                      {u.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            )}
            {kind === DEFAULT && (
              <Typography data-testid="default-owner">{t('dispatch.default', { owner: defaultOwner })}</Typography>
            )}
            {mayHaveAccount && <OwnerAccountField kind={kind} value={account} onChange={setAccount} />}
            {kind !== DEFAULT && kind !== 'unit' && !byAccount && (
              <Field.Root name="ownerName" required>
                <Field.Label>{l.field('ownerName')}</Field.Label>
                <TextInput value={name} onChange={(e: ChangeEvent<HTMLInputElement>) => setName(e.target.value)} />
              </Field.Root>
            )}
            <ModalError error={error} />
          </Flex>
        </Modal.Body>
        <ModalFooter cancel={t('action.cancel')} confirm={t('action.confirm')} onConfirm={submit} disabled={!ready} />
      </Modal.Content>
    </Modal.Root>
  );
};
