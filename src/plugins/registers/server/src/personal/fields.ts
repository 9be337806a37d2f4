import { maskIdNumber, maskPhone, PERSONAL_BY_REGISTER, personalRegisterUid, type PersonalKind } from '../../../shared';

export type { PersonalKind };

/** The personal values of each register, by content type: what is masked and what may be revealed. */
export const PERSONAL: Record<string, Record<string, PersonalKind>> = Object.fromEntries(
  Object.entries(PERSONAL_BY_REGISTER).map(([register, fields]) => [
    personalRegisterUid(register as keyof typeof PERSONAL_BY_REGISTER),
    fields,
  ]),
);

/** Every personal field name of the registers, whatever the type (masking walks populated relations too). */
export const PERSONAL_KIND: Record<string, PersonalKind> = Object.assign({}, ...Object.values(PERSONAL));

/** 关爱标签: readable only by holders of the `care` action. */
export const CARE_FIELD = 'careTags';
export const CARE_ACTION = 'plugin::registers.care';

export const maskValue = (kind: PersonalKind, value: string | null | undefined): string | null =>
  kind === 'identity' ? maskIdNumber(value) : maskPhone(value);

/**
 * A copy of a record as staff may see it: personal values masked, care tags removed unless the
 * caller holds `care`. Walks nested objects and arrays (populated relations, `{ results }` pages).
 */
export function maskRecord<T>(value: T, canReadCare: boolean): T {
  if (Array.isArray(value)) return value.map((v) => maskRecord(v, canReadCare)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === CARE_FIELD && !canReadCare) continue;
    const kind = PERSONAL_KIND[key];
    out[key] = kind && typeof v === 'string' ? maskValue(kind, v) : maskRecord(v, canReadCare);
  }
  return out as T;
}
