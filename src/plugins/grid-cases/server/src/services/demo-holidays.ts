import type { DayKind } from '../../../shared';

type Day = { date: string; kind: DayKind; name: string };

const range = (from: string, to: string, name: string): Day[] => {
  const out: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push({ date: new Date(t).toISOString().slice(0, 10), kind: 'holiday', name });
  return out;
};
const workday = (date: string, name: string): Day => ({ date, kind: 'workday', name: `${name}调休上班` });

/**
 * 工作日历 of the demo. 2026: the State Council's arrangement (国务院办公厅关于2026年部分节假日安排的通知),
 * rest days and 调休 working weekends. 2027: the statutory days of the holiday rules (全国年节及纪念日放假办法,
 * as amended in 2024) on the 2027 calendar; the 调休 weekends of 2027 are the State Council's to announce,
 * and staff add them in the Content Manager when it does.
 */
export const HOLIDAYS: Day[] = [
  ...range('2026-01-01', '2026-01-03', '元旦'),
  workday('2026-01-04', '元旦'),
  workday('2026-02-14', '春节'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  workday('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  workday('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  workday('2026-09-20', '国庆节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  workday('2026-10-10', '国庆节'),
  ...range('2027-01-01', '2027-01-01', '元旦'),
  // 除夕 5 February, 春节 6–8 February 2027 (Lunar New Year's Eve and the first three days)
  ...range('2027-02-05', '2027-02-08', '春节'),
  ...range('2027-04-05', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-02', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-03', '国庆节'),
];
