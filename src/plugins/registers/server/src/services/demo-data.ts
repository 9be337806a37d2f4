import { creditCodeCheckCharacter, identityCheckCharacter } from '../../../shared';

/**
 * The registers of the Weishi demo, as pure data (no Strapi): for each demo compound two buildings of
 * two units and six floors, two rooms a floor; their residents with valid (fictional) identity
 * numbers of 尉氏县 (410223) and phones 1380000xxxx; lettings of the rented houses; shops on the
 * ground floors; firms of the grids. Deterministic: the same demo every run.
 */
export interface DemoCompound {
  code: string;
  grid: string;
  lat: number;
  lng: number;
}
export interface DemoBuilding {
  compound: string;
  number: string;
  units: number;
  floors: number;
  buildingHead: string;
  lat: number;
  lng: number;
}
export interface DemoHouse {
  key: string;
  building: string;
  unit: number;
  floor: number;
  room: string;
  area: number;
  use: 'owner_occupied' | 'rented' | 'vacant' | 'shop';
}
export interface DemoResident {
  house: string;
  name: string;
  idNumber: string;
  phone: string | null;
  relation: string;
  type: 'permanent' | 'temporary' | 'lodging' | 'registered_elsewhere';
  careTags: string[] | null;
  partyMember: boolean;
}
export interface DemoRental {
  house: string;
  landlord: string;
  landlordPhone: string;
  from: string;
  to: string | null;
  occupants: number;
  purpose: 'living' | 'business' | 'storage';
  securityPledge: boolean;
}
export interface DemoShop {
  house: string;
  grid: string;
  name: string;
  operator: string;
  operatorPhone: string;
  creditCode: string;
  category: string;
  smallVenue: boolean;
  fireCheckDate: string;
  address: string;
  lat: number;
  lng: number;
}
export interface DemoFirm {
  grid: string;
  name: string;
  creditCode: string;
  size: 'large' | 'medium' | 'small' | 'micro';
  employees: number;
  contactName: string;
  contactPhone: string;
  partyOrganisation: string | null;
  address: string;
  lat: number;
  lng: number;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕'.split('');
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉梅春生文博子涵浩然欣怡'.split('');
const name = (i: number) =>
  SURNAMES[i % SURNAMES.length] + GIVEN[(i * 7 + 3) % GIVEN.length] + (i % 3 ? GIVEN[(i * 13) % GIVEN.length] : '');
const phone = (i: number) => `1380000${String(i % 10000).padStart(4, '0')}`;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** A valid identity number of 尉氏县: area 410223, the birth date, a sequence, its check character. */
export function demoIdNumber(i: number, birth: Date): string {
  const date = `${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1)}${pad(birth.getUTCDate())}`;
  const first17 = `410223${date}${String(i % 1000).padStart(3, '0')}`;
  return first17 + identityCheckCharacter(first17);
}

/** A valid credit code: 92 (个体工商户) or 91 (公司), area 410223, a 9-character organisation code. */
export function demoCreditCode(kind: '91' | '92', i: number): string {
  const first17 = `${kind}410223MA${String(4700000 + i).padStart(7, '0')}`;
  return first17 + creditCodeCheckCharacter(first17);
}

const SHOP_NAMES: Array<[string, string, boolean]> = [
  ['烩面馆', 'catering', true],
  ['便利店', 'retail', false],
  ['理发店', 'beauty', true],
  ['家电维修', 'repair', false],
  ['托管辅导班', 'education', true],
  ['大药房', 'medical', false],
  ['棋牌室', 'entertainment', true],
  ['快捷宾馆', 'hotel', true],
  ['五金店', 'other', false],
];
const FIRM_WORDS = ['纺织', '食品', '建材', '物流', '电子', '农业科技', '机械', '印务', '家具', '商贸', '环保', '医药'];

export interface DemoRegisters {
  buildings: DemoBuilding[];
  houses: DemoHouse[];
  residents: DemoResident[];
  rentals: DemoRental[];
  shops: DemoShop[];
  firms: DemoFirm[];
}

/** `units` party branches (unit_branch) the firms may belong to, by code. */
export function buildRegisters(compounds: DemoCompound[], unitBranches: string[], now = new Date()): DemoRegisters {
  const out: DemoRegisters = { buildings: [], houses: [], residents: [], rentals: [], shops: [], firms: [] };
  const year = now.getUTCFullYear();
  const isoDay = (d: Date) => d.toISOString().slice(0, 10);
  const daysAgo = (n: number) => isoDay(new Date(now.getTime() - n * 86_400_000));
  let person = 0;
  let h = 0;
  const ids = new Set<string>();
  // A sequence number per birth date, as the police station gives them: never the same number twice.
  const uniqueId = (birth: Date) => {
    let seq = person;
    while (ids.has(demoIdNumber(seq, birth))) seq += 1;
    const id = demoIdNumber(seq, birth);
    ids.add(id);
    return id;
  };
  compounds.forEach((c, ci) => {
    for (let b = 1; b <= 2; b++) {
      const number = `${b}号楼`;
      const building = `${c.code}/${number}`;
      out.buildings.push({
        compound: c.code,
        number,
        units: 2,
        floors: 6,
        buildingHead: name(ci * 10 + b),
        lat: c.lat + b * 0.0003,
        lng: c.lng + b * 0.0004,
      });
      for (let unit = 1; unit <= 2; unit++) {
        for (let floor = 1; floor <= 6; floor++) {
          for (let door = 1; door <= 2; door++) {
            h += 1;
            const room = `${floor}0${door}`;
            const key = `${building}/${unit}/${room}`;
            const use: DemoHouse['use'] =
              floor === 1 && b === 1 && unit === 1
                ? 'shop'
                : h % 7 === 0
                  ? 'vacant'
                  : h % 4 === 0
                    ? 'rented'
                    : 'owner_occupied';
            out.houses.push({ key, building, unit, floor, room, area: 60 + ((h * 17) % 80), use });
            if (use === 'vacant') continue;
            if (use === 'shop') {
              const [word, category, small] = SHOP_NAMES[(ci * 2 + door) % SHOP_NAMES.length];
              out.shops.push({
                house: key,
                grid: c.grid,
                name: `${SURNAMES[(ci + door) % SURNAMES.length]}记${word}`,
                operator: name(5000 + h),
                operatorPhone: phone(7000 + h),
                creditCode: demoCreditCode('92', h),
                category,
                smallVenue: small,
                fireCheckDate: daysAgo(30 + ((h * 11) % 300)),
                address: `${c.code}小区${number}${unit}单元${room}（临街）`,
                lat: c.lat + 0.0001 * door,
                lng: c.lng - 0.0002 * door,
              });
              continue;
            }
            const householder = person;
            const size = use === 'rented' ? 1 + (h % 2) : 1 + (h % 4);
            for (let k = 0; k < size; k++) {
              person += 1;
              const age = k === 0 ? 35 + ((h * 7) % 50) : k === 1 ? 30 + ((h * 5) % 45) : 3 + ((h * 3 + k) % 18);
              const birth = new Date(Date.UTC(year - age, (person * 5) % 12, 1 + ((person * 3) % 28)));
              const care: string[] = [];
              if (age >= 80) care.push('over_80');
              if (size === 1 && age >= 65) care.push('living_alone');
              if (person % 53 === 0) care.push('disabled');
              if (person % 61 === 0) care.push('subsistence');
              if (person % 97 === 0) care.push('veteran');
              out.residents.push({
                house: key,
                name: name(person),
                idNumber: uniqueId(birth),
                phone: age >= 16 ? phone(person) : null,
                relation: use === 'rented' ? 'tenant' : k === 0 ? 'householder' : k === 1 ? 'spouse' : 'child',
                type:
                  use === 'rented'
                    ? k === 0
                      ? 'temporary'
                      : 'lodging'
                    : person % 11 === 0
                      ? 'registered_elsewhere'
                      : 'permanent',
                careTags: care.length ? care : null,
                partyMember: age >= 18 && person % 9 === 0,
              });
            }
            if (use === 'rented') {
              const started = 20 + ((h * 13) % 500);
              out.rentals.push({
                house: key,
                landlord: name(9000 + householder),
                landlordPhone: phone(8000 + h),
                from: daysAgo(started),
                // about one in five lettings has ended (a past letting); the rest run on
                to: h % 5 === 0 ? daysAgo(started - 10 > 0 ? 5 : 1) : h % 3 === 0 ? null : daysAgo(started - 365),
                occupants: size,
                purpose: h % 9 === 0 ? 'business' : 'living',
                securityPledge: h % 6 !== 0,
              });
            }
          }
        }
      }
    }
  });
  const grids = [...new Set(compounds.map((c) => c.grid))];
  grids.forEach((grid, gi) => {
    const c = compounds.find((x) => x.grid === grid)!;
    out.firms.push({
      grid,
      name: `尉氏县${FIRM_WORDS[gi % FIRM_WORDS.length]}${gi % 2 ? '有限公司' : '股份有限公司'}`,
      creditCode: demoCreditCode('91', 500 + gi),
      size: (['micro', 'small', 'medium', 'large'] as const)[gi % 4],
      employees: [8, 45, 220, 1200][gi % 4],
      contactName: name(6000 + gi),
      contactPhone: phone(9500 + gi),
      partyOrganisation: gi % 3 === 0 && unitBranches.length ? unitBranches[gi % unitBranches.length] : null,
      address: `尉氏县产业集聚区${10 + gi}号`,
      lat: c.lat - 0.002,
      lng: c.lng + 0.002,
    });
  });
  return out;
}
