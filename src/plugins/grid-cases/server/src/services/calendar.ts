import type { Core } from '@strapi/strapi';
import { addWorkingDays, holidayTable, shanghaiDate, type DayKind } from '../../../shared';
import { UID } from '../uids';

/** The working-day calendar of the holiday table (工作日历, edited by staff on the catalogue page). */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The deadline `days` working days after `from`, reading the table for the year that follows. */
  async due(from: Date, days: number): Promise<Date> {
    const start = shanghaiDate(from);
    const end = shanghaiDate(new Date(from.getTime() + 400 * 86_400_000));
    const rows = (await strapi.db.query(UID.holiday).findMany({
      where: { date: { $gte: start, $lte: end } },
      select: ['date', 'kind'],
    })) as Array<{ date: string; kind: DayKind }>;
    return addWorkingDays(from, days, holidayTable(rows));
  },
});
