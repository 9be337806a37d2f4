/**
 * The working-day calendar (工作日历): weekends are rest days, the holiday table names public
 * holidays (`holiday`) and 调休 weekends that are working days (`workday`). Days are China's
 * (Asia/Shanghai, UTC+8 all year, no daylight saving), so the arithmetic needs no time-zone library.
 */
export type DayKind = 'holiday' | 'workday';
/** 'YYYY-MM-DD' (Shanghai date) → what the table says about that day. */
export type HolidayTable = ReadonlyMap<string, DayKind>;

const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

/** The Shanghai calendar date of an instant, 'YYYY-MM-DD'. */
export const shanghaiDate = (at: Date): string => new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);

/** The last millisecond of a Shanghai date, as an instant (23:59:59.999 +08:00). */
export const endOfShanghaiDay = (date: string): Date =>
  new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS + DAY_MS - 1);

/** The first millisecond of a Shanghai date, as an instant (00:00 +08:00). */
export const startOfShanghaiDay = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - OFFSET_MS);

/**
 * A period of Shanghai dates as instants, as 统计 and 履职 read it: from the start of `from` up to, not
 * including, the start of the day after `to`. An absent end leaves that side open.
 */
export const shanghaiPeriod = (from?: string, to?: string): { start?: Date; end?: Date } => ({
  start: from ? startOfShanghaiDay(from) : undefined,
  end: to ? new Date(endOfShanghaiDay(to).getTime() + 1) : undefined,
});

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** A working day: the table decides when it names the day, else Monday to Friday. */
export function isWorkingDay(date: string, holidays: HolidayTable): boolean {
  const kind = holidays.get(date);
  if (kind) return kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The deadline of a limit of `days` working days counted from `from`: the end of the `days`-th
 * working day after the day of `from`. 0 (当日办结) is the end of that day when it is a working
 * day, else of the next working day.
 */
export function addWorkingDays(from: Date, days: number, holidays: HolidayTable): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError('days must be a whole number ≥ 0');
  let date = shanghaiDate(from);
  if (days === 0) {
    while (!isWorkingDay(date, holidays)) date = nextDate(date);
    return endOfShanghaiDay(date);
  }
  let left = days;
  while (left > 0) {
    date = nextDate(date);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return endOfShanghaiDay(date);
}

// 督办's 80 % rule is the kit's (the registers' map draws the same urgency).
export { urgency, warningAt, type Urgency } from '@grassroots/kit/shared';

/** The table from holiday rows (date, kind). */
export const holidayTable = (rows: Array<{ date: string; kind: DayKind }>): HolidayTable =>
  new Map(rows.map((r) => [String(r.date).slice(0, 10), r.kind]));
