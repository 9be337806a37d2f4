/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and A-Z without I, O, Z, S, V; position 1 is the
 * registration authority, 2 the kind, 3-8 the area code, 9-17 the organisation code, 18 the check
 * character over the first 17 (weights 3^i mod 31).
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters (which must be in the alphabet). */
export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeProblem = 'format' | 'check_character';

/** Why a credit code is not valid, or null when it is (lower case is read as upper case). */
export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const code = value.trim().toUpperCase();
  if (!/^[0-9A-HJ-NPQRTUW-Y]{2}\d{6}[0-9A-HJ-NPQRTUW-Y]{10}$/.test(code)) return 'format';
  return creditCodeCheckCharacter(code) === code[17] ? null : 'check_character';
}

export const isValidCreditCode = (value: string): boolean => creditCodeProblem(value) === null;
