import type { Core } from '@strapi/strapi';
import { UID } from '../uids';

export interface Rules {
  annualHoursRequired: number;
  pointsPerVerifiedHour: number;
  pointsPerRatingStar: number;
  pointsPerItemDone: number;
  pointsPerItemRatingStar: number;
  qrTokenTtlMinutes: number;
}

/** Until staff save the rule set, these apply (and the first read stores them). */
export const DEFAULT_RULES: Readonly<Rules> = {
  annualHoursRequired: 12,
  pointsPerVerifiedHour: 1,
  pointsPerRatingStar: 0.5,
  pointsPerItemDone: 5,
  pointsPerItemRatingStar: 0,
  qrTokenTtlMinutes: 10,
};

/** The rule set is a single type editable in the admin panel; seeded with defaults on first read. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  defaults: (): Rules => ({ ...DEFAULT_RULES }),
  async get(): Promise<Rules> {
    const docs = strapi.documents(UID.rules);
    const row = ((await docs.findFirst({})) ?? (await docs.create({ data: { ...DEFAULT_RULES } }))) as Partial<
      Record<keyof Rules, unknown>
    >;
    const out = { ...DEFAULT_RULES };
    for (const k of Object.keys(DEFAULT_RULES) as (keyof Rules)[]) if (row[k] != null) out[k] = Number(row[k]);
    return out;
  },
});
