import { requestFieldLabel } from '../../src/packages/kit/shared';
import { englishOnly, literalFields, refusalCalls, type RefusalCall } from './refusal-sources';

/**
 * Every refusal the server can send reads in Chinese too (`<english rule> (<中文>)`), and every
 * field a refusal names has a label staff can read: both checked over the sources, so a new
 * English-only refusal or an unlabelled field fails here, listed by file and line.
 */
describe('refusals in the server sources', () => {
  const calls = refusalCalls();

  it('finds the refusal calls, multi-line ones included', () => {
    expect(calls.length).toBeGreaterThan(140);
    // a call spread over several lines (check-in-rules.ts, the lat refusal)
    expect(calls.some((c) => c.text.includes('\n') && c.args[0] === "'lat'")).toBe(true);
  });

  it('the check sees English on either side of a conditional, and constants without Chinese', () => {
    const call = (kind: RefusalCall['kind'], args: string[]): RefusalCall => ({
      file: 'x.ts',
      line: 1,
      kind,
      args,
      text: '',
    });
    expect(englishOnly(call('conflict', ["'minutes'", "'minutes are empty'"]))).toMatch(/no Chinese/);
    expect(englishOnly(call('conflict', ["'minutes'", "'minutes are empty (纪要内容为空)'"]))).toBeUndefined();
    expect(englishOnly(call('invalid', ["'x'", "ok ? 'fine (好)' : 'not fine'"]))).toMatch(/'not fine'/);
    expect(englishOnly(call('invalid', ["'x'", "kind === 'date' ? 'a (甲)' : 'b (乙)'"]))).toBeUndefined();
    expect(englishOnly(call('notFound', ["'meeting'"]))).toBeDefined();
    expect(englishOnly(call('notFound', ["'meeting'", "'会议'"]))).toBeUndefined();
    expect(englishOnly(call('forbidden', ['NOT_LINKED', "'account'"]))).toBeUndefined();
    expect(englishOnly(call('conflict', ["'topic'", 'ALREADY_EVALUATED']))).toBeUndefined();
  });

  it('every refusal carries Chinese', () => {
    const english = calls
      .map((c) => ({ c, why: englishOnly(c) }))
      .filter((x) => x.why)
      .map(({ c, why }) => `${c.file}:${c.line} ${c.kind}: ${why}`);
    expect(english).toEqual([]);
  });

  it('every field a refusal names has a label', () => {
    const unlabelled = calls.flatMap((c) =>
      literalFields(c)
        .filter((f) => /^[A-Za-z][\w.\-[\]]*$/.test(f))
        .filter((f) => !requestFieldLabel(f, 'zh-Hans') || !requestFieldLabel(f, 'en'))
        .map((f) => `${c.file}:${c.line} ${c.kind}: ${f}`),
    );
    expect(unlabelled).toEqual([]);
  });
});
