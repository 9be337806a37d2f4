import { z } from 'zod';
import { type DomainError, parse } from '../../src/packages/kit/server';

const refusal = (schema: z.ZodType, input: unknown): DomainError => {
  try {
    parse(schema, input);
  } catch (err) {
    return err as DomainError;
  }
  throw new Error('parse accepted the input');
};

describe('refusals staff read in Chinese', () => {
  const schema = z.object({
    council: z.string().min(1),
    title: z.string().max(4),
    year: z.number().int().min(2000),
    kind: z.enum(['unit', 'member']),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    note: z.string().min(1, 'note: write your own rule'),
  });
  const ok = { council: '议事会', title: '标题', year: 2026, kind: 'unit', day: '2026-01-01', note: 'x' };

  it('keeps the field identifier first and words the rule in Chinese', () => {
    expect(refusal(schema, { ...ok, council: '' }).message).toBe('council: 不能为空');
    expect(refusal(schema, { ...ok, title: '很长很长的标题' }).message).toBe('title: 最多 4 个字符');
    expect(refusal(schema, { ...ok, year: 1990 }).message).toBe('year: 不能小于 2000');
    expect(refusal(schema, { ...ok, year: 'x' }).message).toBe('year: 应为数字');
    expect(refusal(schema, { ...ok, kind: 'person' }).message).toBe('kind: 应为以下之一：unit、member');
    expect(refusal(schema, { ...ok, day: 'soon' }).message).toBe('day: 格式不正确');
    const { council: _omitted, ...rest } = ok;
    expect(refusal(schema, rest).message).toBe('council: 必填');
  });

  it('leaves a message a schema wrote itself as it is', () => {
    expect(refusal(schema, { ...ok, note: '' }).message).toBe('note: note: write your own rule');
  });
});
