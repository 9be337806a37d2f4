import { neutralise } from '../../src/packages/kit/server/export';

describe('neutralise (spreadsheet formula guard)', () => {
  it.each(['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=1', '\r=1'])('prefixes %j with an apostrophe', (v) => {
    expect(neutralise(v)).toBe(`'${v}`);
  });
  it('leaves ordinary text, numbers (negative too) and blanks alone', () => {
    expect(neutralise('王建国')).toBe('王建国');
    expect(neutralise('a=b')).toBe('a=b');
    expect(neutralise(-3)).toBe(-3);
    expect(neutralise(null)).toBe('');
    expect(neutralise(undefined)).toBe('');
  });
});
