import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useData } from '@grassroots/kit/admin';
import { useT } from '../hooks/useT';
import { useLabels } from '../hooks/useLabels';
import { PLUGIN_ID } from '../pluginId';
import type { OwnerAccount } from '../types';

/** The select's value for "no account here: by name, staff record its steps (代为登记)". */
export const NO_ACCOUNT = 'none';

/**
 * 派单 to a department or property company: its own account (承办方账号) among those serving the
 * dispatcher's organisation, or none (then a name, and staff record its steps for it).
 */
export const OwnerAccountField = ({
  kind,
  value,
  onChange,
}: {
  kind: string;
  value: string;
  onChange: (documentId: string) => void;
}) => {
  const t = useT();
  const l = useLabels();
  const accounts = useData<OwnerAccount[]>(`/${PLUGIN_ID}/owner-accounts?kind=${encodeURIComponent(kind)}`);
  return (
    <Field.Root name="ownerAccount" hint={accounts.data?.length === 0 ? t('dispatch.noAccounts') : undefined}>
      <Field.Label>{l.field('ownerAccount')}</Field.Label>
      <SingleSelect
        aria-label={l.field('ownerAccount')}
        value={value}
        onChange={(v: string | number) => onChange(String(v))}
      >
        <SingleSelectOption value={NO_ACCOUNT}>{t('dispatch.noAccount')}</SingleSelectOption>
        {(accounts.data ?? []).map((a) => (
          <SingleSelectOption key={a.documentId} value={a.documentId}>
            {a.name}
          </SingleSelectOption>
        ))}
      </SingleSelect>
      <Field.Hint />
    </Field.Root>
  );
};
