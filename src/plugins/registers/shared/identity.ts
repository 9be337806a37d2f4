/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character over ISO 7064 MOD 11-2. The six-digit
 * area code and the birth date are checked for shape only (a date that exists); the area list changes.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits. */
export function identityCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdentityProblem = 'format' | 'birth_date' | 'check_digit';

/** Why an identity number is not valid, or null when it is (`x` is read as `X`). */
export function identityNumberProblem(value: string): IdentityProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return 'format';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day ||
    date.getTime() > Date.now()
  ) {
    return 'birth_date';
  }
  return identityCheckCharacter(id) === id[17] ? null : 'check_digit';
}

export const isValidIdentityNumber = (value: string): boolean => identityNumberProblem(value) === null;
