import { randomBytes } from 'crypto';
import { strapi } from '../helpers/strapi';
import type { Community } from '../scoping/fixtures';
import { creditCodeCheckCharacter, identityCheckCharacter } from '../../src/plugins/registers/shared';

export const RG = {
  building: 'plugin::registers.building',
  house: 'plugin::registers.house',
  resident: 'plugin::registers.resident',
  rental: 'plugin::registers.rental',
  shop: 'plugin::registers.shop',
  firm: 'plugin::registers.firm',
  revealLog: 'plugin::registers.reveal-log',
} as const;
export const CM = '/content-manager/collection-types';

const docs = (uid: string) => strapi().documents(uid as any) as any;
let serial = Math.floor(Math.random() * 500);

/** A valid identity number (GB 11643) of 尉氏县 not used before in this run. */
export function idNumber(): string {
  serial += 1;
  const first17 = `41022319${String(50 + (serial % 40))}0${1 + (serial % 9)}1${serial % 10}${String(serial % 1000).padStart(3, '0')}`;
  return first17 + identityCheckCharacter(first17);
}
/** A valid credit code (GB 32100) not used before in this run. */
export function creditCode(): string {
  const first17 = `91410223MA${randomBytes(4).readUInt32BE(0).toString().padStart(10, '0').slice(-7)}`;
  return first17 + creditCodeCheckCharacter(first17);
}
/** A fictional mobile 1380000xxxx. */
export const phone = () => `1380000${String(Math.floor(Math.random() * 10000)).padStart(4, '0')}`;

export interface Registers {
  building: { documentId: string };
  houses: Array<{ documentId: string; use: string }>;
  residents: Array<{
    documentId: string;
    idNumber: string;
    phone: string;
    type: string;
    partyMember: boolean;
    careTags: string[] | null;
  }>;
  rental: { documentId: string; landlordPhone: string };
  pastRental: { documentId: string; landlordPhone: string };
  shop: { documentId: string; operatorPhone: string; creditCode: string };
  firm: { documentId: string; contactPhone: string; creditCode: string };
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * The registers of one community's first grid: a building in its compound with four houses (自住,
 * 出租, 空置, 商铺), five residents (two of them party members, one with care tags), a current and a
 * past letting, a shop and a firm with a party organisation (`unitBranch`).
 */
export async function buildRegisters(c: Community, unitBranch?: { documentId: string }): Promise<Registers> {
  const building = await docs(RG.building).create({
    data: { compound: c.compounds[0].documentId, number: `${randomBytes(2).toString('hex')}号楼`, units: 2, floors: 6 },
  });
  const uses = ['owner_occupied', 'rented', 'vacant', 'shop'];
  const houses = [];
  for (const [i, use] of uses.entries()) {
    const h = await docs(RG.house).create({
      data: { building: building.documentId, unit: 1, floor: i + 1, room: `${i + 1}01`, use },
    });
    houses.push({ documentId: h.documentId as string, use });
  }
  const people: Array<[number, string, boolean, string[] | null]> = [
    [0, 'permanent', true, ['over_80', 'living_alone']],
    [0, 'permanent', false, null],
    [0, 'registered_elsewhere', true, null],
    [1, 'temporary', false, null],
    [1, 'lodging', false, null],
  ];
  const residents = [];
  for (const [k, [house, type, partyMember, careTags]] of people.entries()) {
    const data = { idNumber: idNumber(), phone: phone(), type, partyMember, careTags };
    const r = await docs(RG.resident).create({
      data: { ...data, house: houses[house].documentId, name: `居民${k + 1}` },
    });
    residents.push({ documentId: r.documentId as string, ...data });
  }
  const rental = await docs(RG.rental).create({
    data: { house: houses[1].documentId, landlord: '房东甲', landlordPhone: phone(), from: day(-100), to: day(200) },
  });
  const pastRental = await docs(RG.rental).create({
    data: { house: houses[1].documentId, landlord: '房东甲', landlordPhone: phone(), from: day(-500), to: day(-120) },
  });
  const shopData = { operatorPhone: phone(), creditCode: creditCode() };
  const shop = await docs(RG.shop).create({
    data: {
      ...shopData,
      name: '烩面馆',
      house: houses[3].documentId,
      grid: c.grids[0].documentId,
      category: 'catering',
    },
  });
  const firmData = { contactPhone: phone(), creditCode: creditCode() };
  const firm = await docs(RG.firm).create({
    data: {
      ...firmData,
      name: '测试企业有限公司',
      grid: c.grids[0].documentId,
      ...(unitBranch ? { partyOrganisation: unitBranch.documentId } : {}),
    },
  });
  return {
    building: { documentId: building.documentId },
    houses,
    residents,
    rental: { documentId: rental.documentId, landlordPhone: rental.landlordPhone },
    pastRental: { documentId: pastRental.documentId, landlordPhone: pastRental.landlordPhone },
    shop: { documentId: shop.documentId, ...shopData },
    firm: { documentId: firm.documentId, ...firmData },
  };
}

/** Every raw personal value of the registers, to look for in answers. */
export const rawValues = (r: Registers): string[] => [
  ...r.residents.flatMap((x) => [x.idNumber, x.phone]),
  r.rental.landlordPhone,
  r.pastRental.landlordPhone,
  r.shop.operatorPhone,
  r.firm.contactPhone,
];
