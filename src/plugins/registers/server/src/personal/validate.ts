import { invalid } from '@grassroots/kit/server';
import { creditCodeProblem, identityNumberProblem, isMasked, isPhoneNumber } from '../../../shared';
import { CARE_FIELD, PERSONAL } from './fields';
import { CARE_TAGS } from '@grassroots/kit/shared';
import { UID } from '../uids';

const IDENTITY_RULES = {
  format: 'must be 18 characters: 17 digits and a digit or X (应为18位：17位数字加1位数字或X)',
  birth_date: 'the birth date in characters 7–14 does not exist (第7–14位出生日期无效)',
  check_digit: 'the check character (18th) does not match GB 11643 (第18位校验码不符合 GB 11643)',
} as const;
const CREDIT_RULES = {
  format: 'must be 18 characters of 0-9 and A-Z without I, O, Z, S, V (应为18位数字或大写字母，不含 I、O、Z、S、V)',
  check_character: 'the check character (18th) does not match GB 32100 (第18位校验码不符合 GB 32100)',
} as const;
const CREDIT_CODE_TYPES: string[] = [UID.shop, UID.firm];

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * Normalises and checks the personal values of a write in place (Content Manager, routes, import):
 * a masked value means "keep the stored value" and is dropped, an empty one is stored as null, the
 * rest must be valid (400 naming the field). Care tags are dropped for a writer who cannot read them
 * (their form never held them) and must be known tags otherwise.
 */
export function prepareWrite(uid: string, data: Record<string, unknown>, canReadCare: boolean): void {
  for (const [field, kind] of Object.entries(PERSONAL[uid] ?? {})) {
    if (!(field in data)) continue;
    if (isMasked(data[field])) {
      delete data[field];
      continue;
    }
    const value = text(data[field]);
    data[field] = value;
    if (value === null) continue;
    if (kind === 'identity') {
      const upper = value.toUpperCase();
      const problem = identityNumberProblem(upper);
      if (problem) throw invalid(field, IDENTITY_RULES[problem]);
      data[field] = upper;
    } else if (!isPhoneNumber(value)) {
      throw invalid(field, 'must be a phone number of digits (应为电话号码，如 13800001234 或 0371-2345678)');
    }
  }
  if (CREDIT_CODE_TYPES.includes(uid) && 'creditCode' in data) {
    const value = text(data.creditCode)?.toUpperCase() ?? null;
    const problem = value === null ? 'format' : creditCodeProblem(value);
    if (problem) throw invalid('creditCode', CREDIT_RULES[problem]);
    data.creditCode = value;
  }
  if (uid === UID.resident && CARE_FIELD in data) {
    if (!canReadCare) {
      delete data[CARE_FIELD];
      return;
    }
    const tags = data[CARE_FIELD];
    if (tags === null || tags === undefined || tags === '') {
      data[CARE_FIELD] = null;
      return;
    }
    if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string' || !(t in CARE_TAGS))) {
      throw invalid(
        CARE_FIELD,
        `must be a list of ${Object.keys(CARE_TAGS).join(', ')} (应为关爱标签列表：${Object.values(CARE_TAGS)
          .map((l) => l[0])
          .join('、')})`,
      );
    }
    data[CARE_FIELD] = [...new Set(tags)];
  }
}
