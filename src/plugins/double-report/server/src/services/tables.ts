import type { Core } from '@strapi/strapi';

export const UID = {
  unit: 'plugin::double-report.unit',
  member: 'plugin::double-report.member',
  registration: 'plugin::double-report.registration',
  listItem: 'plugin::double-report.list-item',
  activity: 'plugin::double-report.activity',
  checkIn: 'plugin::double-report.check-in',
  points: 'plugin::double-report.points-entry',
  idem: 'plugin::double-report.idempotency-key',
  rules: 'plugin::double-report.rule-set',
  branch: 'api::branch.branch',
} as const;

/** Table and column names of a relation's join table, read from Strapi's metadata (never guessed). */
export function link(strapi: Core.Strapi, uid: string, attribute: string) {
  const attr: any = strapi.db.metadata.get(uid as any).attributes[attribute];
  const jt = attr.joinTable;
  return { table: jt.name as string, own: jt.joinColumn.name as string, other: jt.inverseJoinColumn.name as string };
}

export const table = (strapi: Core.Strapi, uid: string) => strapi.db.metadata.get(uid as any).tableName as string;
