import type { Core } from '@strapi/strapi';
import { UID } from './tables';

export type Rules = {
  annualHoursRequired: number;
  pointsPerVerifiedHour: number;
  pointsPerRatingStar: number;
  pointsPerItemDone: number;
  pointsPerItemRatingStar: number;
  qrTokenTtlMinutes: number;
};

const DEFAULTS: Rules = { annualHoursRequired: 12, pointsPerVerifiedHour: 1, pointsPerRatingStar: 0.5, pointsPerItemDone: 5, pointsPerItemRatingStar: 0, qrTokenTtlMinutes: 10 };

/** The rule set is a single type editable in the admin panel; seeded with defaults on first read. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  defaults: () => ({ ...DEFAULTS }),
  async get(): Promise<Rules> {
    let row: any = await strapi.documents(UID.rules as any).findFirst({});
    if (!row) row = await strapi.documents(UID.rules as any).create({ data: { ...DEFAULTS } as any });
    const out: any = {};
    for (const k of Object.keys(DEFAULTS) as (keyof Rules)[]) out[k] = row[k] == null ? DEFAULTS[k] : Number(row[k]);
    return out as Rules;
  },
});
