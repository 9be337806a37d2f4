import { useState, type ChangeEvent } from 'react';
import { Field, SingleSelect, SingleSelectOption, TextInput } from '@strapi/design-system';
import { shanghaiDate } from '../../../shared';
import { useT } from '../hooks/useT';

const PRESETS = ['month', 'quarter', 'year', 'custom'] as const;
type Preset = (typeof PRESETS)[number];

/** The first day of the period a preset names, counted in China's dates; the period ends today. */
function periodStart(preset: Exclude<Preset, 'custom'>, today: string): string {
  const [y, m] = today.split('-').map(Number);
  if (preset === 'year') return `${y}-01-01`;
  const month = preset === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}

/** A reporting period as the 统计 and 履职 pages choose it: a preset ending today, or two dates. */
export function usePeriod(initial: Exclude<Preset, 'custom'> = 'year') {
  const today = shanghaiDate(new Date());
  const [preset, setPreset] = useState<Preset>(initial);
  const [custom, setCustom] = useState({ from: periodStart('month', today), to: today });
  const from = preset === 'custom' ? custom.from : periodStart(preset, today);
  const to = preset === 'custom' ? custom.to : today;
  return { preset, setPreset, custom, setCustom, from, to };
}
export type Period = ReturnType<typeof usePeriod>;

/** The period's fields: the preset select, and the two dates when the period is custom. */
export const PeriodFields = ({ period }: { period: Period }) => {
  const t = useT();
  const { preset, setPreset, custom, setCustom } = period;
  return (
    <>
      <Field.Root name="period">
        <Field.Label>{t('figures.period')}</Field.Label>
        <SingleSelect
          aria-label={t('figures.period')}
          value={preset}
          onChange={(v: string | number) => setPreset(String(v) as Preset)}
        >
          {PRESETS.map((p) => (
            <SingleSelectOption key={p} value={p}>
              {t(`figures.period.${p}`)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
      {preset === 'custom' && (
        <>
          <Field.Root name="from">
            <Field.Label>{t('figures.from')}</Field.Label>
            <TextInput
              type="date"
              value={custom.from}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setCustom({ ...custom, from: e.target.value })}
            />
          </Field.Root>
          <Field.Root name="to">
            <Field.Label>{t('figures.to')}</Field.Label>
            <TextInput
              type="date"
              value={custom.to}
              onChange={(e: ChangeEvent<HTMLInputElement>) => setCustom({ ...custom, to: e.target.value })}
            />
          </Field.Root>
        </>
      )}
    </>
  );
};
