import {
  creditCodeCheckCharacter,
  creditCodeProblem,
  identityCheckCharacter,
  identityNumberProblem,
  isMasked,
  isValidCreditCode,
  isValidIdentityNumber,
  maskIdNumber,
  maskPhone,
} from '../../src/plugins/registers/shared';

describe('the mask of personal values', () => {
  it('shows the first 4 and last 4 characters of an identity number', () => {
    expect(maskIdNumber('410223199001011234')).toBe('4102**********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('shows the first 3 and last 4 digits of a phone', () => {
    expect(maskPhone('13800005678')).toBe('138****5678');
    expect(maskPhone(' 13800005678 ')).toBe('138****5678');
    expect(maskPhone('0371-2345678')).toBe('037*****5678');
  });

  it('never gives a short value away whole', () => {
    expect(maskPhone('12345')).toBe('****5');
    expect(maskPhone('1')).toBe('*');
    expect(maskIdNumber('4102')).toBe('***2');
  });

  it('keeps empty values empty', () => {
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone(undefined)).toBeNull();
    expect(maskIdNumber('')).toBe('');
  });

  it('recognises its own output (an imported masked cell keeps the stored value)', () => {
    expect(isMasked(maskPhone('13800005678'))).toBe(true);
    expect(isMasked(maskIdNumber('410223199001011234'))).toBe(true);
    expect(isMasked('13800005678')).toBe(false);
    expect(isMasked(null)).toBe(false);
    expect(isMasked(42)).toBe(false);
  });
});

describe('公民身份号码 (GB 11643)', () => {
  it('accepts numbers whose check character matches, x read as X', () => {
    expect(isValidIdentityNumber('11010519491231002X')).toBe(true);
    expect(isValidIdentityNumber('11010519491231002x')).toBe(true);
    const first17 = '41022319900101123';
    expect(isValidIdentityNumber(first17 + identityCheckCharacter(first17))).toBe(true);
  });

  it('names the broken rule', () => {
    expect(identityNumberProblem('110105194912310021')).toBe('check_digit');
    expect(identityNumberProblem('11010519491231002')).toBe('format');
    expect(identityNumberProblem('01010519491231002X')).toBe('format');
    expect(identityNumberProblem('1101051949123100AX')).toBe('format');
    const feb30 = '41022319900230123';
    expect(identityNumberProblem(feb30 + identityCheckCharacter(feb30))).toBe('birth_date');
    const future = '41022321990101123';
    expect(identityNumberProblem(future + identityCheckCharacter(future))).toBe('birth_date');
  });

  it('computes every check character of the mod 11-2 table', () => {
    const seen = new Set<string>();
    for (let n = 0; n < 200; n += 1) seen.add(identityCheckCharacter(`4102231990010${String(1000 + n).slice(-4)}`));
    expect([...seen].sort()).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'X']);
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts published codes', () => {
    // the standard's own example and a company's registered code
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000802100433B')).toBe(true);
    expect(isValidCreditCode('91350100m000100y43')).toBe(true);
  });

  it('names the broken rule', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('check_character');
    expect(creditCodeProblem('91350100M000100Y4')).toBe('format');
    // I, O, Z, S, V are not in the alphabet
    expect(creditCodeProblem('91350100M000100I43')).toBe('format');
    expect(creditCodeProblem('9135A100M000100Y43')).toBe('format');
  });

  it('computes a check character that validates', () => {
    const first17 = '91410223MA44XYZ0Q'.replace('Z', 'W');
    expect(isValidCreditCode(first17 + creditCodeCheckCharacter(first17))).toBe(true);
  });
});
