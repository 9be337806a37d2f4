import { conflict, forbidden, invalid, notFound, parse } from '../../src/packages/kit/server';
import { z } from 'zod';
import { refusalText, requestFieldLabel, splitRefusal } from '../../src/packages/kit/shared';

/** How a server refusal reads in the admin panel, in both languages (the pure half of errorMessage). */
describe('refusalText', () => {
  it('zh-Hans: the field by its label, then the Chinese', () => {
    expect(refusalText('minutes: minutes are empty (纪要内容为空)', 'zh-Hans')).toBe('纪要：纪要内容为空');
    expect(refusalText('decisionKey: decision D1 did not pass (该决议未通过)', 'zh-Hans')).toBe('决议：该决议未通过');
    expect(refusalText('checkedInAt: must not be in the future (不能晚于当前时间)', 'zh-Hans')).toBe(
      '签到时间：不能晚于当前时间',
    );
    expect(refusalText('token: the QR token has expired, scan the refreshed code (二维码已过期)', 'zh-Hans')).toBe(
      '二维码：二维码已过期',
    );
    expect(refusalText('check-out: no check-in for this activity (尚未签到)', 'zh-Hans')).toBe('签退：尚未签到');
  });

  it('en: the field by its label, then the English rule', () => {
    expect(refusalText('minutes: minutes are empty (纪要内容为空)', 'en')).toBe('Minutes: minutes are empty');
    expect(refusalText('checkedInAt: must not be in the future (不能晚于当前时间)', 'en')).toBe(
      'Checked in: must not be in the future',
    );
    expect(refusalText('Idempotency-Key: header is required (1–200 characters) (请求头必填，1–200 个字符)', 'en')).toBe(
      'Idempotency key: header is required (1–200 characters)',
    );
  });

  it('nested paths read as the item and its field', () => {
    const votes = 'decisions.2.votes: every decision needs its vote before approval (审定前每项决议都须表决)';
    expect(refusalText(votes, 'zh-Hans')).toBe('第 3 项决议的票数：审定前每项决议都须表决');
    expect(refusalText(votes, 'en')).toBe('Decision #3 › Votes: every decision needs its vote before approval');
    expect(refusalText('items[0].score: must be at most 25 (max points of SR1) (不能超过 25 分)', 'zh-Hans')).toBe(
      '第 1 项评分项的得分：不能超过 25 分',
    );
    expect(requestFieldLabel('attendance.0.memberKey')).toBe('第 1 项出席的成员');
    expect(requestFieldLabel('pagination.start')).toBe('分页起点');
    expect(requestFieldLabel('noSuchField')).toBeUndefined();
  });

  it('not found: the Chinese already names the thing', () => {
    expect(refusalText(notFound('meeting', '会议').message, 'zh-Hans')).toBe('会议不存在');
    expect(refusalText(notFound('meeting', '会议').message, 'en')).toBe('Meeting: not found');
    const ours = notFound('member (in your unit)', '本单位的在职党员').message;
    expect(refusalText(ours, 'zh-Hans')).toBe('本单位的在职党员不存在');
    expect(refusalText(ours, 'en')).toBe('member (in your unit): not found');
  });

  it('a message without a field keeps its text; without Chinese, keeps the English', () => {
    expect(refusalText('Request failed with status code 500', 'zh-Hans')).toBe('Request failed with status code 500');
    expect(refusalText('Request failed with status code 500', 'en')).toBe('Request failed with status code 500');
    expect(refusalText('Forbidden', 'zh-Hans')).toBe('Forbidden');
    // an English-only refusal (Strapi's own, say) still gets its field's label
    expect(refusalText('status: already verified', 'zh-Hans')).toBe('状态：already verified');
    expect(refusalText('status: already verified', 'en')).toBe('Status: already verified');
    // an unknown field stays its identifier
    expect(refusalText('frobnicate: must be on (须开启)', 'zh-Hans')).toBe('frobnicate：须开启');
    expect(refusalText('frobnicate: must be on (须开启)', 'en')).toBe('Frobnicate: must be on');
  });

  it('the organisation scope: the organisation name in the English part stays there', () => {
    const m = forbidden(
      'meeting: outside your organisation (城关社区) (不在本组织（城关社区）及下级范围内)',
      'meeting',
    ).message;
    expect(splitRefusal(m)).toEqual({
      field: 'meeting',
      english: 'outside your organisation (城关社区)',
      chinese: '不在本组织（城关社区）及下级范围内',
    });
    expect(refusalText(m, 'zh-Hans')).toBe('会议：不在本组织（城关社区）及下级范围内');
  });

  it('relabels the field of a zod refusal (its rule is Chinese already)', () => {
    let message = '';
    try {
      parse(z.object({ council: z.string().min(1), kind: z.enum(['unit', 'member']) }), { council: '', kind: 'x' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('council: 不能为空');
    expect(refusalText(message, 'zh-Hans')).toBe('议事会：不能为空');
    expect(refusalText(message, 'en')).toBe('Council: 不能为空');
    expect(refusalText('kind: 应为以下之一：unit、member', 'zh-Hans')).toBe('类型：应为以下之一：unit、member');
  });

  it('the kit errors and the text agree', () => {
    expect(refusalText(invalid('resultNote', 'a done item needs a result note (办结须填写办理结果)').message)).toBe(
      '办理结果：办结须填写办理结果',
    );
    expect(refusalText(conflict('activity', 'capacity reached (名额已满)').message, 'zh')).toBe('服务活动：名额已满');
  });
});
