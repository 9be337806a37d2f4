import { fromCell, normalise, toCell } from '../../src/plugins/registers/server/src/io/cells';
import { REGISTRIES } from '../../src/plugins/registers/server/src/io/registries';
import { columnLetter } from '../../src/packages/kit/server/export';

/** The rules of one Excel cell, both ways: what an export writes and what an import reads back. */
const house = REGISTRIES.house;
const resident = REGISTRIES.resident;
const col = (registry: typeof house, path: string) => registry.columns.find((c) => c.path === path)!;

describe('cells of the registries', () => {
  it('reads enumeration labels (and refuses others, listing the choices)', () => {
    expect(fromCell(house.uid, col(house, 'use'), '出租')).toEqual({ value: 'rented' });
    expect(fromCell(house.uid, col(house, 'use'), '租出去了')).toEqual({
      error: '须为以下之一：自住、出租、空置、商铺',
    });
    expect(toCell(house.uid, col(house, 'use'), 'vacant')).toBe('空置');
  });

  it('reads numbers within their bounds, dates in three spellings, 是/否', () => {
    expect(fromCell(house.uid, col(house, 'unit'), '3')).toEqual({ value: 3 });
    expect(fromCell(house.uid, col(house, 'unit'), 2.5)).toEqual({ error: '须为整数' });
    expect(fromCell(house.uid, col(house, 'unit'), 99)).toEqual({ error: '不能大于 50' });
    const from = col(REGISTRIES.rental, 'from');
    for (const raw of ['2025-03-01', '2025/3/1', '2025年3月1日', new Date(Date.UTC(2025, 2, 1))])
      expect(fromCell(REGISTRIES.rental.uid, from, raw)).toEqual({ value: '2025-03-01' });
    expect(fromCell(REGISTRIES.rental.uid, from, '2025-02-30')).toEqual({ error: '须为日期，如 2025-03-01' });
    const pledge = col(REGISTRIES.rental, 'securityPledge');
    expect(fromCell(REGISTRIES.rental.uid, pledge, '是')).toEqual({ value: true });
    expect(fromCell(REGISTRIES.rental.uid, pledge, '对')).toEqual({ error: '须为“是”或“否”' });
  });

  it('requires what is required; undoes the export’s formula apostrophe', () => {
    expect(fromCell(house.uid, col(house, 'room'), '  ')).toEqual({ error: '必填' });
    expect(fromCell(REGISTRIES.shop.uid, col(REGISTRIES.shop, 'name'), "'=1+1")).toEqual({ value: '=1+1' });
    expect(fromCell(REGISTRIES.shop.uid, col(REGISTRIES.shop, 'name'), "'s shop")).toEqual({ value: "'s shop" });
  });

  it('masks personal values on export and keeps a masked cell on import', () => {
    const id = col(resident, 'idNumber');
    expect(toCell(resident.uid, id, '41022319900101123X')).toBe('4102**********123X');
    expect(fromCell(resident.uid, id, '4102**********123X')).toEqual({ keep: '4102**********123X' });
    expect(fromCell(resident.uid, id, '410223199001011230')).toEqual({ error: '不是有效的公民身份号码（GB 11643）' });
    const tags = col(resident, 'careTags');
    expect(toCell(resident.uid, tags, ['living_alone'])).toBe('***');
    expect(fromCell(resident.uid, tags, '独居、80岁以上')).toEqual({ value: ['living_alone', 'over_80'] });
    expect(normalise(tags, '["over_80","living_alone"]')).toEqual(['living_alone', 'over_80']);
    expect(normalise(tags, [])).toBeNull();
  });

  it('every registry key names its own columns, and every relation column a key of its target', () => {
    for (const registry of Object.values(REGISTRIES)) {
      for (const path of [...registry.key, ...(registry.maskedKey ?? [])])
        expect({ type: registry.type, path, found: registry.columns.some((c) => c.path === path) }).toMatchObject({
          found: true,
        });
      for (const { attribute, target } of registry.relations) {
        const under = registry.columns.filter((c) => c.path.startsWith(`${attribute}.`)).map((c) => c.path);
        expect(under).toEqual(REGISTRIES[target].key.map((p) => `${attribute}.${p}`));
      }
    }
  });

  it('names spreadsheet columns by letter', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
