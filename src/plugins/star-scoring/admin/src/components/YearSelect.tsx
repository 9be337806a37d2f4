import { Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useT } from '../pluginId';
import { years } from '../utils/totals';

export const YearSelect = ({ value, onChange }: { value: number; onChange: (y: number) => void }) => {
  const t = useT();
  return (
    <Field.Root name="year">
      <Field.Label>{t('filter.year')}</Field.Label>
      <SingleSelect
        value={String(value)}
        onChange={(v: string | number) => onChange(Number(v))}
        data-testid="year-select"
      >
        {years().map((y) => (
          <SingleSelectOption key={y} value={String(y)}>
            {y}
          </SingleSelectOption>
        ))}
      </SingleSelect>
    </Field.Root>
  );
};
